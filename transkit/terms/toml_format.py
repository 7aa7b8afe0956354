"""The termbase as people edit it: TOML, one ``[[terms]]`` table per term.

The schema is documented in ``glossary/README.md``.  Every key is validated, unknown
keys are errors with file and line, and phone numbers must parse, because a termbase
that silently means something else than it says is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import phonenumbers

from transkit.errors import GlossaryError, TermbaseInvalid
from transkit.model.findings import Severity
from transkit.project.paths import display_path
from transkit.project.tomlfile import line_of, line_of_text, read_toml
from transkit.terms.model import Form, Term, Termbase, TermKind

FORMAT_VERSION = 1
_TOP_KEYS = {"version", "terms"}
_TERM_KEYS = {
    "id",
    "kind",
    "source",
    "approved",
    "forbidden",
    "severity",
    "note",
    "region",
    "display",
    "display-forms",
}


def load_toml(path: Path) -> Termbase:
    """Read one termbase file."""
    data, text = read_toml(path, GlossaryError)
    shown = display_path(path)
    for key in data:
        if key not in _TOP_KEYS:
            raise TermbaseInvalid(f"unknown key {key!r}; known keys: terms, version", shown, line_of(text, key))
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise TermbaseInvalid(
            f"unsupported termbase version {version!r} (this transkit reads {FORMAT_VERSION})",
            shown,
            line_of(text, "version"),
        )
    raw_terms = data.get("terms", [])
    if not isinstance(raw_terms, list):
        raise TermbaseInvalid("'terms' must be an array of tables: [[terms]]", shown, line_of(text, "terms"))
    terms = tuple(_term(raw, shown, text) for raw in raw_terms)
    return Termbase(terms=terms, sources=(path,))


def _term(raw: Any, shown: str, text: str) -> Term:
    if not isinstance(raw, dict):
        raise TermbaseInvalid("each [[terms]] entry must be a table", shown)
    term_id = raw.get("id")
    where = line_of_text(text, f'"{term_id}"') if isinstance(term_id, str) else None

    def fail(message: str, key: str | None = None) -> TermbaseInvalid:
        line = line_of(text, key, after=where or 0) if key else where
        return TermbaseInvalid(message, shown, line or where)

    if not isinstance(term_id, str) or not term_id.strip():
        raise fail("a term without an 'id' (a non-empty string)")
    for key in raw:
        if key not in _TERM_KEYS:
            raise fail(f"term {term_id!r}: unknown key {key!r}; known keys: {', '.join(sorted(_TERM_KEYS))}", key)
    try:
        kind = TermKind(raw.get("kind"))
    except ValueError:
        kinds = ", ".join(k.value for k in TermKind)
        raise fail(f"term {term_id!r}: 'kind' must be one of {kinds}", "kind") from None
    source = _strings(raw.get("source"), lambda m: fail(f"term {term_id!r}: 'source' {m}", "source"))
    if not source:
        raise fail(f"term {term_id!r}: 'source' must name at least one form", "source")
    try:
        severity = Severity(raw.get("severity", "error"))
    except ValueError:
        raise fail(f"term {term_id!r}: 'severity' must be error, warning or info", "severity") from None
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise fail(f"term {term_id!r}: 'note' must be a string", "note")
    region = raw.get("region")
    display = raw.get("display")
    for key, value in (("region", region), ("display", display)):
        if value is not None and not isinstance(value, str):
            raise fail(f"term {term_id!r}: {key!r} must be a string", key)
    display_forms = raw.get("display-forms", {})
    if not isinstance(display_forms, dict) or not all(isinstance(v, str) for v in display_forms.values()):
        raise fail(f"term {term_id!r}: 'display-forms' must map language codes to strings", "display-forms")
    approved = _forms_table(raw.get("approved", {}), lambda m: fail(f"term {term_id!r}: 'approved' {m}", "approved"))
    forbidden = {
        code: tuple(word for form in forms for word in form)
        for code, forms in _forms_table(
            raw.get("forbidden", {}), lambda m: fail(f"term {term_id!r}: 'forbidden' {m}", "forbidden")
        ).items()
    }
    if kind is TermKind.PHONE:
        for form in (*source, *(display or "",), *display_forms.values()):
            if form and not parses_as_phone(form, region):
                raise fail(f"term {term_id!r}: {form!r} is not a phone number of region {region or '(none)'}", "source")
    return Term(
        id=term_id,
        kind=kind,
        source=source,
        approved=approved,
        forbidden=forbidden,
        severity=severity,
        note=note,
        region=region,
        display=display,
        display_forms=dict(display_forms),
        origin=shown,
    )


def _strings(value: Any, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail("must be a string or a list of non-empty strings")
    return tuple(value)


def _forms_table(value: Any, fail: Any) -> dict[str, tuple[Form, ...]]:
    """``{code: [form, [form, inflection, ...], ...]}`` with every form as a tuple."""
    if not isinstance(value, dict):
        raise fail("must map language codes to forms")
    table: dict[str, tuple[Form, ...]] = {}
    for code, forms in value.items():
        if isinstance(forms, str):
            forms = [forms]
        if not isinstance(forms, list) or not forms:
            raise fail(f"[{code}] must be a form or a list of forms")
        table[code] = tuple(_strings(form, lambda m: fail(f"[{code}] {m}")) for form in forms)
    return table


def parses_as_phone(text: str, region: str | None) -> bool:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)


def dump_toml(termbase: Termbase | Iterable[Term]) -> str:
    """The termbase in the TOML schema, for ``glossary import``; read back by load_toml."""
    import tomli_w

    terms = termbase.terms if isinstance(termbase, Termbase) else tuple(termbase)
    document: dict[str, Any] = {"version": FORMAT_VERSION, "terms": []}
    for term in terms:
        table: dict[str, Any] = {"id": term.id, "kind": term.kind.value, "source": list(term.source)}
        if term.severity is not Severity.ERROR:
            table["severity"] = term.severity.value
        if term.note:
            table["note"] = term.note
        if term.region:
            table["region"] = term.region
        if term.display:
            table["display"] = term.display
        if term.display_forms:
            table["display-forms"] = dict(term.display_forms)
        if term.approved:
            table["approved"] = {
                code: [form[0] if len(form) == 1 else list(form) for form in forms]
                for code, forms in term.approved.items()
            }
        if term.forbidden:
            table["forbidden"] = {code: list(forms) for code, forms in term.forbidden.items()}
        document["terms"].append(table)
    return tomli_w.dumps(document)
