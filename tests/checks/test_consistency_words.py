"""What T161 (inconsistent-translation) looks through when it compares two texts:
whitespace at the ends and keyboard accelerators, exactly as the rule
``^\\s+|\\s+$|[&_](?=\\w)`` says, for every character ``\\s`` may match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transkit.checks.consistency import _words

RULE = re.compile(r"^\s+|\s+$|[&_](?=\w)")
SPACES = [chr(c) for c in range(0x110000) if RULE.fullmatch(chr(c)) or chr(c).isspace()]
TEXTS = st.text(st.one_of(st.sampled_from([*SPACES, "&", "_", "a", "é", "1", ".", "\u200b"]), st.characters()))


@settings(max_examples=500)
@given(TEXTS)
def test_words_follow_the_rule(text: str) -> None:
    assert _words(text) == RULE.sub("", text)


def test_the_ends_and_accelerators_are_not_read() -> None:
    assert _words("  &Report\u00a0\n") == _words("Report") == "Report"
    assert _words("Save_as ") == "Saveas" and _words("R&D") == "RD"
    assert _words("Delete?") != _words("Delete") and _words("& more") == "& more"
