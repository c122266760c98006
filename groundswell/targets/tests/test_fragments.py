"""The finder's cards are built in Python: every text in them is escaped."""

from groundswell.targets.finder import FoundTarget
from groundswell.targets.fragments import target_card
from groundswell.targets.snapshot import TargetSeat


def seat(**fields: object) -> TargetSeat:
    values: dict[str, object] = {
        "target_id": 1, "seat_id": 7, "name": "Hendon", "region": "London", "priority": 1,
        "weekly_goal": 20, "majority_pct": 0.0364, "winner_party": "Lab", "runner_up_party": "Con",
        "lat": 51.6, "lng": -0.23,
    }  # fmt: skip
    values.update(fields)
    return TargetSeat(**values)  # type: ignore[arg-type]


def test_a_card_says_distance_margin_and_need() -> None:
    html = target_card(FoundTarget(seat(), 0.0, 5, []), "", "/events/?postcode=NW4+4BT")
    assert "<h3>Hendon</h3>" in html
    assert "You&#x27;re in this seat" in html
    assert "Labour won by 0.04% over Conservative" in html
    assert "5 of 20 volunteers signed up this week: <strong>15 more needed</strong>" in html
    assert 'style="width: 25%"' in html
    assert '<a href="/events/?postcode=NW4+4BT">See other events near you</a>' in html


def test_every_text_is_escaped() -> None:
    hostile = seat(name="<script>x()</script>", region='"><img src=x onerror=alert(1)>')
    html = target_card(FoundTarget(hostile, 12.3, 25, []), "", '/e/?p="><b>')
    assert "<script>" not in html and "<img" not in html and '"><b>' not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "goal met, more welcome" in html
    assert 'style="width: 100%"' in html
