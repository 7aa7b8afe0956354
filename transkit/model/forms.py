"""What the entry checks of text share: each ``msgstr[n]`` paired with the source it
translates, problems reported once per message with the forms they concern, and text
quoted the way their messages quote it.

A plural message is several translations of two sources; these helpers make it look like
a list of singular ones to every check that compares text (families ``M`` and ``S``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from transkit.model.catalog import Catalog, Entry
from transkit.model.findings import Problem


def nplurals(catalog: Catalog) -> int | None:
    """``nplurals`` of the catalog's Plural-Forms header, or None when it does not say."""
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.header_field("Plural-Forms") or "")
    return int(match.group(1)) if match else None


def _nplurals(catalog: Catalog) -> int | None:
    """:func:`nplurals`, the header's value read once: every plural message asks, once per check."""
    return _plural_count(catalog.header_field("Plural-Forms") or "")


@lru_cache(maxsize=256)
def _plural_count(plural_forms: str) -> int | None:
    match = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    return int(match.group(1)) if match else None


def form_pairs(entry: Entry, catalog: Catalog) -> list[tuple[int, str, str]]:
    """``(index, source, translation)`` for every form of a message.

    ``msgstr[0]`` translates ``msgid`` and the others ``msgid_plural``; a language with a
    single form (``nplurals=1``: Chinese, Thai) translates ``msgid_plural`` in it.
    """
    if entry.msgid_plural is None:  # not entry.is_plural, without the property call
        return [(0, entry.msgid, entry.msgstr[0] if entry.msgstr else "")]
    single = len(entry.msgstr) == 1 or _nplurals(catalog) == 1
    plural = entry.msgid_plural or entry.msgid
    return [(index, plural if (index > 0 or single) else entry.msgid, text) for index, text in enumerate(entry.msgstr)]


def per_form(entry: Entry, found: Iterable[tuple[int, str]]) -> Iterator[Problem]:
    """One problem per distinct message; ``msgstr[n]:`` in front when not every form has it."""
    if isinstance(found, list) and not found:
        return iter(())  # most messages: no generator to build for nothing
    return _per_form(entry, found)


def _per_form(entry: Entry, found: Iterable[tuple[int, str]]) -> Iterator[Problem]:
    forms: dict[str, list[int]] = {}
    for index, message in found:
        forms.setdefault(message, [])
        if index not in forms[message]:
            forms[message].append(index)
    every = len(entry.msgstr)
    for message, indexes in forms.items():
        if not entry.is_plural or every <= 1 or len(indexes) == every:
            yield Problem(message)
        else:
            for index in indexes:
                yield Problem(f"msgstr[{index}]: {message}")


def quote(text: str) -> str:
    """Text cited in a finding's message: between curly quotation marks, as written."""
    return f"\u201c{text}\u201d"
