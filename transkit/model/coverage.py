"""How much of a template a catalog translates, counted the way editors and msgfmt expect.

Counts are relative to the template so that ``total == translated + fuzzy + untranslated
+ missing`` always holds; for a catalog in step with its template they equal what
``msgfmt --statistics`` prints, except that a plural message counts as translated only
when every one of its forms is filled (msgfmt looks at the first form only).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from transkit.model.catalog import Catalog, Entry, MessageKey

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|Z)?\s*$")


@dataclass(frozen=True)
class Coverage:
    """Translation state of one catalog against its template."""

    file: str
    language: str
    language_name: str
    """English name of the language (``Persian``)."""
    native_name: str
    """The language's name for itself (``فارسی``)."""
    total: int
    """Messages in the template."""
    translated: int
    """Template messages with every form filled and not fuzzy."""
    fuzzy: int
    untranslated: int
    """Template messages present in the catalog with an empty form (fuzzy or not)."""
    missing: int
    """Template messages absent from the catalog."""
    obsolete: int
    extra: int
    """Active catalog messages the template no longer has."""
    stale: int
    """Fuzzy, translated against an older source, extra or obsolete messages."""
    outdated: bool
    """Last revised before the template was created (PO-Revision-Date < POT-Creation-Date)."""
    words_total: int
    words_translated: int
    percent: float
    percent_words: float
    domain: str | None = None
    """The template (gettext domain) this catalog translates, set by the run."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def source_words(entry: Entry) -> int:
    """Words a translator has to translate: those of msgid and msgid_plural."""
    return len(entry.msgid.split()) + len((entry.msgid_plural or "").split())


def words_of(template_index: Mapping[MessageKey, Entry]) -> dict[MessageKey, int]:
    """:func:`source_words` of each template message, in the index's order."""
    return {key: source_words(entry) for key, entry in template_index.items()}


def index(catalog: Catalog) -> dict[MessageKey, Entry]:
    """Active messages by ``(msgctxt, msgid)``, built once: polib's find() is linear."""
    return {(entry.msgctxt, entry.msgid): entry for entry in catalog.entries if not entry.obsolete}  # Entry.key


def parse_date(value: str | None) -> dt.datetime | None:
    """A PO header date (``2023-07-10 09:00+0200``) as an aware datetime, None if malformed."""
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    offset = dt.timedelta(0)
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=dt.timezone(offset),
        )
    except ValueError:
        return None


def is_outdated(catalog: Catalog, template: Catalog, *, stepped: bool | None = None) -> bool:
    """True when the catalog was last revised before the template was created, and a
    translator has work in it (see :func:`in_step`); ``stepped`` is :func:`in_step`'s
    answer when the caller already knows it (no message missing and none extra)."""
    revised = parse_date(catalog.header_field("PO-Revision-Date"))
    created = parse_date(template.header_field("POT-Creation-Date"))
    if revised is None or created is None or revised >= created:
        return False
    # Dates a platform froze are not believed of a catalog with nothing left for a
    # translator: its messages the template's, each translated, none fuzzy or made for an
    # older source. A catalog msgmerge brought in step keeps its revision date, and its
    # changed messages (fuzzy) still wait for a translator: that one is outdated.
    return not (in_step(catalog, template) if stepped is None else stepped) or any(
        entry.fuzzy or entry.has_empty_form or entry.source_changed for entry in catalog.entries if not entry.obsolete
    )


def in_step(catalog: Catalog, template: Catalog) -> bool:
    """Whether the catalog's active messages are exactly the template's.

    The header dates say when a tool last touched a file, and platforms freeze them
    (Transifex writes the revision date it was given, and the template's creation date
    of its own copy): an up-to-date catalog may carry dates older than its template's.
    Its messages cannot lie: when they are the template's, it has been merged since.
    """
    have = index(catalog)
    wanted = index(template)
    return len(have) == len(wanted) and all(key in have for key in wanted)


def compute(
    catalog: Catalog,
    template: Catalog,
    template_index: Mapping[MessageKey, Entry] | None = None,
    template_words: Mapping[MessageKey, int] | None = None,
) -> Coverage:
    """Coverage of one catalog; pass ``template_index`` (and :func:`words_of` it) when
    computing many, so that the template's messages are indexed and counted once."""
    wanted = template_index if template_index is not None else index(template)
    words_by_key = template_words if template_words is not None else words_of(wanted)
    # One pass over each side, keys built inline (Entry.key is a property: a call per
    # message); the counts are those of the plain definitions in the field docs above.
    have = {(entry.msgctxt, entry.msgid): entry for entry in catalog.entries if not entry.obsolete}
    translated = fuzzy = untranslated = missing = words_total = words_translated = 0
    for key, words in words_by_key.items():
        words_total += words
        entry = have.get(key)
        if entry is None:
            missing += 1
        elif not entry.msgstr or "" in entry.msgstr:  # Entry.has_empty_form
            untranslated += 1
        elif "fuzzy" in entry.flags:  # Entry.fuzzy
            fuzzy += 1
        else:
            translated += 1
            words_translated += words
    extra = stale = 0
    for key, entry in have.items():
        if key not in wanted:
            extra += 1
            stale += 1
        elif entry.fuzzy or entry.source_changed:
            stale += 1
    obsolete = sum(1 for entry in catalog.entries if entry.obsolete)
    stale += obsolete
    total = len(wanted)
    language = catalog.language
    return Coverage(
        file=catalog.display_path,
        language=catalog.code,
        language_name=language.english_name if language else "",
        native_name=language.native_name if language else "",
        total=total,
        translated=translated,
        fuzzy=fuzzy,
        untranslated=untranslated,
        missing=missing,
        obsolete=obsolete,
        extra=extra,
        stale=stale,
        outdated=is_outdated(catalog, template, stepped=missing == 0 and extra == 0),
        words_total=words_total,
        words_translated=words_translated,
        percent=_percent(translated, total),
        percent_words=_percent(words_translated, words_total),
    )


def _percent(part: int, whole: int) -> float:
    # Floor to one decimal: 99.96 % must not be shown as a complete 100.0 %.
    if whole == 0:
        return 100.0
    return int(part * 1000 / whole) / 10
