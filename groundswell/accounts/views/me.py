"""A member's own details and consent, and re-sending the link that confirms their address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.accounts.details import update_my_details
from groundswell.accounts.forms import CONSENT_HELP, MyDetailsForm
from groundswell.accounts.models import User
from groundswell.accounts.queries import my_details_initial
from groundswell.accounts.tasks import email_sign_in_link
from groundswell.accounts.throttle import Throttle, client_ip, lockout_message
from groundswell.accounts.two_factor import has_device


@login_required
def my_details(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    context = {"account": user, "has_two_factor": has_device(user), "consent_help": CONSENT_HELP}
    if not user.email_confirmed:
        return render(request, "accounts/my_details.html", context)
    form = MyDetailsForm(request.POST or None, initial=my_details_initial(user))
    if request.method == "POST" and form.is_valid():
        saved = update_my_details(user, form.my_details())
        if saved.phone_held_elsewhere:
            messages.warning(
                request,
                "That mobile number is on another of our records, so we have not added it here: "
                "an organiser will check and merge the two.",
            )
        messages.success(request, "Your details are saved." if saved.changed else "No changes.")
        return redirect("accounts:my_details")
    return render(request, "accounts/my_details.html", {**context, "form": form})


@require_POST
@login_required
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    throttle = Throttle("link", user.email, client_ip(request))
    if locked := throttle.seconds_locked():
        messages.error(request, lockout_message(locked))
    else:
        throttle.failed()  # counts towards the same limit as sign-in links
        email_sign_in_link.enqueue(user.email, "confirm", "")
        messages.success(request, f"We've sent a new link to {user.email}.")
    return redirect("accounts:my_details")
