"""The SARIF and JUnit reporters: valid against their contracts, field by field, and
against golden files.

Regenerate the golden files after a deliberate change with
``TRANSKIT_UPDATE_GOLDEN=1 pytest tests/reporting/test_reporters_sarif_junit.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, GOLDEN, PROJECTS, ROOT

import transkit
from transkit.engine import baseline
from transkit.engine.registry import all_checks, find
from transkit.model.findings import Finding, Report, Severity
from transkit.reporting import junit, sarif

# Vendored (see its README): the schema tests run offline and are never skipped.
SARIF_SCHEMA = DATA / "schemas" / "sarif-2.1.0" / "sarif-schema-2.1.0.json"
GOLDEN_SELECTION = transkit.Selection(("C", "H101"))


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A copy of the flat fixture in ``catalogs/`` of an empty working directory."""
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    return in_tmp / "catalogs"


@pytest.fixture
def shipped_report(monkeypatch: pytest.MonkeyPatch) -> Report:
    """The check of this repository's own catalogs (shipped with transkit), run from the
    repository's root as CI runs it, so that paths are relative to it."""
    monkeypatch.chdir(ROOT)
    return transkit.check(transkit.load_project(["catalogs"]), transkit.Options())


def run(selection: transkit.Selection | None = None) -> Report:
    options = transkit.Options(selection=selection or transkit.Selection())
    return transkit.check(transkit.load_project(["catalogs"]), options)


def sarif_of(report: Report) -> dict:
    stream = io.StringIO()
    sarif.render(report, stream)
    return json.loads(stream.getvalue())


def junit_of(report: Report, checks=None) -> ET.Element:
    stream = io.StringIO()
    junit.render(report, stream, checks)
    return ET.fromstring(stream.getvalue().encode("utf-8"))


def validate(document: dict) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class(schema).validate(document)


# SARIF


def test_sarif_is_valid_against_the_schema(project: Path) -> None:
    report = run()
    assert report.findings
    validate(sarif_of(report))


def test_the_schema_rejects_what_sarif_forbids(project: Path) -> None:
    """The vendored schema is SARIF 2.1.0's and does judge: a level SARIF does not know, a
    result without a message, or a log without runs is refused."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    document = sarif_of(run())
    broken = json.loads(json.dumps(document))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    without_message = json.loads(json.dumps(document))
    del without_message["runs"][0]["results"][0]["message"]
    for wrong in (broken, without_message, {"version": "2.1.0"}):
        with pytest.raises(jsonschema.ValidationError):
            validate(wrong)


def test_sarif_run_and_rules(project: Path) -> None:
    report = run()
    document = sarif_of(report)
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = document["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "transkit"
    assert driver["version"] == transkit.__version__
    codes = sorted({f.code for f in report.findings})
    assert [rule["id"] for rule in driver["rules"]] == codes
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    c101 = by_id["C101"]
    info = find("C101")
    assert c101["name"] == "MissingMessage"
    assert c101["shortDescription"]["text"] == info.summary
    assert c101["fullDescription"]["text"] == info.doc
    assert info.doc in c101["help"]["text"]
    assert c101["defaultConfiguration"]["level"] == "warning"
    assert by_id["C105"]["defaultConfiguration"]["level"] == "note"


def test_sarif_results_field_by_field(project: Path) -> None:
    report = run()
    document = sarif_of(report)
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    results = document["runs"][0]["results"]
    assert len(results) == len(report.findings)
    for finding, result in zip(report.findings, results):
        assert result["ruleId"] == finding.code
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]
        assert result["message"]["text"].startswith(finding.message)
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == finding.file
        assert not location["artifactLocation"]["uri"].startswith("/")
        # GitHub code scanning needs a region on every result (SARIF Multitool rule GH1003).
        assert location["region"]["startLine"] == (finding.line or 1)
        assert result["partialFingerprints"]["transkitFingerprint/v1"].startswith(baseline.fingerprint(finding))

    untranslated = next(r for r in results if r["ruleId"] == "C102")
    assert untranslated["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "catalogs/nl.po"
    assert untranslated["locations"][0]["physicalLocation"]["region"] == {"startLine": 24}
    assert untranslated["message"]["text"] == (
        'message not translated (language nl, msgid "You can get help even if you have no residence permit.")'
    )
    missing = next(r for r in results if r["ruleId"] == "C101")
    assert missing["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    (related,) = missing["relatedLocations"]
    assert related["physicalLocation"] == {
        "artifactLocation": {"uri": "catalogs/site.pot"},
        "region": {"startLine": 20},
    }
    assert 'msgctxt "button"' in missing["message"]["text"]
    obsolete = next(r for r in results if r["ruleId"] == "C105")
    assert obsolete["level"] == "note"


def test_sarif_fingerprints_survive_a_moved_line(project: Path) -> None:
    before = sarif_of(run())["runs"][0]["results"]
    nl = project / "nl.po"
    text = nl.read_text(encoding="utf-8")
    nl.write_text(
        text.replace("#: page.html:1\n", "# a comment added by a translator\n#: page.html:1\n", 1), encoding="utf-8"
    )
    after = sarif_of(run())["runs"][0]["results"]
    assert len(before) == len(after)

    def key(result: dict) -> str:
        return result["partialFingerprints"]["transkitFingerprint/v1"]

    assert [key(r) for r in before] == [key(r) for r in after]
    assert len({key(r) for r in before}) == len(before)
    moved = 0
    for old, new in zip(before, after):
        old_region = old["locations"][0]["physicalLocation"].get("region")
        new_region = new["locations"][0]["physicalLocation"].get("region")
        if old_region and old_region["startLine"] > 12:
            assert new_region["startLine"] == old_region["startLine"] + 1
            moved += 1
    assert moved


def test_sarif_fingerprints_count_repeats() -> None:
    one = Finding(
        "a.po",
        3,
        "C102",
        "untranslated-message",
        Severity.WARNING,
        "plural form left empty: msgstr[1]",
        "nl",
        None,
        "x",
    )
    two = Finding(
        "a.po",
        3,
        "C102",
        "untranslated-message",
        Severity.WARNING,
        "plural form left empty: msgstr[2]",
        "nl",
        None,
        "x",
    )
    results = sarif_of(Report("a.pot", (one, two), ()))["runs"][0]["results"]
    keys = [r["partialFingerprints"]["transkitFingerprint/v1"] for r in results]
    assert keys == [baseline.fingerprint(one) + ":1", baseline.fingerprint(one) + ":2"]


def test_sarif_of_an_unusual_finding_is_valid() -> None:
    odd = Finding("dir with space/é.po", 0, "F001", "unreadable-catalog", Severity.ERROR, "bad\nsyntax")
    document = sarif_of(Report("t.pot", (odd,), ()))
    validate(document)
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "dir%20with%20space/%C3%A9.po"
    assert location["region"] == {"startLine": 1}
    assert "relatedLocations" not in document["runs"][0]["results"][0]


def test_sarif_of_the_shipped_catalogs_is_valid_and_every_result_has_a_line(shipped_report: Report) -> None:
    """What GitHub code scanning receives from this repository's own catalogs: every
    result placed on a line, a missing message linked to its line in the template."""
    document = sarif_of(shipped_report)
    validate(document)
    results = document["runs"][0]["results"]
    assert results
    for item in results:
        assert item["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    missing = [item for item in results if item["ruleId"] == "C101"]
    assert missing
    for item in missing:
        (related,) = item["relatedLocations"]
        assert related["physicalLocation"]["artifactLocation"]["uri"] == "catalogs/campaign.pot"
        line = related["physicalLocation"]["region"]["startLine"]
        assert f"campaign.pot:{line})" in item["message"]["text"]


def test_sarif_of_no_findings_is_valid() -> None:
    document = sarif_of(Report("t.pot", (), ()))
    validate(document)
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["tool"]["driver"]["rules"] == []


# JUnit


def test_junit_field_by_field(project: Path) -> None:
    report = run()
    root = _junit(report, "warning")
    assert root.tag == "testsuites"
    assert root.get("name") == "transkit"
    families = sorted({junit.family(info.code) for info in all_checks()})
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["catalogs/fr.po", "catalogs/nl.po"]
    for suite in suites:
        cases = suite.findall("testcase")
        assert [c.get("name").split()[0] for c in cases] == families
        assert all(c.get("classname") == suite.get("name") for c in cases)
        assert suite.get("tests") == str(len(families))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
    assert root.get("tests") == str(2 * len(families))
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites))

    fr, nl = suites
    assert all(c.find("failure") is None for c in fr.findall("testcase"))
    coverage = next(c for c in nl.findall("testcase") if c.get("name") == "C coverage")
    failure = coverage.find("failure")
    assert failure is not None
    assert failure.get("type") == "C101 C102 C103 C104 C106 C108"
    assert failure.get("message").startswith("7 findings: C101 missing-message (1), C102 untranslated-message (2)")
    lines = failure.text.strip().splitlines()
    assert len(lines) == 7
    assert (
        'catalogs/nl.po:24: warning C102 untranslated-message: message not translated ["You can get help even if you have no residence permit."]'
        in lines
    )
    assert (
        'catalogs/nl.po: warning C101 missing-message: message missing from the catalog (template catalogs/site.pot:20) [button|"Quick exit"]'
        in lines
    )
    assert all("C105" not in line for line in lines)
    out = coverage.find("system-out")
    assert (
        out.text.strip()
        == 'catalogs/nl.po:43: info C105 obsolete-message: obsolete message kept in the catalog ["Old message"]'
    )


def test_junit_fails_only_at_the_fail_level(project: Path) -> None:
    """A red test for a run that exits 0 teaches people to ignore the report: warnings
    fail a testcase only when they fail the run, and are listed in system-out otherwise."""
    report = run()
    assert report.exit_code() == 0
    for fail_on, expected in (("error", 0), ("never", 0), (None, 0)):
        root = junit_of(report) if fail_on is None else _junit(report, fail_on)
        assert root.get("failures") == str(expected), fail_on
    coverage = next(c for c in _junit(report, "error").iter("testcase") if c.get("classname") == "catalogs/nl.po")
    assert coverage.find("failure") is None
    assert "C102 untranslated-message" in coverage.find("system-out").text
    assert _junit(report, "warning").get("failures") == "1"


def test_junit_of_the_shipped_catalogs_has_no_failure_at_the_default_fail_level(shipped_report: Report) -> None:
    assert shipped_report.exit_code() == 0
    assert junit_of(shipped_report).get("failures") == "0"


def test_junit_gate_codes_fail_even_with_fail_on_never() -> None:
    unreadable = Finding("a.po", 1, "F001", "unreadable-catalog", Severity.ERROR, "bad syntax", "nl")
    assert _junit(Report("a.pot", (unreadable,), ()), "never").get("failures") == "1"


def _junit(report: Report, fail_on: str) -> ET.Element:
    stream = io.StringIO()
    junit.render(report, stream, None, fail_on)
    return ET.fromstring(stream.getvalue().encode("utf-8"))


def test_junit_families_follow_the_checks_that_ran(project: Path) -> None:
    report = run(GOLDEN_SELECTION)
    root = junit_of(report, GOLDEN_SELECTION.apply(all_checks()))
    for suite in root.findall("testsuite"):
        assert [c.get("name") for c in suite.findall("testcase")] == ["C coverage", "H header"]


def test_junit_info_only_passes_and_control_characters_survive() -> None:
    info = Finding("a.po", 5, "S121", "double-space", Severity.INFO, "two spaces", "nl", None, "a\x01b")
    root = junit_of(Report("a.pot", (info,), ()), [find("S121")])
    (case,) = root.find("testsuite").findall("testcase")
    assert case.find("failure") is None
    assert "a\\x01b" in case.find("system-out").text
    assert root.get("failures") == "0"


# golden files


@pytest.mark.parametrize("name", ["check.sarif", "check.junit.xml"])
def test_output_matches_golden_file(name: str, project: Path) -> None:
    """What `transkit check --select C --select H101 --format ...` prints: each finding names its domain."""
    report = transkit.check_paths(["catalogs"], select=GOLDEN_SELECTION.select, cache=False)
    stream = io.StringIO()
    if name.endswith(".sarif"):
        sarif.render(report, stream)
    else:
        junit.render(report, stream, GOLDEN_SELECTION.apply(all_checks()))
    golden = GOLDEN / name
    if os.environ.get("TRANSKIT_UPDATE_GOLDEN"):
        golden.write_text(stream.getvalue(), encoding="utf-8")
    assert stream.getvalue() == golden.read_text(encoding="utf-8")


def _three_domains(folder: Path) -> Report:
    """The shipped project (campaign, press, site) with a wrong digit in the German press
    release and one of its messages deleted: findings in every domain, one missing message."""
    shutil.copytree(ROOT / "catalogs", folder / "catalogs")
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    german = folder / "catalogs" / "press" / "de.po"
    text = german.read_text(encoding="utf-8").replace("Nummer 078 055 800", "Nummer 078 055 880")
    start = text.index("#. front matter field description")
    end = text.index("\n\n", start)
    german.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    return transkit.check_paths(cache=False)


def test_sarif_and_junit_of_several_domains_name_each_findings_domain(in_tmp: Path) -> None:
    report = _three_domains(in_tmp)
    document = sarif_of(report)
    validate(document)
    (run_,) = document["runs"]
    assert run_["properties"]["domains"] == [
        {"domain": "campaign", "template": "catalogs/campaign.pot"},
        {"domain": "press", "template": "catalogs/press/press.pot"},
        {"domain": "site", "template": "catalogs/site/site.pot"},
    ]
    results = run_["results"]
    assert [r["properties"]["domain"] for r in results] == [f.domain for f in report.findings]
    assert {r["properties"]["domain"] for r in results} == {"campaign", "press", "site"}
    wrong = [r for r in results if r["ruleId"] == "T102" and r["properties"]["domain"] == "press"]
    assert wrong and wrong[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "catalogs/press/de.po"
    # The missing message's related location is in its own domain's template.
    (missing,) = [r for r in results if r["ruleId"] == "C101" and r["properties"]["domain"] == "press"]
    related = missing["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "catalogs/press/press.pot"
    template = (in_tmp / "catalogs" / "press" / "press.pot").read_text(encoding="utf-8").splitlines()
    line = related["region"]["startLine"]
    assert template[line - 1] == 'msgid ""' and template[line].startswith('"Communiqué de presse pour la Journée')

    root = junit_of(report, None)
    domains = {
        suite.get("name"): suite.find("properties/property[@name='domain']").get("value")
        for suite in root.findall("testsuite")
    }
    assert domains["catalogs/press/de.po"] == "press"
    assert domains["catalogs/site/de.po"] == "site"
    assert domains["catalogs/de.po"] == "campaign"
    assert all(suite[0].tag == "properties" for suite in root.findall("testsuite"))  # before the testcases
