"""Recount a BLT file from the command line:

    python -m groundswell.democracy.counting FILE.blt --rule {scottish,ers97,meek,irv} [--seed N] [--json]

Prints the count stage by stage, or with --json one JSON object. A malformed file exits with status 2 and a
one-line reason naming the line.
"""

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from . import RULES, count
from .ballots import Election
from .blt import BltError, read_blt
from .report import stage_table


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        election = _with_minimums(read_blt(args.file), args.at_least or [])
        result = count(election, args.rule, args.seed)
    except BltError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    print(result.to_json() if args.json else stage_table(result), end="\n" if args.json else "")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m groundswell.democracy.counting",
        description="Count a ranked-ballot election from a BLT file.",
    )
    parser.add_argument("file", help="the ballots, in BLT format")
    parser.add_argument("--rule", required=True, choices=sorted(RULES), help="the counting rule")
    parser.add_argument("--seed", type=int, help="seed for any lots (drawn and shown if not given)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--at-least",
        nargs=3,
        action="append",
        metavar=("N", "CATEGORY", "CANDIDATES"),
        help="elect at least N of CATEGORY, whose candidates are numbered e.g. 1,4,6 (repeatable)",
    )
    return parser


def _with_minimums(election: Election, rules: list[list[str]]) -> Election:
    categories, minimums = {}, {}
    for minimum, name, members in rules:
        try:
            categories[name] = frozenset(int(c) for c in members.split(","))
            minimums[name] = int(minimum)
        except ValueError:
            raise ValueError(f"--at-least {minimum} {name} {members}: give N and numbers") from None
    return replace(election, categories=categories, minimums=minimums) if rules else election


if __name__ == "__main__":
    sys.exit(main())
