"""Conference motions as files: Markdown, and a PDF drawn with one of fpdf2's core fonts. Core
fonts know only Latin-1, so typographic characters are replaced by plain equivalents first."""

from collections.abc import Sequence

from fpdf import FPDF

from groundswell.primary.outcome import Motion

PLAIN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u2022": "*", "\u00a0": " ", "\u20ac": "EUR",
    "\u2212": "-", "\u200b": "",
})  # fmt: skip


def motions_markdown(title: str, motions: Sequence[Motion]) -> str:
    lines = [f"# Conference motions: {title}", ""]
    if not motions:
        lines += ["No proposal won a place.", ""]
    for m in motions:
        lines += [f"## Motion {m.number}: {m.title}", "",
                  f"*Category:* {m.category}  ", f"*Proposed by:* {m.authors}  ",
                  f"*Supporters in the primary:* {m.support}" + _votes(m, "  \n"), "",
                  m.text.strip(), ""]  # fmt: skip
    return "\n".join(lines)


def _votes(motion: Motion, joiner: str) -> str:
    return f"{joiner}*Approvals in the ballot:* {motion.votes}" if motion.votes is not None else ""


def latin1(text: str) -> str:
    """What a core font can draw: typographic characters made plain, anything else left as '?'."""
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def motions_pdf(title: str, motions: Sequence[Motion]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(f"Conference motions: {title}"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, latin1(f"Conference motions: {title}"), new_x="LMARGIN", new_y="NEXT")
    if not motions:
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, "No proposal won a place.", new_x="LMARGIN", new_y="NEXT")
    for m in motions:
        _motion_page_part(pdf, m)
    return bytes(pdf.output())


def _motion_page_part(pdf: FPDF, m: Motion) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, latin1(f"Motion {m.number}: {m.title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    facts = (
        f"Category: {m.category}. Proposed by {m.authors}. Supporters in the primary: {m.support}."
    )
    if m.votes is not None:
        facts += f" Approvals in the ballot: {m.votes}."
    pdf.multi_cell(0, 5, latin1(facts), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin1(m.text.strip()), new_x="LMARGIN", new_y="NEXT")
