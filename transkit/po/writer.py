"""Render PO text exactly as GNU gettext 0.21 writes it (``msgcat``, ``msgmerge``).

Why this exists: a catalog that transkit writes must look like one ``msgmerge`` wrote,
or every rewrite becomes a diff of line breaks that hides the real change; and a catalog
that ``msgcat`` formatted must come out byte for byte the same.

What gettext does (``write-po.c`` on top of libunistring), as found by comparing with
``msgcat`` 0.21 of Debian 12, which links libunistring 1.0:

* An entry is: translator comments (``#``), extracted comments (``#.``), references
  (``#:``, packed several to a line), flags (``#,``, only those gettext knows, in its
  order), previous strings (``#|``), then ``msgctxt``, ``msgid``, ``msgid_plural``,
  ``msgstr`` or ``msgstr[n]``.  An obsolete entry has ``#~ `` (``#~| ``) before its string
  lines only, and is not written at all when its (first) translation is empty.
* A string is escaped and cut after each ``\\n`` into portions.  It stays on the keyword
  line when it is one portion that needs no break there; otherwise the keyword gets
  ``""`` and each portion starts a line.  Portions are filled greedily up to the page
  width, breaking only where Unicode's line breaking algorithm (UAX #14, as libunistring
  1.0 implements it) allows: after spaces, after hyphens, between ideographs, ...; wide
  characters count two columns.  gettext also forbids a break inside an escape sequence,
  before the final ``\\n`` of a portion, and inside a format directive of the entry's
  first format flag (``c``, ``objc``, ``python``, ``python-brace`` are modelled, each
  read by transkit's parser of that syntax as gettext 0.21's reads it, bugs included).
* ``no-wrap`` entries are cut at ``\\n`` only.  A ``width`` below 20 counts as 20 and 0
  turns string wrapping off, as ``msgcat --width`` does.

The line breaking class and the column width of every code point are libunistring 1.0's
(Unicode 14), from :mod:`transkit.po.linebreak`, so the output does not depend on the
Python version's Unicode data.

Not modelled: catalogs in a CJK legacy encoding (EUC-JP, GBK, ...), where gettext counts
more characters as wide; ``--indent`` and ``--add-location=file`` output; directives of
the other format languages (Java, C#, shell, ...), where only UAX #14 decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from transkit.model.catalog import Entry
from transkit.po.formats import FormatString, parse_brace, parse_c, parse_python
from transkit.po.formats.model import gettext_bytes
from transkit.po.linebreak import AFTER_SPACES, ASCII_TABLES, BK, CAN, MUST, NO, break_opportunities, tables

__all__ = ["PAGE_WIDTH", "render_entry", "render_header", "render_string"]

PAGE_WIDTH = 79
"""gettext's default page width (``--width``)."""

_NO_WRAP = 1 << 30


# --------------------------------------------------------------------------
# Entries.


def render_entry(entry: Entry, width: int = PAGE_WIDTH) -> str:
    """The whole entry as gettext writes it, each line ending in ``\\n``, no blank line.

    gettext does not write an obsolete entry whose (first) translation is empty; for it
    the result is ``""``, which the caller leaves out.
    """
    translated = bool(entry.msgstr) and entry.msgstr[0] != ""
    if entry.obsolete and not translated:
        return ""
    width, references_width = _page_width(width)
    lines = _comment_lines("#", entry.translator_comment)
    lines += _comment_lines("#.", entry.extracted_comment)
    if entry.references:
        lines += _reference_lines(entry.references, references_width)
    language = None
    if entry.flags:
        if_translated, if_not, no_wrap, language = _flag_info(entry.flags)
        flags_line = if_translated if translated else if_not
        if flags_line:
            lines.append(flags_line)
        if no_wrap:
            width = _NO_WRAP
    prefix = "#~ " if entry.obsolete else ""
    previous = "#~| " if entry.obsolete else "#| "
    for keyword, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines += _render_string(keyword, value, previous, width, language)
    if entry.msgctxt is not None:
        lines += _render_string("msgctxt", entry.msgctxt, prefix, width, language)
    lines += _render_string("msgid", entry.msgid, prefix, width, language)
    if entry.msgid_plural is None:
        msgstr = entry.msgstr[0] if entry.msgstr else ""
        lines += _render_string("msgstr", msgstr, prefix, width, language)
    else:
        lines += _render_string("msgid_plural", entry.msgid_plural, prefix, width, language)
        for index, form in enumerate(entry.msgstr):
            lines += _render_string(f"msgstr[{index}]", form, prefix, width, language)
    lines.append("")
    return "\n".join(lines)


def render_header(comment_lines: Sequence[str], msgstr: str, width: int = PAGE_WIDTH) -> str:
    """The header entry: its comment lines as given (each starting with ``#``), then
    ``msgid ""`` and the ``msgstr``, wrapped like any string (long header lines too)."""
    strings_width = _page_width(width)[0]
    lines = [*comment_lines, 'msgid ""', *_render_string("msgstr", msgstr, "", strings_width, None)]
    lines.append("")
    return "\n".join(lines)


def render_string(
    keyword: str,
    value: str,
    prefix: str = "",
    width: int = PAGE_WIDTH,
    *,
    flags: Sequence[str] = (),
) -> list[str]:
    """The lines gettext writes for one keyword and its string (no trailing newlines).

    ``keyword`` is ``msgid``, ``msgstr[1]``, ``msgctxt``, ...; ``prefix`` is ``""``,
    ``"#~ "``, ``"#| "`` or ``"#~| "``.  ``flags`` are the entry's flags, because they
    change the wrapping: ``no-wrap`` turns it off and a format flag keeps breaks out of
    that language's directives.
    """
    no_wrap, language = _flag_info(tuple(flags))[2:]
    width = _NO_WRAP if no_wrap else _page_width(width)[0]
    return _render_string(keyword, value, prefix, width, language)


def _page_width(width: int) -> tuple[int, int]:
    """(width for strings, width for references) for a ``--width``, as msgcat sets them:
    at least 20; 0 turns string wrapping off and leaves references at 79."""
    if width <= 0:
        return _NO_WRAP, PAGE_WIDTH
    width = max(width, 20)
    return width, width


def _comment_lines(marker: str, text: str) -> list[str]:
    """``# text`` / ``#. text`` lines; an empty line is written as the bare marker."""
    if not text:
        return []
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def _reference_lines(references: Sequence[str], width: int) -> list[str]:
    """``#:`` lines: references packed while the line stays within ``width`` (counted in
    bytes, as gettext does), a leading ``./`` removed.

    gettext drops a repeated reference when it reads a file, not when it writes one (it
    writes ``./a.py:1 a.py:1`` as ``a.py:1 a.py:1``), so the references are kept as the
    entry has them.
    """
    lines: list[str] = []
    line = "#:"
    column = 2
    for reference in references:
        while reference.startswith("./"):
            reference = reference[2:]
        size = len(gettext_bytes(reference)) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += size
    lines.append(line)
    return lines


_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_RANGE = re.compile(r"([0-9]+)\.\.([0-9]+)")
_FORMAT_LANGUAGES = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
    "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl "
    "perl perl-brace php gcc-internal gfc-internal ycp"
).split()
"""The format languages gettext 0.21 knows, in the order it writes their flags."""


@lru_cache(maxsize=4096)
def _flag_info(flags: tuple[str, ...]) -> tuple[str | None, str | None, bool, str | None]:
    """What an entry's flags mean for its rendering, worked out once per set of flags:
    the ``#,`` line if the entry is translated, if it is not, whether it is ``no-wrap``,
    and the format language whose directives must not be broken."""
    # gettext splits the flags at commas and white space, keeps the last word about each
    # format language, and knows a "range:" followed by its bounds.
    fuzzy = no_wrap = False
    formats: dict[str, str] = {}
    value_range = None
    tokens = [token for flag in flags for token in _FLAG_SEPARATORS.split(flag) if token]
    k = 0
    while k < len(tokens):
        token = tokens[k]
        k += 1
        if token == "fuzzy":
            fuzzy = True
        elif token.endswith("-format"):
            name, state = token[:-7], "yes"
            for prefix in ("no-", "possible-", "impossible-"):
                if name.startswith(prefix):
                    name, state = name[len(prefix) :], prefix[:-1]
                    break
            formats[name] = state
        elif token == "range:":
            match = _RANGE.fullmatch(tokens[k]) if k < len(tokens) else None
            k += 1
            if match and int(match[1]) <= int(match[2]):
                value_range = f"range: {int(match[1])}..{int(match[2])}"
        elif token in ("wrap", "no-wrap"):
            no_wrap = token == "no-wrap"
    # It writes fuzzy (not when the translation is empty), the format flags in its order
    # ("possible-" ones as plain, "impossible-" ones not at all), the range, no-wrap.
    words = []
    for name in _FORMAT_LANGUAGES:
        flag_state = formats.get(name)
        if flag_state in ("yes", "possible"):
            words.append(f"{name}-format")
        elif flag_state == "no":
            words.append(f"no-{name}-format")
    words += [value_range] if value_range else []
    words += ["no-wrap"] if no_wrap else []
    line = "#, " + ", ".join(words) if words else None
    fuzzy_line = "#, " + ", ".join(["fuzzy", *words]) if fuzzy else line
    protected = (name for name in _FORMAT_LANGUAGES if formats.get(name) in ("yes", "possible"))
    return fuzzy_line, line, no_wrap, next(protected, None)


# --------------------------------------------------------------------------
# Strings.

_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\a": "\\a", "\b": "\\b", "\f": "\\f",
    "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
}  # fmt: skip
_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')
_ESCAPE_SEQUENCE = re.compile(r"\\.")
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")


def _render_string(keyword: str, value: str, prefix: str, width: int, language: str | None) -> list[str]:
    """gettext's ``wrap()``: the keyword line, then the wrapped portions."""
    # Columns for the text of a continuation line (prefix and quotes excluded), and the
    # column where the text starts on the keyword line, counted the same way.
    room = width - 2 - len(prefix)
    first_column = len(keyword) + 1
    directives = (language, keyword.startswith("msgstr")) if language else None
    if value.find("\n", 0, len(value) - 1) < 0:  # one portion
        escaped = _escape(value)
        if _surely_fits(escaped, room - first_column):
            return [f'{prefix}{keyword} "{escaped}"']
        if first_column <= room:
            lines = _wrap_portion(value, 0, value, directives, room, first_column)
            if len(lines) == 1:
                return [f'{prefix}{keyword} "{lines[0]}"']
    lines = [f'{prefix}{keyword} ""']
    offset = 0
    for portion in _PORTION.findall(value):
        wrapped = _wrap_portion(portion, offset, value, directives, room, 0)
        lines += [f'{prefix}"{line}"' for line in wrapped]
        offset += len(portion)
    return lines


def _escape(text: str) -> str:
    """The text with gettext's escapes (``text`` itself when it needs none)."""
    if _NEEDS_ESCAPE.search(text):
        for char, escape in _ESCAPES.items():  # the backslash first
            if char in text:
                text = text.replace(char, escape)
    return text


def _surely_fits(escaped: str, room: int) -> bool:
    """True when the text is surely at most ``room`` columns wide: no character is wider
    than 2 columns, nor an ASCII one wider than 1."""
    size = len(escaped)
    return size <= room and (escaped.isascii() or 2 * size <= room)


def _wrap_portion(
    portion: str,
    offset: int,
    value: str,
    directives: tuple[str, bool] | None,
    room: int,
    column: int,
) -> list[str]:
    """A portion of ``value`` (a piece ending with its ``\\n``, at ``offset``), escaped
    and cut into lines of at most ``room`` columns where breaks allow; ``column`` is
    where it starts.  ``directives``: (format language, is it a msgstr)."""
    escaped = _escape(portion)
    if _surely_fits(escaped, room - column):
        return [escaped]
    found = _opportunities(escaped)
    if found is not None and found[2] <= room - column:
        return [escaped]
    # Where gettext forbids a break whatever UAX #14 says: inside an escape sequence,
    # before the final "\\n", inside a format directive.
    forbidden: set[int] = set()
    if escaped is not portion:
        forbidden.update(match.start() + 1 for match in _ESCAPE_SEQUENCE.finditer(escaped))
        if portion.endswith("\n"):
            forbidden.add(len(escaped) - 2)
    inside = _inside_directives(value, *directives) if directives else ()
    if inside:
        places = inside[bisect_left(inside, offset) : bisect_left(inside, offset + len(portion))]
        if escaped is portion:
            forbidden.update(place - offset for place in places)
        else:  # each escaped character before a place adds one
            forbidden.update(
                place - offset + len(_NEEDS_ESCAPE.findall(portion, 0, place - offset)) for place in places
            )
    if found is None:
        points = _fill_with_mandatory_breaks(escaped, forbidden, room, column)
    else:
        opportunities, widths, total = found
        if forbidden:
            kept = [k for k, place in enumerate(opportunities) if place not in forbidden]
            opportunities = [opportunities[k] for k in kept]
            widths = [widths[k] for k in kept]
        points = _fill(opportunities, widths, total, room, column)
    bounds = [0, *points, len(escaped)]
    return [escaped[start:end] for start, end in zip(bounds, bounds[1:])]


def _fill(opportunities: list[int], widths: list[int], total: int, room: int, column: int) -> list[int]:
    """Where libunistring's u8_width_linebreaks breaks a text: a greedy fill.

    It cuts the text into pieces at the break opportunities and breaks the line before
    a piece that would end past ``room``, never before the first piece of the text, and
    keeps a piece longer than a line whole.  So a line ends at the last opportunity
    before the first opportunity (or text end) that does not fit; or, when the first
    one already does not fit, there.  ``widths[k]``: columns before ``opportunities[k]``;
    ``total``: columns of the text; ``column``: where the text starts.
    """
    points: list[int] = []
    used = 0  # columns before the current line
    limit = room - column
    k = 0  # the first opportunity after the current line's start
    while total > used + limit:
        beyond = bisect_right(widths, used + limit, k)
        if beyond > k:
            k = beyond - 1
        elif k == len(opportunities):
            break
        points.append(opportunities[k])
        used = widths[k]
        limit = room
        k += 1
    return points


def _opportunities(escaped: str) -> tuple[list[int], list[int], int] | None:
    """The break opportunities of an escaped portion, the columns before each, and the
    columns of the whole; None when it has a mandatory break.

    Word by word: a word (a run without U+0020, the only character of class SP) breaks
    the same way wherever it is, since spaces reset all of UAX #14's context but the
    class of the last character, and words repeat, so each is worked out once.
    """
    opportunities: list[int] = []
    widths: list[int] = []
    last = BK
    place = column = 0
    words = _WORDS
    after_spaces = AFTER_SPACES
    for word in escaped.split(" "):
        if word:
            first, last_class, width, inner = words.get(word) or _word(word)
            if first < 0:
                return None
            if after_spaces[last][first]:
                opportunities.append(place)
                widths.append(column)
            if inner is not None:
                opportunities += [place + k for k in inner[0]]
                widths += [column + w for w in inner[1]]
            last = last_class
            place += len(word) + 1
            column += width + 1
        else:
            place += 1
            column += 1
    return opportunities, widths, column - 1


_WordInfo = tuple[int, int, int, "tuple[list[int], list[int]] | None"]
_WORDS: dict[str, _WordInfo] = {}


def _word(word: str) -> _WordInfo:
    """A word's class (-1 when it holds a mandatory break), the class it leaves behind,
    its columns, and its inner break opportunities with the columns before each."""
    classes, widths = ASCII_TABLES if word.isascii() else tables()
    codes = [ord(char) for char in word]
    flags, last = break_opportunities([classes[code] for code in codes])
    columns = list(accumulate([widths[code] for code in codes], initial=0))
    inner = [k for k in range(1, len(flags)) if flags[k] == CAN]
    if len(_WORDS) > 100_000:
        _WORDS.clear()
    info = _WORDS[word] = (
        -1 if MUST in flags else classes[codes[0]],
        last,
        columns[-1],
        (inner, [columns[k] for k in inner]) if inner else None,
    )
    return info


def _fill_with_mandatory_breaks(escaped: str, forbidden: set[int], room: int, column: int) -> list[int]:
    """The fill of a portion holding a mandatory break (a raw U+2028, U+0085, ...), where
    libunistring starts counting columns afresh though gettext does not break the line:
    character by character, as libunistring does."""
    classes, widths = tables()
    codes = [ord(char) for char in escaped]
    flags, _ = break_opportunities([classes[code] for code in codes])
    for k in forbidden:
        flags[k] = NO
    points: list[int] = []
    piece_start = -1
    piece_width = 0
    for k, flag in enumerate(flags):
        if flag:
            if piece_start >= 0 and column + piece_width > room:
                points.append(piece_start)
                column = 0
            if flag == MUST:
                piece_start = -1
                column = piece_width = 0
                continue
            piece_start = k
            column += piece_width
            piece_width = 0
        piece_width += widths[codes[k]]
    if piece_start >= 0 and column + piece_width > room:
        points.append(piece_start)
    return points


# --------------------------------------------------------------------------
# Format directives.  gettext forbids a break inside (not before) each directive that
# its parser of the entry's first format language finds; the parsers of
# transkit.po.formats read a string as gettext's do when asked (gettext=True), giving up
# at the first invalid directive as they do, so the ones after it are not protected.


@lru_cache(maxsize=64)
def _inside_directives(value: str, language: str, translated: bool) -> tuple[int, ...]:
    """The indexes of the characters of ``value`` inside, but not at the start of, a
    directive, in order; ``translated``: the value is a msgstr (C allows one more flag)."""
    if not value:
        return ()
    if language == "python-brace":
        return _brace_protected(parse_brace(value, gettext=True))
    if language == "python":
        found = parse_python(value, gettext=True)
    elif language in ("c", "objc"):
        found = parse_c(value, gettext=True, objc=language == "objc", translation=translated)
    else:
        return ()
    return tuple(index for p in found.placeholders for index in range(p.start + 1, p.end))


def _brace_protected(found: FormatString) -> tuple[int, ...]:
    """What gettext 0.21 protects in a ``python-brace-format`` string.

    Its parser (format-python-brace.c, on the UTF-8 bytes) records each directive's
    marks at byte offsets counted from the directive's own ``{`` instead of from the
    start of the string: a valid directive marks offset 0 as a start and its last byte
    as an end; an invalid one marks its error offset and stops the parsing.  gettext then
    protects the bytes from 1 to the first mark, if that mark is an end.  Faithfully,
    the characters that start in those bytes are protected.
    """
    ends = [len(gettext_bytes(p.text)) - 1 for p in found.directives]
    error = found.errors[0].gettext_offset if found.errors else None
    if not ends or error is not None and error <= min(ends):
        return ()
    limit = min(ends)
    offset = last = 0
    for index, char in enumerate(found.text):  # the last character starting at or before limit
        if offset > limit:
            break
        last = index
        offset += len(gettext_bytes(char))
    return tuple(range(1, last + 1))
