"""Writing catalogs back: messages that did not change keep their text as written.

A maintainer's diff after ``transkit update`` should show what changed and nothing else,
whichever tool last wrapped the file (msgcat, Poedit, Weblate, a text editor). So each
message of the old file that the new catalog keeps unchanged is copied as it was written;
only new and changed messages are rendered, the way GNU gettext renders them
(:mod:`transkit.po.writer`). A file that GNU ``msgcat`` formatted therefore comes back
byte-identical when nothing changed.

Copying needs to know which lines belong to which message. That is certain when the file
has the usual shape, one blank line between messages; when it has not (messages run
together, CRLF line ends, stray comments at the end), every message is rendered afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transkit.model.catalog import Entry, MessageKey
from transkit.po.reader import CatalogSource
from transkit.po.writer import render_entry, render_header


@dataclass(frozen=True)
class Layout:
    """The written text of a catalog's header and of each of its messages."""

    header_comments: tuple[str, ...]
    header_text: str | None
    """The header entry as written; None when the file's shape is unusual."""
    message_texts: dict[MessageKey, tuple[Entry, str]]
    """Each message as written, with what it was read as; empty when unusual."""


def layout(source: CatalogSource) -> Layout:
    """Split a catalog's text into its header and one block of lines per message."""
    lines = source.text.split("\n")
    header_comments = _header_comments(lines, source.header_keyword_line)
    paragraphs = _paragraphs(lines)
    entries = source.catalog.entries
    starts = (source.header_keyword_line, *source.entry_lines)
    if "\r" in source.text or len(paragraphs) != len(starts):
        return Layout(header_comments, None, {})
    texts: list[str] = []
    for (first, last), start in zip(paragraphs, starts):
        if not first <= start <= last:
            return Layout(header_comments, None, {})
        texts.append("\n".join(lines[first - 1 : last]) + "\n")
    return Layout(
        header_comments,
        texts[0],
        {entry.key: (entry, text) for entry, text in zip(entries, texts[1:])},
    )


def _header_comments(lines: Sequence[str], keyword_line: int) -> tuple[str, ...]:
    """The comment lines written just above the header's ``msgid ""``."""
    comments: list[str] = []
    for line in reversed(lines[: keyword_line - 1]):
        if not line.startswith("#"):
            break
        comments.append(line)
    return tuple(reversed(comments))


def _paragraphs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """1-based (first, last) line numbers of each run of non-blank lines."""
    found: list[tuple[int, int]] = []
    first = None
    for number, line in enumerate(lines, 1):
        if line.strip():
            if first is None:
                first = number
        elif first is not None:
            found.append((first, number - 1))
            first = None
    if first is not None:
        found.append((first, len(lines)))
    return found


def same_content(first: Entry, second: Entry) -> bool:
    """Whether two entries would be written the same (where they were read is ignored)."""
    return _content(first) == _content(second)


def _content(entry: Entry) -> tuple:
    return (
        entry.msgctxt,
        entry.msgid,
        entry.msgid_plural,
        entry.msgstr,
        entry.flags,
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
        entry.translator_comment,
        entry.extracted_comment,
        entry.references,
        entry.obsolete,
    )


def format_catalog(
    header_comments: Sequence[str],
    header_msgstr: str,
    entries: Iterable[Entry],
    *,
    original: CatalogSource | None = None,
    original_layout: Layout | None = None,
) -> str:
    """The text of a catalog: header, then every entry, one blank line between them.

    With ``original``, the header and messages it holds unchanged keep their text
    (``original_layout``: its :func:`layout`, when the caller already has it).
    """
    if original is None:
        kept = Layout((), None, {})
    else:
        kept = original_layout or layout(original)
    if (
        kept.header_text is not None
        and original is not None
        and original.header_msgstr == header_msgstr
        and kept.header_comments == tuple(header_comments)
    ):
        blocks = [kept.header_text]
    else:
        blocks = [render_header(header_comments, header_msgstr)]
    texts = kept.message_texts
    for entry in entries:
        old = texts.get(entry.key)
        if old is not None and same_content(old[0], entry):
            blocks.append(old[1])
        else:
            rendered = render_entry(entry)
            if rendered:  # gettext writes no obsolete entry without a translation
                blocks.append(rendered)
    return "\n".join(blocks)
