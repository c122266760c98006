"""The motion files on their own: Markdown keeps every character, the PDF survives text that
fpdf2's core fonts cannot draw."""

from groundswell.primary.motions import latin1, motions_markdown, motions_pdf
from groundswell.primary.outcome import Motion

from .pdf_text import pdf_text

AWKWARD = Motion(
    1, "“Rent caps” – £ and € and 中文 ✊", "Housing", "Zoë Ó Briain", "It’s time… “now”.", 5, None
)


def test_the_pdf_draws_typographic_and_non_latin_text_without_crashing() -> None:
    data = motions_pdf("Conference ‘26’", [AWKWARD])
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert 'Motion 1: "Rent caps" - \xa3 and EUR and ?? ?' in text
    assert "Zo\xeb \xd3 Briain" in text and "Conference motions: Conference '26'" in text


def test_markdown_keeps_the_original_characters() -> None:
    md = motions_markdown("Conference ‘26’", [AWKWARD])
    assert "## Motion 1: “Rent caps” – £ and € and 中文 ✊" in md and "It’s time… “now”." in md
    assert "Approvals" not in md


def test_no_winners_still_makes_both_files() -> None:
    assert "No proposal won a place." in motions_markdown("X", [])
    assert "No proposal won a place." in pdf_text(motions_pdf("X", []))


def test_latin1_replaces_what_it_cannot_draw() -> None:
    assert latin1("“a” ‘b’ — £1 ☃") == "\"a\" 'b' - \xa31 ?"
