"""The finder's result cards, built in Python because the finder is the busiest public page (a Django template
costs about ten times as much per card), and a seat's upcoming sessions as a visitor sees them, which are the
same for everyone, rendered once per process for each distinct list."""

from functools import lru_cache
from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from groundswell.targets.counting import Session
from groundswell.targets.finder import FoundTarget


def target_card(found: FoundTarget, sessions_html: str, other_events_url: str) -> SafeString:
    """One seat: name, priority, distance, margin, this week's sign-ups against the goal, its sessions.
    Every text is escaped here; `sessions_html` is already safe HTML."""
    seat = found.seat
    region = f" · {escape(seat.region)}" if seat.region else ""
    need = (
        f": <strong>{found.gap} more needed</strong>" if found.gap else ": goal met, more welcome"
    )
    sessions = sessions_html or (
        '<p class="small">No canvassing sessions booked here yet. '
        f'<a href="{escape(other_events_url)}">See other events near you</a>.</p>'
    )
    return mark_safe(  # noqa: S308 (escaped above)
        f"""<li class="target" id="seat-{seat.seat_id}">
  <div class="target-head"><h3>{escape(seat.name)}</h3> \
<span class="badge priority-{seat.priority}">{escape(found.priority_label)}</span></div>
  <p class="muted small"><strong class="distance">{escape(found.distance)}</strong> · \
{escape(found.margin)}{region}</p>
  <p class="need small"><span class="progress" aria-hidden="true"><span style="width: {found.percent}%"></span></span>
    {found.signups} of {seat.weekly_goal} volunteers signed up this week{need}</p>
  {sessions}
</li>
"""
    )


@lru_cache(maxsize=4096)
def public_sessions(sessions: tuple[Session, ...]) -> SafeString:
    html = render_to_string(
        "targets/finder.html#sessions", {"sessions": sessions, "one_click": False}
    )
    return mark_safe(html)  # noqa: S308 (rendered by the template engine, which escaped it)
