"""The editor's live preview: a message filled in for a sample person from the audience, with its
length, encoding (GSM-7 or UCS-2, and which characters forced UCS-2) and segment count."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from groundswell.groups.models import Group
from groundswell.messaging.sms.segments import SegmentInfo, measure
from groundswell.outreach.text_merge import MergeError, MergeValues, render
from groundswell.people.models import Person
from groundswell.people.queries import groups_visible_to
from groundswell.searches.queries import audience, searches_usable_by

SAMPLE = MergeValues("Sam", "Sample", "Alex", "")


@dataclass(frozen=True)
class Preview:
    text: str  # as the sample person would get it ("" if the template is broken)
    sample: str  # whose details filled it in
    error: str
    info: SegmentInfo | None


def preview_message(
    user: Any, template: str, *, audience_id: str = "", group_id: str = "", texter: Any = None
) -> Preview:
    person = _sample_person(user, audience_id)
    group = _group(user, group_id)
    values = MergeValues(
        given_name=person.given_name if person else SAMPLE.given_name,
        family_name=person.family_name if person else SAMPLE.family_name,
        texter_name=getattr(texter, "given_name", "") or SAMPLE.texter_name,
        group_name=group.name if group else settings.SITE_NAME,
    )
    sample = person.full_name if person else "an example person"
    try:
        text = render(template, values.as_dict())
    except MergeError as exc:
        return Preview("", sample, str(exc), None)
    return Preview(text, sample, "", measure(text) if text else None)


def _sample_person(user: Any, audience_id: str) -> Person | None:
    if not audience_id.isdigit():
        return None
    search = searches_usable_by(user).filter(pk=int(audience_id)).first()
    if search is None:
        return None
    try:
        return audience(search).filter(sms_consent=True).order_by("pk").first()
    except ValueError:
        return None  # a definition the compiler cannot use yet: preview with the example


def _group(user: Any, group_id: str) -> Group | None:
    if not group_id.isdigit():
        return None
    return groups_visible_to(user).filter(pk=int(group_id)).first()
