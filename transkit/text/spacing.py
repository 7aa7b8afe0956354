"""Whitespace as layout: the spaces and line breaks at a text's edges, inside it, and
doubled, with every kind of space counted as a space."""

from __future__ import annotations

import re
from functools import lru_cache

from transkit.terms.match import BIDI_CONTROLS, strip_bidi
from transkit.text.spans import plain_text

_BIDI = frozenset(BIDI_CONTROLS)


def edges(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace, each space-like character written as a space."""
    first, last = text[:1], text[-1:]
    if not (first.isspace() or last.isspace() or first in _BIDI or last in _BIDI):
        return "", ""  # most texts: visible at both ends, and so once bidi controls are gone
    return _edges(text)


@lru_cache(maxsize=65536)  # S101 and S102 both ask
def _edges(text: str) -> tuple[str, str]:
    plain = strip_bidi(text)
    lead = plain[: len(plain) - len(plain.lstrip())]
    trail = plain[len(plain.rstrip()) :]

    def shape(ws: str) -> str:
        return "".join(c if c in "\n\t\r" else " " for c in ws)

    return shape(lead), shape(trail)


def inner_line_breaks(text: str) -> int:
    """Line breaks inside the text; those at its edges are the whitespace checks' business."""
    if "\n" not in text:
        return 0  # most texts, without copying them twice
    return strip_bidi(text).strip().count("\n")


_SPACE_RUN = re.compile(r"[ \u00a0\u202f\u2009\u2007\u3000]{2,}")


def double_spaces(text: str) -> list[int]:
    """Positions of runs of two or more spaces inside the text (not indentation after a
    line break, not at the edges); placeholders are masked, not spaces."""
    if not _SPACE_RUN.search(strip_bidi(text)):
        return []  # the common case, decided without masking: masking adds no space
    inner = plain_text(text).strip()
    return [m.start() for m in _SPACE_RUN.finditer(inner) if m.start() == 0 or inner[m.start() - 1] != "\n"]
