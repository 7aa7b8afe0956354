"""``pretranslate``: a translation memory filling untranslated messages, one library call
(:func:`transkit.api.pretranslate_paths`) and what it did, shown."""

from __future__ import annotations

from pathlib import Path

import click

from transkit.api import pretranslate_paths
from transkit.cli.common import config_option, glossary_option, main, template_option
from transkit.cli.handoff import catalogs_option
from transkit.cli.maintenance import lock_timeout_option
from transkit.i18n import _, ngettext, translate


@main.command()
@click.argument("languages", nargs=-1, metavar="[LANG...]")
@click.option(
    "--from",
    "sources",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path, exists=True),
    help="A catalog, a folder of catalogs or a compendium to take translations from (repeatable).",
)
@catalogs_option
@template_option
@config_option
@glossary_option
@click.option("--dry-run", is_flag=True, help="Print what would be filled in each catalog; write nothing.")
@lock_timeout_option
def pretranslate(
    languages: tuple[str, ...],
    sources: tuple[Path, ...],
    catalog_paths: tuple[Path, ...],
    template: Path | None,
    config_path: Path | None,
    glossary_path: Path | None,
    dry_run: bool,
    lock_timeout: float,
) -> None:
    """Fill untranslated messages of the catalogs of LANG (default: all) from earlier
    catalogs, other domains and compendia of the same language.

    Each catalog is first brought up to date with the template, as update does. A
    message with the same source and context in the memory gets its translation as
    translated; a similar one (more than 60 % alike, as msgmerge decides) as fuzzy, with
    the score and what changed in the source in a comment. Every suggestion is checked
    with the termbase: one with an error (a wrong helpline, a forbidden term) stays
    fuzzy, the errors in a comment. Never across languages. Exit 0, or 2 on an error
    (then nothing is written).

    \b
    transkit pretranslate --from old/catalogs
    transkit pretranslate fr nl --from compendium/fr.po --from compendium/nl.po
    transkit pretranslate --from locale/ --dry-run
    """
    done = pretranslate_paths(
        languages,
        sources,
        paths=catalog_paths,
        template=template,
        config=config_path,
        glossary=glossary_path,
        dry_run=dry_run,
        lock_timeout=lock_timeout,
    )
    for result in done.catalogs:
        counts = result.counts()
        parts = [
            ngettext("{count} translated", "{count} translated", counts["translated"]).format(
                count=counts["translated"]
            ),
            ngettext("{count} fuzzy", "{count} fuzzy", counts["fuzzy"]).format(count=counts["fuzzy"]),
        ]
        if counts["flagged"]:
            flagged = counts["flagged"]
            parts.append(
                ngettext(
                    "{count} fuzzy with errors to correct", "{count} fuzzy with errors to correct", flagged
                ).format(count=flagged)
            )
        if not result.memory:
            parts = [_("no memory in this language")]
        state = _("unchanged") if not result.changed else _("would change") if dry_run else _("written")
        click.echo(f"{result.catalog}: {', '.join(parts)} ({state})")
        for suggestion in result.suggestions:
            if suggestion.flagged:
                click.echo(f"  {suggestion.key[1][:60]!r}: {'; '.join(translate(flag) for flag in suggestion.flagged)}")
    changed = sum(1 for result in done.catalogs if result.changed)
    if dry_run:
        click.echo(
            ngettext(
                "Would change {count} of {total} catalog (dry run: nothing written).",
                "Would change {count} of {total} catalogs (dry run: nothing written).",
                len(done.catalogs),
            ).format(count=changed, total=len(done.catalogs))
        )
    else:
        click.echo(
            ngettext(
                "Changed {count} of {total} catalog.", "Changed {count} of {total} catalogs.", len(done.catalogs)
            ).format(count=changed, total=len(done.catalogs))
        )
