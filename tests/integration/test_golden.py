"""Every output format against a golden file: the contract a CI parser or a reader relies on.

Regenerate after a deliberate change with ``TRANSKIT_UPDATE_GOLDEN=1 pytest tests/integration/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, GOLDEN, PROJECTS

from transkit.cli import main

CASES = {
    "check.txt": ["check", "--select", "C", "--select", "H101"],
    "check.json": ["check", "--select", "C", "--select", "H101", "--format", "json"],
    "stats.txt": ["stats"],
    "stats.json": ["stats", "--format", "json"],
    "stats.csv": ["stats", "--format", "csv"],
    "terms.txt": ["terms", "--glossary", "terms-glossary"],
    "terms.json": ["terms", "--glossary", "terms-glossary", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(name: str, in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    if name.startswith("terms"):
        shutil.rmtree(in_tmp / "catalogs")
        shutil.copytree(DATA / "checks" / "terms" / "catalogs", in_tmp / "catalogs")
        shutil.copytree(DATA / "checks" / "terms" / "glossary", in_tmp / "terms-glossary")
    result = CliRunner().invoke(main, CASES[name])
    assert result.exit_code in (0, 1), result.output
    golden = GOLDEN / name
    if os.environ.get("TRANSKIT_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
