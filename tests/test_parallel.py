"""Checking catalogs in several processes gives the very same report as one process."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import CATALOGS, ROOT
from transkit import Options, check, load_project
from transkit.cli import main
from transkit.glossary import load_termbase


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
