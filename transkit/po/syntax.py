"""PO syntax validation that agrees with GNU ``msgfmt`` (gettext 0.21).

Why this exists: polib accepts files that ``msgfmt`` rejects (it drops the last
character of an unterminated string, keeps ``\\q`` as text, reads a comment that
ends in a backslash as a comment only, ...).  A translation that passes transkit
but breaks the build is worse than no check, so transkit validates the syntax
itself, with ``msgfmt``'s own rules, before trusting what polib parsed.

The scanner is a faithful model of ``msgfmt``'s lexer (``po-lex.c``) and of its
bison grammar (``po-gram-gen.y``), including *when* each error is noticed, so
that the line of the first error is the first line ``msgfmt`` prints.  A regex
fast path handles the common, clean entries; anything unusual goes through the
token-by-token model.

What the caller must do before :func:`scan`
-------------------------------------------
* **Decode** the bytes with the charset of the header (``Content-Type``) and
  report undecodable bytes itself (``msgfmt``: "invalid multibyte sequence").
* **Do not strip a UTF-8 BOM**: decode with ``"utf-8"``, not ``"utf-8-sig"``.
  ``msgfmt`` 0.21 rejects a file that starts with a BOM ("syntax error" on line
  1), and so does :func:`scan`.
* **Do not translate line endings** (decode the bytes, do not read in text mode
  with universal newlines).  ``msgfmt`` treats ``\\r`` as ordinary whitespace
  between tokens and as an ordinary character inside a string, so CRLF files are
  valid; but ``\\`` before ``\\r\\n`` is an invalid escape, and a lone ``\\r`` is
  not a line break for the line numbers.
* **Pass NUL characters through.**  ``msgfmt`` accepts NUL inside strings and
  comments (and silently truncates the string at it when compiling), and reports a
  syntax error for a NUL between tokens.  :func:`scan` does the same, and keeps the
  NUL in the decoded value so that a check can flag it.
* An empty file, or one of only comments, is valid for ``msgfmt`` and for
  :func:`scan` (it returns ``[]``); whether that is acceptable is the caller's call.

Other ``msgfmt`` rules that are easy to get wrong, all modelled here
-----------------------------------------------------------------
* A backslash immediately followed by a newline is removed *anywhere* in the
  file before tokenising (inside strings, keywords and comments alike).  So a
  comment ending in ``\\`` swallows the next line.
* Valid escapes: ``\\n \\t \\b \\r \\f \\v \\a \\\\ \\"``, octal ``\\N``, ``\\NN``,
  ``\\NNN`` and hex ``\\xH...`` (any number of digits; the value is taken modulo
  256).  ``\\'``, ``\\?``, ``\\e``, ``\\u``... are errors.  A byte escape above
  0x7F cannot be turned into text without the charset; it is decoded to the lone
  surrogate ``U+DC80..U+DCFF`` (Python's ``surrogateescape`` convention), so
  ``value.encode(charset, "surrogateescape").decode(charset)`` recovers it.
* A string may not contain the EOT character (U+0004, raw or escaped): it is the
  msgctxt separator in ``.mo`` files.
* ``#`` starts a comment anywhere, also after a keyword on the same line, and a
  comment ends the entry being read.  ``#~`` marks the rest of the line as
  obsolete, ``#|`` as a previous-string line, ``#~|`` as both; inside ``#|`` only
  ``msgctxt``, ``msgid`` and ``msgid_plural`` are keywords.  A comment ends the
  ``#~`` state but not the ``#|`` state.
* Obsolete entries are syntax-checked exactly like live ones, and an entry may not
  mix ``#~`` and non-``#~`` lines ("inconsistent use of #~").
* Duplicates: two entries with the same msgctxt and msgid are an error whether
  either is obsolete, fuzzy or untranslated (``msgfmt`` 0.21 compares all of
  them); no msgctxt and an empty msgctxt differ.  ``msgfmt`` compares C strings,
  so a value is compared up to its first NUL.
* The index check of ``msgstr[n]`` uses a counter that only ``msgid_plural``
  resets, so ``msgstr[0]`` in an entry without ``msgid_plural`` after a plural
  entry is reported as "plural form has wrong index" before "missing
  'msgid_plural' section".
* Line numbers are ``msgfmt``'s: "end-of-line within string" is reported on the
  line *after* the string (the newline has been read; ``PoSyntaxError.source_line``
  has the string's own line), most errors on the line of the token where
  ``msgfmt`` noticed them.

Not modelled: ``msgfmt``'s semantic checks (newline consistency between msgid and
msgstr, format strings, header fields); they are translation checks, not syntax.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from transkit.i18n import L_

__all__ = ["EntryMaker", "PoSyntaxError", "ScannedEntry", "decode_escapes", "scan"]


class PoSyntaxError(Exception):
    """A PO syntax error, at the line where ``msgfmt`` reports its first error.

    ``message`` is short and lower-case; where ``msgfmt`` has a message for the
    problem it starts with ``msgfmt``'s wording ("syntax error" is followed by
    what was unexpected).  ``source_line`` is the line of the offending text
    itself; it differs from ``line`` only for "end-of-line within string", which
    msgfmt reports on the line after the string (it has already read the newline).
    """

    def __init__(self, line: int, message: str, *, source_line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message
        self.source_line = line if source_line is None else source_line


class ScannedEntry(NamedTuple):
    """What the scanner learned about one message, enough to cross-check polib.

    A named tuple, not a frozen dataclass: one is made for every message of every
    catalog read, and a tuple is made in C where a frozen dataclass sets each field with
    a call of its own (0.8 of the 6.3 µs the scan took per message of the real-catalog
    corpus, docs/performance.md)."""

    line: int
    """1-based line of the entry's first keyword (``msgctxt`` or ``msgid``)."""
    msgid_line: int
    """1-based line of the ``msgid`` keyword."""
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstr_indexes: tuple[int, ...]
    """``()`` for a singular entry; each ``n`` of ``msgstr[n]`` in file order."""
    obsolete: bool
    msgstr: tuple[str, ...] = ()
    """Decoded translations: one for a singular entry, every ``msgstr[n]`` in order."""
    notes: str | None = None
    """The text between the end of the message before (the start of the file for the
    first) and this message's first keyword, where it holds a ``#``: its comment lines,
    ``#|`` previous strings and ``#~`` marks, for :func:`transkit.po.comments.read_notes`.
    None where there is no ``#``, so no comment."""


class EntryMaker(Protocol):
    """What :func:`scan` makes of each message: called with :class:`ScannedEntry`'s
    fields in order, and ``known``: the value of ``known`` (see :func:`scan`) for the
    message's key, or None."""

    def __call__(
        self,
        line: int,
        msgid_line: int,
        msgctxt: str | None,
        msgid: str,
        msgid_plural: str | None,
        msgstr_indexes: tuple[int, ...],
        obsolete: bool,
        msgstr: tuple[str, ...],
        notes: str | None,
        known: Any,
        /,
    ) -> Any: ...


def _scanned_entry(*fields: Any) -> ScannedEntry:
    """:func:`scan`'s own maker: the message as scanned (all but ``known``)."""
    return ScannedEntry._make(fields[:-1])


# --------------------------------------------------------------------------
# Tokens.  A token is a tuple (kind, start, end, obsolete, value, resume, incl):
# ``resume`` is an offset from which lexing with a clean state reproduces the
# token (or None), ``incl`` says whether a backslash-newline right at ``end`` was
# already consumed by msgfmt's lexer when it produced the token (it matters
# only for the line msgfmt reports).

_EOF, _COMMENT, _STR, _PREV_STR, _MSGID, _MSGCTXT, _MSGID_PLURAL, _MSGSTR = range(8)
_DOMAIN, _PREV_MSGID, _PREV_MSGCTXT, _PREV_MSGID_PLURAL = range(8, 12)
_NAME, _NUMBER, _LBRACKET, _RBRACKET, _JUNK = range(12, 17)

_KEYWORDS = {
    "domain": _DOMAIN,
    "msgid": _MSGID,
    "msgid_plural": _MSGID_PLURAL,
    "msgstr": _MSGSTR,
    "msgctxt": _MSGCTXT,
}
_PREV_KEYWORDS = {
    "msgid": _PREV_MSGID,
    "msgid_plural": _PREV_MSGID_PLURAL,
    "msgctxt": _PREV_MSGCTXT,
}
_KIND_NAMES = {
    _EOF: "end of file",
    _COMMENT: "comment",
    _STR: "string",
    _PREV_STR: "'#|' string",
    _NUMBER: "number",
    _LBRACKET: "'['",
    _RBRACKET: "']'",
}

# msgfmt's whitespace between tokens: exactly these characters.
_WS = r"[ \t\r\f\v\n]"
_HWS = r"[ \t\r\f\v]"
# A string body: escapes pair a backslash with the next character.
_BODY = r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+'

_TOKEN = re.compile(
    rf"""
    ({_WS}*+)
    (?:
        "({_BODY})("?)                    # 2 body, 3 closing quote (may be missing)
      | ([A-Za-z_$][A-Za-z0-9_$]*+)       # 4 keyword or unknown name
      | \#(?:(~\|?)|(\|)|([^\n]*+\n?))    # 5 '#~' / '#~|', 6 '#|', 7 comment
      | ([0-9]++)                         # 8 number
      | ([\[\]])                          # 9 bracket
      | (.)                               # 10 anything else: junk
      | ()\Z                              # 11 end of file
    )""",
    re.X,
).match

_ESCAPE = re.compile(r'\\(?:([ntbrfva\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(x?))')
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
}
_SIMPLE_ESCAPE = re.compile(r"\\(.)")
_PIECE = re.compile(rf'"({_BODY})"')


def _byte_char(value: int) -> str:
    value &= 0xFF
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


class _BadEscape(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


def _unescape(body: str, base: int) -> str:
    """Resolve escapes like msgfmt's ``control_sequence``; raise _BadEscape.

    ``base`` is the offset of ``body`` in the text; _BadEscape carries the offset
    of the character msgfmt was looking at when it gave up.
    """

    def replace(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return _SIMPLE_ESCAPES[m.group(1)]
        if m.group(2) is not None:
            return _byte_char(int(m.group(2), 8))
        if m.group(3) is not None:
            return _byte_char(int(m.group(3), 16))
        raise _BadEscape(base + m.end())

    return _ESCAPE.sub(replace, body)


def decode_escapes(body: str) -> str:
    """A string's text between its quotes, escapes resolved as msgfmt resolves them.

    For strings :func:`scan` has already accepted (the comment reader's ``#|`` previous
    strings), so every escape in ``body`` is valid.
    """
    return _unescape(body, 0) if "\\" in body else body


def _c_string(value: str) -> str:
    """The part of ``value`` msgfmt sees: it stores strings as C strings."""
    return value.split("\0", 1)[0] if "\0" in value else value


# --------------------------------------------------------------------------
# Fast path: one regex for a whole clean entry (comments, an optional '#|'
# block, msgctxt, msgid, msgstr or msgid_plural + msgstr[n]), live or obsolete,
# followed by a token that cannot raise a lexer error.  Whatever it does not
# match, or matches but contains anything unusual, is left to the slow path.
# Its strings hold only the escapes it decodes itself: one with an octal, hex or
# invalid escape is not matched.

_FAST_BODY = r'[^"\\\n]*+(?:\\[ntbrfva\\"][^"\\\n]*+)*+'

_NC = r"(?![A-Za-z0-9_$])"
_SAFE_NEXT = (
    rf"(?:\#~?\|?{_HWS}*+(?:msgctxt|msgid|msgid_plural){_NC}"
    rf"|\#(?![~|])|(?:msgctxt|msgid|domain){_NC}|\Z)"
)


def _entry_pattern(tag: str, ws: str) -> str:
    strings = rf'"{_FAST_BODY}"(?:{ws}"{_FAST_BODY}")*+'
    return (
        rf"(?P<{tag}s>)(?:msgctxt{ws}"
        rf'"(?P<{tag}c>{_FAST_BODY})"(?P<{tag}ct>(?:{ws}"{_FAST_BODY}")*+){ws})?'
        rf'(?P<{tag}i>)msgid{ws}"(?P<{tag}d>{_FAST_BODY})"(?P<{tag}dt>(?:{ws}"{_FAST_BODY}")*+){ws}'
        rf'(?:msgstr{ws}"(?P<{tag}m>{_FAST_BODY})"(?P<{tag}mt>(?:{ws}"{_FAST_BODY}")*+)'
        rf'|msgid_plural{ws}"(?P<{tag}p>{_FAST_BODY})"(?P<{tag}pt>(?:{ws}"{_FAST_BODY}")*+)'
        rf"(?P<{tag}f>(?:{ws}msgstr{ws}\[{ws}[0-9]++{ws}\]{ws}{strings})++))"
    )


_WSP = rf"{_WS}*+"
_PWS = rf"(?:{_HWS}|\n{_WS}*+\#\|)*+"
_OWS = rf"(?:{_HWS}|\n{_WS}*+\#~(?!\|))*+"
_PREV_STRINGS = rf'"{_FAST_BODY}"(?:{_PWS}"{_FAST_BODY}")*+'
_PREV_BLOCK = (
    rf"\#\|{_PWS}(?:msgctxt{_PWS}{_PREV_STRINGS}{_PWS})?msgid{_PWS}{_PREV_STRINGS}"
    rf"(?:{_PWS}msgid_plural{_PWS}{_PREV_STRINGS})?{_HWS}*+\n{_WSP}"
)
_FAST_RE = re.compile(
    rf"(?>(?:{_WSP}\#(?![~|])[^\n]*+)*+){_WSP}(?P<body>)"
    rf"(?:(?:{_PREV_BLOCK})?{_entry_pattern('a', _WSP)}(?={_WSP}{_SAFE_NEXT})"
    rf"|\#~(?!\|){_OWS}{_entry_pattern('o', _OWS)}"
    rf"(?={_HWS}*+(?:\#(?![~|])|\Z|\n{_WSP}{_SAFE_NEXT})))"
)
_FAST = _FAST_RE.match
# One plural form inside a span the fast pattern has already validated (the
# whitespace of obsolete entries includes '#~').
_FORM_WS = rf"(?:{_WS}|\#~)*+"
_FORM = re.compile(
    rf'msgstr{_FORM_WS}\[{_FORM_WS}([0-9]++){_FORM_WS}\]{_FORM_WS}"({_BODY})"'
    rf'((?:{_FORM_WS}"{_BODY}")*+)'
)


_G_BODY = _FAST_RE.groupindex["body"]
# The plural indexes the fast path accepts: 0, 1, 2, ... up to 63 forms (real
# languages have at most 6); anything else goes to the slow path.
_DIGITS = [str(n) for n in range(64)]
_RANGES = [tuple(range(n)) for n in range(65)]


def _group_indexes(tag: str) -> tuple[int, ...]:
    """0-based positions in ``Match.groups()`` of one branch's named groups."""
    names = ("s", "i", "c", "ct", "d", "dt", "p", "pt", "f", "m", "mt")
    return tuple(_FAST_RE.groupindex[tag + name] - 1 for name in names)


_G_ACTIVE = _group_indexes("a")
_G_OBSOLETE = _group_indexes("o")


def _live_order() -> list[int]:
    order = list(range(_FAST_RE.groups))
    for live, obsolete in zip(_G_ACTIVE, _G_OBSOLETE):
        order[live] = obsolete
    return order


_AS_LIVE = itemgetter(*_live_order())
"""An obsolete entry's groups where a live entry's are, so one set of indexes reads both."""


def _fast_value(first: str, tail: str) -> str:
    """Join a string list matched by the fast path and resolve its escapes.

    The fast path only lets through the escapes of ``_SIMPLE_ESCAPES``.  Without
    an escaped backslash every backslash starts an escape and no replacement
    can create another, so plain ``str.replace`` is exact (and much faster than
    a regex callback).
    """
    value = first + "".join(_PIECE.findall(tail)) if tail else first
    if "\\" not in value:
        return value
    if "\\\\" in value:
        return _SIMPLE_ESCAPE.sub(lambda e: _SIMPLE_ESCAPES[e.group(1)], value)
    for escape, char in _REPLACEMENTS:
        if escape in value:
            value = value.replace(escape, char)
            if "\\" not in value:
                break
    return value


# Most frequent first: the loop above stops when no backslash is left.
_REPLACEMENTS = tuple(("\\" + k, _SIMPLE_ESCAPES[k]) for k in 'n"trabfv')


def _index(digits: str) -> int:
    """msgfmt's ``atol`` of a plural index; huge values never match anyway."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 1 << 63


class _Scanner:
    """One scan of one text: lexer state, parser state, results."""

    def __init__(
        self,
        text: str,
        known: Mapping[tuple[str | None, str], Any] | None = None,
        make: EntryMaker = _scanned_entry,
    ) -> None:
        self.known = known
        self.make = make
        self.removed: list[int] = []
        if "\\\n" in text:
            # msgfmt's lex_getc drops every backslash-newline pair, everywhere.
            offsets = [m.start() for m in re.finditer(r"\\\n", text)]
            self.removed = [off - 2 * k for k, off in enumerate(offsets)]
            text = text.replace("\\\n", "")
        self.text = text
        self.n = len(text)
        self.odd_chars = "\0" in text or "\x04" in text
        # lexer state
        self.pos = 0
        self.obsolete = False
        self.previous = False
        self.resume: int | None = 0
        # parser state
        self.plural_counter = 0
        self.entries: list[Any] = []
        self.seen: set[tuple[str | None, str]] = set()
        # where the last message's last string ends: its successor's notes start there
        self.after = 0
        self.string_end = 0
        # line cache
        self._line_pos = 0
        self._line_count = 0

    # ---------------------------------------------------------------- lines
    def line_at(self, offset: int, inclusive: bool = True) -> int:
        """1-based line of ``offset`` in the original text.

        ``inclusive``: a removed backslash-newline exactly at ``offset`` counts.
        """
        if offset >= self._line_pos:
            self._line_count += self.text.count("\n", self._line_pos, offset)
            self._line_pos = offset
            newlines = self._line_count
        else:
            newlines = self.text.count("\n", 0, offset)
        if self.removed:
            find = bisect_right if inclusive else bisect_left
            newlines += find(self.removed, offset)
        return newlines + 1

    def token_line(self, tok: tuple) -> int:
        """The line of msgfmt's position just after it read ``tok``."""
        return self.line_at(tok[2], tok[6])

    def error(self, tok: tuple, message: str) -> PoSyntaxError:
        return PoSyntaxError(self.token_line(tok), message)

    def syntax_error(self, tok: tuple) -> PoSyntaxError:
        kind = tok[0]
        if kind in _KIND_NAMES:
            what = _KIND_NAMES[kind]
        elif kind == _JUNK:
            char = tok[4]
            if char == "\ufeff":
                what = "byte order mark"
            elif char == "\0":
                what = "NUL character"
            elif char.isprintable():
                what = f"character {char!r}"
            else:
                what = f"character U+{ord(char):04X}"
        elif kind in (_PREV_MSGID, _PREV_MSGCTXT, _PREV_MSGID_PLURAL):
            what = f"'#| {tok[4]}'"
        else:
            what = repr(tok[4])
        return self.error(tok, L_("syntax error: unexpected {what}", what=what))

    def check_obsolete(self, first: tuple, second: tuple) -> None:
        """msgfmt's check_obsolete: all parts of an entry agree on '#~'."""
        if first[3] != second[3]:
            raise self.error(second, L_("inconsistent use of #~"))

    # ---------------------------------------------------------------- lexer
    def reset(self, pos: int) -> None:
        self.pos = pos
        self.obsolete = self.previous = False
        self.resume = pos

    def next(self) -> tuple:
        """The next token; lexer errors are raised when the token is read."""
        text = self.text
        while True:
            m = _TOKEN(text, self.pos)
            if (self.obsolete or self.previous) and "\n" in m.group(1):
                self.obsolete = self.previous = False
            start = m.end(1)
            if not (self.obsolete or self.previous):
                self.resume = start
            end = m.end()
            self.pos = end
            which = m.lastindex
            if which == 3:
                return self.string(m, start, end)  # type: ignore[arg-type]  # see pyproject: always a match
            if which == 4:
                name = m.group(4)
                kind = (_PREV_KEYWORDS if self.previous else _KEYWORDS).get(name, _NAME)
                tok = (kind, start, end, self.obsolete, name, self.resume, True)
                if kind == _NAME:
                    raise self.error(tok, f'keyword "{name}" unknown')
            elif which == 7:
                tok = (_COMMENT, start, end, self.obsolete, None, self.resume, end == self.n)
                self.obsolete = False
            elif which == 5:
                self.obsolete = True
                if len(m.group(5)) == 2:
                    self.previous = True
                continue
            elif which == 6:
                self.previous = True
                continue
            elif which == 8:
                tok = (_NUMBER, start, end, self.obsolete, _index(m.group(8)), self.resume, True)
            elif which == 9:
                kind = _LBRACKET if m.group(9) == "[" else _RBRACKET
                tok = (kind, start, end, self.obsolete, m.group(9), self.resume, False)
            elif which == 10:
                tok = (_JUNK, start, end, self.obsolete, m.group(10), self.resume, False)
            else:
                tok = (_EOF, start, end, self.obsolete, None, self.resume, True)
            self.resume = None
            return tok

    def string(self, m: re.Match[str], start: int, end: int) -> tuple:
        """A string token, with msgfmt's three lexer errors in its order."""
        body = m.group(2)
        value = body
        if "\\" in body:
            try:
                value = _unescape(body, start + 1)
            except _BadEscape as bad:
                raise PoSyntaxError(self.line_at(bad.offset), L_("invalid control sequence")) from None
        kind = _PREV_STR if self.previous else _STR
        if not m.group(3):
            if end < self.n and self.text[end] == "\\":
                # a backslash that is the last character of the file
                raise PoSyntaxError(self.line_at(self.n), L_("invalid control sequence"))
            if end < self.n:
                raise PoSyntaxError(
                    self.line_at(end + 1, False),
                    L_("end-of-line within string"),
                    source_line=self.line_at(end),
                )
            raise PoSyntaxError(self.line_at(self.n), L_("end-of-file within string"))
        tok = (kind, start, end, self.obsolete, value, self.resume, False)
        self.resume = None
        if "\x04" in value and "\x04" in _c_string(value):
            raise self.error(tok, L_("context separator <EOT> within string"))
        return tok

    # --------------------------------------------------------------- parser
    def string_list(self, tok: tuple, kind: int) -> tuple[tuple, list[str], tuple]:
        """``tok`` and the strings after it; returns (first, values, lookahead)."""
        first = last = tok
        values = [tok[4]]
        tok = self.next()
        while tok[0] == kind:
            self.check_obsolete(first, tok)
            values.append(tok[4])
            last = tok
            tok = self.next()
        self.string_end = last[2]
        return first, values, tok

    def expect(self, tok: tuple, kind: int) -> None:
        if tok[0] != kind:
            raise self.syntax_error(tok)

    def item(self, tok: tuple) -> tuple:
        """One top-level item starting with lookahead ``tok``; returns the next."""
        kind = tok[0]
        if kind == _COMMENT:
            return self.next()
        if kind == _DOMAIN:
            tok = self.next()
            self.expect(tok, _STR)
            return self.next()
        if kind in (_MSGID, _MSGCTXT, _PREV_MSGID, _PREV_MSGCTXT):
            return self.message(tok)
        raise self.syntax_error(tok)

    def previous_block(self, tok: tuple) -> tuple[tuple, tuple]:
        """The '#|' part; returns (token standing for it, lookahead)."""
        if tok[0] == _PREV_MSGCTXT:
            ctxt = tok
            tok = self.next()
            self.expect(tok, _PREV_STR)
            first, _, tok = self.string_list(tok, _PREV_STR)
            self.expect(tok, _PREV_MSGID)
            self.check_obsolete(ctxt, first)
            self.check_obsolete(ctxt, tok)
        intro = tok
        tok = self.next()
        self.expect(tok, _PREV_STR)
        first, _, tok = self.string_list(tok, _PREV_STR)
        if tok[0] == _PREV_MSGID_PLURAL:
            plural = tok
            tok = self.next()
            self.expect(tok, _PREV_STR)
            plural_first, _, tok = self.string_list(tok, _PREV_STR)
            self.check_obsolete(plural, plural_first)
            self.check_obsolete(intro, first)
            self.check_obsolete(intro, plural)
        else:
            self.check_obsolete(intro, first)
        return intro, tok

    def message(self, tok: tuple) -> tuple:
        prev = None
        if tok[0] in (_PREV_MSGID, _PREV_MSGCTXT):
            prev, tok = self.previous_block(tok)
            if tok[0] not in (_MSGID, _MSGCTXT):
                raise self.syntax_error(tok)
        ctxt_values = None
        start = tok[1]
        if tok[0] == _MSGCTXT:
            ctxt = tok
            tok = self.next()
            self.expect(tok, _STR)
            first, ctxt_values, tok = self.string_list(tok, _STR)
            self.expect(tok, _MSGID)
            self.check_obsolete(ctxt, first)
            self.check_obsolete(ctxt, tok)
        intro = tok
        if prev is not None:
            self.check_obsolete(prev, intro)
        tok = self.next()
        self.expect(tok, _STR)
        id_first, id_values, tok = self.string_list(tok, _STR)
        if tok[0] == _MSGSTR:
            msgstr = tok
            tok = self.next()
            if tok[0] == _STR:
                str_first, str_values, tok = self.string_list(tok, _STR)
                self.check_obsolete(intro, id_first)
                self.check_obsolete(intro, msgstr)
                self.check_obsolete(intro, str_first)
                self.add(start, intro, ctxt_values, id_values, None, (), ("".join(str_values),))
                return tok
            self.expect(tok, _LBRACKET)
            forms, _, _, tok = self.plural_forms(msgstr, tok)
            self.check_obsolete(intro, id_first)
            self.check_obsolete(intro, forms)
            raise self.error(intro, L_("missing 'msgid_plural' section"))
        if tok[0] == _MSGID_PLURAL:
            plural = tok
            tok = self.next()
            self.expect(tok, _STR)
            plural_first, plural_values, tok = self.string_list(tok, _STR)
            self.check_obsolete(plural, plural_first)
            self.plural_counter = 0
            if tok[0] != _MSGSTR:
                self.check_obsolete(intro, id_first)
                self.check_obsolete(intro, plural)
                raise self.error(intro, L_("missing 'msgstr[]' section"))
            msgstr = tok
            tok = self.next()
            self.expect(tok, _LBRACKET)
            forms, indexes, values, tok = self.plural_forms(msgstr, tok)
            self.check_obsolete(intro, id_first)
            self.check_obsolete(intro, plural)
            self.check_obsolete(intro, forms)
            plural_value = "".join(plural_values)
            self.add(start, intro, ctxt_values, id_values, plural_value, indexes, values)
            return tok
        self.check_obsolete(intro, id_first)
        raise self.error(intro, L_("missing 'msgstr' section"))

    def plural_forms(self, msgstr: tuple, tok: tuple) -> tuple[tuple, tuple[int, ...], tuple[str, ...], tuple]:
        """``msgstr[n] "..."`` repeated; ``tok`` is the '[' after ``msgstr``.

        Returns (first msgstr token, indexes, decoded values, lookahead).
        """
        first = msgstr
        indexes = []
        values = []
        while True:
            bracket = tok
            number = self.next()
            self.expect(number, _NUMBER)
            closing = self.next()
            self.expect(closing, _RBRACKET)
            tok = self.next()
            self.expect(tok, _STR)
            str_first, str_values, tok = self.string_list(tok, _STR)
            for part in (bracket, number, closing, str_first):
                self.check_obsolete(msgstr, part)
            if number[4] != self.plural_counter:
                if self.plural_counter == 0:
                    raise self.error(msgstr, L_("first plural form has nonzero index"))
                raise self.error(msgstr, L_("plural form has wrong index"))
            self.plural_counter += 1
            indexes.append(number[4])
            values.append("".join(str_values))
            if msgstr is not first:
                self.check_obsolete(first, msgstr)
            if tok[0] != _MSGSTR:
                return first, tuple(indexes), tuple(values), tok
            msgstr = tok
            tok = self.next()
            self.expect(tok, _LBRACKET)

    def add(
        self,
        start: int,
        intro: tuple,
        ctxt_values: list[str] | None,
        id_values: list[str],
        msgid_plural: str | None,
        indexes: tuple[int, ...],
        msgstr: tuple[str, ...],
    ) -> None:
        """Record a complete message; msgfmt's duplicate check happens here."""
        msgctxt = None if ctxt_values is None else "".join(ctxt_values)
        msgid = "".join(id_values)
        key = (msgctxt, msgid)
        same = None
        if self.known is not None and key in self.known:
            same = self.known[key]
            msgctxt, msgid = same.msgctxt, same.msgid
            key = (msgctxt, msgid)
        if "\0" in msgid or (msgctxt is not None and "\0" in msgctxt):
            # msgfmt concatenates C strings: each piece ends at its first NUL
            key = (
                None if ctxt_values is None else "".join(map(_c_string, ctxt_values)),
                "".join(map(_c_string, id_values)),
            )
        if key in self.seen:
            raise self.error(intro, L_("duplicate message definition"))
        self.seen.add(key)
        line = self.line_at(start)
        msgid_line = line if start == intro[1] else self.line_at(intro[1])
        notes = self.text[self.after : start] if self.text.find("#", self.after, start) >= 0 else None
        self.after = self.string_end
        self.entries.append(
            self.make(line, msgid_line, msgctxt, msgid, msgid_plural, indexes, intro[3], msgstr, notes, same)
        )

    # ------------------------------------------------------------ fast path
    def fast(self, pos: int) -> int:
        """Take clean entries with one regex each; return where that stopped.

        Written for speed, as it handles nearly every entry of a real catalog:
        locals instead of attributes, the line counter kept here, simple values
        not passed through ``_fast_value``, an obsolete entry's groups moved to where
        a live one has them.
        """
        text = self.text
        seen = self.seen
        known = self.known
        append = self.entries.append
        odd_chars = self.odd_chars
        removed = self.removed
        fast_value = _fast_value
        match = _FAST
        make = self.make
        as_live = _AS_LIVE
        start, i, c, ct, d, dt, p, pt, f, ms, mt = _G_ACTIVE
        # the groups (Match.start) of where the entry and its msgid keyword start
        live_starts = (start + 1, i + 1)
        obsolete_starts = (_G_OBSOLETE[0] + 1, _G_OBSOLETE[1] + 1)
        line_pos, line_count = self._line_pos, self._line_count
        after = self.after
        try:
            while True:
                m = match(text, pos)
                if m is None:
                    return pos
                end = m.end()
                if odd_chars:
                    body = m.start(_G_BODY)
                    if text.find("\0", body, end) >= 0 or text.find("\x04", body, end) >= 0:
                        return pos
                groups = m.groups()
                obsolete = groups[i] is None
                if obsolete:
                    groups = as_live(groups)
                    first, intro = obsolete_starts
                else:
                    first, intro = live_starts
                indexes: tuple[int, ...] = ()
                msgid_plural = None
                if groups[f] is not None:
                    forms = _FORM.findall(groups[f])
                    if [form[0] for form in forms] != _DIGITS[: len(forms)]:
                        return pos
                    indexes = _RANGES[len(forms)]
                    self.plural_counter = len(indexes)
                    msgid_plural = groups[p]
                    if groups[pt] or "\\" in msgid_plural:
                        msgid_plural = fast_value(msgid_plural, groups[pt])
                    msgstr = tuple([fast_value(form[1], form[2]) for form in forms])
                else:
                    value = groups[ms]
                    if groups[mt] or "\\" in value:
                        value = fast_value(value, groups[mt])
                    msgstr = (value,)
                msgctxt = groups[c]
                if msgctxt is not None and (groups[ct] or "\\" in msgctxt):
                    msgctxt = fast_value(msgctxt, groups[ct])
                msgid = groups[d]
                if groups[dt] or "\\" in msgid:
                    msgid = fast_value(msgid, groups[dt])
                key = (msgctxt, msgid)
                same = None
                if known is not None:
                    same = known.get(key)
                    if same is not None:
                        msgctxt, msgid = same.msgctxt, same.msgid
                        key = (msgctxt, msgid)
                if key in seen:
                    raise PoSyntaxError(self.line_at(m.start(intro) + 5), L_("duplicate message definition"))
                seen.add(key)
                start_at = m.start(first)
                line_count += text.count("\n", line_pos, start_at)
                line = line_count + 1
                if msgctxt is None:
                    line_pos = i_at = start_at
                    msgid_line = line
                else:
                    i_at = m.start(intro)
                    line_count += text.count("\n", start_at, i_at)
                    line_pos = i_at
                    msgid_line = line_count + 1
                if removed:
                    line += bisect_right(removed, start_at)
                    msgid_line += bisect_right(removed, i_at)
                notes = text[after:start_at] if text.find("#", after, start_at) >= 0 else None
                append(make(line, msgid_line, msgctxt, msgid, msgid_plural, indexes, obsolete, msgstr, notes, same))
                pos = after = end
        finally:
            self.after = after
            if line_pos > self._line_pos:
                self._line_pos, self._line_count = line_pos, line_count

    # ---------------------------------------------------------------- driver
    def run(self, use_fast: bool = True) -> list[Any]:
        tok = None
        while True:
            # Back to the fast path where lexing can restart with a clean state;
            # not on a comment, or a run of comments before an entry the fast
            # path refuses would be re-read once per comment (quadratic).
            if use_fast and (tok is None or (tok[5] is not None and tok[0] != _COMMENT)):
                self.reset(self.fast(self.pos if tok is None else tok[5]))
                tok = None
            if tok is None:
                tok = self.next()
            if tok[0] == _EOF:
                return self.entries
            tok = self.item(tok)


def scan(
    text: str, known: Mapping[tuple[str | None, str], Any] | None = None, make: EntryMaker = _scanned_entry
) -> list[Any]:
    """Validate PO syntax as msgfmt does; return the messages in file order.

    The header is included (``msgid ""``); obsolete (``#~``) messages are
    included with ``obsolete=True``.  Raises :class:`PoSyntaxError` at the first
    problem msgfmt would report as an error, with msgfmt's line number.  See the
    module docstring for what the caller must do with BOM, line endings and NUL.

    ``known`` maps ``(msgctxt, msgid)`` to objects with those two attributes (a
    template's entries): a message with such a key takes their strings, equal to its
    own, so that a large catalog does not hold a second copy of its template's.

    ``make`` makes what the list holds of each message, from :class:`ScannedEntry`'s
    fields and the message's value in ``known`` (a :class:`ScannedEntry` by default):
    the reader makes its entries there, as each message is scanned, without a list of
    scanned ones in between.
    """
    return _Scanner(text, known, make).run()


def _scan_slow(text: str) -> list[ScannedEntry]:
    """The token-by-token model only; the tests compare it with :func:`scan`."""
    return _Scanner(text).run(use_fast=False)
