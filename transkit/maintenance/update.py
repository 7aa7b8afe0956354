"""``transkit update`` as a library call: merge a template into catalogs and say what
changed, leaving the writing to the caller (the command writes only when all is ready).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from transkit.errors import CatalogError
from transkit.maintenance.merge import Decision, Merged, merge
from transkit.model.catalog import Catalog, Entry
from transkit.po.headers import revision_date, set_header_field
from transkit.po.layout import format_catalog, layout
from transkit.po.reader import CatalogSource


@dataclass(frozen=True)
class CatalogUpdate:
    """One catalog merged with the template, ready to be written."""

    source: CatalogSource
    merged: Merged
    text: str
    data: bytes

    @property
    def changed(self) -> bool:
        """Whether writing would change the file at all."""
        return self.text != self.source.text

    def summary(self) -> dict[str, int]:
        """Counts a maintainer reads: added, fuzzy, obsoleted, dropped, revived, unchanged."""
        counts = self.merged.counts()
        return {
            "added": counts[Decision.NEW],
            "fuzzy": counts[Decision.FUZZY],
            "obsoleted": counts[Decision.OBSOLETED],
            "dropped": counts[Decision.DROPPED],
            "revived": counts[Decision.REVIVED],
            "unchanged": counts[Decision.KEPT],
        }


def update_catalog(
    template: Catalog,
    source: CatalogSource,
    *,
    keep_obsolete: bool = True,
    now: datetime | None = None,
) -> CatalogUpdate:
    """Merge ``template`` into the catalog read as ``source``.

    The header keeps everything the translators wrote; ``POT-Creation-Date`` follows the
    template, and ``PO-Revision-Date`` moves to now only when translations changed.
    """
    merged = merge(template, source.catalog, keep_obsolete=keep_obsolete)
    header = source.header_msgstr
    created = template.header_field("POT-Creation-Date")
    if created:
        header = set_header_field(header, "POT-Creation-Date", created)
    if merged.translations_changed:
        header = set_header_field(header, "PO-Revision-Date", revision_date(now))
    text, data = render(source, header, merged.entries)
    return CatalogUpdate(source, merged, text, data)


def render(source: CatalogSource, header: str, entries: Iterable[Entry]) -> tuple[str, bytes]:
    """The catalog's new text and bytes: messages that did not change keep their text as
    written (wrapping, comments, order of lines), changed ones are laid out as gettext does.

    Shared by every command that rewrites catalogs from entries, so that a diff shows only
    the messages a command meant to change.
    """
    written = layout(source)
    text = format_catalog(written.header_comments, header, entries, original=source, original_layout=written)
    try:
        data = text.encode(source.charset, "surrogateescape")
    except UnicodeEncodeError as error:
        raise CatalogError(
            f"the text {text[error.start : error.end]!r} cannot be written in this "
            f"catalog's charset {source.charset}; convert the catalog to UTF-8 (msgconv -t UTF-8)",
            source.catalog.display_path,
        ) from None
    return text, data
