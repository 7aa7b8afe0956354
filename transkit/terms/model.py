"""The termbase: critical terms and how each language must render them.

Terms are values, not text: a phone number is compared by value, a website by domain,
a phrase by its approved wording, vocabulary by approved and forbidden forms.  Language
codes are kept as written and matched through langcodes, so ``pt-BR`` in the termbase
serves ``pt_BR.po``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar, TypeVarTuple

from transkit.model.findings import Severity
from transkit.model.languages import Language, language, to_tag

Form = tuple[str, ...]
"""One approved rendering: its dictionary form first, then its inflections."""

_NOTHING = object()
T = TypeVar("T")
Ts = TypeVarTuple("Ts")
MAX_DERIVED = 65536
"""Answers :meth:`Termbase.derived` (and :meth:`Termbase.in_source`) keeps: more than the
sources of a large project."""
_NO_IDS: frozenset[str] = frozenset()

ANY_LANGUAGE = "*"
"""Key of the forms that apply to every language without forms of its own."""


class TermKind(enum.Enum):
    PHONE = "phone"
    """A phone number, compared by value with the phonenumbers library."""
    NUMBER = "number"
    """A short service number (112), compared by digits."""
    URL = "url"
    """A website, compared by domain; may differ per language."""
    NAME = "name"
    """A proper name, never translated: exact spelling."""
    PHRASE = "phrase"
    """A key sentence with an approved text per language."""
    TERM = "term"
    """Vocabulary with approved and forbidden forms per language."""


@dataclass(frozen=True)
class Term:
    """One entry of the termbase."""

    id: str
    kind: TermKind
    source: tuple[str, ...]
    """Source forms (English as the termbase writes them; see
    :meth:`Termbase.from_source`); the first is preferred."""
    approved: Mapping[str, tuple[Form, ...]] = field(default_factory=dict)
    """Language code (or ``*``) → approved forms, the first preferred."""
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    note: str = ""
    region: str | None = None
    """Phone numbers: the ISO 3166 region their national form belongs to (``BE``)."""
    display: str | None = None
    """Phone and service numbers: the canonical display form."""
    display_forms: Mapping[str, str] = field(default_factory=dict)
    """Phone and service numbers: a language's own display form (native digits)."""
    origin: str = ""
    """Where the term was defined (``glossary/campaign.toml``), for messages."""

    @staticmethod
    def _lookup(table: Mapping[str, tuple], language: Language | None) -> tuple:
        """A language's own entry of a table, else its base language's, else ``*``."""
        if language is not None:
            for code, forms in table.items():
                if code != ANY_LANGUAGE and to_tag(code) == language.tag:
                    return forms
            # A regional catalog (pt_BR) may use the forms given for its base language.
            base = language.tag.split("-")[0]
            for code, forms in table.items():
                if code != ANY_LANGUAGE and to_tag(code) == base:
                    return forms
        return table.get(ANY_LANGUAGE, ())

    def approved_for(self, language: Language | None) -> tuple[Form, ...]:
        """Approved forms for a language; names and numbers default to their source, and so
        does every term in English, the language the termbase writes its sources in (an
        English catalog of an English template, as msgen makes, uses the source's terms)."""
        forms = self._lookup(self.approved, language)
        if forms:
            return forms
        if self.kind in (TermKind.NAME, TermKind.NUMBER, TermKind.PHONE) or (
            language is not None and language.tag.split("-")[0] == "en"
        ):
            return tuple((form,) for form in self.source)
        return ()

    def forbidden_for(self, language: Language | None) -> tuple[str, ...]:
        return self._lookup(self.forbidden, language)

    def has_entry_for(self, language: Language | None) -> bool:
        """Whether the termbase says anything of its own for this language (or ``*``)."""
        return bool(self._lookup(self.approved, language))

    def display_for(self, language: Language | None) -> str:
        """How the number should be written in a language's translation."""
        if language is not None:
            for code, form in self.display_forms.items():
                if to_tag(code) == language.tag:
                    return form
        return self.display or self.source[0]


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...] = ()
    sources: tuple[Path, ...] = ()
    _in_source: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )
    _by_kind: dict[tuple[TermKind, ...], tuple[Term, ...]] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )
    """by_kind's answers: asked several times per message, and the terms cannot change."""
    _by_id: dict[str, Term] = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)
    _per_language: dict[tuple[str, int, Language | None], object] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )
    """A term's forms per language (see :meth:`forms_for`)."""
    _derived: dict[Hashable, object] = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)
    """What other modules work out from this termbase and a key (see :meth:`derived`)."""

    def __bool__(self) -> bool:
        return bool(self.terms)

    def in_source(self, source: str) -> frozenset[str]:
        """Ids of the terms a message source holds (as whole words, any case).

        Remembered per source: each of the languages' catalogs asks about the same
        sources, and matching every form of every term against them is most of the
        cost of checking critical terms.
        """
        found = self._in_source.get(source)
        if found is None:
            # Most sources hold no term: they share one empty set (216 bytes each else).
            found = frozenset(self.derived(_source_forms).ids_in(source)) or _NO_IDS
            if len(self._in_source) >= MAX_DERIVED:
                self._in_source.clear()
            self._in_source[source] = found
        return found

    def forms_for(self, what: str, term: Term, language: Language | None):
        """``term.approved_for(language)`` (``what`` "approved"), ``forbidden_for`` or
        ``display_for``, remembered: verification asks for every message of a catalog.

        Keyed by the term's identity, which is safe for the terms this termbase holds: no
        other term can take that identity while the answer is kept; others are not kept.
        """
        key = (what, id(term), language)
        found = self._per_language.get(key, _NOTHING)
        if found is _NOTHING:
            found = getattr(term, what + "_for")(language)
            if any(held is term for held in self.terms):
                self._per_language[key] = found
        return found

    def derived(self, compute: Callable[[Termbase, *Ts], T], *key: *Ts) -> T:
        """``compute(termbase, *key)``, remembered with this termbase under ``compute`` and
        ``key``: what verification works out from the termbase and a message source, once
        for all the languages.

        ``compute`` is part of the key, so two callers cannot collide on a name: pass a
        function defined at module level (a lambda is a new key on every call).  It must
        depend on this termbase and the key alone.  At most :data:`MAX_DERIVED` answers
        are kept; then they are forgotten and worked out again.
        """
        cache_key = (compute, *key)
        found = self._derived.get(cache_key, _NOTHING)
        if found is _NOTHING:
            if len(self._derived) >= MAX_DERIVED:
                self._derived.clear()
            found = self._derived[cache_key] = compute(self, *key)
        return found  # type: ignore[return-value]

    def from_source(self, code: str) -> Termbase:
        """This termbase as seen from templates written in language ``code``.

        The termbase writes its ``source`` forms in English and approves forms per language;
        a French template's msgids hold the French forms. So each term's source becomes its
        approved forms in ``code`` (every inflection, the preferred first) and English joins
        the approved languages with the English source forms. Numbers, phone numbers and
        names are the same in every language and keep their source; a website keeps its
        English domain beside the language's own (a French text may name either). A term of
        words with no approved form in ``code`` cannot be recognised in such a source and is
        left out; ``sources`` stay, so that a cache keyed on them stays right.
        """
        wanted = language(code)
        if wanted is None or not self.terms:
            return self
        terms: list[Term] = []
        for term in self.terms:
            own = tuple(f for form in term._lookup(term.approved, wanted) for f in form if f.strip())
            if term.kind in (TermKind.PHONE, TermKind.NUMBER):
                terms.append(term)
                continue
            if term.kind in (TermKind.NAME, TermKind.URL):
                source = tuple(dict.fromkeys((*own, *term.source)))
            elif own:
                source = tuple(dict.fromkeys(own))
            else:
                continue
            approved = dict(term.approved)
            if not any(key != ANY_LANGUAGE and to_tag(key) == "en" for key in approved):
                approved["en"] = tuple((form,) for form in term.source)
            terms.append(replace(term, source=source, approved=approved))
        return Termbase(tuple(terms), self.sources)

    def by_kind(self, *kinds: TermKind) -> tuple[Term, ...]:
        found = self._by_kind.get(kinds)
        if found is None:
            found = self._by_kind[kinds] = tuple(term for term in self.terms if term.kind in kinds)
        return found

    def get(self, term_id: str) -> Term | None:
        if not self._by_id and self.terms:
            for term in self.terms:
                self._by_id.setdefault(term.id, term)  # the first of a duplicated id, as before
        return self._by_id.get(term_id)


def _source_forms(termbase: Termbase):  # -> SourceForms (terms.match imports this module)
    """Every term's source forms, sought at once (see :meth:`Termbase.in_source`)."""
    from transkit.terms.match import SourceForms

    return SourceForms((term.id, term.source) for term in termbase.terms)
