"""The development provider: texts become JSON lines in a file, and dev webhooks are signed."""

import io
import json
import shlex
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from groundswell.messaging.sms.console import ConsoleProvider, curl_command
from groundswell.messaging.sms.errors import SmsRefused


def test_each_text_is_one_json_line_in_the_file(tmp_path: Path) -> None:
    log = tmp_path / "nested" / "sms.log"
    provider = ConsoleProvider(path=log, secret="s", from_number="+447400000001", echo=False)

    first = provider.send("+447400123456", "Can you make Tuesday?", status_callback="http://x/cb")
    second = provider.send("+447911123456", "Thanks 👋 " * 10)

    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [first.provider_id, second.provider_id]
    assert first.provider_id.startswith("console-") and first.provider_id != second.provider_id
    assert lines[0]["to"] == "+447400123456"
    assert lines[0]["from"] == "+447400000001"
    assert lines[0]["body"] == "Can you make Tuesday?"
    assert lines[0]["status_callback"] == "http://x/cb"
    assert (lines[1]["encoding"], lines[1]["segments"]) == ("UCS-2", 2)
    assert (second.status, second.segments) == ("sent", 2)


def test_it_echoes_to_the_stream_when_asked() -> None:
    stream = io.StringIO()
    provider = ConsoleProvider(path=None, secret="s", echo=True, stream=stream)

    sent = provider.send("+447400123456", "Hello")

    assert json.loads(stream.getvalue())["id"] == sent.provider_id


def test_it_refuses_what_twilio_would_refuse() -> None:
    provider = ConsoleProvider(path=None, secret="s", echo=False)

    with pytest.raises(SmsRefused) as caught:
        provider.send("07400123456", "Hello")
    assert (caught.value.code, caught.value.permanent) == ("21211", True)
    with pytest.raises(SmsRefused):
        provider.send("+447400123456", "   ")


def test_the_curl_command_posts_a_webhook_the_provider_accepts() -> None:
    provider = ConsoleProvider(path=None, secret="dev-secret", echo=False)
    url = "http://127.0.0.1:8000/texting/webhooks/inbound/"
    params = {
        "MessageSid": "console-reply-1",
        "From": "+447400123456",
        "To": "+447400000001",
        "Body": "STOP",
    }

    words = shlex.split(curl_command(url, params, secret="dev-secret"))

    header_name, header_value = words[words.index("-H") + 1].split(": ")
    posted = dict(parse_qsl(words[words.index("--data") + 1]))
    assert words[words.index("POST") + 1] == url
    assert posted == params
    assert provider.verify_request(url, posted, {header_name: header_value})
    assert provider.parse_inbound(posted).body == "STOP"
