"""Suppressing a finding where it is wrong, the gettext way.

A marker in the template's extracted comment (``#. transkit-ignore: T151``) reaches every
language, because msgmerge copies extracted comments into every catalog; a marker in one
catalog's translator comment (``# transkit-ignore: S103``) or flags
(``#, transkit-ignore-S103``) applies to that language only.  Markers name codes, code
prefixes or check names, or ``all``.  A marker that suppresses nothing, or names no check, is
reported (N101), so stale markers and typos do not pile up; write reasons on their own
comment line, not after the codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transkit.engine.registry import CheckInfo
from transkit.engine.selection import names_a_check, specificity
from transkit.model.catalog import Entry

_COMMENT = re.compile(r"transkit-ignore:\s*([^\n]*)", re.IGNORECASE)
_FLAG = re.compile(r"^transkit-ignore-(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    """One suppression marker and where it was written."""

    selectors: tuple[str, ...]
    file: str
    line: int
    language_wide: bool
    """True for a template marker, which applies to every language."""
    msgctxt: str | None = None
    msgid: str | None = None

    def matches(self, info: CheckInfo) -> bool:
        return any(specificity(selector, info) is not None for selector in self.selectors)

    def judged_by(self, enabled: list[CheckInfo]) -> bool:
        """Whether this run can tell that the marker is unused: every selector names a check
        that ran, or names no check at all (a typo is reported, not silently kept)."""
        return all(any(specificity(s, i) is not None for i in enabled) or not names_a_check(s) for s in self.selectors)

    def unknown_selectors(self) -> list[str]:
        """The selectors that name no check at all: typos, or checks since removed."""
        return [s for s in self.selectors if not names_a_check(s)]


def markers(entry: Entry, file: str, *, template: bool) -> tuple[Marker, ...]:
    """The markers an entry carries: extracted comments of a template, translator
    comments and flags of a catalog."""
    comment = entry.extracted_comment if template else entry.translator_comment
    if not comment and (template or not entry.flags):
        return ()  # most messages: nothing a marker could be written in
    found: list[Marker] = []
    for match in _COMMENT.finditer(comment):
        selectors = tuple(s for s in re.split(r"[\s,]+", match.group(1)) if s)
        if selectors:
            found.append(Marker(selectors, file, entry.line, template, entry.msgctxt, entry.msgid))
    if not template:
        flags = tuple(m.group(1) for m in map(_FLAG.match, entry.flags) if m)
        if flags:
            found.append(Marker(flags, file, entry.line, False, entry.msgctxt, entry.msgid))
    return tuple(found)
