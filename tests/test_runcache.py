"""A second ``transkit check`` over unchanged input answers from the cache; any change
to what the report depends on is a miss; a damaged cache is ignored."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CATALOGS, ROOT
from transkit.cli import commands, main


@pytest.fixture
def project(in_tmp: Path) -> Path:
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    return in_tmp


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the runs of the checks (a cache hit makes none)."""
    calls: list[int] = []
    real = commands.run

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(commands, "run", counted)
    return calls


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)


def cache_files() -> list[Path]:
    return sorted(Path(os.environ["TRANSKIT_CACHE_DIR"]).glob("check-*.json"))


def test_a_second_run_is_answered_from_the_cache(project: Path, runs: list[int]):
    first = check()
    second = check()
    assert len(runs) == 1
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
    assert len(cache_files()) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "catalogs/fr.po").write_bytes((root / "catalogs/fr.po").read_bytes().replace(b"078 055 800", b"078 055 801", 1)),
        lambda root: (root / "catalogs/campaign.pot").write_bytes((root / "catalogs/campaign.pot").read_bytes() + b"\n"),
        lambda root: (root / "glossary/campaign.toml").write_bytes((root / "glossary/campaign.toml").read_bytes() + b"\n# note\n"),
        lambda root: (root / "transkit.toml").write_text('select = ["T"]\n'),
    ],
    ids=["catalog", "template", "termbase", "configuration"],
)
def test_any_change_of_the_input_is_a_miss(project: Path, runs: list[int], change):
    check()
    change(project)
    check()
    assert len(runs) == 2
    assert len(cache_files()) == 2


def test_other_options_are_other_entries(project: Path, runs: list[int]):
    check()
    check("--select", "C")
    check("--lang", "fr")
    check("--select", "C")
    assert len(runs) == 3


def test_a_damaged_cache_is_ignored(project: Path, runs: list[int]):
    expected = check().stdout
    (entry,) = cache_files()
    for damage in ("not json", json.dumps({"format": 1, "key": "other"}), json.dumps({"format": 1, "key": entry.stem[6:], "findings": [{"x": 1}]})):
        entry.write_text(damage)
        result = check()
        assert result.exit_code in (0, 1) and result.stdout == expected
    assert len(runs) == 4


def test_no_cache_neither_reads_nor_writes(project: Path, runs: list[int]):
    check("--no-cache")
    check("--no-cache")
    assert len(runs) == 2
    assert cache_files() == []


def test_an_unwritable_cache_folder_is_no_error(project: Path, runs: list[int], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(project / "catalogs" / "fr.po" / "cache"))  # under a file
    assert check().exit_code == 0
    assert check().exit_code == 0
    assert len(runs) == 2
