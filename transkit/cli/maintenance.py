"""``init``, ``update`` and ``compile``: the commands that write catalogs and MO files,
each one library call (:mod:`transkit.api.maintaining`) and what it did, shown."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from transkit.api import compile_paths, init_catalog, update_paths
from transkit.cli.common import config_option, glossary_option, lang_option, main, template_option
from transkit.i18n import Nn_, _, ngettext
from transkit.maintenance.update import CatalogUpdate
from transkit.model.findings import FailOn
from transkit.project.paths import display_path

lock_timeout_option = click.option(
    "--lock-timeout",
    type=click.FloatRange(0),
    default=30,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another command writing the same catalogs (update, import).",
)


@main.command()
@click.argument("lang")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@template_option
@config_option
def init(lang: str, path: Path | None, template: Path | None, config_path: Path | None) -> None:
    """Start the catalog of a new language LANG from the template.

    PATH is the catalogs folder (default: the configured one, else ./catalogs) or the
    .po file to create. The catalog is named like the others there (LANG.po, or
    LANG/LC_MESSAGES/DOMAIN.po); its header gets the language, its plural rule, team
    and date. An existing catalog is never overwritten.

    \b
    transkit init lt
    transkit init es-MX catalogs
    transkit init sr@latin locale/sr@latin/LC_MESSAGES/site.po
    """
    created = init_catalog(lang, path, template=template, config=config_path)
    code = created.language.code
    if created.plural_forms is None:
        note = _("no plural rule known for {code}: fill in Plural-Forms by hand").format(code=code)
        click.echo(f"transkit: {note}", err=True)
    click.echo(
        _("Created {path}: {language} ({code}), {plural_forms}; {count} messages to translate").format(
            path=display_path(created.path),
            language=created.language.english_name,
            code=code,
            plural_forms=(created.plural_forms or _("Plural-Forms to fill in")).rstrip(";"),
            count=created.messages,
        )
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@template_option
@config_option
@lang_option
@click.option("--dry-run", is_flag=True, help="Print what would change in each catalog; write nothing.")
@click.option("--no-obsolete", is_flag=True, help="Drop messages gone from the template instead of keeping them as #~.")
@lock_timeout_option
def update(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    dry_run: bool,
    no_obsolete: bool,
    lock_timeout: float,
) -> None:
    """Merge the template into every catalog, as msgmerge does.

    New messages are added untranslated; a changed source gets the closest old
    translation, marked fuzzy with the old source as #|; messages gone from the template
    become obsolete (#~). Translations, translator comments and flags are kept;
    references and extracted comments follow the template. PO-Revision-Date moves only
    in catalogs whose translations changed. Exit 0, or 2 on an error (then no catalog
    is written).

    \b
    transkit update
    transkit update --dry-run
    transkit update catalogs --lang fr --no-obsolete
    """
    updated = update_paths(
        paths,
        template=template,
        config=config_path,
        languages=languages,
        dry_run=dry_run,
        keep_obsolete=not no_obsolete,
        lock_timeout=lock_timeout,
    )
    for planned in updated.updates:
        click.echo(_describe(planned, dry_run))
    count, total = len(updated.changed), len(updated.updates)
    if dry_run:
        click.echo(
            ngettext(
                "Would update {count} of {total} catalog (dry run: nothing written).",
                "Would update {count} of {total} catalogs (dry run: nothing written).",
                total,
            ).format(count=count, total=total)
        )
    else:
        click.echo(
            ngettext("Updated {count} of {total} catalog.", "Updated {count} of {total} catalogs.", total).format(
                count=count, total=total
            )
        )


def _describe(planned: CatalogUpdate, dry_run: bool) -> str:
    counts = planned.summary()
    parts = [
        ngettext(*_UPDATE_COUNTS[name], number).format(count=number)
        for name, number in counts.items()
        if number and name != "unchanged"
    ]
    parts.append(ngettext(*_UPDATE_COUNTS["unchanged"], counts["unchanged"]).format(count=counts["unchanged"]))
    if not planned.changed:
        state = _("up to date")
    else:
        state = _("would change") if dry_run else _("updated")
        if len(parts) == 1:  # every message kept: what changes is what follows the template
            state += _(": comments, references or header from the template")
    return f"{planned.source.catalog.display_path}: {', '.join(parts)} ({state})"


_UPDATE_COUNTS = {
    "added": Nn_("{count} added", "{count} added"),
    "fuzzy": Nn_("{count} fuzzy", "{count} fuzzy"),
    "obsoleted": Nn_("{count} obsoleted", "{count} obsoleted"),
    "dropped": Nn_("{count} dropped", "{count} dropped"),
    "revived": Nn_("{count} revived", "{count} revived"),
    "unchanged": Nn_("{count} unchanged", "{count} unchanged"),
}
"""The counts of an update, by the key :meth:`CatalogUpdate.summary` gives them."""


@main.command(name="compile")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@template_option
@config_option
@lang_option
@glossary_option
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write DIR/<lang>/LC_MESSAGES/<domain>.mo instead of a .mo beside each .po.",
)
@click.option(
    "--only-passing", is_flag=True, help="Compile only the catalogs that pass the check gate; list the others."
)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    help="With --only-passing: the severity that fails a catalog. Default: error.",
)
def compile_command(
    paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    languages: tuple[str, ...],
    glossary_path: Path | None,
    output_dir: Path | None,
    only_passing: bool,
    fail_on: str | None,
) -> None:
    """Compile the catalogs to .mo files, leaving out fuzzy messages as msgfmt does.

    A catalog that does not parse stops the command (exit 2, nothing written) unless
    --only-passing is given: then it is skipped with the catalogs that fail the check
    gate (the configured one: fail-on, min-coverage), and the others are compiled.

    \b
    transkit compile
    transkit compile -o build/locale
    transkit compile --only-passing -o build/locale
    """
    compiled = compile_paths(
        paths,
        template=template,
        config=config_path,
        languages=languages,
        glossary=glossary_path,
        output_dir=output_dir,
        only_passing=only_passing,
        fail_on=fail_on,
    )
    for target, count in compiled.written:
        click.echo(
            ngettext("{path}: {count} message", "{path}: {count} messages", count).format(
                path=display_path(target), count=count
            )
        )
    skipped = compiled.skipped
    if skipped:
        click.echo(
            "transkit: "
            + _("skipped {count} catalogs that fail the check gate: {catalogs}").format(
                count=len(skipped), catalogs=", ".join(skipped)
            ),
            err=True,
        )
    total = len(compiled.written) + len(skipped)
    click.echo(
        ngettext("Compiled {count} of {total} catalog.", "Compiled {count} of {total} catalogs.", total).format(
            count=len(compiled.written), total=total
        )
    )
    sys.exit(0)
