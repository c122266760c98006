"""How target seats read to a volunteer: "Labour won by 0.04% over Conservative", "3.2 km away". Pure (no Django)."""

PARTY_NAMES = {
    "Lab": "Labour",
    "Con": "Conservative",
    "LD": "Liberal Democrat",
    "RUK": "Reform UK",
    "SNP": "SNP",
    "Green": "Green",
    "PC": "Plaid Cymru",
    "SF": "Sinn Féin",
    "DUP": "DUP",
    "UUP": "UUP",
    "SDLP": "SDLP",
    "APNI": "Alliance",
    "TUV": "TUV",
    "Ind": "an independent",
    "Spk": "the Speaker",
    "WPB": "Workers Party",
    "PBPA": "People Before Profit",
}


def party_name(code: str) -> str:
    return PARTY_NAMES.get(code, code)


def percent(majority_pct: float) -> str:
    """Two decimals under 1% (Hendon's 0.04% is not 0.0%), one above."""
    return f"{majority_pct:.2f}%" if majority_pct < 1 else f"{majority_pct:.1f}%"


def margin_text(winner: str, runner_up: str, majority_pct: float | None) -> str:
    if majority_pct is None or not winner:
        return "2024 result not known"
    over = f" over {party_name(runner_up)}" if runner_up else ""
    won = party_name(winner)
    return f"{won[0].upper()}{won[1:]} won by {percent(majority_pct)}{over}"


def distance_text(km: float) -> str:
    """0 means the volunteer is in the seat; otherwise a distance rounded as a person would say it."""
    if km <= 0:
        return "You're in this seat"
    if km < 1:
        return "Under 1 km away"
    return f"{km:.1f} km away" if km < 10 else f"{km:.0f} km away"
