"""What S151 and S141 rely on (issue 17): sentences counted in any script, and CLDR's
names telling a language's own word from English left behind."""

from __future__ import annotations

import pytest

from transkit.model.languages import language
from transkit.text.cldr_words import left_in_english
from transkit.text.lengths import sentences


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The helpline is confidential. You do not have to give your name.", 2),
        ("Takk for i dag.", 1),
        ("lists all sections and subsections", 1),
        ("Version 1.5 is out", 1),  # a decimal point ends nothing
        ("Wait! Really?", 2),
        ("これは文です。あれも文です。", 2),  # full-width marks need no space after them
        ("यह वाक्य है। दूसरा वाक्य।", 2),  # the danda
        ("%s", 0),  # no text of its own
        ("<b>%(name)s</b> ", 0),
    ],
)
def test_sentences(text: str, count: int) -> None:
    assert sentences(text) == count


@pytest.mark.parametrize(
    ("word", "code", "expected"),
    [
        ("November", "ms", None),  # Malay's own month name
        ("mar", "gl", None),  # Galician's abbreviation of « marzo »
        ("sep", "es", None),  # begins « septiembre »: Spanish's own abbreviation
        ("a.m", "es", None),  # CLDR « a. m. »
        ("Tatar", "ig", None),  # « Asụsụ Tatar »: the name with "language" added
        ("Interlingua", "de", None),
        ("Punjabi", "fr", ("pendjabi",)),
        ("a.m", "nn", ("f.m.",)),
        ("dec", "lb", ("Dez", "Dez.", "Dezember")),
        ("Options", "fr", None),  # no CLDR name: a cognate is not told from a copy
        ("Punjabi", "io", None),  # Ido has no CLDR names of its own (root's are not words)
    ],
)
def test_left_in_english(word: str, code: str, expected: tuple[str, ...] | None) -> None:
    assert left_in_english(word, language(code)) == expected


def test_left_in_english_does_not_depend_on_what_babel_loaded_before() -> None:
    """Babel caches locale data by name, merged with its parents or not: the plural rules
    load theirs unmerged, and a Canadian French read after that lacked France's names."""
    from babel import localedata

    from transkit.text import cldr_words

    localedata._cache.pop("fr_CA", None)  # as a fresh process has it
    localedata.load("fr_CA", merge_inherited=False)  # what the plural rules do first
    cldr_words._by_item.cache_clear()
    assert left_in_english("Punjabi", language("fr_CA")) == ("pendjabi",)
    assert left_in_english("Punjabi", language("io")) is None  # no names of its own, no KeyError
