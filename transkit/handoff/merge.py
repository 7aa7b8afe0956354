"""Applying a package to a catalog, unit by unit, deciding what may be written.

A unit is matched to its message by its id, which is a digest of the message's msgctxt,
msgid and msgid_plural (see :func:`~transkit.handoff.units.unit_id`): a unit whose id does
not match what it says its source is was damaged or edited by hand (the package is
refused); a unit whose source is no longer in the template is stale (that unit is
refused, the others apply). The checks then judge what is left: see
:func:`transkit.api.handoff.import_packages`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from transkit.handoff.units import Package, PackageError, State, Unit, unit_id
from transkit.model.catalog import Catalog, Entry, MessageKey
from transkit.po.layout import same_content


class Outcome(enum.Enum):
    APPLIED = "applied"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True)
class UnitResult:
    """What became of one unit, and why."""

    unit: Unit
    outcome: Outcome
    reason: str = ""
    key: MessageKey | None = None


@dataclass(frozen=True)
class Plan:
    """A package matched against a catalog: the entries it would write, by key."""

    results: tuple[UnitResult, ...]
    entries: dict[MessageKey, Entry]
    """The new entry of every unit that would change its message."""


def plan(package: Package, template: Catalog, catalog: Catalog) -> Plan:
    """Match every unit of ``package`` with its message and say what importing would do.

    Raises :class:`PackageError` for a unit whose id does not exist (matches no source)
    or is given twice: such a package was damaged on the way, and none of it applies.
    """
    by_id = {unit_id(e.msgctxt, e.msgid, e.msgid_plural): e for e in template.active_entries}
    present = {entry.key: entry for entry in catalog.active_entries}
    seen: set[str] = set()
    results: list[UnitResult] = []
    entries: dict[MessageKey, Entry] = {}
    for unit in package.units:
        if unit.id != unit_id(unit.msgctxt, unit.msgid, unit.msgid_plural):
            raise PackageError(
                f"unit id {unit.id!r} does not exist: it matches no message with the unit's source",
                package.path,
                unit.line,
            )
        if unit.id in seen:
            raise PackageError(f"unit {unit.id} is given twice", package.path, unit.line)
        seen.add(unit.id)
        ref = by_id.get(unit.id)
        if not any(unit.targets):  # nothing offered: nothing to apply or refuse, stale or not
            results.append(UnitResult(unit, Outcome.UNCHANGED, key=ref.key if ref is not None else None))
            continue
        if ref is None:
            results.append(
                UnitResult(unit, Outcome.REFUSED, "stale: its source changed or was removed since the export")
            )
            continue
        entry = present.get(ref.key)
        if entry is None:
            results.append(
                UnitResult(
                    unit, Outcome.REFUSED, "not in the catalog yet: run `transkit update`, then import again", ref.key
                )
            )
            continue
        result, new = _apply(unit, entry)
        results.append(result)
        if new is not None:
            entries[entry.key] = new
    return Plan(tuple(results), entries)


def _apply(unit: Unit, entry: Entry) -> tuple[UnitResult, Entry | None]:
    targets = unit.targets
    if len(targets) != len(entry.msgstr):
        reason = f"{len(targets)} plural forms where the catalog has {len(entry.msgstr)}"
        return UnitResult(unit, Outcome.REFUSED, reason, entry.key), None
    if not all(targets):
        empty = ", ".join(str(form) for form, text in enumerate(targets) if not text)
        return UnitResult(unit, Outcome.REFUSED, f"plural form {empty} left empty", entry.key), None
    if unit.state is State.FINAL:
        new = replace(
            entry,
            msgstr=targets,
            flags=tuple(flag for flag in entry.flags if flag != "fuzzy"),
            previous_msgctxt=None,
            previous_msgid=None,
            previous_msgid_plural=None,
        )
    elif targets != entry.msgstr and not entry.fuzzy:
        # A changed translation nobody signed off: written, but for review.
        new = replace(entry, msgstr=targets, flags=("fuzzy", *entry.flags))
    else:
        new = replace(entry, msgstr=targets)
    if same_content(new, entry):
        return UnitResult(unit, Outcome.UNCHANGED, key=entry.key), None
    return UnitResult(unit, Outcome.APPLIED, key=entry.key), new


def as_checked(entry: Entry) -> Entry:
    """The entry as the checks must judge it: as if in use (not fuzzy), since a fuzzy
    translation is one review away from being used and most checks pass over fuzzy ones."""
    return replace(entry, flags=tuple(flag for flag in entry.flags if flag != "fuzzy"))
