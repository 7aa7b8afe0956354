"""``transkit glossary check``: problems in the termbase itself, before they hide problems
in the catalogs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from transkit.model.findings import Severity
from transkit.model.languages import Language, to_tag
from transkit.terms.model import ANY_LANGUAGE, Termbase, TermKind


@dataclass(frozen=True)
class TermbaseProblem:
    file: str
    term_id: str
    severity: Severity
    message: str


def validate(termbase: Termbase, languages: Iterable[Language] = ()) -> Iterator[TermbaseProblem]:
    """Unknown language codes, forms both approved and forbidden, and languages of the
    project that a phrase or term gives no approved form for."""
    wanted = list(languages)
    for term in termbase.terms:

        def problem(message: str, severity: Severity = Severity.ERROR) -> TermbaseProblem:
            return TermbaseProblem(term.origin, term.id, severity, f"{term.id}: {message}")

        tables = (("approved", term.approved), ("forbidden", term.forbidden), ("display-forms", term.display_forms))
        for name, table in tables:
            for code in table:
                if code != ANY_LANGUAGE and to_tag(code) is None:
                    yield problem(f"[{name}] {code!r} is not a language code")
        for code, forbidden in term.forbidden.items():
            approved = {form for group in term.approved.get(code, ()) for form in group}
            for form in forbidden:
                if form in approved:
                    yield problem(f"{form!r} is both approved and forbidden for {code}")
        if term.kind in (TermKind.PHRASE, TermKind.TERM, TermKind.URL):
            missing = [lang.code for lang in wanted if not term.has_entry_for(lang)]
            if missing:
                yield problem(f"no approved form for {', '.join(missing)}")
