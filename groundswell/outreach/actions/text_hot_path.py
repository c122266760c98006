"""The texting hot path on PostgreSQL: "Send next" and "Send" in as few statements as they can be.

A busy campaign sends hundreds of texts a second, and through the ORM each text cost ten
statements and more Python building them than PostgreSQL spent running them. Here each click is
one or two hand-written statements whose WHERE clauses carry every rule, so a row that changed
meanwhile is simply not touched. When a statement touches nothing, or anything is unusual, the
caller falls back to the ORM path (text_claims, text_sending), which finds out why and says so:
these functions only ever do the common case, never decide a refusal.

SQLite (development) always takes the ORM path.
"""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

import psycopg
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models

from groundswell.outreach.models import (
    CampaignStatus,
    Conversation,
    ConversationStatus,
    Direction,
    TextCampaign,
    TextMessage,
)
from groundswell.people.models import HistoryEvent, Person, PhoneNumber

M = TypeVar("M", bound=models.Model)
Params = dict[str, Any]

SENDING = "sending"  # as text_delivery.SENDING (imported there from here would be circular)
WAITING = ConversationStatus.WAITING.value


def available() -> bool:
    return connection.vendor == "postgresql"


def _prepared_cursor() -> Any:
    """A cursor binding parameters on the server, so PostgreSQL plans each statement once per
    connection rather than on every click (planning was half the time of the claim). Django's own
    cursors bind on the client, which cannot prepare; they are unaffected by the threshold set
    here. Wrapped as Django wraps its cursors, so query logging and execute wrappers still see it.
    (Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ with max_prepared_statements.)"""
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        raw.prepare_threshold = 2
    cursor = psycopg.Cursor(raw)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)  # type: ignore[arg-type]
    return connection.make_cursor(cursor)  # type: ignore[arg-type]


def _columns(model: type[models.Model], alias: str) -> str:
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def _build(model: type[M], values: Sequence[Any]) -> M:
    """A model instance from its columns in field order, converted as the ORM would convert them."""
    fields = model._meta.concrete_fields
    converted = list(values)
    for i, field in enumerate(fields):
        for convert in field.get_db_converters(connection):  # type: ignore[attr-defined]
            converted[i] = convert(converted[i], field, connection)
    return model.from_db(connection.alias, [f.attname for f in fields], converted)


def _conversation(row: Sequence[Any]) -> Conversation:
    width = len(Conversation._meta.concrete_fields)
    conversation = _build(Conversation, row[:width])
    conversation.person = _build(Person, row[width : width + len(Person._meta.concrete_fields)])
    return conversation


_C, _P, _T = Conversation._meta.db_table, Person._meta.db_table, TextMessage._meta.db_table
_ROW = f"{_columns(Conversation, 'c')}, {_columns(Person, 'p')}"

# The conversation this texter already holds; else the next waiting person who agreed to texts and is on
# no one's screen, locked (skipping any another texter is locking) and taken for this texter, all in one
# statement.
_CLAIM = f"""
WITH held AS (
    SELECT c.id FROM {_C} c
    WHERE c.texter_id = %(texter)s AND c.campaign_id = %(campaign)s AND c.status = '{WAITING}'
      AND c.claimed_until > %(now)s
    ORDER BY c.id LIMIT 1
), taken AS (
    UPDATE {_C} c SET texter_id = %(texter)s, claimed_until = %(until)s
    WHERE NOT EXISTS (SELECT 1 FROM held) AND c.id = (
        SELECT n.id FROM {_C} n JOIN {_P} np ON np.id = n.person_id
        WHERE n.campaign_id = %(campaign)s AND n.status = '{WAITING}' AND np.sms_consent
          AND n.id > %(after)s AND (n.claimed_until IS NULL OR n.claimed_until <= %(now)s)
        ORDER BY n.id LIMIT 1
        FOR UPDATE OF n SKIP LOCKED
    )
    RETURNING {_columns(Conversation, "c")}
)
SELECT {_ROW} FROM {_C} c JOIN {_P} p ON p.id = c.person_id WHERE c.id = (SELECT id FROM held)
UNION ALL
SELECT {_ROW} FROM taken c JOIN {_P} p ON p.id = c.person_id
"""


def claim(
    texter_id: int, campaign_id: int, after: int, now: datetime, until: datetime
) -> Conversation | None:
    """The conversation (with its person) the texter holds, else the next waiting person after
    conversation `after`, claimed until `until`. None if neither."""
    params: Params = {"texter": texter_id, "campaign": campaign_id, "after": after}
    with _prepared_cursor() as cursor:
        cursor.execute(_CLAIM, {**params, "now": now, "until": until})
        row = cursor.fetchone()
    return _conversation(row) if row else None


_TEXTERS = TextCampaign.texters.through._meta.db_table

# Marks the conversation sent and writes the text "sending" in one statement, only if everything that
# allows the send still holds: waiting under this texter's claim on the number the texter saw, the
# texter still on the campaign, consent, an SMS-capable number, the campaign texting. Returns the
# text's id, the conversation, the person and the texter.
_RESERVE = f"""
WITH sent AS (
    UPDATE {_C} c SET status = '{ConversationStatus.SENT.value}', claimed_until = NULL, needs_reply = false
    WHERE c.id = %(conversation)s AND c.campaign_id = %(campaign)s AND c.status = '{WAITING}'
      AND c.texter_id = %(texter)s AND c.claimed_until = %(until)s AND c.phone = %(phone)s
      AND EXISTS (SELECT 1 FROM {_TEXTERS} ct
                  WHERE ct.textcampaign_id = c.campaign_id AND ct.person_id = %(texter)s)
      AND EXISTS (SELECT 1 FROM {_P} p WHERE p.id = c.person_id AND p.sms_consent)
      AND EXISTS (SELECT 1 FROM {PhoneNumber._meta.db_table} n
                  WHERE n.person_id = c.person_id AND n.number = c.phone AND n.sms_capable)
      AND EXISTS (SELECT 1 FROM {TextCampaign._meta.db_table} k
                  WHERE k.id = c.campaign_id AND k.status = '{CampaignStatus.ACTIVE.value}')
    RETURNING {_columns(Conversation, "c")}
), written AS (
    INSERT INTO {_T} (conversation_id, direction, body, sent_by_id, provider_id, status, error, at)
    SELECT id, '{Direction.OUT.value}', %(body)s, %(texter)s, NULL, '{SENDING}', '', %(now)s FROM sent
    RETURNING id
)
SELECT written.id, {_columns(Conversation, "sent")}, {_columns(Person, "p")}, {_columns(Person, "t")}
FROM written, sent JOIN {_P} p ON p.id = sent.person_id JOIN {_P} t ON t.id = %(texter)s
"""


def reserve(
    conversation_id: int,
    campaign_id: int,
    texter_id: int,
    until: datetime,
    phone: str,
    body: str,
    now: datetime,
) -> TextMessage | None:
    """The text reserved for sending, or None if anything stood in the way (the caller finds out what)."""
    params: Params = {"conversation": conversation_id, "campaign": campaign_id, "texter": texter_id}
    with _prepared_cursor() as cursor:
        cursor.execute(
            _RESERVE, {**params, "until": until, "phone": phone, "body": body, "now": now}
        )
        row = cursor.fetchone()
    if row is None:
        return None
    width = len(Conversation._meta.concrete_fields) + len(Person._meta.concrete_fields)
    conversation = _conversation(row[1 : 1 + width])
    conversation.claimed_until = until  # kept for a retry under the same claim (see text_delivery)
    return TextMessage(
        pk=row[0],
        conversation=conversation,
        direction=Direction.OUT,
        body=body,
        sent_by=_build(Person, row[1 + width :]),
        status=SENDING,
        at=now,
    )


# The provider's answer recorded and the person's history written, in one statement.
_ACCEPTED = f"""
WITH accepted AS (
    UPDATE {_T} SET provider_id = %(provider_id)s, status = %(status)s
    WHERE id = %(message)s AND status = '{SENDING}' AND provider_id IS NULL
    RETURNING id
), remembered AS (
    INSERT INTO {HistoryEvent._meta.db_table} (person_id, at, kind, summary, actor_id, data)
    VALUES (%(person)s, %(at)s, %(kind)s, %(summary)s, %(actor)s, %(data)s::jsonb)
    RETURNING id
)
SELECT (SELECT count(*) FROM accepted), (SELECT count(*) FROM remembered)
"""


def accept_and_remember(
    message: TextMessage, provider_id: str, status: str, history: HistoryEvent
) -> bool:
    """Record the provider's id and status on a text still "sending", and write `history`. False if
    the text had moved on meanwhile (a status callback came first): the history is written anyway."""
    params: Params = {
        "provider_id": provider_id,
        "status": status,
        "message": message.pk,
        "person": history.person_id,
        "at": history.at,
        "kind": history.kind,
        "summary": history.summary,
        "actor": history.actor_id,
        "data": json.dumps(history.data, cls=DjangoJSONEncoder),
    }
    with _prepared_cursor() as cursor:
        cursor.execute(_ACCEPTED, params)
        accepted, _ = cursor.fetchone()
    if accepted:
        message.provider_id, message.status = provider_id, status
    return bool(accepted)
