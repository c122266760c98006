"""Receipt codes: drawn at random for each paper, shown to the voter once, stored only as a hash.

The code is not derived from anything about the voter, so the hash on a published paper says
nothing about who cast it; only the holder of the code can find their paper."""

import base64
import hashlib
import secrets

CODE_BYTES = 15  # 120 bits: 24 base32 characters, never guessed


def new_receipt() -> str:
    """A fresh code like "K7QJ-3XUM-..." (six groups of four), easy to copy and read aloud."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def receipt_hash(code: str) -> str:
    """SHA-256 of the code with dashes, spaces and case ignored, as published with the paper."""
    normal = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(normal.encode("ascii", errors="replace")).hexdigest()
