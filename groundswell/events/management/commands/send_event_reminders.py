"""Send the event reminders that are due: once (for cron), or with --every N start a sweep that
re-enqueues itself every N minutes on the task worker."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from groundswell.events.reminders import send_due_reminders
from groundswell.events.tasks import sweep_reminders


class Command(BaseCommand):
    help = (
        "Send every event reminder due now (a day and two hours before each shift). Safe to run "
        "often and in parallel: each reminder is sent once. With --every N, instead enqueue a "
        "sweep that runs on the task worker every N minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="MINUTES",
            help="Start a self-rescheduling sweep on the task worker (needs a backend that defers).",
        )

    def handle(self, *args: Any, every: int | None = None, **options: Any) -> None:
        if every is None:
            sent = send_due_reminders()
            self.stdout.write(f"Sent {sent} reminder{'' if sent == 1 else 's'}.")
            return
        if not 1 <= every <= 1440:
            raise CommandError("--every takes a number of minutes from 1 to 1440.")
        if not sweep_reminders.get_backend().supports_defer:
            raise CommandError(
                "The task backend cannot defer tasks, so a repeating sweep is impossible: "
                "run this command from cron instead."
            )
        if _sweep_pending():
            self.stdout.write("A reminder sweep is already scheduled on the worker; nothing to do.")
            return
        sweep_reminders.enqueue(every)
        self.stdout.write(f"Reminder sweep enqueued: it runs now and then every {every} minutes.")


def _sweep_pending() -> bool:
    """Whether the database task queue already holds a sweep waiting to run (so restarting the demo
    does not start a second chain). Other backends cannot be asked: they always get a new sweep."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return False
    from django_tasks_db.models import DBTaskResult

    path = f"{sweep_reminders.func.__module__}.{sweep_reminders.func.__qualname__}"
    return DBTaskResult.objects.filter(task_path=path, status="READY").exists()
