"""Settings for the test suite: the real settings, with an in-memory cache, tasks run at once, and a fast hasher."""

import os

os.environ.setdefault("CACHE_BACKEND", "locmem")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("GROUNDSWELL_FAST_TEST_HASHER", "1")

from groundswell.settings import *  # noqa: E402, F403
