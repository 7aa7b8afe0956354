"""CSV work packages: the XLSX columns in a text file, for tools that take nothing else.

CSV has no cell types, so a spreadsheet that opens it decides what a cell is: every cell
that would start a formula is written with a leading apostrophe (and read back without
it, see :mod:`transkit.handoff.safety`), and an imported Target that still starts with
``=`` is refused. Language and Domain are columns of every row: a CSV file has nowhere
else to say them.
"""

from __future__ import annotations

import csv
import io

from transkit.handoff.safety import neutralise, restore
from transkit.handoff.tabular import package_rows, read_rows
from transkit.handoff.units import Package, PackageError

_EXTRA = ("Language", "Domain")


def write(package: Package) -> bytes:
    """The package as UTF-8 CSV (with a byte order mark, which Excel needs to read UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for number, row in enumerate(package_rows(package)):
        extra = _EXTRA if number == 0 else (package.language, package.domain)
        writer.writerow([neutralise(value) for value in (*row, *extra)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read(data: bytes, shown: str) -> Package:
    """The package a CSV file holds."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackageError(f"not UTF-8 text: byte {error.start}", shown) from None
    try:
        raw = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise PackageError(f"not a CSV file: {error}", shown) from None
    if not raw:
        raise PackageError("empty file", shown, 1)
    header = raw[0]
    rows: list[tuple[int, list[str]]] = []
    languages, domains = set(), set()
    for number, row in enumerate(raw, 1):
        if number > 1:
            target = _cell(header, row, "Target")
            if target.startswith("="):
                raise PackageError("a Target that starts with = is a formula: refused", shown, number)
            languages.add(restore(_cell(header, row, "Language")))
            domains.add(restore(_cell(header, row, "Domain")))
        rows.append((number, [restore(value) for value in row]))
    languages.discard("")
    domains.discard("")
    if len(languages) > 1 or len(domains) > 1:
        raise PackageError("rows of several languages or domains: export one package per language", shown)
    units = read_rows(rows, shown)
    return Package(next(iter(languages), ""), next(iter(domains), ""), tuple(units), path=shown)


def _cell(header: list[str], row: list[str], name: str) -> str:
    if name in header:
        index = header.index(name)
        return row[index] if index < len(row) else ""
    return ""
