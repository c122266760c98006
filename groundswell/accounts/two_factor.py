"""Two-factor devices (django-otp): an authenticator app (TOTP) and single-use backup codes."""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import User

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10
DEMO_DEVICE_NAME = "demo"


def has_device(user: User) -> bool:
    return any(devices_for_user(user, confirmed=True))


def pending_app_device(user: User) -> TOTPDevice:
    """The device being set up; the same one (and secret) until it is confirmed, so reloading
    the page does not invalidate a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def confirm_app_device(device: TOTPDevice, code: str) -> bool:
    """Confirm the pending device if the code is right; other half-set-up devices are removed."""
    if not device.verify_token(_digits(code)):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def verify_code(user: User, code: str) -> Device | None:
    """The confirmed device that accepts this code: an app code or an unused backup code."""
    cleaned = _digits(code)
    for device in devices_for_user(user, confirmed=True):
        token = cleaned if isinstance(device, TOTPDevice) else code.strip().lower().replace(" ", "")
        if device.verify_token(token):
            return device
    return None


def new_backup_codes(user: User) -> list[str]:
    """Replace the user's backup codes with a fresh set, returned once to show."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def backup_codes_left(user: User) -> int:
    tokens = StaticToken.objects.filter(device__user=user, device__confirmed=True)
    return int(tokens.count())


def demo_hint(user: User) -> str | None:
    """The current code of the user's "demo" device, shown on the demo site only so visitors can
    try an organiser's view. Never for any other device, never outside DEMO_MODE."""
    if not settings.DEMO_MODE:
        return None
    device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE_NAME, confirmed=True).first()
    if device is None:
        return None
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(code).zfill(device.digits)


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())
