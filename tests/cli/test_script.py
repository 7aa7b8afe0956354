"""The ``transkit`` program (``python -m transkit``) ends with ``os._exit`` once the command
is done: its exit status and its output must be the ones the command gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECTS

from transkit.cli import main
from transkit.cli.script import exit_status

FLAT = str(PROJECTS / "flat")


def program(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TRANSKIT_CACHE_DIR": str(cwd / "cache"), "LANGUAGE": "en"}
    return subprocess.run([sys.executable, "-m", "transkit", *args], cwd=cwd, env=env, capture_output=True, timeout=120)


def test_the_program_prints_all_the_command_prints_and_exits_with_its_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    args = ("check", FLAT, "--format", "json", "--fail-on", "warning")
    ran = program(*args, cwd=tmp_path)
    monkeypatch.chdir(tmp_path)  # the files are shown from the working folder
    expected = CliRunner().invoke(main, list(args), env={"TRANSKIT_CACHE_DIR": str(tmp_path / "cache2")})
    assert ran.returncode == expected.exit_code == 1  # the flat project has warnings
    assert json.loads(ran.stdout) == json.loads(expected.stdout)
    assert ran.stdout.endswith(b"}\n")


def test_a_report_written_to_a_file_is_whole(tmp_path: Path):
    ran = program("check", FLAT, "--format", "sarif", "-o", "report.sarif", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert json.loads((tmp_path / "report.sarif").read_bytes())["runs"][0]["results"]


def test_a_usage_error_is_status_2_with_its_message(tmp_path: Path):
    ran = program("check", "--format", "nonsense", cwd=tmp_path)
    assert ran.returncode == 2
    assert b"Error:" in ran.stderr and b"nonsense" in ran.stderr
    assert program("--version", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("code", "status", "printed"),
    [(None, 0, ""), (0, 0, ""), (1, 1, ""), (2, 2, ""), (256, 0, ""), ("stopped", 1, "stopped\n")],
)
def test_exit_status_is_pythons(code: object, status: int, printed: str, capsys: pytest.CaptureFixture[str]):
    assert exit_status(code) == status
    assert capsys.readouterr().err == printed
