"""Checking catalogs in several processes gives the very same report as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, DATA, OTHER_DOMAINS, ROOT

from transkit import Options, check, load_project
from transkit.cli import main
from transkit.terms import load_termbase


def test_parallel_report_is_the_serial_report():
    project = load_project([CATALOGS])
    options = Options(termbase=load_termbase(ROOT / "glossary"))
    serial = check(project, options, jobs=1)
    parallel = check(project, options, jobs=2)
    assert parallel == serial
    assert len(serial.findings) > 0 and len(serial.coverage) == 23


def test_jobs_option_changes_nothing_in_the_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    one = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "-j", "1"])
    two = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "-j", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def _files_report(folder: Path, options: Options, jobs: int):
    from transkit.engine.runner import run_files
    from transkit.project.locate import locate_files

    template, files = locate_files([folder])
    return run_files(Path.cwd(), template, files, options, jobs=jobs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_catalogs_read_where_they_are_checked_give_the_same_report(jobs: int, monkeypatch):
    """``run_files`` (each catalog read by the process that checks it) is ``run`` over the
    loaded project, findings of the cross-language check included."""
    monkeypatch.chdir(ROOT)
    options = Options(termbase=load_termbase(ROOT / "glossary"))
    expected = check(load_project([CATALOGS], base=ROOT), options)
    assert _files_report(CATALOGS, options, jobs) == expected


def test_an_unreadable_catalog_among_files_is_a_finding(monkeypatch):
    folder = DATA / "projects" / "one_broken"
    monkeypatch.chdir(ROOT)
    expected = check(load_project([folder], base=ROOT), Options())
    got = _files_report(folder, Options(), 2)
    assert got == expected
    assert got.unreadable == 1 and any(f.code == "F001" for f in got.findings)


def test_the_cross_language_check_sees_every_catalog_through_its_facts(tmp_path: Path, monkeypatch):
    """One language gives another helpline number: T163 names it, counted against the
    others, whether the catalogs are checked in one process or two."""
    shutil.copytree(CATALOGS, tmp_path / "catalogs", ignore=OTHER_DOMAINS)
    path = tmp_path / "catalogs" / "nl.po"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [line.replace("078 055 800", "078 055 880") if line.startswith("msgstr") else line for line in lines]
    assert changed != lines
    path.write_text("".join(changed), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = Options(termbase=load_termbase(ROOT / "glossary"))
    reports = [_files_report(tmp_path / "catalogs", options, jobs) for jobs in (1, 2)]
    assert reports[0] == reports[1]
    crossed = [f for f in reports[0].findings if f.code == "T163"]
    assert crossed and {f.file for f in crossed} == {"catalogs/nl.po"}
    assert all("+3278055880 differ from the source's +3278055800" in f.message for f in crossed)
    assert all("which 22 other languages give" in f.message for f in crossed)


@pytest.mark.parametrize("jobs", [1, 2])
def test_coverage_of_files_is_coverage_of_the_loaded_project(jobs: int, monkeypatch):
    """What ``transkit stats`` counts, catalog by catalog in workers, is what it counted
    over the loaded project; an unreadable catalog is a failure, not a row."""
    from transkit.engine.coverage import coverage_of_files
    from transkit.model.coverage import compute
    from transkit.project.locate import locate_files

    folder = DATA / "projects" / "one_broken"
    monkeypatch.chdir(ROOT)
    project = load_project([folder])
    template, files = locate_files([folder])
    rows, failures = coverage_of_files(template, files, jobs=jobs)
    assert rows == [compute(catalog, project.template) for catalog in project.catalogs]
    assert failures == list(project.failures) and len(failures) == 1


def _write_catalog(path: Path, language: str, messages: int) -> None:
    header = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n\n'
    body = "".join(
        f'msgid "Call the helpline about case {n}."\nmsgstr "{language}: appelez la ligne pour le cas {n}."\n\n'
        for n in range(messages)
    )
    path.write_text(header + body, encoding="utf-8")


def _largest_caches() -> list[tuple[str, int]]:
    import sys

    sizes = [
        (f"{name}.{attribute}", value.cache_info().currsize)
        for name, module in list(sys.modules.items())
        if name.startswith("transkit.")
        for attribute, value in vars(module).items()
        if callable(getattr(value, "cache_info", None))
    ]
    return sorted(sizes, key=lambda pair: -pair[1])


def test_a_checked_catalogs_texts_do_not_stay_in_the_caches(tmp_path: Path, monkeypatch):
    """Memory at scale: once a catalog is checked, the function caches keyed by its texts
    are emptied, so a worker does not carry every earlier catalog's translations."""
    from transkit.engine import runner as engine

    folder = _numbered_project(tmp_path)
    forget, seen = engine.forget_text_caches, []

    def forget_and_look() -> None:
        before = _largest_caches()
        forget()
        seen.append((before, _largest_caches()))

    monkeypatch.setattr(engine, "forget_text_caches", forget_and_look)
    monkeypatch.chdir(tmp_path)
    assert len(_files_report(folder, Options(), 1).coverage) == 2
    assert len(seen) == 2  # once per catalog
    for before, after in seen:
        assert before[0][1] >= 600  # the catalog's 600 texts were there ...
        assert after[0][1] <= engine.KEPT_CACHE_SIZE  # ... and are gone


def test_forgetting_within_a_catalog_changes_nothing_in_the_report(tmp_path: Path, monkeypatch):
    """A very large catalog's checks forget the caches every so many entries: the
    findings are those of a run that never forgets."""
    from transkit.engine import runner as engine

    folder = _numbered_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    options = Options(termbase=load_termbase(ROOT / "glossary"))
    forget, calls = engine.forget_text_caches, []
    monkeypatch.setattr(engine, "forget_text_caches", lambda: None)
    expected = _files_report(folder, options, 1)
    forget()
    monkeypatch.setattr(engine, "forget_text_caches", lambda: (calls.append(1), forget()))
    monkeypatch.setattr(engine, "FORGET_EVERY", 250)
    assert _files_report(folder, options, 1) == expected
    assert len(calls) == 2 * 3  # at entries 250 and 500, and after each catalog
    assert expected.findings  # the numbered messages do give findings


@pytest.mark.parametrize("languages", [("fr", "nl"), ("fr",)])
def test_source_answers_are_kept_only_when_another_catalog_can_ask(tmp_path: Path, monkeypatch, languages):
    """Checks keep what they derive from a source for the next language's catalog; a
    run that checks one catalog (one 100 MB file) keeps none of it."""
    from transkit.engine import runner as engine

    folder = _numbered_project(tmp_path, languages)
    monkeypatch.chdir(tmp_path)
    contexts = []
    real = engine.CatalogContext
    monkeypatch.setattr(engine, "CatalogContext", lambda *a, **k: contexts.append(real(*a, **k)) or contexts[-1])
    report = _files_report(folder, Options(), 1)
    assert len(contexts) == len(languages) and report.findings
    kept = sum(len(v) for k, v in contexts[0].run_memo.items() if isinstance(k, tuple) and k[0] == "source")
    if len(languages) > 1:
        assert kept >= 600  # every message source's numbers, at least
    else:
        assert kept == 0


def _numbered_project(tmp_path: Path, languages: tuple[str, ...] = ("fr", "nl")) -> Path:
    """A template of 600 messages and a catalog of it per language (fr, nl)."""
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / "app.pot").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + "".join(f'msgid "Call the helpline about case {n}."\nmsgstr ""\n\n' for n in range(600)),
        encoding="utf-8",
    )
    for language in languages:
        _write_catalog(folder / f"{language}.po", language, 600)
    return folder


def test_a_parallel_run_leaves_the_collector_as_it_was(monkeypatch):
    """The objects shared with the worker processes are frozen while they run (so that
    the workers' collections do not write to their pages); a caller's collector is given
    back as it was, nothing left frozen."""
    import gc

    monkeypatch.chdir(ROOT)
    enabled = gc.isenabled()
    gc.enable()  # a caller's collector: running, nothing frozen
    gc.unfreeze()
    try:
        report = _files_report(CATALOGS, Options(), 2)
        assert report.findings
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        if not enabled:
            gc.disable()


def test_worker_processes_take_the_largest_catalogs_first(tmp_path: Path):
    """The last catalogs handed out are the small ones, so no worker waits long for the
    other at the end; sorted is stable (equal sizes keep their order), a missing file last."""
    from transkit.engine.runner import largest_first
    from transkit.model.catalog import CatalogFile

    sizes = {"fr": 300, "nl": 100, "ar": 500, "de": 100}
    files = []
    for code, size in sizes.items():
        path = tmp_path / f"{code}.po"
        path.write_bytes(b"#" * size)
        files.append(CatalogFile(path, path.name, code))
    files.append(CatalogFile(tmp_path / "gone.po", "gone.po", "xx"))
    order = largest_first(files, list(range(len(files))))
    assert [files[n].display_path for n in order] == ["ar.po", "fr.po", "nl.po", "de.po", "gone.po"]


def test_a_worker_forgets_each_languages_tables_once_its_catalog_is_checked(monkeypatch):
    """Each catalog a worker process checks is of another language: the tables of the
    languages it checked before (CLDR words, plural rules, stemmers, about a megabyte
    each) would only add up, at the run's peak of memory. The workers' task runs here, in
    order, so that what it leaves behind can be seen; a serial run keeps the tables."""
    from transkit.engine import runner
    from transkit.model import languages
    from transkit.po import plural_rules

    project = load_project([CATALOGS])
    options = Options(termbase=load_termbase(ROOT / "glossary"))
    languages.forget_language_tables()
    check(project, options, jobs=1)
    assert plural_rules._known_rules.cache_info().currsize == 23  # serial: every language's, kept

    def here(task, numbers, workers, meanwhile=None):
        if meanwhile is not None:
            meanwhile()
        return (task(number) for number in numbers)

    monkeypatch.setattr(runner, "map_numbers", here)
    tasks: list[str] = []
    real = runner._check_packed
    monkeypatch.setattr(runner, "_check_packed", lambda shared, n: tasks.append("packed") or real(shared, n))
    assert check(project, options, jobs=2) == check(project, options, jobs=1)
    assert tasks  # the workers' task ran
    languages.forget_language_tables()  # what the serial run just filled
    check(project, options, jobs=2)
    assert len(languages._LANGUAGE_TABLES) == 3
    assert all(table.cache_info().currsize == 0 for table in languages._LANGUAGE_TABLES)
