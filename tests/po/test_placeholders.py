"""Placeholders: GNU msgfmt as the oracle for the P checks, and properties of the parsers.

Every catalog in tests/data/placeholders is run through ``msgfmt --check-format`` (and
``--check``, which is stricter on plural forms); each entry it rejects must get a P error
from transkit.  Entries transkit flags although ``msgfmt --check-format`` accepts them are
marked ``stricter`` in their translator comment, with the reason.
"""

from __future__ import annotations

import _string
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import DATA, needs_msgfmt
from hypothesis import given, settings
from hypothesis import strategies as st

from transkit import Options, check
from transkit.engine.selection import Selection
from transkit.model.catalog import Project
from transkit.model.findings import Severity
from transkit.po.formats import (
    Syntax,
    apparent_syntaxes,
    declared_syntaxes,
    parse,
    parse_brace,
    parse_c,
    parse_python,
    render,
)
from transkit.po.reader import read_catalog

ORACLE_FILES = sorted((DATA / "placeholders").glob("*.po"))
FAMILY = ("P1", "P21")
_MSGFMT_LINE = re.compile(r"^.*?\.po:(\d+): (.*)$")
_FORMAT_ERROR = re.compile(r"format specification|not a valid .* format string|expect a (mapping|tuple)")


def _blocks(path: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, msgctxt) of every entry, entries being separated by blank lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, start = [], None
    for number, line in enumerate(lines + [""], 1):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            context = next(
                (re.match(r'msgctxt "(.*)"', x) for x in lines[start - 1 : number - 1] if x.startswith("msgctxt")), None
            )
            if context:
                blocks.append((start, number - 1, context.group(1)))
            start = None
    return blocks


def msgfmt_rejections(path: Path, option: str) -> dict[str, list[str]]:
    """The entries (by msgctxt) msgfmt reports an error for, with its messages."""
    result = subprocess.run(
        ["msgfmt", option, "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    blocks = _blocks(path)
    rejected: dict[str, list[str]] = defaultdict(list)
    for line in result.stderr.splitlines():
        match = _MSGFMT_LINE.match(line)
        if not match or not _FORMAT_ERROR.search(match.group(2)):
            continue
        number = int(match.group(1))
        for first, last, context in blocks:
            if first <= number <= last:
                rejected[context].append(match.group(2))
    return dict(rejected)


def transkit_errors(path: Path) -> dict[str, list[str]]:
    """The entries (by msgctxt) transkit gives a P error, with the findings."""
    catalog = read_catalog(path)
    project = Project(path.parent, catalog, (catalog,))  # the catalog is its own template
    report = check(project, Options(selection=Selection(FAMILY)))
    errors: dict[str, list[str]] = defaultdict(list)
    for finding in report.findings:
        if finding.severity is Severity.ERROR and finding.msgctxt:
            errors[finding.msgctxt].append(f"{finding.code} {finding.message}")
    return dict(errors)


def stricter_entries(path: Path) -> set[str]:
    catalog = read_catalog(path)
    return {e.msgctxt for e in catalog.entries if e.translator_comment.startswith("stricter") and e.msgctxt}


@needs_msgfmt
@pytest.mark.parametrize("option", ["--check-format", "--check"])
@pytest.mark.parametrize("path", ORACLE_FILES, ids=lambda p: p.stem)
def test_every_entry_msgfmt_rejects_is_a_transkit_error(path: Path, option: str) -> None:
    rejected = msgfmt_rejections(path, option)
    ours = transkit_errors(path)
    missed = {context: messages for context, messages in rejected.items() if context not in ours}
    assert not missed, f"msgfmt {option} rejects entries transkit accepts: {missed}"


@needs_msgfmt
@pytest.mark.parametrize("path", ORACLE_FILES, ids=lambda p: p.stem)
def test_transkit_is_stricter_only_where_marked(path: Path) -> None:
    rejected = msgfmt_rejections(path, "--check-format")
    ours = transkit_errors(path)
    stricter = {context for context in ours if context not in rejected}
    assert stricter == stricter_entries(path), {c: ours.get(c) for c in stricter ^ stricter_entries(path)}


def test_oracle_files_cover_every_syntax_and_many_entries() -> None:
    flags = " ".join(" ".join(e.flags) for path in ORACLE_FILES for e in read_catalog(path).entries)
    for syntax in Syntax:
        assert flags.count(syntax.flag) >= 10, syntax
    assert sum(len(read_catalog(path).entries) for path in ORACLE_FILES) >= 100


# --- the parsers, by example --------------------------------------------------------


@pytest.mark.parametrize(
    "syntax, text, expected",
    [
        (
            Syntax.PYTHON,
            "%(count)d of %(total)05.1f",
            [("%(count)d", "count", "integer", (0, 9)), ("%(total)05.1f", "total", "float", (13, 26))],
        ),
        (
            Syntax.PYTHON,
            "%s %d %%",
            [("%s", 1, "string", (0, 2)), ("%d", 2, "integer", (3, 5)), ("%%", None, "", (6, 8))],
        ),
        (Syntax.PYTHON, "%-5.2f %*d", [("%-5.2f", 1, "float", (0, 6)), ("%*d", 3, "integer", (7, 10))]),
        (
            Syntax.PYTHON_BRACE,
            "{name} {0[1]} {user.name!r} {count:,d}",
            [
                ("{name}", "name", "any", (0, 6)),
                ("{0[1]}", "0[1]", "any", (7, 13)),
                ("{user.name!r}", "user.name", "any", (14, 27)),
                ("{count:,d}", "count", "integer", (28, 38)),
            ],
        ),
        (
            Syntax.PYTHON_BRACE,
            "{} {} {{x}}",
            [
                ("{}", "0", "any", (0, 2)),
                ("{}", "1", "any", (3, 5)),
                ("{{", None, "", (6, 8)),
                ("}}", None, "", (9, 11)),
            ],
        ),
        (Syntax.PYTHON_BRACE, "{x:{width}}", [("{x:{width}}", "x", "any", (0, 11))]),
        # a field nested in a spec takes the next automatic number, as in Python
        (Syntax.PYTHON_BRACE, "{:{}} {}", [("{:{}}", "0", "any", (0, 5)), ("{}", "2", "any", (6, 8))]),
        (
            Syntax.C,
            "%s %ld %zu %5.2f %%",
            [
                ("%s", 1, "char *", (0, 2)),
                ("%ld", 2, "long", (3, 6)),
                ("%zu", 3, "size_t", (7, 10)),
                ("%5.2f", 4, "double", (11, 16)),
                ("%%", None, "", (17, 19)),
            ],
        ),
        (Syntax.C, "%2$s %1$<PRId64>", [("%2$s", 2, "char *", (0, 4)), ("%1$<PRId64>", 1, "int64_t", (5, 16))]),
    ],
)
def test_parsers_find_name_position_type_and_span(syntax: Syntax, text: str, expected: list) -> None:
    string = parse(text, syntax)
    assert string.valid, string.errors
    assert [(p.text, p.argument, p.type, p.span) for p in string.placeholders] == expected


@pytest.mark.parametrize(
    "syntax, text, reason",
    [
        (Syntax.PYTHON, "%(count)d % des", "cannot be mixed; write %% for a percent sign"),
        (Syntax.PYTHON, "%(count", "no closing parenthesis"),
        (Syntax.PYTHON, "100 %", "unfinished placeholder"),
        (Syntax.PYTHON, "%(n)d %(n)s", "as integer and as string"),
        (Syntax.PYTHON_BRACE, "{name", "never closed"),
        (Syntax.PYTHON_BRACE, "{ name}", "not a name or a number"),
        (Syntax.PYTHON_BRACE, "{} {0}", "cannot be mixed"),
        (Syntax.PYTHON_BRACE, "a } b", 'write "}}"'),
        (Syntax.C, "%1$s %d", "cannot be mixed"),
        (Syntax.C, "%2$s", "argument 1 is never used"),
        (Syntax.C, "%<PRIdX>", "ISO C 99"),
        # issue 17, from i18nspector's and gettext's verdicts
        (Syntax.C, "%n files", "a number is %d (Qt's %n is qt-plural-format)"),
        (Syntax.C, "%b", "C23 (glibc 2.35"),
        (Syntax.C, "%w32d", "C23 (glibc 2.39"),
        (Syntax.C, "%w7d", "no width C defines"),
        (Syntax.PYTHON_BRACE, "{9999999999}", "no call passes"),
        (Syntax.PYTHON_BRACE, "{:.9999999999}", "above 2147483647"),
        (Syntax.PYTHON_BRACE, "{!s:d}", "!s makes a string"),
        (Syntax.PYTHON_BRACE, "{n:s} {n:d}", "as string and as integer"),
    ],
)
def test_parsers_say_why_a_string_is_invalid(syntax: Syntax, text: str, reason: str) -> None:
    errors = parse(text, syntax).errors
    assert errors and reason in errors[0].message


def test_declared_and_apparent_syntaxes() -> None:
    assert declared_syntaxes(["fuzzy", "python-format", "possible-c-format", "no-python-brace-format"]) == (
        Syntax.PYTHON,
        Syntax.C,
    )
    assert apparent_syntaxes("%(count)d files") == {Syntax.PYTHON: "%(count)d"}
    assert apparent_syntaxes("Page {page} of {total}") == {Syntax.PYTHON_BRACE: "{page}"}
    assert apparent_syntaxes("%s sent %d files") == {None: "%s"}
    for prose in ("50 % of victims", "100% sure", "use {{ and }}", "a {b c} d", "set {}"):
        assert apparent_syntaxes(prose) == {}, prose


# --- the parsers, by property -------------------------------------------------------

LITERAL = st.text(st.characters(blacklist_characters="%{}", blacklist_categories=("Cs",)), max_size=4)
NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,6}", fullmatch=True)


@st.composite
def python_strings(draw) -> str:
    named = draw(st.booleans())
    parts = []
    for index in range(draw(st.integers(0, 4))):
        parts.append(draw(LITERAL))
        if draw(st.integers(0, 5)) == 0:
            parts.append("%%")
            continue
        flags = draw(st.text("#0- +", max_size=2))
        width = draw(st.sampled_from(["", "5", "12"] + ([] if named else ["*"])))
        precision = draw(st.sampled_from(["", ".", ".2"] + ([] if named else [".*"])))
        length = draw(st.sampled_from(["", "l", "h"]))
        conversion = draw(st.sampled_from("diouxXeEfFgGcrsa"))
        name = f"({draw(NAME)}{index})" if named else ""  # one type per name
        parts.append(f"%{name}{flags}{width}{precision}{length}{conversion}")
    return "".join(parts)


@st.composite
def brace_strings(draw) -> str:
    numbered = draw(st.sampled_from(["name", "number", "auto"]))
    parts = []
    for _index in range(draw(st.integers(0, 4))):
        parts.append(draw(LITERAL))
        if draw(st.integers(0, 5)) == 0:
            parts.append(draw(st.sampled_from(["{{", "}}"])))
            continue
        head = {"name": draw(NAME), "number": str(draw(st.integers(0, 3))), "auto": ""}[numbered]
        chain = draw(st.sampled_from(["", ".attr", "[0]", "[key].x"]))
        conversion = draw(st.sampled_from(["", "!r", "!s", "!a"]))
        specs = ["", ":", ":>10"] + ([":,d", ":.2f", ":x", ":%"] if not conversion else [":s"])
        spec = draw(st.sampled_from(specs + ([":{width}", ":>{w}.{p}"] if numbered == "name" else [])))
        parts.append("{" + head + chain + conversion + spec + "}")
    return "".join(parts)


@st.composite
def c_strings(draw) -> str:
    count = draw(st.integers(0, 4))
    numbered = draw(st.booleans())
    order = draw(st.permutations(range(1, count + 1)))
    parts = []
    for position in order:
        parts.append(draw(LITERAL))
        if draw(st.integers(0, 6)) == 0:
            parts.append("%%")
        flags = draw(st.text("-+ #0'", max_size=2))
        width = draw(st.sampled_from(["", "3", "10"]))
        precision = draw(st.sampled_from(["", ".", ".4"]))
        conversion = draw(
            st.sampled_from(
                [
                    "d",
                    "i",
                    "ld",
                    "lld",
                    "hhd",
                    "zu",
                    "ju",
                    "x",
                    "f",
                    "Lf",
                    "e",
                    "c",
                    "lc",
                    "s",
                    "ls",
                    "p",
                    "<PRId64>",
                    "<PRIuMAX>",
                ]
            )
        )
        letter = "d" if conversion.startswith("<") else conversion[-1]
        # only directives C defines (C11 7.21.6.1): '#' and '0' where they mean something,
        # no precision for %c and %p
        flags = "".join(f for f in flags if not (f == "#" and letter not in "xXfe" or f == "0" and letter in "csp"))
        precision = "" if letter in "cp" else precision
        parts.append(f"%{f'{position}$' if numbered else ''}{flags}{width}{precision}{conversion}")
    return "".join(parts) + draw(LITERAL)


def _identity(string) -> list[tuple]:
    return [
        (
            p.name,
            p.position,
            p.explicit,
            p.flags,
            p.width,
            p.precision,
            p.length,
            p.conversion,
            p.spec,
            p.type,
            p.escape,
            p.width_position,
            p.precision_position,
        )
        for p in string.placeholders
    ]


def _rerendered(text: str, syntax: Syntax) -> str:
    """The string with every placeholder replaced by its rendering."""
    string = parse(text, syntax)
    out, at = [], 0
    for p in string.placeholders:
        out.append(text[at : p.start] + render(p))
        at = p.end
    return "".join(out) + text[at:]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        python_strings().map(lambda t: (Syntax.PYTHON, t)),
        brace_strings().map(lambda t: (Syntax.PYTHON_BRACE, t)),
        c_strings().map(lambda t: (Syntax.C, t)),
    )
)
def test_generated_strings_round_trip(case: tuple[Syntax, str]) -> None:
    syntax, text = case
    first = parse(text, syntax)
    assert first.valid, (text, first.errors)
    assert all(render(p) == p.text for p in first.placeholders)
    again = parse(_rerendered(text, syntax), syntax)
    assert _identity(again) == _identity(first)


ANY_TEXT = st.text(
    st.sampled_from(list("%(){}[]!:.$*<>-+ #0'123sdfcxzlLhPRIu64MAXab_é\\\n")) | st.characters(), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_parsers_never_raise_and_spans_are_the_text(text: str) -> None:
    for syntax in Syntax:
        string = parse(text, syntax)
        previous_end = 0
        for p in string.placeholders:
            assert text[p.start : p.end] == p.text
            assert p.start >= previous_end
            previous_end = p.end
        for error in string.errors:
            assert 0 <= error.start <= error.end <= len(text)
    apparent_syntaxes(text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, st.booleans())
def test_gettext_reading_stops_at_its_only_error(text: str, translation: bool) -> None:
    # What the PO writer relies on: the placeholders are the text's, in order, and all
    # before the error where gettext's parser gives up.
    for string in (
        parse_python(text, gettext=True),
        parse_c(text, gettext=True, translation=translation),
        parse_c(text, gettext=True, objc=True, translation=translation),
        parse_brace(text, gettext=True),
    ):
        previous_end = 0
        for p in string.placeholders:
            assert text[p.start : p.end] == p.text
            assert p.start >= previous_end
            previous_end = p.end
        assert len(string.errors) <= 1
        for error in string.errors:
            assert previous_end <= error.start <= error.end <= len(text)


@pytest.mark.parametrize(
    ("parser", "text", "found", "stop"),
    [
        # gettext's python parser knows %u, not %F; gives up at a directive that mixes
        (lambda t: parse_python(t, gettext=True), "%u %F %s", ["%u"], 3),
        (lambda t: parse_python(t, gettext=True), "%s %(n)s", ["%s"], 3),
        (lambda t: parse_python(t, gettext=True), "%(n)*d", [], 0),
        (lambda t: parse_python(t, gettext=True), "%5% %(n)s", ["%(n)s"], None),
        # C: size modifiers run together, but none before <PRI...>; I in translations only
        (lambda t: parse_c(t, gettext=True), "%hld %l<PRId64>", ["%hld"], 5),
        (lambda t: parse_c(t, gettext=True, translation=False), "%d %Id", ["%d"], 3),
        (lambda t: parse_c(t, gettext=True), "%d %Id", ["%d", "%Id"], None),
        (lambda t: parse_c(t, gettext=True), "%1$s %*d", ["%1$s"], 5),
        (lambda t: parse_c(t, gettext=True), "%0$s", [], 0),
        (lambda t: parse_c(t, gettext=True), "%@", [], 0),
        (lambda t: parse_c(t, gettext=True, objc=True), "%l@ %s", ["%l@", "%s"], None),
        # braces: gettext refuses !r and a spec it does not know (a nested field is a whole
        # spec), and ignores a lone }
        (lambda t: parse_brace(t, gettext=True), "} {a[0].b:{w}} {x!r}", ["{a[0].b:{w}}"], 15),
        (lambda t: parse_brace(t, gettext=True), "{x:>10} {x:>{w}}", ["{x:>10}"], 8),
        (lambda t: parse_brace(t, gettext=True), "{x:abc}", [], 0),
    ],
)
def test_gettext_reading(parser, text: str, found: list[str], stop: int | None) -> None:
    string = parser(text)
    assert [p.text for p in string.directives] == found
    assert (string.errors[0].start if string.errors else None) == stop


def test_gettext_marks_a_missing_bracket_one_byte_further() -> None:
    # "{a[bé": gettext expects "]" at the é (4 bytes in) and marks byte 5, inside the é
    (error,) = parse_brace("{a[bé]}", gettext=True).errors
    assert error.gettext_offset == 5
    (error,) = parse_brace("{x {a:{b!r}}", gettext=True).errors
    assert (error.start, error.gettext_offset) == (0, 2)  # at the space, counted from the field
    (error,) = parse_brace("{a:{b!r}}", gettext=True).errors
    assert (error.start, error.gettext_offset) == (0, 2)  # the inner field's "!", from its own "{"


class _Anything(dict):
    def __missing__(self, key: str) -> int:
        return 65  # an int suits every conversion: %d, %f, %c, %s, %r, %a


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("%()sdfcrxa*.5- #0%hl ab")), max_size=16))
def test_python_strings_called_valid_format_in_python(text: str) -> None:
    string = parse_python(text)
    if not string.valid:
        return
    arguments = sum(1 for p in string.directives) + sum(
        (p.width_position is not None) + (p.precision_position is not None) for p in string.directives
    )
    if any(p.name is not None for p in string.directives):
        text % _Anything()
    else:
        text % ((65,) * arguments)


def _python_reads(text: str) -> bool:
    """Whether str.format can parse the string (fields and nested specs); values aside."""
    try:
        for _, _field, spec, _ in _string.formatter_parser(text):
            if spec:
                list(_string.formatter_parser(spec))
    except ValueError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("{}[]!:.ab0rs,d> xé")), max_size=16))
def test_brace_validity_agrees_with_python_syntax(text: str) -> None:
    """Python's parser refuses a string ⇒ so does ours; ours accepts it ⇒ so does Python's."""
    valid = parse_brace(text).valid
    if not _python_reads(text):
        assert not valid
    if valid:
        assert _python_reads(text)


def test_c_types_follow_msgfmt() -> None:
    def types(text: str) -> list[str]:
        return [p.type for p in parse_c(text).directives]

    assert types("%d %i") == ["int", "int"]
    assert types("%u %x %o") == ["unsigned int"] * 3
    assert types("%lf %f %a") == ["double"] * 3
    assert types("%Lf %llf") == ["long double"] * 2
    assert types("%lld %qd %Ld") == ["long long"] * 3
    assert types("%zd %zu %Zu") == ["ssize_t", "size_t", "size_t"]
    assert types("%C %lc %S %ls") == ["wint_t", "wint_t", "wchar_t *", "wchar_t *"]
    assert types("%<PRIdMAX> %jd %<PRIu64>") == ["intmax_t", "intmax_t", "uint64_t"]


def test_valid_by_python_where_a_reading_could_see_a_conflict() -> None:
    """Python takes these whatever the values: %r and %s both take any object, an
    integer takes a float spec; C23 directives are read with their types."""
    assert parse("%(a)r, %(a)s", Syntax.PYTHON).valid
    assert parse("{n:d} {n:.1f}", Syntax.PYTHON_BRACE).valid
    assert [p.type for p in parse("%w16d %wf8u %b", Syntax.C).placeholders] == [
        "int16_t",
        "uint_fast8_t",
        "unsigned int",
    ]


def test_fields_nested_in_a_spec_are_numbered_as_python_numbers_them() -> None:
    """``'{x:{}} {}'.format(5, 7, x=1)``: the nested field takes 0, the last one 1."""
    from transkit.checks.placeholders.compare import _uses

    assert list(_uses(parse("{x:{}} {}", Syntax.PYTHON_BRACE))) == ["x", "0", "1"]
    assert list(_uses(parse("{:{}} {}", Syntax.PYTHON_BRACE))) == ["0", "1", "2"]


def test_a_nested_field_in_a_spec_is_read_like_a_field() -> None:
    """Found by the property above: Python refuses an unclosed index in a nested field."""
    assert not parse_brace("{:{[}}").valid
    assert not parse_brace("{:{x.}}").valid
    assert parse_brace("{:{w[0]}}").valid and parse_brace("{:{w.x}}").valid
