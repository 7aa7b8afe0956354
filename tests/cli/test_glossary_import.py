"""`transkit glossary import` at a project's root and into its termbase folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from transkit.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("catalogs", "glossary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "campaign"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    exported = CliRunner().invoke(main, ["glossary", "export", "--format", "tbx", "-o", "terms.tbx"])
    assert exported.exit_code == 0, exported.output
    return tmp_path


def test_import_beside_other_toml_files_reads_only_what_it_writes(project: Path) -> None:
    """A project root holds pyproject.toml: it is not a termbase file and is not read."""
    result = CliRunner().invoke(main, ["glossary", "import", "terms.tbx", "-o", "terms.toml"])
    assert result.exit_code == 0, result.output
    assert "13 terms imported" in result.stderr
    written = (project / "terms.toml").read_text(encoding="utf-8")
    assert written.count("[[terms]]") == 13 and 'id = "helpline"' in written


def test_import_into_the_termbase_folder_refuses_ids_it_already_has(project: Path) -> None:
    result = CliRunner().invoke(main, ["glossary", "import", "terms.tbx", "-o", "glossary/again.toml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("glossary/again.toml: term ids already in glossary: ")
    assert not (project / "glossary/again.toml").exists()
