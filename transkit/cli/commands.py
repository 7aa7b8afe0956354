"""``check``, ``stats``, ``terms``, ``explain`` and ``checks``: each one library call
(:mod:`transkit.api`) and its rendering."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from transkit.api import NoTermbase, stats_paths, terms_paths
from transkit.cli.common import echo_failures, echo_notes, glossary_option, main, project_options, write_atomically
from transkit.cli.common import output as open_output
from transkit.engine import baseline
from transkit.i18n import N_, _, ngettext, translate
from transkit.model.findings import FailOn
from transkit.reporting import CHECK_FORMATS, junit, text
from transkit.reporting import stats as stats_reporter
from transkit.reporting import terms as terms_reporter
from transkit.reporting.json_report import dump

if TYPE_CHECKING:
    from transkit.api.checking import Progress


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
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the fixes a machine can make safely (T103, T105, T122, S101, S102, H104), then report what is left.",
)
@click.option("--diff", is_flag=True, help="With or without --fix: print the fixes as a unified diff; write nothing.")
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
    fix: bool,
    diff: bool,
) -> None:
    """Report what is missing, unfinished, stale, broken or wrong in the catalogs.

    PATHS are catalog folders or .po files (default: the configured catalogs, else
    ./catalogs). Critical terms are checked against the termbase (--glossary, the
    configured one, else glossary/ beside the catalogs folder). With no template named or
    found, each catalog is checked against its own messages and the checks that need the
    template are skipped (one line says which). Exit 0 when nothing reaches the fail
    level, 1 when something does or a coverage gate is missed, 2 on a usage error or
    unreadable input.

    \b
    transkit check
    transkit check fr.po --glossary terms.toml     # one catalog, no template
    transkit check catalogs --lang fr --lang nl
    transkit check --format json -o findings.json --min-coverage 90
    transkit check --write-baseline .transkit-baseline.json
    transkit check --baseline .transkit-baseline.json
    transkit check --fix --diff             # what --fix would change
    transkit check --fix
    """
    from transkit.api import check_paths  # not imported by the other commands here
    from transkit.engine.registry import all_checks

    if fix or diff:
        from transkit.api import fix_paths

        fixed = fix_paths(
            paths,
            template=template,
            config=config_path,
            glossary=glossary_path,
            languages=languages,
            select=select,
            ignore=ignore,
            dry_run=diff,
        )
        if diff:  # as ruff --diff: the changes, exit 1 when there are any
            click.echo(fixed.diff, nl=False)
            count = len(fixed.fixes)
            click.echo(
                ngettext(
                    "Would fix {count} problem (nothing written).",
                    "Would fix {count} problems (nothing written).",
                    count,
                ).format(count=count),
                err=True,
            )
            sys.exit(1 if fixed.diff else 0)
        for finding in fixed.fixes:
            line = f":{finding.line}" if finding.line else ""
            click.echo(
                _("{where}: fixed {code} {check}: {message}").format(
                    where=f"{finding.file}{line}",
                    code=finding.code,
                    check=finding.check,
                    message=translate(finding.message),
                ),
                err=True,
            )
        count, files = len(fixed.fixes), sum(1 for c in fixed.catalogs if c.changed)
        fixed_problems = ngettext("Fixed {count} problem", "Fixed {count} problems", count).format(count=count)
        in_catalogs = ngettext("in {files} catalog.", "in {files} catalogs.", files).format(files=files)
        click.echo(f"{fixed_problems} {in_catalogs}", err=True)
    with _progress_bar() as progress:
        report = check_paths(
            paths,
            template=template,
            config=config_path,
            glossary=glossary_path,
            languages=languages,
            select=select,
            ignore=ignore,
            min_coverage=min_coverage,
            baseline=False if write_baseline is not None else baseline_path,
            cache=not no_cache,
            jobs=jobs,
            progress=progress,
        )
    # After the run: an input that cannot be checked is the one message on stderr.
    echo_notes(report.notes)
    if write_baseline is not None:
        write_atomically(write_baseline, baseline.render(report.findings))
        recorded = len(report.findings)
        click.echo(
            ngettext("{path}: recorded {count} finding", "{path}: recorded {count} findings", recorded).format(
                path=write_baseline, count=recorded
            ),
            err=True,
        )
        sys.exit(0)
    render = CHECK_FORMATS[output_format]
    if output_format == "text":
        # Colour only for a person at a terminal, and never when NO_COLOR is set.
        colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        render = functools.partial(text.render_findings if quiet else text.render, colour=colour)
    if output_format == "junit":  # a test case per family that ran, failing only at the run's fail level
        selected = set(report.selected)
        checks = [info for info in all_checks() if info.code in selected]
        render = functools.partial(junit.render, checks=checks, fail_on=fail_on)
    with open_output(output) as stream:
        render(report, stream)
    sys.exit(report.exit_code(fail_on))


@contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A progress bar on stderr while catalogs are checked, when a person is watching."""
    if not sys.stderr.isatty():
        yield None
        return
    bars: list = []

    def advance(shown: str, count: int) -> None:
        if count < 2:
            return
        if not bars:
            bars.append(click.progressbar(length=count, label=_("checking"), file=sys.stderr).__enter__())
        bars[0].update(1)

    try:
        yield advance
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


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
    table = stats_paths(paths, template=template, config=config_path, languages=languages, sort=sort)  # type: ignore[arg-type]
    echo_failures(table.failures)
    with open_output(output) as stream:
        stats_reporter.FORMATS[output_format](table.template, list(table.coverage), stream, table.domains)
    sys.exit(table.exit_code)


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
    try:
        table = terms_paths(paths, template=template, config=config_path, glossary=glossary_path, languages=languages)
    except NoTermbase as missing:
        echo_notes(missing.notes)
        raise click.UsageError(translate(missing.message)) from None
    echo_failures(table.failures)
    with open_output(output) as stream:
        terms_reporter.FORMATS[output_format](table.matrix, stream)
    sys.exit(table.exit_code)


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Show a check's documentation: what it finds, why, a bad and a good example.

    \b
    transkit explain T105
    transkit explain phone-number-reversed
    """
    from transkit.engine.registry import find

    info = find(code)
    if info is None:
        raise click.UsageError(_("no check {code!r}; `transkit checks` lists them").format(code=code))
    click.echo(f"{info.code} {info.name} ({info.severity.value}, {info.scope.value})\n")
    english_only = N_("The description below is in English: check documentation is not translated.")
    if _(english_only) != english_only:  # said only to a reader of another language
        click.echo(_(english_only) + "\n")
    click.echo(info.doc)
    if info.fixes:
        click.echo("\n" + _("Fix (transkit check --fix): {fix}.").format(fix=info.fixes))
    if info.needs_template:
        click.echo(
            "\n" + _("Needs the template: skipped when a catalog is checked on its own (give it with --template).")
        )


@main.command(name="checks")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_checks(output_format: str) -> None:
    """List every check: code, name, default severity, scope and summary.

    \b
    transkit checks
    transkit checks --format json
    transkit explain C103          (one check's documentation)
    """
    from transkit.engine.registry import all_checks

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
                        "needs_template": i.needs_template,
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
