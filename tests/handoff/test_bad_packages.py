"""Packages that cannot be imported: one line ``path:line: message``, exit 2, and not one
catalog written, whichever package of several is the bad one."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import snapshot
from handoff_helpers import Xliff, copy_campaign, invoke


@pytest.fixture
def project(in_tmp: Path) -> Path:
    copy_campaign(in_tmp)
    assert invoke("export", "fr", "nl", "--only", "all", "-o", "out").exit_code == 0
    # A good package next to the bad one: it must not be applied either.
    good = Xliff(in_tmp / "out" / "campaign.nl.xliff")
    good.translate("Skip to main content", "Naar de inhoud")
    good.save()
    return in_tmp


def _refused(project: Path, bad: Path, expected: str) -> None:
    before = snapshot(project / "catalogs")
    result = invoke("import", "out/campaign.nl.xliff", str(bad.relative_to(project)))
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.output
    assert lines[0].startswith(str(bad.relative_to(project)) + ":")
    assert "Traceback" not in result.output
    assert snapshot(project / "catalogs") == before


def test_not_a_package(project: Path) -> None:
    bad = project / "notes.xliff"
    bad.write_text("dear translator, here are my notes", encoding="utf-8")
    _refused(project, bad, "damaged package")


def test_wrong_language(project: Path) -> None:
    bad = project / "out" / "campaign.fr.xliff"
    bad.write_text(bad.read_text(encoding="utf-8").replace('trgLang="fr"', 'trgLang="ja"'), encoding="utf-8")
    _refused(project, bad, "package for language 'ja'")


def test_a_unit_id_that_does_not_exist(project: Path) -> None:
    bad = project / "out" / "campaign.fr.xliff"
    package = Xliff(bad)
    package.unit("Quick exit").set("id", "m0000000000000000")
    package.save()
    _refused(project, bad, "unit id 'm0000000000000000' does not exist")
    line = package.unit("Quick exit").sourceline
    assert f"campaign.fr.xliff:{line}: " in invoke("import", str(bad.relative_to(project))).output


def test_a_damaged_xlsx(project: Path) -> None:
    invoke("export", "fr", "--format", "xlsx", "--only", "all", "-o", "fr.xlsx")
    bad = project / "fr.xlsx"
    bad.write_bytes(bad.read_bytes()[:2000])
    _refused(project, bad, "damaged spreadsheet")


def test_a_formula_in_an_xlsx_is_refused_not_evaluated(project: Path) -> None:
    invoke("export", "fr", "--format", "xlsx", "--only", "all", "-o", "fr.xlsx")
    bad = project / "fr.xlsx"
    book = openpyxl.load_workbook(bad)
    book["Translations"]["F2"] = '=HYPERLINK("http://evil.example","Stop")'
    book.save(bad)
    _refused(project, bad, "formula in cell Translations!F2")


def test_xml_entities_are_refused(project: Path) -> None:
    bad = project / "bomb.xliff"
    bad.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">&b;</xliff>\n',
        encoding="utf-8",
    )
    _refused(project, bad, "XML refused")


def test_a_package_over_the_size_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transkit.handoff import safety

    monkeypatch.setattr(safety, "MAX_PACKAGE_BYTES", 100_000)
    bad = project / "out" / "campaign.fr.xliff"
    bad.write_bytes(bad.read_bytes() + b" " * 100_000)  # whitespace after the root: still well-formed
    _refused(project, bad, "package too large")
