"""PO work packages: a catalog holding only the units, for translators who use a PO
editor (Poedit, Lokalize). Not fuzzy means final, as it does in any PO editor."""

from __future__ import annotations

from pathlib import Path

from transkit.errors import CatalogError
from transkit.handoff.safety import MAX_UNITS, check_text
from transkit.handoff.units import Package, PackageError, State, Unit
from transkit.model.catalog import Entry
from transkit.po.reader import decode, parse_catalog
from transkit.po.writer import render_entry, render_header

DOMAIN_FIELD = "X-Transkit-Domain"


def write(package: Package) -> bytes:
    """The package as a PO file, laid out as gettext writes one."""
    header = (
        f"Language: {package.language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        + (f"Plural-Forms: {package.plural_forms}\n" if package.plural_forms else "")
        + f"{DOMAIN_FIELD}: {package.domain}\n"
    )
    blocks = [
        render_header(
            [f"# Work package: {package.domain}, {package.language}. Remove fuzzy when a translation is final."], header
        )
    ]
    for unit in package.units:
        extracted = [
            unit.developer_note,
            *(f"Term: {hint.describe()}" for hint in unit.terms),
            unit.previous,
            *unit.findings,
        ]
        if unit.is_plural:
            extracted.append("Plural forms: " + "; ".join(f"[{n}] {hint}" for n, hint in enumerate(unit.form_hints)))
        entry = Entry(
            msgid=unit.msgid,
            msgstr=unit.targets,
            msgctxt=unit.msgctxt,
            msgid_plural=unit.msgid_plural,
            flags=("fuzzy",) if unit.state is State.TRANSLATED else (),
            translator_comment=unit.translator_note,
            extracted_comment="\n".join(text for text in extracted if text),
            references=unit.references,
        )
        blocks.append(render_entry(entry))
    return "\n".join(blocks).encode("utf-8")


def read(data: bytes, path: Path, shown: str) -> Package:
    """The package a PO file holds (it must parse as msgfmt would accept it)."""
    try:
        catalog = parse_catalog(decode(data, shown), path, shown)
    except CatalogError as error:
        raise PackageError(error.message, shown, error.line) from None
    entries = catalog.active_entries
    if len(entries) > MAX_UNITS:
        raise PackageError(f"{len(entries)} units; the limit is {MAX_UNITS}", shown)
    units = []
    for entry in entries:
        targets = tuple(check_text(text, shown, entry.line) for text in entry.msgstr)
        if not entry.fuzzy and all(targets):
            state = State.FINAL
        elif any(targets):
            state = State.TRANSLATED
        else:
            state = State.NEW
        units.append(Unit(entry.msgctxt, entry.msgid, entry.msgid_plural, targets, state, line=entry.line))
    return Package(
        catalog.header_language or "",
        catalog.header_field(DOMAIN_FIELD) or "",
        tuple(units),
        "",
        catalog.header_field("Plural-Forms") or "",
        shown,
    )
