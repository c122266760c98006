"""Demo texting: a campaign for the demo organiser's group with conversations in every state (texted,
delivered, replied, stopped, failed, waiting), made by the real send and webhook actions against the console
provider, at a daytime moment so texting hours allow them."""

import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.groups.models import Group
from groundswell.messaging.sms.console import ConsoleProvider
from groundswell.messaging.sms.messages import InboundMessage, StatusUpdate
from groundswell.outreach.actions.text_claims import claim_next, claim_token
from groundswell.outreach.actions.text_inbound import apply_status, receive_text
from groundswell.outreach.actions.text_sending import send_opening_text
from groundswell.outreach.actions.texting import (
    CampaignDetails,
    add_canned_response,
    create_text_campaign,
    start_text_campaign,
)
from groundswell.outreach.models import Direction, TextCampaign, TextMessage
from groundswell.people.models import Person
from groundswell.searches.models import SavedSearch

MESSAGE = (  # one 160-character segment for most names: every extra segment is paid for
    "Hi {given_name}, it's {texter_name} from {group_name}. Can you canvass with us this Saturday "
    "morning? Reply STOP to opt out."
)
CANNED = (
    ("Where we meet", "Great! We meet at 10:30 outside the library. I'll text you the day before."),
    ("Not this time", "No worries at all, thanks for letting me know. We'll be in touch about the next one."),
    ("Who we are", "We're {group_name}, the local group of the movement. You gave us your number when you signed up."),
)  # fmt: skip
SENDS = 16
REPLIES = (
    "Yes, count me in!",
    "Who is this?",
    "Maybe, depends on work. What time?",
    "STOP",
    "please stop texting me",
    "Can't this week sorry",
)


def write_texting(
    rng: random.Random, organiser: User, group: Group, audience: SavedSearch, texters: list[Person]
) -> None:
    details = CampaignDetails(
        name=f"{group.name}: Saturday canvass", audience=audience, message=MESSAGE,
        texters=texters, group=group,
    )  # fmt: skip
    campaign = create_text_campaign(organiser, details)
    for title, body in CANNED:
        add_canned_response(campaign, title, body)
    start_text_campaign(campaign)
    users = {u.person_id: u for u in User.objects.filter(person__in=texters) if u.person_id}
    # The console provider, quietly, whatever the settings say: the demo never texts anyone.
    console = ConsoleProvider(
        path=settings.SMS_FILE_PATH, secret=settings.SMS_CONSOLE_SECRET, echo=False
    )
    sent = _send(campaign, texters, users, _daytime(), console)
    _answer(rng, sent)


def _daytime() -> datetime:
    """11:00 UK time today, or yesterday if that is still to come: within texting hours, in the past."""
    now = timezone.localtime()
    moment = timezone.make_aware(datetime.combine(now.date(), time(11)))
    return moment if moment < now else moment - timedelta(days=1)


def _send(
    campaign: TextCampaign,
    texters: list[Person],
    users: dict[int, User],
    start: datetime,
    provider: ConsoleProvider,
) -> list[TextMessage]:
    for i in range(SENDS):
        texter = texters[i % len(texters)]
        now = start + timedelta(minutes=i)
        claim = claim_next(texter, campaign, now=now)
        if claim.conversation is None:
            break
        token = claim_token(claim.conversation)
        send_opening_text(users[texter.pk], campaign, token, now=now, provider=provider)
    return list(
        TextMessage.objects.filter(conversation__campaign=campaign, direction=Direction.OUT)
        .select_related("conversation")
        .order_by("pk")
    )


def _answer(rng: random.Random, sent: list[TextMessage]) -> None:
    """Delivery reports for most, a failure, and replies (a STOP among them) from some."""
    for i, message in enumerate(sent):
        if not message.provider_id:
            continue
        failed = i == len(sent) - 1
        update = StatusUpdate(
            provider_id=message.provider_id,
            status="failed" if failed else "delivered",
            error_code="30003" if failed else "",
            error_message="Unreachable destination handset" if failed else "",
            number_unusable=False,
        )
        apply_status(message.pk, update)
    for i, body in enumerate(REPLIES):
        if i >= len(sent) - 1:
            break
        message = sent[i]
        inbound = InboundMessage(
            f"demo-reply-{message.pk}", message.conversation.phone, "", body, None
        )
        receive_text(inbound, now=message.at + timedelta(minutes=rng.randint(3, 40)))
