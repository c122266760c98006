"""Where to send someone after signing in: the page they were headed for, if it is ours."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


def go_next(next_url: str) -> HttpResponseRedirect:
    return redirect(next_url or resolve_url("core:home"))


def with_next(view_name: str, next_url: str) -> str:
    url = resolve_url(view_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
