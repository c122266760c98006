"""Messaging: peer-to-peer texting and the SMS providers it sends through."""
