"""Check cases as data: every folder under tests/data/checks is a small project whose
catalog entries say, in a translator comment, which codes they must raise.

Conventions, for each ``tests/data/checks/<family>/``:

- a template ``site.pot`` and catalogs ``<lang>.po`` (or a ``catalogs/`` folder, with a
  ``glossary/`` beside it for term checks);
- the first comment of each catalog says which code prefixes its expectations cover:
  ``# families: P S`` (findings of other codes are ignored in that file);
- an entry's translator comment ``# expect: P101 P103`` lists the codes it must raise
  (``# expect: -`` for none; ``M101:warning``: the code with that severity);
  ``msgctxt "case N"`` keeps cases apart;
- a header comment ``# expect-catalog: H102`` lists codes the catalog as a whole must raise.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import DATA, TESTS

from transkit import Options, check, load_project
from transkit.engine.registry import all_checks
from transkit.terms import Termbase, load_termbase

CASES = DATA / "checks"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())  # no folder: an error, not zero cases
# Checks proven elsewhere, with where: they need a whole project or a broken file.
TESTED_ELSEWHERE = {
    "C101": "test_cli.py",
    "C102": "test_cli.py",
    "C103": "test_cli.py",
    "C104": "test_cli.py",
    "C105": "test_cli.py",
    "C106": "test_cli.py",
    "C107": "test_cli.py",
    "C108": "test_cli.py",
    "C109": "test_cli.py",
    "C110": "test_msgfmt_accepts.py",
    "F001": "test_bad_input.py",
    "H101": "test_cli.py",
    "H113": "test_msgfmt_accepts.py",
    "H114": "test_msgfmt_accepts.py",
    "H115": "test_msgfmt_accepts.py",
    "H116": "test_msgfmt_accepts.py",
    "T161": "test_terms.py",
    "T162": "test_terms.py",
    "T163": "test_terms.py",
}


def _load(folder: Path):
    catalogs = folder / "catalogs" if (folder / "catalogs").is_dir() else folder
    glossary = folder / "glossary"
    termbase = load_termbase(glossary) if glossary.is_dir() else Termbase()
    project = load_project([catalogs])
    return project, check(project, Options(termbase=termbase))


def _expectations(folder: Path) -> list[tuple[str, str, set[str], set[str], tuple[str, ...]]]:
    """(file, case, expected codes, found codes, prefixes covered) per marked entry or catalog."""
    project, report = _load(folder)
    by_entry: dict[tuple[str, str | None, str | None], set[str]] = defaultdict(set)
    by_catalog: dict[str, set[str]] = defaultdict(set)
    severities: dict[tuple[str, str | None, str | None, str], str] = {}
    for finding in report.findings:
        if finding.msgid is None:
            by_catalog[finding.file].add(finding.code)
        by_entry[(finding.file, finding.msgctxt, finding.msgid)].add(finding.code)
        severities[(finding.file, finding.msgctxt, finding.msgid, finding.code)] = str(finding.severity.value)
    rows = []
    for catalog in project.catalogs:
        text = catalog.path.read_text(encoding="utf-8")
        declared = re.search(r"^# families: (.*)$", text, re.M)
        assert declared, f"{catalog.path}: no '# families:' line"
        prefixes = tuple(declared.group(1).split())

        def mine(codes: set[str]) -> set[str]:
            return {code for code in codes if code.startswith(prefixes)}

        whole = re.search(r"^# expect-catalog: (.*)$", text, re.M)
        if whole:
            expected = set(whole.group(1).split()) - {"-"}
            rows.append((catalog.path.name, "catalog", expected, mine(by_catalog[catalog.display_path]), prefixes))
        for entry in catalog.entries:
            marker = re.search(r"expect: (.*)", entry.translator_comment)
            if marker:
                expected = set(marker.group(1).split()) - {"-"}
                found = mine(by_entry[(catalog.display_path, entry.msgctxt, entry.msgid)])
                # "M101:warning" expects the code with that severity
                with_severity = {token.split(":")[0] for token in expected if ":" in token}
                found = {
                    f"{code}:{severities[(catalog.display_path, entry.msgctxt, entry.msgid, code)]}"
                    if code in with_severity
                    else code
                    for code in found
                }
                rows.append((catalog.path.name, entry.msgctxt or entry.msgid, expected, found, prefixes))
    return rows


@pytest.mark.parametrize("folder", CASE_DIRS, ids=lambda p: p.name)
def test_check_cases(folder: Path) -> None:
    rows = _expectations(folder)
    assert rows, f"{folder} has no cases"
    wrong = [
        f"{file} {case}: expected {sorted(want)}, found {sorted(got)}"
        for file, case, want, got, _ in rows
        if want != got
    ]
    assert not wrong, "\n".join(wrong)


def missing_cases(checks, rows, tested_elsewhere: dict[str, str]) -> list[str]:
    """What the cases lack: every check needs a case that must raise its code (failing) and
    one, in a file whose families cover the code, that must not (passing), unless
    ``tested_elsewhere`` names the test file that proves it."""
    codes = {info.code for info in checks}
    missing = [
        f"{code} is said to be tested in {file}, but no check has that code"
        for code, file in tested_elsewhere.items()
        if code not in codes
    ]
    for info in checks:
        if info.code in tested_elsewhere:
            continue
        covering = [expected for _, _, expected, _, prefixes in rows if info.code.startswith(prefixes)]
        if not any(info.code in expected for expected in covering):
            missing.append(f"{info.code} {info.name} has no failing case")
        if not any(info.code not in expected for expected in covering):
            missing.append(f"{info.code} {info.name} has no passing case")
    return missing


@pytest.fixture(scope="module")
def case_rows() -> list:
    return [row for folder in CASE_DIRS for row in _expectations(folder)]


def test_every_check_has_a_failing_and_a_passing_case(case_rows: list) -> None:
    """A case that must raise the code, and one in a file covering its family that must not."""
    assert missing_cases(all_checks(), case_rows, TESTED_ELSEWHERE) == []


def _dummy(code: str):
    """A check of a family no case file covers, as a new check arrives before its cases."""
    return dataclasses.replace(all_checks()[0], code=code, name=f"dummy-{code.lower()}")


def test_a_check_without_cases_is_reported(case_rows: list) -> None:
    checks = [*all_checks(), _dummy("Z901")]
    assert missing_cases(checks, case_rows, TESTED_ELSEWHERE) == [
        "Z901 dummy-z901 has no failing case",
        "Z901 dummy-z901 has no passing case",
    ]


def test_a_check_without_a_passing_case_is_reported() -> None:
    """Every entry of the files covering its family expects the code: nothing shows it can stay quiet."""
    rows = [
        ("z.po", "case 1", {"Z901"}, {"Z901"}, ("Z",)),
        ("z.po", "case 2", {"Z901", "Z902"}, {"Z901", "Z902"}, ("Z",)),
    ]
    assert missing_cases([_dummy("Z901")], rows, {}) == ["Z901 dummy-z901 has no passing case"]
    # A passing case in a file that does not cover the family does not count.
    rows.append(("other.po", "case 3", set(), set(), ("P",)))
    assert missing_cases([_dummy("Z901")], rows, {}) == ["Z901 dummy-z901 has no passing case"]
    rows.append(("z.po", "case 4", {"Z902"}, {"Z902"}, ("Z",)))
    assert missing_cases([_dummy("Z901")], rows, {}) == []


def test_a_check_without_a_failing_case_is_reported() -> None:
    rows = [("z.po", "case 1", set(), set(), ("Z",))]
    assert missing_cases([_dummy("Z901")], rows, {}) == ["Z901 dummy-z901 has no failing case"]


def test_an_exemption_for_a_code_no_check_has_is_reported() -> None:
    assert missing_cases([], [], {"Z901": "test_cli.py"}) == [
        "Z901 is said to be tested in test_cli.py, but no check has that code"
    ]


@pytest.mark.parametrize("code", sorted(TESTED_ELSEWHERE))
def test_checks_tested_elsewhere_are_tested_in_the_file_named(code: str) -> None:
    """An exemption from the cases names one test file, and that file mentions the code."""
    files = list(TESTS.rglob(TESTED_ELSEWHERE[code]))
    assert len(files) == 1, f"{code}: {TESTED_ELSEWHERE[code]} found {len(files)} times under tests/"
    assert code in files[0].read_text(encoding="utf-8"), f"{files[0]} does not mention {code}"
