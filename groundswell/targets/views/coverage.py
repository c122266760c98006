"""National coverage: every active target's sign-ups this week against its goal, on a table and a map."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from groundswell.targets.map_data import coverage_map
from groundswell.targets.queries import can_manage_targets
from groundswell.targets.queries import coverage as coverage_rows


@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    rows = coverage_rows(request.user, timezone.now())
    goal = sum(row.target.weekly_goal for row in rows)
    signups = sum(min(row.signups, row.target.weekly_goal) for row in rows)
    context = {
        "rows": rows,
        "total_goal": goal,
        "total_signups": sum(row.signups for row in rows),
        "covered_percent": round(100 * signups / goal) if goal else 0,
        "short": sum(1 for row in rows if row.share < 0.5),
        "map_data": coverage_map(rows),
        "can_manage": can_manage_targets(request.user),
    }
    return render(request, "targets/coverage.html", context)
