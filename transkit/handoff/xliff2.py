"""XLIFF 2.0 work packages (OASIS Standard, 2014), for CAT tools.

One ``<unit>`` per message, one ``<segment>`` per plural form (``canResegment="no"``, so
a tool keeps them apart); placeholders and lone tags are ``<ph>``, tag pairs ``<pc>``,
their text in ``<originalData>``, so a tool shows them as tokens that cannot be retyped
or half deleted. What identifies the message (msgctxt, msgid, msgid_plural) is in the
metadata module, the termbase entries in the glossary module, everything a translator
reads in ``<notes>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from transkit.handoff.inline import fill, numbered
from transkit.handoff.safety import MAX_UNITS, check_text
from transkit.handoff.units import Code, Package, PackageError, Piece, State, Unit

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
_NSMAP = {None: NS, "mda": MDA, "gls": GLS}
FINAL_STATES = frozenset({"final", "reviewed"})
"""Segment states that mean a translator signed the translation off."""
_STATE = {State.NEW: "initial", State.TRANSLATED: "translated", State.FINAL: "final"}


def _q(name: str, namespace: str = NS) -> str:
    return f"{{{namespace}}}{name}"


def write(package: Package) -> bytes:
    """The package as an XLIFF 2.0 document."""
    root = etree.Element(_q("xliff"), nsmap=_NSMAP)
    root.set("version", "2.0")
    root.set("srcLang", package.source_language)
    root.set("trgLang", package.language.replace("_", "-"))
    file = etree.SubElement(root, _q("file"), id="f1", original=package.domain)
    for unit in package.units:
        _write_unit(file, unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_unit(file: Any, unit: Unit) -> None:
    element = etree.SubElement(file, _q("unit"), id=unit.id, canResegment="no")
    metadata = etree.SubElement(element, _q("metadata", MDA))
    group = etree.SubElement(metadata, _q("metaGroup", MDA), category="gettext")
    if unit.msgctxt is not None:
        etree.SubElement(group, _q("meta", MDA), type="msgctxt").text = unit.msgctxt
    etree.SubElement(group, _q("meta", MDA), type="msgid").text = unit.msgid
    if unit.msgid_plural is not None:
        etree.SubElement(group, _q("meta", MDA), type="msgid_plural").text = unit.msgid_plural
    if unit.terms:
        glossary = etree.SubElement(element, _q("glossary", GLS))
        for hint in unit.terms:
            entry = etree.SubElement(glossary, _q("glossEntry", GLS))
            etree.SubElement(entry, _q("term", GLS), source=hint.term_id).text = hint.source
            for approved in hint.approved:
                etree.SubElement(entry, _q("translation", GLS)).text = approved
            definition = hint.note
            if hint.forbidden:
                definition = f"Never write: {', '.join(hint.forbidden)}. {definition}".strip()
            if definition:
                etree.SubElement(entry, _q("definition", GLS)).text = definition
    notes = _notes(unit)
    if notes:
        holder = etree.SubElement(element, _q("notes"))
        for category, text, priority in notes:
            note = etree.SubElement(holder, _q("note"), category=category)
            if priority:
                note.set("priority", "1")
            note.text = text
    data: dict[str, str] = {}
    segments = []
    for form, target in enumerate(unit.targets):
        source_items, target_items = numbered(unit.form_source(form), target, f"{form}-")
        segments.append((form, source_items, target_items, target))
        for piece, _ in (*source_items, *target_items):
            if isinstance(piece, Code):
                data.setdefault(piece.text, f"d{len(data) + 1}")
    if data:
        original = etree.SubElement(element, _q("originalData"))
        for text, data_id in data.items():
            etree.SubElement(original, _q("data"), id=data_id).text = text
    for form, source_items, target_items, target in segments:
        segment = etree.SubElement(element, _q("segment"), id=f"f{form}")
        segment.set("state", _STATE[unit.state] if target else "initial")
        _fill(etree.SubElement(segment, _q("source")), source_items, data)
        if target:
            _fill(etree.SubElement(segment, _q("target")), target_items, data)


def _notes(unit: Unit) -> list[tuple[str, str, bool]]:
    notes = []
    if unit.msgctxt is not None:
        notes.append(("context", f"Context: {unit.msgctxt}", False))
    if unit.developer_note:
        notes.append(("developer", unit.developer_note, False))
    if unit.references:
        notes.append(("location", " ".join(unit.references), False))
    if unit.translator_note:
        notes.append(("translator", unit.translator_note, False))
    if unit.previous:
        notes.append(("previous", unit.previous, True))
    for finding in unit.findings:
        notes.append(("finding", finding, True))
    if unit.is_plural:
        forms = "; ".join(f"f{form}: {hint}" for form, hint in enumerate(unit.form_hints))
        notes.append(("plural", f"Plural forms, one segment each: {forms}", False))
    return notes


def _fill(element: Any, items: Sequence[tuple[Piece, str]], data: dict[str, str]) -> None:
    """Write pieces into ``element``: text, ``<ph>`` and ``<pc>`` in order."""

    def make_code(
        parent: Any,
        kind: str,
        piece: Code,
        code_id: str,
        children: Sequence[tuple[Piece, str]],
        closing: Code | None,
        last: Any,
    ) -> Any:
        if kind == "ph":
            return etree.SubElement(parent, _q("ph"), id=code_id, dataRef=data[piece.text])
        assert closing is not None
        pair = etree.SubElement(
            parent, _q("pc"), id=code_id, dataRefStart=data[piece.text], dataRefEnd=data[closing.text]
        )
        fill(pair, children, make_code)
        return pair

    fill(element, items, make_code)


# --------------------------------------------------------------------------
# Reading.


def read(root: Any, shown: str) -> Package:
    """The package an XLIFF 2.0 document holds; :class:`PackageError` when it is not one
    transkit can apply (another version, no target language, a damaged unit)."""
    if root.tag != _q("xliff") or root.get("version") != "2.0":
        raise PackageError("not an XLIFF 2.0 document", shown, root.sourceline)
    language = root.get("trgLang")
    if not language:
        raise PackageError("no trgLang: the package does not say its language", shown, root.sourceline)
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise PackageError(f"{len(files)} <file> elements; a transkit package has one", shown, root.sourceline)
    units = files[0].findall(_q("unit"))
    if len(units) > MAX_UNITS:
        raise PackageError(f"{len(units)} units; the limit is {MAX_UNITS}", shown)
    return Package(
        language=language,
        domain=files[0].get("original") or "",
        units=tuple(_read_unit(element, shown) for element in units),
        source_language=root.get("srcLang") or "",
        path=shown,
    )


def _read_unit(element: Any, shown: str) -> Unit:
    line = element.sourceline
    meta = {m.get("type"): m.text or "" for m in element.iter(_q("meta", MDA))}
    data = {d.get("id"): d.text or "" for d in element.iter(_q("data"))}
    segments = element.findall(_q("segment"))
    if not segments:
        raise PackageError(f"unit {element.get('id')} has no segment", shown, line)
    targets = []
    states = []
    for segment in segments:
        target = segment.find(_q("target"))
        targets.append(check_text(_text(target, data, shown) if target is not None else "", shown, segment.sourceline))
        states.append(segment.get("state") or "initial")
    source = segments[0].find(_q("source"))
    msgid = meta.get("msgid")
    if msgid is None:
        msgid = _text(source, data, shown) if source is not None else ""
    if all(state in FINAL_STATES for state in states):
        state = State.FINAL
    elif any(targets):
        state = State.TRANSLATED
    else:
        state = State.NEW
    return Unit(
        msgctxt=meta.get("msgctxt"),
        msgid=msgid,
        msgid_plural=meta.get("msgid_plural"),
        targets=tuple(targets),
        state=state,
        line=line,
        id=element.get("id") or "",
    )


def _text(element: Any, data: dict[str, str], shown: str) -> str:
    """The plain text of a source or target: inline codes replaced by their original data."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name in ("ph", "sc", "ec"):
            parts.append(_data(child, "dataRef", data, shown))
        elif name == "pc":
            parts.append(_data(child, "dataRefStart", data, shown))
            parts.append(_text(child, data, shown))
            parts.append(_data(child, "dataRefEnd", data, shown))
        elif name == "mrk":
            parts.append(_text(child, data, shown))
        elif name == "sm" or name == "em":
            pass  # annotation markers carry no text
        elif isinstance(child.tag, str):
            raise PackageError(f"unexpected <{name}> in a segment", shown, child.sourceline)
        parts.append(child.tail or "")
    return "".join(parts)


def _data(child: Any, attribute: str, data: dict[str, str], shown: str) -> str:
    ref = child.get(attribute)
    if ref not in data:
        raise PackageError(f"inline code {child.get('id')} refers to unknown data {ref!r}", shown, child.sourceline)
    return data[ref]
