"""Webhook signatures as Twilio computes them: base64(HMAC-SHA1(token, url + sorted key+value)).

https://www.twilio.com/docs/usage/webhooks/webhooks-security — the URL is the full URL Twilio called
(query string included); POST parameters are sorted by name and each name is followed by its value.
The console provider signs its development webhooks the same way with its own secret.
"""

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def compute_signature(secret: str, url: str, params: Mapping[str, str]) -> str:
    """The signature Twilio sends in X-Twilio-Signature for this URL and these POST parameters."""
    payload = url + "".join(name + params[name] for name in sorted(params))
    digest = hmac.new(secret.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def signature_matches(
    secret: str, url: str, params: Mapping[str, str], signature: str | None
) -> bool:
    """Whether `signature` signs this request. A missing or empty signature never matches.

    Like Twilio's own helper libraries, the URL is also tried with and without its port, since a
    proxy in front of the site may add or drop ":443" between Twilio and us.
    """
    if not signature or not secret:
        return False
    given = signature.encode()
    return any(
        hmac.compare_digest(compute_signature(secret, candidate, params).encode(), given)
        for candidate in _url_variants(url)
    )


def header_value(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever its case (Django's request.headers or a plain dict)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _url_variants(url: str) -> list[str]:
    parts = urlsplit(url)
    variants = [url]
    if parts.port is not None:
        host = parts.netloc.rsplit(":", 1)[0]
        variants.append(urlunsplit(parts._replace(netloc=host)))
    elif parts.scheme in _DEFAULT_PORTS:
        netloc = f"{parts.netloc}:{_DEFAULT_PORTS[parts.scheme]}"
        variants.append(urlunsplit(parts._replace(netloc=netloc)))
    return variants
