"""A second ``transkit check`` over unchanged input answers from the cache; any change
to what the report depends on is a miss; a damaged cache is ignored."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, OTHER_DOMAINS, ROOT

from transkit.cli import main
from transkit.engine import cache as runcache
from transkit.engine import runner as engine


@pytest.fixture
def project(in_tmp: Path) -> Path:
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    return in_tmp


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogs checked, by display path (a cached result checks none)."""
    checked: list[str] = []
    real = engine._check_catalog

    def counted(shared, catalog):
        checked.append(catalog.display_path)
        return real(shared, catalog)

    monkeypatch.setattr(engine, "_check_catalog", counted)
    return checked


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)


def cache_files(kind: str = "check") -> list[Path]:
    return sorted(Path(os.environ["TRANSKIT_CACHE_DIR"]).glob(f"{kind}-*.json"))


ALL = 23


def test_a_second_run_is_answered_from_the_cache(project: Path, runs: list[str]):
    first = check()
    second = check()
    assert len(runs) == ALL
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
    assert len(cache_files()) == 1
    assert len(cache_files("catalog")) == ALL


def _change_helpline(root: Path) -> None:
    path = root / "catalogs/fr.po"
    data = path.read_bytes()
    assert b'msgstr "Appeler le 078 055 800"' in data
    path.write_bytes(data.replace(b'msgstr "Appeler le 078 055 800"', b'msgstr "Appeler le 078 055 801"'))


@pytest.mark.parametrize(
    "change, rechecked",
    [
        (_change_helpline, 1),
        (
            lambda root: (root / "catalogs/campaign.pot").write_bytes(
                (root / "catalogs/campaign.pot").read_bytes() + b"\n"
            ),
            ALL,
        ),
        (
            lambda root: (root / "glossary/campaign.toml").write_bytes(
                (root / "glossary/campaign.toml").read_bytes() + b"\n# note\n"
            ),
            ALL,
        ),
        (lambda root: (root / "transkit.toml").write_text('select = ["T"]\n'), ALL),
    ],
    ids=["catalog", "template", "termbase", "configuration"],
)
def test_any_change_of_the_input_is_a_miss(project: Path, runs: list[str], change, rechecked: int):
    check()
    change(project)
    check()
    assert len(runs) == ALL + rechecked
    assert len(cache_files()) == 2


def test_one_changed_catalog_is_the_only_one_checked_again(project: Path, runs: list[str]):
    """The pre-commit case: the other catalogs' results and the facts the cross-language
    check needs come from the cache, and the report is the one a cold run gives."""
    check()
    _change_helpline(project)
    warm = check()
    assert runs[ALL:] == ["catalogs/fr.po"]
    cold = check("--no-cache")
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stdout == cold.stdout
    crossed = [f for f in json.loads(warm.stdout)["findings"] if f["code"] == "T163"]
    assert crossed and all(f["file"] == "catalogs/fr.po" for f in crossed)
    assert "which 22 other languages give" in crossed[0]["message"]


def test_other_options_are_other_entries(project: Path, runs: list[str]):
    check()
    check("--select", "C")
    check("--lang", "fr")
    check("--select", "C")
    assert len(runs) == ALL + ALL + 1


def test_a_damaged_cache_is_ignored(project: Path, runs: list[str]):
    expected = check().stdout
    (entry,) = cache_files()
    for damage in (
        "not json",
        json.dumps({"format": 1, "key": "other"}),
        json.dumps({"format": 1, "key": entry.stem[6:], "findings": [{"x": 1}]}),
    ):
        entry.write_text(damage)
        result = check()
        assert result.exit_code in (0, 1) and result.stdout == expected
    assert len(runs) == ALL  # each catalog's result was still good


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "not json",
        lambda data: json.dumps({**data, "format": 1}),
        lambda data: json.dumps({**data, "digest": "0" * 64}),
        lambda data: json.dumps({**data, "display_path": "catalogs/other.po"}),
        lambda data: json.dumps({**data, "findings": [{"x": 1}]}),
        lambda data: json.dumps({**data, "coverage": None}),
        lambda data: json.dumps({**data, "markers": [[None, "x", [{"selectors": 3}]]]}),
        lambda data: json.dumps({key: value for key, value in data.items() if key != "facts"}),
    ],
    ids=[
        "not-json",
        "old-format",
        "other-digest",
        "other-file",
        "bad-finding",
        "no-coverage",
        "bad-marker",
        "no-facts",
    ],
)
def test_a_damaged_catalog_entry_is_checked_again(project: Path, runs: list[str], damage):
    expected = check().stdout
    for entry in cache_files():
        entry.unlink()
    for entry in cache_files("catalog"):
        entry.write_text(damage(json.loads(entry.read_text(encoding="utf-8"))))
    result = check()
    assert result.stdout == expected
    assert len(runs) == 2 * ALL


def test_no_cache_neither_reads_nor_writes(project: Path, runs: list[str]):
    check("--no-cache")
    check("--no-cache")
    assert len(runs) == 2 * ALL
    assert cache_files() == [] and cache_files("catalog") == []


def test_an_unwritable_cache_folder_is_no_error(project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(project / "catalogs" / "fr.po" / "cache"))  # under a file
    assert check().exit_code == 0
    assert check().exit_code == 0
    assert len(runs) == 2 * ALL


def test_the_cache_keeps_the_most_recently_used_entries(
    project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(runcache, "MAX_ENTRIES", 30)
    check("--select", "C")
    check()  # stores 24 more files: the oldest are removed down to 30
    folder = Path(os.environ["TRANSKIT_CACHE_DIR"])
    assert len(list(folder.glob("*.json"))) == 30
    before = len(runs)
    check()
    assert len(runs) == before  # the last run's entries were kept


def test_one_changed_catalog_writes_a_small_index_not_the_report_again(project: Path, runs: list[str]):
    """The run's entry names its catalogs' entries: after one catalog changed, what is
    written is that catalog's entry and an index, and the index answers the next run."""
    check()
    _change_helpline(project)
    warm = check()
    newest = max(cache_files(), key=lambda entry: entry.stat().st_mtime)
    index = json.loads(newest.read_bytes())
    assert len(index["catalogs"]) == ALL
    found = json.loads(warm.stdout)["findings"]
    assert found and len(index["others"]) < len(found)  # the catalogs' findings are in their entries only
    answered = check()
    assert runs[ALL:] == ["catalogs/fr.po"]
    assert answered.stdout == warm.stdout == check("--no-cache").stdout


def test_a_pruned_catalog_entry_is_checked_again(project: Path, runs: list[str]):
    expected = check().stdout
    removed = cache_files("catalog")[0]
    removed.unlink()
    assert check().stdout == expected
    assert len(runs) == ALL + 1  # the index named an entry that is gone: the run is done again


def test_with_a_baseline_the_cached_report_is_the_fresh_one(project: Path, runs: list[str]):
    """A baseline drops findings by count across the whole report: the run's entry then
    holds the report itself, and the cached answer is the fresh one."""
    baseline = project / "baseline.json"
    check("--write-baseline", str(baseline))
    _change_helpline(project)
    (project / "catalogs/de.po").write_bytes((project / "catalogs/de.po").read_bytes() + b"\n# edited\n")
    fresh = check("--baseline", str(baseline), "--no-cache")
    first = check("--baseline", str(baseline))
    second = check("--baseline", str(baseline))
    assert first.stdout == second.stdout == fresh.stdout
    assert json.loads(fresh.stdout)["findings"]  # the baseline left something to compare


def test_a_parallel_run_stores_its_report_as_an_index(project: Path, monkeypatch: pytest.MonkeyPatch):
    """Catalogs checked in worker processes come back pickled; the cache and the report
    must hold the same findings, or the report is stored whole (45 MB for a large project,
    rewritten on every run where one catalog changed) instead of as an index of them."""
    first = check("-j", "2", "--select", "C")
    assert first.exit_code in (0, 1)
    (stored,) = cache_files()
    assert "catalogs" in json.loads(stored.read_bytes())
    assert check("-j", "2", "--select", "C").stdout == first.stdout
