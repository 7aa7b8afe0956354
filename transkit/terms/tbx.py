"""TBX (ISO 30042) import and export, so the termbase travels to and from CAT tools.

Translators keep terminology in tools that exchange TBX; transkit reads what they send
(TBX-Basic / TBX v2 ``martif`` files and TBX v3 ``tbx`` files, with or without the TBX
namespace) and writes TBX-Basic that they can import.  Files come from outside, so they
are parsed with defusedxml: entity declarations (XML bombs, external entities) are refused
before anything is expanded or read, and an external DTD is never fetched.

Reading a third-party file: each ``termEntry``/``conceptEntry`` is one term of kind
``term`` and severity ``error``; its ``id`` attribute is the term id (else a slug of its
first source term).  The source language is the root's ``srcLang``, else its ``xml:lang``,
else ``en``; that language's terms are the source forms.  ``administrativeStatus``
preferred/admitted (or none) gives approved forms, preferred first; deprecated/superseded
gives forbidden forms.  Entry-level ``<note>`` elements are the note.

What transkit writes (TBX-Basic, valid against the v2 core structure; the ``x-transkit-*``
types are transkit's own, outside the TBX-Basic XCS, and other tools ignore them)::

    <termEntry id="helpline">              the id, when it is an ASCII XML name
      <admin type="x-transkit-id">         the id, when it is not (the attribute is t-N)
      <admin type="x-transkit-kind">       phone | number | url | name | phrase | term
      <admin type="x-transkit-severity">   error | warning | info
      <admin type="x-transkit-region">     when set
      <admin type="x-transkit-display">    when set
      <note>                               the note, when not empty
      <langSet xml:lang="en">              the source forms: preferred, then admitted
      <langSet xml:lang="pt-BR">           one per language code, in order of appearance
        <admin type="x-transkit-language">  the code as written (pt_BR; * is xml:lang
                                            "mul"), when it differs from xml:lang or
                                            is English
        <admin type="x-transkit-forbidden-position">, <...-display-position>: the
                                            language's rank in that table, when its order
                                            differs from the langSet order
        <tig> approved forms: preferredTerm-admn-sts first, then admittedTerm-admn-sts;
              an inflection of the form before it also has
              <termNote type="x-transkit-role">inflection</termNote>
        <tig> forbidden forms: deprecatedTerm-admn-sts
        <tig> the display form: <termNote type="x-transkit-role">display</termNote>

Text is written verbatim (carriage returns as ``&#13;``), so an export reads back to the
same Termbase, order included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from transkit.errors import GlossaryError
from transkit.model.findings import Severity
from transkit.model.languages import to_tag
from transkit.project.paths import display_path
from transkit.terms.model import ANY_LANGUAGE, Term, Termbase, TermKind
from transkit.terms.toml_format import parses_as_phone

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_X = "x-transkit-"
_ENTRIES, _LANGS, _UNITS = {"termEntry", "conceptEntry"}, {"langSet", "langSec"}, {"tig", "ntig", "termSec"}
_STATUS = {
    "preferredterm": "preferred",
    "preferred": "preferred",
    "deprecatedterm": "forbidden",
    "deprecated": "forbidden",
    "supersededterm": "forbidden",
    "superseded": "forbidden",
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Parser(DefusedXMLParser):
    """defusedxml's parser (no entities, no external references), noting element lines."""

    def __init__(self) -> None:
        super().__init__(forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.lines: dict[int, int] = {}
        start = self.parser.StartElementHandler

        def on_start(*args: Any) -> Element:
            element = start(*args)
            self.lines[id(element)] = self.parser.CurrentLineNumber
            return element

        self.parser.StartElementHandler = on_start


def read_tbx(path: Path) -> Termbase:
    """Read a TBX file (v2 or v3); anything unsafe or malformed is a GlossaryError."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("file not found", shown) from None
    except OSError as problem:
        raise GlossaryError(f"cannot read file: {problem}", shown) from None
    parser = _Parser()
    try:
        parser.feed(data)
        root = parser.close()
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise GlossaryError(
            "entity declarations are not allowed in a termbase (XML bomb or external entity)",
            shown,
            parser.parser.CurrentLineNumber,
        ) from None
    except DefusedXmlException as problem:
        raise GlossaryError(f"unsafe XML refused: {problem}", shown, parser.parser.CurrentLineNumber) from None
    except ParseError as problem:
        message = re.sub(r": line \d+, column \d+$", "", str(problem))
        raise GlossaryError(f"not well-formed XML: {message}", shown, problem.position[0]) from None
    return _Reader(parser.lines, shown).termbase(root, path)


class _Reader:
    def __init__(self, lines: dict[int, int], shown: str) -> None:
        self.lines, self.shown = lines, shown

    def fail(self, message: str, element: Element) -> GlossaryError:
        return GlossaryError(message, self.shown, self.lines.get(id(element)))

    def termbase(self, root: Element, path: Path) -> Termbase:
        if _local(root.tag) not in ("martif", "tbx"):
            raise self.fail(
                f"not a TBX file: the root element is <{_local(root.tag)}>, "
                "expected <martif> (TBX v2) or <tbx> (TBX v3)",
                root,
            )
        source_lang = root.get("srcLang") or root.get(XML_LANG) or "en"
        ids: set[str] = set()
        entries = [e for e in root.iter() if _local(e.tag) in _ENTRIES]
        terms = tuple(self.entry(entry, number, source_lang, ids) for number, entry in enumerate(entries, 1))
        return Termbase(terms=terms, sources=(path,))

    @staticmethod
    def meta(element: Element) -> dict[str, Element]:
        return {
            child.get("type", "")[len(_X) :]: child
            for child in element
            if _local(child.tag) in ("admin", "termNote") and child.get("type", "").startswith(_X)
        }

    def entry(self, entry: Element, number: int, source_lang: str, ids: set[str]) -> Term:
        meta = {key: "".join(e.itertext()) for key, e in self.meta(entry).items()}
        what = f"entry {meta.get('id') or entry.get('id') or number}"
        try:
            kind = TermKind(meta.get("kind", "term"))
        except ValueError:
            kinds = ", ".join(k.value for k in TermKind)
            raise self.fail(f"{what}: unknown kind {meta['kind']!r}; kinds: {kinds}", entry) from None
        try:
            severity = Severity(meta.get("severity", "error"))
        except ValueError:
            raise self.fail(
                f"{what}: severity must be error, warning or info, not {meta['severity']!r}", entry
            ) from None
        langsets = [child for child in entry if _local(child.tag) in _LANGS]
        marked = {id(ls): self.meta(ls) for ls in langsets}
        plain = [ls for ls in langsets if "language" not in marked[id(ls)]]
        src_tag = to_tag(source_lang) or source_lang
        sources = [ls for ls in plain if (to_tag(self.lang(ls)) or self.lang(ls)) == src_tag] or [
            ls for ls in plain if (to_tag(self.lang(ls)) or self.lang(ls)).split("-")[0] == src_tag.split("-")[0]
        ]
        source: list[tuple[int, list[str]]] = []
        tables: dict[str, dict[str, Any]] = {"approved": {}, "forbidden": {}, "display": {}}
        positions: dict[str, dict[str, int]] = {"forbidden": {}, "display": {}}
        for ls in langsets:
            lmeta = marked[id(ls)]
            code = "".join(lmeta["language"].itertext()) if "language" in lmeta else self.lang(ls)
            for table in positions:
                if f"{table}-position" in lmeta:
                    rank = "".join(lmeta[f"{table}-position"].itertext()).strip()
                    if not rank.isdigit():
                        raise self.fail(f"{what}: {table}-position must be a number, not {rank!r}", ls)
                    positions[table][code] = int(rank)
            forms = source if ls in sources else tables["approved"].setdefault(code, [])
            for unit in (child for child in ls if _local(child.tag) in _UNITS):
                text, status, role = self.unit(unit, what)
                if role == "display":
                    if code in tables["display"]:
                        raise self.fail(f"{what}: two display forms for {code!r}", unit)
                    tables["display"][code] = text
                elif status == "forbidden":
                    tables["forbidden"].setdefault(code, []).append(text)
                elif role == "inflection":
                    if not forms or ls in sources:
                        raise self.fail(f"{what}: an inflection without an approved form before it", unit)
                    forms[-1][1].append(text)
                else:
                    forms.append((0 if status == "preferred" else 1, [text]))
        if not source:
            raise self.fail(f"{what}: no term in the source language {source_lang!r}", entry)

        def ordered(table: str) -> dict[str, Any]:
            rank = positions.get(table, {})
            keys = sorted((k for k, v in tables[table].items() if v), key=lambda k: rank.get(k, 1 << 30))
            return {key: tables[table][key] for key in keys}

        term_id = meta.get("id") or entry.get("id") or self.slug(source, number, ids)
        ids.add(term_id)
        region, display = meta.get("region"), meta.get("display")
        display_forms = ordered("display")
        if kind is TermKind.PHONE:
            for form in (*(f[1][0] for f in source), display or "", *display_forms.values()):
                if form and not parses_as_phone(form, region):
                    raise self.fail(f"{what}: {form!r} is not a phone number of region {region or '(none)'}", entry)
        notes = [child for child in entry if _local(child.tag) == "note"]
        return Term(
            id=term_id,
            kind=kind,
            source=tuple(f[1][0] for f in sorted(source, key=lambda f: f[0])),
            approved={
                code: tuple(tuple(f[1]) for f in sorted(forms, key=lambda f: f[0]))
                for code, forms in ordered("approved").items()
            },
            forbidden={code: tuple(forms) for code, forms in ordered("forbidden").items()},
            severity=severity,
            note="\n".join("".join(n.itertext()) for n in notes),
            region=region,
            display=display,
            display_forms=display_forms,
            origin=self.shown,
        )

    def lang(self, langset: Element) -> str:
        code = langset.get(XML_LANG) or langset.get("lang")
        if not code:
            raise self.fail("a language section without xml:lang", langset)
        return code

    def unit(self, unit: Element, what: str) -> tuple[str, str, str]:
        """The text, status (preferred, admitted, forbidden) and transkit role of a term."""
        children = [c for c in unit]
        children += [c for g in children if _local(g.tag) == "termGrp" for c in g]
        term = next((c for c in children if _local(c.tag) == "term"), None)
        if term is None or not "".join(term.itertext()).strip():
            raise self.fail(f"{what}: a term without text", term if term is not None else unit)
        status, role = "admitted", ""
        for child in children:
            kind = child.get("type") if _local(child.tag) == "termNote" else _local(child.tag)
            value = "".join(child.itertext()).strip()
            if kind in ("administrativeStatus", "normativeAuthorization"):
                status = _STATUS.get(value.removesuffix("-admn-sts").lower(), "admitted")
            elif kind == _X + "role":
                role = value
        return "".join(term.itertext()), status, role

    @staticmethod
    def slug(source: list[tuple[int, list[str]]], number: int, ids: set[str]) -> str:
        base = re.sub(r"\W+", "-", min(source, key=lambda f: f[0])[1][0].lower()).strip("-_") or f"term-{number}"
        slug, n = base, 1
        while slug in ids:
            n += 1
            slug = f"{base}-{n}"
        return slug


_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported by transkit from the campaign termbase</p>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p type="XCSURI">TBXBasicXCSV02.xcs</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>"""


def _escape(text: str, term: Term) -> str:
    if _NOT_XML.search(text):
        raise GlossaryError(f"term {term.id!r}: {text!r} holds a character XML cannot carry", term.origin or None)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


def write_tbx(termbase: Termbase | Iterable[Term]) -> str:
    """The termbase as a TBX-Basic document that CAT tools import and read_tbx reads back."""
    terms = termbase.terms if isinstance(termbase, Termbase) else tuple(termbase)
    out = [_HEADER]
    used: set[str] = set()
    for number, term in enumerate(terms, 1):
        out += _entry(term, number, used)
    return "\n".join([*out, "    </body>", "  </text>", "</martif>", ""])


def _entry(term: Term, number: int, used: set[str]) -> list[str]:
    def e(text: str) -> str:
        return _escape(text, term)

    def admin(indent: str, kind: str, value: str) -> str:
        return f'{indent}<admin type="{_X}{kind}">{e(value)}</admin>'

    def tig(text: str, status: str | None, role: str | None = None) -> list[str]:
        notes = [f'<termNote type="administrativeStatus">{status}Term-admn-sts</termNote>'] if status else []
        notes += [f'<termNote type="{_X}role">{role}</termNote>'] if role else []
        return [
            "          <tig>",
            f"            <term>{e(text)}</term>",
            *(f"            {n}" for n in notes),
            "          </tig>",
        ]

    xml_id = term.id if _NAME.match(term.id) and term.id not in used else None
    if xml_id is None:
        xml_id = next(f"t-{n}" for n in range(number, 1 << 30) if f"t-{n}" not in used)
    used.add(xml_id)
    i = "        "
    out = [f'      <termEntry id="{xml_id}">']
    out += [admin(i, "id", term.id)] if xml_id != term.id else []
    out += [admin(i, "kind", term.kind.value), admin(i, "severity", term.severity.value)]
    out += [admin(i, "region", term.region)] if term.region is not None else []
    out += [admin(i, "display", term.display)] if term.display is not None else []
    out += [f"{i}<note>{e(term.note)}</note>"] if term.note else []
    out += [f'{i}<langSet xml:lang="en">']
    for index, source_form in enumerate(term.source):
        out += tig(source_form, "preferred" if index == 0 else "admitted")
    out += [f"{i}</langSet>"]
    codes = list(dict.fromkeys([*term.approved, *term.forbidden, *term.display_forms]))
    moved = {
        table: [c for c in codes if c in keys] != list(keys)
        for table, keys in (("forbidden", term.forbidden), ("display", term.display_forms))
    }
    for code in codes:
        tigs: list[str] = []
        for index, form in enumerate(term.approved.get(code, ())):
            tigs += tig(form[0], "preferred" if index == 0 else "admitted")
            for inflection in form[1:]:
                tigs += tig(inflection, "admitted", "inflection")
        for forbidden in term.forbidden.get(code, ()):
            tigs += tig(forbidden, "deprecated")
        if code in term.display_forms:
            tigs += tig(term.display_forms[code], None, "display")
        if not tigs:
            continue
        lang = "mul" if code == ANY_LANGUAGE else to_tag(code) or "und"
        out += [f'{i}<langSet xml:lang="{lang}">']
        if code != lang or lang.split("-")[0] == "en":
            out += [admin(i + "  ", "language", code)]
        for table, keys in (("forbidden", term.forbidden), ("display", term.display_forms)):
            if moved[table] and code in keys:
                out += [admin(i + "  ", f"{table}-position", str(list(keys).index(code) + 1))]
        out += [*tigs, f"{i}</langSet>"]
    out += ["      </termEntry>"]
    return out
