"""Accounts pages: joining, signing in and out, two-factor sign-in, and a member's own details."""
