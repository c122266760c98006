"""A count as readable text: every stage with each candidate's total and change, for the command line."""

from decimal import Decimal

from .result import Result, Stage

RULE_NAMES = {
    "scottish": "Scottish STV (SSI 2007/42)",
    "ers97": "ERS97 STV",
    "meek": "Meek STV (PR Foundation reference rule)",
    "irv": "Instant runoff",
}


def stage_table(result: Result) -> str:
    lines = [
        result.title or "Untitled election",
        f"Rule: {RULE_NAMES.get(result.rule, result.rule)}. Seats: {result.seats}. "
        f"Valid votes: {result.figure(result.valid_votes)}. Quota: {result.figure(result.quota)}. "
        f"Seed: {result.seed}.",
    ]
    width = max(len(name) for name in [*result.candidates, "Non-transferable"])
    for stage in result.stages:
        lines.append("")
        lines.extend(_stage_lines(result, stage, width))
    lines.append("")
    lines.append("Elected, in order: " + ", ".join(result.name(c) for c in result.elected))
    return "\n".join(lines) + "\n"


def _stage_lines(result: Result, stage: Stage, width: int) -> list[str]:
    heading = f"Stage {stage.number}: {stage.action}"
    if stage.quota != result.quota:
        heading += f" (quota {result.figure(stage.quota)})"
    lines = [heading]
    first = stage.number == 1
    for c, votes in stage.votes.items():
        mark = " elected" if c in stage.elected else " excluded" if c in stage.excluded else ""
        lines.append(_row(result, result.name(c), votes, stage.transfers[c], width, first) + mark)
    nt = "Non-transferable"
    lines.append(
        _row(result, nt, stage.non_transferable, stage.non_transferable_change, width, first)
    )
    for lot in stage.lots:
        among = ", ".join(result.name(c) for c in lot.among)
        lines.append(f"  Lot ({lot.purpose}): {result.name(lot.chosen)} drawn from {among}")
    lines.extend(f"  Note: {note}" for note in stage.notes)
    return lines


def _row(
    result: Result, label: str, value: Decimal, change: Decimal, width: int, first: bool
) -> str:
    row = f"  {label:<{width}}  {result.figure(value):>16}"
    if not first and change:
        row += f"  {('+' if change > 0 else '-') + result.figure(abs(change)):>16}"
    return row
