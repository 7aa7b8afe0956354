"""What changed in a source since a fuzzy translation was made, and was it critical?

msgmerge marks a message fuzzy for a comma as for a new phone number.  Translators and
release managers need to know which: a catalog still shipping the old helpline after the
source changed is an error, not a statistic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transkit.i18n import L_
from transkit.terms.match import normalize, source_contains
from transkit.terms.model import Termbase, TermKind
from transkit.terms.values import digit_runs, domains, normalize_domain, phone_numbers


@dataclass(frozen=True)
class Change:
    summary: str
    """``only punctuation or spacing``, ``a number``, ``a website``, ``wording``, …"""
    critical: tuple[str, ...] = ()
    """Descriptions of the critical terms that changed: ``helpline 078 055 800 → …``."""
    old_values: tuple[str, ...] = ()
    """How the changed critical terms were written in the previous source."""


def describe_change(previous: str, current: str, termbase: Termbase, region: str | None) -> Change:
    """Classify the difference between a previous and a current source text."""
    critical: list[str] = []
    old_values: list[str] = []
    old_phones = {p.value: p.raw for p in phone_numbers(previous, region or "ZZ")}
    new_phones = {p.value: p.raw for p in phone_numbers(current, region or "ZZ")}
    if set(old_phones) != set(new_phones):
        gone = [old_phones[v] for v in old_phones if v not in new_phones]
        added = [new_phones[v] for v in new_phones if v not in old_phones]
        none = L_("(none)")
        critical.append(L_("phone number {old} → {new}", old=" ".join(gone) or none, new=" ".join(added) or none))
        old_values.extend(gone)
    for term in termbase.terms:
        if term.kind is TermKind.PHONE:
            continue
        if term.kind is TermKind.NUMBER:
            before = term.source[0] in digit_runs(previous)
            after = term.source[0] in digit_runs(current)
        elif term.kind is TermKind.URL:
            names = {normalize_domain(f) for f in term.source}
            names |= {normalize_domain(f) for forms in term.approved.values() for form in forms for f in form}
            before = bool(names & set(domains(previous)))
            after = bool(names & set(domains(current)))
        else:
            before = any(source_contains(previous, f) for f in term.source)
            after = any(source_contains(current, f) for f in term.source)
        if before != after and term.kind is not TermKind.TERM:
            critical.append(L_("{term} removed", term=term.id) if before else L_("{term} added", term=term.id))
            if before:
                old_values.append(term.source[0])
    old_digits, new_digits = digit_runs(previous), digit_runs(current)
    if critical:
        summary = L_("a critical term changed")
    elif _letters(previous) == _letters(current):
        summary = L_("only punctuation or spacing changed")
    elif sorted(old_digits) != sorted(new_digits):
        summary = L_("a number changed")
    elif sorted(domains(previous)) != sorted(domains(current)):
        summary = L_("a website changed")
    else:
        summary = L_("the wording changed")
    return Change(summary, tuple(critical), tuple(old_values))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", normalize(text))
