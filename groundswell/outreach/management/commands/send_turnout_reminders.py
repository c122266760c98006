"""Send the turnout reminder texts that are due: once (for cron), or with --every N start a sweep
that re-enqueues itself every N minutes on the task worker."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from groundswell.outreach.actions.turnout_reminders import send_due_turnout_reminders
from groundswell.outreach.tasks import sweep_turnout_reminders


class Command(BaseCommand):
    help = (
        "Text every committed member the reminder before their meeting (from 24 to 2 hours "
        "before it, within texting hours). Safe to run often and in parallel: each person gets "
        "it once. With --every N, instead enqueue a sweep that runs on the task worker every N minutes."
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
            sent = send_due_turnout_reminders()
            self.stdout.write(f"Sent {sent} turnout reminder{'' if sent == 1 else 's'}.")
            return
        if not 1 <= every <= 1440:
            raise CommandError("--every takes a number of minutes from 1 to 1440.")
        if not sweep_turnout_reminders.get_backend().supports_defer:
            raise CommandError(
                "The task backend cannot defer tasks: run this command from cron instead."
            )
        if _sweep_pending():
            self.stdout.write("A turnout reminder sweep is already scheduled; nothing to do.")
            return
        sweep_turnout_reminders.enqueue(every)
        self.stdout.write(
            f"Turnout reminder sweep enqueued: it runs now and then every {every} minutes."
        )


def _sweep_pending() -> bool:
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return False
    from django_tasks_db.models import DBTaskResult

    func = sweep_turnout_reminders.func
    return DBTaskResult.objects.filter(
        task_path=f"{func.__module__}.{func.__qualname__}", status="READY"
    ).exists()
