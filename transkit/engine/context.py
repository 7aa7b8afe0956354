"""What a check is given: the run's options, a catalog's context, a project's facts.

These are the types a check's signature names (see :mod:`transkit.checks.api`); the engine
(:mod:`transkit.engine.runner`) builds them and runs the checks.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, TypeVarTuple

from transkit.engine.selection import Selection
from transkit.model.catalog import Catalog, CatalogFailure, Entry, MessageKey, Project
from transkit.model.coverage import Coverage
from transkit.model.findings import Severity
from transkit.model.languages import Language, language, to_tag
from transkit.terms.model import Termbase

MAX_SOURCES = 65536
"""Answers :meth:`CatalogContext.for_source` keeps per function: more than the sources of
a large project."""
_NOTHING = object()
_SOURCE = "source"
""":meth:`CatalogContext.for_source`'s keys in the run's memo are tuples led by this, beside
the functions of :meth:`CatalogContext.per_run`."""
T = TypeVar("T")
Ts = TypeVarTuple("Ts")
M = TypeVar("M", bound=Callable[..., Any])

DEFAULT_SOURCE_LANGUAGE = "en"
"""What a template's msgids are written in when neither it nor the configuration says."""


@dataclass(frozen=True)
class Options:
    """What a run checks and against which thresholds."""

    selection: Selection = Selection()
    language_selection: Mapping[str, Selection] = field(default_factory=dict)
    """Extra select/ignore for a language (any code spelling), added to ``selection``."""
    severities: Mapping[str, Severity] = field(default_factory=dict)
    """Severity overrides by check code or name."""
    min_coverage: float | None = None
    """Percent of template messages a catalog must translate; None for no gate."""
    language_min_coverage: Mapping[str, float] = field(default_factory=dict)
    """Per-language gates by language code (any spelling langcodes understands)."""
    termbase: Termbase = field(default_factory=Termbase)
    """Critical terms to verify; empty for none."""
    baseline: Counter[str] | None = None
    """Fingerprints of known findings (``--baseline``): only new findings are reported."""
    source_language: str = DEFAULT_SOURCE_LANGUAGE
    """The language of the template's msgids: the configured ``source-language``, replaced
    by the template's own ``Language`` header when the run starts (see
    :func:`source_options`). Every check that compares with the source reads it."""
    plan: bool = True
    """Call an entry check only on the messages where one of the facts it needs holds (the
    check plan, :mod:`transkit.engine.plan`). False calls every check on every message: the
    same report, slower; the tests compare the two."""

    def min_coverage_for(self, catalog: Catalog) -> float | None:
        value = _for_language(self.language_min_coverage, catalog)
        return value if value is not None else self.min_coverage

    def selection_for(self, catalog: Catalog) -> Selection:
        extra = _for_language(self.language_selection, catalog)
        if extra is None:
            return self.selection
        return Selection(
            (*(self.selection.select or ("ALL",)), *extra.select),
            (*self.selection.ignore, *extra.ignore),
        )


def _for_language(table: Mapping[str, object], catalog: Catalog):
    """A language's entry of a per-language table: its own code first, then its base
    language's (a ``[languages.ti]`` section applies to ``ti_ER.po`` too)."""
    if catalog.language is None:
        return None
    tag = catalog.language.tag
    base = tag.split("-")[0]
    exact = [value for code, value in table.items() if to_tag(code) == tag]
    if exact:
        return exact[0]
    return next((value for code, value in table.items() if to_tag(code) == base), None)


@dataclass(frozen=True)
class CatalogContext:
    """What catalog and entry checks may look at besides the entry itself.

    Checks that share a result ask for it through one of the memo methods, keyed by the
    function that computes it: two checks cannot collide on a name, and a reader sees
    where a cached value comes from. Pass a function defined at module level: a lambda
    or a nested function is a new key on every call, and is never found again.
    """

    project: Project
    """The template and this catalog: a check never sees the other catalogs (a project
    check gathers what it needs of each with its ``facts`` function)."""
    catalog: Catalog
    template_index: Mapping[MessageKey, Entry]
    coverage: Coverage
    options: Options
    memo: dict = field(default_factory=dict, compare=False)
    """Per-catalog results several checks share (:meth:`per_catalog`)."""
    last_answers: dict = field(default_factory=dict, compare=False)
    """:meth:`for_entry`'s last answer of each function, with the entry it is about: kept
    apart from :attr:`memo` so that looking it up builds no key."""
    run_memo: dict = field(default_factory=dict, compare=False)
    """Per-run results derived from the template and options alone, computed once per
    process and shared by every catalog's checks (:meth:`per_run`, :meth:`for_source`)."""
    remember_sources: bool = field(default=True, compare=False)
    """Whether :meth:`for_source` keeps its answers: not when this catalog is the only one
    checked, where no other language asks again."""
    entry_facts: list[int] = field(default_factory=list, compare=False)
    """The facts of each of the catalog's entries (:class:`~transkit.engine.plan.Fact`
    values), in the catalog's order, once its entry checks have run: for a catalog check
    that needs only some messages. Every fact, without the plan; empty before."""

    @property
    def termbase(self) -> Termbase:
        return self.options.termbase

    @functools.cached_property  # asked by several checks of every message
    def source_language(self) -> Language | None:
        """The language of the msgids, with its rules (punctuation, word lists, lengths)."""
        return language(self.options.source_language)

    @functools.cached_property
    def source_base(self) -> str:
        """The source language's base code (``en``, ``fr``)."""
        return self.options.source_language.replace("_", "-").split("-")[0].lower()

    @functools.cached_property
    def source_is_english(self) -> bool:
        """Whether the msgids are English, what most templates and text rules assume."""
        return self.source_base == DEFAULT_SOURCE_LANGUAGE

    def per_catalog(self, compute: Callable[[CatalogContext], T]) -> T:
        """``compute(context)``, worked out once for this catalog and kept under ``compute``."""
        found = self.memo.get(compute, _NOTHING)
        if found is _NOTHING:
            found = self.memo[compute] = compute(self)
        return found

    def per_run(self, compute: Callable[[CatalogContext], T]) -> T:
        """``compute(context)``, worked out once per run and process, for every catalog:
        ``compute`` must depend on the template and the options alone, not on the catalog."""
        found = self.run_memo.get(compute, _NOTHING)
        if found is _NOTHING:
            found = self.run_memo[compute] = compute(self)
        return found

    def for_entry(self, compute: Callable[[Entry, CatalogContext], T], entry: Entry) -> T:
        """``compute(entry, context)``, worked out once while several checks ask about that
        entry in turn: the last answer of ``compute`` is kept, recognised by the entry's
        identity (cheaper than building a key, and entries are frozen)."""
        last = self.last_answers.get(compute)
        if last is not None and last[0] is entry:
            return last[1]
        value = compute(entry, self)
        self.last_answers[compute] = (entry, value)
        return value

    def for_source(self, compute: Callable[[*Ts], T], *source: *Ts) -> T:
        """``compute(*source)`` for a message source (and what else the answer depends
        on, such as a syntax), worked out once for the whole run.

        Every language translates the same sources, but the text caches are emptied after
        each catalog (:func:`~transkit.engine.runner.forget_text_caches`); the run's memo
        keeps what a check derives from a source alone for the next languages. At most
        :data:`MAX_SOURCES` answers are kept per ``compute``; then they are forgotten and
        worked out again. When no other catalog is checked, nothing is kept: the
        230,000 sources of one 100 MB catalog filled it with answers nobody asked for.
        """
        if not self.remember_sources:
            return compute(*source)
        memo = self._source_memo(compute)
        # One argument is its own key: a tuple around each of 65,536 kept keys costs memory.
        key: object = source[0] if len(source) == 1 else source  # type: ignore[misc]
        found = memo.get(key, _NOTHING)
        if found is _NOTHING:
            found = memo[key] = compute(*source)
        return found

    def for_message(self, compute: Callable[[Entry, CatalogContext], T], entry: Entry, key: Hashable) -> T:
        """``compute(entry, context)``, worked out once for the whole run per ``key``, as
        :meth:`for_source` does: for an answer that depends on the entry through ``key``
        alone (its sources and flags, say) and on the context through the template and the
        options alone, where the computation needs the context to find its way there."""
        if not self.remember_sources:
            return compute(entry, self)
        memo = self._source_memo(compute)
        found = memo.get(key, _NOTHING)
        if found is _NOTHING:
            found = memo[key] = compute(entry, self)
        return found

    def _source_memo(self, compute: Callable[..., object]) -> dict:
        """The run's answers of ``compute`` by source, emptied when it holds :data:`MAX_SOURCES`."""
        memo = self.run_memo.get((_SOURCE, compute))
        if memo is None:
            memo = self.run_memo[(_SOURCE, compute)] = {}
        elif len(memo) >= MAX_SOURCES:
            memo.clear()
        return memo


_HEADER_ONLY: set[Callable[..., Any]] = set()


def header_only(compute: M) -> M:
    """Mark a :meth:`CatalogContext.per_catalog` function as reading nothing of the catalog
    but its header data (every field but ``entries``), besides the template, the options
    and the run's memos.

    An entry-local check (:attr:`~transkit.engine.registry.CheckInfo.local`) may share
    such a memo: its value is the same for every version of the catalog with that header,
    so a message's problems still depend on the message alone and can be reused when
    another message of the catalog changed. A memo that is not marked is taken to read
    the entries; the engine's tests refuse it to a local check.
    """
    _HEADER_ONLY.add(compute)
    return compute


def is_header_only(compute: Callable[..., Any]) -> bool:
    """Whether ``compute`` was marked with :func:`header_only`."""
    return compute in _HEADER_ONLY


def source_options(template: Catalog, options: Options) -> Options:
    """The options of a run on ``template``: its ``Language`` header, when it names a
    language, is the source language (a template written in French says so itself; the
    configuration gives the project's default), and the termbase is seen from that
    language (:meth:`~transkit.terms.model.Termbase.from_source`)."""
    header = template.header_language
    code = to_tag(header) if header else None
    chosen = code or options.source_language
    base = chosen.replace("_", "-").split("-")[0].lower()
    termbase = options.termbase if base == DEFAULT_SOURCE_LANGUAGE else options.termbase.from_source(chosen)
    if chosen == options.source_language and termbase is options.termbase:
        return options
    return dataclasses.replace(options, source_language=chosen, termbase=termbase)


@dataclass(frozen=True)
class CatalogFacts:
    """What the project checks gathered from one catalog (by check code)."""

    display_path: str
    code: str
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class ProjectFacts:
    """What a project check sees: the template, each catalog's facts, the failures."""

    template: Catalog
    catalogs: tuple[CatalogFacts, ...]
    failures: tuple[CatalogFailure, ...] = ()
