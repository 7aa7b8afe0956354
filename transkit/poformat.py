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
  with its gettext 0.21 parser, bugs included).
* ``no-wrap`` entries are cut at ``\\n`` only.  A ``width`` below 20 counts as 20 and 0
  turns string wrapping off, as ``msgcat --width`` does.

The line breaking class and the column width of every code point are libunistring 1.0's
(Unicode 14), measured from the library itself and stored below as run-length tables,
so the output does not depend on the Python version's Unicode data.

Not modelled: catalogs in a CJK legacy encoding (EUC-JP, GBK, ...), where gettext counts
more characters as wide; ``--indent`` and ``--add-location=file`` output; directives of
the other format languages (Java, C#, shell, ...), where only UAX #14 decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from itertools import accumulate

from transkit.model import Entry

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


def _utf8(text: str) -> bytes:
    """The bytes gettext has for a text; U+DC80..U+DCFF stand for undecodable bytes."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


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
        size = len(_utf8(reference)) + 1
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
        state = formats.get(name)
        if state in ("yes", "possible"):
            words.append(f"{name}-format")
        elif state == "no":
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


def _render_string(
    keyword: str, value: str, prefix: str, width: int, language: str | None
) -> list[str]:
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
                place - offset + len(_NEEDS_ESCAPE.findall(portion, 0, place - offset))
                for place in places
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


def _fill(
    opportunities: list[int], widths: list[int], total: int, room: int, column: int
) -> list[int]:
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
    last = _BK
    place = column = 0
    words = _WORDS
    after_spaces = _AFTER_SPACES
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
    classes, widths = _ASCII_TABLES if word.isascii() else _tables()
    codes = [ord(char) for char in word]
    flags, last = _break_opportunities([classes[code] for code in codes])
    columns = list(accumulate([widths[code] for code in codes], initial=0))
    inner = [k for k in range(1, len(flags)) if flags[k] == _CAN]
    if len(_WORDS) > 100_000:
        _WORDS.clear()
    info = _WORDS[word] = (
        -1 if _MUST in flags else classes[codes[0]],
        last,
        columns[-1],
        (inner, [columns[k] for k in inner]) if inner else None,
    )
    return info


def _fill_with_mandatory_breaks(
    escaped: str, forbidden: set[int], room: int, column: int
) -> list[int]:
    """The fill of a portion holding a mandatory break (a raw U+2028, U+0085, ...), where
    libunistring starts counting columns afresh though gettext does not break the line:
    character by character, as libunistring does."""
    classes, widths = _tables()
    codes = [ord(char) for char in escaped]
    flags, _ = _break_opportunities([classes[code] for code in codes])
    for k in forbidden:
        flags[k] = _NO
    points: list[int] = []
    piece_start = -1
    piece_width = 0
    for k, flag in enumerate(flags):
        if flag:
            if piece_start >= 0 and column + piece_width > room:
                points.append(piece_start)
                column = 0
            if flag == _MUST:
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
# UAX #14 as libunistring 1.0 implements it.  Classes, in the order of the tables below
# (OPW is an East Asian wide OP, which LB30 treats apart; AI, SA, XX are stored as AL,
# CB as ID, CJ as NS, LF, CR and NL as BK, as libunistring resolves them):
_AL, _BA, _BK, _SP, _EX, _QU, _CM, _PR, _PO, _OP, _CP, _IS, _HY, _SY, _NU, _CL, _GL = range(17)
_BB, _HL, _JL, _JV, _JT, _NS, _ZW, _ZWJ, _B2, _IN, _WJ, _ID, _OPW, _EB, _H2, _H3 = range(17, 33)
_RI, _EM = 33, 34
_HL_BA = 35  # not a class: Hebrew then HY or BA, after which LB21a forbids a break

_NO, _CAN, _MUST = 0, 1, 2  # per character: no break before it, a break may, one must


def _break_opportunities(classes: Sequence[int]) -> tuple[list[int], int]:
    """The break flag before each character, exactly as libunistring 1.0's
    u8_possible_linebreaks sets it, and the class left behind for what follows.

    Its rules, first match wins: LB4-6 a BK character is a mandatory break (flagged on
    itself; it resets the context); LB7 no break before SP or ZW; LB9/10 a combining
    mark or ZWJ takes its base's class (no break before it), but at the start or after
    spaces it is AL (and may start a line after spaces); LB8 a break after ZW; LB8a none
    after ZWJ; LB30a regional indicators go in pairs; LB21a none after Hebrew + HY/BA;
    then the pair table, its I meaning "only after spaces".
    """
    pairs = _PAIR_TABLE
    out = [_NO] * len(classes)
    prev = last = _BK  # the previous character's class; the last non-space one's
    seen_space = False
    ri_count = 0
    for i, cls in enumerate(classes):
        if cls == _BK:
            out[i] = _MUST
            prev = last = _BK
            seen_space = False
            ri_count = 0
            continue
        if cls == _SP:
            seen_space = True
        elif cls == _ZW:
            last = _ZW
            seen_space = False
        elif cls == _CM or cls == _ZWJ:
            if last == _BK:
                last = _AL
                seen_space = False
            elif last == _ZW or seen_space:
                out[i] = _CAN
                last = _AL
                seen_space = False
        else:
            if last == _ZW:
                out[i] = _CAN
            elif last == _BK or prev == _ZWJ or prev == _HL_BA:
                pass
            elif last == _RI and cls == _RI:
                if seen_space or ri_count % 2 == 0:
                    out[i] = _CAN
            else:
                kind = pairs[last][cls]
                if kind == 2 or (kind == 1 and seen_space):
                    out[i] = _CAN
            last = cls
            seen_space = False
        prev = _HL_BA if prev == _HL and (cls == _HY or cls == _BA) else cls
        ri_count = ri_count + 1 if cls == _RI else 0
    return out, last


def _after_spaces_table() -> tuple[bytes, ...]:
    """For the class a word leaves behind and the next word's first class: 1 when a break
    may come between them after spaces (never after leading spaces: BK)."""
    return tuple(
        bytes(_break_opportunities([last, _SP, first])[0][2] == _CAN for first in range(35))
        for last in range(35)
    )


# --------------------------------------------------------------------------
# Format directives.  gettext forbids a break inside (not before) each directive that
# the parser of the entry's first format language finds; parsing stops at the first
# invalid directive, and the ones after it are not protected.


@lru_cache(maxsize=64)
def _inside_directives(value: str, language: str, translated: bool) -> tuple[int, ...]:
    """The indexes of the characters of ``value`` inside, but not at the start of, a
    directive, in order; ``translated``: the value is a msgstr (C allows one more flag)."""
    parser = _DIRECTIVE_PARSERS.get(language)
    spans = parser(value, translated) if parser and value else ()
    return tuple(index for first, last in spans for index in range(first + 1, last + 1))


_DIGITS = frozenset("0123456789")
_PY_CONVERSIONS = frozenset("%csridouxXeEfgG")


def _python_directives(value: str, translated: bool = False) -> list[tuple[int, int]]:
    """(first, last) index of each valid directive of a ``python-format`` string, as
    gettext 0.21's format-python.c: ``%`` [(name)] flags [width] [.precision] [hlL] type;
    named and unnamed arguments may not mix."""
    spans: list[tuple[int, int]] = []
    n = len(value)
    named = unnamed = 0
    i = value.find("%")
    while i >= 0:
        start = i
        i += 1
        has_name = i < n and value[i] == "("
        if has_name:
            depth = 0
            i += 1
            while i < n and (value[i] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(value[i], 0)
                i += 1
            if i >= n:
                return spans
            i += 1
        while i < n and value[i] in "-+ #0":
            i += 1
        for part in ("width", "precision"):
            if part == "precision":
                if not (i < n and value[i] == "."):
                    break
                i += 1
            if i < n and value[i] == "*":
                if named:
                    return spans
                unnamed += 1
                i += 1
            else:
                while i < n and value[i] in _DIGITS:
                    i += 1
        if i < n and value[i] in "hlL":
            i += 1
        if i >= n or value[i] not in _PY_CONVERSIONS:
            return spans
        if has_name:
            if unnamed:
                return spans
            named += 1
        elif value[i] != "%":
            if named:
                return spans
            unnamed += 1
        spans.append((start, i))
        i = value.find("%", i + 1)
    return spans


_C_SIZE = re.compile("hh|h|ll|l|L|q|j|z|Z|t")
_C_CONVERSIONS = frozenset("%cCsSidouxXeEfFgGaApnm")
_PRI_MACRO = re.compile("<PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")


def _c_directives(
    value: str, translated: bool = False, objc: bool = False
) -> list[tuple[int, int]]:
    """(first, last) index of each valid directive of a ``c-format`` string, as gettext
    0.21's format-c.c: ``%`` [n$] flags [width] [.precision] (size type | <PRI...>), where
    width and precision may be ``*`` or ``*n$``; numbered and unnumbered arguments may
    not mix.  ``translated`` allows the ``I`` flag, ``objc`` the ``%@`` directive."""
    spans: list[tuple[int, int]] = []
    n = len(value)
    numbered = unnumbered = 0

    def argument_number(i: int) -> tuple[int, int]:
        """(n, index after ``n$``) for an ``n$`` at ``i``; (0, i) when there is none."""
        j = i
        while j < n and value[j] in _DIGITS:
            j += 1
        if i < j < n and value[j] == "$":
            return int(value[i:j]), j + 1
        return 0, i

    flags = "-+ #0'I" if translated else "-+ #0'"
    i = value.find("%")
    while i >= 0:
        start = i
        number, i = argument_number(i + 1)
        if i > start + 1 and number == 0:  # "%0$"
            return spans
        while i < n and value[i] in flags:
            i += 1
        for part in ("width", "precision"):
            if part == "precision":
                if not (i < n and value[i] == "."):
                    break
                i += 1
            if i < n and value[i] == "*":
                star, i = argument_number(i + 1)
                if value[i - 1] == "$" and star == 0:
                    return spans
                if unnumbered if star else numbered:
                    return spans
                if star:
                    numbered += 1
                else:
                    unnumbered += 1
            else:
                while i < n and value[i] in _DIGITS:
                    i += 1
        if i < n and value[i] == "<":
            match = _PRI_MACRO.match(value, i)
            if match is None:
                return spans
            i = match.end() - 1
            takes_argument = True
        else:
            size = _C_SIZE.match(value, i)
            if size:
                i = size.end()
            if i >= n or value[i] not in _C_CONVERSIONS and not (objc and value[i] == "@"):
                return spans
            takes_argument = value[i] not in "%m"
        if takes_argument:
            if unnumbered if number else numbered:
                return spans
            if number:
                numbered += 1
            else:
                unnumbered += 1
        spans.append((start, i))
        i = value.find("%", i + 1)
    return spans


def _brace_directives(value: str, translated: bool = False) -> list[tuple[int, int]]:
    """What gettext 0.21 protects in a ``python-brace-format`` string.

    Its parser (format-python-brace.c, on the UTF-8 bytes) records each directive's
    marks at byte offsets counted from the directive's own ``{`` instead of from the
    start of the string: a valid directive marks offset 0 as a start and its last byte
    as an end; an invalid one marks its error offset and stops the parsing.  gettext then
    protects the bytes from 1 to the first mark, if that mark is an end.  Faithfully,
    the span returned covers the characters that start in those bytes.
    """
    data = _utf8(value)
    ends: list[int] = []
    error: int | None = None
    i = data.find(b"{")
    while i >= 0:
        end = _brace_directive(data, i, top=True)
        if isinstance(end, tuple):
            error = end[0]
            break
        if end != i + 1:  # not "{{"
            ends.append(end - i)
        i = data.find(b"{", end + 1)
    if not ends or error is not None and error <= min(ends):
        return []
    limit = min(ends)
    offset = last = 0
    for index, char in enumerate(value):  # the last character starting at or before limit
        if offset > limit:
            break
        last = index
        offset += len(_utf8(char))
    return [(0, last)] if last > 0 else []


_NAME_START = frozenset(b"_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NAME_CHARS = _NAME_START | frozenset(b"0123456789")
_BYTE_DIGITS = frozenset(b"0123456789")


def _brace_field(data: bytes, i: int, numeric: bool) -> int:
    """End of the identifier (or, if ``numeric``, of the number) at ``i``; ``i`` if none."""
    n = len(data)
    if i < n and data[i] in _NAME_START:
        i += 1
        while i < n and data[i] in _NAME_CHARS:
            i += 1
    elif numeric:
        while i < n and data[i] in _BYTE_DIGITS:
            i += 1
    return i


def _brace_directive(data: bytes, start: int, top: bool) -> int | tuple[int]:
    """Offset of the ``}`` closing the directive at ``start`` (of the second ``{`` of
    ``{{``), or (error offset counted from ``start``,).  A directive: ``{`` field
    (``.name`` | ``[field]``)* [``:`` (``{field}`` | [[fill]align][sign][#][0][width]
    [.precision][type])] ``}``; a missing ``]`` is reported one byte further."""
    n = len(data)
    i = start + 1
    if i < n and data[i] == 0x7B:  # {{
        return i
    j = _brace_field(data, i, numeric=True)
    if j == i:
        return (i - start,)
    i = j
    while i < n and data[i] in b".[":
        j = _brace_field(data, i + 1, numeric=data[i] == 0x5B)
        if j == i + 1:
            return (j - start,)
        if data[i] == 0x5B:
            if j >= n or data[j] != 0x5D:
                return (j + 1 - start,)
            j += 1
        i = j
    if i < n and data[i] == 0x3A:  # :
        if not top:
            return (i - start,)
        i += 1
        if i < n and data[i] == 0x7B:
            inner = _brace_directive(data, i, top=False)
            if isinstance(inner, tuple):
                return inner
            i = inner + 1
        else:
            if i >= n:
                return (i - start,)
            if i + 1 < n and data[i + 1] in b"<>=^":
                i += 2
            elif data[i] in b"<>=^":
                i += 1
            for optional in (b"+- ", b"#", b"0"):
                if i < n and data[i] in optional:
                    i += 1
            while i < n and data[i] in _BYTE_DIGITS:
                i += 1
            if i < n and data[i] == 0x2E:  # .
                i += 1
                while i < n and data[i] in _BYTE_DIGITS:
                    i += 1
            if i < n and data[i] in b"bcdoxXneEfFgG%":
                i += 1
    if i >= n or data[i] != 0x7D:  # }
        return (i - start,)
    return i


_DIRECTIVE_PARSERS: dict[str, Callable[[str, bool], list[tuple[int, int]]]] = {
    "c": _c_directives,
    "objc": partial(_c_directives, objc=True),
    "python": _python_directives,
    "python-brace": _brace_directives,
}


# --------------------------------------------------------------------------
# libunistring 1.0's data, measured from the library (Unicode 14).
#
# The pair table: row = class of the last non-space character, column = class of the
# next character; D: a break may come between them, I: only if spaces separate them,
# P: never.  Rows and columns in the order of the classes above.
_PAIRS = (
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # AL
    "DIPPPIIDDDPPIPDPDDDDDDIPIDIPDDDDDDD",  # BA
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # BK
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # SP
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # EX
    "IIPPPIIIIPPPIPIPIIIIIIIPIIIPIPIIIII",  # QU
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # CM
    "IIPPPIIDDIPPIPIPIDIIIIIPIDIPIIIIIDI",  # PR
    "IIPPPIIDDIPPIPIPIDIDDDIPIDIPDIDDDDD",  # PO
    "PPPPPPIPPPPPPPPPPPPPPPPPIPPPPPPPPPP",  # OP
    "IIPPPIIIIDPPIPIPIDIDDDIPIDIPDDDDDDD",  # CP
    "DIPPPIIDDDPPIPIPIDDDDDIPIDIPDDDDDDD",  # IS
    "DIPPPIIDDDPPIPIPDDDDDDIPIDIPDDDDDDD",  # HY
    "DIPPPIIDDDPPIPIPIDIDDDIPIDIPDDDDDDD",  # SY
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # NU
    "DIPPPIIIIDPPIPDPIDDDDDPPIDIPDDDDDDD",  # CL
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # GL
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # BB
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # HL
    "DIPPPIIDIDPPIPDPIDDIIDIPIDIPDDDIIDD",  # JL
    "DIPPPIIDIDPPIPDPIDDDIIIPIDIPDDDDDDD",  # JV
    "DIPPPIIDIDPPIPDPIDDDDIIPIDIPDDDDDDD",  # JT
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # NS
    "DDPPDDDDDDDDDDDDDDDDDDDPDDDDDDDDDDD",  # ZW
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # ZWJ
    "DIPPPIIDDDPPIPDPIDDDDDIPIPIPDDDDDDD",  # B2
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # IN
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # WJ
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDD",  # ID
    "PPPPPPIPPPPPPPPPPPPPPPPPIPPPPPPPPPP",  # OPW
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDI",  # EB
    "DIPPPIIDIDPPIPDPIDDDIIIPIDIPDDDDDDD",  # H2
    "DIPPPIIDIDPPIPDPIDDDDIIPIDIPDDDDDDD",  # H3
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDID",  # RI
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDD",  # EM
)

# Run-length tables over all code points U+0000..U+10FFFF: a symbol (the value) and an
# optional run length in base 36 (1 when absent).  Surrogates are stored as AL, width 1.
_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~"
_CLASS_RUNS = (  # the class of each code point
    "G9BC4GiDEFAHIAFJKAHLMLNOaL2A3EArJHKAtJBPAG6CGqQJIH3A5FABA2IHA2RA6FA3JAeg"
    "RA3RAiRAwG27QGcQ7GdAeLA78G7A73LBA4HAG19BGAG2AG2EGA8SrA4S4AmI3L2A2GbEGE3A"
    "17GlOaIO2A3GA2rEAG7A2G6A2G2AG4A2OaAnGAuGrA2jGbAfOaAxG9A4LEA3GH2AmG4AG9AG"
    "3AG5A17G3A1oG8A16GoAGxA1iG3AGiAG7AaG2B2OaAhG3A1kGAG7A2G2A2G3A9GAaG2A2OaA"
    "2I2A5IAHA2GA2G3A1kGAG5A4G2A2G3A3GAkOaG2A3GAbG3A1kGAG8AG3AG3AkG2A2OaAHA8G"
    "6AG3A1kGAG7A2G2A2G3A7G3AaG2A2OaAiGA1nG5A3G3AG4A9GAeOaA9HA6G5A1jGAG7AG3AG"
    "4A7G2AbG2A2OaA7RA9G3RA1jGAG7AG3AG4A7G2AbG2A2OaAgG4A1jG2AG7AG3AG4A9GAaG2A"
    "2OaA9IA7G3A1yGA4G6AGAG8A6OaA2G2A23HAgOaB2A38OaA13R4AR2QR2BQE5QAEA3G2A6Oa"
    "AaBGAGAGJPJPG2A1dGeBG5BG2A5GbAG10AB2A6GA9R2BRA5Q2A2tOaB2A1wOaA2uT2oU20V2"
    "gA9pG3ABA4eBAhrBAqJPA26B3A10G4AsG3B2ArG2AuG2A2oB2WABABHA4OaAoE2B2RAE2AG3"
    "QGOaA2zG2AyGA3aGcA4GcA8E2OaA3kOaA1pG5A2rGOaA6OaAmGvA1dG5A1bGhAbOaB2AB4Aa"
    "G9A9B2AG3AuGdA2OaA18GeA1cGkA3B5OaA6OaA10B2A28G3AGlA4GA6GA2G3A5iG1sAe5RA2"
    "B7QB3XGYG2BQB2ZA3F2JF3JFA4!3BC2G5QI8AF2AW2A6LJPW3AcBAB4AB3#A5GaAdJPAeJPA"
    "hH7IHeIH4IH2IHIHfGxAiIA5IAcHA6zH2A63!AoJPJPAe$2Ad%PA5h$4Aek$4Ag$2A2$A$3&"
    "$2Ap$3A18$Am$A1p$cA4$A$3A$2A3$2A2$A2$3A8$A6$5A$2&$A2$8A3$2&4A25F6AE2$A3J"
    "PJPJPJPJPJPJPA27JPAvJPJPJPJPJPAb7JPJPJPJPJPJPJPJPJPJPJPA1rJPJPAwJPAkxG3A"
    "7EB3AEBA34BAeGA2oGwFeB8ABJBA2F2A2F2JPJPJPJPB4EAB2AB2A5Z2B3AB2JB8ABAB2A3E"
    "2JPJPJPJPBAy$qA$2hAc$5yAq$cA4BP2$2W$2%P%P%P%P%P$2%P%P%P%PW%P2$aG6$5G$5W2"
    "$3AW$W$W$W$W$pW$vW$W$W$6W$6W2A2G2W4$W2$W$W$W$W$pW$vW$W$W$6W$6W2$4W4$A5$1"
    "7A$2mA$2cAcWg$vA$14A8$5f4A1s$g7pW$vrA3$1jA1jB2A7hBEBAgOaA1xG4AGaAwG2A28G"
    "2AB5A7eGA3GA4GAnG5A4GAbIA1nR2E2A8G2A1eGiA8B2OaA6GiAaRA2GOaAsG8B2AnGdAcTt"
    "A3G4A1bGeA6B3A6OaAmOaA1bGeAcGA8G2A2OaA3B3A3vG5B2A3G2A6kG8BG2A2OaA6()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()rAcUnA4V1dA6is$e8AtSGSaASdAS5ASAS2"
    "AS2ASaAdqPJA58IA3GgLP2L2E2%P!A6Gg$5%P%P%P%P%P%P%P%P$2%P$7P$PAW2E2$%P%P%P"
    "$8A$HI$A43#AE$2HI$2%P$2P$P$bW2$3E$r%$P$t%$P$%P2%P2W$Wa$19W2$vA3$6A2$6A2$"
    "6A2$3A3IH$3H2AiG3$A77B3A6yGA6aGA45G5A10BA1cBA5rOaAq5BA5jBA69G3AG2A5G4A14"
    "G3A4GAgB8A3xG2A9B6!A1uB7AdgG4A8OaAa9G2BA48GbA1dG4A3eG3A1hGfB2AtOaGA2G2Aa"
    "G4A19GbA3B4GA19OaA6G3A10GeAOaB4AG2A18GARAaG3A1cGeA4B2ABG4AG2OaARAB3A24Gc"
    "B2AB2AGA2yBA1hGcA5OaA6G4A1jG2AG7A2G2A2G3A9GAaG2A2G7A3G5A5cGiA4B4AOaB2A2G"
    "A29GkAcOaA5xG7A2G9RB2E2A3BfA4G2A2aGhB2AdOaA6RdA1qGdA8OaA2uOaA2B3A6lGfA4l"
    "OaA1yG6AG2A2G4AGAG2B3A9OaA3bG7A2G7ARAGAsGaA14G7AG4RAB4RAGA9GbA1aGgB3AR3B"
    "2Ab0G8AG8AB5AaOaAmREAwGmAGeA3eG6A3GAG2AG7AGA8OaA1cG5AG2AG5A8OaA95G4A6eI4"
    "AuBAvkB5A2qrJ3P3A10PA3JPJPA6nJP2A50Q7JPA3h1JPA780OaA4B2A28OaA12G5BA1mG7B"
    "3AaBAbOaAn1B2A52GAG1jA7G4A25W4QAbG2Ae$4qgA8$lcAe8$9A6wn$83A19W3AhW4A8$b0"
    "A1whG2BG4A3mkG1aA2GnAf2G5A3GmA2G7AuG4A44G3A13dO1eAe8G1jA4G1eA8GAeGA2B4Ag"
    "G5AGfA11sG7AGhA2G7AG2AG5A79G7A9OaA9wGA1pG4OaA5HA15cG7A31G7A5OaA4J2AngIA3"
    "IAnj$18&4$2s&c$f&2$f&$f&$11&aAd$3A2l$3A1p$&1k*q$3&d$18&4$9&7$2&e$6&4a$3p"
    "&$mA2$nA2$5A$5&3$2&$2&3$1a+5$1u&2$2&b$l&j$3&$4&3$&3$7&$&$eA$A$A$5&$4A$A2"
    "$25A7$gAe$dAo$16&2$4&$l&$4&2$1pA8$oA6$23&3$3&5A12F3W3A4$z&$g&3$9&$b&$b&5"
    "$g&3$d&3A38&cA2d$4&7$c&4$&fAc&4A1k&8Aa&6A14&8Au&2$2&26Ac&$2&$8&8$6&$9&a$"
    "2&3$1k&$1p&2$&2$&$h&3$&d$yA2c&c$e&2$5&3$5&3$7&9$t&3$b&5$3&d$a&6$8&oA6oOa"
    "A6&seA2$1ekeA2$1ekeAe1ojGAuG2oA3kG6oA47bk"
)
_WIDTH_RUNS = (
    "AwB2nAxBdABgiA34B7nA7B7bA19BABA2BA2BAB1kA6BaAbBAB1aAlBgAB2tA8BA6B2A2BA4B"
    "xABABuArB2jAbB1mA9B9ABoA4BA9BA3BA5B17A3B1gA2B6A8B16A1lB1jABAB4A8B4AB3A7B"
    "aA2BtAB1mAB4A4B8ABkA2BqAB2A2B1lAB4A2B4A2B2A3B3ABuA2B3ABbA2B1lAB4A5BA2B4A"
    "BkA2BmA6BAB1mAB2ABA4B8AB7A2BbA2BuAB1pABcAB1eAB3AB1jABA3B5A3BA4B7A2BbA2Bt"
    "AB1mABfA2BkA2BsA2B1lA2B4A4B8ABkA2BtAB20AB7A3BAB2iAB2A7BcA8B2qAB2A9BbA6B2"
    "2A2BrABABAB1jAeBA5BA2B5AbBA10B9AB2uA4BA6BA2B2A2BpA2B4A3BgA4BdAB2A2B6ABfA"
    "B2qC2oA4gB9pA3BqaA3BtA2BuA2BuA2B1sA2BA7B8AB2AbB9AB19A5B39A2ByAB3aA3B4A2B"
    "9AB6A3B63A2B2AB1mABA7BABAB2A8B6AaB2AB1cAvB1dA4B1cABA5BAB5AB14A9BcA2BwA4B"
    "2A2BA3B1kABA2B3ABA3B1mA8B2A2B48A3BAdBA7B4AB6AB3A2B5iA1sBejA5BqA5B1dA5BAa"
    "B2oAxBfdC2BdC2B5aC4B3CB2CBehC2BlC2B1eCcB17CBjCBdCB8C2BhC2B5C2B8CB5CBlCB7"
    "C2BCB4CB2CB7CB4C2BsCBzCBCB4C3BCB1pC3BoCBeCBnvC2B1fCB4CBbdA3B3xAB2oAwB3kC"
    "buA4ChBC2hA2CbxB8C5f4B1sCh5cBbjA4BAaBwA2B28A2B7kAB3AB4ABpA2B5AB47A2BqAiB"
    "dAB12A8BpAbBeCtB3A3B1cAB2A4B2A2B13AB1vA6B2A2B2A2BcAB8AB1bAB1fABA3B2A2B5A"
    "2BAB16A2B8AB6mAB2AB4ABiC8mcBcAnB4A1dB6isCe8BuABkhAgCgAgC1sB3zAC2pB3jC7Bi"
    "A3Be9AB6aAB45A5B1aeA3BA2B5A4B14A3B4AB4lA2BfxA4BarA2B49AbB1dA4B3fAB1iAfB1"
    "5AB2A2BaA3B1dA4B2A2B2AB4ABaAB1eA3B10A5BA8B1qABcA2B1gA9BaA4B2AB2nA3B2ABA2"
    "B6AB4gAB3A8BlA2B1lA2B3AB11A7B3A5B5fA8B2A3BABnAB2cA6BAB4A2BA2B6mA4B6A2BA2"
    "BrA2B2dA8B2ABA2B2yABAB2A6BAB2tA3B2A4BA5B77A9BA2B74A2BAB4AB40A4B2A2B4ABwA"
    "6B2A2B14A6B2A4B8AB9A6B2A3B1aAdBA2BbaA7BA6B2cAmB2A7BA2BA2B3eA6B3ABA2BA7BA"
    "B20A2B3ABAB9nA2B46zA9Bat3A5B1nA7Bt4AB1rA4B25C4ABbC2BeC4qgB8CyeB16C9B6w7C"
    "4BC7BC2BC83B19C3BhC4B8Cb0B1whA2BA4B3mkA1aB2AnBf4A3B9AgB2A7BuA4B44A3B1izA"
    "1jB4A1eB8ABeABmA5BAfB11sA7BAhB2A7BA2BA5B79A7BafAB1pA4B15sA7B31A7B1btCB5m"
    "CB5aCB2CaB2tC81BcC9BC1yBCmBcC17B4C5BcChB3CB3C1zBCBC57B2C1rBdC4BCoBiCBqC2"
    "BdCB2eC2dB1cC1yB6CB3C3B2C3B5C3BbC2B7C9B6bCcB4CB7vC1bBCaBC55B34C5B3C5B3C7"
    "B9CtB3CbB5C6BaCaB6C8B8C7BztC2t4wBe1ohABuA2oB3kA6oB47bk"
)
"""Column width of each code point: 0 (combining, format and control characters), 1, 2."""


_RUN = re.compile(r"([^0-9a-z])([0-9a-z]*)")


def _decode_runs(runs: str, size: int = 0x110000) -> bytes:
    """One byte per code point for the first ``size`` code points, from a run-length
    table: a symbol (the value's index in _SYMBOLS) and the run length in base 36 (1 if
    absent)."""
    value_of = {symbol: bytes((value,)) for value, symbol in enumerate(_SYMBOLS)}
    parts = []
    done = 0
    for symbol, count in _RUN.findall(runs):
        parts.append(value_of[symbol] * (int(count, 36) if count else 1))
        done += len(parts[-1])
        if done >= size:
            break
    return b"".join(parts)[:size]


@lru_cache(maxsize=None)
def _tables() -> tuple[bytes, bytes]:
    """The class and the width of every code point (2.2 MB), decoded on first use."""
    return _decode_runs(_CLASS_RUNS), _decode_runs(_WIDTH_RUNS)


_PAIR_TABLE = tuple(bytes("PID".index(kind) for kind in row) for row in _PAIRS)
_AFTER_SPACES = _after_spaces_table()
_ASCII_TABLES = _decode_runs(_CLASS_RUNS, 128), _decode_runs(_WIDTH_RUNS, 128)
