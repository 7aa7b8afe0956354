"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

GitHub shows only a few annotations per step, so when ``GITHUB_STEP_SUMMARY`` is set the
Markdown summary, which lists the rest, is appended to the step summary as well.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

from transkit.model.findings import Finding, Report, Severity
from transkit.reporting import markdown

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """The message of a workflow command, escaped the way actions/toolkit does it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value (``file=``, ``title=``): also ``:`` and ``,``, which delimit them."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = [f"file={escape_property(finding.file)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    # The domain in the title: in a project of several, the same message may be in two templates.
    domain = f" [{finding.domain}]" if finding.domain else ""
    properties.append(f"title={escape_property(f'{finding.code} {finding.check}{domain}')}")
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(finding.message)}"


def write_step_summary(report: Report, environ: Mapping[str, str] = os.environ) -> bool:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY``; False when it is not set."""
    path = environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return False
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(markdown.summary(report))
    return True


def render(report: Report, stream: TextIO) -> None:
    for finding in report.findings:
        stream.write(annotation(finding) + "\n")
    write_step_summary(report)
