"""The shape every sweep command shares (event reminders, turnout reminders, ballot freezing): run
the sweep once (for cron), or with --every N enqueue a task that re-enqueues itself every N minutes on
the task worker, unless one is already waiting."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class SweepCommand(BaseCommand):
    """Subclasses set `sweep_task` (a task taking the minutes between runs), `sweep_name` (e.g.
    "turnout reminder sweep") and implement `sweep_once`, which returns a line to print."""

    sweep_task: Any
    sweep_name: str

    def sweep_once(self) -> str:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="MINUTES",
            help="Start a self-rescheduling sweep on the task worker (needs a backend that defers).",
        )

    def handle(self, *args: Any, every: int | None = None, **options: Any) -> None:
        if every is None:
            self.stdout.write(self.sweep_once())
            return
        if not 1 <= every <= 1440:
            raise CommandError("--every takes a number of minutes from 1 to 1440.")
        if not self.sweep_task.get_backend().supports_defer:
            raise CommandError(
                "The task backend cannot defer tasks, so a repeating sweep is impossible: "
                "run this command from cron instead."
            )
        if self._pending():
            self.stdout.write(f"A {self.sweep_name} is already scheduled; nothing to do.")
            return
        self.sweep_task.enqueue(every)
        name = self.sweep_name[0].upper() + self.sweep_name[1:]
        self.stdout.write(f"{name} enqueued: it runs now and then every {every} minutes.")

    def _pending(self) -> bool:
        """Whether the database task queue already holds this sweep waiting to run (so restarting the
        demo does not start a second chain). Other backends cannot be asked: they get a new sweep."""
        if "django_tasks_db" not in settings.INSTALLED_APPS:
            return False
        from django_tasks_db.models import DBTaskResult

        func = self.sweep_task.func
        path = f"{func.__module__}.{func.__qualname__}"
        return DBTaskResult.objects.filter(task_path=path, status="READY").exists()


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
