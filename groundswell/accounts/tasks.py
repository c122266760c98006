"""Background work for accounts: emailing sign-in links."""

from django_tasks import task

from groundswell.accounts.emails import send_sign_in_link
from groundswell.accounts.models import User


@task()
def email_sign_in_link(address: str, purpose: str = "sign-in", next_url: str = "") -> None:
    """Email a sign-in link if the address has an active account; otherwise do nothing, so that
    the page asking for it cannot tell (even by its timing) whether the address is known."""
    user = User.objects.filter(email=address, is_active=True).select_related("person").first()
    if user is not None:
        send_sign_in_link(user, purpose, next_url)
