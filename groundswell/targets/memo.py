"""Values each server process keeps in memory for a while, in front of the shared cache: all forgotten when the
targets' version changes (see snapshot.targets_changed), each after its time to live (shortened at random by up
to a quarter, so values filled together do not all expire together). Reading them costs no query and no cache
round trip, which is what keeps the public finder fast; `shared` adds the cache behind them so that all
processes together count a value once per time to live."""

import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.core.cache import cache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_lock = threading.Lock()
_version = ""
_entries: dict[Hashable, tuple[float, Any]] = {}  # key -> (expires at, value)


def recall(key: Hashable, version: str) -> tuple[bool, Any]:
    """(True, value) if this process holds an unexpired value for `key` under `version`; else (False, None)."""
    global _version
    if version != _version:
        with _lock:
            _entries.clear()
            _version = version
    held = _entries.get(key)
    if held is None or time.monotonic() >= held[0]:
        return False, None
    return True, held[1]


def keep(key: Hashable, value: Any, max_age: float) -> None:
    _entries[key] = (time.monotonic() + max_age * random.uniform(0.75, 1.0), value)


def remembered(key: Hashable, version: str, max_age: float, build: Callable[[], V]) -> V:
    """This process's value for `key`, built here when it has none."""
    found, value = recall(key, version)
    if found:
        return value  # type: ignore[no-any-return]
    fresh = build()
    keep(key, fresh, max_age)
    return fresh


def shared(
    keys: dict[K, str],
    version: str,
    max_age: float,
    compute: Callable[[list[K]], dict[K, V]],
) -> dict[K, V]:
    """For each key (mapped to its name, here and in the shared cache): this process's value, else the shared
    cache's, else computed, all the missing ones in one call, and kept in both."""
    found: dict[K, V] = {}
    for key, name in keys.items():
        held, value = recall(name, version)
        if held:
            found[key] = value
    missing = [key for key in keys if key not in found]
    if not missing:
        return found
    cached = cache.get_many([keys[key] for key in missing])
    uncached = [key for key in missing if keys[key] not in cached]
    computed = compute(uncached) if uncached else {}
    if computed:
        cache.set_many({keys[key]: value for key, value in computed.items()}, int(max_age))
    for key in missing:
        found[key] = cached[keys[key]] if keys[key] in cached else computed[key]
        keep(keys[key], found[key], max_age / 2)
    return found


class Recent:
    """At most `size` values kept for `max_age` seconds, the least recently used dropped first, and all
    forgotten when the version changes: for values keyed by what visitors type (their place), which
    `remembered` would keep without bound."""

    def __init__(self, size: int, max_age: float) -> None:
        self.size, self.max_age = size, max_age
        self._version = ""
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: str, build: Callable[[], V]) -> V:
        now = time.monotonic()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            held = self._entries.get(key)
            if held is not None and now < held[0]:
                self._entries.move_to_end(key)
                return held[1]  # type: ignore[no-any-return]
        fresh = build()
        with self._lock:
            self._entries[key] = (now + self.max_age, fresh)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return fresh
