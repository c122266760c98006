"""An import's progress, kept in the cache: the import runs in one transaction, so nothing it
writes to the database (its job row included) can be seen until it has finished."""

import time
from typing import Any

from django.core.cache import cache

_TIMEOUT = 24 * 60 * 60
# Progress is reported at least every chunk of rows; this long without a word means the worker died.
STALL_SECONDS = 10 * 60


def _key(job_id: int) -> str:
    return f"people-import-progress:{job_id}"


def report_progress(job_id: int, phase: str, done: int, total: int) -> None:
    cache.set(
        _key(job_id), {"phase": phase, "done": done, "total": total, "at": time.time()}, _TIMEOUT
    )


def progress_of(job_id: int) -> dict[str, Any]:
    """{"phase", "done", "total", "percent"}; percent is None until the total is known."""
    found = cache.get(_key(job_id)) or {"phase": "waiting", "done": 0, "total": 0}
    total = found["total"]
    found["percent"] = min(99, 100 * found["done"] // total) if total else None
    found["stalled"] = time.time() - found.get("at", time.time()) > STALL_SECONDS
    return found


def clear_progress(job_id: int) -> None:
    cache.delete(_key(job_id))
