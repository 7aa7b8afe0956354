"""``transkit init``, ``update`` and ``compile`` as library calls.

These exist to write files: each prepares everything in memory first and writes only
when all of it is ready, each file atomically, so an error (a catalog that does not
parse, a read-only folder) leaves every file as it was. Each returns what it did, for
the caller to show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from transkit.api.domains import each_domain
from transkit.api.locating import PathLike, find_root, locate
from transkit.engine.config import load_config, run_options
from transkit.engine.runner import run
from transkit.errors import ProjectError
from transkit.i18n import L_
from transkit.maintenance.newcatalog import new_catalog
from transkit.maintenance.update import CatalogUpdate, update_catalog
from transkit.model.catalog import Catalog
from transkit.model.findings import FailOn
from transkit.model.languages import Language, to_tag
from transkit.po.mo import compiled_entries, mo_bytes
from transkit.po.reader import CatalogSource, read_catalog_source
from transkit.project.locate import DEFAULT_CATALOGS, find_catalog_files, find_template, path_language
from transkit.project.paths import display_path
from transkit.project.safewrite import (
    check_writable,
    folder_lock,
    make_folder,
    write_all,
    write_atomically,
)


@dataclass(frozen=True)
class NewCatalog:
    """A catalog :func:`init_catalog` created."""

    path: Path
    language: Language
    plural_forms: str | None
    """The header's Plural-Forms; None when no rule is known for the language (the
    translator must fill it in)."""
    messages: int
    """Messages to translate."""


def init_catalog(
    language: str,
    path: PathLike | None = None,
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
) -> NewCatalog:
    """Start the catalog of a new ``language`` from the template and write it.

    ``path`` is the catalogs folder (default: the configured one, else ``./catalogs``) or
    the ``.po`` file to create; the catalog is named like the others there (``LANG.po``,
    or ``LANG/LC_MESSAGES/DOMAIN.po``). An existing catalog is never overwritten.
    """
    here = Path.cwd()
    config_path, root = (Path(config), here) if config is not None else find_root(here)
    settings = load_config(config_path)
    default = here / DEFAULT_CATALOGS if root == here else Path(os.path.relpath(root / DEFAULT_CATALOGS, here))
    given = Path(path) if path is not None else settings.catalogs or default
    folder = given.parent if given.suffix == ".po" else given
    if not folder.is_dir():
        raise ProjectError(L_("no such folder"), display_path(folder))
    template_path = Path(template) if template is not None else settings.template or find_template(folder)
    if not template_path.is_file():
        raise ProjectError(L_("template not found"), display_path(template_path))
    source = read_catalog_source(template_path, display_path(template_path), is_template=True)
    created = new_catalog(source, language)
    code = created.language.code
    existing = find_catalog_files(folder, domain=template_path.stem)
    if given.suffix == ".po":
        target = given
    elif any(p.parent.name == "LC_MESSAGES" for p in existing):
        target = folder / code / "LC_MESSAGES" / f"{template_path.stem}.po"
    else:
        target = folder / f"{code}.po"
    if target.exists():
        raise ProjectError(L_("already exists; `transkit update` brings it up to date"), display_path(target))
    for other in existing:
        other_code = path_language(other)
        if other_code and to_tag(other_code) == created.language.tag:
            raise ProjectError(
                L_(
                    "a catalog for {language} ({code}) already exists",
                    language=created.language.english_name,
                    code=code,
                ),
                display_path(other),
            )
    make_folder(target.parent)
    write_atomically(target, created.text)
    return NewCatalog(target, created.language, created.plural_forms, len(source.catalog.active_entries))


@dataclass(frozen=True)
class Updated:
    """What :func:`update_paths` did, or would do (``written`` False on a dry run)."""

    updates: tuple[CatalogUpdate, ...]
    written: bool

    @property
    def changed(self) -> tuple[CatalogUpdate, ...]:
        return tuple(planned for planned in self.updates if planned.changed)


def update_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    languages: Sequence[str] = (),
    dry_run: bool = False,
    keep_obsolete: bool = True,
    lock_timeout: float = 30,
) -> Updated:
    """Merge the template into every catalog, as msgmerge does, and write the catalogs
    that changed (none with ``dry_run``), under a lock on their folders."""
    located = locate(paths, template=template, config=config)
    parts = located.domains()
    with ExitStack() as stack:
        if not dry_run:
            for folder in _lock_order([folder for part in parts for folder in part.catalog_folders]):
                stack.enter_context(folder_lock(folder, lock_timeout))
        # Read under the lock: another update may have just rewritten the catalogs.
        sources = _SourceReader()
        done = each_domain(parts, languages, lambda part: part.load(languages, reader=sources))
        for _, project in done:
            if project.failures:
                raise project.failures[0].error(" (nothing written)")
        updates = tuple(
            update_catalog(project.template, sources[catalog], keep_obsolete=keep_obsolete)
            for _, project in done
            for catalog in project.catalogs
        )
        result = Updated(updates, written=not dry_run)
        if dry_run:
            return result
        write_all([(planned.source.catalog.path, planned.data) for planned in result.changed])
        return result


def _lock_order(folders: Sequence[Path]) -> list[Path]:
    """The folders whose catalogs a command rewrites, each once, in a fixed order (so that
    two runs take their locks in the same order)."""
    existing = {folder.resolve(): folder for folder in folders if folder.is_dir()}
    return [Path(display_path(existing[key])) for key in sorted(existing)]


class _SourceReader:
    """Reads catalogs for a project and keeps their text, for commands that rewrite them."""

    def __init__(self) -> None:
        self.sources: dict[Path, CatalogSource] = {}

    def __call__(self, path: Path, shown: str, **options: object) -> Catalog:
        source = read_catalog_source(path, shown, **options)  # type: ignore[arg-type]
        self.sources[path] = source
        return source.catalog

    def __getitem__(self, catalog: Catalog) -> CatalogSource:
        return self.sources[catalog.path]


@dataclass(frozen=True)
class Compiled:
    """What :func:`compile_paths` wrote, and which catalogs it left out."""

    written: tuple[tuple[Path, int], ...]
    """Each MO file and the number of messages in it."""
    skipped: tuple[str, ...]
    """Catalogs left out (unreadable, or failing the gate with ``only_passing``)."""


def compile_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    languages: Sequence[str] = (),
    glossary: PathLike | None = None,
    output_dir: PathLike | None = None,
    only_passing: bool = False,
    fail_on: FailOn | str | None = None,
) -> Compiled:
    """Compile the catalogs to MO files, leaving out fuzzy messages as msgfmt does.

    A catalog that does not parse stops the call (nothing written) unless
    ``only_passing``: then it is skipped with the catalogs that fail the check gate (the
    configured one, or ``fail_on``) and the others are compiled. MO files go beside each
    catalog, or to ``output_dir/<lang>/LC_MESSAGES/<domain>.mo``.
    """
    located = locate(paths, template=template, config=config)
    sources = _SourceReader()
    done = each_domain(located.domains(), languages, lambda part: part.load(languages, reader=sources))
    skipped: list[str] = [failure.display_path for _, project in done for failure in project.failures]
    if skipped and not only_passing:
        raise next(project.failures[0] for _, project in done if project.failures).error(" (nothing written)")
    outputs: list[tuple[Path, bytes, int]] = []
    for part, project in done:
        catalogs = list(project.catalogs)
        if only_passing:
            options = run_options(located.config, termbase=located.termbase(glossary))
            policy = FailOn(fail_on) if fail_on else (located.config.fail_on or FailOn.ERROR)
            failing = run(project, options).failing_files(policy)
            skipped += [c.display_path for c in catalogs if c.display_path in failing]
            catalogs = [c for c in catalogs if c.display_path not in failing]
        domain = part.domain or project.template.path.stem
        for catalog in catalogs:
            source = sources[catalog]
            if output_dir is not None:
                target = Path(output_dir) / catalog.code / "LC_MESSAGES" / f"{domain}.mo"
            else:
                target = catalog.path.with_suffix(".mo")
            data = mo_bytes(source.header_msgstr, source.catalog.entries, source.charset)
            outputs.append((target, data, len(compiled_entries(source.catalog.entries))))
    for target, _, _ in outputs:
        make_folder(target.parent)
    check_writable(target for target, _, _ in outputs)
    for target, data, _ in outputs:
        write_atomically(target, data)
    return Compiled(tuple((target, count) for target, _, count in outputs), tuple(skipped))
