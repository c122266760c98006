"""Reading and writing BLT ballot files: what real files contain, and malformed files refused with line and reason."""

import pytest

from groundswell.core.testing import shared_data
from groundswell.democracy.counting import (
    Ballot,
    BltError,
    Election,
    count,
    format_blt,
    parse_blt,
    read_blt,
)

QUOTED = """# Comment: a small election
# Source: made up for this test
4 2
-3
3 1 2 0
(b7) 2 2 4 1 0
# a comment between ballots
1 3 4 0
4 4
0
"Ann ""Nan"" Able" "Party of Able"
"Bo Brown"
# a comment between names
"Cy Crane"
"Di Dunn"
"Ward 9 - Test"
"""


def test_it_reads_quoted_names_comments_withdrawals_ballot_ids_and_a_missing_closing_zero() -> None:
    election = parse_blt(QUOTED)

    assert election.candidates == ('Ann "Nan" Able', "Bo Brown", "Cy Crane", "Di Dunn")
    assert election.seats == 2
    assert election.withdrawn == frozenset({3})
    assert election.title == "Ward 9 - Test"
    assert election.ballots == (
        Ballot(3, (1, 2)),
        Ballot(2, (2, 4, 1)),
        Ballot(1, (3, 4)),
        Ballot(4, (4,)),
    )


def test_a_withdrawn_candidate_is_passed_over_on_every_paper() -> None:
    election = parse_blt(QUOTED)

    assert sorted(election.papers()) == [((1, 2), 3), ((2, 4, 1), 2), ((4,), 5)]
    result = count(election, "scottish", seed=1)
    assert 3 not in result.stages[0].votes
    assert result.stages[0].votes[4] == 5


def test_a_name_quoted_twice_over_is_unquoted_twice() -> None:
    """Some 2022 files wrap the Dundee form, "name" "party", in a second pair of quotes."""
    text = '2 1\n1 1 0\n0\n"""John CAIRNS"" ""Independent"""\n"Lab ""Barney CROCKETT"" "\n"""Ward 1"""\n'

    election = parse_blt(text)

    assert election.candidates == ("John CAIRNS", 'Lab "Barney CROCKETT"')
    assert election.title == "Ward 1"


def test_it_reads_unquoted_names_with_windows_line_endings() -> None:
    text = "3 1\r\n2 1 3 0\r\n1 2 0\r\n0\r\nEddie PHILLIPS (Ind)\r\nTommy REILLY (SNP)\r\nJo YATES (SNP)\r\nBarrhead Ward"

    election = parse_blt(text)

    assert election.candidates == ("Eddie PHILLIPS (Ind)", "Tommy REILLY (SNP)", "Jo YATES (SNP)")
    assert election.title == "Barrhead Ward"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "the file is empty"),
        ("3 2 1\n", 1, "the first line must give the number of candidates and of seats"),
        ("2 3\n", 1, "3 seats but only 2 candidates"),
        ("2 1\n-3\n", 2, "withdrawn candidate 3 is not on the ballot"),
        ("2 1\n1 1 2 0\nx 2 0\n", 3, "'x' is not a whole number"),
        ("2 1\n1 1 2 0\n1.5 2 0\n", 3, "'1.5' is not a whole number"),
        ("2 1\n1 1 3 0\n", 2, "preference for candidate 3 of 2"),
        ("2 1\n1 1 2 1 0\n", 2, "candidate 1 is ranked twice"),
        ("2 1\n1 1 0 2\n", 2, "preferences after the closing 0"),
        ("2 1\n1 1=2 0\n", 2, "equal rankings ('1=2') are not supported"),
        ("2 1\n1 1 2 0\n", 2, "the ballots never end (no line '0')"),
        ("2 1\n0\n", 2, "there are no ballots"),
        ('2 1\n1 1 0\n0\n"A"\n', 4, "2 candidate names expected, 1 found"),
        ('2 1\n1 1 0\n0\n"A"\n"B\n', 5, "a quoted name has no closing quote"),
        ('2 1\n1 1 0\n0\n"A"\n"B"\n"T"\n"extra"\n', 7, "unexpected text after the title"),
    ],
)
def test_it_refuses_a_malformed_file_naming_the_line_and_reason(
    text: str, line: int, reason: str
) -> None:
    with pytest.raises(BltError) as refused:
        parse_blt(text)

    assert (refused.value.line, refused.value.reason) == (line, reason)
    assert str(refused.value) == f"line {line}: {reason}"


def test_it_refuses_the_real_malformed_file_at_its_first_line() -> None:
    path = shared_data("stv", "scotland-2007-2022", "perth_kinross_2016_by_election_ward9.blt")

    with pytest.raises(BltError) as refused:
        read_blt(path)

    assert refused.value.line == 1
    assert refused.value.reason == "'1,' is not a whole number"


def test_names_given_only_as_alternative_name_comments_are_read() -> None:
    """The Glasgow 2007 files among the 1,100 wards give their names only as `# ALTERNATIVE NAME n:` comments."""
    commented = read_blt(shared_data("stv", "scotland-2007-2022", "glasgow_2007_linn.blt"))
    quoted = read_blt(shared_data("stv", "glasgow-2007", "Linn-2007.blt"))

    assert commented.candidates[0] == "Esme H Clark (Con)"
    without_party = [name.rsplit(" (", 1)[0].casefold() for name in commented.candidates]
    assert without_party == [name.casefold() for name in quoted.candidates]
    assert commented.title == "Linn"
    assert sorted(commented.papers()) == sorted(quoted.papers())


def test_export_then_import_gives_back_the_same_election() -> None:
    election = parse_blt(QUOTED)

    text = format_blt(election)

    assert parse_blt(text) == election
    assert text.splitlines()[:3] == ["4 2", "-3", "3 1 2 0"]
    assert '"Ann ""Nan"" Able"' in text.splitlines()


def test_a_count_refuses_ballots_built_with_an_impossible_ranking() -> None:
    election = Election(("A", "B"), 1, (Ballot(2, (1, 3)),))

    with pytest.raises(
        ValueError, match=r"ranking \(1, 3\) names a candidate twice or not on the ballot"
    ):
        count(election, "scottish", seed=1)
