"""Signed tokens in links: cancelling a place and checking in (per attendance), and calendar feeds
(per person or group). Short, unguessable, no database table; a token for one purpose never works
for another."""

from django.core import signing

_PURPOSES = frozenset({"cancel", "checkin", "person-feed", "group-feed"})


def _signer(purpose: str) -> signing.Signer:
    if purpose not in _PURPOSES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return signing.Signer(salt=f"groundswell.events.{purpose}")


def make_token(purpose: str, pk: int) -> str:
    """e.g. make_token("cancel", attendance.pk) -> "123:Xy…" (URL-safe)."""
    return _signer(purpose).sign(str(pk))


def read_token(purpose: str, token: str) -> int | None:
    """The id a token was made for, or None when it is forged, mangled or for another purpose."""
    try:
        value = _signer(purpose).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None
