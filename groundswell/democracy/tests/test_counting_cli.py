"""The recount command, run as users run it: python -m groundswell.democracy.counting FILE --rule ..."""

import json
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from groundswell.core.testing import shared_data


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "groundswell.democracy.counting", *map(str, args)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_json_gives_the_official_figures_of_a_real_ward() -> None:
    run = _run(
        shared_data("stv", "official", "linn07.blt"), "--rule", "scottish", "--seed", "5", "--json"
    )

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert (result["rule"], result["seats"], result["quota"], result["seed"]) == (
        "scottish",
        4,
        "1914.00000",
        5,
    )
    assert result["elected"] == [7, 3, 6, 2]  # Ritchie, Docherty, McKenzie, Margot Clark
    second = result["stages"][1]
    assert second["action"] == "surplus of David Ritchie"
    assert second["votes"]["1"] == "905.13482"
    assert second["votes"]["7"] == "1914.00000"
    assert second["non_transferable"] == "36.18420"
    assert len(result["stages"]) == 10


def test_a_malformed_file_exits_2_with_one_line_naming_the_line() -> None:
    path = shared_data("stv", "scotland-2007-2022", "perth_kinross_2016_by_election_ward9.blt")

    run = _run(path, "--rule", "scottish")

    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == f"{path}: line 1: '1,' is not a whole number\n"


def test_the_readable_table_shows_every_stage_and_the_winners() -> None:
    run = _run(shared_data("stv", "official", "ers97.blt"), "--rule", "ers97", "--seed", "1")

    assert run.returncode == 0, run.stderr
    assert "Quota: 107.58. Seed: 1." in run.stdout
    assert "Stage 4: exclusion of Wright, Glazier" in run.stdout
    assert run.stdout.rstrip().endswith(
        "Elected, in order: Smith, Duke, Carpenter, Prince, Vicar, Freeman"
    )


def test_a_seed_drawn_by_the_command_repeats_the_count_when_given_back() -> None:
    path = shared_data("stv", "glasgow-2007", "weak-surplus.blt")

    first = json.loads(_run(path, "--rule", "meek", "--json").stdout)
    again = json.loads(_run(path, "--rule", "meek", "--json", "--seed", str(first["seed"])).stdout)

    assert again == first


def test_instant_runoff_refuses_a_ward_with_several_seats() -> None:
    run = _run(shared_data("stv", "official", "linn07.blt"), "--rule", "irv")

    assert run.returncode == 2
    assert run.stderr.endswith("instant runoff fills one seat; this election has 4\n")


def test_at_least_elects_the_minimum_from_a_category() -> None:
    path = shared_data("stv", "scotland-2007-2022", "edinburgh_2017_ward1.blt")

    plain = json.loads(_run(path, "--rule", "scottish", "--seed", "1", "--json").stdout)
    kept = json.loads(
        _run(
            path, "--rule", "scottish", "--seed", "1", "--json", "--at-least", "1", "Green", "6"
        ).stdout
    )

    assert 6 not in plain["elected"]
    assert 6 in kept["elected"]


def test_counting_imports_nothing_from_django() -> None:
    check = "import sys, groundswell.democracy.counting.__main__; print(sorted(m for m in sys.modules if m.startswith('django')))"

    run = subprocess.run(
        [sys.executable, "-c", check],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.stdout == "[]\n", run.stderr
