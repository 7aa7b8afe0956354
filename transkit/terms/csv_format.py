"""The termbase as a CSV table, for reviewers who work in a spreadsheet.

One row per form, so a reviewer can filter by language or status and add a row for a new
form.  Columns (the header row names them; any order; the last four are optional)::

    id, kind, language, status, form, severity, region, display, note

``status`` is one of:

- ``source``: an English source form (``language`` is ``en`` or empty);
- ``approved``: an approved form for ``language`` (a code as written, or ``*``);
- ``inflection``: an inflection of the last approved form of that term and language;
- ``forbidden``: a forbidden form;
- ``display``: the language's own display form of a number.

Rows keep their order: the first source row and the first approved row of a language are
the preferred ones, and languages keep the order of their first row for each status.  The
first row of an id defines the term: it must give its ``kind``, and the term-level columns
(severity, region, display, note) are read from it; later rows repeat the kind and leave
those columns empty (or repeat the same values).  ``write_csv`` writes, per term, its
source rows, approved and inflection rows, forbidden rows, then display rows, so that
``read_csv`` gives back exactly the same Termbase.  Files saved by Excel with a UTF-8 BOM
or with ``;`` or tab as delimiter are read too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from transkit.errors import GlossaryError
from transkit.model.findings import Severity
from transkit.model.languages import to_tag
from transkit.project.paths import display_path
from transkit.terms.model import Term, Termbase, TermKind
from transkit.terms.toml_format import parses_as_phone

COLUMNS = ("id", "kind", "language", "status", "form", "severity", "region", "display", "note")
REQUIRED = COLUMNS[:5]
TERM_COLUMNS = COLUMNS[5:]
STATUSES = ("source", "approved", "inflection", "forbidden", "display")


def write_csv(termbase: Termbase | Iterable[Term]) -> str:
    """The termbase as CSV text (``\\n`` line ends) that read_csv reads back exactly."""
    terms = termbase.terms if isinstance(termbase, Termbase) else tuple(termbase)
    # csv quotes a field only for the characters of its line terminator: with "\r\n" a
    # note holding a lone "\r" is quoted too; each row then ends with a plain "\n".
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    lines: list[str] = []

    def writerow(row: Iterable[str]) -> None:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        lines.append(out.getvalue()[:-2] + "\n")

    writerow(COLUMNS)
    for term in terms:
        rows: list[tuple[str, str, str]] = [("en", "source", form) for form in term.source]
        for code, forms in term.approved.items():
            for approved in forms:
                rows.append((code, "approved", approved[0]))
                rows += [(code, "inflection", inflection) for inflection in approved[1:]]
        rows += [(code, "forbidden", form) for code, forbidden in term.forbidden.items() for form in forbidden]
        rows += [(code, "display", form) for code, form in term.display_forms.items()]
        for index, (language, status, form) in enumerate(rows):
            metadata = (term.severity.value, term.region or "", term.display or "", term.note)
            writerow((term.id, term.kind.value, language, status, form, *(metadata if index == 0 else ("",) * 4)))
    return "".join(lines)


@dataclass
class _Draft:
    """A term being assembled from its rows."""

    kind: TermKind
    severity: Severity
    region: str | None
    display: str | None
    note: str
    line: int
    source: list[str] = field(default_factory=list)
    approved: dict[str, list[list[str]]] = field(default_factory=dict)
    forbidden: dict[str, list[str]] = field(default_factory=dict)
    display_forms: dict[str, str] = field(default_factory=dict)


def read_csv(path: Path) -> Termbase:
    """Read a termbase table; every problem names the line of the row that has it."""
    shown = display_path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # keep \r in notes
            text = handle.read()
    except FileNotFoundError:
        raise GlossaryError("file not found", shown) from None
    except (OSError, UnicodeDecodeError) as problem:
        raise GlossaryError(f"cannot read file: {problem}", shown) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # Excel writes ; in many locales
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise GlossaryError(f"empty file; the header must name the columns {', '.join(COLUMNS)}", shown, 1) from None
    except csv.Error as problem:
        raise GlossaryError(f"invalid CSV: {problem}", shown, 1) from None
    for name in header:
        if name not in COLUMNS or header.count(name) > 1:
            wrong = "repeated" if name in COLUMNS else "unknown"
            raise GlossaryError(f"{wrong} column {name!r}; the columns are {', '.join(COLUMNS)}", shown, 1)
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise GlossaryError(f"missing column(s) {', '.join(missing)}", shown, 1)
    drafts: dict[str, _Draft] = {}
    line = reader.line_num + 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise GlossaryError(f"{len(cells)} cells but {len(header)} columns", shown, start)
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            _add(row, drafts, shown, start)
    except csv.Error as problem:
        raise GlossaryError(f"invalid CSV: {problem}", shown, line) from None
    terms = []
    for term_id, draft in drafts.items():
        if not draft.source:
            raise GlossaryError(f"term {term_id!r} has no source row", shown, draft.line)
        terms.append(
            Term(
                id=term_id,
                kind=draft.kind,
                source=tuple(draft.source),
                approved={code: tuple(tuple(form) for form in forms) for code, forms in draft.approved.items()},
                forbidden={code: tuple(forms) for code, forms in draft.forbidden.items()},
                severity=draft.severity,
                note=draft.note,
                region=draft.region,
                display=draft.display,
                display_forms=draft.display_forms,
                origin=shown,
            )
        )
    return Termbase(terms=tuple(terms), sources=(path,))


def _add(row: dict[str, str], drafts: dict[str, _Draft], shown: str, line: int) -> None:
    """Apply the row at ``line`` to the term it names."""

    def fail(message: str) -> GlossaryError:
        return GlossaryError(message, shown, line)

    term_id, kind_name = row["id"], row["kind"].strip()
    status, language, form = row["status"].strip().lower(), row["language"], row["form"]
    if not term_id.strip():
        raise fail("a row without an id")
    draft = drafts.get(term_id)
    if draft is None:
        if not kind_name:
            raise fail(f"a row for term {term_id!r} before its definition: its first row must give its kind")
        try:
            kind = TermKind(kind_name)
        except ValueError:
            raise fail(
                f"term {term_id!r}: unknown kind {kind_name!r}; kinds: {', '.join(k.value for k in TermKind)}"
            ) from None
        try:
            severity = Severity(row.get("severity", "").strip() or "error")
        except ValueError:
            raise fail(f"term {term_id!r}: severity must be error, warning or info, not {row['severity']!r}") from None
        draft = drafts[term_id] = _Draft(
            kind=kind,
            severity=severity,
            region=row.get("region") or None,
            display=row.get("display") or None,
            note=row.get("note", ""),
            line=line,
        )
        if kind is TermKind.PHONE and draft.display and not parses_as_phone(draft.display, draft.region):
            raise fail(
                f"term {term_id!r}: {draft.display!r} is not a phone number of region {draft.region or '(none)'}"
            )
    else:
        if kind_name and kind_name != draft.kind.value:
            raise fail(f"term {term_id!r}: kind {kind_name!r} differs from {draft.kind.value!r} given earlier")
        defined = {
            "severity": draft.severity.value,
            "region": draft.region or "",
            "display": draft.display or "",
            "note": draft.note,
        }
        for name in TERM_COLUMNS:
            if row.get(name, "") and row[name].strip() != defined[name].strip():
                raise fail(f"term {term_id!r}: {name} differs from the term's first row; give it once")
    if status not in STATUSES:
        raise fail(f"term {term_id!r}: unknown status {row['status']!r}; statuses: {', '.join(STATUSES)}")
    if not form.strip():
        raise fail(f"term {term_id!r}: an empty form")
    if status == "source":
        if language.strip() and (to_tag(language) or "").split("-")[0] != "en":
            raise fail(f"term {term_id!r}: source forms are English, not {language!r}")
        draft.source.append(form)
    elif not language.strip():
        raise fail(f"term {term_id!r}: a {status} row without a language")
    elif status == "approved":
        draft.approved.setdefault(language, []).append([form])
    elif status == "inflection":
        if not draft.approved.get(language):
            raise fail(f"term {term_id!r}: an inflection without an approved {language} form before it")
        draft.approved[language][-1].append(form)
    elif status == "forbidden":
        draft.forbidden.setdefault(language, []).append(form)
    else:
        if language in draft.display_forms:
            raise fail(f"term {term_id!r}: a second display form for {language!r}")
        draft.display_forms[language] = form
    if draft.kind is TermKind.PHONE and status in ("source", "display") and not parses_as_phone(form, draft.region):
        raise fail(f"term {term_id!r}: {form!r} is not a phone number of region {draft.region or '(none)'}")
