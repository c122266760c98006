"""Template filters for target pages: `{{ seat|margin }}` reads a constituency's 2024 result."""

from django import template

from groundswell.geo.models import Constituency
from groundswell.targets.wording import margin_text

register = template.Library()


@register.filter
def margin(seat: Constituency) -> str:
    return margin_text(seat.winner_party, seat.runner_up_party, seat.majority_pct)
