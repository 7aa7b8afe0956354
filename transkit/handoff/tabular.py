"""The rows of a spreadsheet package, shared by XLSX and CSV: one row per message and
plural form, columns a volunteer can read, and the same columns read back.

A volunteer edits Target and Status and nothing else; the other columns say what the
message is (Unit ID, Context, Source, Source (plural), Form) and what to watch for
(Placeholders, Terms, Notes). A unit is final only when Status says ``final`` on every
one of its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from transkit.handoff.safety import MAX_UNITS, check_text
from transkit.handoff.units import Package, PackageError, State, Unit, codes, unit_id

COLUMNS = (
    "Unit ID",
    "Context",
    "Source",
    "Source (plural)",
    "Form",
    "Target",
    "Status",
    "Placeholders",
    "Terms",
    "Notes",
)
STATUS = {State.NEW: "new", State.TRANSLATED: "needs review", State.FINAL: "final"}
"""What Status shows; on import ``final`` means final, the others (and blank) do not."""
_KNOWN_STATUS = {"", "new", "needs review", "translated", "final"}


def unit_rows(unit: Unit) -> Iterator[tuple[str, ...]]:
    """The rows of one unit, one per target form."""
    notes = "\n".join(
        text
        for text in (
            unit.developer_note,
            " ".join(unit.references),
            unit.translator_note,
            unit.previous,
            *unit.findings,
        )
        if text
    )
    terms = "\n".join(hint.describe() for hint in unit.terms)
    for form, target in enumerate(unit.targets):
        hint = unit.form_hints[form] if unit.is_plural and form < len(unit.form_hints) else ""
        yield (
            unit.id,
            unit.msgctxt if unit.msgctxt is not None else "",
            unit.msgid,
            unit.msgid_plural if unit.msgid_plural is not None else "",
            f"{form}: {hint}" if unit.is_plural else "",
            target,
            STATUS[unit.state] if target else STATUS[State.NEW],
            " ".join(codes(unit.form_source(form))),
            terms,
            notes,
        )


def read_rows(rows: Iterable[tuple[int, Sequence[str]]], shown: str) -> list[Unit]:
    """Units from numbered rows (the header row first), as written by :func:`unit_rows`.

    Rows of one unit must follow each other, as exported. An empty Context is no
    msgctxt, unless the unit's id says it is an empty one (both are written the same).
    """
    iterator = iter(rows)
    header_line, header = next(iterator, (1, ()))
    names = [name.strip() for name in header]
    missing = [name for name in ("Unit ID", "Source", "Target", "Status") if name not in names]
    if missing:
        raise PackageError(f"not a transkit sheet: no column {', '.join(missing)}", shown, header_line)
    where = {name: names.index(name) for name in COLUMNS if name in names}

    def cell(row: Sequence[str], name: str) -> str:
        index = where.get(name)
        return row[index] if index is not None and index < len(row) else ""

    units: list[Unit] = []
    current: list[tuple[int, Sequence[str]]] = []
    for line, row in iterator:
        if not any(str(value).strip() for value in row):
            continue
        if current and cell(row, "Unit ID") != cell(current[0][1], "Unit ID"):
            units.append(_unit(current, cell, shown))
            current = []
        current.append((line, row))
        if len(units) > MAX_UNITS:
            raise PackageError(f"more than {MAX_UNITS} units", shown, line)
    if current:
        units.append(_unit(current, cell, shown))
    return units


def _unit(rows: list[tuple[int, Sequence[str]]], cell: Callable[[Sequence[str], str], str], shown: str) -> Unit:
    line, first = rows[0]
    statuses = []
    for row_line, row in rows:
        status = cell(row, "Status").strip().lower()
        if status not in _KNOWN_STATUS:
            raise PackageError(
                f"unknown Status {cell(row, 'Status')!r}; write final when the translation is done", shown, row_line
            )
        statuses.append(status)
    targets = tuple(check_text(cell(row, "Target"), shown, row_line) for row_line, row in rows)
    plural = cell(first, "Source (plural)")
    context = cell(first, "Context")
    if all(status == "final" for status in statuses) and all(targets):
        state = State.FINAL
    elif any(targets):
        state = State.TRANSLATED
    else:
        state = State.NEW
    msgid = cell(first, "Source")
    msgid_plural = plural or (None if len(rows) == 1 and not cell(first, "Form") else "")
    given_id = cell(first, "Unit ID").strip()
    msgctxt: str | None = context
    if not context and unit_id("", msgid, msgid_plural) != given_id:
        msgctxt = None
    return Unit(
        msgctxt=msgctxt,
        msgid=msgid,
        msgid_plural=msgid_plural,
        targets=targets,
        state=state,
        line=line,
        id=given_id,
    )


def package_rows(package: Package) -> Iterator[tuple[str, ...]]:
    """Every row of a package, header first."""
    yield COLUMNS
    for unit in package.units:
        yield from unit_rows(unit)
