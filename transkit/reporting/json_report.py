"""The versioned JSON contract (``--format json``), documented in docs/json-format.md.

Bump ``FORMAT_VERSION`` on any change that removes or renames a field or changes its
meaning; adding a field is not a breaking change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity

FORMAT_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "check": finding.check,
        "severity": finding.severity.value,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "language": finding.language,
        "msgctxt": finding.msgctxt,
        "msgid": finding.msgid,
        "domain": finding.domain,
    }


def coverage_document(
    template: str | None, coverage: Sequence[Coverage], domains: Sequence[tuple[str, str]] = ()
) -> dict[str, Any]:
    """The document ``transkit stats --format json`` prints (``template`` None: each
    catalog counted against its own messages)."""
    return {
        "version": FORMAT_VERSION,
        "template": template,
        "domains": domain_list(domains),
        "coverage": [item.as_dict() for item in coverage],
    }


def domain_list(domains: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """Each domain of the run and its template, in the order findings and coverage follow."""
    return [{"domain": name, "template": template} for name, template in domains]


def render(report: Report, stream: TextIO) -> None:
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "template": report.template,
        "domains": domain_list(report.domains),
        "summary": {
            "catalogs": len(report.coverage),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "baselined": report.baselined,
        },
        "findings": [finding_dict(finding) for finding in report.findings],
        "coverage": [item.as_dict() for item in report.coverage],
    }
    if report.template is None:  # each catalog checked on its own: what did not run
        document["skipped"] = list(report.skipped)
    dump(document, stream)


def dump(document: dict[str, Any], stream: TextIO) -> None:
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
