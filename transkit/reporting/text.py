"""Plain text for people at a terminal: one line per finding, then a coverage summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def finding_line(finding: Finding, colour: bool = False) -> str:
    where = f"{finding.file}:{finding.line}" if finding.line else finding.file
    subject = ""
    if finding.msgid is not None:
        msgid = finding.msgid.replace("\n", "\\n")
        if len(msgid) > 50:
            msgid = msgid[:49] + "…"
        context = f"{finding.msgctxt}|" if finding.msgctxt else ""
        subject = f' [{context}"{msgid}"]'
    severity, code = finding.severity.value, finding.code
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
        code = f"{_BOLD}{code}{_RESET}"
    return f"{where}: {severity} {code} {finding.check}: {finding.message}{subject}"


def coverage_problems(item: Coverage) -> str:
    parts = [
        f"{count} {label}"
        for count, label in (
            (item.fuzzy, "fuzzy"),
            (item.untranslated, "untranslated"),
            (item.missing, "missing"),
            (item.extra, "not in template"),
            (item.obsolete, "obsolete"),
        )
        if count
    ]
    if item.outdated:
        parts.append("revised before the template")
    return ", ".join(parts)


def render_findings(report: Report, stream: TextIO, colour: bool = False) -> None:
    """Nothing but the findings (``--quiet``), for editors and scripts that parse lines."""
    for finding in report.findings:
        stream.write(finding_line(finding, colour) + "\n")


def render(report: Report, stream: TextIO, colour: bool = False) -> None:
    """Findings, then the coverage summary; ``colour`` adds ANSI colours for a terminal."""
    render_findings(report, stream, colour)
    if report.findings:
        stream.write("\n")
    render_summary(report, stream)


def render_summary(report: Report, stream: TextIO) -> None:
    """Coverage against the template (one block per domain when there are several), then
    the counts of findings."""
    groups: list[tuple[str | None, list[Coverage]]]
    groups = [(shown, [c for c in report.coverage if c.domain == name]) for name, shown in report.domains]
    if len(groups) < 2:
        groups = [(report.template, list(report.coverage))]
    for template, coverage in groups:
        _coverage_summary(template, coverage, stream)
    coverage = list(report.coverage)
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    stream.write(
        f"Found {_plural(errors, 'error')}, {_plural(warnings, 'warning')}, "
        f"{infos} info in {_plural(len(coverage), 'catalog')}"
        + (f" ({_plural(report.baselined, 'known finding')} of the baseline not shown)" if report.baselined else "")
        + ".\n"
    )


def _coverage_summary(template: str | None, coverage: Sequence[Coverage], stream: TextIO) -> None:
    """``template`` None: each catalog was checked against its own messages."""
    if coverage:
        total = coverage[0].total
        complete = [c.language for c in coverage if c.translated == c.total and not c.extra]
        if template is None:  # totals differ: a line per catalog, naming its file
            stream.write("Coverage of each catalog's own messages (no template):\n")
            complete = []
        else:
            stream.write(f"Coverage against {template} ({total} messages):\n")
        if complete:
            stream.write(f"  complete ({len(complete)}): {' '.join(sorted(complete))}\n")
        partial = sorted((c for c in coverage if c.language not in complete), key=lambda c: (c.language, c.file))
        width = max((len(c.language) for c in partial), default=0)
        name_width = max((len(c.language_name) for c in partial), default=0)
        for item in partial:
            problems = coverage_problems(item)
            if template is None:
                problems = f"{item.file}" + (f": {problems}" if problems else "")
            stream.write(
                f"  {item.language:<{width}}  {item.language_name:<{name_width}}  "
                f"{item.percent:5.1f}%  {item.translated}/{item.total}  {problems}\n"
            )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
