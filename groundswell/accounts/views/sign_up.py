"""Joining: an account and a person record in one step, then on to the member home."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from groundswell.accounts.actions import AccountExists
from groundswell.accounts.actions import sign_up as join
from groundswell.accounts.forms import CONSENT_HELP, SignUpForm
from groundswell.accounts.redirects import go_next, safe_next
from groundswell.accounts.throttle import Throttle, client_ip, lockout_message
from groundswell.accounts.views.sign_in import BACKEND


def sign_up(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated:
        return go_next(next_url)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Every sign-up emails someone: count them per address and per network, so the form
        # cannot be used to flood an inbox or mass-create accounts.
        throttle = Throttle("sign-up", form.cleaned_data["email"], client_ip(request))
        locked = throttle.seconds_locked()
        if locked:
            form.add_error(None, lockout_message(locked))
            context = {"form": form, "next": next_url, "consent_help": CONSENT_HELP}
            return render(request, "accounts/sign_up.html", context, status=429)
        throttle.failed()
        try:
            user = join(form.new_member(), next_url)
        except AccountExists:
            context = {"email": form.cleaned_data["email"], "next": next_url}
            return render(request, "accounts/already_joined.html", context)
        login(request, user, backend=BACKEND)
        messages.success(
            request,
            f"Welcome! We've emailed {user.email} a link: open it to confirm your address.",
        )
        return go_next(next_url)
    context = {"form": form, "next": next_url, "consent_help": CONSENT_HELP}
    return render(request, "accounts/sign_up.html", context)
