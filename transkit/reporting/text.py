"""Plain text for people at a terminal: one line per finding, then a coverage summary.

In the user's language (:mod:`transkit.i18n`), as the HTML report and unlike the machine
formats: finding messages are translated here, from the template each finding keeps;
codes, check names and severities' keywords stay as they are, so that what a person reads
can be looked up and selected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from transkit.i18n import Nn_, _, ngettext, translate
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
    return f"{where}: {severity} {code} {finding.check}: {translate(finding.message)}{subject}"


def coverage_problems(item: Coverage) -> str:
    parts = [
        ngettext(*forms, count).format(count=count)
        for count, forms in (
            (item.fuzzy, Nn_("{count} fuzzy", "{count} fuzzy")),
            (item.untranslated, Nn_("{count} untranslated", "{count} untranslated")),
            (item.missing, Nn_("{count} missing", "{count} missing")),
            (item.extra, Nn_("{count} not in template", "{count} not in template")),
            (item.obsolete, Nn_("{count} obsolete", "{count} obsolete")),
        )
        if count
    ]
    if item.outdated:
        parts.append(_("revised before the template"))
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
    counts = _("Found {errors}, {warnings}, {infos} in {catalogs}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        infos=ngettext("{count} info", "{count} info", infos).format(count=infos),
        catalogs=ngettext("{count} catalog", "{count} catalogs", len(coverage)).format(count=len(coverage)),
    )
    if report.baselined:
        known = report.baselined
        counts += " " + ngettext(
            "({count} known finding of the baseline not shown)",
            "({count} known findings of the baseline not shown)",
            known,
        ).format(count=known)
    stream.write(counts + ".\n")


def _coverage_summary(template: str | None, coverage: Sequence[Coverage], stream: TextIO) -> None:
    """``template`` None: each catalog was checked against its own messages."""
    if coverage:
        total = coverage[0].total
        complete = [c.language for c in coverage if c.translated == c.total and not c.extra]
        if template is None:  # totals differ: a line per catalog, naming its file
            stream.write(_("Coverage of each catalog's own messages (no template):") + "\n")
            complete = []
        else:
            stream.write(
                ngettext(
                    "Coverage against {template} ({total} message):",
                    "Coverage against {template} ({total} messages):",
                    total,
                ).format(template=template, total=total)
                + "\n"
            )
        if complete:
            label = _("complete ({count}):").format(count=len(complete))
            stream.write(f"  {label} {' '.join(sorted(complete))}\n")
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
