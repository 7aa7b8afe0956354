"""Runs the registered checks over a project and gathers one sorted :class:`Report`.

The order of work: every check runs on every catalog with the selection that applies to
its language; suppression markers then drop the findings they name; markers that dropped
nothing are reported (N101); a baseline, if given, keeps only new findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from transkit import baseline as baseline_mod
from transkit.coverage import Coverage, compute, index
from transkit.glossary.model import Termbase
from transkit.languages import to_tag
from transkit.model import Catalog, Entry, MessageKey, Project
from transkit.registry import CheckInfo, Problem, Scope, all_checks, find
from transkit.report import Finding, Report, Severity
from transkit.selection import Selection
from transkit.suppression import Marker, markers, unused_problem

UNUSED_SUPPRESSION = "N101"


@dataclass(frozen=True)
class Options:
    """What a run checks and against which thresholds."""

    selection: Selection = Selection()
    language_selection: Mapping[str, Selection] = field(default_factory=dict)
    """Extra select/ignore for a language (any code spelling), added to ``selection``."""
    severities: Mapping[str, Severity] = field(default_factory=dict)
    """Severity overrides by check code or name."""
    min_coverage: float | None = None
    """Percent of template messages a catalog must translate; None for no gate."""
    language_min_coverage: Mapping[str, float] = field(default_factory=dict)
    """Per-language gates by language code (any spelling langcodes understands)."""
    termbase: Termbase = field(default_factory=Termbase)
    """Critical terms to verify; empty for none."""
    baseline: Counter[str] | None = None
    """Fingerprints of known findings (``--baseline``): only new findings are reported."""

    def min_coverage_for(self, catalog: Catalog) -> float | None:
        value = _for_language(self.language_min_coverage, catalog)
        return value if value is not None else self.min_coverage

    def selection_for(self, catalog: Catalog) -> Selection:
        extra = _for_language(self.language_selection, catalog)
        if extra is None:
            return self.selection
        return Selection(
            (*(self.selection.select or ("ALL",)), *extra.select),
            (*self.selection.ignore, *extra.ignore),
        )


def _for_language(table: Mapping[str, object], catalog: Catalog):
    tag = catalog.language.tag if catalog.language else None
    for code, value in table.items():
        if tag is not None and to_tag(code) == tag:
            return value
    return None


@dataclass(frozen=True)
class CatalogContext:
    """What catalog and entry checks may look at besides the entry itself."""

    project: Project
    catalog: Catalog
    template_index: Mapping[MessageKey, Entry]
    coverage: Coverage
    options: Options
    memo: dict = field(default_factory=dict, compare=False)
    """Per-catalog results several checks share (term outcomes, unused markers)."""

    @property
    def termbase(self) -> Termbase:
        return self.options.termbase


def run(project: Project, options: Options = Options()) -> Report:
    """Check every catalog of the project and return the findings, sorted."""
    options.selection.validate()
    for extra in options.language_selection.values():
        extra.validate()
    checks = all_checks()
    template_index = index(project.template)
    template_markers = {
        entry.key: markers(entry, project.template.display_path, template=True) for entry in project.template.entries
    }
    used_template_markers: set[Marker] = set()
    findings: list[Finding] = []
    coverages: list[Coverage] = []
    for catalog in project.catalogs:
        cov = compute(catalog, project.template, template_index)
        coverages.append(cov)
        context = CatalogContext(project, catalog, template_index, cov, options)
        enabled = options.selection_for(catalog).apply(checks)
        raw = list(_catalog_findings(context, [i for i in enabled if i.code != UNUSED_SUPPRESSION]))
        kept, unused = _suppress(raw, catalog, template_markers, used_template_markers, enabled)
        findings.extend(kept)
        unused_check = next((i for i in enabled if i.code == UNUSED_SUPPRESSION), None)
        if unused_check is not None:
            context.memo["unused_markers"] = unused
            findings.extend(_catalog_findings(context, [unused_check]))
    unused_check = find(UNUSED_SUPPRESSION)
    if unused_check is not None and options.selection.enabled(unused_check):
        for found in template_markers.values():
            for marker in found:
                if marker not in used_template_markers and _all_enabled(marker, options.selection.apply(checks)):
                    problem = unused_problem(marker)
                    findings.append(_finding(unused_check, problem, file=marker.file, language=None, options=options))
    for info in options.selection.apply(checks):
        if info.scope is Scope.PROJECT:
            for problem in info.function(project, options):
                findings.append(_finding(info, problem, file=problem.file or "", language=problem.language, options=options))
    total = len(findings)
    if options.baseline is not None:
        findings = baseline_mod.new_findings(findings, options.baseline)
    findings.sort(key=Finding.sort_key)
    return Report(
        template=project.template.display_path,
        findings=tuple(findings),
        coverage=tuple(coverages),
        baselined=total - len(findings),
    )


def _suppress(
    raw: list[Finding],
    catalog: Catalog,
    template_markers: Mapping[MessageKey, tuple[Marker, ...]],
    used_template_markers: set[Marker],
    enabled: list[CheckInfo],
) -> tuple[list[Finding], list[Marker]]:
    """Drop the findings a marker names; return the rest and the unused catalog markers."""
    catalog_markers = {
        entry.key: markers(entry, catalog.display_path, template=False) for entry in catalog.entries if not entry.obsolete
    }
    used: set[Marker] = set()
    kept = []
    for finding in raw:
        key = (finding.msgctxt, finding.msgid)
        info = find(finding.code)
        candidates = (*catalog_markers.get(key, ()), *template_markers.get(key, ())) if finding.msgid is not None else ()
        hit = next((m for m in candidates if info is not None and m.matches(info)), None)
        if hit is None:
            kept.append(finding)
        elif hit.language_wide:
            used_template_markers.add(hit)
        else:
            used.add(hit)
    unused = [
        marker
        for found in catalog_markers.values()
        for marker in found
        if marker not in used and _all_enabled(marker, enabled)
    ]
    return kept, unused


def _all_enabled(marker: Marker, enabled: list[CheckInfo]) -> bool:
    """A marker for a check that did not run cannot be judged unused."""
    return all(any(Marker((s,), "", 0, False).matches(i) for i in enabled) for s in marker.selectors)


def _catalog_findings(context: CatalogContext, checks: Iterable[CheckInfo]) -> Iterable[Finding]:
    catalog = context.catalog
    file, language = catalog.display_path, catalog.code
    options = context.options
    checks = list(checks)
    entry_checks = [info for info in checks if info.scope is Scope.ENTRY]
    for info in checks:
        if info.scope is Scope.CATALOG:
            for problem in info.function(context):
                yield _finding(info, problem, file=file, language=language, options=options)
    for entry in catalog.entries:
        for info in entry_checks:
            if not info.applies.accepts(entry):
                continue
            for problem in info.function(entry, context):
                yield _finding(info, problem, file=file, language=language, options=options, entry=entry)


def _finding(
    info: CheckInfo,
    problem: Problem,
    *,
    file: str,
    language: str | None,
    options: Options,
    entry: Entry | None = None,
) -> Finding:
    line, msgctxt, msgid = problem.line, problem.msgctxt, problem.msgid
    if entry is not None:
        line = line if line is not None else entry.line
        msgctxt = msgctxt if msgctxt is not None else entry.msgctxt
        msgid = msgid if msgid is not None else entry.msgid
    severity = options.severities.get(info.code) or options.severities.get(info.name) or problem.severity or info.severity
    return Finding(
        file=problem.file or file,
        line=line,
        code=info.code,
        check=info.name,
        severity=severity,
        message=problem.message,
        language=problem.language or language,
        msgctxt=msgctxt,
        msgid=msgid,
    )
