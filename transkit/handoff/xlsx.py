"""XLSX work packages, for volunteers who translate in a spreadsheet (openpyxl).

Every cell is a string cell with the Text number format and a quote prefix, so a phone
number stays ``078 055 800`` and a text starting with ``=`` stays text, even after a
volunteer edits it in Excel or LibreOffice. Sheets of right-to-left languages (ar, fa, ps)
are right to left. A Glossary sheet lists the termbase entries the package needs; an
About sheet says which language and project the package belongs to.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from transkit.handoff.safety import MAX_UNITS, check_zip
from transkit.handoff.tabular import COLUMNS, package_rows, read_rows
from transkit.handoff.units import Package, PackageError

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# openpyxl (50-60 ms to import) is imported by the calls that read or write a workbook, so
# that no other command pays for it.

SHEET = "Translations"
_WIDTHS = {"Unit ID": 20, "Context": 14, "Source": 50, "Source (plural)": 30, "Form": 14, "Target": 50, "Status": 13}
_EDITABLE = {"Target", "Status"}


def write(package: Package, rtl: bool) -> bytes:
    """The package as an XLSX workbook."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    for number, row in enumerate(package_rows(package), 1):
        for column, value in enumerate(row, 1):
            _text_cell(sheet, number, column, value, bold=number == 1)
    for column, name in enumerate(COLUMNS, 1):
        letter = sheet.cell(1, column).column_letter
        sheet.column_dimensions[letter].width = _WIDTHS.get(name, 30)
    sheet.freeze_panes = "A2"
    glossary = book.create_sheet("Glossary")
    terms = {hint.term_id: hint for unit in package.units for hint in unit.terms}
    for number, row in enumerate(
        [("Term", "Approved", "Never write", "Note")]
        + [(h.source, " | ".join(h.approved), " | ".join(h.forbidden), h.note) for h in terms.values()],
        1,
    ):
        for column, value in enumerate(row, 1):
            _text_cell(glossary, number, column, value, bold=number == 1)
    about = book.create_sheet("About")
    for number, row in enumerate(
        [
            ("format", "transkit work package 1"),
            ("language", package.language),
            ("domain", package.domain),
            ("source language", package.source_language),
            ("how", "Fill in Target; set Status to final when a translation is done. Keep Placeholders as they are."),
        ],
        1,
    ):
        for column, value in enumerate(row, 1):
            _text_cell(about, number, column, value)
    for each in (sheet, glossary, about):
        each.sheet_view.rightToLeft = rtl
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet: Worksheet, row: int, column: int, value: str, bold: bool = False) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils.exceptions import IllegalCharacterError

    cell = sheet.cell(row, column)
    try:
        cell.value = value
    except IllegalCharacterError:
        raise PackageError(f"text with a control character cannot go in a spreadsheet cell: {value[:40]!r}") from None
    cell.data_type = "s"  # openpyxl takes "=…" for a formula: this one is text, whatever it starts with
    cell.number_format = "@"
    cell.quotePrefix = True  # Excel and LibreOffice keep an edited cell text
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)


def read(path: Path, shown: str) -> Package:
    """The package an XLSX workbook holds; formulas are refused, never evaluated."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(path, shown)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles it does not know
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError) as error:
        raise PackageError(f"damaged spreadsheet: {error}", shown) from None
    except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds for a damaged file)
        raise PackageError(f"damaged spreadsheet: {type(error).__name__}", shown) from None
    try:
        if SHEET not in book.sheetnames or "About" not in book.sheetnames:
            raise PackageError(f"not a transkit package: no {SHEET} and About sheets", shown)
        about = {}
        for row in book["About"].iter_rows(max_row=20):
            values = [_value(cell, shown, "About") for cell in row[:2]]
            if len(values) == 2:
                about[values[0]] = values[1]
        rows = []
        for number, row in enumerate(book[SHEET].iter_rows(), 1):
            if number > MAX_UNITS * 10:
                raise PackageError("too many rows", shown, number)
            rows.append((number, [_value(cell, shown, SHEET) for cell in row[: len(COLUMNS) + 5]]))
    finally:
        book.close()
    units = read_rows(rows, shown)
    return Package(
        about.get("language", ""), about.get("domain", ""), tuple(units), about.get("source language", ""), path=shown
    )


def _value(cell: Cell | object, shown: str, sheet: str) -> str:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and getattr(cell, "data_type", "") == "f"):
        where = getattr(cell, "coordinate", "?")
        raise PackageError(
            f"formula in cell {sheet}!{where}: cells must hold text, formulas are refused",
            shown,
            getattr(cell, "row", None),
        )
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
