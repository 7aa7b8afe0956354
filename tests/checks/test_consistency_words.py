"""What T161 (inconsistent-translation) looks through when it compares two texts:
whitespace at the ends and keyboard accelerators, exactly as the rule
``^\\s+|\\s+$|[&_](?=\\w)`` says, for every character ``\\s`` may match."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
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


SOURCES = [
    (None, "Report", None),
    (None, "&Report", None),
    (None, "Report ", None),
    ("verb", "Report", None),
    (None, "%d case", "%d cases"),
    (None, "%d case", "%d reports"),
    (None, "Save_as", None),
]
TRANSLATIONS = ["Signaler", "&Signaler", "Rapport", "Signaler "]


def _inconsistencies_as_written(entries) -> list[tuple[int, int]]:
    """T161 as its docstring says it, without the shortcuts the check takes: every
    translated message grouped by its context and its sources' words."""
    groups: dict = {}
    for entry in entries:
        if not entry.obsolete and entry.translated and entry.msgid:
            key = (entry.msgctxt, _words(entry.msgid), entry.msgid_plural and _words(entry.msgid_plural))
            groups.setdefault(key, []).append((entry, tuple(map(_words, entry.msgstr))))
    return [
        (first.line, other.line)
        for (first, first_words), *others in groups.values()
        for other, words in others
        if words != first_words
    ]


@settings(max_examples=300, deadline=None)
@given(
    template=st.lists(st.sampled_from(SOURCES), unique=True, max_size=5),
    catalog=st.lists(
        st.tuples(st.sampled_from(SOURCES), st.sampled_from(TRANSLATIONS), st.booleans(), st.booleans()), max_size=7
    ),
)
@example(  # one msgid with two msgid_plurals: the template's is not the catalog's
    template=[(None, "%d case", "%d cases")],
    catalog=[
        ((None, "%d case", "%d reports"), "Signaler", False, False),
        ((None, "%d case", "%d cases"), "Rapport", False, False),
    ],
)
def test_inconsistent_translations_are_the_groups_as_written(template, catalog) -> None:
    """The check reads the template's sources once per run and the translations only of
    sources that are not alone: what it reports is what the plain grouping reports,
    whatever the template holds (a catalog's message may be missing from it, or have
    another msgid_plural there)."""
    from pathlib import Path

    from transkit.checks.consistency import inconsistent_translation
    from transkit.engine.context import CatalogContext, Options
    from transkit.model.catalog import Catalog, Entry, Project
    from transkit.model.coverage import compute, index

    def entry(source, number, translation="", fuzzy=False, obsolete=False):
        msgctxt, msgid, plural = source
        msgstr = (translation,) if plural is None else (translation, translation)
        return Entry(msgid, msgstr, msgctxt, plural, ("fuzzy",) if fuzzy else (), obsolete=obsolete, line=number)

    template_catalog = Catalog(Path("t.pot"), "t.pot", (), 1, tuple(entry(s, n) for n, s in enumerate(template)))
    entries = tuple(entry(s, 10 + n, t, f, o) for n, (s, t, f, o) in enumerate(catalog))
    fr = Catalog(Path("fr.po"), "fr.po", (), 1, entries)
    template_index = index(template_catalog)
    context = CatalogContext(
        Project(Path("."), template_catalog, (fr,)),
        fr,
        template_index,
        compute(fr, template_catalog, template_index),
        Options(),
    )
    found = [(int(str(p.message).rsplit(" ", 1)[-1]), p.line) for p in inconsistent_translation(context)]
    assert found == _inconsistencies_as_written(entries)
