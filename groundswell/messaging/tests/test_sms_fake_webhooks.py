"""The fake Twilio's webhooks reach a real HTTP endpoint signed so the Twilio provider accepts them.

A stand-in for the app's webhook views: a localhost server that verifies each request with
TwilioProvider.verify_request and answers 204, or 403 for a forgery.
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

import pytest

from groundswell.messaging.sms.twilio import TwilioProvider
from groundswell.messaging.tests.fake_twilio import FakeTwilio, post_form


class Receiver(ThreadingHTTPServer):
    provider: TwilioProvider
    received: list[tuple[str, dict[str, str]]]


class VerifyingHandler(BaseHTTPRequestHandler):
    server: Receiver

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        params = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        url = f"http://127.0.0.1:{self.server.server_address[1]}{self.path}"
        ok = self.server.provider.verify_request(url, params, dict(self.headers.items()))
        if ok:
            self.server.received.append((self.path, params))
        self.send_response(204 if ok else 403)
        self.end_headers()


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server


@pytest.fixture
def receiver(fake: FakeTwilio) -> Iterator[Receiver]:
    server = Receiver(("127.0.0.1", 0), VerifyingHandler)
    server.provider = TwilioProvider(
        account_sid=fake.account_sid,
        auth_token=fake.auth_token,
        from_number="+447400000001",
        api_base=fake.url,
        timeout=2,
    )
    server.received = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def base(receiver: Receiver) -> str:
    return f"http://127.0.0.1:{receiver.server_address[1]}"


def test_a_status_callback_goes_to_the_url_given_at_send_and_verifies(
    fake: FakeTwilio, receiver: Receiver
) -> None:
    callback = f"{base(receiver)}/texting/status/7/?campaign=3"
    sent = receiver.provider.send("+447400123456", "Hello", status_callback=callback)

    assert fake.post_status(sent.provider_id, "delivered") == 204

    [(path, params)] = receiver.received
    assert path == "/texting/status/7/?campaign=3"
    update = receiver.provider.parse_status(params)
    assert (update.provider_id, update.status) == (sent.provider_id, "delivered")


def test_an_inbound_text_verifies_and_parses(fake: FakeTwilio, receiver: Receiver) -> None:
    url = f"{base(receiver)}/texting/inbound/"

    assert fake.post_inbound(url, from_number="+447400123456", body="STOP") == 204

    [(_, params)] = receiver.received
    inbound = receiver.provider.parse_inbound(params)
    assert (inbound.from_number, inbound.body) == ("+447400123456", "STOP")


def test_a_forged_webhook_is_refused(fake: FakeTwilio, receiver: Receiver) -> None:
    url = f"{base(receiver)}/texting/inbound/"
    params, headers = fake.inbound_request(url, from_number="+447400123456", body="Yes")

    assert post_form(url, {**params, "Body": "STOP"}, headers) == 403
    assert post_form(url, params, {}) == 403
    assert receiver.received == []
