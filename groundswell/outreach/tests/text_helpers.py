"""Shortcuts for the texting tests: people with mobiles, a tag audience, campaigns made through the
real actions, provider settings for the fake Twilio server, and a frozen clock for the actions."""

import itertools
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast
from unittest import mock

from django.test import Client, override_settings
from django.urls import reverse

from groundswell.accounts.models import Role, User
from groundswell.core.testing import (
    GroupFactory,
    PersonFactory,
    add_member,
    make_user,
    verified_client,
)
from groundswell.groups.models import Group
from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_claims import claim_next
from groundswell.outreach.actions.texting import (
    CampaignDetails,
    create_text_campaign,
    start_text_campaign,
)
from groundswell.outreach.models import Conversation, TextCampaign, TextMessage
from groundswell.people.models import Person, PhoneNumber, Tag
from groundswell.searches.models import SavedSearch

SITE = "https://gs.example.org"
# A Wednesday in January: 12:00 in London (GMT), 07:00 in New York.
NOON = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)
_numbers = itertools.count(100001)


def mobile() -> str:
    """A fresh valid UK mobile number (E.164)."""
    return f"+447400{next(_numbers):06d}"


def person(
    number: str | None = "", *, consent: bool = True, kind: str = "mobile", **fields: Any
) -> Person:
    """A person who agreed to texts (unless told) with one primary number (a new mobile if "")."""
    made = cast(Person, PersonFactory(sms_consent=consent, **fields))  # type: ignore[no-untyped-call]
    if number is not None:
        PhoneNumber.objects.create(
            person=made,
            number=number or mobile(),
            number_type=kind,
            sms_capable=kind == "mobile",
            primary=True,
        )
    return made


def audience_of(owner: User, people: list[Person], name: str = "Texting list") -> SavedSearch:
    tag = Tag.objects.create(name=f"{name} {next(_numbers)}")
    tag.people.add(*people)
    return SavedSearch.objects.create(
        name=name, owner=owner, definition={"all": [{"filter": "tag", "tag": tag.pk}]}
    )


def texter() -> User:
    """A volunteer with an account (no organiser role)."""
    return make_user(Role.MEMBER)


def organiser() -> User:
    return make_user(Role.NATIONAL_ORGANISER)


def campaign(
    owner: User,
    people: list[Person],
    texters: list[User],
    *,
    message: str = "Hi {given_name}, it's {texter_name} from {group_name}. Can you help on Saturday?",
    start: bool = True,
    **fields: Any,
) -> TextCampaign:
    details = CampaignDetails(
        name=fields.pop("name", "Saturday canvass"),
        audience=audience_of(owner, people),
        message=message,
        texters=[cast(Person, user.person) for user in texters],
        **fields,
    )
    made = create_text_campaign(owner, details)
    if start:
        start_text_campaign(made)
    return made


def claimed(user: User, made: TextCampaign, now: datetime = NOON) -> Conversation:
    """The conversation "Send next" puts on this texter's screen."""
    found = claim_next(cast(Person, user.person), made, now=now).conversation
    assert found is not None
    return found


@contextmanager
def frozen(at: datetime = NOON) -> Iterator[None]:
    """The texting actions' clock stopped at `at` (they call timezone.now() when not given one)."""
    clock = SimpleNamespace(now=lambda: at)
    modules = ("text_sending", "text_claims", "text_replies", "text_inbound")
    with ExitStack() as stack:
        for name in modules:
            stack.enter_context(mock.patch(f"groundswell.outreach.actions.{name}.timezone", clock))
        yield


def twilio_settings(fake: FakeTwilio) -> override_settings:
    return override_settings(
        SMS_PROVIDER="twilio",
        SMS_TWILIO_API_BASE=fake.url,
        SMS_TWILIO_ACCOUNT_SID=fake.account_sid,
        SMS_TWILIO_AUTH_TOKEN=fake.auth_token,
        SMS_TWILIO_MESSAGING_SERVICE_SID="",
        SMS_FROM_NUMBER="+447400000001",
        SMS_TIMEOUT_SECONDS=1,
        SITE_URL=SITE,
    )


def signed_in(user: User) -> Client:
    """A texter needs no second factor; an organiser's pages do, so every client has one."""
    return verified_client(user)


def token_on(page: Any) -> str:
    """The one-time token in the send button's form on a texter's screen."""
    found = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert found, "no send button on the page"
    return found.group(1)


def send_first_text(user: User, made: TextCampaign, now: datetime = NOON) -> Conversation:
    """The texter presses "Send next" and then Send, through the actions."""
    from groundswell.outreach.actions.text_claims import claim_token
    from groundswell.outreach.actions.text_sending import send_opening_text

    conversation = claimed(user, made, now)
    outcome = send_opening_text(user, made, claim_token(conversation), now=now)
    assert outcome.went, outcome.message
    conversation.refresh_from_db()
    return conversation


def inbound(
    fake: FakeTwilio, from_number: str, body: str, sid: str = ""
) -> tuple[str, dict[str, str], dict[str, str]]:
    """(path, params, headers) of a signed inbound-text webhook for Django's test client."""
    path = reverse("outreach:sms_inbound")
    params, headers = fake.inbound_request(SITE + path, from_number=from_number, body=body, sid=sid)
    return path, params, headers


def status_report(
    fake: FakeTwilio, message: TextMessage, status: str, error_code: str = ""
) -> tuple[str, dict[str, str], dict[str, str]]:
    path = reverse("outreach:sms_status", args=[message.pk])
    params, headers = fake.status_request(
        SITE + path, sid=message.provider_id or "", status=status, error_code=error_code
    )
    return path, params, headers


def person_of(user: User) -> Person:
    assert user.person is not None
    return user.person


def new_group() -> Group:
    return cast(Group, GroupFactory())  # type: ignore[no-untyped-call]


def group_organiser(group: Group | None = None) -> tuple[Group, User]:
    """A local organiser (no national role) of `group` (a new one if None)."""
    group = group or new_group()
    user = make_user()
    add_member(group, person_of(user), role="organiser")
    return group, user
