"""``transkit stats``, ``terms`` and ``report`` as library calls: each returns what its
command shows, for the caller to render (:mod:`transkit.reporting`) or to read."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from transkit.api.alone import coverage_alone, read_alone
from transkit.api.domains import each_domain, merge_reports, tag_coverage, tag_report
from transkit.api.locating import Located, PathLike, locate
from transkit.engine.collection import paused_during
from transkit.engine.config import Config, run_options
from transkit.engine.context import DEFAULT_SOURCE_LANGUAGE, Options, source_options
from transkit.engine.coverage import coverage_of_files
from transkit.errors import ProjectError
from transkit.i18n import L_
from transkit.model.catalog import Catalog, CatalogFailure, Project
from transkit.model.coverage import Coverage, compute, index, words_of
from transkit.model.findings import Report
from transkit.project.locate import locate_files
from transkit.project.paths import display_path
from transkit.project.safewrite import BUILD_MARKER
from transkit.terms import Termbase

if TYPE_CHECKING:
    from transkit.reporting.history import History
    from transkit.reporting.html import PagesView
    from transkit.terms.matrix import TermsMatrix

# The checks, the report's page and the terms matrix are imported by the calls that use
# them, so that `transkit stats` loads none of them (nor Markdown, Jinja or the check
# registry they bring).

USAGE_ERROR = 2
"""Exit status of a command whose input was partly unreadable."""


@dataclass(frozen=True)
class CoverageTable:
    """What ``transkit stats`` shows: coverage per language, and the catalogs left out."""

    template: str | None
    """The template as shown to the user; None when each catalog was counted against its
    own messages (no template named or found)."""
    coverage: tuple[Coverage, ...]
    failures: tuple[CatalogFailure, ...]
    domains: tuple[tuple[str, str], ...] = ()
    """Each domain and its template as shown; the coverage is grouped in this order."""

    @property
    def exit_code(self) -> int:
        return USAGE_ERROR if self.failures else 0


@paused_during
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
    is never all in memory. With no template named, configured or found, each catalog is
    counted against its own messages, as ``msgfmt --statistics`` counts it. Raises
    :class:`~transkit.errors.TranskitError` when no catalog at all can be read."""
    located = locate(paths, template=template, config=config)
    lone = located.alone()
    if lone is not None:
        alone = read_alone(lone, languages)
        return CoverageTable(None, tuple(_sorted(coverage_alone(alone), sort)), alone.failures)

    def count(part: Located) -> tuple[str, list[Coverage], list[CatalogFailure]]:
        if languages:
            project = part.load(languages)
            template_catalog, failures = project.template, list(project.failures)
            template_index = index(template_catalog)
            words = words_of(template_index)
            coverage = [compute(catalog, template_catalog, template_index, words) for catalog in project.catalogs]
        else:
            template_catalog, files = locate_files(part.paths, template=part.template)
            coverage, failures = coverage_of_files(template_catalog, files)
            if not coverage:  # nothing left to count: the input itself is unusable
                raise failures[0].error()
        return template_catalog.display_path, tag_coverage(_sorted(coverage, sort), part.domain), failures

    done = each_domain(located.domains(), languages, count)
    return CoverageTable(
        done[0][1][0],
        tuple(item for _, (_, coverage, _) in done for item in coverage),
        tuple(failure for _, (_, _, failures) in done for failure in failures),
        tuple((part.domain or "", shown) for part, (shown, _, _) in done),
    )


def _sorted(coverage: list[Coverage], sort: str) -> list[Coverage]:
    if sort == "coverage":
        return sorted(coverage, key=lambda item: (item.percent, item.language))
    return sorted(coverage, key=lambda item: item.language.lower())


class NoTermbase(ProjectError):
    """The critical-terms matrix was asked for, but there is no termbase to build it from."""

    def __init__(self, notes: tuple[str, ...]) -> None:
        super().__init__(L_("no termbase: give one with --glossary or create glossary/"))
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
    termbase = located.termbase(glossary)
    if not termbase:
        raise NoTermbase(located.termbase_note(termbase, glossary))
    lone = located.alone()
    if lone is not None:  # no template: each catalog's own messages are its source
        alone = read_alone(lone, languages)
        return TermsTable(_matrix(alone.projects, termbase, located.config), alone.failures)
    done = each_domain(located.domains(), languages, lambda part: part.load(languages))
    projects = [project for _, project in done]
    return TermsTable(_matrix(projects, termbase, located.config), _joined(projects).failures)


def _joined(projects: Sequence[Project]) -> Project:
    """Every domain's catalogs as one project (the first domain's template stands for the
    others): a language's critical terms are judged over all of its content."""
    if len(projects) == 1:
        return projects[0]
    first = projects[0]
    return Project(
        first.root,
        first.template,
        tuple(c for p in projects for c in p.catalogs),
        tuple(f for p in projects for f in p.failures),
        filtered=first.filtered,
    )


def _matrix(projects: Sequence[Project], termbase: Termbase, config: Config) -> TermsMatrix:
    from transkit.terms.matrix import Cell, TermsMatrix, build_matrix

    """The terms matrix over every domain, one column per language: each domain's messages
    are read with the termbase seen from its source language, and a language's cells add
    up over the domains."""
    default = Options(termbase=termbase, source_language=config.source_language or DEFAULT_SOURCE_LANGUAGE)
    matrices = [build_matrix(p, source_options(p.template, default).termbase) for p in projects]
    if len(matrices) == 1:
        return replace(matrices[0], languages=tuple(dict.fromkeys(matrices[0].languages)))
    cells: dict[tuple[str, str], Cell] = {}
    for matrix in matrices:
        for key, cell in matrix.cells.items():
            whole = cells.setdefault(key, Cell())
            whole.status = max(whole.status, cell.status)
            whole.messages += cell.messages
            whole.found.extend(found for found in cell.found if found not in whole.found)
            whole.problems.extend(problem for problem in cell.problems if problem not in whole.problems)
    return TermsMatrix(
        tuple(dict.fromkeys(term_id for m in matrices for term_id in m.term_ids)),
        tuple(dict.fromkeys(code for m in matrices for code in m.languages)),
        cells,
    )


@dataclass(frozen=True)
class EditorsReport:
    """What the editors' HTML report shows: the project, its check report and its terms."""

    project: Project
    report: Report
    matrix: TermsMatrix | None
    """None when there is no termbase (see ``report.notes``)."""
    templates: Mapping[str, Catalog] = field(default_factory=dict)
    """Each catalog's template by its display path, when the project has several domains."""
    build: BuildPages | None = None
    """The last build's pages (``--pages``), to link each language to its pages."""
    history: History | None = None
    """The catalogs' git history, when asked for (``--history``)."""
    source_language: str | None = None
    """The configured ``source-language``, for templates whose header names none."""

    @property
    def exit_code(self) -> int:
        return USAGE_ERROR if self.project.failures else 0

    def html(self, generated_at: str, at: PathLike | None = None) -> str:
        """The self-contained page, stamped with ``generated_at`` (ISO 8601); ``at`` is
        where it will be written, for its links to the built pages to be relative."""
        from transkit.reporting.html import render_report

        pages = self.build.view(Path(at).parent if at is not None else Path.cwd()) if self.build else None
        return render_report(
            self.project,
            self.report,
            self.matrix,
            generated_at=generated_at,
            templates=self.templates,
            pages=pages,
            history=self.history,
            source_language=self.source_language,
        )


@dataclass(frozen=True)
class BuildPages:
    """What ``transkit build`` recorded in ``OUTDIR/build-report.json``."""

    folder: Path
    pages: tuple[Mapping[str, Any], ...]

    @classmethod
    def read(cls, folder: PathLike) -> BuildPages:
        """The build report of ``folder``; :class:`ProjectError` when there is none or it is
        not one (the report never shows a half-read build)."""
        path = Path(folder) / BUILD_MARKER
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ProjectError(
                "no build report here: run `transkit build ... -o` to this folder first", display_path(Path(folder))
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ProjectError(f"not a build report ({error})", display_path(path)) from None
        pages = data.get("pages") if isinstance(data, dict) else None
        if not isinstance(pages, list) or not all(
            isinstance(p, dict) and isinstance(p.get("page"), str) and isinstance(p.get("language"), str) for p in pages
        ):
            raise ProjectError("not a build report (no list of pages with page and language)", display_path(path))
        return cls(Path(folder), tuple(pages))

    def view(self, here: Path) -> PagesView:
        """The pages per language, each published page linked relative to ``here`` (its
        preview when the build made one, else the page itself)."""
        from transkit.reporting.html import PageCell, PagesView

        names = tuple(dict.fromkeys(str(p["page"]) for p in self.pages))
        by_language: dict[str, dict[str, PageCell]] = {}
        for item in self.pages:
            output = item.get("output")
            href = None
            if isinstance(output, str) and item.get("status") != "held-back":
                href = self._link(output, here)
            reasons = [
                f"{r.get('code', '')}: {r.get('message', '')}" for r in item.get("reasons") or () if isinstance(r, dict)
            ]
            reasons += [
                f"falls back: {f.get('segment', '')}"
                for f in item.get("fallback_segments") or ()
                if isinstance(f, dict)
            ]
            domain = item.get("domain")
            cell = PageCell(
                str(item.get("status", "")), href, tuple(reasons), domain if isinstance(domain, str) else None
            )
            by_language.setdefault(str(item["language"]), {})[str(item["page"])] = cell
        rows = tuple((code, tuple(cells.get(name) for name in names)) for code, cells in by_language.items())
        return PagesView(display_path(self.folder), names, rows)

    def _link(self, output: str, here: Path) -> str | None:
        """A relative link to a file of the build, never outside it nor with a scheme."""
        from transkit.content.preview import preview_path

        candidates = [self.folder / preview_path(output), self.folder / output]
        root = self.folder.resolve()
        for candidate in candidates:
            target = candidate.resolve()
            if target.is_file() and root in target.parents:
                return "./" + Path(os.path.relpath(target, here.resolve())).as_posix()
        return None


def report_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    languages: Sequence[str] = (),
    history: int = 0,
    pages: PathLike | None = None,
) -> EditorsReport:
    """The check report and critical-terms matrix behind ``transkit report``; the
    configuration's selection, severities and thresholds apply, as in ``check``.
    ``history``: how many of the last commits that changed the catalogs to read from git
    and check the same way (0: none). ``pages``: a ``transkit build`` output folder, whose
    pages the report links per language with what was published, held back (and why) or
    falls back."""
    from transkit.engine.runner import run
    from transkit.reporting.history import read_history

    build = BuildPages.read(pages) if pages is not None else None
    located = locate(paths, template=template, config=config)
    termbase = located.termbase(glossary)
    options = run_options(located.config, termbase=termbase)
    done = each_domain(located.domains(), languages, lambda part: part.load(languages))
    report = merge_reports([tag_report(run(project, options), part.domain) for part, project in done])
    templates = {catalog.display_path: project.template for _, project in done for catalog in project.catalogs}
    projects = [project for _, project in done]
    project = _joined(projects)
    matrix = _matrix(projects, termbase, located.config) if termbase else None
    notes = located.termbase_note(termbase, glossary)
    past = read_history(projects, options, history) if history > 0 else None
    return EditorsReport(
        project,
        replace(report, notes=notes),
        matrix,
        templates=templates,
        build=build,
        history=past,
        source_language=located.config.source_language,
    )
