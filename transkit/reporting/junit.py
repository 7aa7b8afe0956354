"""JUnit XML (``--format junit``) for CI systems that show test reports (GitLab, Jenkins,
Azure Pipelines).

One ``<testsuite>`` per file with findings or coverage (each catalog, and the template if
a check reports on it), sorted by path, with its domain (the template it belongs to) as a
``<property name="domain">``; in it one ``<testcase>`` per check family
(``C coverage``, ``H header``...).  A family with a finding on that file that fails the run
at the fail level (``--fail-on``, else the configured one: the same rule as the exit code)
is a failing testcase with one ``<failure>`` listing those findings; the family's other
findings are listed in the testcase's ``<system-out>``.  A CI that shows red tests for a
run that exits 0 would teach people to ignore it, so a warning fails a testcase only when
warnings fail the run.

Which families appear: those of ``checks`` when the caller passes the checks the run
enabled, else those of every registered check (a family the run did not select then
shows as passing).  Families of findings outside that set are added, so no finding is
ever lost.  The output is deterministic: no timestamps, no durations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from transkit.model.findings import FailOn, Finding, Report, fails

if TYPE_CHECKING:  # the registry (every check) is loaded only when a JUnit report is written
    from transkit.engine.registry import CheckInfo

FAMILY_LABELS = {
    "C": "coverage",
    "F": "files",
    "H": "header",
    "M": "content",
    "N": "suppressions",
    "P": "placeholders",
    "S": "style",
    "T": "terms",
}

_FAMILY = re.compile(r"^[A-Z]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def family(code: str) -> str:
    """The letters of a code: ``C101`` → ``C``."""
    match = _FAMILY.match(code)
    return match.group(0) if match else code


def family_label(letters: str) -> str:
    label = FAMILY_LABELS.get(letters)
    return f"{letters} {label}" if label else letters


def finding_line(finding: Finding) -> str:
    """One finding in full: place, severity, code, name, message, message it is about."""
    where = f"{finding.file}:{finding.line}" if finding.line else finding.file
    subject = ""
    if finding.msgid is not None:
        context = f"{finding.msgctxt}|" if finding.msgctxt else ""
        subject = f' [{context}"{finding.msgid}"]'.replace("\n", "\\n")
    return f"{where}: {finding.severity.value} {finding.code} {finding.check}: {finding.message}{subject}"


def _xml_text(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: show them as ``\\xNN``."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def testcase(
    file: str, letters: str, findings: list[Finding], fail_on: FailOn = FailOn.ERROR
) -> tuple[ET.Element, bool]:
    """The testcase of one family on one file, and whether it fails at ``fail_on``."""
    element = ET.Element("testcase", {"classname": file, "name": family_label(letters)})
    failing = [f for f in findings if fails(f, fail_on)]
    infos = [f for f in findings if not fails(f, fail_on)]
    if failing:
        codes = sorted({f.code for f in failing})
        names = {f.code: f.check for f in failing}
        counts = {code: sum(1 for f in failing if f.code == code) for code in codes}
        message = f"{_plural(len(failing), 'finding')}: " + ", ".join(
            f"{code} {names[code]} ({counts[code]})" for code in codes
        )
        failure = ET.SubElement(element, "failure", {"type": " ".join(codes), "message": _xml_text(message)})
        failure.text = _xml_text("\n".join(finding_line(f) for f in failing) + "\n")
    if infos:
        out = ET.SubElement(element, "system-out")
        out.text = _xml_text("\n".join(finding_line(f) for f in infos) + "\n")
    return element, bool(failing)


def document(
    report: Report, checks: Iterable[CheckInfo] | None = None, fail_on: FailOn | str | None = None
) -> ET.Element:
    policy = report.fail_on if fail_on is None else FailOn(fail_on)
    from transkit.engine.registry import all_checks

    families = {family(info.code) for info in (all_checks() if checks is None else checks)}
    families |= {family(f.code) for f in report.findings}
    ordered = sorted(families)
    files = sorted({item.file for item in report.coverage} | {f.file for f in report.findings})
    domains = {item.file: item.domain for item in report.coverage} | {f.file: f.domain for f in report.findings}
    root = ET.Element("testsuites", {"name": "transkit"})
    total_tests = total_failures = 0
    for file in files:
        suite = ET.SubElement(root, "testsuite", {"name": file})
        if domains.get(file):
            # Which template (gettext domain) the file belongs to, for a CI that groups by it.
            properties = ET.SubElement(suite, "properties")
            ET.SubElement(properties, "property", {"name": "domain", "value": str(domains[file])})
        failures = 0
        for letters in ordered:
            findings = [f for f in report.findings if f.file == file and family(f.code) == letters]
            case, failed = testcase(file, letters, findings, policy)
            suite.append(case)
            failures += failed
        suite.set("tests", str(len(ordered)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += len(ordered)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def render(
    report: Report,
    stream: TextIO,
    checks: Iterable[CheckInfo] | None = None,
    fail_on: FailOn | str | None = None,
) -> None:
    """Write the report; ``checks`` (optional) are the checks the run enabled, whose
    families become the testcases; ``fail_on`` is the run's fail level (default: the
    configured one), which decides what is a failure."""
    root = document(report, checks, fail_on)
    ET.indent(root, space="  ")
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
