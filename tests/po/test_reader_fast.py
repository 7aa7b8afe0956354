"""The reader makes each entry as the scan reads it, with the comments the scan found
before it; it must read every file exactly as the reading it replaced did.

That reading, kept here as the witness: the scan's messages, the comment lines of the
whole file given to each message by line number (:func:`read_comments`), and an entry
made of the two with :class:`Entry`'s own constructor. The two attribute comments
differently (tokens, lines) and make entries differently (slots, ``__init__``), so they
are compared on every catalog of the repository and on generated catalogs that put
comments, previous strings, obsolete entries, several tokens on one line and entries
the scan reads token by token wherever they can go.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.errors import CatalogError
from transkit.model.catalog import Entry
from transkit.po.comments import _HASH_LINE, _NONE, Comments, _read_hash_line, _State
from transkit.po.reader import _parse, decode, new_entry, parse_catalog
from transkit.po.syntax import PoSyntaxError, ScannedEntry, _scan_slow, scan

FILES = sorted(
    path
    for folder in ("catalogs", "tests/data", "bench/planted")
    for path in (ROOT / folder).rglob("*.po*")
    if path.suffix in (".po", ".pot")
)


def read_comments(text: str, keyword_lines: Sequence[int]) -> Iterator[Comments]:
    """The comments of each entry after the first (the header), in file order.

    The whole file's comment lines, each given to an entry by its line number: how the
    reader found comments before the scan handed each entry its own (``read_notes``),
    kept here as the witness the reader is held to.

    ``text`` is a file :func:`transkit.po.syntax.scan` accepted, and ``keyword_lines``
    the 1-based lines of each entry's first keyword, header included, in file order
    (what the scan reports). A comment line belongs to the first entry whose keyword
    comes after it; those before the header and after the last entry describe none.

    One entry's comments at a time: the caller turns each into its entry before the
    next is read, so a catalog of 230,000 messages never holds 230,000 of these
    (some 60 MB) next to its text.
    """
    removed: list[int] = []
    if "\\\n" in text:
        # msgfmt drops every backslash-newline before reading tokens (see syntax.py);
        # line numbers stay those of the file, as the scan's are.
        offsets = [m.start() for m in re.finditer(r"\\\n", text)]
        removed = [offset - 2 * k for k, offset in enumerate(offsets)]
        text = text.replace("\\\n", "")
    count = len(keyword_lines)
    line = 1
    position = 0
    owner = 0  # keyword_lines[:owner] are on or before the current line
    emitted = 0  # entries (after the header) whose comments were given out
    pending: Comments | None = None  # the comments of the entry after those
    state = _State()
    for match in _HASH_LINE.finditer(text):
        start = match.start()
        line += text.count("\n", position, start)
        position = start
        here = line + bisect_right(removed, start) if removed else line
        while owner < count and keyword_lines[owner] <= here:
            owner += 1
        if owner == 0 or owner == count:
            continue  # the header's comments, or trailing ones: no entry's
        while emitted < owner - 1:  # the line belongs to a later entry: earlier ones are done
            yield _NONE if pending is None else pending
            emitted += 1
            pending, state = None, _State()
        if pending is None:
            pending = Comments()
        _read_hash_line(text, start, match.end(), pending, state)
    while emitted < count - 1:
        yield _NONE if pending is None else pending
        emitted += 1
        pending = None


def witness(text: str) -> tuple:
    """What the reading before the single pass made of ``text``."""
    try:
        scanned = scan(text)
    except PoSyntaxError as error:
        return ("refused", error.source_line, error.message)
    position = next((n for n, e in enumerate(scanned) if _is_header(e)), -1)
    header = scanned[position] if position >= 0 else ScannedEntry(1, 1, None, "", None, (), False, ("",))
    messages = [entry for number, entry in enumerate(scanned) if number != position]
    lines = [header.line] + [entry.line for entry in messages]
    comments = list(read_comments(text, lines if position == 0 else [0] + [entry.line for entry in scanned]))
    if position > 0:
        del comments[position]
    entries = tuple(
        Entry(
            msgid=message.msgid,
            msgstr=message.msgstr,
            msgctxt=message.msgctxt,
            msgid_plural=message.msgid_plural,
            flags=tuple(filter(None, said.flags)),
            previous_msgctxt=said.previous[0],
            previous_msgid=said.previous[1],
            previous_msgid_plural=said.previous[2],
            translator_comment="\n".join(said.translator),
            extracted_comment="\n".join(said.extracted),
            references=tuple(said.references),
            obsolete=message.obsolete,
            line=message.msgid_line,
        )
        for message, said in zip(messages, comments, strict=True)
    )
    return ("read", entries, position, header.line, header.msgstr, lines)


def _is_header(entry: ScannedEntry) -> bool:
    return entry.msgid == "" and entry.msgctxt is None and not entry.obsolete


def reading(text: str) -> tuple:
    """What the reader makes of ``text`` now, in the witness's terms."""
    try:
        catalog, header, lines = _parse(
            text, Path("x.po"), "x.po", is_template=False, path_language=None, keep_lines=True
        )
    except CatalogError as error:
        return ("refused", error.line, error.message)
    return ("read", catalog.entries, catalog.header_position, catalog.header_line, header.msgstr, lines)


def assert_reads_as_before(text: str) -> None:
    now = reading(text)
    before = witness(text)
    if "\\\n" in text and before[0] == "read":
        # The old reading gave each comment line to an entry by line number, and a
        # backslash-newline (msgfmt joins the two lines) could put an entry's keyword
        # and the comment after it on one line number: the comment went to that entry
        # instead of the next (see the test below). On the joined text it has no
        # numbers to miscount: its comments are compared, the lines are the file's.
        joined = witness(text.replace("\\\n", ""))
        entries = tuple(
            dataclasses.replace(entry, line=old.line) for entry, old in zip(joined[1], before[1], strict=True)
        )
        before = (before[0], entries, *before[2:])
    assert now == before
    if now[0] == "read":
        assert all(type(entry) is Entry for entry in now[1])
        # read against a template of its own messages: the same entries
        template = {entry.key: entry for entry in now[1]}
        assert parse_catalog(text, Path("x.po"), "x.po", template=template).entries == now[1]


def test_the_repository_has_catalogs_to_compare() -> None:
    assert len(FILES) > 300


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_catalog_of_the_repository_reads_as_before(path: Path) -> None:
    try:
        text = decode(path.read_bytes(), str(path))
    except CatalogError:
        return  # refused before the scan (binary, charset): the same code as before
    assert_reads_as_before(text)


def test_an_entry_made_by_its_slots_is_the_entry_its_constructor_makes() -> None:
    values = ("a", ("b", "c"), "ctx", "as", ("fuzzy",), "pc", "pi", "pp", "t", "x", ("f.py:1",), True, 7)
    made = new_entry(*values)
    assert new_entry is not Entry  # Entry's fields are those the reader sets
    assert made == Entry(*values) and hash(made) == hash(Entry(*values))
    assert (made.fuzzy, made.is_plural, made.key) == (True, True, ("ctx", "a"))


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is not installed")
def test_a_comment_after_an_entry_joined_by_a_backslash_newline_belongs_to_the_next_entry() -> None:
    # msgfmt joins '"a"\' with the next line: "m1" and its comment share a line, and the
    # comment, after its last string, is the next entry's (msgcat writes it above "m2").
    # The reading by line numbers gave it to "m1".
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "m0"\nmsgstr\n"a"\\\nmsgid "m1" msgstr "a" # after\nmsgid "m2"\nmsgstr "b"\n'
    )
    done = subprocess.run(["msgcat", "-"], input=text.encode(), capture_output=True, check=True)
    assert '\n# after\nmsgid "m2"' in done.stdout.decode()
    read = reading(text)
    assert read[0] == "read"
    assert [(entry.msgid, entry.translator_comment, entry.line) for entry in read[1]] == [
        ("m0", "", 4),
        ("m1", "", 7),
        ("m2", "after", 8),
    ]


# ------------------------------------------------------------------ generated catalogs

_SHORT = st.text(st.sampled_from("ab #,:.~|é\u2028\t"), max_size=6)
_COMMENT = st.one_of(
    st.sampled_from(
        [
            "# note",
            "#word",
            "##x",
            "#. extracted",
            "#.",
            "#",
            "#: a.py:1 b.py:2",
            "#:\tc.py:3  ",
            "#, fuzzy",
            "#, fuzzy, c-format",
            "#,python-format",
            "#, range: 1..3",
            "#! no-wrap",
            "# trailing  \t",
            "# has # hash",
            "# n\u2028#, fuzzy",
            "#~",
            "#|",
            "#~|",
            "# ends in a backslash\\",
            '#| msgid "was"',
            '#| msgctxt "c"',
            '#| "continued"',
            '#| msgid_plural "were"',
            '#~| msgid "old"',
            "#~ #, fuzzy",
            "#: \u00e9t\u00e9.py:4",
        ]
    ),
    _SHORT.map(lambda t: "#" + t),
)
_STRING = st.sampled_from(['"a"', '"b c"', '""', '"e\\n"', '"\\"q\\""', '"o\\101"', '"t\\\\-"', '"x#y"', '"é’"'])


@st.composite
def _entry(draw: st.DrawFn, number: int) -> str:
    obsolete = draw(st.booleans()) and draw(st.booleans())
    breaks = draw(st.sampled_from(["\n", " ", "\r\n"]))
    mark = "#~ " if obsolete else ""
    lines = [
        ("  " if draw(st.booleans()) and not draw(st.booleans()) else "") + c
        for c in draw(st.lists(_COMMENT, max_size=4))
    ]
    tokens: list[str] = []
    if draw(st.booleans()) and not draw(st.booleans()):
        tokens += ["msgctxt", draw(st.sampled_from(['"k"', '"k2"', '""']))]
    tokens += ["msgid", f'"m{number % 5}"'] + draw(st.lists(_STRING, max_size=2))
    if draw(st.booleans()) and not draw(st.booleans()):
        tokens += ["msgid_plural", draw(_STRING)]
        for index in range(draw(st.integers(1, 3))):
            tokens += [f"msgstr[{index}]", draw(_STRING)]
    else:
        tokens += ["msgstr", draw(_STRING)] + draw(st.lists(_STRING, max_size=2))
    if breaks == " " and not obsolete:
        body = " ".join(tokens)
    else:
        body = breaks.join(mark + token for token in tokens)
    tail = draw(st.sampled_from(["", "", " # after", " #, fuzzy", ' #| msgid "p"', "\\"]))
    return "\n".join([*lines, body + tail]) + "\n"


@st.composite
def _catalog(draw: st.DrawFn) -> str:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    parts = [draw(_entry(number)) for number in range(draw(st.integers(0, 6)))]
    where = draw(st.integers(-1, len(parts)))
    if where >= 0:
        parts.insert(where, draw(st.sampled_from(["", "# header note\n", "#, fuzzy\n"])) + header)
    if draw(st.booleans()) and not draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), 'domain "d"\n')
    gaps = draw(st.lists(st.sampled_from(["", "\n", "\n\n", "  \n"]), min_size=len(parts), max_size=len(parts)))
    text = "".join(part + gap for part, gap in zip(parts, gaps, strict=True))
    return text + draw(st.sampled_from(["", "# trailing comment\n", "#~ # end"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_catalog())
def test_generated_catalogs_read_as_before(text: str) -> None:
    assert_reads_as_before(text)
    # and the scan finds the same comments on its fast path as token by token
    try:
        fast = scan(text)
    except PoSyntaxError as error:
        fast = error.line
    try:
        slow = _scan_slow(text)
    except PoSyntaxError as error:
        slow = error.line
    assert fast == slow
