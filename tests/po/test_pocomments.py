"""The fast comment reader reads every entry exactly as polib does.

:mod:`transkit.po.comments` replaces polib's second parse of each file; this differential
test holds the two readers to the same result on every catalog the project has (the
shipped ones, every test corpus, the planted-defect benchmark) and on generated comment
lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.errors import CatalogError
from transkit.po.reader import _parse, decode


def _decodable(path: Path) -> bool:
    try:
        decode(path.read_bytes(), str(path))
    except CatalogError:
        return False  # refused before either reader gets to it (binary, bad charset, ...)
    return True


CORPUS = sorted(
    path
    for folder in ("catalogs", "tests/data", "bench/planted")
    for path in (ROOT / folder).rglob("*.po*")
    if path.suffix in (".po", ".pot") and _decodable(path)
)


def both_readers(text: str, name: str = "x.po"):
    """(fast, polib) entries, or the message of the CatalogError each raised."""
    results = []
    for use_polib in (False, True):
        try:
            catalog = _parse(text, Path(name), name, is_template=False, path_language=None, use_polib=use_polib)[0]
            results.append(catalog.entries)
        except CatalogError as error:
            results.append(error.message)
    return results


def test_the_corpus_is_not_empty():
    assert len(CORPUS) > 100


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_reads_every_entry_as_polib_does(path: Path):
    text = decode(path.read_bytes(), str(path))
    fast, slow = both_readers(text)
    if isinstance(slow, str) and "polib" in slow:
        # polib cannot read the file at all (msgfmt can): nothing to compare with.
        return
    assert fast == slow


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'), max_size=30)
_COMMENT = st.one_of(
    _TEXT.map(lambda t: f"# {t}"),
    _TEXT.map(lambda t: f"#{t}" if not t[:1].strip() or t.startswith("#") else f"# {t}"),
    _TEXT.map(lambda t: f"#. {t}"),
    st.lists(st.from_regex(r"[a-z/._-]{1,12}(:[0-9]{1,4})?", fullmatch=True), min_size=1, max_size=4).map(
        lambda r: "#: " + " ".join(r)
    ),
    st.lists(st.sampled_from(["fuzzy", "python-format", "c-format", "no-wrap", " ", ""]), min_size=1, max_size=3).map(
        lambda f: "#, " + ",".join(f)
    ),
    _TEXT.map(lambda t: f'#| msgid "{t}"'),
    st.just("#"),
    st.just("#  two spaces"),
    st.just("#\ttab"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_COMMENT, max_size=5), min_size=1, max_size=4))
def test_generated_comment_lines_read_as_polib_reads_them(blocks):
    parts = ['msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n']
    for number, comments in enumerate(blocks):
        parts.append("\n".join([*comments, f'msgid "m{number}"', 'msgstr "t"']) + "\n")
    fast, slow = both_readers("\n".join(parts))
    assert fast == slow


def test_a_line_polib_refuses_late_in_a_file_hands_the_whole_file_to_polib():
    # The fast reader gives out one entry's comments at a time; a refused line after
    # some entries must still leave the whole file to polib, not half of it read.
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.py:1\nmsgid "m0"\nmsgstr "t"\n\n'
        '#, fuzzy\nmsgid "m1"\nmsgstr "t"\n\n'
        '#word\nmsgid "m2"\nmsgstr "t"\n'
    )
    fast, slow = both_readers(text)
    assert isinstance(fast, str) and "(polib) cannot read" in fast and "(line 12)" in fast
    assert fast == slow
