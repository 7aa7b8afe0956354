"""Reading packages that come from outside: bounded sizes, XML without entities or DTDs,
spreadsheet cells that are only ever text.

A package is written by someone else's tool, or by someone else. Import must not let it
expand an entity into gigabytes, fetch a URL, unpack a zip bomb, or hand a formula to the
next person who opens an export in Excel; so every reader goes through here first.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import defusedxml.ElementTree
from lxml import etree

from transkit.handoff.units import PackageError

MAX_PACKAGE_BYTES = 50 * 1024 * 1024
"""A package file larger than this is refused: the whole campaign is under 1 MB per language."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""An XLSX whose parts unpack to more than this is refused (a zip bomb, not a package)."""
MAX_ZIP_MEMBERS = 1000
MAX_UNITS = 200_000
"""More units than a catalog of any real project has."""
MAX_TEXT = 32_767
"""The longest text a cell or segment may hold: Excel's own limit for a cell."""

FORMULA_STARTS = ("=", "+", "-", "@")
"""What makes a spreadsheet read a typed or imported cell as a formula."""
_ESCAPE = "'"
_ESCAPED_STARTS = (*FORMULA_STARTS, "\t", "\r", _ESCAPE)


def read_limited(path: Path, shown: str) -> bytes:
    """The file's bytes, refused when it is not a file or larger than the limit."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageError(f"package too large ({size} bytes; the limit is {MAX_PACKAGE_BYTES})", shown)
        return path.read_bytes()
    except IsADirectoryError:
        raise PackageError("is a directory, not a work package", shown) from None
    except OSError as error:
        raise PackageError(f"cannot read file: {error.strerror or error}", shown) from None


def parse_xml(data: bytes, shown: str) -> Any:
    """The document's root element (lxml, for line numbers), once defusedxml has vetted it.

    defusedxml refuses DTDs, entity declarations and external references outright; lxml
    then parses the vetted bytes with entity resolution, DTD loading and the network off,
    so neither parser alone is trusted with a hostile file.
    """
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as error:
        raise PackageError(
            f"XML refused: {type(error).__name__} (packages may not declare a DTD or entities)", shown
        ) from None
    except defusedxml.ElementTree.ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise PackageError(f"not well-formed XML: {error}", shown, line) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise PackageError(f"not well-formed XML: {error.msg}", shown, error.lineno) from None


def check_zip(path: Path, shown: str) -> None:
    """Refuse an XLSX that is not a zip file or that would unpack to too much."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise PackageError("damaged spreadsheet: not an XLSX (zip) file", shown) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise PackageError(f"damaged spreadsheet: {len(members)} parts", shown)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageError(f"spreadsheet unpacks to {unpacked} bytes; the limit is {MAX_UNPACKED_BYTES}", shown)


def check_text(text: str, shown: str, line: int | None) -> str:
    """``text``, refused when longer than a cell may be."""
    if len(text) > MAX_TEXT:
        raise PackageError(f"text of {len(text)} characters; the limit is {MAX_TEXT}", shown, line)
    return text


def neutralise(cell: str) -> str:
    """A CSV cell that no spreadsheet will run as a formula.

    A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
    some spreadsheets skip before looking) gets a leading apostrophe, as do cells that
    already start with one, so that :func:`restore` undoes exactly this and nothing else.
    """
    return _ESCAPE + cell if cell.startswith(_ESCAPED_STARTS) else cell


def restore(cell: str) -> str:
    """The text :func:`neutralise` was given: one apostrophe removed where it added one."""
    if cell.startswith(_ESCAPE) and cell[1:].startswith(_ESCAPED_STARTS):
        return cell[1:]
    return cell
