"""Every entry check declared entry-local (``local=True``) reads nothing of its catalog but
the message and the header data, and places its problems on the message alone.

The engine reuses a local check's problems for a message that did not change when other
messages of its catalog did (:mod:`transkit.engine.runner`); a declaration that is wrong
would report stale problems. So each local check is run, on the shipped catalogs, the
check cases and catalogs hypothesis makes up, with a context that refuses what it may not
read: the catalog's entries (``entries``, ``active_entries``, ``obsolete_entries``, and so
anything built on them), the coverage, and ``per_catalog`` memos not marked
:func:`~transkit.engine.context.header_only`. Its problems must also be the same when the
message is moved to another line, and carry no other file or line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CATALOGS, DATA, ROOT
from engine.test_plan import TERMBASE, projects
from hypothesis import HealthCheck, given, settings

from transkit import load_project
from transkit.engine.context import CatalogContext, Options, is_header_only, source_options
from transkit.engine.registry import CheckInfo, Scope, all_checks, find
from transkit.model.catalog import Catalog, Entry, Project
from transkit.model.coverage import index
from transkit.model.findings import Problem
from transkit.terms import Termbase, load_termbase

LOCAL = [info for info in all_checks() if info.local]
HIDDEN = frozenset({"entries", "active_entries", "obsolete_entries"})


class Refused(BaseException):
    """A local check read what it declared it does not (BaseException: no ``except
    Exception`` of a check can hide it)."""


class GuardedCatalog(Catalog):
    """The catalog's header data; its entries, and everything built on them, refused."""

    def __getattribute__(self, name: str):
        if name in HIDDEN:
            raise Refused(f"reads the catalog's {name}")
        return object.__getattribute__(self, name)


class RefusedCoverage:
    def __getattr__(self, name: str):
        raise Refused(f"reads the catalog's coverage ({name})")


class GuardedMemo(dict):
    """``per_catalog``'s memo, refusing every function not marked header-only."""

    def _allowed(self, compute) -> None:
        if not is_header_only(compute):
            raise Refused(f"uses the per-catalog memo {getattr(compute, '__qualname__', compute)}")

    def get(self, compute, default=None):
        self._allowed(compute)
        return super().get(compute, default)

    def __getitem__(self, compute):
        self._allowed(compute)
        return super().__getitem__(compute)

    def __setitem__(self, compute, value) -> None:
        self._allowed(compute)
        super().__setitem__(compute, value)

    def __contains__(self, compute) -> bool:
        self._allowed(compute)
        return super().__contains__(compute)

    def setdefault(self, compute, default=None):
        self._allowed(compute)
        return super().setdefault(compute, default)


def guarded_contexts(project: Project, termbase: Termbase) -> Iterator[tuple[Catalog, CatalogContext]]:
    """Each catalog of ``project`` and a context of it that refuses what a local check may
    not read."""
    options = source_options(project.template, Options(termbase=termbase))
    template_index = index(project.template)
    run_memo: dict = {}
    for catalog in project.catalogs:
        fields = {field.name: getattr(catalog, field.name) for field in dataclasses.fields(catalog)}
        guarded = GuardedCatalog(**fields)
        context = CatalogContext(
            Project(project.root, project.template, (guarded,)),
            guarded,
            template_index,
            RefusedCoverage(),  # type: ignore[arg-type]
            options,
            memo=GuardedMemo(),
            run_memo=run_memo,
        )
        yield catalog, context


def _problems(info: CheckInfo, entry: Entry, context: CatalogContext) -> list[Problem]:
    try:
        if info.gate is not None:
            info.gate(entry, context)
        return list(info.function(entry, context))
    except Refused as refused:
        raise AssertionError(f"{info.code} is declared entry-local but {refused}") from None


def assert_local(infos: list[CheckInfo], project: Project, termbase: Termbase) -> int:
    """Run each check of ``infos`` on every message of ``project`` it applies to, guarded;
    the number of problems found (so that a caller sees the checks had work to do)."""
    found = 0
    for catalog, context in guarded_contexts(project, termbase):
        for entry in catalog.entries:
            moved = dataclasses.replace(entry, line=entry.line + 1000)
            for info in infos:
                if not info.applies.accepts(entry):
                    continue
                problems = _problems(info, entry, context)
                for problem in problems:
                    assert problem.line in (None, entry.line), (info.code, problem)
                    assert problem.file in (None, catalog.display_path), (info.code, problem)
                again = _problems(info, moved, context)
                assert [dataclasses.replace(p, line=None) for p in again] == [
                    dataclasses.replace(p, line=None) for p in problems
                ], (info.code, entry)
                found += len(problems)
    return found


def test_most_entry_checks_are_local_and_the_term_checks_are_not():
    """The declaration is a choice per check; this pins it, so that a change is seen."""
    entry_checks = [info for info in all_checks() if info.scope is Scope.ENTRY]
    catalog_reading = sorted(info.code for info in entry_checks if not info.local)
    # The term checks fill T162's memo of the forms each message uses (terms.py).
    assert catalog_reading and all(code.startswith("T1") for code in catalog_reading)
    assert len(LOCAL) >= 35


@pytest.mark.parametrize("folder", [CATALOGS, CATALOGS / "site", CATALOGS / "press"], ids=lambda p: p.name)
def test_local_checks_read_no_other_message_of_the_shipped_catalogs(folder: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert assert_local(LOCAL, load_project([folder], base=ROOT), TERMBASE)


CASES = sorted(p for p in (DATA / "checks").iterdir() if p.is_dir())


def test_local_checks_read_no_other_message_of_the_check_cases():
    found = 0
    for folder in CASES:
        catalogs = folder / "catalogs" if (folder / "catalogs").is_dir() else folder
        glossary = folder / "glossary"
        termbase = load_termbase(glossary) if glossary.is_dir() else TERMBASE
        found += assert_local(LOCAL, load_project([catalogs]), termbase)
    assert found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects())
def test_local_checks_read_no_other_message_of_made_up_catalogs(project: Project):
    assert_local(LOCAL, project, TERMBASE)


def test_a_wrong_declaration_is_caught():
    """Declared local, a term check (it fills T162's memo) and a check that reads other
    messages or the coverage are refused."""
    project = load_project([CATALOGS], base=ROOT)
    helpline = find("T101")
    assert helpline is not None and not helpline.local
    with pytest.raises(AssertionError, match="T101 is declared entry-local but uses the per-catalog memo"):
        assert_local([dataclasses.replace(helpline, local=True)], project, TERMBASE)

    def first_of_its_catalog(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
        if entry is context.catalog.entries[0]:
            yield Problem("the first message")

    def below_the_gate(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
        if context.coverage.percent < 50:
            yield Problem("a message of a catalog mostly untranslated")

    for function, read in ((first_of_its_catalog, "entries"), (below_the_gate, "coverage")):
        wrong = dataclasses.replace(helpline, code="X999", function=function, local=True, needs=None)
        with pytest.raises(AssertionError, match=f"X999 is declared entry-local but reads the catalog's {read}"):
            assert_local([wrong], project, TERMBASE)
