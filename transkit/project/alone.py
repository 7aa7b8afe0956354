"""A catalog without its template: found, and made its own source.

A translator is often sent one ``fr.po`` with no template beside it. Rather than refuse
it, transkit checks such a catalog on its own: its own messages (msgid, plural, context,
flags and extracted comments, which msgmerge copied from the template) stand for the
template, so that every check that compares a translation with its source runs, and only
the checks that need the real template (:attr:`~transkit.engine.registry.CheckInfo.needs_template`)
are skipped. Several such catalogs are each their own project: nothing ties ``a/fr.po``
to ``b/nl.po`` when no template says which messages are the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from transkit.errors import ProjectError
from transkit.i18n import L_
from transkit.model.catalog import Catalog, Entry
from transkit.project.locate import DEFAULT_CATALOGS, find_catalog_files
from transkit.project.paths import display_path

_NOT_FROM_TEMPLATE = ("fuzzy",)
"""Flags a translator or a tool sets in a catalog, never copied from a template."""


def lone_catalogs(paths: Sequence[Path | str] = (), *, base: Path | None = None) -> list[Path] | None:
    """The catalog files of ``paths`` when no template is there to find for them, each
    to be checked on its own; None when a template is beside them.

    The places looked at are those :func:`~transkit.project.locate.locate_project` and
    :func:`~transkit.project.locate.find_domains` look at: the catalogs folder (the first
    path's, or the folder of the first file), its parent, and the folder's subfolders
    (one folder per domain). None too when a path does not exist or is a template: the
    project's usual lookup then says what is wrong. A folder with neither templates nor
    catalogs raises :class:`ProjectError`.
    """
    base = base or Path.cwd()
    given = [Path(p) for p in paths] or [base / DEFAULT_CATALOGS]
    if any(not p.exists() or p.suffix == ".pot" for p in given):
        return None
    folders = [p for p in given if p.is_dir()]
    files = [p for p in given if not p.is_dir()]
    place = folders[0] if folders else files[0].parent
    if _has_template(place) or _has_template(place.parent):
        return None
    if folders and any(_has_template(sub) for sub in folders[0].iterdir() if sub.is_dir()):
        return None
    found = [*files, *(path for folder in folders for path in find_catalog_files(folder))]
    unique = sorted({p.resolve(): p for p in found}.values())
    if not unique:
        raise ProjectError(
            L_("no catalogs (*.po) and no template (*.pot) found"), ", ".join(display_path(p, base) for p in folders)
        )
    return unique


def _has_template(folder: Path) -> bool:
    return any(p.is_file() for p in folder.glob("*.pot"))


def own_template(catalog: Catalog) -> Catalog:
    """The template a catalog stands for when it is checked on its own: its active
    messages with their sources, context, format flags, references and extracted
    comments (and so the template's ``transkit-ignore`` markers), and no translation.

    It has no header: no creation date to compare with, and no ``Language``, so the
    msgids are in the configured source language. It is shown as the catalog itself,
    where its markers are written.
    """
    entries = tuple(_source_of(entry) for entry in catalog.entries if not entry.obsolete)
    return Catalog(
        path=catalog.path,
        display_path=catalog.display_path,
        header=(),
        header_line=catalog.header_line,
        entries=entries,
        is_template=True,
    )


def _source_of(entry: Entry) -> Entry:
    flags = tuple(
        flag for flag in entry.flags if flag not in _NOT_FROM_TEMPLATE and not flag.startswith("transkit-ignore-")
    )
    return dataclasses.replace(
        entry,
        msgstr=("", "") if entry.is_plural else ("",),
        flags=flags,
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        translator_comment="",
    )
