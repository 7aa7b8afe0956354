"""The ``transkit`` command line: thin click commands over the library.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or a
coverage gate missed), 2 usage error or unreadable input.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, TextIO

import click

from transkit import __version__
from transkit.config import Config, find_config, load_config
from transkit.engine import Options, run
from transkit.errors import TranskitError
from transkit.model import Project
from transkit.project import filter_languages, load_project
from transkit.registry import all_checks
from transkit.report import FailOn
from transkit.reporters import CHECK_FORMATS
from transkit.reporters import stats as stats_reporter
from transkit.selection import Selection

USAGE_ERROR = 2


class TranskitGroup(click.Group):
    """Turns transkit's own errors into ``path:line: message`` and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranskitError as error:
            click.echo(f"transkit: {error}" if not error.path else str(error), err=True)
            ctx.exit(USAGE_ERROR)


@click.group(cls=TranskitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transkit")
def main() -> None:
    """Translation QA for gettext catalogs.

    \b
    transkit check              check ./catalogs against its template
    transkit stats              coverage per language
    transkit checks             list every check with its code and name
    """


def project_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads a project."""
    for decorator in reversed(
        [
            click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
            click.option("--template", type=click.Path(path_type=Path), help="The template (.pot); default: the one *.pot beside the catalogs."),
            click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file; default: transkit.toml or pyproject.toml here."),
            click.option("--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable): fr, pt-BR, zh_Hans."),
            click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of standard output."),
        ]
    ):
        function = decorator(function)
    return function


def _load(paths: Sequence[Path], template: Path | None, config_path: Path | None, languages: Sequence[str]) -> tuple[Config, Project]:
    config = load_config(config_path if config_path is not None else find_config(Path.cwd()))
    catalogs = list(paths) or ([config.catalogs] if config.catalogs else [])
    project = load_project(catalogs, template=template or config.template)
    return config, filter_languages(project, languages)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file replaced only once the whole report is written."""
    if path is None:
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(buffer.getvalue())
        os.replace(temporary, path)
    except OSError as error:
        raise TranskitError(f"cannot write output: {error.strerror or error}", str(path)) from None


@main.command()
@project_options
@click.option("--format", "output_format", type=click.Choice(sorted(CHECK_FORMATS)), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice([f.value for f in FailOn]), help="Lowest severity that fails the run (exit 1). Default: error.")
@click.option("--min-coverage", type=click.FloatRange(0, 100), metavar="PCT", help="Fail when a catalog translates less than PCT percent of the template.")
@click.option("--select", multiple=True, metavar="CODE", help="Run only these checks (code, code prefix or name; repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these checks (code, code prefix or name; repeatable).")
def check(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path | None,
    output_format: str,
    fail_on: str | None,
    min_coverage: float | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Report what is missing, unfinished, stale or broken in the catalogs.

    PATHS are catalog folders or .po files (default: the configured catalogs, else
    ./catalogs). Exit 0 when nothing reaches the fail level, 1 when something does or a
    coverage gate is missed, 2 on a usage error or unreadable input.

    \b
    transkit check
    transkit check catalogs --lang fr --lang nl
    transkit check --format json -o findings.json --min-coverage 90
    """
    config, project = _load(paths, template, config_path, languages)
    options = Options(
        selection=Selection(select or config.select, ignore or config.ignore),
        min_coverage=min_coverage if min_coverage is not None else config.min_coverage,
        language_min_coverage=config.language_min_coverage,
    )
    report = run(project, options)
    with _output(output) as stream:
        CHECK_FORMATS[output_format](report, stream)
    policy = FailOn(fail_on) if fail_on else (config.fail_on or FailOn.ERROR)
    sys.exit(report.exit_code(policy))


@main.command()
@project_options
@click.option("--format", "output_format", type=click.Choice(sorted(stats_reporter.FORMATS)), default="text", show_default=True)
@click.option("--sort", type=click.Choice(["code", "coverage"]), default="code", show_default=True, help="Order of the languages: by code, or least translated first.")
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
    _config, project = _load(paths, template, config_path, languages)
    from transkit.coverage import compute, index

    template_index = index(project.template)
    coverage = [compute(catalog, project.template, template_index) for catalog in project.catalogs]
    if sort == "coverage":
        coverage.sort(key=lambda item: (item.percent, item.language))
    else:
        coverage.sort(key=lambda item: item.language.lower())
    for failure in project.failures:
        where = f"{failure.display_path}:{failure.line}" if failure.line else failure.display_path
        click.echo(f"{where}: {failure.message} (catalog left out)", err=True)
    with _output(output) as stream:
        stats_reporter.FORMATS[output_format](project.template.display_path, coverage, stream)
    sys.exit(USAGE_ERROR if project.failures else 0)


@main.command(name="checks")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_checks(output_format: str) -> None:
    """List every check: code, name, default severity, scope and summary."""
    infos = all_checks()
    if output_format == "json":
        from transkit.reporters.json_report import dump

        dump(
            {
                "checks": [
                    {"code": i.code, "name": i.name, "severity": i.severity.value, "scope": i.scope.value, "summary": i.summary}
                    for i in infos
                ]
            },
            sys.stdout,
        )
        return
    width = max(len(i.name) for i in infos)
    for info in infos:
        click.echo(f"{info.code}  {info.name:<{width}}  {info.severity.value:<7}  {info.scope.value:<7}  {info.summary}")
