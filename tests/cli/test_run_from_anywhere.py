"""`transkit check` finds its project from a subfolder, as ruff, pytest and git do, and
shows paths relative to where the user stands."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from transkit.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "project"
    for folder in ("catalogs", "glossary"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "docs" / "notes").mkdir(parents=True)
    return root


def _findings(where: Path, root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, list[tuple]]:
    monkeypatch.chdir(where)
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.stdout)["findings"]
    # Paths are relative to the working folder: make them relative to the project again.
    rows = [(os.path.normpath(os.path.relpath(where / f["file"], root)), f["line"], f["code"]) for f in findings]
    return result.exit_code, rows


def test_the_same_findings_from_the_root_the_catalogs_and_a_nested_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_root = _findings(project, project, monkeypatch)
    assert at_root[1], "the shipped catalogs have findings to compare"
    assert _findings(project / "catalogs", project, monkeypatch) == at_root
    assert _findings(project / "docs" / "notes", project, monkeypatch) == at_root


def test_paths_are_shown_relative_to_where_the_user_stands(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "docs" / "notes")
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    files = {f["file"] for f in json.loads(result.stdout)["findings"]}
    assert files and all(name.startswith("../../catalogs/") for name in files), files


def test_a_configuration_up_the_tree_is_the_project_s(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "transkit.toml").write_text('select = ["C105"]\n', encoding="utf-8")
    code, rows = _findings(project / "docs" / "notes", project, monkeypatch)
    assert rows and {row[2] for row in rows} == {"C105"}


def test_init_from_a_subfolder_creates_the_catalog_in_the_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "docs" / "notes")
    result = CliRunner().invoke(main, ["init", "so"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Created ../../catalogs/so.po: Somali (so)")
    assert (project / "catalogs" / "so.po").is_file()
