"""Freeze the electorate of every ballot past its cut-off: once (for cron), or with --every N start a
sweep that re-enqueues itself every N minutes on the task worker."""

from django.utils import timezone

from groundswell.core.sweep_command import SweepCommand, plural
from groundswell.democracy.actions import freeze_due_electorates
from groundswell.democracy.tasks import sweep_due_electorates


class Command(SweepCommand):
    help = (
        "Freeze the electorate of every ballot whose cut-off has passed and which has not opened. "
        "Safe to run often and in parallel: each electorate is frozen once. With --every N, "
        "instead enqueue a sweep that runs on the task worker every N minutes."
    )
    sweep_task = sweep_due_electorates
    sweep_name = "ballot freezing sweep"

    def sweep_once(self) -> str:
        return f"Froze {plural(len(freeze_due_electorates(timezone.now())), 'electorate')}."
