"""Send the event reminders that are due: once (for cron), or with --every N start a sweep that
re-enqueues itself every N minutes on the task worker."""

from groundswell.core.sweep_command import SweepCommand, plural
from groundswell.events.reminders import send_due_reminders
from groundswell.events.tasks import sweep_reminders


class Command(SweepCommand):
    help = (
        "Send every event reminder due now (a day and two hours before each shift). Safe to run "
        "often and in parallel: each reminder is sent once. With --every N, instead enqueue a "
        "sweep that runs on the task worker every N minutes."
    )
    sweep_task = sweep_reminders
    sweep_name = "reminder sweep"

    def sweep_once(self) -> str:
        return f"Sent {plural(send_due_reminders(), 'reminder')}."
