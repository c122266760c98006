"""The SMS provider's webhooks: texts people send us, and delivery reports for texts we sent.

Each request must carry the provider's signature over the URL it called (settings.SITE_URL plus the
path, as configured at the provider) and its parameters: a forgery gets 403 and nothing is written.
The inbound answer is an empty TwiML <Response/>, so the provider sends nothing automatically.
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.urls import URLPattern, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from groundswell.messaging.sms.errors import SmsWebhookError
from groundswell.messaging.sms.provider import get_provider
from groundswell.outreach.actions.text_inbound import apply_status, receive_text

log = logging.getLogger(__name__)
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'


def _signed(request: HttpRequest) -> bool:
    url = settings.SITE_URL.rstrip("/") + request.get_full_path()
    return get_provider().verify_request(url, request.POST.dict(), request.headers)


@csrf_exempt
@require_POST
def inbound(request: HttpRequest) -> HttpResponse:
    if not _signed(request):
        log.warning("Inbound SMS webhook with a bad signature refused.")
        return HttpResponseForbidden("Bad signature.")
    try:
        text = get_provider().parse_inbound(request.POST.dict())
    except SmsWebhookError as exc:
        return HttpResponseBadRequest(str(exc))
    receive_text(text)
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")


@csrf_exempt
@require_POST
def status(request: HttpRequest, message_id: int) -> HttpResponse:
    if not _signed(request):
        log.warning("SMS status callback with a bad signature refused.")
        return HttpResponseForbidden("Bad signature.")
    try:
        update = get_provider().parse_status(request.POST.dict())
    except SmsWebhookError as exc:
        return HttpResponseBadRequest(str(exc))
    if not apply_status(message_id, update):
        return HttpResponse("No such message.", status=404, content_type="text/plain")
    return HttpResponse(status=204)


urlpatterns: list[URLPattern] = [
    path("sms/inbound/", inbound, name="sms_inbound"),
    path("sms/status/<int:message_id>/", status, name="sms_status"),
]
