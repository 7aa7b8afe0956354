"""SARIF 2.1.0 (``--format sarif``) for GitHub code scanning and other SARIF viewers.

One run whose ``tool.driver.rules`` holds the checks that have at least one finding (by
code, so adding a check to transkit does not change the output of a run it does not
touch) and one result per finding, in the report's order.  The output is deterministic:
no timestamps, no absolute paths for files inside the working directory.

Each result carries ``partialFingerprints["transkitFingerprint/v1"]``: the baseline
fingerprint (:func:`transkit.engine.baseline.fingerprint`, independent of line numbers) followed
by ``:N``, the occurrence of that fingerprint in the run, so that code scanning keeps
tracking an alert when its message moves and does not merge two findings of one code on
one message.

Every result has a ``region``: GitHub code scanning drops or misplaces a result without one
(SARIF Multitool rule GH1003).  A finding with no line of its own (a message missing from a
catalog, a catalog-wide problem) points at line 1 of its file, and a missing message also
carries a ``relatedLocations`` entry at its line in the template, so the reviewer can open
the message the catalog lacks (in the template of the finding's domain).

Each result names its ``domain`` (the template, in a project of several) in its
``properties``, as the JSON contract does, and the run lists every domain it covered
(``properties.domains``: name and template).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

import transkit
from transkit.engine import baseline
from transkit.model.catalog import MessageKey
from transkit.model.findings import Finding, Report, Severity
from transkit.po.reader import read_catalog
from transkit.reporting.json_report import dump

if TYPE_CHECKING:  # the registry (every check) is loaded only when a SARIF report is written
    from transkit.engine.registry import CheckInfo

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "transkitFingerprint/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_name(check_name: str) -> str:
    """``missing-message`` → ``MissingMessage``: SARIF's convention for a rule's name."""
    return "".join(part[:1].upper() + part[1:] for part in check_name.split("-"))


def artifact_uri(file: str) -> str:
    """A finding's file as a URI reference: relative paths stay relative (code scanning
    resolves them against the repository root), absolute ones become ``file://`` URIs."""
    posix = file.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(file).drive:
        if re.match(r"^[A-Za-z]:/", posix):
            posix = "/" + posix
        return "file://" + quote(posix, safe="/:")
    return quote(posix, safe="/")


def message_text(finding: Finding) -> str:
    """The finding's message with the language and message it is about."""
    context = []
    if finding.language:
        context.append(f"language {finding.language}")
    if finding.msgctxt:
        context.append(f'msgctxt "{_one_line(finding.msgctxt)}"')
    if finding.msgid is not None:
        context.append(f'msgid "{_one_line(finding.msgid)}"')
    return finding.message + (f" ({', '.join(context)})" if context else "")


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")


def rule(code: str, info: CheckInfo | None, fallback_name: str) -> dict[str, Any]:
    if info is None:  # a code the registry does not know (a plugin gone): keep the result valid
        return {"id": code, "name": rule_name(fallback_name)}
    doc = info.doc
    return {
        "id": info.code,
        "name": rule_name(info.name),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": doc},
        "help": {"text": f"{info.code} {info.name}: {doc}"},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["translation", info.scope.value]},
    }


def template_lines(template: str) -> dict[MessageKey, int]:
    """The line of each message in the template, or nothing when it cannot be read: the
    lines only add a related location, so a template gone since the run costs no result."""
    path = Path(template)
    if not template or not path.is_file():
        return {}
    try:
        catalog = read_catalog(path, template, is_template=True)
    except Exception:  # noqa: BLE001 - any unreadable template just means no related location
        return {}
    return {entry.key: entry.line for entry in catalog.entries if not entry.obsolete and entry.line >= 1}


def result(
    finding: Finding,
    rule_index: int,
    occurrence: int,
    template: str = "",
    lines: Mapping[MessageKey, int] | None = None,
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.file)}}
    line = finding.line if finding.line is not None and finding.line >= 1 else 1
    physical["region"] = {"startLine": line}
    related = []
    template_line = (lines or {}).get((finding.msgctxt, finding.msgid)) if finding.msgid is not None else None
    if finding.line is None and template_line is not None and finding.file != template:
        related.append(
            {
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(template)},
                    "region": {"startLine": template_line},
                },
                "message": {"text": "the message in the template"},
            }
        )
    properties = {
        key: value
        for key, value in (
            ("check", finding.check),
            ("domain", finding.domain),
            ("language", finding.language),
            ("msgctxt", finding.msgctxt),
            ("msgid", finding.msgid),
        )
        if value is not None
    }
    document: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [{"physicalLocation": physical}],
    }
    if related:
        document["relatedLocations"] = related
    document["partialFingerprints"] = {FINGERPRINT_KEY: f"{baseline.fingerprint(finding)}:{occurrence}"}
    document["properties"] = properties
    return document


def document(report: Report) -> dict[str, Any]:
    codes = sorted({finding.code for finding in report.findings})
    checks = {finding.code: finding.check for finding in report.findings}
    from transkit.engine.registry import find

    rules = [rule(code, find(code), checks[code]) for code in codes]
    index = {code: position for position, code in enumerate(codes)}
    seen: Counter[str] = Counter()
    results = []
    # A missing message's related location is in its own domain's template.
    templates = dict(report.domains)
    lines: dict[str, dict[MessageKey, int]] = {}
    for finding in report.findings:
        key = baseline.fingerprint(finding)
        seen[key] += 1
        template = templates.get(finding.domain or "", report.template or "")
        if finding.line is None and template not in lines:
            lines[template] = template_lines(template)
        results.append(result(finding, index[finding.code], seen[key], template, lines.get(template, {})))
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "transkit",
                        "version": transkit.__version__,
                        "semanticVersion": transkit.__version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                # The templates (gettext domains) the run covered; each result names its own.
                **({"properties": {"domains": _domains(report)}} if report.domains else {}),
            }
        ],
    }


def _domains(report: Report) -> list[dict[str, str]]:
    return [{"domain": name, "template": template} for name, template in report.domains]


def render(report: Report, stream: TextIO) -> None:
    dump(document(report), stream)
