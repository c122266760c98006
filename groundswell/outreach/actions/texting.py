"""Setting up a texting campaign: creating and editing it, its canned responses, and starting,
pausing, refreshing and closing it. Sending lives in text_sending/text_replies, webhooks in
text_inbound."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import Any

from django.db import transaction

from groundswell.accounts.models import User
from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Group
from groundswell.outreach.actions.text_audience import AudienceCounts, add_conversations
from groundswell.outreach.actions.text_rules import TextingRefused
from groundswell.outreach.models import CampaignStatus, CannedResponse, TextCampaign
from groundswell.outreach.text_merge import MergeError, check_template
from groundswell.people.models import Person
from groundswell.people.queries import people_visible_to
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import searches_usable_by

MAX_MESSAGE = 1600  # Twilio refuses a longer body (error 21617)


@dataclass
class CampaignDetails:
    """What the set-up form says about a campaign."""

    name: str
    audience: SavedSearch
    message: str
    texters: list[Person]
    group: Group | None = None
    hours_start: time | None = None
    hours_end: time | None = None


def check_message(text: str) -> None:
    """TextingRefused if `text` cannot be an opening message or canned response."""
    if not text.strip():
        raise TextingRefused("Write the message.")
    if len(text) > MAX_MESSAGE:
        raise TextingRefused(f"A text can be at most {MAX_MESSAGE:,} characters.")
    try:
        check_template(text)
    except MergeError as exc:
        raise TextingRefused(str(exc)) from exc


def _check(user: Any, details: CampaignDetails, current: TextCampaign | None) -> None:
    check_message(details.message)
    usable = searches_usable_by(user).filter(pk=details.audience.pk).exists()
    if not usable and not (current and current.audience_id == details.audience.pk):
        raise TextingRefused("You cannot use that saved search.")
    _check_group(user, details.group)
    start, end = details.hours_start, details.hours_end
    if (start or end) and not (start and end and start < end):
        raise TextingRefused("Texting hours need a start and an end, the start first.")


def _check_group(user: Any, group: Group | None) -> None:
    if sees_everyone(user):
        return
    if group is None:
        raise TextingRefused("Choose the group this campaign belongs to.")
    if not organised_group_ids(user).filter(group_id=group.pk).exists():
        raise TextingRefused("You can only run campaigns for groups you organise.")


@transaction.atomic
def create_text_campaign(user: Any, details: CampaignDetails) -> TextCampaign:
    _check(user, details, None)
    campaign = TextCampaign.objects.create(
        name=details.name.strip(),
        audience=details.audience,
        message=details.message,
        group=details.group,
        created_by=user,
        hours_start=details.hours_start,
        hours_end=details.hours_end,
    )
    campaign.texters.set(details.texters)
    return campaign


@transaction.atomic
def update_text_campaign(user: Any, campaign: TextCampaign, details: CampaignDetails) -> None:
    if campaign.status == CampaignStatus.CLOSED:
        raise TextingRefused("This campaign is closed, so it can no longer be changed.")
    _check(user, details, campaign)
    campaign.name = details.name.strip()
    campaign.audience = details.audience
    campaign.message = details.message
    campaign.group = details.group
    campaign.hours_start, campaign.hours_end = details.hours_start, details.hours_end
    campaign.save()
    campaign.texters.set(details.texters)


def add_canned_response(campaign: TextCampaign, title: str, body: str) -> CannedResponse:
    if not title.strip():
        raise TextingRefused("Give the canned response a title.")
    check_message(body)
    return CannedResponse.objects.create(campaign=campaign, title=title.strip(), body=body)


def delete_canned_response(campaign: TextCampaign, canned_id: int) -> None:
    campaign.canned.filter(pk=canned_id).delete()


def start_text_campaign(campaign: TextCampaign) -> AudienceCounts:
    """Open texting (from draft or paused) and add a conversation for everyone textable."""
    if campaign.status == CampaignStatus.CLOSED:
        raise TextingRefused("This campaign is closed.")
    if not campaign.texters.exists():
        raise TextingRefused("Add at least one texter before starting.")
    check_message(campaign.message)
    _set_status(campaign, CampaignStatus.ACTIVE)
    return add_conversations(campaign)


def refresh_text_campaign(campaign: TextCampaign) -> AudienceCounts:
    """Add people who joined the audience since (never anyone twice)."""
    if campaign.status not in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED):
        raise TextingRefused("Start the campaign first.")
    return add_conversations(campaign)


def pause_text_campaign(campaign: TextCampaign) -> None:
    if campaign.status != CampaignStatus.ACTIVE:
        raise TextingRefused("Only a campaign that is texting can be paused.")
    _set_status(campaign, CampaignStatus.PAUSED)


def close_text_campaign(campaign: TextCampaign) -> None:
    if campaign.status == CampaignStatus.CLOSED:
        raise TextingRefused("This campaign is already closed.")
    _set_status(campaign, CampaignStatus.CLOSED)


def _set_status(campaign: TextCampaign, status: str) -> None:
    campaign.status = status
    TextCampaign.objects.filter(pk=campaign.pk).update(status=status)


def texters_from_emails(user: Any, emails: Iterable[str]) -> tuple[list[Person], list[str]]:
    """(people to add as texters, the addresses that match no one this user can see)."""
    wanted = {email.strip().lower() for email in emails if email.strip()}
    accounts = User.objects.filter(
        email__in=wanted, is_active=True, person__in=people_visible_to(user)
    ).select_related("person")
    found = {account.email: account.person for account in accounts if account.owns_person}
    people = [person for person in found.values() if person is not None]
    return people, sorted(wanted - set(found))
