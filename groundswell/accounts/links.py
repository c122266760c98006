"""One-time sign-in links: signed, expiring after SIGN_IN_LINK_MAX_AGE, and void once used.

A sign-in token carries a fingerprint of the account's last sign-in, so signing in (which moves
last_login) spends every such link issued before. A confirmation token is bound instead to the
address being still unconfirmed, so signing in straight after joining does not spend it; using it
confirms the address, which spends it. Changing the password or address spends both kinds.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from groundswell.accounts.models import User

SALT = "groundswell.accounts.sign-in-link"
KINDS = ("sign-in", "confirm")


class LinkError(ValueError):
    """A link that cannot sign anyone in; the message is fit to show."""


def _fingerprint(user: User, kind: str) -> str:
    moment = user.last_login if kind == "sign-in" else user.email_confirmed_at
    stamp = moment.isoformat() if moment else ""
    state = f"{kind}|{user.pk}|{user.password}|{stamp}|{user.email}|{user.is_active}"
    return salted_hmac(SALT, state).hexdigest()[:32]


def make_token(user: User, kind: str = "sign-in") -> str:
    if kind not in KINDS:
        raise ValueError(f"Unknown link kind {kind!r}")
    return signing.dumps([user.pk, kind, _fingerprint(user, kind)], salt=SALT)


def user_for_token(token: str) -> User:
    """The account a token signs in to, or LinkError saying why not."""
    try:
        pk, kind, fingerprint = signing.loads(
            token, salt=SALT, max_age=settings.SIGN_IN_LINK_MAX_AGE
        )
    except signing.SignatureExpired as exc:
        raise LinkError("This sign-in link has expired. Ask for a new one below.") from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkError("This sign-in link is not valid. Ask for a new one below.") from exc
    user = User.objects.filter(pk=pk, is_active=True).first()
    if kind not in KINDS or user is None:
        raise LinkError("This sign-in link is not valid. Ask for a new one below.")
    spent = kind == "confirm" and user.email_confirmed
    if spent or not constant_time_compare(fingerprint, _fingerprint(user, kind)):
        raise LinkError("This sign-in link has already been used. Ask for a new one below.")
    return user
