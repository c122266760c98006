"""Sorting an inbound text into opt-out, opt-in, help, or an ordinary reply.

The rule, and why:
- Twilio blocks a number when the WHOLE message, trimmed and ignoring case, is one of its opt-out
  words (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT); "STOP PLEASE" does not
  count. After that every send to the number fails with 21610 until it texts START, YES or UNSTOP.
- We honour at least that, and a little more on the side of the person opting out: punctuation
  and spaces around the word are ignored ("Stop.", " stop! "), and the two-word spellings
  "STOP ALL", "OPT OUT" and "OPT-OUT" count. `twilio_blocks` says whether Twilio itself took it as
  an opt-out (whole body, trimmed, exact word).
- Opt-in is Twilio's exact rule only (START, YES, UNSTOP, whole message, trimmed, any case) and
  matters only for someone who had opted out: "Yes" is also the commonest answer to a texter's
  question, so a caller must not read it as consent to anything else.
- Help is HELP or INFO alone, punctuation ignored.
- A longer message that merely contains STOP, UNSUBSCRIBE, OPT OUT or REVOKE ("please stop texting
  me") is not an opt-out by this rule but is flagged `may_be_opt_out`, so the texter is asked to
  confirm and record it by hand; silently sending more texts to such a person would be wrong.
"""

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["opt_out", "opt_in", "help", "none"]

OPT_OUT_WORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
)
OPT_IN_WORDS = frozenset({"START", "YES", "UNSTOP"})
HELP_WORDS = frozenset({"HELP", "INFO"})

# Words that, anywhere in a longer message, suggest the person wants no more texts.
_OPT_OUT_HINT = re.compile(r"\b(stop|unsubscribe|opt[\s-]*out|revoke)\b", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_JOINERS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Classification:
    kind: Kind
    keyword: str  # the keyword matched, upper case; "" when kind is "none"
    twilio_blocks: bool  # Twilio itself treated this as an opt-out and now blocks the number
    may_be_opt_out: bool  # not a keyword, but a texter should check whether it asks to stop


def classify(body: str) -> Classification:
    """What an inbound text asks for, by the rule in this module's docstring."""
    exact = body.strip().upper()
    word = _JOINERS.sub("", _EDGE_PUNCTUATION.sub("", exact))
    if word in OPT_OUT_WORDS:
        return Classification("opt_out", word, exact in OPT_OUT_WORDS, False)
    if exact in OPT_IN_WORDS:
        return Classification("opt_in", exact, False, False)
    if word in HELP_WORDS:
        return Classification("help", word, False, False)
    return Classification("none", "", False, bool(_OPT_OUT_HINT.search(body)))
