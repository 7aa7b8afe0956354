"""The template of a set of pages: one message per distinct segment, with its references
and a comment that says where on which page it lives, written as gettext writes a POT."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from transkit import __version__
from transkit.content.model import Page
from transkit.model.catalog import Entry
from transkit.po.layout import format_catalog, layout
from transkit.po.reader import CatalogSource

HEADER_COMMENTS = ("# Campaign pages, extracted by transkit.", "#", "#, fuzzy")
HEADER_FIELDS = (
    ("Project-Id-Version", "PACKAGE VERSION"),
    ("Report-Msgid-Bugs-To", ""),
    ("POT-Creation-Date", ""),
    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
    ("Language-Team", "LANGUAGE <LL@li.org>"),
    ("Language", ""),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("X-Generator", f"transkit {__version__}"),
)
_CREATED = re.compile(r"^POT-Creation-Date:.*$", re.MULTILINE)


def entries(pages: Sequence[Page]) -> list[Entry]:
    """One entry per distinct message, in the order of first use; a message used in
    several places gets every reference and every distinct comment line."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for page in pages:
        for segment in page.segments:
            references, comments = found.setdefault(segment.message, ([], []))
            reference = f"{page.shown}:{segment.line}"
            if reference not in references:
                references.append(reference)
            where = f"page “{page.title}”" + (f", section “{' › '.join(segment.section)}”" if segment.section else "")
            for line in (where, *segment.notes):
                if line not in comments:
                    comments.append(line)
    return [
        Entry(message, ("",), extracted_comment="\n".join(comments), references=tuple(references))
        for message, (references, comments) in found.items()
    ]


_LANGUAGE = re.compile(r"^Language:[^\n]*", re.MULTILINE)


def template_text(
    pages: Sequence[Page], previous: CatalogSource | None, now: dt.datetime, source_language: str | None = None
) -> str:
    """The POT text. With the ``previous`` template at the same path: unchanged when its
    messages, references and comments are the same (so extracting twice changes nothing),
    else its header kept with a new POT-Creation-Date. ``source_language`` is written in
    the ``Language`` header: the pages' language, when it is not English, for the checks
    to compare by its rules (a POT's ``Language`` is otherwise left empty)."""
    new_entries = entries(pages)
    if previous is not None and source_language is not None:
        if (previous.catalog.header_language or "") != source_language:
            header = _LANGUAGE.sub(f"Language: {source_language}", previous.header_msgstr)
            return format_catalog(layout(previous).header_comments, header, new_entries)
    if previous is not None:
        old = [(e.msgid, e.references, e.extracted_comment) for e in previous.catalog.entries if not e.obsolete]
        if old == [(e.msgid, e.references, e.extracted_comment) for e in new_entries]:
            return previous.text
    stamp = now.strftime("%Y-%m-%d %H:%M%z")
    if previous is not None and previous.header_msgstr:
        header = _CREATED.sub(f"POT-Creation-Date: {stamp}", previous.header_msgstr)
        comments: Sequence[str] = layout(previous).header_comments
    else:
        header = "".join(f"{key}: {stamp if key == 'POT-Creation-Date' else value}\n" for key, value in HEADER_FIELDS)
        comments = HEADER_COMMENTS
    if source_language is not None:
        header = _LANGUAGE.sub(f"Language: {source_language}", header)
    return format_catalog(comments, header, new_entries)
