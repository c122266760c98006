"""The emails accounts send: sign-in links, for signing in, confirming an address, or an
address that tried to join twice."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from groundswell.accounts.links import make_token
from groundswell.accounts.models import User

SUBJECTS = {
    "sign-in": "Your sign-in link",
    "confirm": "Confirm your email address",
    "already-joined": "You already have an account",
}


def sign_in_url(user: User, purpose: str = "sign-in", next_url: str = "") -> str:
    confirming = purpose == "confirm" and not user.email_confirmed
    token = make_token(user, "confirm" if confirming else "sign-in")
    url = settings.SITE_URL.rstrip("/") + reverse("accounts:use_link", args=[token])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def send_sign_in_link(user: User, purpose: str = "sign-in", next_url: str = "") -> None:
    context = {
        "user": user,
        "purpose": purpose,
        "url": sign_in_url(user, purpose, next_url),
        "minutes": max(1, settings.SIGN_IN_LINK_MAX_AGE // 60),
        "SITE_NAME": settings.SITE_NAME,
    }
    body = render_to_string("accounts/email/sign_in_link.txt", context)
    subject = f"{settings.SITE_NAME}: {SUBJECTS[purpose]}"
    send_mail(subject, body, None, [user.email])
