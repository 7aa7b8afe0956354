"""Tests for transkit.po.syntax.

Three witnesses, because a syntax checker is only as good as what it is compared
with:

* GNU ``msgfmt`` (the oracle): for every file of ``data/malformed/`` it must reject
  exactly the files :func:`scan` rejects, and report first the line :func:`scan`
  reports.  We run plain ``msgfmt -o /dev/null FILE`` with ``LC_ALL=C``: no
  ``--check-*`` flag judges syntax only, ``--check-format`` and ``--check-header``
  add translation checks.  Plain ``msgfmt`` 0.21 still runs one semantic check (do
  msgid and msgstr both begin/end with ``\\n``); its messages are set aside, and
  ``valid/newline_mismatch.po`` shows the case.
* The corpus itself: ``valid/`` and ``invalid/`` give the verdict, and each invalid
  file starts with ``# expect-error: LINE: MESSAGE`` (checked without ``msgfmt``).
* polib, as a second reader of valid files, and as the writer of random catalogs
  (hypothesis).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import CATALOGS, DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.po.syntax import PoSyntaxError, ScannedEntry, _scan_slow, scan

MALFORMED = DATA / "malformed"
VALID = sorted((MALFORMED / "valid").glob("*.po"))
INVALID = sorted((MALFORMED / "invalid").glob("*.po"))
CORPUS = VALID + INVALID
SHIPPED = sorted(CATALOGS.glob("*.po*"))
MSGFMT = shutil.which("msgfmt")

EXPECT = re.compile(r"^\ufeff?# expect-error: (\d+): (.*?)\r?$", re.M)
# Messages of plain msgfmt that are not about syntax (the second one is the tail
# of the duplicate report, which already counted as an error).
NOT_SYNTAX = (
    "entries do not both begin with",
    "entries do not both end with",
    "...this is the location of the first definition",
    "format specification",
)
# Valid files polib reads differently from msgfmt: polib's rough edges, checked
# so that we notice when polib changes.
POLIB_MISREADS = {
    "all_escapes.po": "polib keeps \\a, octal and hex escapes as text",
    "backslash_newline.po": "polib does not join a line ending in a backslash to the next",
    "carriage_return_in_string.po": "polib splits lines at a bare carriage return",
    "comment_without_space.po": "polib rejects '#word' comments",
    "tokens_on_one_line.po": "polib needs one keyword per line",
    "unicode_line_breaks.po": "polib breaks lines at U+2028, U+2029, U+0085 (str.splitlines)",
}


def read(path: Path) -> str:
    """Decode as the caller must: UTF-8, BOM kept, line endings untouched."""
    return path.read_bytes().decode("utf-8")


def outcome(text: str, scanner=scan) -> tuple[int, str] | list[ScannedEntry]:
    try:
        return scanner(text)
    except PoSyntaxError as error:
        return (error.line, error.message)


def name_of(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


# --------------------------------------------------------------------------- corpus


def test_corpus_has_both_verdicts() -> None:
    assert len(VALID) >= 15 and len(INVALID) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=name_of)
def test_corpus_verdict_and_line(path: Path) -> None:
    text = read(path)
    expected = EXPECT.search(text)
    assert (expected is None) == (path.parent.name == "valid"), "marker/folder disagree"
    result = outcome(text)
    if expected is None:
        assert isinstance(result, list), f"rejected a valid file: {result}"
    else:
        assert isinstance(result, tuple), "accepted an invalid file"
        line, message = result
        assert line == int(expected.group(1))
        assert message.startswith(expected.group(2))


@pytest.mark.parametrize("path", CORPUS, ids=name_of)
def test_fast_path_agrees_with_token_model(path: Path) -> None:
    text = read(path)
    assert outcome(text) == outcome(text, _scan_slow)


# ----------------------------------------------------------------- msgfmt oracle


def msgfmt_errors(path: Path) -> tuple[int, list[tuple[int, str]]]:
    """Exit status and the ``(line, message)`` errors of plain msgfmt."""
    done = subprocess.run(
        [MSGFMT, "-o", os.devnull, str(path)],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
        check=False,
    )
    pattern = re.compile(re.escape(str(path)) + r":(\d+)(?::\d+)?: (.*)")
    errors = []
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        match = pattern.match(line)
        if match:
            errors.append((int(match.group(1)), match.group(2)))
    return done.returncode, errors


@pytest.mark.skipif(MSGFMT is None, reason="GNU msgfmt is not installed")
@pytest.mark.parametrize("path", CORPUS, ids=name_of)
def test_agrees_with_msgfmt(path: Path) -> None:
    status, errors = msgfmt_errors(path)
    assert (status != 0) == bool(errors), "msgfmt failed without saying where"
    syntax = [e for e in errors if not any(s in e[1] for s in NOT_SYNTAX)]
    result = outcome(read(path))
    if not syntax:
        assert isinstance(result, list), f"msgfmt accepts the syntax, scan says {result}"
        return
    assert isinstance(result, tuple), f"msgfmt says {syntax[0]}, scan accepts"
    line, message = result
    assert line == syntax[0][0]
    assert message.startswith(syntax[0][1].rstrip("."))


# ---------------------------------------------------------- values of valid files

VALUES = [
    ("msgstr_index_10.po", 1, "msgstr_indexes", tuple(range(12))),
    ("msgstr_index_10.po", 1, "msgstr", tuple(f"form {i}" for i in range(12))),
    ("multiline_strings.po", 1, "msgstr", ("Première ligne\nDeuxième ligne\n",)),
    ("obsolete_entries.po", 5, "msgstr", ("Un fichier", "%d fichiers")),
    ("plural_index_leading_zeros.po", 1, "msgstr_indexes", (0, 1)),
    ("all_escapes.po", 1, "msgid", 'simple \n \t \b \r \f \v \a \\ "'),
    ("all_escapes.po", 2, "msgid", "octal ABC \a 0"),
    ("all_escapes.po", 3, "msgid", "hex AJ ~"),
    ("backslash_newline.po", 1, "msgid", "joined string"),
    ("backslash_newline.po", 2, "msgctxt", "split keyword"),
    ("backslash_newline.po", 2, "line", 13),
    ("backslash_newline.po", 2, "msgid_line", 15),
    ("nul_in_string.po", 1, "msgid", "before\0after"),
    ("carriage_return_in_string.po", 1, "msgid", "a\rb"),
    ("tokens_on_one_line.po", 2, "msgid_plural", "as"),
    ("tokens_on_one_line.po", 2, "msgstr_indexes", (0, 1)),
    ("tokens_on_one_line.po", 3, "msgid", "tab"),
    ("context_empty_vs_none.po", 2, "msgctxt", ""),
    ("context_empty_vs_none.po", 1, "msgctxt", None),
    ("obsolete_entries.po", 3, "obsolete", True),
    ("obsolete_entries.po", 3, "msgctxt", "menu"),
    ("obsolete_entries.po", 3, "line", 16),
    ("obsolete_entries.po", 3, "msgid_line", 17),
    ("crlf.po", 1, "msgid", "Two lines"),
    ("crlf.po", 1, "msgid_line", 10),
]


@pytest.mark.parametrize(("name", "index", "field", "value"), VALUES)
def test_decoded_values(name: str, index: int, field: str, value: object) -> None:
    entries = scan(read(MALFORMED / "valid" / name))
    assert getattr(entries[index], field) == value


def test_byte_escapes_above_ascii_use_surrogateescape() -> None:
    (entry,) = scan('msgid "caf\\303\\251"\nmsgstr ""\n')
    assert entry.msgid == "caf\udcc3\udca9"
    assert entry.msgid.encode("utf-8", "surrogateescape").decode("utf-8") == "café"


def test_empty_and_comment_only_files_have_no_entries() -> None:
    assert scan("") == []
    assert scan("# nothing\n\n#. here\n") == []


def test_error_carries_line_and_message() -> None:
    with pytest.raises(PoSyntaxError) as info:
        scan('msgid "a"\nmsgstr "b\n')
    assert (info.value.line, info.value.message) == (3, "end-of-line within string")
    assert str(info.value) == "line 3: end-of-line within string"
    assert info.value.source_line == 2  # msgfmt counts the newline it has read


def test_source_line_is_line_for_other_errors() -> None:
    with pytest.raises(PoSyntaxError) as info:
        scan('msgid "a"\nmsgstr "\\q"\n')
    assert info.value.line == info.value.source_line == 2


# ------------------------------------------------------------ polib as a reader


def without_polib_header(entries: list[ScannedEntry]) -> list[ScannedEntry]:
    """polib moves the first live entry with an empty msgid into its metadata."""
    for i, entry in enumerate(entries):
        if not entry.obsolete and entry.msgid == "":
            return entries[:i] + entries[i + 1 :]
    return entries


def check_against_polib(text: str) -> None:
    entries = without_polib_header(scan(text))
    catalog = polib.pofile(text)
    theirs = [(bool(e.obsolete), e.msgctxt, e.msgid, e.msgid_plural or None) for e in catalog]
    ours = [(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural) for e in entries]
    assert ours == theirs
    lines = text.split("\n")
    keyword = re.compile(r"(?:^|[\s\"~])msgid(?![A-Za-z0-9_$])")
    # polib's linenum is the first line of the entry's block (comments included):
    # ours must lie between it and the start of the next block.
    starts = [e.linenum for e in catalog] + [len(lines) + 1]
    for entry, start, next_start in zip(entries, starts, starts[1:]):
        assert start <= entry.line <= entry.msgid_line < next_start
        assert keyword.search(lines[entry.msgid_line - 1]), entry


def polib_cases() -> list:
    cases = []
    for path in VALID:
        marks = ()
        if path.name in POLIB_MISREADS:
            marks = pytest.mark.xfail(reason=POLIB_MISREADS[path.name], strict=True)
        cases.append(pytest.param(path, marks=marks, id=name_of(path)))
    return cases


@pytest.mark.parametrize("path", polib_cases())
def test_valid_corpus_agrees_with_polib(path: Path) -> None:
    check_against_polib(read(path))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_catalogs_agree_with_polib(path: Path) -> None:
    check_against_polib(read(path))


# ------------------------------------------------------------------- hypothesis

PO_SOUP = st.lists(
    st.sampled_from(
        [
            "msgid",
            "msgstr",
            "msgctxt",
            "msgid_plural",
            "domain",
            " ",
            "\n",
            "\r\n",
            "\t",
            '"',
            '"a"',
            '""',
            '"\\n"',
            "\\",
            "\\\n",
            "#",
            "# c",
            "#~",
            "#~ ",
            "#|",
            "#| ",
            "#~|",
            "[",
            "]",
            "0",
            "1",
            "10",
            "x",
            "\\x",
            "\\0",
            "\\q",
            "\0",
            "\x04",
            "\r",
            "\ufeff",
            "é",
            "msgstr[0]",
            "msgstr[1]",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=200), PO_SOUP))
def test_arbitrary_text_only_raises_po_syntax_error(text: str) -> None:
    assert outcome(text) == outcome(text, _scan_slow)


# Text polib can write and msgfmt can read back: no NUL (msgfmt cuts the string
# there) and no EOT (the msgctxt separator); everything else is fair game.
TEXT = st.one_of(
    st.text(alphabet=st.sampled_from('ab "\\\n\t\r\v\b\f\a#~|[]0é日🎉'), max_size=12),
    st.text(
        alphabet=st.characters(blacklist_characters="\0\x04", blacklist_categories=("Cs",)),
        max_size=90,
    ),
)
# A comment line ending in a backslash would swallow the next line (msgfmt joins
# them), a limit of polib as a writer that the corpus documents separately.
COMMENT = st.text(alphabet=st.sampled_from('ab #"é'), max_size=20)


@st.composite
def catalogs(draw) -> tuple[polib.POFile, list[tuple]]:
    """A POFile with random entries, and what scan() must read back."""
    catalog = polib.POFile(wrapwidth=draw(st.sampled_from([0, 20, 78])))
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    keys = {(None, "")}
    live, obsolete = [], []
    for _ in range(draw(st.integers(0, 6))):
        msgctxt = draw(st.none() | TEXT)
        msgid = draw(TEXT)
        if (msgctxt, msgid) in keys:
            continue
        keys.add((msgctxt, msgid))
        entry = polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            obsolete=draw(st.booleans()),
            tcomment=draw(COMMENT),
            flags=draw(st.sampled_from([[], ["fuzzy"], ["c-format"]])),
            previous_msgid=draw(st.none() | TEXT) or None,
        )
        if draw(st.booleans()):
            entry.msgid_plural = draw(TEXT.filter(bool))
            forms = draw(st.integers(1, 12))
            entry.msgstr_plural = {i: draw(TEXT) for i in range(forms)}
            indexes = tuple(range(forms))
            msgstr = tuple(entry.msgstr_plural[i] for i in indexes)
        else:
            entry.msgstr = draw(TEXT)
            indexes = ()
            msgstr = (entry.msgstr,)
        catalog.append(entry)
        row = (entry.obsolete, msgctxt, msgid, entry.msgid_plural or None, indexes, msgstr)
        (obsolete if entry.obsolete else live).append(row)
    # polib writes the header, then live entries, then obsolete ones.
    header = (False, None, "", None, (), ("Content-Type: text/plain; charset=UTF-8\n",))
    return catalog, [header] + live + obsolete


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_polib_written_catalogs_round_trip(generated: tuple[polib.POFile, list]) -> None:
    catalog, expected = generated
    text = str(catalog)
    entries = scan(text)
    got = [(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr_indexes, e.msgstr) for e in entries]
    assert got == expected
    lines = text.split("\n")
    for entry in entries:
        assert re.match(r"(?:#~ )?msgid ", lines[entry.msgid_line - 1]), entry
        assert re.match(r"(?:#~ )?msg(?:ctxt|id) ", lines[entry.line - 1]), entry
    assert _scan_slow(text) == entries


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.data())
def test_one_character_mutations_never_crash(generated: tuple[polib.POFile, list], data: st.DataObject) -> None:
    text = str(generated[0])
    index = data.draw(st.integers(0, len(text)))
    replacement = data.draw(st.sampled_from(["", '"', "\\", "\n", "#", "~", "|", "[", "x", "\0", " "]))
    delete = data.draw(st.booleans())
    mutated = text[:index] + replacement + text[index + delete :]
    assert outcome(mutated) == outcome(mutated, _scan_slow)
