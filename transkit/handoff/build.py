"""What goes into a language's work package: the messages that need work, each with the
context, terms and findings a translator needs to get it right the first time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from transkit.handoff.units import Package, State, TermHint, Unit
from transkit.model.catalog import Catalog, Entry
from transkit.model.findings import Finding, Severity
from transkit.po.plural_expression import PluralFormsError
from transkit.po.plural_forms import parse_plural_forms, plural_count
from transkit.terms import Termbase
from transkit.terms.model import TermKind
from transkit.text.diff import word_diff

NEEDS_WORK = "needs-work"
ALL = "all"
_HINT_NUMBERS = range(0, 1001)


def build_package(
    template: Catalog,
    catalog: Catalog,
    findings: Iterable[Finding],
    termbase: Termbase,
    *,
    only: str = NEEDS_WORK,
) -> Package:
    """The package of one catalog: every template message the catalog lacks, leaves
    untranslated or fuzzy, or has an error finding on (all of them with ``only="all"``),
    in the template's order."""
    errors: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for finding in findings:
        if finding.file == catalog.display_path and finding.msgid is not None and finding.severity is Severity.ERROR:
            errors[(finding.msgctxt, finding.msgid)].append(f"{finding.code} {finding.message}")
    nplurals = plural_count(catalog, guess=True)
    hints = form_hints(catalog, nplurals)
    present = {entry.key: entry for entry in catalog.active_entries}
    units = []
    for ref in template.active_entries:
        entry = present.get(ref.key)
        found = tuple(errors.get(ref.key, ()))
        if only == NEEDS_WORK and entry is not None and entry.translated and not found:
            continue
        units.append(_unit(ref, entry, found, termbase, catalog, nplurals, hints))
    return Package(
        catalog.code, template.path.stem, tuple(units), plural_forms=catalog.header_field("Plural-Forms") or ""
    )


def _unit(
    ref: Entry,
    entry: Entry | None,
    found: tuple[str, ...],
    termbase: Termbase,
    catalog: Catalog,
    nplurals: int,
    hints: tuple[str, ...],
) -> Unit:
    forms = nplurals if ref.is_plural else 1
    if entry is None or len(entry.msgstr) != forms:
        targets = ("",) * forms
    else:
        targets = entry.msgstr
    if entry is not None and entry.fuzzy and any(targets):
        state = State.TRANSLATED
    elif all(targets):
        state = State.FINAL
    else:
        state = State.NEW
    previous = ""
    if entry is not None and entry.fuzzy and entry.source_changed and entry.previous_msgid is not None:
        previous = f"Translated from: {entry.previous_msgid}\nChanged: {word_diff(entry.previous_msgid, ref.msgid)}"
    return Unit(
        msgctxt=ref.msgctxt,
        msgid=ref.msgid,
        msgid_plural=ref.msgid_plural,
        targets=targets,
        state=state,
        references=ref.references,
        developer_note=ref.extracted_comment,
        translator_note=entry.translator_comment if entry is not None else "",
        previous=previous,
        findings=found,
        terms=term_hints(termbase, catalog, ref),
        form_hints=hints if ref.is_plural else (),
    )


def term_hints(termbase: Termbase, catalog: Catalog, ref: Entry) -> tuple[TermHint, ...]:
    """The termbase entries a message's source holds, with this language's forms."""
    source = ref.msgid if ref.msgid_plural is None else f"{ref.msgid}\n{ref.msgid_plural}"
    hints = []
    for term in termbase.terms:
        if term.id not in termbase.in_source(source):
            continue
        approved = tuple(form[0] for form in term.approved_for(catalog.language) if form)
        if term.kind in (TermKind.PHONE, TermKind.NUMBER):
            approved = (term.display_for(catalog.language),)
        hints.append(TermHint(term.id, term.source[0], approved, term.forbidden_for(catalog.language), term.note))
    return tuple(hints)


def form_hints(catalog: Catalog, nplurals: int) -> tuple[str, ...]:
    """For each plural form of the catalog's language, the numbers that select it
    (``n = 1``, ``n = 0, 2, 3, 4, …``), so a translator knows which form is which."""
    value = catalog.header_field("Plural-Forms")
    try:
        indexes = parse_plural_forms(value).indexes(list(_HINT_NUMBERS)) if value else None
    except PluralFormsError:
        indexes = None
    if indexes is None:
        return tuple(f"form {form}" for form in range(nplurals))
    chosen: dict[int, list[int]] = defaultdict(list)
    for number, index in zip(_HINT_NUMBERS, indexes):
        chosen[index].append(number)
    hints = []
    for form in range(nplurals):
        numbers = chosen.get(form, [])
        shown = ", ".join(str(n) for n in numbers[:5]) + (", …" if len(numbers) > 5 else "")
        hints.append(f"n = {shown}" if numbers else "n = (none)")
    return tuple(hints)
