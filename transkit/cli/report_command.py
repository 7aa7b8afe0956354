"""``report``: the editors' HTML coverage report, one self-contained file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from transkit.cli.common import USAGE_ERROR, glossary_option, load, load_termbase_for, main, write_atomically
from transkit.engine.config import run_options
from transkit.engine.runner import run
from transkit.reporting.html import render_report
from transkit.terms.matrix import build_matrix

DEFAULT_OUTPUT = Path("report.html")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timestamp(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date and time (2026-01-01T00:00:00Z)") from None
    return value


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="The template (.pot); default: the one *.pot beside the catalogs.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Configuration file; default: transkit.toml or pyproject.toml here.",
)
@click.option(
    "--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable): fr, pt-BR, zh_Hans."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="The HTML file to write.",
)
@glossary_option
@click.option(
    "--now",
    callback=_timestamp,
    metavar="TIMESTAMP",
    help="Generation time to show (ISO 8601); default: the current UTC time.",
)
def report(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path,
    glossary_path: Path | None,
    now: str | None,
) -> None:
    """Write the editors' coverage report: one self-contained HTML file.

    A summary per language, the critical-terms matrix, and per language the missing and
    stale messages and the findings, with filters that work offline. Exit 0, or 2 when a
    catalog could not be read (the report shows the others).

    \b
    transkit report
    transkit report catalogs -o coverage.html --lang fr --lang ar
    """
    loaded = load(paths, template, config_path, languages)
    termbase = load_termbase_for(loaded, glossary_path)
    options = run_options(loaded.config, termbase=termbase)
    result = run(loaded.project, options)
    matrix = build_matrix(loaded.project, termbase) if termbase else None
    page = render_report(loaded.project, result, matrix, generated_at=now or _now())
    write_atomically(output, page)
    for failure in loaded.project.failures:
        where = f"{failure.display_path}:{failure.line}" if failure.line else failure.display_path
        click.echo(f"{where}: {failure.message} (catalog left out)", err=True)
    click.echo(f"{output}: report of {len(loaded.project.catalogs)} languages written", err=True)
    sys.exit(USAGE_ERROR if loaded.project.failures else 0)
