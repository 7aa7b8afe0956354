"""Everything a check module imports to be written: the decorators and the types they name.

A check is a generator function with a docstring, registered by one of four decorators;
which one says what the check looks at, and the decorator's types say (to mypy, and to a
reader) the signature the function must have::

    from collections.abc import Iterator

    from transkit.checks.api import Applies, CatalogContext, Entry, Problem, Severity, entry_check


    @entry_check("X901", "shouting-translation", Severity.WARNING, applies=Applies.TRANSLATED, local=True)
    def shouting_translation(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
        \"\"\"A translation is written in capitals where its source is not.

        Capitals read as shouting, and are harder to read. (Why it matters, for the user.)

        Bad: ``msgid "Call us"`` → ``msgstr "APPELEZ-NOUS"``.
        Good: ``msgstr "Appelez-nous"``.
        \"\"\"
        if entry.msgstr[0].isupper() and not entry.msgid.isupper():
            yield Problem("the translation is in capitals")

A check that can repair what it finds safely says so (``fixes="..."``) and gives its
problem a :class:`Fix`, the new text of the forms or header fields it rewrites.

- :func:`entry_check`: ``f(entry, context)``, for each message its ``applies`` accepts;
- :func:`catalog_check`: ``f(context)``, once per catalog;
- :func:`project_check`: ``f(project, options)``, once per run, on the facts its ``facts``
  function gathered of each catalog (``f(context)``, JSON-able);
- :func:`unused_marker_check`: ``f(unused)``, once suppression is done, on the
  suppression markers that suppressed nothing.

The code (letters and three digits) and the kebab-case name are stable: they are what
users select, ignore and suppress. The docstring is the user documentation: its first
line the summary of ``transkit checks``, the whole of it ``transkit explain CODE``, with a
``Bad:`` and a ``Good:`` line. Results several checks share are worked out once through
:class:`CatalogContext`'s memo methods, keyed by the function that computes them.

This module is the whole interface: a check needs nothing of the engine beyond it, and
the model (:mod:`transkit.model`) and the text and term helpers it builds on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from transkit.engine.context import CatalogContext, CatalogFacts, Options, ProjectFacts, header_only
from transkit.engine.plan import SOURCE_TERMS, Fact
from transkit.engine.registry import Applies, Scope, register
from transkit.engine.suppression import Marker
from transkit.model.catalog import Catalog, Entry
from transkit.model.findings import Fix, Problem, Severity

__all__ = [
    "Applies",
    "Catalog",
    "CatalogCheck",
    "CatalogContext",
    "CatalogFacts",
    "Entry",
    "EntryCheck",
    "Fact",
    "Fix",
    "Marker",
    "Options",
    "Problem",
    "ProjectCheck",
    "ProjectFacts",
    "SOURCE_TERMS",
    "Severity",
    "UnusedMarkerCheck",
    "catalog_check",
    "entry_check",
    "header_only",
    "project_check",
    "unused_marker_check",
]

EntryCheck = Callable[[Entry, CatalogContext], Iterable[Problem]]
"""``f(entry, context)``: the problems of one message."""
CatalogCheck = Callable[[CatalogContext], Iterable[Problem]]
"""``f(context)``: the problems of one catalog as a whole."""
ProjectCheck = Callable[[ProjectFacts, Options], Iterable[Problem]]
"""``f(project, options)``: the problems found across catalogs, from their facts."""
UnusedMarkerCheck = Callable[[Sequence[Marker]], Iterable[Problem]]
"""``f(unused)``: the problems of suppression markers that suppressed nothing."""
Facts = Callable[[CatalogContext], object]
"""What a project check gathers of one catalog while it is checked (JSON-able)."""

E = TypeVar("E", bound=EntryCheck)
C = TypeVar("C", bound=CatalogCheck)
P = TypeVar("P", bound=ProjectCheck)
U = TypeVar("U", bound=UnusedMarkerCheck)


def entry_check(
    code: str,
    name: str,
    severity: Severity,
    *,
    applies: Applies,
    fixes: str = "",
    needs_template: bool = False,
    needs: Fact | None = None,
    gate: Callable[[Entry, CatalogContext], object] | None = None,
    local: bool = False,
) -> Callable[[E], E]:
    """Register ``f(entry, context)``, called for each message ``applies`` accepts.

    ``applies`` is the check's precondition, required so that each check decides it:
    ``TRANSLATED`` for what ships (most checks), ``FILLED`` to see fuzzy translations too,
    ``ACTIVE`` for every message that is not obsolete, ``ALL`` for obsolete ones as well.
    An untranslated message is the coverage checks' to report, not also a wrong one.

    ``fixes`` declares that the check can repair what it finds, and says how (shown by
    ``transkit checks`` and ``explain``): the check then gives a problem a :class:`Fix`
    (the new text of the forms it rewrites) whenever the repair is certain, and none when
    it is not. ``transkit check --fix`` applies those, re-checks, and repeats until
    nothing is left to fix; a fix must therefore make its own problem go away.

    ``needs_template`` declares that the check compares the catalog with its template:
    a catalog checked on its own (no template found) is its own source, so such a check
    has nothing to judge; the run skips it and names it in one line.

    ``needs`` declares the facts of a message (:class:`Fact`: a digit, a ``<``, a term of
    the termbase…) one of which must hold for the check to report anything, so that the
    engine need not call it on the other messages (``needs=Fact.MARKUP | Fact.ENTITY``).
    It is a promise read off the check's code: where none holds, the check must find
    nothing, whatever the message says. Without it the check is called for every message.

    ``gate`` names the computation the check reports from, shared with other checks
    (``gate=placeholder_issues``): ``gate(entry, context)`` false (empty) promises that the
    check finds nothing there, so the engine asks it once for the checks that share it,
    in turn, and calls none of them when it is. Like ``needs``, it is read off the code.

    ``local`` declares the check entry-local: what it finds on a message depends on that
    message (not its line), the catalog's header, the template, the options and termbase
    alone, through the context's memos at most (a ``per_catalog`` memo only when marked
    :func:`header_only`), and it fills no memo another check reads. When one message of a
    catalog changes, the engine then reuses what the check found on the others. Leave it
    out when in doubt: the check then runs on every message of a changed catalog.
    """
    return register(
        code,
        name,
        Scope.ENTRY,
        severity,
        applies=applies,
        fixes=fixes,
        needs_template=needs_template,
        needs=needs,
        gate=gate,
        local=local,
    )


def catalog_check(
    code: str, name: str, severity: Severity, *, fixes: str = "", needs_template: bool = False
) -> Callable[[C], C]:
    """Register ``f(context)``, called once per catalog, after its entries' checks.

    ``fixes``: as for :func:`entry_check`; a catalog check's :class:`Fix` sets header fields.
    ``needs_template``: as for :func:`entry_check`.
    """
    return register(code, name, Scope.CATALOG, severity, fixes=fixes, needs_template=needs_template)


def project_check(
    code: str, name: str, severity: Severity, *, facts: Facts | None = None, needs_template: bool = False
) -> Callable[[P], P]:
    """Register ``f(project, options)``, called once per run.

    A project check never sees the catalogs themselves: ``facts(context)`` gathers what it
    needs of each catalog while that catalog is checked, and ``project.catalogs[i].facts[code]``
    holds it. So catalogs can be checked one at a time, in other processes, or not at all
    when a cached result is still valid; that is also why facts must be JSON-able.

    ``needs_template``: as for :func:`entry_check`; a check that compares languages
    message by message needs the template that makes their messages the same ones.
    """
    return register(code, name, Scope.PROJECT, severity, facts=facts, needs_template=needs_template)


def unused_marker_check(code: str, name: str, severity: Severity) -> Callable[[U], U]:
    """Register ``f(unused)``, called once suppression is done, with the markers that
    suppressed nothing: each catalog's (when the check ran on that catalog), then the
    template's (when every language ran). Reported like a catalog check."""
    return register(code, name, Scope.CATALOG, severity, after_suppression=True)
