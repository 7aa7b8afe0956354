"""Runs the registered checks over a project and gathers one sorted :class:`Report`.

The order of work: every check runs on every catalog with the selection that applies to
its language; suppression markers then drop the findings they name; markers that dropped
nothing are reported (N101); a baseline, if given, keeps only new findings.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from transkit import baseline as baseline_mod
from transkit.coverage import Coverage, compute, index
from transkit.glossary.model import Termbase
from transkit.languages import to_tag
from transkit.model import Catalog, Entry, MessageKey, Project
from transkit.registry import CheckInfo, Problem, Scope, all_checks, find
from transkit.report import Finding, Report, Severity
from transkit.selection import Selection
from transkit.suppression import Marker, markers

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
    """A language's entry of a per-language table: its own code first, then its base
    language's (a ``[languages.ti]`` section applies to ``ti_ER.po`` too)."""
    if catalog.language is None:
        return None
    tag = catalog.language.tag
    base = tag.split("-")[0]
    exact = [value for code, value in table.items() if to_tag(code) == tag]
    if exact:
        return exact[0]
    return next((value for code, value in table.items() if to_tag(code) == base), None)


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


def run(
    project: Project,
    options: Options = Options(),
    progress: Callable[[Catalog], None] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Check every catalog of the project and return the findings, sorted.

    ``progress`` is called after each catalog (the command line draws a progress bar).
    ``jobs`` is how many processes check catalogs at once (None: one per CPU, for a
    project big enough to gain from it); the report is the same whatever it is.
    """
    options.selection.validate()
    for extra in options.language_selection.values():
        extra.validate()
    checks = all_checks()
    template_index = index(project.template)
    template_markers = _markers(project.template, template=True)
    used: set[Marker] = set()
    catalog_markers: dict[str, dict[MessageKey, tuple[Marker, ...]]] = {}
    by_file: dict[str, tuple[Catalog, list[CheckInfo]]] = {}
    findings: list[Finding] = []
    coverages: list[Coverage] = []
    shared = _Shared(project, options, checks, template_index, template_markers)
    for catalog, result in zip(project.catalogs, _check_catalogs(shared, _worker_count(project, jobs))):
        coverages.append(result.coverage)
        by_file[catalog.display_path] = (catalog, result.enabled)
        catalog_markers[catalog.display_path] = result.markers
        findings.extend(result.findings)
        used.update(result.used)
        if progress is not None:
            progress(catalog)

    for info in options.selection.apply(checks):
        if info.scope is Scope.PROJECT:
            raw = [_finding(info, p, file=p.file or "", language=p.language, options=options) for p in info.function(project, options)]
            kept = [f for f in raw if f.file not in by_file or info in by_file[f.file][1]]
            findings.extend(f for f in kept if not _suppressed(f, catalog_markers.get(f.file, {}), template_markers, used))

    unused_check = find(UNUSED_SUPPRESSION)
    if unused_check is not None:
        for file, (catalog, enabled) in by_file.items():
            if unused_check in enabled:
                for problem in unused_check.function(_unused(catalog_markers[file], used, enabled)):
                    findings.append(_finding(unused_check, problem, file=file, language=catalog.code, options=options))
        # Template markers serve every language: judge them only when every language ran.
        if not project.filtered and options.selection.enabled(unused_check):
            unused = _unused(template_markers, used, options.selection.apply(checks))
            for problem in unused_check.function(unused):
                findings.append(_finding(unused_check, problem, file=project.template.display_path, language=None, options=options))

    total = len(findings)
    if options.baseline is not None:
        findings = baseline_mod.new_findings(findings, options.baseline)
    findings.sort(key=Finding.sort_key)
    return Report(
        template=project.template.display_path,
        findings=tuple(findings),
        coverage=tuple(coverages),
        baselined=total - len(findings),
        unreadable=len(project.failures),
    )


@dataclass(frozen=True)
class _Shared:
    """What every catalog's check needs: read by worker processes without pickling."""

    project: Project
    options: Options
    checks: list[CheckInfo]
    template_index: Mapping[MessageKey, Entry]
    template_markers: Mapping[MessageKey, tuple[Marker, ...]]


@dataclass(frozen=True)
class _CatalogResult:
    """One catalog's part of the report: small, so that it travels back from a worker."""

    coverage: Coverage
    enabled: list[CheckInfo]
    markers: dict[MessageKey, tuple[Marker, ...]]
    findings: list[Finding]
    used: set[Marker]


def _check_catalog(shared: _Shared, number: int) -> _CatalogResult:
    project, options = shared.project, shared.options
    catalog = project.catalogs[number]
    coverage = compute(catalog, project.template, shared.template_index)
    context = CatalogContext(project, catalog, shared.template_index, coverage, options)
    enabled = options.selection_for(catalog).apply(shared.checks)
    catalog_markers = _markers(catalog, template=False)
    used: set[Marker] = set()
    raw = _catalog_findings(context, [i for i in enabled if i.code != UNUSED_SUPPRESSION])
    findings = _suppress(raw, catalog_markers, shared.template_markers, used)
    return _CatalogResult(coverage, enabled, catalog_markers, findings, used)


# Parallel checking. Worker processes are forked from this one, so they see the parsed
# project in their own (copy-on-write) memory: only catalog numbers go to them and only
# findings come back, nothing large is pickled. Where fork is not available, or the
# project is small, catalogs are checked here, one after another.
_PARALLEL_MIN_ENTRIES = 20_000
_SHARED_FOR_WORKERS: _Shared | None = None


def _worker_count(project: Project, jobs: int | None) -> int:
    if jobs is None:
        entries = sum(len(catalog.entries) for catalog in project.catalogs)
        jobs = (os.cpu_count() or 1) if entries >= _PARALLEL_MIN_ENTRIES else 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, len(project.catalogs)))


def _check_in_worker(number: int) -> _CatalogResult:
    assert _SHARED_FOR_WORKERS is not None
    return _check_catalog(_SHARED_FOR_WORKERS, number)


def _check_catalogs(shared: _Shared, workers: int) -> Iterator[_CatalogResult]:
    """Each catalog's result, in catalog order."""
    numbers = range(len(shared.project.catalogs))
    if workers <= 1:
        yield from (_check_catalog(shared, number) for number in numbers)
        return
    global _SHARED_FOR_WORKERS
    _SHARED_FOR_WORKERS = shared
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from pool.map(_check_in_worker, numbers)
    finally:
        _SHARED_FOR_WORKERS = None


def _markers(catalog: Catalog, *, template: bool) -> dict[MessageKey, tuple[Marker, ...]]:
    return {entry.key: markers(entry, catalog.display_path, template=template) for entry in catalog.entries}


def _suppressed(
    finding: Finding,
    catalog_markers: Mapping[MessageKey, tuple[Marker, ...]],
    template_markers: Mapping[MessageKey, tuple[Marker, ...]],
    used: set[Marker],
) -> bool:
    """Whether a marker on the finding's message names its check; records the marker used."""
    if finding.msgid is None:
        return False
    key = (finding.msgctxt, finding.msgid)
    info = find(finding.code)
    for marker in (*catalog_markers.get(key, ()), *template_markers.get(key, ())):
        if info is not None and marker.matches(info):
            used.add(marker)
            return True
    return False


def _suppress(raw, catalog_markers, template_markers, used) -> list[Finding]:
    return [f for f in raw if not _suppressed(f, catalog_markers, template_markers, used)]


def _unused(found: Mapping[MessageKey, tuple[Marker, ...]], used: set[Marker], enabled: list[CheckInfo]) -> list[Marker]:
    """Markers that suppressed nothing, among those this run can judge."""
    return [m for ms in found.values() for m in ms if m not in used and m.judged_by(enabled)]


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
