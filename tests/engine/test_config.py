"""Configuration files: values reach the checks, mistakes are one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECTS

from transkit.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(in_tmp: Path) -> Path:
    shutil.copytree(PROJECTS / "flat", in_tmp / "po")
    return in_tmp


def test_pyproject_table_sets_catalogs_and_gates(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.transkit]\ncatalogs = "po"\nmin-coverage = 50\n'
        "\n[tool.transkit.languages.nl]\nmin-coverage = 30\n"
    )
    result = run("check")
    assert result.exit_code == 0, result.output  # nl 33.3% passes its own 30% gate
    (project / "pyproject.toml").write_text('[tool.transkit]\ncatalogs = "po"\nmin-coverage = 50\n')
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    assert [f["language"] for f in json.loads(result.stdout)["findings"] if f["code"] == "C109"] == ["nl"]


def test_transkit_toml_wins_and_sets_fail_on_and_selection(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.transkit]\ncatalogs = "nowhere"\n')
    (project / "transkit.toml").write_text('catalogs = "po"\nfail-on = "warning"\nselect = ["C103"]\n')
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"C103"}
    assert run("check", "--fail-on", "error").exit_code == 0  # the command line wins


@pytest.mark.parametrize(
    "text, message",
    [
        ('catalogs = "po"\ncatalog = "x"\n', "transkit.toml:2: unknown key 'catalog'"),
        ('fail-on = "sometimes"\n', "transkit.toml:1: 'fail-on' must be one of error, warning, never"),
        ("min-coverage = 120\n", "transkit.toml:1: 'min-coverage' must be a number from 0 to 100"),
        ('select = "C1"\n', "transkit.toml:1: 'select' must be a list"),
        ("[languages.xx]\nmin-coverage = 1\n", "transkit.toml:1: [languages.xx]: 'xx' is not a language code"),
        ("[languages.fr]\nmax = 1\n", "transkit.toml:2: unknown key 'max' in [languages.fr]"),
        ('catalogs = "po\n', "transkit.toml:1: invalid TOML"),
    ],
)
def test_config_errors(project: Path, text: str, message: str) -> None:
    (project / "transkit.toml").write_text(text)
    result = run("check", "po")
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_explicit_config_file(project: Path) -> None:
    (project / "ci.toml").write_text('catalogs = "po"\nmin-coverage = 90\n')
    assert run("check", "--config", "ci.toml").exit_code == 1
    result = run("check", "--config", "nope.toml")
    assert result.exit_code == 2 and result.stderr == "nope.toml: file not found\n"
