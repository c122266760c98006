"""How long a text is on the wire: GSM-7 or UCS-2 encoding, and how many segments it is billed as.

A message whose every character is in the GSM 03.38 alphabet is sent in GSM-7: 160 septets in one
segment, 153 per segment once split (the rest carries the join header); extension-table characters
(€ [ ] { } etc.) take two septets, and that pair is never split across segments. Any other character
forces UCS-2 for the whole message: 70 UTF-16 code units in one segment, 67 per segment once split,
so an emoji (a surrogate pair) counts two and is never split either.
"""

from dataclasses import dataclass
from typing import Literal

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
_GSM_ALL = GSM_BASIC | GSM_EXTENSION

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SegmentInfo:
    encoding: Encoding
    characters_used: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int  # 0 for an empty message
    characters_left: int  # room left in the last segment before another one starts
    non_gsm_characters: tuple[str, ...]  # what forced UCS-2, to show the writer ("’", "😀")


def measure(body: str) -> SegmentInfo:
    """The encoding, length and segment count of `body` as an SMS."""
    non_gsm = tuple(dict.fromkeys(ch for ch in body if ch not in _GSM_ALL))
    if non_gsm:
        widths = [2 if ord(ch) > 0xFFFF else 1 for ch in body]
        segments, left = _pack(widths, UCS2_SINGLE, UCS2_PART)
        return SegmentInfo("UCS-2", sum(widths), segments, left, non_gsm)
    widths = [2 if ch in GSM_EXTENSION else 1 for ch in body]
    segments, left = _pack(widths, GSM_SINGLE, GSM_PART)
    return SegmentInfo("GSM-7", sum(widths), segments, left, ())


def _pack(widths: list[int], single: int, part: int) -> tuple[int, int]:
    """Segments needed and room left in the last, filling parts greedily without splitting a
    two-unit character (escape pair or surrogate pair) across parts."""
    total = sum(widths)
    if total <= single:
        return (1 if total else 0), single - total
    segments, used = 1, 0
    for width in widths:
        if used + width > part:
            segments, used = segments + 1, 0
        used += width
    return segments, part - used
