"""Background work for ballots: the sweep that freezes each ballot's electorate once its cut-off has
passed (started by `manage.py freeze_due_ballots --every 5`). Safe to run twice."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task


@task()
def sweep_due_electorates(every_minutes: int = 5) -> int:
    """Freeze every electorate due now, then run again in `every_minutes`; how many were frozen.
    Safe alongside other sweeps and the organiser's button: each freeze locks its ballot first."""
    from groundswell.democracy.actions import freeze_due_electorates

    try:
        return len(freeze_due_electorates(timezone.now()))
    finally:
        if every_minutes > 0 and sweep_due_electorates.get_backend().supports_defer:
            later = timezone.now() + timedelta(minutes=every_minutes)
            sweep_due_electorates.using(run_after=later).enqueue(every_minutes)
