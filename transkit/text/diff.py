"""What changed between two sources, shown word by word.

A translator reviewing a reused translation needs to see which words of the source
changed, not re-read both sentences: the export of a fuzzy message and a translation
memory's near match both show the same notation.
"""

from __future__ import annotations

import difflib
import re

_WORD = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> str:
    """What changed between two sources, word by word: ``[-removed-]{+added+}``."""
    before, after = _WORD.findall(old), _WORD.findall(new)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append("".join(before[i1:i2]))
            continue
        if i2 > i1:
            parts.append("[-" + "".join(before[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + "".join(after[j1:j2]) + "+}")
    return "".join(parts)
