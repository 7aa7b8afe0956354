"""``transkit glossary``: validate the termbase and exchange it with CAT tools."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from transkit.cli.common import (
    GLOSSARY_FOLDER,
    glossary_option,
    load,
    main,
    termbase_path,
    write_atomically,
)
from transkit.cli.common import output as open_output
from transkit.errors import GlossaryError, ProjectError, TermbaseInvalid, TranskitError
from transkit.terms import load_termbase
from transkit.terms.validate import validate


@main.group()
def glossary() -> None:
    """Validate the termbase, import it from TBX or CSV, export it.

    \b
    transkit glossary check
    transkit glossary export --format tbx -o campaign.tbx
    transkit glossary import terms.tbx -o glossary/imported.toml
    """


def _project_termbase(paths: tuple[Path, ...], config_path: Path | None, given: Path | None):
    """The termbase and, when there are catalogs, the project (for its languages)."""
    try:
        loaded = load(paths, None, config_path, ())
    except ProjectError:
        if paths:
            raise  # catalogs were named and cannot be read: say so
        loaded = None  # no catalogs here: check the termbase alone
    if loaded is None:
        path = given or Path(GLOSSARY_FOLDER)
        return load_termbase(path), None
    path = termbase_path(loaded, given)
    if path is None:
        raise GlossaryError("no termbase: give one with --glossary or create glossary/")
    return load_termbase(path), loaded.project


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
        termbase, project = _project_termbase(paths, config_path, glossary_path)
    except TermbaseInvalid as error:
        click.echo(f"{error}")  # the termbase breaks the schema: this command's finding
        sys.exit(1)
    languages = [c.language for c in project.catalogs if c.language] if project else []
    problems = [f"{p.file}: {p.severity.value}: {p.message}" for p in validate(termbase, languages)]
    if not termbase.terms:
        problems.append(f"{', '.join(str(s) for s in termbase.sources) or 'the termbase'}: error: no terms")
    for problem in problems:
        click.echo(problem)
    click.echo(f"{len(termbase.terms)} terms, {len(problems)} problems.")
    sys.exit(1 if problems else 0)


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
    termbase, _ = _project_termbase(paths, config_path, glossary_path)
    with open_output(output) as stream:
        stream.write(_render(termbase, output_format))


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
    termbase = load_termbase(source)
    target = output or Path(GLOSSARY_FOLDER) / f"{source.stem}.toml"
    if target.exists():
        raise TranskitError("already exists; choose another file with -o or remove it", str(target))
    if not target.parent.is_dir():
        raise TranskitError("no such folder", str(target.parent))
    if target.suffix == ".toml":
        # The folder is read as one termbase: an id it already has would break every check.
        existing = {term.id for term in load_termbase(target.parent).terms}
        clash = sorted(existing & {term.id for term in termbase.terms})
        if clash:
            raise TranskitError(
                f"term ids already in {target.parent}: {', '.join(clash[:5])}; import into another folder with -o",
                str(target),
            )
    write_atomically(target, _render(termbase, "toml"))
    click.echo(f"{target}: {len(termbase.terms)} terms imported from {source}", err=True)


def _render(termbase, output_format: str) -> str:
    if output_format == "tbx":
        from transkit.terms.tbx import write_tbx

        return write_tbx(termbase)
    if output_format == "csv":
        from transkit.terms.csv_format import write_csv

        return write_csv(termbase)
    from transkit.terms.toml_format import dump_toml

    return dump_toml(termbase)
