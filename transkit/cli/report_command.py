"""``report``: the editors' HTML coverage report, one self-contained file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from transkit.api import report_paths
from transkit.cli.common import (
    config_option,
    echo_failures,
    echo_notes,
    glossary_option,
    lang_option,
    main,
    template_option,
    write_atomically,
)

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
@template_option
@config_option
@lang_option
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
    "--pages",
    "pages",
    type=click.Path(path_type=Path, file_okay=False),
    help="A `transkit build` output folder: link each language to its pages, published, held back or falling back.",
)
@click.option(
    "--now",
    callback=_timestamp,
    metavar="TIMESTAMP",
    help="Generation time to show (ISO 8601); default: the current UTC time.",
)
@click.option(
    "--history",
    type=click.IntRange(0),
    default=0,
    metavar="N",
    help="Draw coverage and errors over the last N commits that changed the catalogs (read from git).",
)
def report(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    output: Path,
    glossary_path: Path | None,
    pages: Path | None,
    now: str | None,
    history: int,
) -> None:
    """Write the editors' coverage report: one self-contained HTML file.

    A status board per language (worst first), the critical-terms matrix, and per
    language the missing and stale messages and the findings, with filters that work
    offline. --history N adds coverage and errors over the last N commits that changed
    the catalogs, read from git (no network); --pages OUTDIR links each language to the
    pages a `transkit build` wrote there. Exit 0, or 2 when a catalog could not be read
    (the report shows the others).

    \b
    transkit report
    transkit report catalogs -o coverage.html --lang fr --lang ar
    transkit build content --html -o site; transkit report --pages site
    transkit report --history 10
    """
    editors = report_paths(
        paths,
        template=template,
        config=config_path,
        glossary=glossary_path,
        languages=languages,
        history=history,
        pages=pages,
    )
    echo_notes(editors.report.notes)
    if editors.history is not None and editors.history.unavailable:
        echo_notes([f"--history: {editors.history.unavailable}"])
    write_atomically(output, editors.html(now or _now(), at=output))
    echo_failures(editors.project.failures)
    catalogs = len(editors.project.catalogs)
    codes = len({catalog.code for catalog in editors.project.catalogs})
    shown = f"{codes} language{'s' if codes != 1 else ''}" + (f" ({catalogs} catalogs)" if catalogs != codes else "")
    click.echo(f"{output}: report of {shown} written", err=True)
    sys.exit(editors.exit_code)
