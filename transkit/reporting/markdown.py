"""Markdown for a pull-request comment or a GitHub step summary (``--format markdown``).

A heading with the totals, a coverage table (languages with work left first, then the
complete ones, each group by language code) and the findings grouped by language in
``<details>`` blocks. A run over several domains has a section per domain (those with an
error first, then by name), each with its own coverage table and findings.

Errors come first (the languages with errors, and the errors within each language), and the
cap of ``limit`` findings applies to warnings and info only: a comment filled with one
catalog's warnings must never hide the error that blocks the release.

Catalog text is untrusted: every cell is escaped so that a translation shows as text, never
as Markdown or HTML, and so that a bare URL or an ``@name`` in a message does not become a
live link or notify a GitHub user (a zero-width space after ``@`` and inside the scheme).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TextIO

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity

DEFAULT_LIMIT = 50
MSGID_WIDTH = 50

_BACKSLASHED = "[]`*_|~"
_ZWSP = "&#8203;"
"""Rendered as nothing, but breaks GitHub's autolink and mention patterns; an entity, so the
raw Markdown shows where it was put."""
_MENTION = re.compile(r"@(?=[A-Za-z0-9_-])")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|file)(:)|\b(www)(\.)")


def _no_links(text: str) -> str:
    """Defuse what GitHub turns into links or notifications in comment text: ``@user``
    and ``@org/team`` mentions, bare ``https://``/``www.`` autolinks and e-mail addresses."""
    text = _MENTION.sub("@" + _ZWSP, text)
    return _AUTOLINK.sub(lambda m: (m[1] or m[3]) + _ZWSP + (m[2] or m[4]), text)


def escape(text: str) -> str:
    """Text for a Markdown table cell: shows literally, cannot end the cell or the row."""
    text = text.replace("\\", "\\\\")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in _BACKSLASHED:
        text = text.replace(char, "\\" + char)
    text = _no_links(text)
    return text.replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>")


def shorten_msgid(finding: Finding) -> str:
    """The message a finding is about, as the text reporter shows it: ``ctxt|"msgid…"``."""
    if finding.msgid is None:
        return ""
    msgid = finding.msgid.replace("\r", "\\r").replace("\n", "\\n")
    if len(msgid) > MSGID_WIDTH:
        msgid = msgid[: MSGID_WIDTH - 1] + "…"
    context = f"{finding.msgctxt}|" if finding.msgctxt else ""
    return f'{context}"{msgid}"'


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _complete(item: Coverage) -> bool:
    return item.translated == item.total and not item.extra


def _counts(findings: list[Finding]) -> str:
    errors, warnings, infos = (
        sum(1 for f in findings if f.severity is s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    parts = []
    if errors:
        parts.append(_plural(errors, "error"))
    if warnings:
        parts.append(_plural(warnings, "warning"))
    if infos:
        parts.append(f"{infos} info")
    return ", ".join(parts)


def _coverage_lines(report: Report, level: str = "###") -> list[str]:
    if not report.coverage:
        return []
    partial = sorted((c for c in report.coverage if not _complete(c)), key=lambda c: (c.language, c.file))
    complete = sorted((c for c in report.coverage if _complete(c)), key=lambda c: (c.language, c.file))
    lines = [
        f"{level} Coverage",
        "",
        f"Against {escape(report.template)} ({_plural(report.coverage[0].total, 'message')})."
        if report.template is not None
        else "Each catalog against its own messages (no template).",
        "",
        "| Language | Name | Translated | Percent | Fuzzy | Untranslated | Missing | Stale |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for item in (*partial, *complete):
        lines.append(
            f"| {escape(item.language)} | {escape(item.language_name)} | {item.translated}/{item.total} "
            f"| {item.percent:.1f}% | {item.fuzzy} | {item.untranslated} | {item.missing} | {item.stale} |"
        )
    lines.append("")
    return lines


def _groups(report: Report) -> list[tuple[str | None, list[Finding]]]:
    """Findings by language: groups with an error first, then those of no language
    (template, project), then by code; within a group the most severe first, else the
    report's order."""
    groups: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.language, []).append(finding)
    for findings in groups.values():
        findings.sort(key=lambda f: -f.severity.rank)
    return sorted(
        groups.items(),
        key=lambda item: (
            not any(f.severity is Severity.ERROR for f in item[1]),
            item[0] is not None,
            item[0] or "",
        ),
    )


def _shown(groups: list[tuple[str | None, list[Finding]]], limit: int) -> set[int]:
    """Which findings (by ``id``) the comment lists: every error, then warnings and info,
    most severe first, in group order, while fewer than ``limit`` are listed."""
    ordered = sorted((f for _, findings in groups for f in findings), key=lambda f: -f.severity.rank)
    shown: set[int] = set()
    for finding in ordered:
        if finding.severity is Severity.ERROR or len(shown) < limit:
            shown.add(id(finding))
    return shown


def _findings_lines(report: Report, chosen: set[int], level: str = "###") -> list[str]:
    if not report.findings:
        return ["No findings.", ""]
    names = {item.language: item.language_name for item in report.coverage}
    groups = _groups(report)
    lines = [f"{level} Findings", ""]
    for language, findings in groups:
        shown = [f for f in findings if id(f) in chosen]
        if not shown:
            continue
        if language is None:
            label = "Template and other files"
        else:
            name = names.get(language)
            label = f"{language} ({name})" if name else language
        note = f", {len(shown)} shown" if len(shown) < len(findings) else ""
        lines += [
            "<details>",
            f"<summary>{html.escape(label)}: {html.escape(_counts(findings))}{note}</summary>",
            "",
            "| Location | Severity | Code | Check | Message | Message ID |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for finding in shown:
            where = f"{finding.file}:{finding.line}" if finding.line else finding.file
            lines.append(
                f"| {escape(where)} | {finding.severity.value} | {escape(finding.code)} | {escape(finding.check)} "
                f"| {escape(finding.message)} | {escape(shorten_msgid(finding))} |"
            )
        lines += ["", "</details>", ""]
    return lines


def _domain_lines(report: Report, chosen: set[int]) -> list[str]:
    """A section per domain: those with an error first, then by name; findings of no
    domain (a file outside every domain) in a last section."""
    names = [name for name, _ in report.domains]
    with_error = {f.domain for f in report.findings if f.severity is Severity.ERROR}
    lines: list[str] = []
    for name, template in sorted(report.domains, key=lambda d: (d[0] not in with_error, d[0])):
        part = replace(
            report,
            findings=tuple(f for f in report.findings if f.domain == name),
            coverage=tuple(c for c in report.coverage if c.domain == name),
            template=template,
        )
        lines += [f"### Domain {escape(name)}", ""]
        lines += _coverage_lines(part, "####")
        lines += _findings_lines(part, chosen, "####")
    rest = tuple(f for f in report.findings if f.domain not in names)
    if rest:
        lines += ["### Other files", ""]
        lines += _findings_lines(replace(report, findings=rest, coverage=()), chosen, "####")
    return lines


def summary(report: Report, limit: int = DEFAULT_LIMIT) -> str:
    """The whole Markdown document; at most ``limit`` findings are listed."""
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    lines = [
        f"## transkit: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}, "
        f"{infos} info in {_plural(len(report.coverage), 'catalog')}",
        "",
    ]
    if report.baselined:
        lines += [f"{_plural(report.baselined, 'known finding')} of the baseline not shown.", ""]
    chosen = _shown(_groups(report), max(limit, 0))
    if len(report.domains) > 1:
        lines += _domain_lines(report, chosen)
    else:
        lines += _coverage_lines(report)
        lines += _findings_lines(report, chosen)
    hidden = len(report.findings) - len(chosen)
    if hidden > 0:
        lines += [f"_{hidden} more {'finding' if hidden == 1 else 'findings'} not shown._", ""]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def render(report: Report, stream: TextIO) -> None:
    stream.write(summary(report))
