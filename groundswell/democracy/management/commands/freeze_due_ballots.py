"""Freeze the electorate of every ballot past its cut-off: once (for cron), or with --every N start a
sweep that re-enqueues itself every N minutes on the task worker."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from groundswell.democracy.actions import freeze_due_electorates
from groundswell.democracy.tasks import sweep_due_electorates


class Command(BaseCommand):
    help = (
        "Freeze the electorate of every ballot whose cut-off has passed and which has not opened. "
        "Safe to run often and in parallel: each electorate is frozen once. With --every N, "
        "instead enqueue a sweep that runs on the task worker every N minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="MINUTES",
            help="Start a self-rescheduling sweep on the task worker.",
        )

    def handle(self, *args: Any, every: int | None = None, **options: Any) -> None:
        if every is None:
            frozen = len(freeze_due_electorates(timezone.now()))
            self.stdout.write(f"Froze {frozen} electorate{'' if frozen == 1 else 's'}.")
            return
        if not 1 <= every <= 1440:
            raise CommandError("--every takes a number of minutes from 1 to 1440.")
        if not sweep_due_electorates.get_backend().supports_defer:
            raise CommandError(
                "The task backend cannot defer tasks: run this command from cron instead."
            )
        if _sweep_pending():
            self.stdout.write("A ballot freezing sweep is already scheduled; nothing to do.")
            return
        sweep_due_electorates.enqueue(every)
        self.stdout.write(
            f"Ballot freezing sweep enqueued: it runs now and then every {every} minutes."
        )


def _sweep_pending() -> bool:
    """Whether a sweep is already waiting on the database backend, so `dev demo` run twice does not
    start a second chain of sweeps."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return False
    from django_tasks_db.models import DBTaskResult

    func = sweep_due_electorates.func
    return DBTaskResult.objects.filter(
        task_path=f"{func.__module__}.{func.__qualname__}", status="READY"
    ).exists()
