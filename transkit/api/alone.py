"""Catalogs checked on their own, when no template is named or found.

Each catalog is read and becomes a project of its own whose template is the catalog's
own messages (:func:`~transkit.project.alone.own_template`): ``check``, ``stats`` and
``terms`` then run on it as on any project, the checks that need the real template
(:attr:`~transkit.engine.registry.CheckInfo.needs_template`) left out, and one note
says which, and how to have them (``--template``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.engine.context import Options
from transkit.engine.selection import Selection
from transkit.errors import CatalogError
from transkit.i18n import L_
from transkit.model.catalog import Catalog, CatalogFailure, Project
from transkit.model.coverage import Coverage, compute
from transkit.model.findings import Finding, Report
from transkit.po.reader import read_catalog
from transkit.project.alone import own_template
from transkit.project.locate import filter_languages, path_language
from transkit.project.paths import display_path


@dataclass(frozen=True)
class Alone:
    """Catalogs read to be checked each on its own, and those that could not be read."""

    projects: tuple[Project, ...]
    """One project per readable catalog: the catalog and its own messages as template."""
    failures: tuple[CatalogFailure, ...]


def read_alone(files: Sequence[Path], languages: Sequence[str] = ()) -> Alone:
    """Read each catalog (of ``languages`` only, when given) and make it its own project.

    Raises the first catalog's error when none can be read, as a project without a
    readable catalog does; :class:`~transkit.errors.ProjectError` for a language none has.
    """
    base = Path.cwd()
    catalogs: list[Catalog] = []
    failures: list[CatalogFailure] = []
    for path in files:
        shown, code = display_path(path, base), path_language(path)
        try:
            catalogs.append(read_catalog(path, shown, path_language=code))
        except CatalogError as error:
            failures.append(CatalogFailure(path, shown, error.line, error.message, code))
    if not catalogs:
        raise failures[0].error()
    if languages:
        # filter_languages looks at catalogs and failures only; the template is a stand-in.
        kept = filter_languages(Project(base, own_template(catalogs[0]), tuple(catalogs), tuple(failures)), languages)
        catalogs, failures = list(kept.catalogs), list(kept.failures)
    projects = tuple(Project(base, own_template(c), (c,)) for c in catalogs)
    return Alone(projects, tuple(failures))


def without_template(options: Options) -> Options:
    """The run's options with every check that needs a template ignored (the most
    specific selector: ``--select C101`` cannot bring one back)."""
    from transkit.engine.registry import template_checks  # not loaded for stats

    codes = tuple(info.code for info in template_checks())
    selection = options.selection
    return dataclasses.replace(options, selection=Selection(selection.select, (*selection.ignore, *codes)))


def skipped_checks(options: Options) -> tuple[str, ...]:
    """Codes of the checks ``options`` select that need a template."""
    from transkit.engine.registry import template_checks  # not loaded for stats

    return tuple(info.code for info in template_checks() if options.selection.enabled(info))


def skipped_note(skipped: Sequence[str]) -> str:
    """The one line that tells a user the run had no template, what it skipped, and how
    to have it."""
    if not skipped:
        return L_("no template (*.pot) found: each catalog was checked against its own messages")
    return L_(
        "no template (*.pot) found: each catalog was checked against its own messages; skipped "
        "{codes}, which need the template (name it with --template PATH)",
        codes=" ".join(skipped),
    )


def check_alone(
    alone: Alone,
    options: Options,
    *,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Every catalog checked on its own, the reports joined: findings sorted by file and
    line, coverage in catalog order. The catalogs that could not be read are reported
    (F001) with the first one's run."""
    from transkit.engine.registry import all_checks
    from transkit.engine.runner import run  # the checks, loaded only by the calls that check

    skipped = skipped_checks(options)
    options = without_template(options)
    reports = []
    for number, project in enumerate(alone.projects):
        if number == 0:
            project = dataclasses.replace(project, failures=alone.failures)
        reports.append(run(project, options, jobs=jobs))
        if progress is not None:
            progress(project.catalogs[0].display_path)
    findings = sorted((f for r in reports for f in r.findings), key=Finding.sort_key)
    return Report(
        template=None,
        findings=tuple(findings),
        coverage=tuple(c for r in reports for c in r.coverage),
        baselined=sum(r.baselined for r in reports),
        unreadable=sum(r.unreadable for r in reports),
        notes=(skipped_note(skipped),),
        selected=tuple(info.code for info in options.selection.apply(all_checks())),
        skipped=skipped,
    )


def coverage_alone(alone: Alone) -> list[Coverage]:
    """Each catalog's coverage of its own messages: what ``msgfmt --statistics`` counts
    (translated, fuzzy, untranslated; no message can be missing)."""
    return [compute(project.catalogs[0], project.template) for project in alone.projects]
