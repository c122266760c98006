"""Two doors at once: the same email arriving in simultaneous requests still makes one person."""

from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection

from groundswell.core.testing import at_once
from groundswell.people.actions import PersonDetails, upsert_person
from groundswell.people.contact import normalise_phone
from groundswell.people.models import EmailAddress, Person, PhoneNumber

pytestmark = pytest.mark.django_db(transaction=True)


def _race(details: list[PersonDetails]) -> list[tuple[int, bool]]:
    def arrival(d: PersonDetails) -> Callable[[], Callable[[], tuple[Person, bool]]]:
        return lambda: partial(upsert_person, d, method="race")

    outcomes = at_once([arrival(d) for d in details])
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    assert not errors, errors  # a lost update must fail the test
    return [(o[0].pk, o[1]) for o in outcomes if not isinstance(o, BaseException)]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
)
def test_simultaneous_sign_ups_with_one_email_make_one_person() -> None:
    details = [PersonDetails(given_name=f"Ada{i}", email="ada@example.org") for i in range(8)]
    results = _race(details)
    assert Person.objects.count() == 1
    assert EmailAddress.objects.filter(address="ada@example.org").count() == 1
    assert len({pk for pk, _ in results}) == 1
    assert sum(created for _, created in results) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
)
def test_simultaneous_records_with_one_mobile_make_one_person() -> None:
    phone = normalise_phone("07911 123456")
    details = [PersonDetails(given_name=f"Kwame{i}", phone=phone) for i in range(8)]
    results = _race(details)
    assert PhoneNumber.objects.filter(number=phone.number).count() == 1
    assert Person.objects.count() == 1
    assert len({pk for pk, _ in results}) == 1
