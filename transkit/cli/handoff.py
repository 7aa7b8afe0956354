"""``export`` and ``import``: work packages out to translators and back, each one library
call (:mod:`transkit.api.handoff`) and what it did, shown."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from transkit.api import export_packages, import_packages
from transkit.api.handoff import FORMATS, SELECTIONS, LanguageImport
from transkit.cli.common import config_option, glossary_option, main, template_option
from transkit.cli.maintenance import lock_timeout_option
from transkit.project.paths import display_path

catalogs_option = click.option(
    "--catalogs",
    "catalog_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Catalogs folder or .po file (repeatable); default: the configured one, else ./catalogs.",
)


@main.command()
@click.argument("languages", nargs=-1, required=True, metavar="LANG...")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMATS),
    default="xliff",
    show_default=True,
    help="xliff (2.0), xliff1 (1.2), xlsx, csv or po.",
)
@click.option(
    "--only",
    type=click.Choice(SELECTIONS),
    default="needs-work",
    show_default=True,
    help="needs-work: missing, untranslated, fuzzy or with errors; all: every message.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The package file (one language), or a folder for one package per language.",
)
@catalogs_option
@template_option
@config_option
@glossary_option
def export(
    languages: tuple[str, ...],
    format_name: str,
    only: str,
    output: Path,
    catalog_paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    glossary_path: Path | None,
) -> None:
    """Write a work package per language LANG for translators.

    Each unit carries its context, the termbase entries it needs, its plural forms and
    its placeholders and tags as protected inline codes.

    \b
    transkit export fr --format xliff -o fr.xliff
    transkit export ar fa ps --format xlsx -o packages/
    transkit export nl --only all --format csv -o nl.csv
    """
    exported = export_packages(
        languages,
        output,
        format=format_name,
        only=only,
        paths=catalog_paths,
        template=template,
        config=config_path,
        glossary=glossary_path,
    )
    several = len({package.domain for package in exported.packages}) > 1
    for package in exported.packages:
        if package.path is None:
            # Named as its package would be (DOMAIN.LANG) when the project has several domains.
            name = f"{package.domain}.{package.language}" if several else package.language
            click.echo(f"{name}: nothing needs work, no package written")
        else:
            click.echo(f"Wrote {display_path(package.path)}: {package.language}, {package.units} units")


@main.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be applied and refused; write nothing.")
@click.option(
    "--gate",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Refuse units with findings at or above this severity.",
)
@catalogs_option
@template_option
@config_option
@glossary_option
@lock_timeout_option
def import_(
    files: tuple[Path, ...],
    dry_run: bool,
    gate: str,
    catalog_paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    glossary_path: Path | None,
    lock_timeout: float,
) -> None:
    """Merge translated work packages back into the catalogs, through every check.

    A unit whose source changed since the export is refused (stale), as is one whose
    translation has a finding at the gate; fuzzy is cleared only for units marked final.
    Exit 0 when every unit applied or was unchanged, 1 when some were refused, 2 for a
    package that cannot be imported (then nothing is written).

    \b
    transkit import fr.xliff
    transkit import packages/*.xlsx --dry-run
    """
    imported = import_packages(
        files,
        paths=catalog_paths,
        template=template,
        config=config_path,
        glossary=glossary_path,
        gate=gate,
        dry_run=dry_run,
        lock_timeout=lock_timeout,
    )
    refused = 0
    for path in imported.empty:
        click.echo(f"{path}: no units, nothing to apply")
    for language in imported.languages:
        _describe(language, dry_run)
        refused += len(language.refused)
    if dry_run:
        click.echo("Dry run: nothing written.")
    sys.exit(1 if refused else 0)


def _describe(language: LanguageImport, dry_run: bool) -> None:
    counts = language.counts()
    verb = "would apply" if dry_run else "applied"
    click.echo(
        f"{language.package} → {language.catalog} ({language.language}): {counts['applied']} {verb}, "
        f"{counts['unchanged']} unchanged, {counts['refused']} refused"
    )
    for result in language.refused:
        where = f"{language.package}:{result.unit.line}" if result.unit.line else language.package
        click.echo(f"  {where}: {result.unit.id} {result.unit.msgid[:50]!r}: {result.reason}")
