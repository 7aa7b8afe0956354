"""Where a command's project is: its configuration, catalogs, template and termbase.

Every command, and every library call behind it, starts here, so that ``transkit check``
and :func:`transkit.check_paths` find the same project from the same arguments.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from transkit.engine.config import Config, find_config, load_config
from transkit.model.catalog import Catalog, Project
from transkit.po.reader import read_catalog
from transkit.project.alone import lone_catalogs
from transkit.project.locate import DEFAULT_CATALOGS, filter_languages, find_domains, load_project, locate_project
from transkit.terms import Termbase, load_termbase

GLOSSARY_FOLDER = "glossary"
"""The termbase folder looked for beside the catalogs folder when none is named."""

PathLike = Path | str


@dataclass(frozen=True)
class Located:
    """A project found on disk, before anything in it is parsed."""

    config: Config
    paths: tuple[Path, ...]
    """Catalog folders or files as given, else the configured ones."""
    template: Path | None
    catalog_folders: tuple[Path, ...]
    domain: str | None = None
    """The domain (template stem) this is narrowed to; see :meth:`domains`."""

    def domains(self) -> list[Located]:
        """The project split into its domains, each with its template and catalogs named.

        One catalogs folder without a named template may hold several templates
        (:func:`~transkit.project.locate.find_domains`); a named template, catalog files
        given one by one, or several folders make one domain, as before domains existed.
        Raises :class:`~transkit.errors.ProjectError` for a domain without catalogs.
        """
        given = list(self.paths) or [Path.cwd() / DEFAULT_CATALOGS]
        if self.template is None and len(given) == 1 and given[0].is_dir():
            return [
                replace(
                    self,
                    # A domain without catalogs keeps the folder: locating it says so.
                    paths=domain.catalogs or self.paths,
                    template=domain.template,
                    # The given folder first: the termbase is looked for beside it.
                    catalog_folders=tuple(
                        dict.fromkeys(
                            [
                                *self.catalog_folders,
                                *(p.parent for p in domain.catalogs if p.parent.name != "LC_MESSAGES"),
                            ]
                        )
                    ),
                    domain=domain.name,
                )
                for domain in find_domains(given[0])
            ]
        template_path, _ = locate_project(self.paths, template=self.template)
        return [replace(self, template=template_path, domain=template_path.stem)]

    def alone(self) -> list[Path] | None:
        """The catalogs to check each on its own, when no template is named (argument,
        configuration) and none is found beside them
        (:func:`~transkit.project.alone.lone_catalogs`); None when there is a template."""
        if self.template is not None:
            return None
        return lone_catalogs(self.paths)

    def files(self) -> list[Path]:
        """The template and catalog files a load would read."""
        template_path, catalogs = locate_project(self.paths, template=self.template)
        return [template_path, *catalogs]

    def load(self, languages: Sequence[str] = (), reader: Callable[..., Catalog] = read_catalog) -> Project:
        project = load_project(self.paths, template=self.template, reader=reader)
        return filter_languages(project, languages)

    def termbase_path(self, given: PathLike | None = None) -> Path | None:
        """``given``, else the configured termbase, else ``glossary/`` beside the catalogs
        folder, or beside a folder above it up to the working directory (a domain's own
        folder, ``catalogs/site``, shares the project's termbase)."""
        if given is not None:
            return Path(given)
        if self.config.glossary is not None:
            return self.config.glossary
        here = Path.cwd().resolve()
        for folder in self.catalog_folders:
            for place in _upwards(folder.resolve().parent, here):
                candidate = place / GLOSSARY_FOLDER
                if candidate.is_dir():
                    return candidate
        return None

    def termbase(self, given: PathLike | None = None) -> Termbase:
        """The run's termbase; empty when there is none (see :meth:`termbase_note`)."""
        path = self.termbase_path(given)
        return load_termbase(path) if path is not None else Termbase()

    def termbase_note(self, termbase: Termbase, given: PathLike | None = None) -> tuple[str, ...]:
        """What a user must be told when the critical-term checks cannot run."""
        if termbase:
            return ()
        path = self.termbase_path(given)
        where = f"{path} has no terms" if path is not None else "no termbase (glossary/) found"
        return (f"{where}: critical-term checks skipped",)


def _upwards(folder: Path, stop: Path) -> list[Path]:
    """``folder`` and, when it is inside ``stop``, each folder above it up to ``stop``."""
    if folder != stop and stop not in folder.parents:
        return [folder]
    return [folder, *(p for p in folder.parents if p == stop or stop in p.parents)]


def find_root(start: Path) -> tuple[Path | None, Path]:
    """The configuration file and the project folder for a command run in ``start``: like
    ruff, the first folder up from ``start`` with ``transkit.toml`` or a ``pyproject.toml``
    that has ``[tool.transkit]``, else the nearest one holding ``catalogs/``, else
    ``start`` itself (where a missing ``catalogs/`` is then reported)."""
    for folder in (start, *start.parents):
        found = find_config(folder)
        if found is not None:
            return found, folder
        if (folder / DEFAULT_CATALOGS).is_dir():
            return None, folder
    return None, start


def locate(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
) -> Located:
    """The project that ``paths`` (catalog folders or ``.po`` files; default: the configured
    catalogs, else ``catalogs/`` of the project folder) and the configuration (``config``,
    else the one :func:`find_root` finds from the working folder up) describe."""
    here = Path.cwd()
    config_path: Path | None
    if config is not None:
        config_path, root = Path(config), here
    else:
        config_path, root = find_root(here)
    settings = load_config(config_path)
    catalogs = [Path(p) for p in paths] or ([settings.catalogs] if settings.catalogs else [])
    template_path = Path(template) if template is not None else None
    # A template named in the call wins over the configured one.
    if template_path is None and not any(p.suffix == ".pot" for p in catalogs):
        template_path = settings.template
    if not catalogs and root != here:
        # The project's catalogs, shown relative to where the user stands (../catalogs/fr.po).
        catalogs = [Path(os.path.relpath(root / DEFAULT_CATALOGS, here))]
    given = catalogs or [here / DEFAULT_CATALOGS]
    folders = tuple(dict.fromkeys(p if p.is_dir() else p.parent for p in given))
    return Located(settings, tuple(catalogs), template_path, folders)
