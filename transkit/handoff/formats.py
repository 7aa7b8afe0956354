"""Which format a package is in: chosen by name on export, recognised by content on
import (a file renamed by an agency still reads as what it is)."""

from __future__ import annotations

from pathlib import Path

from transkit.handoff import po_package, tables_csv, xliff2, xliff12, xlsx
from transkit.handoff.safety import parse_xml, read_limited
from transkit.handoff.units import Package, PackageError

EXTENSIONS = {"xliff": ".xliff", "xliff1": ".xlf", "xlsx": ".xlsx", "csv": ".csv", "po": ".po"}
"""Each export format and the extension of its files."""
_ZIP = b"PK\x03\x04"


def write_package(package: Package, format_name: str, *, rtl: bool = False) -> bytes:
    """The package's bytes in ``format_name`` (a key of :data:`EXTENSIONS`)."""
    if format_name == "xliff":
        return xliff2.write(package)
    if format_name == "xliff1":
        return xliff12.write(package)
    if format_name == "xlsx":
        return xlsx.write(package, rtl)
    if format_name == "csv":
        return tables_csv.write(package)
    if format_name == "po":
        return po_package.write(package)
    raise ValueError(f"unknown package format {format_name!r}")


def read_package(path: Path, shown: str) -> Package:
    """The package in a file of any export format; :class:`PackageError` when the file is
    none of them, is damaged, or breaks a limit."""
    data = read_limited(path, shown)
    if data.startswith(_ZIP):
        return xlsx.read(path, shown)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        root = parse_xml(data, shown)
        if root.get("version") == "2.0":
            return xliff2.read(root, shown)
        return xliff12.read(root, shown)
    if path.suffix.lower() == ".csv":
        return tables_csv.read(data, shown)
    if path.suffix.lower() in (".po", ".pot"):
        return po_package.read(data, path, shown)
    if path.suffix.lower() in (".xlsx", ".xliff", ".xlf"):
        raise PackageError(f"damaged package: the content is not {path.suffix[1:].upper()}", shown)
    raise PackageError("not a work package: expected XLIFF, XLSX, CSV or PO", shown)
