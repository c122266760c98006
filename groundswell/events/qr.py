"""The check-in QR code on each confirmation: it encodes the scan link, which checks the person in
when an organiser of the event opens it (see views/checkin.py)."""

import io

import segno
from django.conf import settings
from django.urls import reverse

from groundswell.events.models import Attendance
from groundswell.events.tokens import make_token


def checkin_url(attendance: Attendance) -> str:
    """The absolute scan link for this place."""
    path = reverse("events:scan", args=[make_token("checkin", attendance.pk)])
    return settings.SITE_URL.rstrip("/") + path


def checkin_qr_svg(attendance: Attendance) -> str:
    """Inline SVG for a page (no XML declaration), sized by CSS."""
    qr = segno.make(checkin_url(attendance), error="m")
    return str(qr.svg_inline(scale=4, border=2, dark="#111", omitsize=True))


def checkin_qr_png(attendance: Attendance) -> bytes:
    """A PNG for an email attachment."""
    buffer = io.BytesIO()
    segno.make(checkin_url(attendance), error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()
