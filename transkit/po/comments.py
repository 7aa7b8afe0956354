"""The comment lines of a PO file (flags, references, comments, previous strings), read
the way GNU msgfmt and msgcat read them, for every file :func:`transkit.po.syntax.scan`
accepts.

Why: :mod:`transkit.po.syntax` already reads every string of a catalog as msgfmt does;
the comments are the rest of what an entry says (its fuzzy flag above all: a fuzzy
message is not compiled, and its terms are not checked). They used to be read with
polib's rules, and a line polib refuses (``#word``, a lone ``#~``, ``#.note``) handed the
whole file to polib, which refused a file msgfmt accepts, and split lines at U+2028,
U+0085 and the other characters :meth:`str.splitlines` breaks at, where msgfmt only
breaks at ``\\n`` (a comment ``# note<U+2028>#, fuzzy`` became a fuzzy flag). Now no
valid file needs polib.

msgfmt's lexer, as observed with msgcat 0.21 (each rule is a test in
tests/po/test_pocomments.py):

* Only ``\\n`` ends a line, and a backslash right before it joins the two lines first,
  in comments too (``# a\\`` then ``#, fuzzy`` is one comment, not a flag).
* ``#`` starts a comment wherever a token may start, also after the last string of an
  entry on the same line; a comment ends the entry, so it belongs to the next one
  (``msgstr "d" #, fuzzy`` makes the *next* message fuzzy).
* ``#~`` (obsolete) and ``#|`` / ``#~|`` (previous strings) mark the rest of the line as
  tokens; alone on a line they mark nothing.
* What follows ``#`` decides the comment's kind by its first character: ``,`` or ``!``
  flags (split at commas and blanks; ``range:`` and its bounds are one flag), ``:`` references (split at blanks), ``.`` an
  extracted comment, anything else a translator comment, ``#word`` included (msgcat
  writes it back as ``# word``). One blank after the kind is dropped, no more
  (``##x`` is the comment ``#x``; ``#  x`` is `` x``).
* An entry's flags are those of its last ``#,`` line: each one replaces what an earlier
  one said (``#, fuzzy`` then ``#, no-wrap`` is not fuzzy: msgfmt compiles the
  translation and counts it translated, so transkit must check it as translated too).

Two choices of transkit's, where they are not msgcat's byte for byte: blanks at the end
of a comment line are dropped (msgcat keeps them; they carry nothing, and a CRLF file
would put ``\\r`` at the end of every comment), and "blank" is ASCII space, tab, CR, FF
and VT, as for msgfmt, never the Unicode separators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transkit.po.syntax import decode_escapes

_BLANKS = " \t\r\f\v"
# Every line holding a '#', from its start; whether that '#' starts a comment (it may
# be inside a string) is for _TOKEN to say.
_HASH_LINE = re.compile(r"^[^\n#]*+#[^\n]*+", re.M)
# A line that is one comment from its first character: nearly all of them.
_PLAIN = re.compile(r"[ \t\r\f\v]*+#(?![~|])")
# What follows the '#' of each such line.
_PLAIN_BODIES = re.compile(r"^[ \t\r\f\v]*+#(?![~|])([^\n]*+)", re.M).findall
_TOKEN = re.compile(
    r"""[ \t\r\f\v]*+(?:
        "((?:[^"\\\n]|\\.)*+)"              # 1 a string's body
      | (\#~\|?|\#\|)                       # 2 a '#~', '#~|' or '#|' marker
      | \#([^\n]*+)                         # 3 a comment, to the end of the line
      | ([A-Za-z_$][A-Za-z0-9_$]*+)         # 4 a keyword
      | [^"\#\n \t\r\f\v]                   # anything else: a number, a bracket
    )""",
    re.X,
)
_LIST_SPLIT = re.compile(r"[,\s]+", re.ASCII)
_BLANK_SPLIT = re.compile(r"[ \t\r\f\v]+")
_PREVIOUS = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}
_MARKS = ("~", "|")


@dataclass(slots=True, init=False)
class Comments:
    """What the comment lines say about one entry."""

    flags: list[str]
    previous: list[str | None]
    """Previous msgctxt, msgid, msgid_plural (``#|`` lines)."""
    translator: list[str]
    """One item per ``#`` line."""
    extracted: list[str]
    """One item per ``#.`` line."""
    references: list[str]

    def __init__(self) -> None:
        # One is made for nearly every message read: plain assignments cost a third of
        # what the dataclass's five default factories did.
        self.flags = []
        self.previous = [None, None, None]
        self.translator = []
        self.extracted = []
        self.references = []


_NONE = Comments()
"""What an entry without comment lines gets: shared, never changed."""

Notes = tuple[tuple[str, ...], str | None, str | None, str | None, str, str, tuple[str, ...]]
"""What an entry's comment lines say, as :class:`transkit.model.catalog.Entry` holds it
and in its order: flags, previous msgctxt, msgid and msgid_plural, translator comment,
extracted comment, references."""

NO_NOTES: Notes = ((), None, None, None, "", "", ())
"""What an entry without comment lines says."""


def read_notes(notes: str) -> Notes:
    """What one entry's comment lines say; ``notes`` is
    :attr:`transkit.po.syntax.ScannedEntry.notes`.

    The scan, which reads every token, tells which text holds an entry's comments, so
    this reads a few lines, not the file. It starts where a token may start, and each of
    its lines is read as msgfmt reads a comment line (:func:`_read_hash_line`).
    """
    bodies = _PLAIN_BODIES(notes)
    if notes.count("#") == len(bodies):
        # Nearly always: every '#' starts a line's one comment (no '#~', '#|', no '#'
        # inside a comment or after a token): read each comment, without a line walk,
        # and references and flags (most lines) without a Comments.
        references: list[str] = []
        flags: tuple[str, ...] = ()
        others: Comments | None = None
        for body in bodies:
            kind = body[:1]
            if kind == ":":
                references += body[1:].split() if body.isascii() else _references(body)
            elif kind == "," or kind == "!":
                flags = _flag_words(body)  # the last '#,' line counts
            else:
                if others is None:
                    others = Comments()
                _record(body, others)
        if others is None:
            return (flags, None, None, None, "", "", tuple(references))
        comments = others
        comments.flags = list(flags)
        comments.references = references
    else:
        comments = Comments()
        state = _State()
        for match in _HASH_LINE.finditer(notes):
            _read_hash_line(notes, match.start(), match.end(), comments, state)
    previous = comments.previous
    return (
        tuple(filter(None, comments.flags)),
        previous[0],
        previous[1],
        previous[2],
        "\n".join(comments.translator) if comments.translator else "",
        "\n".join(comments.extracted) if comments.extracted else "",
        tuple(comments.references),
    )


def _read_hash_line(text: str, start: int, end: int, comments: Comments, state: _State) -> None:
    """One line that holds a ``#``, from ``start`` (a line's start, or where a token may
    start) to its end."""
    if text[start] == "#" and text[start + 1 : start + 2] not in _MARKS:
        _record(text[start + 1 : end], comments)  # nearly every line: one comment
    else:
        _read_line(text, start, end, comments, state)


@dataclass(slots=True)
class _State:
    """Which previous string (``#| msgid`` ...) a ``#| "..."`` line continues."""

    kind: int | None = None


def _read_line(text: str, start: int, end: int, comments: Comments, state: _State) -> None:
    plain = _PLAIN.match(text, start, end)
    if plain is not None:
        _record(text[plain.end() : end], comments)
        return
    previous = False  # in a '#|' part: it lasts to the end of the line
    position = start
    while position < end:
        token = _TOKEN.match(text, position, end)
        if token is None:
            return  # blanks to the end of the line
        position = token.end()
        which = token.lastindex
        if which == 1:
            if previous and state.kind is not None:
                comments.previous[state.kind] = (comments.previous[state.kind] or "") + decode_escapes(token[1])
        elif which == 2:
            previous = token[2].endswith("|")
        elif which == 3:
            _record(token[3], comments)
            return
        elif which == 4 and previous:
            state.kind = _PREVIOUS.get(token[4])
            if state.kind is not None:
                comments.previous[state.kind] = ""


def _flag_words(body: str) -> tuple[str, ...]:
    """The flags of a ``#,`` or ``#!`` comment: ``body`` is what follows its ``#``.

    A file has few different flag lines (``#, python-format`` thousands of times): the
    first few hundred are read once per process.
    """
    flags = _FLAG_LINES.get(body)
    if flags is not None:
        return flags
    words = body.rstrip(_BLANKS)[1:]
    # ASCII: str.split() splits at the blanks of msgfmt, and faster
    split = words.replace(",", " ").split() if words.isascii() else [w for w in _LIST_SPLIT.split(words) if w]
    kept = []
    for number, word in enumerate(split):
        if word == "range:" and number + 1 < len(split):
            continue  # gettext reads "range:" with the word after it as one flag
        kept.append(f"range: {word}" if number and split[number - 1] == "range:" else word)
    flags = tuple(kept)
    if len(_FLAG_LINES) < _FLAG_LINES_KEPT:
        _FLAG_LINES[body] = flags
    return flags


_FLAG_LINES: dict[str, tuple[str, ...]] = {}
_FLAG_LINES_KEPT = 512


def _references(body: str) -> list[str]:
    """The references of a ``#:`` comment: ``body`` is what follows its ``#``."""
    if body.isascii():  # then str.split() splits at the blanks of msgfmt, and faster
        return body[1:].split()
    return [reference for reference in _BLANK_SPLIT.split(body[1:]) if reference]


def _record(body: str, comments: Comments) -> None:
    """One comment: ``body`` is what follows its ``#``."""
    body = body.rstrip(_BLANKS)
    kind = body[:1]
    if kind in (",", "!"):
        comments.flags = list(_flag_words(body))  # each '#,' line replaces what an earlier one said
    elif kind == ":":
        comments.references += _references(body)
    elif kind == ".":
        comments.extracted.append(body[2:] if body[1:2] == " " else body[1:])
    else:
        comments.translator.append(body[1:] if kind == " " else body)
