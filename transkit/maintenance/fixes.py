"""Applying the fixes checks declare (``transkit check --fix``) to a catalog in memory.

A fix is the new text of whole forms or header fields (:class:`~transkit.model.findings.Fix`),
computed by the check on the message as it is. Two fixes of one pass may concern the
same form (a phone number to respell and to isolate, leading and trailing whitespace):
only the first is applied and the checks run again on the result, as ruff does, so that
every fix is computed on the text it rewrites. Writing is the caller's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from transkit.model.catalog import Catalog, MessageKey
from transkit.model.findings import Finding
from transkit.po.headers import set_header_field


@dataclass(frozen=True)
class FixState:
    """A catalog with the fixes applied so far."""

    catalog: Catalog
    header_msgstr: str
    applied: tuple[Finding, ...] = ()


def apply_fixes(state: FixState, findings: Sequence[Finding]) -> FixState:
    """``state`` with the fixes of ``findings`` applied, each form and field at most once."""
    catalog = state.catalog
    entries = {entry.key: entry for entry in catalog.entries if not entry.obsolete}
    touched_forms: set[tuple[MessageKey, int]] = set()
    touched_fields: set[str] = set()
    header_msgstr, header = state.header_msgstr, list(catalog.header)
    applied: list[Finding] = []
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        if fix.msgstr:
            key = (finding.msgctxt, finding.msgid or "")
            entry = entries.get(key)
            if entry is None or finding.msgid is None:
                continue
            if any((key, index) in touched_forms or index >= len(entry.msgstr) for index, _ in fix.msgstr):
                continue  # the next pass judges the form again, as rewritten
            if all(entry.msgstr[index] == text for index, text in fix.msgstr):
                continue  # a fix that changes nothing would be offered again forever
            forms = list(entry.msgstr)
            for index, text in fix.msgstr:
                forms[index] = text
                touched_forms.add((key, index))
            entries[key] = dataclasses.replace(entry, msgstr=tuple(forms))
        if fix.header:
            if any(name.lower() in touched_fields for name, _ in fix.header):
                continue
            if all(catalog.header_field(name) == value for name, value in fix.header):
                continue
            for name, value in fix.header:
                header_msgstr = set_header_field(header_msgstr, name, value)
                header = [(k, v) for k, v in header if k.lower() != name.lower()] + [(name, value)]
                touched_fields.add(name.lower())
        applied.append(finding)
    if not applied:
        return state
    new_entries = tuple(entry if entry.obsolete else entries[entry.key] for entry in catalog.entries)
    return FixState(
        dataclasses.replace(catalog, entries=new_entries, header=tuple(header)),
        header_msgstr,
        (*state.applied, *applied),
    )
