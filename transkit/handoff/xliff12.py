"""XLIFF 1.2 work packages, for CAT tools that predate 2.0.

Laid out the way gettext-aware XLIFF tools (Translate Toolkit's po2xliff/xliff2po,
Pootle, Virtaal) expect: a plural message is a ``<group restype="x-gettext-plurals">``
of one ``<trans-unit>`` per form, ids ``ID[0]``, ``ID[1]``…; the msgctxt is a context
of type ``x-po-msgctxt``; references are ``po-reference`` contexts; ``approved="yes"``
marks a finished translation. Placeholders are ``<ph>`` and tag pairs ``<bpt>``/``<ept>``
holding their native text, which those tools turn back into the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from transkit.handoff.inline import fill, numbered
from transkit.handoff.safety import MAX_UNITS, check_text
from transkit.handoff.units import Code, Package, PackageError, Piece, State, Unit

NS = "urn:oasis:names:tc:xliff:document:1.2"
FINAL_STATES = frozenset({"final", "signed-off"})
"""Target states that mean signed off (as does ``approved="yes"``)."""
_STATE = {State.NEW: "new", State.TRANSLATED: "needs-review-translation", State.FINAL: "translated"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def write(package: Package) -> bytes:
    """The package as an XLIFF 1.2 document."""
    root = etree.Element(_q("xliff"), nsmap={None: NS})
    root.set("version", "1.2")
    file = etree.SubElement(
        root,
        _q("file"),
        original=package.domain,
        datatype="po",
        **{"source-language": package.source_language, "target-language": package.language.replace("_", "-")},
    )
    body = etree.SubElement(file, _q("body"))
    for unit in package.units:
        if unit.is_plural:
            group = etree.SubElement(body, _q("group"), id=unit.id, restype="x-gettext-plurals")
            # As po2xliff writes it: xliff2po reads a plural's fuzziness from the group.
            group.set("approved", "yes" if unit.state is State.FINAL and all(unit.targets) else "no")
            for form, target in enumerate(unit.targets):
                source = unit.msgid if form == 0 else unit.msgid_plural or ""
                _trans_unit(group, unit, f"{unit.id}[{form}]", source, target, context=form == 0)
        else:
            _trans_unit(body, unit, unit.id, unit.msgid, unit.targets[0], context=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _trans_unit(parent: Any, unit: Unit, unit_id: str, source: str, target: str, *, context: bool) -> None:
    element = etree.SubElement(parent, _q("trans-unit"), id=unit_id)
    element.set(_XML_SPACE, "preserve")
    element.set("approved", "yes" if unit.state is State.FINAL and target else "no")
    source_items, target_items = numbered(source, target, "")
    _fill(etree.SubElement(element, _q("source")), source_items)
    if target:
        target_element = etree.SubElement(element, _q("target"), state=_STATE[unit.state])
        _fill(target_element, target_items)
    if not context:
        return
    if unit.references:
        for reference in unit.references:
            group = etree.SubElement(element, _q("context-group"), name="po-reference", purpose="location")
            file, _, line = reference.rpartition(":")
            if not file or not line.isdigit():
                file, line = reference, ""
            etree.SubElement(group, _q("context"), **{"context-type": "sourcefile"}).text = file
            if line:
                etree.SubElement(group, _q("context"), **{"context-type": "linenumber"}).text = line
    if unit.msgctxt is not None or unit.msgid_plural is not None:
        group = etree.SubElement(element, _q("context-group"), name="po-entry", purpose="information")
        if unit.msgctxt is not None:
            etree.SubElement(group, _q("context"), **{"context-type": "x-po-msgctxt"}).text = unit.msgctxt
        if unit.msgid_plural is not None:
            etree.SubElement(group, _q("context"), **{"context-type": "x-po-msgid-plural"}).text = unit.msgid_plural
    if unit.developer_note:
        etree.SubElement(element, _q("note"), {"from": "developer"}).text = unit.developer_note
    extra = [*(f"Term: {hint.describe()}" for hint in unit.terms), unit.previous, *unit.findings]
    if unit.is_plural:
        extra.append("Plural forms: " + "; ".join(f"[{n}] {hint}" for n, hint in enumerate(unit.form_hints)))
    for text in extra:
        if text:
            etree.SubElement(element, _q("note"), {"from": "transkit"}).text = text


def _fill(element: Any, items: Sequence[tuple[Piece, str]]) -> None:
    """Write pieces into ``element``: text, ``<ph>``, and ``<bpt>``/``<ept>`` around a pair's
    content, all at one level (1.2's paired codes are not containers)."""
    fill(element, items, _code)


def _code(
    parent: Any,
    kind: str,
    piece: Code,
    code_id: str,
    children: Sequence[tuple[Piece, str]],
    closing: Code | None,
    last: Any,
) -> Any:
    if kind == "ph":
        child = etree.SubElement(parent, _q("ph"), id=code_id)
        child.text = piece.text
        return child
    assert closing is not None
    start = etree.SubElement(parent, _q("bpt"), id=code_id)
    start.text = piece.text
    fill(parent, children, _code, last=start)
    end = etree.SubElement(parent, _q("ept"), id=code_id)
    end.text = closing.text
    return end


# --------------------------------------------------------------------------
# Reading.


def read(root: Any, shown: str) -> Package:
    """The package an XLIFF 1.2 document holds."""
    if etree.QName(root).localname != "xliff" or root.get("version") not in ("1.2", "1.1"):
        raise PackageError("not an XLIFF 1.2 document", shown, root.sourceline)
    namespace = etree.QName(root).namespace or ""
    files = [child for child in root if etree.QName(child).localname == "file"]
    if len(files) != 1:
        raise PackageError(f"{len(files)} <file> elements; a transkit package has one", shown, root.sourceline)
    file = files[0]
    language = file.get("target-language")
    if not language:
        raise PackageError("no target-language: the package does not say its language", shown, file.sourceline)
    body = file.find(f"{{{namespace}}}body")
    units: list[Unit] = []
    for child in body if body is not None else ():
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "trans-unit":
            units.append(_unit(child, [child], namespace, shown))
        elif name == "group":
            members = [m for m in child if isinstance(m.tag, str) and etree.QName(m).localname == "trans-unit"]
            if not members:
                raise PackageError("empty group", shown, child.sourceline)
            units.append(_unit(child, members, namespace, shown))
        if len(units) > MAX_UNITS:
            raise PackageError(f"more than {MAX_UNITS} units", shown)
    return Package(language, file.get("original") or "", tuple(units), file.get("source-language") or "", path=shown)


def _unit(element: Any, members: list[Any], namespace: str, shown: str) -> Unit:
    first = members[0]
    contexts = {
        c.get("context-type"): c.text or "" for c in first.iter(f"{{{namespace}}}context") if c.get("context-type")
    }
    targets, final = [], True
    for member in members:
        target = member.find(f"{{{namespace}}}target")
        text = _text(target, shown) if target is not None else ""
        targets.append(check_text(text, shown, member.sourceline))
        state = target.get("state") if target is not None else None
        final = final and (member.get("approved") == "yes" or state in FINAL_STATES)
    source = first.find(f"{{{namespace}}}source")
    if final and all(targets):
        unit_state = State.FINAL
    elif any(targets):
        unit_state = State.TRANSLATED
    else:
        unit_state = State.NEW
    return Unit(
        msgctxt=contexts.get("x-po-msgctxt"),
        msgid=_text(source, shown) if source is not None else "",
        msgid_plural=contexts.get("x-po-msgid-plural"),
        targets=tuple(targets),
        state=unit_state,
        line=element.sourceline,
        id=element.get("id") or "",
    )


def _text(element: Any, shown: str) -> str:
    """The plain text of a source or target, inline codes as the native text they hold."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name in ("ph", "bpt", "ept", "it", "g", "mrk", "sub"):
            parts.append(_text(child, shown))
        elif name:
            raise PackageError(f"unexpected <{name}> in a segment", shown, child.sourceline)
        parts.append(child.tail or "")
    return "".join(parts)
