"""Every command is one library call plus rendering: the command line and a Python user
get the same findings, coverage and exit status, termbase included, on the shipped
catalogs and on a copy with planted defects."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import OTHER_DOMAINS

import transkit
from transkit.cli import main
from transkit.reporting.terms import render_json

ROOT = Path(__file__).resolve().parents[2]
PLANTS = {
    # a wrong digit in the helpline: T102, and T163 across languages
    "fr.po": ("d’assistance au 078 055 800", "d’assistance au 078 055 801"),
    # a broken placeholder: P103
    "de.po": ("mindestens %(min)d Zeichen", "mindestens %(mn)d Zeichen"),
    # the campaign's website removed from a translation: T121
    "nl.po": ('msgstr "Meer informatie in uw taal op stopmensenhandel.be."', 'msgstr "Meer informatie in uw taal."'),
}
PLANTED_CODES = {"T102", "T163", "P103", "T121"}


@dataclass(frozen=True)
class Case:
    root: Path
    planted: bool


def _copy(target: Path, planted: bool) -> Path:
    for folder in ("catalogs", "glossary"):
        shutil.copytree(ROOT / folder, target / folder, ignore=OTHER_DOMAINS)
    if planted:
        for name, (old, new) in PLANTS.items():
            path = target / "catalogs" / name
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{name}: the text to plant a defect in is gone"
            path.write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.fixture(params=[False, True], ids=["shipped", "planted"])
def case(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(tmp_path / "cache"))
    root = _copy(tmp_path / "project", request.param)
    monkeypatch.chdir(root)
    return Case(root, request.param)


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def _rows(findings: list[dict]) -> list[tuple]:
    return [(f["file"], f["line"], f["code"], f["message"]) for f in findings]


def _library_rows(report: transkit.Report) -> list[tuple]:
    return [(f.file, f.line, f.code, f.message) for f in report.findings]


def test_check(case: Case) -> None:
    code, out = _cli("check", "--format", "json", "--no-cache")
    report = transkit.check_paths(cache=False)
    document = json.loads(out)
    assert _rows(document["findings"]) == _library_rows(report)
    assert document["coverage"] == [c.as_dict() for c in report.coverage]
    assert code == report.exit_code() == (1 if case.planted else 0)
    codes = {f.code for f in report.findings}
    assert (PLANTED_CODES <= codes) == case.planted, codes


def test_check_with_options_and_through_the_cache(case: Case) -> None:
    args = ("--lang", "fr", "--lang", "de", "--select", "T", "--select", "P", "--min-coverage", "95")
    for _ in range(2):  # the second run of each is answered by the cache
        code, out = _cli("check", "--format", "json", *args)
        report = transkit.check_paths(languages=["fr", "de"], select=["T", "P"], min_coverage=95)
        assert _rows(json.loads(out)["findings"]) == _library_rows(report)
        assert code == report.exit_code()
    for fail_on in ("never", "warning", "error"):
        code, _ = _cli("check", "--fail-on", fail_on, *args)
        assert code == report.exit_code(fail_on)


def test_stats(case: Case) -> None:
    code, out = _cli("stats", "--format", "json", "--sort", "coverage")
    table = transkit.stats_paths(sort="coverage")
    assert json.loads(out)["coverage"] == [c.as_dict() for c in table.coverage]
    assert code == table.exit_code == 0


def test_terms(case: Case) -> None:
    code, out = _cli("terms", "--format", "json")
    table = transkit.terms_paths()
    rendered = StringIO()
    render_json(table.matrix, rendered)
    assert out == rendered.getvalue()
    assert code == table.exit_code == 0


def test_report(case: Case) -> None:
    code, _ = _cli("report", "-o", "page.html", "--now", "2026-01-01T00:00:00Z")
    editors = transkit.report_paths()
    assert (case.root / "page.html").read_text(encoding="utf-8") == editors.html("2026-01-01T00:00:00Z")
    assert _library_rows(editors.report) == _library_rows(transkit.check_paths(cache=False))
    assert code == editors.exit_code == 0


class _StoppedClock(datetime):
    """The clock of both runs: a minute that turns between them would change the
    PO-Revision-Date they write, not what they do."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _StoppedClock:
        return cls(2026, 12, 6, 12, 0, tzinfo=tz or UTC)


def test_init_update_compile(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("transkit.po.headers.datetime", _StoppedClock)
    assert _cli("init", "so")[0] == 0
    assert _cli("update")[0] == 0
    assert _cli("compile", "-o", "build", "--only-passing")[0] == 0

    twin = _copy(tmp_path / "twin", case.planted)
    os.chdir(twin)
    created = transkit.init_catalog("so")
    assert created.path.resolve() == (twin / "catalogs/so.po").resolve() and created.messages == 50
    updated = transkit.update_paths()
    assert updated.written and len(updated.updates) == 24
    compiled = transkit.compile_paths(output_dir="build", only_passing=True)
    assert ("catalogs/fr.po" in compiled.skipped) == case.planted

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert tree(case.root / "catalogs") == tree(twin / "catalogs")
    assert tree(case.root / "build") == tree(twin / "build")
    assert len(tree(twin / "build")) == len(compiled.written)


def test_the_library_finds_the_termbase_as_the_command_does(case: Case) -> None:
    """The first thing a Python user tries, from the project root."""
    report = transkit.check_paths(["catalogs"])
    assert report.notes == ()
    assert ("T102" in {f.code for f in report.findings}) == case.planted
    shutil.rmtree(case.root / "glossary")
    bare = transkit.check_paths(["catalogs"])
    assert bare.notes == ("no termbase (glossary/) found: critical-term checks skipped",)
    assert not any(f.code.startswith("T1") for f in bare.findings)


def test_export_import(case: Case, tmp_path: Path) -> None:
    assert _cli("export", "fr", "de", "nl", "ti", "-o", "packages")[0] == 0
    packages = sorted(str(p.relative_to(case.root)) for p in (case.root / "packages").iterdir())
    assert _cli("import", *packages)[0] == 0

    twin = _copy(tmp_path / "twin", case.planted)
    os.chdir(twin)
    exported = transkit.export_packages(["fr", "de", "nl", "ti"], "packages")
    imported = transkit.import_packages(packages)
    assert all(not language.changed and not language.refused for language in imported.languages)

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert tree(case.root / "packages") == tree(twin / "packages")
    assert tree(case.root / "catalogs") == tree(twin / "catalogs")
    # Needs work: the planted defects' messages, with their findings for the translator.
    written = {package.language: package.units for package in exported.packages}
    assert (written["fr"] > 0) == case.planted
    if case.planted:
        assert "T102" in (twin / "packages" / "campaign.fr.xliff").read_text(encoding="utf-8")
