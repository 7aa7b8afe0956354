"""The comment lines of a PO file (flags, references, comments, previous strings), read
the way polib reads them, at a fraction of polib's cost.

Why: :mod:`transkit.po.syntax` already reads every string of a catalog as msgfmt does;
polib was parsing the whole file a second time only for its comment lines, and that
second parse was most of the time of ``transkit check``. The comment lines of an entry
are exactly the ``#`` lines between the previous entry's first keyword and its own (a
comment cannot stand inside an entry: msgfmt would end the entry there), so finding them
needs the scan's keyword lines and one pass over the lines that start with ``#``.

Each line is interpreted with polib's rules (first whitespace-separated token, one space
after ``# `` dropped, ``#~|`` lines ignored, references split on whitespace, ...), so an
entry reads the same as through polib; a differential test holds the two to that on every
corpus. Lines polib would refuse (``#word`` comments, a lone ``#~``, an unknown ``#|``
keyword) make :func:`read_comments` raise :class:`UnreadableComments`, and the caller
falls back to polib, whose error message then says what it could not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from polib import unescape

_COMMENT_LINE = re.compile(r"^[ \t\r\f\v]*#[^\n]*", re.M)
_PREVIOUS = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}


@dataclass(slots=True)
class Comments:
    """What the comment lines say about one entry."""

    flags: list[str] = field(default_factory=list)
    previous: list[str | None] = field(default_factory=lambda: [None, None, None])
    """Previous msgctxt, msgid, msgid_plural (``#|`` lines)."""
    translator: str = ""
    extracted: str = ""
    references: list[str] = field(default_factory=list)


class UnreadableComments(Exception):
    """A line polib refuses: let polib read the file and report it."""


_NONE = Comments()
"""What an entry without comment lines gets: shared, never changed."""


def read_comments(text: str, keyword_lines: Sequence[int]) -> Iterator[Comments]:
    """The comments of each entry after the first (the header), in file order.

    ``keyword_lines`` are the 1-based lines of each entry's first keyword, header
    included, in file order (what :func:`transkit.po.syntax.scan` reports). Raises
    :class:`UnreadableComments`, possibly after some entries, when a line needs polib's
    judgement.

    One entry's comments at a time: the caller turns each into its entry before the
    next is read, so a catalog of 230,000 messages never holds 230,000 of these
    (some 60 MB) next to its text.
    """
    count = len(keyword_lines)
    line = 1
    position = 0
    owner = 0  # index in keyword_lines of the first keyword after the current line
    emitted = 0  # entries (after the header) whose comments were given out
    pending: Comments | None = None  # the comments of the entry after those
    previous_kind: int | None = None
    for match in _COMMENT_LINE.finditer(text):
        start = match.start()
        line += text.count("\n", position, start)
        position = start
        while owner < count and keyword_lines[owner] <= line:
            owner += 1
        if owner == 0 or owner == count:
            # Header comments, and trailing comments after the last entry (polib
            # ignores these), describe no entry; polib still refuses the same lines.
            _read_line(match.group().strip(), Comments(), None)
            continue
        while emitted < owner - 1:  # the line belongs to a later entry: earlier ones are done
            yield _NONE if pending is None else pending
            emitted += 1
            pending, previous_kind = None, None
        if pending is None:
            pending = Comments()
        kind = _read_line(match.group().strip(), pending, previous_kind)
        if kind is not None:
            previous_kind = kind
    while emitted < count - 1:
        yield _NONE if pending is None else pending
        emitted += 1
        pending = None


def _read_line(line: str, comments: Comments, previous_kind: int | None) -> int | None:
    """Record one stripped comment line; returns the ``#|`` keyword it set, if any."""
    tokens = line.split(None, 2)
    first = tokens[0]
    if first == "#~|":
        return None  # polib ignores the previous strings of obsolete entries
    if first == "#~":
        if len(tokens) > 1:
            return None  # a line of an obsolete entry: read by the scanner
        raise UnreadableComments
    if first == "#:":
        if len(tokens) > 1:
            comments.references.extend(line[3:].split())
        return None
    if first == "#,":
        if len(tokens) > 1:
            comments.flags.extend(flag.strip() for flag in line[3:].split(","))
        return None
    if first == "#" or first.startswith("##"):
        comment = line.lstrip("#")
        comments.translator = _joined(comments.translator, comment[1:] if comment.startswith(" ") else comment)
        return None
    if first == "#.":
        if len(tokens) > 1:
            comments.extracted = _joined(comments.extracted, line[3:])
        return None
    if first == "#|":
        return _read_previous(line, tokens, comments, previous_kind)
    raise UnreadableComments


def _joined(text: str, line: str) -> str:
    """polib's way of adding a comment line: no line break after an empty text, so
    empty lines at the start of a comment are lost; the same here, to read the same."""
    return f"{text}\n{line}" if text else line


def _read_previous(line: str, tokens: list[str], comments: Comments, previous_kind: int | None) -> int:
    if len(tokens) <= 1:
        raise UnreadableComments
    rest = line[2:].lstrip()
    if tokens[1].startswith('"'):
        if previous_kind is None:
            raise UnreadableComments
        comments.previous[previous_kind] = (comments.previous[previous_kind] or "") + unescape(rest[1:-1])
        return previous_kind
    kind = _PREVIOUS.get(tokens[1])
    if kind is None or len(tokens) == 2:
        raise UnreadableComments
    value = rest[len(tokens[1]) :].lstrip()
    comments.previous[kind] = unescape(value[1:-1])
    return kind
