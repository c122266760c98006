"""Background work for call banking and meeting turnout: topping up a call queue from its audience,
and the turnout reminder texts (a sweep that `manage.py send_turnout_reminders --every 5` starts).
Each task takes ids and is safe to run twice."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from groundswell.outreach.models import CallAssignment


@task()
def refresh_call_queue(assignment_id: int) -> int:
    from groundswell.outreach.actions.queue import refresh_queue
    from groundswell.searches.definition import DefinitionError

    assignment = CallAssignment.objects.filter(pk=assignment_id, status="active").first()
    try:
        return refresh_queue(assignment) if assignment is not None else 0
    except DefinitionError:
        return 0  # the callers are told when they ask for the next person


@task()
def sweep_turnout_reminders(every_minutes: int = 5) -> int:
    """Send every turnout reminder due now, then run again in `every_minutes`. Safe alongside
    other sweeps: each text is claimed before it is sent."""
    from groundswell.outreach.actions.turnout_reminders import send_due_turnout_reminders

    try:
        return send_due_turnout_reminders()
    finally:
        if every_minutes > 0 and sweep_turnout_reminders.get_backend().supports_defer:
            later = timezone.now() + timedelta(minutes=every_minutes)
            sweep_turnout_reminders.using(run_after=later).enqueue(every_minutes)
