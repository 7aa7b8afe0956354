"""Runs the registered checks over a project and gathers one sorted :class:`Report`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from transkit.coverage import Coverage, compute, index
from transkit.glossary.model import Termbase
from transkit.languages import to_tag
from transkit.model import Catalog, Entry, MessageKey, Project
from transkit.registry import CheckInfo, Problem, Scope, all_checks
from transkit.report import Finding, Report
from transkit.selection import Selection


@dataclass(frozen=True)
class Options:
    """What a run checks and against which thresholds."""

    selection: Selection = Selection()
    min_coverage: float | None = None
    """Percent of template messages a catalog must translate; None for no gate."""
    language_min_coverage: Mapping[str, float] = field(default_factory=dict)
    """Per-language gates by language code (any spelling langcodes understands)."""
    termbase: Termbase = field(default_factory=Termbase)
    """Critical terms to verify; empty for none."""

    def min_coverage_for(self, catalog: Catalog) -> float | None:
        tag = catalog.language.tag if catalog.language else None
        for code, value in self.language_min_coverage.items():
            if tag is not None and to_tag(code) == tag:
                return value
        return self.min_coverage


@dataclass(frozen=True)
class CatalogContext:
    """What catalog and entry checks may look at besides the entry itself."""

    project: Project
    catalog: Catalog
    template_index: Mapping[MessageKey, Entry]
    coverage: Coverage
    options: Options
    memo: dict = field(default_factory=dict, compare=False)
    """Per-catalog results several checks share (term outcomes), computed once."""

    @property
    def termbase(self) -> Termbase:
        return self.options.termbase


def run(project: Project, options: Options = Options()) -> Report:
    """Check every catalog of the project and return the findings, sorted."""
    options.selection.validate()
    checks = options.selection.apply(all_checks())
    template_index = index(project.template)
    findings: list[Finding] = []
    coverages: list[Coverage] = []
    for catalog in project.catalogs:
        cov = compute(catalog, project.template, template_index)
        coverages.append(cov)
        context = CatalogContext(project, catalog, template_index, cov, options)
        findings.extend(_catalog_findings(context, checks))
    for info in checks:
        if info.scope is Scope.PROJECT:
            for problem in info.function(project, options):
                findings.append(_finding(info, problem, file=problem.file or "", language=problem.language))
    findings.sort(key=Finding.sort_key)
    return Report(
        template=project.template.display_path,
        findings=tuple(findings),
        coverage=tuple(coverages),
    )


def _catalog_findings(context: CatalogContext, checks: Iterable[CheckInfo]) -> Iterable[Finding]:
    catalog = context.catalog
    file, language = catalog.display_path, catalog.code
    entry_checks = [info for info in checks if info.scope is Scope.ENTRY]
    for info in checks:
        if info.scope is Scope.CATALOG:
            for problem in info.function(context):
                yield _finding(info, problem, file=file, language=language)
    for entry in catalog.entries:
        for info in entry_checks:
            if not info.applies.accepts(entry):
                continue
            for problem in info.function(entry, context):
                yield _finding(info, problem, file=file, language=language, entry=entry)


def _finding(
    info: CheckInfo,
    problem: Problem,
    *,
    file: str,
    language: str | None,
    entry: Entry | None = None,
) -> Finding:
    line, msgctxt, msgid = problem.line, problem.msgctxt, problem.msgid
    if entry is not None:
        line = line if line is not None else entry.line
        msgctxt = msgctxt if msgctxt is not None else entry.msgctxt
        msgid = msgid if msgid is not None else entry.msgid
    return Finding(
        file=problem.file or file,
        line=line,
        code=info.code,
        check=info.name,
        severity=problem.severity or info.severity,
        message=problem.message,
        language=problem.language or language,
        msgctxt=msgctxt,
        msgid=msgid,
    )
