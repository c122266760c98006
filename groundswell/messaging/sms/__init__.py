"""SMS: the provider interface (provider.py) with Twilio and console providers, and the pure parts
of texting: segment counting, opt-out keywords, texting hours, textable numbers.

Deliberately imports nothing, so the pure modules stay free of Django.
"""
