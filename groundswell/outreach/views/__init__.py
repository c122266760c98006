"""Outreach pages: call banking and turnout (views.calls...), peer-to-peer texting (views.texting...)."""
