"""Send the turnout reminder texts that are due: once (for cron), or with --every N start a sweep
that re-enqueues itself every N minutes on the task worker."""

from groundswell.core.sweep_command import SweepCommand, plural
from groundswell.outreach.actions.turnout_reminders import send_due_turnout_reminders
from groundswell.outreach.tasks import sweep_turnout_reminders


class Command(SweepCommand):
    help = (
        "Text every committed member the reminder before their meeting (from 24 to 2 hours "
        "before it, within texting hours). Safe to run often and in parallel: each person gets "
        "it once. With --every N, instead enqueue a sweep that runs on the task worker every N minutes."
    )
    sweep_task = sweep_turnout_reminders
    sweep_name = "turnout reminder sweep"

    def sweep_once(self) -> str:
        return f"Sent {plural(send_due_turnout_reminders(), 'turnout reminder')}."
