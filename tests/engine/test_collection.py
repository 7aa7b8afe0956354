"""The cyclic garbage collector is paused while a run builds its large heaps, and left
exactly as the caller had it: a library user's process must not come out of
``check_paths`` with the collector off, or with objects frozen it never froze."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from conftest import CATALOGS, ROOT

from transkit.api.checking import check_paths
from transkit.api.tables import stats_paths
from transkit.engine import collection, runner


class Node:
    """Something that can be in a reference cycle and be watched through a weak reference."""

    other: Node | None = None


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector on and nothing frozen, as a fresh process has it, and so again after."""
    was = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if not was:
        gc.disable()


def test_a_check_runs_without_the_automatic_collector_and_gives_it_back(collector, monkeypatch) -> None:
    seen: list[bool] = []
    checking = runner._check_catalog

    def watched(shared, catalog):
        seen.append(gc.isenabled())
        return checking(shared, catalog)

    monkeypatch.setattr(runner, "_check_catalog", watched)
    report = check_paths([CATALOGS], glossary=ROOT / "glossary", cache=False, jobs=1)
    assert report.coverage and seen and not any(seen)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_stats_gives_the_collector_back(collector) -> None:
    assert stats_paths([CATALOGS]).coverage
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_cycles_made_during_a_run_are_freed_where_the_run_collects(collector) -> None:
    with collection.paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        watch = weakref.ref(a)
        del a, b
        assert watch() is not None  # the automatic collector is off
        collection.collect()
        assert watch() is None


def test_what_survives_a_collection_is_given_back_to_the_collector(collector) -> None:
    with collection.paused():
        kept = Node()
        collection.collect()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0 and gc.is_tracked(kept)


def test_an_error_inside_gives_the_collector_back(collector) -> None:
    with pytest.raises(RuntimeError), collection.paused():
        raise RuntimeError
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_caller_without_the_collector_keeps_it_off(collector) -> None:
    gc.disable()
    with collection.paused():
        collection.collect()  # not paused by this module: nothing to do
        assert gc.get_freeze_count() == 0
    assert not gc.isenabled()


def test_a_caller_that_froze_objects_keeps_them_frozen(collector) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    with collection.paused():
        assert gc.isenabled()  # left alone: unfreezing at the end would thaw the caller's objects
        collection.collect()
    assert gc.get_freeze_count() == frozen


def test_what_a_run_allocated_is_given_back_as_old_objects(collector) -> None:
    """The first young collection after the pause would otherwise walk every object the
    run made (a warm run's 113,000 findings: 0.3 s)."""
    with collection.paused():
        kept = Node()
    assert gc.is_tracked(kept)
    assert any(o is kept for o in gc.get_objects(generation=2))
    assert not any(o is kept for o in gc.get_objects(generation=0))


READ = sorted(
    path
    for folder in (CATALOGS, ROOT / "tests" / "data")
    for path in folder.rglob("*.po*")
    if path.suffix in (".po", ".pot")
)


def test_reading_leaves_no_cycles_behind(collector) -> None:
    """A run freezes a catalog as soon as it is read, and the template once the run has
    it, without a collection (a walk of some 40,000 entries, 75 ms of a pre-commit run):
    that is right only if reading leaves no reference cycle behind, which a freeze would
    keep until the run ends. Every catalog of the repository that reads is read so."""
    from transkit.engine.template_cache import read_template
    from transkit.errors import CatalogError
    from transkit.po.reader import read_catalog

    gc.collect()
    gc.freeze()  # the test process's own objects: each collection below walks what reading made
    gc.disable()
    read = 0
    try:
        for path in READ:
            try:
                catalog = read_catalog(path, path.name, is_template=path.suffix == ".pot")
            except CatalogError:
                gc.collect()  # refused: nothing of it is frozen
                continue
            assert gc.collect() == 0, path
            read += 1
            del catalog
            if path.suffix == ".pot":
                read_template(path, path.name)  # parsed and kept, then read back
                read_template(path, path.name)
                assert gc.collect() == 0, path
    finally:
        gc.enable()
    assert read > 100
