"""Shared set-up for the constitution tests (no tests here): a national document with a fixed
amendment window, members who act as their person records, and moments around the window and vote."""

from datetime import UTC, datetime, timedelta

from django.test import Client

from groundswell.accounts.models import Role, User
from groundswell.constitution.actions import (
    DocumentSpec,
    create_document,
    propose_amendment,
    second_amendment,
)
from groundswell.constitution.models import Amendment, Clause, Document
from groundswell.core.testing import make_user, signed_in_client
from groundswell.democracy.actions import Times
from groundswell.democracy.tests.ballot_helpers import member

__all__ = ["member"]

OPENS = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
CLOSES = OPENS + timedelta(days=14)
DURING = OPENS + timedelta(days=1)
AFTER_WINDOW = CLOSES + timedelta(hours=1)
CUT_OFF = CLOSES + timedelta(days=1)
VOTE_OPENS = CUT_OFF + timedelta(days=1)
VOTE_CLOSES = VOTE_OPENS + timedelta(days=7)
FREEZING = CUT_OFF + timedelta(hours=1)
VOTING = VOTE_OPENS + timedelta(hours=1)
AFTER_VOTE = VOTE_CLOSES + timedelta(minutes=1)
VOTE_TIMES = Times(CUT_OFF, VOTE_OPENS, VOTE_CLOSES)

TEXT = """1. The movement is called Groundswell.

2. Members pay dues each year.

3. The national committee has nine members.

4. Conference meets once a year."""


def member_user() -> User:
    """A member whose account owns their person record (joined last year, so on any ballot)."""
    return make_user(Role.MEMBER, person=member())


def member_client(user: User) -> Client:
    return signed_in_client(user)


def national_document(organiser: User | None = None, threshold: str = "two_thirds",
                      seconders: int = 2) -> Document:  # fmt: skip
    spec = DocumentSpec(title="Constitution", text=TEXT, amendments_open=OPENS,
                        amendments_close=CLOSES, threshold=threshold, seconders_required=seconders)  # fmt: skip
    return create_document(organiser or make_user(Role.NATIONAL_ORGANISER), spec, OPENS)


def clause(document: Document, number: int) -> Clause:
    return Clause.objects.get(document=document, texts__version__number=1, texts__number=number)


def seconded(
    document: Document, number: int, kind: str, text: str, seconders: int = 2
) -> Amendment:
    """An amendment to clause `number` proposed and seconded by fresh members during the window."""
    amendment = propose_amendment(
        member(), clause(document, number), kind, text, "Because.", DURING
    )
    for _ in range(seconders):
        second_amendment(member(), amendment, DURING)
    return amendment
