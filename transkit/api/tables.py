"""``transkit stats``, ``terms`` and ``report`` as library calls: each returns what its
command shows, for the caller to render (:mod:`transkit.reporting`) or to read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from transkit.api.locating import PathLike, locate
from transkit.engine.config import run_options
from transkit.engine.coverage import coverage_of_files
from transkit.engine.runner import run
from transkit.errors import ProjectError
from transkit.model.catalog import CatalogFailure, Project
from transkit.model.coverage import Coverage, compute, index
from transkit.model.findings import Report
from transkit.project.locate import locate_files
from transkit.reporting.history import History, read_history
from transkit.reporting.html import render_report
from transkit.terms.matrix import TermsMatrix, build_matrix

USAGE_ERROR = 2
"""Exit status of a command whose input was partly unreadable."""


@dataclass(frozen=True)
class CoverageTable:
    """What ``transkit stats`` shows: coverage per language, and the catalogs left out."""

    template: str
    """The template as shown to the user."""
    coverage: tuple[Coverage, ...]
    failures: tuple[CatalogFailure, ...]

    @property
    def exit_code(self) -> int:
        return USAGE_ERROR if self.failures else 0


def stats_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    languages: Sequence[str] = (),
    sort: Literal["code", "coverage"] = "code",
) -> CoverageTable:
    """Coverage per language, ordered by code or least translated first (``sort``).

    Without ``languages`` each catalog is read, counted and let go, so that a large project
    is never all in memory. Raises :class:`~transkit.errors.TranskitError` when no catalog
    at all can be read."""
    located = locate(paths, template=template, config=config)
    if languages:
        project = located.load(languages)
        template_catalog, failures = project.template, list(project.failures)
        template_index = index(template_catalog)
        coverage = [compute(catalog, template_catalog, template_index) for catalog in project.catalogs]
    else:
        template_catalog, files = locate_files(located.paths, template=located.template)
        coverage, failures = coverage_of_files(template_catalog, files)
        if not coverage:  # nothing left to count: the input itself is unusable
            raise failures[0].error()
    if sort == "coverage":
        coverage.sort(key=lambda item: (item.percent, item.language))
    else:
        coverage.sort(key=lambda item: item.language.lower())
    return CoverageTable(template_catalog.display_path, tuple(coverage), tuple(failures))


class NoTermbase(ProjectError):
    """The critical-terms matrix was asked for, but there is no termbase to build it from."""

    def __init__(self, notes: tuple[str, ...]) -> None:
        super().__init__("no termbase: give one with --glossary or create glossary/")
        self.notes = notes


@dataclass(frozen=True)
class TermsTable:
    """What ``transkit terms`` shows: each critical term in each language."""

    matrix: TermsMatrix
    failures: tuple[CatalogFailure, ...]

    @property
    def exit_code(self) -> int:
        return USAGE_ERROR if self.failures else 0


def terms_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    languages: Sequence[str] = (),
) -> TermsTable:
    """The critical-terms matrix, term by language. Raises :class:`NoTermbase` when no
    termbase is given, configured or found beside the catalogs."""
    located = locate(paths, template=template, config=config)
    project = located.load(languages)
    termbase = located.termbase(glossary)
    if not termbase:
        raise NoTermbase(located.termbase_note(termbase, glossary))
    return TermsTable(build_matrix(project, termbase), project.failures)


@dataclass(frozen=True)
class EditorsReport:
    """What the editors' HTML report shows: the project, its check report and its terms."""

    project: Project
    report: Report
    matrix: TermsMatrix | None
    """None when there is no termbase (see ``report.notes``)."""
    history: History | None = None
    """The catalogs' git history, when asked for (``--history``)."""

    @property
    def exit_code(self) -> int:
        return USAGE_ERROR if self.project.failures else 0

    def html(self, generated_at: str) -> str:
        """The self-contained page, stamped with ``generated_at`` (ISO 8601)."""
        return render_report(self.project, self.report, self.matrix, generated_at=generated_at, history=self.history)


def report_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    languages: Sequence[str] = (),
    history: int = 0,
) -> EditorsReport:
    """The check report and critical-terms matrix behind ``transkit report``; the
    configuration's selection, severities and thresholds apply, as in ``check``.
    ``history``: how many of the last commits that changed the catalogs to read from git
    and check the same way (0: none)."""
    located = locate(paths, template=template, config=config)
    project = located.load(languages)
    termbase = located.termbase(glossary)
    options = run_options(located.config, termbase=termbase)
    report = run(project, options)
    matrix = build_matrix(project, termbase) if termbase else None
    notes = located.termbase_note(termbase, glossary)
    past = read_history(project, options, history) if history > 0 else None
    return EditorsReport(project, replace(report, notes=notes), matrix, past)
