"""Signing in with a password or an emailed one-time link, and signing out."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from groundswell.accounts.actions import confirm_email
from groundswell.accounts.forms import LinkRequestForm, SignInForm
from groundswell.accounts.links import LinkError, user_for_token
from groundswell.accounts.models import User
from groundswell.accounts.redirects import go_next, safe_next, with_next
from groundswell.accounts.tasks import email_sign_in_link
from groundswell.accounts.throttle import Throttle, client_ip, lockout_message
from groundswell.accounts.two_factor import has_device
from groundswell.core.access import sees_personal_data

BACKEND = "django.contrib.auth.backends.ModelBackend"
WRONG_PASSWORD = (
    "That email address and password do not match. Check them, or ask for a sign-in link below."
)


def finish_sign_in(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    login(request, user, backend=BACKEND)
    if sees_personal_data(user) and has_device(user):
        return go_next(with_next("accounts:two_factor", next_url))
    return go_next(next_url)


def _page(request: HttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    context = {
        "form": forms.get("form") or SignInForm(),
        "link_form": forms.get("link_form") or LinkRequestForm(),
        "next": safe_next(request),
    }
    return render(request, "accounts/sign_in.html", context, status=status)


def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.method != "POST":
        return go_next(next_url) if request.user.is_authenticated else _page(request)
    form = SignInForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form)
    email, password = form.cleaned_data["email"], form.cleaned_data["password"]
    throttle = Throttle("password", email, client_ip(request))
    if locked := throttle.seconds_locked():
        form.add_error(None, lockout_message(locked))
        return _page(request, 429, form=form)
    user = authenticate(request, email=email, password=password)
    if isinstance(user, User):
        throttle.succeeded()
        return finish_sign_in(request, user, next_url)
    throttle.failed()
    locked = throttle.seconds_locked()
    form.add_error(None, lockout_message(locked) if locked else WRONG_PASSWORD)
    return _page(request, 429 if locked else 200, form=form)


@require_POST
def request_link(request: HttpRequest) -> HttpResponse:
    """Email a sign-in link. The answer is the same whether or not the address has an account."""
    form = LinkRequestForm(request.POST)
    if not form.is_valid():
        return _page(request, link_form=form)
    email = form.cleaned_data["email"]
    throttle = Throttle("link", email, client_ip(request))
    if locked := throttle.seconds_locked():
        form.add_error(None, lockout_message(locked))
        return _page(request, 429, link_form=form)
    throttle.failed()  # every request counts, so nobody can flood an inbox with links
    email_sign_in_link.enqueue(email, "sign-in", safe_next(request))
    return render(request, "accounts/link_sent.html", {"email": email})


def use_link(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows a button; only pressing it signs in. Mail scanners that follow
    links would otherwise spend them before the member ever clicks."""
    next_url = safe_next(request)
    try:
        user = user_for_token(token)
    except LinkError as exc:
        context = {"problem": str(exc), "link_form": LinkRequestForm(), "next": next_url}
        return render(request, "accounts/use_link.html", context, status=400)
    if request.method != "POST":
        return render(request, "accounts/use_link.html", {"account": user, "next": next_url})
    confirm_email(user)
    return finish_sign_in(request, user, next_url)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, "You have signed out.")
    return go_next("")
