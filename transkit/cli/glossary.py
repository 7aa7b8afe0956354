"""``transkit glossary``: validate the termbase and exchange it with CAT tools."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from transkit.api.glossaries import check_glossary as check_termbase
from transkit.api.glossaries import import_glossary as import_termbase
from transkit.api.glossaries import project_termbase, render_termbase
from transkit.cli.common import error_line, glossary_option, main
from transkit.cli.common import output as open_output
from transkit.errors import TermbaseInvalid
from transkit.i18n import ngettext, translate


@main.group()
def glossary() -> None:
    """Validate the termbase, import it from TBX or CSV, export it.

    \b
    transkit glossary check
    transkit glossary export --format tbx -o campaign.tbx
    transkit glossary import terms.tbx -o glossary/imported.toml
    """


@glossary.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@glossary_option
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
def check_glossary(paths: tuple[Path, ...], glossary_path: Path | None, config_path: Path | None) -> None:
    """Validate the termbase: language codes, phone numbers, duplicate ids, forms both
    approved and forbidden, phrases and terms without a form for a catalog's language.

    PATHS are the catalogs whose languages the termbase must cover (default: the
    configured catalogs, else ./catalogs). Exit 0 when valid, 1 when not.

    \b
    transkit glossary check
    transkit glossary check catalogs --glossary glossary/campaign.toml
    """
    try:
        checked = check_termbase(paths, config=config_path, glossary=glossary_path)
    except TermbaseInvalid as error:
        click.echo(error_line(error))  # the termbase breaks the schema: this command's finding
        sys.exit(1)
    for problem in checked.problems:
        click.echo(translate(problem))
    terms, problems = len(checked.termbase.terms), len(checked.problems)
    click.echo(
        ngettext("{count} term", "{count} terms", terms).format(count=terms)
        + ", "
        + ngettext("{count} problem.", "{count} problems.", problems).format(count=problems)
    )
    sys.exit(checked.exit_code)


@glossary.command(name="export")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@glossary_option
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
@click.option("--format", "output_format", type=click.Choice(["tbx", "csv", "toml"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
def export_glossary(
    paths: tuple[Path, ...],
    glossary_path: Path | None,
    config_path: Path | None,
    output_format: str,
    output: Path | None,
) -> None:
    """Write the termbase as TBX-Basic, CSV or a single TOML file.

    \b
    transkit glossary export --format tbx -o campaign.tbx
    transkit glossary export --format csv > campaign.csv
    """
    termbase, _ = project_termbase(paths, config=config_path, glossary=glossary_path)
    with open_output(output) as stream:
        stream.write(render_termbase(termbase, output_format))  # type: ignore[arg-type]


@glossary.command(name="import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="The TOML file to write; default: glossary/<name>.toml."
)
def import_glossary(source: Path, output: Path | None) -> None:
    """Convert a TBX or CSV termbase into transkit's TOML; never overwrites a file.

    \b
    transkit glossary import reviewed.tbx -o glossary/reviewed.toml
    transkit glossary import terms.csv -o /tmp/terms.toml
    """
    target, termbase = import_termbase(source, output)
    count = len(termbase.terms)
    click.echo(
        ngettext(
            "{target}: {count} term imported from {source}", "{target}: {count} terms imported from {source}", count
        ).format(target=target, count=count, source=source),
        err=True,
    )
