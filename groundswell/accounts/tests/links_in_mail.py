"""Reading the sign-in link out of an email the way a member would."""

import re

from django.core.mail import EmailMessage

LINK = re.compile(r"https?://\S+/accounts/sign-in/link/\S+")


def path_of_link(message: EmailMessage) -> str:
    found = LINK.search(str(message.body))
    assert found, f"no sign-in link in: {message.body}"
    url = found.group(0)
    return url[url.index("/accounts/") :]
