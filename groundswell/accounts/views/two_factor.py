"""Two-factor sign-in: set up an authenticator app, enter a code, and backup codes."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from groundswell.accounts import two_factor as devices
from groundswell.accounts.forms import CodeForm
from groundswell.accounts.models import User
from groundswell.accounts.redirects import go_next, safe_next
from groundswell.accounts.throttle import Throttle, client_ip, lockout_message
from groundswell.core.access import is_verified, sees_personal_data

WRONG_CODE = "That code is not right. Codes change every 30 seconds: type the one showing now."


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    next_url = safe_next(request)
    if is_verified(user):
        if next_url:
            return go_next(next_url)
        context = {"backup_codes_left": devices.backup_codes_left(user)}
        return render(request, "accounts/two_factor_status.html", context)
    if devices.has_device(user):
        return _verify(request, user, next_url)
    return _set_up(request, user, next_url)


def _checked_code(request: HttpRequest, user: User) -> tuple[CodeForm, Throttle, int]:
    form = CodeForm(request.POST or None)
    throttle = Throttle("code", str(user.pk), client_ip(request))
    locked = throttle.seconds_locked() if request.method == "POST" else 0
    if locked:
        form.add_error(None, lockout_message(locked))
    return form, throttle, locked


def _verify(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    form, throttle, locked = _checked_code(request, user)
    if request.method == "POST" and not locked and form.is_valid():
        device = devices.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            throttle.succeeded()
            otp_login(request, device)
            return go_next(next_url)
        throttle.failed()
        form.add_error("code", WRONG_CODE)
    context = {"form": form, "next": next_url, "demo_code": devices.demo_hint(user)}
    return render(
        request, "accounts/two_factor_verify.html", context, status=429 if locked else 200
    )


def _set_up(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    device = devices.pending_app_device(user)
    form, throttle, locked = _checked_code(request, user)
    form.fields["code"].widget.attrs.pop("autofocus")  # on a phone it would scroll past the QR code
    if request.method == "POST" and not locked and form.is_valid():
        if devices.confirm_app_device(device, form.cleaned_data["code"]):
            throttle.succeeded()
            otp_login(request, device)
            return _show_backup_codes(request, user, next_url)
        throttle.failed()
        form.add_error("code", WRONG_CODE)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": devices.qr_svg(device),
        "secret": devices.secret_text(device),
        "required": sees_personal_data(user),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=429 if locked else 200)


def _show_backup_codes(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    context = {"codes": devices.new_backup_codes(user), "next": next_url}
    return render(request, "accounts/backup_codes.html", context)


@require_POST
@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    """A fresh set of backup codes, replacing the old ones. Needs the second factor already."""
    user = request.user
    assert isinstance(user, User)
    if not is_verified(user):
        return redirect("accounts:two_factor")
    return _show_backup_codes(request, user, "")
