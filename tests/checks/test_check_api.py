"""The check API (:mod:`transkit.checks.api`): decorators that register what the function
is, memos keyed by the computing function, an engine that names no check."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import transkit
from transkit.checks import api
from transkit.engine import registry
from transkit.engine.registry import Scope, all_checks, find
from transkit.model.catalog import Catalog, Entry, Project
from transkit.model.coverage import compute, index

PACKAGE = Path(transkit.__file__).parent


@pytest.fixture
def scratch_registry(monkeypatch):
    """A registry whose additions vanish after the test."""
    registry.load_checks()  # the built-in checks registered where they belong, first
    monkeypatch.setattr(registry, "_CHECKS", dict(registry._CHECKS))


def test_each_decorator_registers_its_kind_and_returns_the_function(scratch_registry) -> None:
    @api.entry_check("Z901", "z-entry", api.Severity.INFO, applies=api.Applies.FILLED)
    def z_entry(entry: api.Entry, context: api.CatalogContext):
        """Doc."""
        yield from ()

    @api.catalog_check("Z902", "z-catalog", api.Severity.WARNING)
    def z_catalog(context: api.CatalogContext):
        """Doc."""
        yield from ()

    def facts(context: api.CatalogContext) -> list:
        return []

    @api.project_check("Z903", "z-project", api.Severity.ERROR, facts=facts)
    def z_project(project: api.ProjectFacts, options: api.Options):
        """Doc."""
        yield from ()

    @api.unused_marker_check("Z904", "z-markers", api.Severity.WARNING)
    def z_markers(unused):
        """Doc."""
        yield from ()

    entry, catalog, project, markers = (find(code) for code in ("Z901", "Z902", "Z903", "Z904"))
    assert (entry.scope, entry.applies, entry.function) == (Scope.ENTRY, api.Applies.FILLED, z_entry)
    assert (catalog.scope, catalog.after_suppression, catalog.function) == (Scope.CATALOG, False, z_catalog)
    assert (project.scope, project.facts, project.function) == (Scope.PROJECT, facts, z_project)
    assert (markers.scope, markers.after_suppression, markers.function) == (Scope.CATALOG, True, z_markers)


def test_only_catalog_checks_run_after_suppression(scratch_registry) -> None:
    def dummy(unused):
        """Doc."""
        yield from ()

    with pytest.raises(ValueError, match="only catalog checks run after suppression"):
        registry.register("Z905", "z-after", Scope.ENTRY, api.Severity.INFO, after_suppression=True)(dummy)


def test_the_engine_names_no_check_code() -> None:
    """The run loop treats every check by its kind: a code in its source would be a check
    special-cased (as N101 was)."""
    for name in ("runner.py", "context.py", "registry.py", "suppression.py", "selection.py"):
        source = (PACKAGE / "engine" / name).read_text(encoding="utf-8")
        assert not re.search(r"[\"'][A-Z]{1,3}[0-9]{3}[\"']", source), name


def test_check_modules_import_no_engine_module_but_the_registry() -> None:
    """What a check needs comes from transkit.checks.api (the registry's ``find`` aside)."""
    for path in sorted((PACKAGE / "checks").rglob("*.py")):
        if path.name == "api.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("transkit.engine"):
                assert node.module == "transkit.engine.registry", (path, node.module)
                assert {alias.name for alias in node.names} <= {"find"}, path


def test_every_check_module_registers_with_the_api_decorators() -> None:
    for path in sorted((PACKAGE / "checks").rglob("*.py")):
        if path.name != "api.py":
            assert "register(" not in path.read_text(encoding="utf-8"), path


def _context(**kwargs) -> api.CatalogContext:
    template = Catalog(Path("site.pot"), "site.pot", (), 1, (Entry("Hello"),), is_template=True)
    catalog = Catalog(Path("fr.po"), "fr.po", (), 1, (Entry("Hello", msgstr=("Bonjour",)),), path_language="fr")
    template_index = index(template)
    return api.CatalogContext(
        Project(Path("."), template, (catalog,)),
        catalog,
        template_index,
        compute(catalog, template, template_index),
        api.Options(),
        **kwargs,
    )


def test_memos_are_keyed_by_the_computing_function() -> None:
    context = _context()
    calls: list[str] = []

    def first(context: api.CatalogContext) -> str:
        calls.append("first")
        return "one"

    def second(context: api.CatalogContext) -> str:
        calls.append("second")
        return "two"

    assert [context.per_catalog(first), context.per_catalog(second), context.per_catalog(first)] == [
        "one",
        "two",
        "one",
    ]
    assert calls == ["first", "second"]
    assert context.per_run(first) == "one" and calls[-1] == "first"  # the run's memo is another
    assert context.per_run(first) == "one" and calls.count("first") == 2


def test_for_entry_keeps_the_last_entry_answer_of_each_function() -> None:
    context = _context()
    one, two = Entry("a", msgstr=("x",)), Entry("b", msgstr=("y",))
    calls: list[tuple[str, str]] = []

    def upper(entry: Entry, context: api.CatalogContext) -> str:
        calls.append(("upper", entry.msgid))
        return entry.msgid.upper()

    def double(entry: Entry, context: api.CatalogContext) -> str:
        calls.append(("double", entry.msgid))
        return entry.msgid * 2

    assert context.for_entry(upper, one) == "A" and context.for_entry(double, one) == "aa"
    assert context.for_entry(upper, one) == "A" and context.for_entry(double, one) == "aa"
    assert context.for_entry(upper, two) == "B"
    assert calls == [("upper", "a"), ("double", "a"), ("upper", "b")]


def test_for_source_is_kept_for_the_run_only_when_another_catalog_can_ask() -> None:
    calls: list[tuple] = []

    def joined(text: str, separator: str) -> str:
        calls.append((text, separator))
        return separator.join(text)

    def length(text: str) -> int:
        calls.append((text,))
        return len(text)

    context = _context()
    later = _context(run_memo=context.run_memo)
    assert context.for_source(joined, "ab", "-") == "a-b" and later.for_source(joined, "ab", "-") == "a-b"
    assert context.for_source(length, "ab") == 2 and later.for_source(length, "ab") == 2
    assert calls == [("ab", "-"), ("ab",)]

    alone = _context(remember_sources=False)
    alone.for_source(length, "ab")
    alone.for_source(length, "ab")
    assert calls[2:] == [("ab",), ("ab",)]


def test_the_api_exports_what_a_check_names() -> None:
    for name in api.__all__:
        assert hasattr(api, name), name
    assert {info.code for info in all_checks()} >= {"N101", "P201", "T163", "F001"}
