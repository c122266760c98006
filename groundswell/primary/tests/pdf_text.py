"""Reading the text back out of a generated PDF's compressed page streams, for assertions."""

import re
import zlib


def pdf_text(data: bytes) -> str:
    """Every string drawn on the pages, latin-1 decoded, with PDF escapes left in place."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            content = stream
        texts += re.findall(rb"\((.*?)\) Tj", content)
    return "\n".join(t.decode("latin-1") for t in texts)
