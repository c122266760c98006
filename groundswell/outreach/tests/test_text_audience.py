"""Starting a campaign texts only people who agreed to texts and have a mobile that can take them;
refreshing adds newcomers and never anyone twice."""

import pytest

from groundswell.outreach.actions.texting import refresh_text_campaign, start_text_campaign
from groundswell.outreach.models import ConversationStatus
from groundswell.people.models import PhoneNumber

from .text_helpers import audience_of, campaign, group_organiser, mobile, organiser, person, texter

pytestmark = pytest.mark.django_db


def test_only_people_who_agreed_to_texts_get_a_conversation() -> None:
    boss, volunteer = organiser(), texter()
    agreed, refused = person(), person(consent=False)
    made = campaign(boss, [agreed, refused], [volunteer])
    assert list(made.conversations.values_list("person_id", flat=True)) == [agreed.pk]


def test_landlines_and_invalid_numbers_are_left_out_and_counted() -> None:
    boss, volunteer = organiser(), texter()
    ok = person()
    landline = person("+442079460018", kind="landline")
    invalid = person("+4477009")  # stored long ago, before numbers were checked
    nothing = person(None)
    refused = person(consent=False)
    made = campaign(boss, [ok, landline, invalid, nothing, refused], [volunteer], start=False)

    counts = start_text_campaign(made)

    assert list(made.conversations.values_list("person_id", flat=True)) == [ok.pk]
    assert (counts.textable, counts.landline_only, counts.no_mobile, counts.no_consent) == (
        1,
        1,
        2,
        1,
    )
    assert counts.summary() == (
        "1 person can be texted; 2 have no mobile; 1 has a landline only; "
        "1 has not agreed to texts."
    )


def test_the_primary_mobile_is_texted_and_a_refused_number_is_skipped() -> None:
    boss, volunteer = organiser(), texter()
    someone = person()
    primary = someone.phones.get()
    PhoneNumber.objects.create(person=someone, number=mobile(), sms_capable=True)
    refused_before = person()
    # The provider once refused their primary number, so their other mobile is texted instead.
    refused_before.phones.update(sms_capable=False)
    other = PhoneNumber.objects.create(person=refused_before, number=mobile(), sms_capable=True)

    made = campaign(boss, [someone, refused_before], [volunteer])

    phones = dict(made.conversations.values_list("person_id", "phone"))
    assert phones == {someone.pk: primary.number, refused_before.pk: other.number}


def test_refresh_adds_newcomers_and_stops_those_who_withdrew_consent() -> None:
    boss, volunteer = organiser(), texter()
    first, leaving = person(), person()
    made = campaign(boss, [first, leaving], [volunteer])
    newcomer = person()
    tag_id = made.audience.definition["all"][0]["tag"]
    newcomer.tags.add(tag_id)
    type(leaving).objects.filter(pk=leaving.pk).update(sms_consent=False)

    counts = refresh_text_campaign(made)

    assert counts.added == 1
    assert counts.stopped == 1
    statuses = dict(made.conversations.values_list("person_id", "status"))
    assert statuses == {
        first.pk: ConversationStatus.WAITING,
        leaving.pk: ConversationStatus.OPTED_OUT,
        newcomer.pk: ConversationStatus.WAITING,
    }
    assert made.conversations.count() == 3  # refreshing again adds no one twice
    assert refresh_text_campaign(made).added == 0


def test_an_audience_the_owner_cannot_see_adds_no_one() -> None:
    _, local = group_organiser()
    outsider = person()  # not in the organiser's group
    search = audience_of(local, [outsider])
    boss, volunteer = organiser(), texter()
    made = campaign(boss, [], [volunteer], start=False)
    made.audience = search
    made.save()
    assert start_text_campaign(made).textable == 0
