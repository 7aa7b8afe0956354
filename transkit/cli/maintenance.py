"""``init``, ``update`` and ``compile``: the commands that write catalogs and MO files.

Each one prepares everything in memory first and writes only when all of it is ready,
each file atomically, so an error (a catalog that does not parse, a read-only folder)
leaves every file as it was.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path

import click

from transkit.cli.common import glossary_option, load, load_termbase_for, locate, main
from transkit.engine.config import find_config, load_config, run_options
from transkit.engine.runner import run
from transkit.errors import ProjectError, TranskitError
from transkit.maintenance.newcatalog import new_catalog
from transkit.maintenance.update import CatalogUpdate, update_catalog
from transkit.model.catalog import Catalog, Project
from transkit.model.findings import FailOn
from transkit.model.languages import to_tag
from transkit.po.mo import compiled_entries, mo_bytes
from transkit.po.reader import CatalogSource, read_catalog_source
from transkit.project.locate import DEFAULT_CATALOGS, find_catalog_files, find_template, path_language
from transkit.project.paths import display_path
from transkit.project.safewrite import folder_lock, remove_leftovers, write_atomically

template_option = click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="The template (.pot); default: the one *.pot beside the catalogs.",
)
config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Configuration file; default: transkit.toml or pyproject.toml here.",
)
lang_option = click.option(
    "--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable): fr, pt-BR, zh_Hans."
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
    transkit init ro
    transkit init pt-BR catalogs
    transkit init sr@latin locale/sr@latin/LC_MESSAGES/site.po
    """
    config = load_config(config_path if config_path is not None else find_config(Path.cwd()))
    given = path or config.catalogs or Path.cwd() / DEFAULT_CATALOGS
    folder = given.parent if given.suffix == ".po" else given
    if not folder.is_dir():
        raise ProjectError("no such folder", display_path(folder))
    template_path = template or config.template or find_template(folder)
    if not template_path.is_file():
        raise ProjectError("template not found", display_path(template_path))
    source = read_catalog_source(template_path, display_path(template_path), is_template=True)
    created = new_catalog(source, lang)
    code = created.language.code
    existing = find_catalog_files(folder, domain=template_path.stem)
    if given.suffix == ".po":
        target = given
    elif any(p.parent.name == "LC_MESSAGES" for p in existing):
        target = folder / code / "LC_MESSAGES" / f"{template_path.stem}.po"
    else:
        target = folder / f"{code}.po"
    if target.exists():
        raise ProjectError("already exists; `transkit update` brings it up to date", display_path(target))
    for other in existing:
        other_code = path_language(other)
        if other_code and to_tag(other_code) == created.language.tag:
            raise ProjectError(
                f"a catalog for {created.language.english_name} ({code}) already exists",
                display_path(other),
            )
    if created.plural_forms is None:
        click.echo(f"transkit: no plural rule known for {code}: fill in Plural-Forms by hand", err=True)
    _make_folder(target.parent)
    write_atomically(target, created.text)
    count = len(source.catalog.active_entries)
    click.echo(
        f"Created {display_path(target)}: {created.language.english_name} ({code}), "
        f"{created.plural_forms or 'Plural-Forms to fill in'}; {count} messages to translate"
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@template_option
@config_option
@lang_option
@click.option("--dry-run", is_flag=True, help="Print what would change in each catalog; write nothing.")
@click.option("--no-obsolete", is_flag=True, help="Drop messages gone from the template instead of keeping them as #~.")
@click.option(
    "--lock-timeout",
    type=click.FloatRange(0),
    default=30,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another update of the same catalogs.",
)
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
    with ExitStack() as stack:
        if not dry_run:
            for folder in _catalog_folders(paths, config_path):
                stack.enter_context(folder_lock(folder, lock_timeout))
        # Read under the lock: another update may have just rewritten the catalogs.
        sources = SourceReader()
        loaded = load(paths, template, config_path, languages, reader=sources)
        updates = _plan_updates(loaded.project, sources, keep_obsolete=not no_obsolete)
        for planned in updates:
            click.echo(_describe(planned, dry_run))
        changed = [planned for planned in updates if planned.changed]
        if dry_run:
            click.echo(f"Would update {len(changed)} of {len(updates)} catalogs (dry run: nothing written).")
            return
        _check_writable(p.source.catalog.path for p in changed)
        for folder in {planned.source.catalog.path.parent for planned in changed}:
            remove_leftovers(folder)
        for planned in changed:
            write_atomically(planned.source.catalog.path, planned.data)
        click.echo(f"Updated {len(changed)} of {len(updates)} catalogs.")


def _catalog_folders(paths: Sequence[Path], config_path: Path | None) -> list[Path]:
    """The folders whose catalogs a command rewrites, each once, in a fixed order
    (so that two runs take their locks in the same order)."""
    folders = {
        folder.resolve(): folder for folder in locate(paths, None, config_path).catalog_folders if folder.is_dir()
    }
    return [Path(display_path(folders[key])) for key in sorted(folders)]


class SourceReader:
    """Reads catalogs for a project and keeps their text, for commands that rewrite them."""

    def __init__(self) -> None:
        self.sources: dict[Path, CatalogSource] = {}

    def __call__(self, path: Path, shown: str, **options) -> Catalog:
        source = read_catalog_source(path, shown, **options)
        self.sources[path] = source
        return source.catalog

    def __getitem__(self, catalog: Catalog) -> CatalogSource:
        return self.sources[catalog.path]


def _plan_updates(project: Project, sources: SourceReader, *, keep_obsolete: bool) -> list[CatalogUpdate]:
    if project.failures:
        raise project.failures[0].error(" (nothing written)")
    return [
        update_catalog(project.template, sources[catalog], keep_obsolete=keep_obsolete) for catalog in project.catalogs
    ]


def _describe(planned: CatalogUpdate, dry_run: bool) -> str:
    counts = planned.summary()
    parts = [f"{number} {name}" for name, number in counts.items() if number and name != "unchanged"]
    parts.append(f"{counts['unchanged']} unchanged")
    if not planned.changed:
        state = "up to date"
    else:
        state = "would change" if dry_run else "updated"
    return f"{planned.source.catalog.display_path}: {', '.join(parts)} ({state})"


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TranskitError(f"cannot create folder: {error.strerror or error}", display_path(folder)) from None


def _check_writable(paths: Iterable[Path]) -> None:
    """Refuse before writing anything when a folder cannot take the new files: try it,
    since permission bits do not tell the whole story (root, read-only mounts)."""
    for folder in dict.fromkeys(path.parent for path in paths):
        try:
            handle, probe = tempfile.mkstemp(dir=folder, prefix=".transkit-probe-")
        except OSError as error:
            raise TranskitError(
                f"folder is not writable (nothing written): {error.strerror or error}", display_path(folder)
            ) from None
        os.close(handle)
        os.unlink(probe)


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
    sources = SourceReader()
    loaded = load(paths, template, config_path, languages, reader=sources)
    project = loaded.project
    catalogs = list(project.catalogs)
    skipped: list[str] = [failure.display_path for failure in project.failures]
    if skipped and not only_passing:
        raise project.failures[0].error(" (nothing written)")
    if only_passing:
        options = run_options(loaded.config, termbase=load_termbase_for(loaded, glossary_path))
        policy = FailOn(fail_on) if fail_on else (loaded.config.fail_on or FailOn.ERROR)
        failing = run(project, options).failing_files(policy)
        skipped += [c.display_path for c in catalogs if c.display_path in failing]
        catalogs = [c for c in catalogs if c.display_path not in failing]
    domain = project.template.path.stem
    outputs: list[tuple[Path, bytes, CatalogSource]] = []
    for catalog in catalogs:
        source = sources[catalog]
        if output_dir is not None:
            target = output_dir / catalog.code / "LC_MESSAGES" / f"{domain}.mo"
        else:
            target = catalog.path.with_suffix(".mo")
        outputs.append((target, mo_bytes(source.header_msgstr, source.catalog.entries, source.charset), source))
    for target, _, _ in outputs:
        _make_folder(target.parent)
    _check_writable(target for target, _, _ in outputs)
    for target, data, source in outputs:
        write_atomically(target, data)
        click.echo(f"{display_path(target)}: {len(compiled_entries(source.catalog.entries))} messages")
    if skipped:
        click.echo(
            f"transkit: skipped {len(skipped)} catalogs that fail the check gate: {', '.join(skipped)}",
            err=True,
        )
    click.echo(f"Compiled {len(outputs)} of {len(outputs) + len(skipped)} catalogs.")
    sys.exit(0)
