"""``transkit check`` as one library call: :func:`check_paths`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Literal

from transkit.api.alone import check_alone, read_alone
from transkit.api.domains import each_domain, merge_reports, tag_report
from transkit.api.locating import Located, PathLike, locate
from transkit.engine import baseline as baselines
from transkit.engine import cache as runcache
from transkit.engine.collection import paused_during
from transkit.engine.config import run_options
from transkit.engine.names_cache import keep_names, recall_names
from transkit.engine.registry import all_checks
from transkit.engine.runner import Options, run, run_files
from transkit.engine.template_cache import read_template
from transkit.model.findings import FailOn, Report
from transkit.project.locate import locate_files

Progress = Callable[[str, int], None]
"""Called with a catalog's display path and the number of catalogs, once it is checked."""


@paused_during
def check_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    languages: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    min_coverage: float | None = None,
    baseline: PathLike | Literal[False] | None = None,
    cache: bool = True,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Everything ``transkit check`` does, as data: what is missing, unfinished, stale,
    broken or wrong in the catalogs.

    ``paths`` are catalog folders or ``.po`` files (default: the configured catalogs, else
    ``./catalogs``); ``config`` a configuration file (default: ``transkit.toml`` or
    ``pyproject.toml`` here). Arguments win over the configuration, as options do on the
    command line. The termbase is ``glossary``, else the configured one, else
    ``glossary/`` beside the catalogs folder. ``baseline``: a baseline file (default: the
    configured one); ``False`` applies none and bypasses the cache (what
    ``--write-baseline`` records). ``cache=False`` neither reads nor writes the result
    cache. ``jobs``: processes checking catalogs at once (None: one per CPU for a large
    project). With no template named, configured or found beside the catalogs, each
    catalog is checked against its own messages: the checks that need a template are
    skipped (``report.skipped``, and a note says so) and ``report.template`` is None.

    The report's :meth:`~transkit.model.findings.Report.exit_code` gives the command's exit
    status (the configured ``fail-on`` unless another is given); its ``notes`` are what the
    command prints on stderr. Raises :class:`~transkit.errors.TranskitError` for input that
    cannot be checked at all (the command's exit 2).
    """
    located = locate(paths, template=template, config=config)
    settings = located.config
    known = Path(baseline) if baseline else settings.baseline if baseline is None else None
    lone = located.alone()  # no template: each catalog is checked against its own messages
    # Everything that can make this a usage error is read before any catalog is checked.
    parts = located.domains() if lone is None else []
    for part in parts:
        part.files()
    recorded = baselines.load(known) if known is not None else None
    termbase = located.termbase(glossary)
    options = run_options(
        settings, select=select, ignore=ignore, min_coverage=min_coverage, termbase=termbase, baseline=recorded
    )
    if lone is not None:
        alone = read_alone(lone, languages)
        report = check_alone(alone, options, progress=_counted(progress, len(alone.projects)), jobs=jobs)
        return dataclasses.replace(
            report,
            fail_on=settings.fail_on or FailOn.ERROR,
            notes=(*located.termbase_note(termbase, glossary), *report.notes),
        )
    use_cache = cache and baseline is not False

    def check_domain(part: Located) -> Report:
        if not use_cache:
            return _check(part, languages, options, use_cache=False, jobs=jobs, progress=progress)[0]
        digests: dict[Path, str] = {}
        key = runcache.run_key(
            [*part.files(), *termbase.sources], runcache.settings_key(options, languages=tuple(languages)), digests
        )
        report = runcache.load(key, domain=part.domain)
        if report is None:
            recalled = recall_names()
            report, catalogs, sources = _check(
                part, languages, options, use_cache=True, jobs=jobs, progress=progress, digests=digests
            )
            keep_names(recalled)
            runcache.store(key, report, catalogs=catalogs, sources=sources)
            runcache.prune()
        return report

    done = each_domain(parts, languages, check_domain)
    report = merge_reports([tag_report(report, part.domain) for part, report in done])
    return dataclasses.replace(
        report,
        fail_on=settings.fail_on or FailOn.ERROR,
        notes=located.termbase_note(termbase, glossary),
        selected=tuple(info.code for info in options.selection.apply(all_checks())),
    )


def _check(
    located: Located,
    languages: Sequence[str],
    options: Options,
    *,
    use_cache: bool,
    jobs: int | None,
    progress: Progress | None,
    digests: Mapping[Path, str] | None = None,
) -> tuple[Report, runcache.CatalogCache | None, list[Path]]:
    """With ``languages``, the catalogs of those languages, loaded together; otherwise
    every catalog, each read where it is checked and skipped when its cached result holds.
    Also the catalogs' cache and the catalog files in the order checked, with which the
    report is stored (:func:`runcache.store`)."""
    if languages:
        project = located.load(languages)
        count = len(project.catalogs)
        return run(project, options, progress=_counted(progress, count), jobs=jobs), None, []
    template, files = locate_files(
        located.paths, template=located.template, read_template=read_template if use_cache else None
    )
    # A catalog's result depends on these options; a baseline filters the report only.
    catalog_settings = runcache.settings_key(dataclasses.replace(options, baseline=None))
    cache = (
        runcache.CatalogCache([template.path, *options.termbase.sources], catalog_settings, digests=digests)
        if use_cache
        else None
    )
    report = run_files(
        Path.cwd(), template, files, options, progress=_counted(progress, len(files)), jobs=jobs, cache=cache
    )
    return report, cache, [source.path for source in files]


def _counted(progress: Progress | None, count: int) -> Callable[[str], None] | None:
    if progress is None:
        return None
    return lambda shown: progress(shown, count)
