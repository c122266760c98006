"""Opt-out, opt-in and help keywords in inbound texts (rule: see keywords.py's docstring)."""

import pytest

from groundswell.messaging.sms.keywords import classify


@pytest.mark.parametrize(
    "body",
    [
        "STOP",
        "stop",
        " Stop \n",
        "STOPALL",
        "Unsubscribe",
        "cancel",
        "END",
        "quit",
        "REVOKE",
        "optout",
    ],
)
def test_twilios_opt_out_words_alone_are_opt_outs_twilio_also_blocks(body: str) -> None:
    result = classify(body)

    assert result.kind == "opt_out"
    assert result.twilio_blocks


@pytest.mark.parametrize(
    ("body", "keyword"),
    [
        ("Stop.", "STOP"),
        ("STOP!!", "STOP"),
        ("Opt out", "OPTOUT"),
        ("opt-out", "OPTOUT"),
        ("Stop all", "STOPALL"),
    ],
)
def test_we_also_honour_the_word_with_punctuation_or_spaced_out(body: str, keyword: str) -> None:
    result = classify(body)

    assert (result.kind, result.keyword) == ("opt_out", keyword)
    assert not result.twilio_blocks  # Twilio would still send to them: we must not


@pytest.mark.parametrize("body", ["STOP PLEASE", "Please stop texting me", "unsubscribe me now"])
def test_a_sentence_asking_to_stop_is_flagged_for_the_texter_not_taken_as_a_keyword(
    body: str,
) -> None:
    result = classify(body)

    assert result.kind == "none"
    assert result.may_be_opt_out


@pytest.mark.parametrize("body", ["See you at the end of the meeting", "Stopford Road?", "Yes"])
def test_ordinary_replies_are_not_flagged(body: str) -> None:
    assert not classify(body).may_be_opt_out


@pytest.mark.parametrize("body", ["START", "yes", " Unstop "])
def test_opt_in_words_count_only_as_the_whole_message(body: str) -> None:
    assert classify(body).kind == "opt_in"


@pytest.mark.parametrize("body", ["Yes!", "yes I can come", "Start time?"])
def test_an_answer_containing_yes_or_start_is_not_an_opt_in(body: str) -> None:
    assert classify(body).kind == "none"


@pytest.mark.parametrize("body", ["HELP", "help?", "Info"])
def test_help_words(body: str) -> None:
    assert classify(body).kind == "help"


def test_an_ordinary_reply_is_none() -> None:
    result = classify("Yes, I'll be there at 7")

    assert (result.kind, result.keyword, result.twilio_blocks) == ("none", "", False)
