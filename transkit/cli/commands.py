"""``check``, ``stats``, ``terms`` and ``checks``."""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from transkit.cli.common import (
    USAGE_ERROR,
    Located,
    glossary_option,
    load,
    load_termbase_for,
    locate,
    main,
    note_termbase,
    project_options,
    write_atomically,
)
from transkit.cli.common import output as open_output
from transkit.engine import baseline
from transkit.engine import cache as runcache
from transkit.engine.config import run_options
from transkit.engine.coverage import coverage_of_files
from transkit.engine.registry import all_checks, find
from transkit.engine.runner import Options, run, run_files
from transkit.model.catalog import CatalogFailure
from transkit.model.coverage import compute, index
from transkit.model.findings import FailOn, Report
from transkit.project.locate import locate_files
from transkit.reporting import CHECK_FORMATS, junit, text
from transkit.reporting import stats as stats_reporter
from transkit.reporting import terms as terms_reporter
from transkit.reporting.json_report import dump
from transkit.terms import Termbase
from transkit.terms.matrix import build_matrix


@main.command()
@project_options
@glossary_option
@click.option("--format", "output_format", type=click.Choice(sorted(CHECK_FORMATS)), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    help="Lowest severity that fails the run (exit 1). Default: error.",
)
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Fail when a catalog translates less than PCT percent of the template.",
)
@click.option(
    "--select", multiple=True, metavar="CODE", help="Run only these checks (code, code prefix or name; repeatable)."
)
@click.option(
    "--ignore", multiple=True, metavar="CODE", help="Skip these checks (code, code prefix or name; repeatable)."
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path),
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline", type=click.Path(path_type=Path), help="Record today's findings in this file (then exit 0)."
)
@click.option("-q", "--quiet", is_flag=True, help="Text format: print the findings only, no coverage summary.")
@click.option("--no-cache", is_flag=True, help="Check everything again; do not read or write the result cache.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    metavar="N",
    help="Check N catalogs at once in N processes. Default: one per CPU for large projects.",
)
def check(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path | None,
    glossary_path: Path | None,
    output_format: str,
    fail_on: str | None,
    min_coverage: float | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline_path: Path | None,
    write_baseline: Path | None,
    quiet: bool,
    no_cache: bool,
    jobs: int | None,
) -> None:
    """Report what is missing, unfinished, stale, broken or wrong in the catalogs.

    PATHS are catalog folders or .po files (default: the configured catalogs, else
    ./catalogs). Critical terms are checked against the termbase (--glossary, the
    configured one, else glossary/ beside the catalogs folder). Exit 0 when nothing
    reaches the fail level, 1 when something does or a coverage gate is missed, 2 on a
    usage error or unreadable input.

    \b
    transkit check
    transkit check catalogs --lang fr --lang nl
    transkit check --format json -o findings.json --min-coverage 90
    transkit check --write-baseline .transkit-baseline.json
    transkit check --baseline .transkit-baseline.json
    """
    located = locate(paths, template, config_path)
    files = located.files()
    config = located.config
    known = baseline_path or config.baseline
    # Everything that can make this a usage error is read before the termbase note.
    recorded = baseline.load(known) if known is not None and write_baseline is None else None
    termbase = load_termbase_for(located, glossary_path, note=False)
    options = run_options(
        config, select=select, ignore=ignore, min_coverage=min_coverage, termbase=termbase, baseline=recorded
    )
    use_cache = not no_cache and write_baseline is None
    # The termbase enters the key by its files' bytes, the rest of the options by value.
    settings = repr((dataclasses.replace(options, termbase=Termbase()), tuple(languages)))
    key = runcache.run_key([*files, *termbase.sources], settings)
    report = runcache.load(key) if use_cache else None
    if report is None:
        report = _check_project(located, languages, options, use_cache=use_cache, jobs=jobs)
        if use_cache:
            runcache.store(key, report)
            runcache.prune()
    # After the run: an input that cannot be checked is the one message on stderr.
    note_termbase(located, glossary_path, termbase)
    if write_baseline is not None:
        write_atomically(write_baseline, baseline.render(report.findings))
        click.echo(f"{write_baseline}: recorded {len(report.findings)} findings", err=True)
        sys.exit(0)
    render = CHECK_FORMATS[output_format]
    if output_format == "text":
        # Colour only for a person at a terminal, and never when NO_COLOR is set.
        colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        render = functools.partial(text.render_findings if quiet else text.render, colour=colour)
    if output_format == "junit":  # a test case per family that ran, passing or failing
        render = functools.partial(junit.render, checks=options.selection.apply(all_checks()))
    with open_output(output) as stream:
        render(report, stream)
    policy = FailOn(fail_on) if fail_on else (config.fail_on or FailOn.ERROR)
    sys.exit(report.exit_code(policy))


@main.command()
@project_options
@click.option(
    "--format", "output_format", type=click.Choice(sorted(stats_reporter.FORMATS)), default="text", show_default=True
)
@click.option(
    "--sort",
    type=click.Choice(["code", "coverage"]),
    default="code",
    show_default=True,
    help="Order of the languages: by code, or least translated first.",
)
def stats(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path | None,
    output_format: str,
    sort: str,
) -> None:
    """Show a coverage table per language: counts and percent translated.

    \b
    transkit stats
    transkit stats --format csv -o coverage.csv
    transkit stats --sort coverage
    """
    located = locate(paths, template, config_path)
    if languages:
        project = located.load(languages).project
        template_catalog, failures = project.template, list(project.failures)
        template_index = index(template_catalog)
        coverage = [compute(catalog, template_catalog, template_index) for catalog in project.catalogs]
    else:  # each catalog read, counted and let go: a large project is never all in memory
        template_catalog, files = locate_files(located.paths, template=located.template)
        coverage, failures = coverage_of_files(template_catalog, files)
        if not coverage:  # nothing left to count: the input itself is unusable
            raise failures[0].error()
    if sort == "coverage":
        coverage.sort(key=lambda item: (item.percent, item.language))
    else:
        coverage.sort(key=lambda item: item.language.lower())
    _report_failures(failures)
    with open_output(output) as stream:
        stats_reporter.FORMATS[output_format](template_catalog.display_path, coverage, stream)
    sys.exit(USAGE_ERROR if failures else 0)


def _check_project(
    located: Located, languages: tuple[str, ...], options: Options, *, use_cache: bool, jobs: int | None
) -> Report:
    """Check the project: with ``--lang``, the catalogs of those languages; otherwise every
    catalog, each read where it is checked and skipped when its cached result holds."""
    termbase = options.termbase
    if languages:
        project = located.load(languages).project
        return _with_progress(
            len(project.catalogs), lambda progress: run(project, options, progress=progress, jobs=jobs)
        )
    template, files = locate_files(located.paths, template=located.template)
    # A catalog's result depends on these options; a baseline filters the report only.
    settings = repr(dataclasses.replace(options, termbase=Termbase(), baseline=None))
    cache = runcache.CatalogCache([template.path, *termbase.sources], settings) if use_cache else None
    return _with_progress(
        len(files),
        lambda progress: run_files(Path.cwd(), template, files, options, progress=progress, jobs=jobs, cache=cache),
    )


def _with_progress(count: int, checking: Callable[[Callable[[str], None] | None], Report]) -> Report:
    """Run the checks, with a progress bar on stderr when a person is watching."""
    if not sys.stderr.isatty() or count < 2:
        return checking(None)
    with click.progressbar(length=count, label="checking", file=sys.stderr) as bar:
        return checking(lambda shown: bar.update(1))


def _report_failures(failures: Sequence[CatalogFailure]) -> None:
    """Catalogs left out of a table or matrix, on stderr; the command then exits 2."""
    for failure in failures:
        where = f"{failure.display_path}:{failure.line}" if failure.line else failure.display_path
        click.echo(f"{where}: {failure.message} (catalog left out)", err=True)


@main.command()
@project_options
@glossary_option
@click.option(
    "--format", "output_format", type=click.Choice(sorted(terms_reporter.FORMATS)), default="text", show_default=True
)
def terms(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path | None,
    glossary_path: Path | None,
    output_format: str,
) -> None:
    """Show the critical-terms matrix: each term in each language.

    A cell is ok, variant (an approved but not preferred form), missing, wrong, or not
    used (no translated message of that language has the term).

    \b
    transkit terms
    transkit terms --format json -o terms.json
    """
    loaded = load(paths, template, config_path, languages)
    termbase = load_termbase_for(loaded, glossary_path)
    if not termbase:
        raise click.UsageError("no termbase: give one with --glossary or create glossary/")
    matrix = build_matrix(loaded.project, termbase)
    _report_failures(loaded.project.failures)
    with open_output(output) as stream:
        terms_reporter.FORMATS[output_format](matrix, stream)
    sys.exit(USAGE_ERROR if loaded.project.failures else 0)


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Show a check's documentation: what it finds, why, a bad and a good example.

    \b
    transkit explain T105
    transkit explain phone-number-reversed
    """
    info = find(code)
    if info is None:
        raise click.UsageError(f"no check {code!r}; `transkit checks` lists them")
    click.echo(f"{info.code} {info.name} ({info.severity.value}, {info.scope.value})\n")
    click.echo(info.doc)


@main.command(name="checks")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_checks(output_format: str) -> None:
    """List every check: code, name, default severity, scope and summary.

    \b
    transkit checks
    transkit checks --format json
    transkit explain C103          (one check's documentation)
    """
    infos = all_checks()
    if output_format == "json":
        dump(
            {
                "version": 1,
                "checks": [
                    {
                        "code": i.code,
                        "name": i.name,
                        "severity": i.severity.value,
                        "scope": i.scope.value,
                        "summary": i.summary,
                    }
                    for i in infos
                ],
            },
            sys.stdout,
        )
        return
    width = max(len(i.name) for i in infos)
    for info in infos:
        click.echo(
            f"{info.code}  {info.name:<{width}}  {info.severity.value:<7}  {info.scope.value:<7}  {info.summary}"
        )
