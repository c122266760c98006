"""What each process keeps in memory: forgotten when the targets' version changes or its time is up, and with
the shared cache behind it, counted once for all processes."""

from typing import Any

import pytest
from django.core.cache import cache

from groundswell.targets import memo


def counter() -> Any:
    calls: list[list[str]] = []

    def compute(missing: list[str]) -> dict[str, int]:
        calls.append(sorted(missing))
        return {key: len(calls) for key in missing}

    compute.calls = calls  # type: ignore[attr-defined]
    return compute


def test_a_value_is_built_once_then_recalled() -> None:
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    for _ in range(3):
        assert memo.remembered("k", "v1", 60, build) == 1
    assert builds == [1]


def test_a_new_version_forgets_everything() -> None:
    memo.keep("a", 1, 60)
    assert memo.recall("a", memo._version) == (True, 1)
    assert memo.recall("a", "another version") == (False, None)


def test_a_value_expires_within_its_time_to_live(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    memo.recall("warm", "v2")
    memo.keep("b", "x", 60)
    now[0] += 44  # expiry is shortened at random by up to a quarter, never more
    assert memo.recall("b", "v2") == (True, "x")
    now[0] += 17
    assert memo.recall("b", "v2") == (False, None)


def test_shared_values_are_computed_once_for_the_missing_keys_only() -> None:
    compute = counter()
    names = {"x": "test:x", "y": "test:y"}
    assert memo.shared(names, "v3", 60, compute) == {"x": 1, "y": 1}
    assert memo.shared(names | {"z": "test:z"}, "v3", 60, compute) == {"x": 1, "y": 1, "z": 2}
    assert compute.calls == [["x", "y"], ["z"]]


def test_another_process_finds_the_shared_value_in_the_cache() -> None:
    cache.set("test:w", 41)
    compute = counter()
    assert memo.shared({"w": "test:w"}, "v4", 60, compute) == {"w": 41}
    assert compute.calls == []


def test_recent_keeps_a_value_until_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    recent = memo.Recent(size=10, max_age=20)
    builds = iter(range(10))
    assert recent.get("place", "v1", lambda: next(builds)) == 0
    now[0] += 19
    assert recent.get("place", "v1", lambda: next(builds)) == 0
    now[0] += 2
    assert recent.get("place", "v1", lambda: next(builds)) == 1  # rebuilt after 20 s


def test_recent_forgets_everything_when_the_version_changes() -> None:
    recent = memo.Recent(size=10, max_age=60)
    recent.get("place", "v1", lambda: "old")
    assert recent.get("place", "v2", lambda: "new") == "new"


def test_recent_holds_at_most_its_size_dropping_the_least_recently_used() -> None:
    recent = memo.Recent(size=2, max_age=60)
    recent.get("a", "v", lambda: 1)
    recent.get("b", "v", lambda: 2)
    recent.get("a", "v", lambda: 99)  # a used again: b is now the oldest
    recent.get("c", "v", lambda: 3)
    assert recent.get("a", "v", lambda: 99) == 1
    assert recent.get("b", "v", lambda: 22) == 22  # b was dropped, so built again
