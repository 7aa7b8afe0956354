"""The comment reader reads every entry as msgcat does, and as polib does wherever polib
reads the file as msgcat does.

:mod:`transkit.po.comments` reads the comment lines of every file msgfmt accepts. Two
oracles hold it:

* msgcat (GNU gettext): a file and msgcat's rewriting of it must read the same. msgcat
  writes each comment in its one canonical spelling (``#word`` as ``# word``, ``#,a b``
  as ``#, a, b``), so this checks the reader's interpretation of every spelling against
  gettext's own, on every corpus file and on generated comment lines.
* polib, on msgcat's canonical rewriting, where transkit's result is first mapped to
  what polib makes of it (:func:`as_polib_reads`): each mapping is a place where transkit
  deliberately follows msgcat instead of polib, with msgcat's evidence beside it.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, needs_msgfmt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.errors import CatalogError
from transkit.model.catalog import Entry
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
_HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def read(text: str, *, use_polib: bool = False) -> tuple[Entry, ...] | str:
    """The entries, or the message of the CatalogError raised."""
    try:
        return _parse(text, Path("x.po"), "x.po", is_template=False, path_language=None, use_polib=use_polib)[0].entries
    except CatalogError as error:
        return error.message


def msgcat(text: str) -> str | None:
    """msgcat's rewriting of ``text`` (UTF-8), or None where msgcat refuses it."""
    done = subprocess.run(["msgcat", "-"], input=text.encode("utf-8"), capture_output=True)
    return done.stdout.decode("utf-8") if done.returncode == 0 else None


# The flags msgcat writes back (it drops any other word of a '#,' line, and 'wrap').
_KEPT_FLAG = re.compile(r"fuzzy|(no-|possible-)?[a-z-]+-format|range: \d+\.\.\d+|no-wrap")


def comments_of(entry: Entry) -> tuple:
    """What the comment lines say, as msgcat writes it back: the flags it keeps, in any
    order ('possible-c-format' written as 'c-format'), each reference once, as written."""
    words: dict[str, str] = {}  # the last word about each format language wins
    for flag in entry.flags:
        bounds = re.fullmatch(r"range: (\d+)\.\.(\d+)", flag)
        if bounds and int(bounds[1]) > int(bounds[2]):
            continue  # msgcat drops a range whose bounds are reversed
        if _KEPT_FLAG.fullmatch(flag):
            flag = flag.removeprefix("possible-")
            words[flag.removeprefix("no-") if flag.endswith("-format") else flag] = flag
    flags = set(words.values())
    if not entry.msgstr or not entry.msgstr[0]:
        flags.discard("fuzzy")  # msgcat does not write the fuzzy flag of an untranslated entry
    return (
        frozenset(flags),
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
        entry.translator_comment,
        entry.extracted_comment,
        tuple(dict.fromkeys(map(_as_msgcat_writes, entry.references))),
    )


def _as_msgcat_writes(reference: str) -> str:
    """msgcat writes a reference without a leading './' and its line as a number."""
    reference = reference.removeprefix("./")
    file, colon, line = reference.rpartition(":")
    return f"{file}:{int(line)}" if colon and line.isdigit() else reference


def assert_reads_as_msgcat(text: str) -> tuple[Entry, ...] | None:
    """``text`` and msgcat's rewriting of it read the same; returns the rewriting's
    entries (None when msgcat refuses the file)."""
    rewritten = msgcat(text)
    if rewritten is None:
        return None
    ours, theirs = read(text), read(rewritten)
    assert isinstance(ours, tuple), ours
    if not isinstance(theirs, tuple):
        return None  # msgcat wrote what transkit refuses on purpose (no header: test_bad_input.py)
    by_key = {(entry.key, entry.obsolete): entry for entry in theirs}
    compared = 0
    for entry in ours:
        other = by_key.get((entry.key, entry.obsolete))
        if other is not None:  # msgcat drops obsolete entries without a translation
            assert comments_of(entry) == comments_of(other), entry.msgid
            compared += 1
    assert compared >= len(theirs) - 1
    return theirs


_POLIB_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def as_polib_reads(entry: Entry) -> Entry:
    """transkit's entry as polib reads the same (canonical) text.

    Each change is a place where transkit follows msgcat and polib does not:
    * ``#`` / ``#.`` lines that are empty: msgcat writes ``#`` then ``# a`` back as two
      lines; polib drops empty lines before a comment's first text, and every empty
      ``#.`` line;
    * ``#~|`` previous strings of an obsolete entry: msgcat keeps them, polib ignores them.
    """
    translator = entry.translator_comment.lstrip("\n")
    extracted = "\n".join(line for line in entry.extracted_comment.split("\n") if line)
    changes: dict = {"translator_comment": translator, "extracted_comment": extracted}
    if entry.obsolete:
        changes.update(previous_msgctxt=None, previous_msgid=None, previous_msgid_plural=None)
    return dataclasses.replace(entry, **changes)


def assert_polib_agrees(rewritten_entries: tuple[Entry, ...], rewritten: str) -> None:
    if _POLIB_LINE_BREAKS.search(rewritten) or "\\" in rewritten:
        # polib splits lines at U+2028, U+0085, ... (str.splitlines), which msgfmt does
        # not, and keeps octal, hex and \a escapes of previous strings as text: there
        # it is not a reference (tests below pin msgcat's reading).
        return
    polib = read(rewritten, use_polib=True)
    assert isinstance(polib, tuple)
    assert tuple(map(as_polib_reads, rewritten_entries)) == polib


def test_the_corpus_is_not_empty():
    assert len(CORPUS) > 100


@needs_msgfmt
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_reads_every_entry_as_msgcat_and_polib_do(path: Path):
    text = decode(path.read_bytes(), str(path))
    if not isinstance(read(text), tuple):
        return  # refused, for a reason of its own (tests/po/test_bad_input.py)
    if not text.isascii() and "charset=utf-8" not in text.lower():
        return  # msgcat() speaks UTF-8
    rewritten_entries = assert_reads_as_msgcat(text)
    if rewritten_entries is not None:
        rewritten = msgcat(text)
        assert rewritten is not None
        assert_polib_agrees(rewritten_entries, rewritten)


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'), max_size=30)
# No control characters: msgcat, in C, ends a comment line at a NUL, which says nothing of
# how a catalog's comments should read.
_WORD = st.from_regex(r"[A-Za-z#.,:!][^\x00-\x1f\x7f\"\\#~|]{0,12}", fullmatch=True)
_COMMENT = st.one_of(
    _TEXT.map(lambda t: f"# {t}"),
    _TEXT.map(lambda t: f"#{t}" if not t[:1].strip() or t.startswith("#") else f"# {t}"),
    _WORD.map(lambda t: f"#{t}"),  # '#word', '#.x', '#,a b', '#:f.py:1', '#!x', '##x'
    _TEXT.map(lambda t: f"#. {t}"),
    st.lists(st.from_regex(r"[a-z/._-]{1,12}(:[0-9]{1,4})?", fullmatch=True), min_size=1, max_size=4).map(
        lambda r: "#: " + " ".join(r)
    ),
    st.lists(
        st.sampled_from(["fuzzy", "python-format", "c-format", "no-wrap", " ", "", "range: 1..3"]),
        min_size=1,
        max_size=3,
    ).map(lambda f: "#, " + ",".join(f)),
    _TEXT.map(lambda t: f'#| msgid "{t}"'),
    st.sampled_from(["#", "#  two spaces", "#\ttab", "#~", "#|", "#~|", "#.", "#, fuzzy c-format", "# trailing  "]),
)


@needs_msgfmt
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_COMMENT, max_size=5), min_size=1, max_size=4))
def test_generated_comment_lines_read_as_msgcat_reads_them(blocks):
    parts = [_HEADER]
    for number, comments in enumerate(blocks):
        parts.append("\n".join([*comments, f'msgid "m{number}"', 'msgstr "t"']) + "\n")
    text = "\n".join(parts)
    if msgcat(text) is None:
        return  # e.g. a '#|' line whose previous msgid comes after a comment: msgfmt refuses it too
    rewritten_entries = assert_reads_as_msgcat(text)
    assert rewritten_entries is not None
    rewritten = msgcat(text)
    assert rewritten is not None
    assert_polib_agrees(rewritten_entries, rewritten)


# ---------------------------------------------------------------- msgcat's reading, pinned
# Each case: the comment lines before 'msgid "a"', and what msgcat 0.21 makes of them
# (observed with `msgcat`, which writes the reading back in canonical form, shown after ->).


def one(comments: str, entry: str = 'msgid "a"\nmsgstr "b"\n') -> Entry:
    entries = read(_HEADER + comments + entry)
    assert isinstance(entries, tuple), entries
    return entries[0]


def test_a_comment_without_a_space_is_a_translator_comment():
    # '#word' -> '# word'; '##x' -> '# #x' (polib refused the first, read 'x' for the second)
    entry = one("#word\n##x\n")
    assert entry.translator_comment == "word\n#x"


def test_kinds_without_a_space_are_their_kind():
    # '#.extr' -> '#. extr'; '#,fuzzy c-format' -> '#, fuzzy, c-format'; '#!x' -> '#, x';
    # '#:a.c:1  b.c' -> '#: a.c:1 b.c'; '#|msgid "p"' -> '#| msgid "p"'
    entry = one('#.extr\n#,fuzzy c-format\n#:a.c:1  b.c\n#|msgid "p"\n')
    assert (entry.extracted_comment, entry.flags, entry.references, entry.previous_msgid) == (
        "extr",
        ("fuzzy", "c-format"),
        ("a.c:1", "b.c"),
        "p",
    )


def test_lone_markers_mark_nothing():
    # '#~', '#|' and '#~|' alone on a line: msgcat writes nothing for them
    assert comments_of(one("#~\n#|\n#~|\n")) == comments_of(one(""))


def test_empty_comment_lines_are_kept():
    # '#', '# a', '#.', '#.  b' -> written back line for line
    entry = one("#\n# a\n#.\n#.  b\n")
    assert (entry.translator_comment, entry.extracted_comment) == ("\na", "\n b")


def test_unicode_line_breaks_do_not_end_a_comment():
    # msgcat keeps '# n<U+2028>#, fuzzy' as one comment: no fuzzy flag; U+0085 alike
    entry = one("# n\u2028#, fuzzy\n# m\x85#, fuzzy\n")
    assert entry.flags == ()
    assert entry.translator_comment == "n\u2028#, fuzzy\nm\x85#, fuzzy"


def test_a_comment_after_the_last_string_belongs_to_the_next_entry():
    # 'msgstr "b" #, fuzzy' then 'msgid "c"': msgcat writes '#, fuzzy' above "c"
    entries = read(_HEADER + 'msgid "a"\nmsgstr "b" #, fuzzy\nmsgid "c" msgstr "d" # note\n\nmsgid "e"\nmsgstr "f"\n')
    assert isinstance(entries, tuple)
    assert [(e.flags, e.translator_comment) for e in entries] == [((), ""), (("fuzzy",), ""), ((), "note")]


def test_a_backslash_newline_joins_a_comment_with_the_next_line():
    # '# x\' then '#, fuzzy': msgcat writes '# x#, fuzzy', no flag
    entry = one("# x\\\n#, fuzzy\n")
    assert (entry.flags, entry.translator_comment) == ((), "x#, fuzzy")


def test_previous_strings_are_decoded_as_msgfmt_decodes_strings():
    # '#| msgid "p\tq\x41\101"' then '#|"r"' -> '#| msgid "p\tqAAr"'
    entry = one('#, fuzzy\n#|msgctxt "c"\n#| msgid "p\\tq\\x41\\101"\n#|"r"\n')
    assert (entry.previous_msgctxt, entry.previous_msgid) == ("c", "p\tqAAr")


def test_previous_strings_of_an_obsolete_entry_are_read():
    # '#~| msgid "old"' is kept by msgcat above its obsolete entry (polib ignores it)
    entry = one('#~| msgid "old"\n', '#~ msgid "a"\n#~ msgstr "b"\n')
    assert (entry.obsolete, entry.previous_msgid) == (True, "old")


def test_the_last_flags_line_is_the_one_that_counts():
    # '#, fuzzy' then '#, no-wrap' -> '#, no-wrap': msgfmt --statistics counts the
    # message translated and compiles it; '#, c-format' then '#, no-wrap' is not
    # checked as C format by msgfmt -c
    assert one("#, fuzzy\n#, no-wrap\n").flags == ("no-wrap",)
    assert one("#, no-wrap\n#, fuzzy, c-format\n").flags == ("fuzzy", "c-format")


def test_a_range_flag_keeps_its_bounds():
    # '#, range:  1..2 ,fuzzy' -> '#, fuzzy, range: 1..2'
    assert set(one("#, range:  1..2 ,fuzzy\n").flags) == {"fuzzy", "range: 1..2"}


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is not installed")
def test_the_pinned_cases_are_msgcats_reading():
    """The cases above, through msgcat: each reads the same after msgcat's rewriting."""
    for comments in (
        "#word\n##x\n",
        '#.extr\n#,fuzzy c-format\n#:a.c:1  b.c\n#|msgid "p"\n',
        "#~\n#|\n#~|\n",
        "#\n# a\n#.\n#.  b\n",
        "# n\u2028#, fuzzy\n# m\x85#, fuzzy\n",
        "# x\\\n#, fuzzy\n",
        '#, fuzzy\n#|msgctxt "c"\n#| msgid "p\\tq\\x41\\101"\n#|"r"\n',
        "#, range:  1..2 ,fuzzy\n",
        "#, fuzzy\n#, no-wrap\n",
    ):
        assert assert_reads_as_msgcat(_HEADER + comments + 'msgid "a %d"\nmsgstr "b %d"\n') is not None, comments


def test_the_unicode_line_breaks_corpus_file_reads_as_msgcat_reads_it():
    """tests/data/malformed/valid/unicode_line_breaks.po, read as msgcat writes it back."""
    path = ROOT / "tests/data/malformed/valid/unicode_line_breaks.po"
    entries = read(decode(path.read_bytes(), str(path)))
    assert isinstance(entries, tuple)
    assert [(e.flags, e.translator_comment, e.extracted_comment, e.line) for e in entries] == [
        ((), "word\na note\u2028#, fuzzy", "", 12),
        ((), "", "extracted\x85#, fuzzy", 16),
        (("fuzzy",), "para\u2029graph", "", 21),
    ]
