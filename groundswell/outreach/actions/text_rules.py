"""The rules every texting action shares: the refusal it raises, a campaign's texting hours in the
recipient's own time zone, and the merge values for one person."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings

from groundswell.messaging.sms.hours import next_opening, recipient_zones, within_hours
from groundswell.outreach.models import TextCampaign
from groundswell.outreach.text_merge import MergeValues, render
from groundswell.people.models import Person


class TextingRefused(ValueError):
    """An action that must not happen, with a message fit to show the texter or organiser."""


def default_zone() -> ZoneInfo:
    return ZoneInfo(settings.SMS_DEFAULT_TIME_ZONE)


def campaign_hours(campaign: TextCampaign) -> tuple[time, time]:
    start = campaign.hours_start or time(settings.SMS_HOURS_START)
    end = campaign.hours_end or time(settings.SMS_HOURS_END)
    return start, end


def is_open_for(phone: str, campaign: TextCampaign, now: datetime) -> bool:
    start, end = campaign_hours(campaign)
    return within_hours(phone, now, default_zone=default_zone(), start=start, end=end)


def hours_refusal(phone: str, campaign: TextCampaign, now: datetime) -> str:
    """ "" when `phone` may be texted now, else why not, in their own time."""
    if is_open_for(phone, campaign, now):
        return ""
    start, end = campaign_hours(campaign)
    zone = recipient_zones(phone, default_zone())[0]
    local = now.astimezone(zone)
    if next_opening(phone, now, default_zone=default_zone(), start=start, end=end) is None:
        return (
            f"It's {local:%H:%M} for them, and their number spans time zones whose texting "
            "hours never overlap, so it cannot be texted. Nothing was sent."
        )
    return (
        f"It's {local:%H:%M} for them: texting opens at {start:%H:%M} their time. Nothing was sent."
    )


def next_opening_for(phone: str, campaign: TextCampaign, now: datetime) -> datetime | None:
    """When texting this number next opens (UTC), or None if it never does."""
    start, end = campaign_hours(campaign)
    return next_opening(phone, now, default_zone=default_zone(), start=start, end=end)


def merge_values(campaign: TextCampaign, person: Person, texter: Person | None) -> MergeValues:
    group_name = campaign.group.name if campaign.group_id and campaign.group else ""
    return MergeValues(
        given_name=person.given_name,
        family_name=person.family_name,
        texter_name=texter.given_name if texter else "",
        group_name=group_name or settings.SITE_NAME,
    )


def render_for(text: str, campaign: TextCampaign, person: Person, texter: Person | None) -> str:
    return render(text, merge_values(campaign, person, texter).as_dict())
