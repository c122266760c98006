"""Counting failed sign-in attempts in the cache and locking out guessers for a while.

Each attempt is counted against the account being tried and against the address it comes from, so
neither many guesses at one account nor a few guesses at many accounts get far.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

# One address (an office, a university, a phone network) carries many honest people, so it may fail
# more often than one account before it is locked.
IP_FAILURE_FACTOR = 4


def _now() -> float:
    return time.time()


def client_ip(request: HttpRequest) -> str:
    # Behind a proxy, the deployment sets REMOTE_ADDR from the trusted header (see docs/accounts.md).
    return str(request.META.get("REMOTE_ADDR", "unknown"))


@dataclass(frozen=True)
class Throttle:
    """Attempts of one kind (`scope`: password, code, link) at one account from one address."""

    scope: str
    account: str
    ip: str

    def _limits(self) -> list[tuple[str, int]]:
        account = hashlib.sha256(self.account.strip().lower().encode()).hexdigest()[:32]
        limit = settings.SIGN_IN_MAX_FAILURES
        return [
            (f"throttle:{self.scope}:account:{account}", limit),
            (f"throttle:{self.scope}:ip:{self.ip}", limit * IP_FAILURE_FACTOR),
        ]

    def seconds_locked(self) -> int:
        """How long until attempts are allowed again; 0 when they are allowed now."""
        now = _now()
        until = [cache.get(f"{key}:until") or 0.0 for key, _ in self._limits()]
        return max(0, math.ceil(max(until) - now))

    def failed(self) -> None:
        lockout = settings.SIGN_IN_LOCKOUT_SECONDS
        for key, limit in self._limits():
            cache.add(key, 0, timeout=lockout)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                count = 1
                cache.set(key, count, timeout=lockout)
            if count >= limit:
                cache.set(f"{key}:until", _now() + lockout, timeout=lockout + 60)
                cache.delete(key)

    def succeeded(self) -> None:
        # Only the account's count is forgiven: clearing the address's count would let a guesser
        # reset it by signing in to an account of their own between guesses.
        key, _ = self._limits()[0]
        cache.delete(key)


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many attempts. For your security, please try again in {minutes} {unit}."
