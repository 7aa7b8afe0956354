"""Each package format as its readers see it: XLIFF 2.0 valid against the OASIS schemas,
XLIFF 1.2 read back by Translate Toolkit's xliff2po with the same units, XLSX sheets
right to left where the language is and every cell text, formulas never live."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import DATA
from handoff_helpers import copy_campaign, invoke
from lxml import etree

from transkit.handoff import tables_csv, xliff2, xliff12, xlsx
from transkit.handoff.safety import parse_xml
from transkit.handoff.units import Package, State, Unit
from transkit.po.reader import read_catalog

SCHEMAS = DATA / "schemas" / "xliff-2.0"


@pytest.fixture
def project(in_tmp: Path) -> Path:
    return copy_campaign(in_tmp)


def _schema() -> etree.XMLSchema:
    """The core schema with the two modules packages use, so their elements are validated
    too (the core alone accepts any element of another namespace)."""
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{(SCHEMAS / location).as_uri()}"/>'
        for namespace, location in [
            ("urn:oasis:names:tc:xliff:document:2.0", "xliff_core_2.0.xsd"),
            ("urn:oasis:names:tc:xliff:metadata:2.0", "modules/metadata.xsd"),
            ("urn:oasis:names:tc:xliff:glossary:2.0", "modules/glossary.xsd"),
        ]
    )
    text = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(text.encode(), base_url=(SCHEMAS / "all.xsd").as_uri()))


def test_xliff2_packages_are_valid_against_the_oasis_schemas(project: Path) -> None:
    assert invoke("export", "fr", "ar", "zh_Hans", "ru", "--only", "all", "-o", "out").exit_code == 0
    schema = _schema()
    for path in sorted((project / "out").iterdir()):
        document = etree.parse(str(path))
        assert schema.validate(document), (path.name, schema.error_log.last_error)
    # What the schemas were asked to judge: plural segments, inline codes, terms.
    arabic = (project / "out" / "campaign.ar.xliff").read_text(encoding="utf-8")
    assert 'id="f5"' in arabic and "<ph " in arabic and "<gls:glossEntry>" in arabic


def test_the_schema_catches_a_broken_package(project: Path) -> None:
    """The validation above can fail: a unit without a segment is refused."""
    invoke("export", "fr", "--only", "all", "-o", "fr.xliff")
    document = etree.parse(str(project / "fr.xliff"))
    unit = document.getroot().find(".//{urn:oasis:names:tc:xliff:document:2.0}unit")
    for segment in unit.findall("{urn:oasis:names:tc:xliff:document:2.0}segment"):
        unit.remove(segment)
    assert not _schema().validate(document)


@pytest.mark.skipif(shutil.which("xliff2po") is None, reason="Translate Toolkit (xliff2po) is not installed")
def test_xliff1_packages_read_back_by_xliff2po_with_the_same_units(project: Path) -> None:
    assert invoke("export", "fr", "--format", "xliff1", "--only", "all", "-o", "fr.xlf").exit_code == 0
    subprocess.run(["xliff2po", "fr.xlf", "back.po"], check=True, capture_output=True)
    back = read_catalog(project / "back.po")
    catalog = read_catalog(project / "catalogs" / "fr.po")

    def units(entries):  # xliff2po drops msgctxt, so a unit is what it keeps
        return sorted((e.msgid, e.msgid_plural or "", e.msgstr, e.fuzzy) for e in entries)

    assert units(back.active_entries) == units(catalog.active_entries)
    assert len(back.active_entries) == 50


@pytest.mark.parametrize(
    ("language", "rtl"), [("ar", True), ("fa", True), ("ps", True), ("fr", False), ("zh_Hans", False)]
)
def test_xlsx_sheets_are_right_to_left_for_ar_fa_ps(project: Path, language: str, rtl: bool) -> None:
    assert invoke("export", language, "--format", "xlsx", "--only", "all", "-o", f"{language}.xlsx").exit_code == 0
    book = openpyxl.load_workbook(project / f"{language}.xlsx")
    assert book["Translations"].sheet_view.rightToLeft is rtl
    assert book["Glossary"].sheet_view.rightToLeft is rtl


def test_xlsx_cells_are_text_and_a_phone_number_stays_one(project: Path) -> None:
    invoke("export", "nl", "--format", "xlsx", "--only", "all", "-o", "nl.xlsx")
    sheet = openpyxl.load_workbook(project / "nl.xlsx")["Translations"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells and all(cell.data_type == "s" and cell.number_format == "@" for cell in cells)
    assert "078 055 800" in {cell.value for cell in cells if "078" in str(cell.value)} or any(
        "078 055 800" in str(cell.value) for cell in cells
    )


FORMULAS = ['=HYPERLINK("http://evil.example")', "+32 78 05 58 00", "-1", "@SUM(A1)", "'quoted"]


def _package(texts: list[str]) -> Package:
    units = tuple(Unit(None, text, None, (text,), State.FINAL) for text in texts)
    return Package("fr", "campaign", units)


def test_xlsx_cells_that_look_like_formulas_are_text(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(xlsx.write(_package(FORMULAS), rtl=False))
    sheet = openpyxl.load_workbook(path)["Translations"]
    sources = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in sources] == FORMULAS
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in sources)
    assert [u.targets[0] for u in xlsx.read(path, "f.xlsx").units] == FORMULAS


def test_csv_cells_that_look_like_formulas_are_escaped_and_read_back(tmp_path: Path) -> None:
    data = tables_csv.write(_package(FORMULAS))
    text = data.decode("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and ",+" not in text and ",@" not in text
    assert [u.targets[0] for u in tables_csv.read(data, "f.csv").units] == FORMULAS


MARKUP = ['Call <b>now</b> or <a href="/help"><i>later</i> %(n)d</a><br/> {x}', "</b> stray <b>", "plain"]


@pytest.mark.parametrize("module", [xliff2, xliff12], ids=["xliff2", "xliff12"])
def test_tags_and_placeholders_travel_as_inline_codes_and_come_back_as_written(module) -> None:
    package = Package("fr", "campaign", tuple(Unit(None, t, None, (t,), State.FINAL) for t in MARKUP))
    data = module.write(package)
    back = module.read(parse_xml(data, "p"), "p")
    assert [u.targets[0] for u in back.units] == MARKUP and [u.msgid for u in back.units] == MARKUP
    text = data.decode()
    root = etree.fromstring(data)
    for source in root.iter("{*}source"):  # what a translator could retype: the plain text
        plain = (source.text or "") + "".join(child.tail or "" for child in source.iter() if child is not source)
        assert "%(n)d" not in plain and "<" not in plain and "{x}" not in plain, plain
    if module is xliff2:
        assert '<pc id="0-1"' in text and text.count("<ph ") >= 4
    else:
        assert "<bpt " in text and "<ept " in text
