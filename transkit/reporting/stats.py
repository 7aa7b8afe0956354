"""The coverage table of ``transkit stats`` as text, JSON or CSV."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from transkit.model.coverage import Coverage
from transkit.reporting.json_report import coverage_document, dump

COLUMNS = (
    ("language", "code"),
    ("language_name", "language"),
    ("total", "total"),
    ("translated", "translated"),
    ("fuzzy", "fuzzy"),
    ("untranslated", "untransl."),
    ("missing", "missing"),
    ("stale", "stale"),
    ("obsolete", "obsolete"),
    ("percent", "messages"),
    ("percent_words", "words"),
    ("native_name", "native name"),  # last: its width on a terminal varies by script
)


def render_text(
    template: str | None, coverage: Sequence[Coverage], stream: TextIO, domains: Sequence[tuple[str, str]] = ()
) -> None:
    """The table; with several ``domains`` (name, template), one table per domain."""
    if len(domains) > 1:
        for number, (name, shown) in enumerate(domains):
            if number:
                stream.write("\n")
            render_text(shown, [item for item in coverage if item.domain == name], stream)
        return
    # Without a template, each row is a catalog of its own: its file tells two of one language apart.
    columns = (("file", "file"), *COLUMNS) if template is None else COLUMNS
    rows = [[_cell(item, field) for field, _ in columns] for item in coverage]
    headers = [title for _, title in columns]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    first = len(columns) - len(COLUMNS)
    left = {0, first, first + 1, len(columns) - 1}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(widths[i]) if i in left else cell.rjust(widths[i]) for i, cell in enumerate(cells)
        ).rstrip()

    total = coverage[0].total if coverage else 0
    catalogs = "catalog" if len(coverage) == 1 else "catalogs"
    if template is None:  # no template: each catalog's total is its own messages
        stream.write(f"no template: each catalog against its own messages, {len(coverage)} {catalogs}\n\n")
    else:
        stream.write(f"{template}: {total} messages, {len(coverage)} {catalogs}\n\n")
    stream.write(line(headers) + "\n")
    for row in rows:
        stream.write(line(row) + "\n")


def _cell(item: Coverage, field: str) -> str:
    value = getattr(item, field)
    if field.startswith("percent"):
        return f"{value:.1f}%"
    return str(value)


def render_json(
    template: str | None, coverage: Sequence[Coverage], stream: TextIO, domains: Sequence[tuple[str, str]] = ()
) -> None:
    dump(coverage_document(template, coverage, domains), stream)


def render_csv(
    template: str | None, coverage: Sequence[Coverage], stream: TextIO, domains: Sequence[tuple[str, str]] = ()
) -> None:
    if not coverage:
        return
    fields = list(coverage[0].as_dict())
    writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for item in coverage:
        # Spreadsheets and JSON read true/false; Python's True/False would be text to them.
        writer.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in item.as_dict().items()})


FORMATS = {"text": render_text, "json": render_json, "csv": render_csv}
