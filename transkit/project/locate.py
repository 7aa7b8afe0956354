"""Find a project's templates and catalogs and tie each catalog to its language.

Two layouts are common and both are accepted, even mixed: ``DIR/<lang>.po`` and
``DIR/<lang>/LC_MESSAGES/<domain>.po``.  The template is the one ``*.pot`` in the
catalogs folder (or its parent) unless one is named.

A project may have several domains (templates): :func:`find_domains` pairs each template
of a catalogs folder with its catalogs, in the ``LC_MESSAGES`` layout by file name, and
in one folder per domain (``DIR/<domain>/<lang>.po`` with ``DIR/<domain>.pot`` or a
template inside that folder). docs/domains.md describes the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.errors import CatalogError, ProjectError
from transkit.i18n import L_
from transkit.model.catalog import Catalog, CatalogFailure, CatalogFile, Project
from transkit.model.languages import to_tag
from transkit.po.reader import read_catalog
from transkit.project.paths import display_path

DEFAULT_CATALOGS = Path("catalogs")


def path_language(path: Path) -> str | None:
    """The language a catalog's path names, or None when the path names none.

    ``fr.po`` → ``fr``; ``pt_BR/LC_MESSAGES/site.po`` → ``pt_BR``.
    """
    if path.parent.name == "LC_MESSAGES":
        candidate = path.parent.parent.name
    else:
        candidate = path.stem
    return candidate if to_tag(candidate) else None


def find_catalog_files(folder: Path, domain: str | None = None) -> list[Path]:
    """Catalog files of both layouts under ``folder``, sorted.

    In the ``LC_MESSAGES`` layout, ``domain`` (the template's file stem) picks the
    catalogs of that template when a folder holds several domains.
    """
    found = {p for p in folder.glob("*.po") if p.is_file()}
    for candidate in folder.glob("*/LC_MESSAGES/*.po"):
        if candidate.is_file() and (domain is None or candidate.stem == domain):
            found.add(candidate)
    return sorted(found)


def find_template(folder: Path) -> Path:
    """The one ``*.pot`` in the catalogs folder, else in its parent."""
    for place in (folder, folder.parent):
        templates = sorted(p for p in place.glob("*.pot") if p.is_file())
        if len(templates) == 1:
            return templates[0]
        if len(templates) > 1:
            names = ", ".join(p.name for p in templates)
            raise ProjectError(
                L_(
                    "several templates ({names}); name one with --template or `template` in the configuration",
                    names=names,
                ),
                display_path(place),
            )
    raise ProjectError(
        L_(
            "no template (*.pot) found here or in the parent folder; name one with --template "
            "(check, stats and terms work without one)"
        ),
        display_path(folder),
    )


@dataclass(frozen=True)
class DomainFiles:
    """One domain of a catalogs folder: its template and its catalog files, not read."""

    name: str
    """The template's file stem, the gettext domain (``campaign``, ``site``)."""
    template: Path
    catalogs: tuple[Path, ...]


def find_domains(folder: Path) -> list[DomainFiles]:
    """Every domain of a catalogs folder, sorted by name.

    The templates are the ``*.pot`` of ``folder`` (else of its parent) and those of its
    subfolders (one folder per domain). A template's
    catalogs are ``<lang>/LC_MESSAGES/<domain>.po`` and the ``.po`` files of a subfolder
    named like it (or that holds it); the flat ``<lang>.po`` files of ``folder`` belong to
    its only template, or to the only one no other layout claims. A domain whose catalogs
    cannot be told apart, or that has none when the folder has several, raises
    :class:`ProjectError`: a project must not be checked half.
    """
    place = folder
    templates = _templates(folder)
    if not templates:
        place = folder.parent
        templates = _templates(place)
    subfolders = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not templates and not any(_templates(sub) for sub in subfolders):
        find_template(folder)  # raises the error a project without a template gets
    files: dict[Path, set[Path]] = {t: set(find_catalog_files_of(folder, t.stem)) for t in templates}
    for template in templates:
        sub = folder / template.stem
        if sub.is_dir() and not _templates(sub):
            files[template].update(find_catalog_files(sub, domain=template.stem))
    for sub in subfolders:  # one folder per domain, beside the folder's own templates or alone
        own = _templates(sub)
        if not own:  # a language folder (``fr/LC_MESSAGES``) or a domain folder named by a template
            continue
        if len(own) > 1:
            find_template(sub)  # raises: a domain folder holds one template
        files[own[0]] = set(find_catalog_files(sub, domain=own[0].stem))
    flat = [p for p in folder.glob("*.po") if p.is_file()]
    if flat:
        unclaimed = [t for t in templates if not files[t]]
        owner = templates[0] if len(templates) == 1 else unclaimed[0] if len(unclaimed) == 1 else None
        if owner is None:
            names = ", ".join(p.name for p in files)
            raise ProjectError(
                L_(
                    "several templates ({names}) and catalogs <lang>.po: move each domain's catalogs to "
                    "<lang>/LC_MESSAGES/<domain>.po or <domain>/<lang>.po, or name one with --template",
                    names=names,
                ),
                display_path(place),
            )
        files[owner].update(flat)
    domains = [DomainFiles(t.stem, t, tuple(sorted(files[t]))) for t in files]
    if len(domains) > 1:
        for domain in domains:
            if not domain.catalogs:
                names = ", ".join(p.name for p in files)
                raise ProjectError(
                    L_(
                        "several templates ({names}): no catalogs for {template} "
                        "(<lang>/LC_MESSAGES/{domain}.po or {domain}/<lang>.po)",
                        names=names,
                        template=domain.template.name,
                        domain=domain.name,
                    ),
                    display_path(place),
                )
    stems = [d.name for d in domains]
    for name in stems:
        if stems.count(name) > 1:
            raise ProjectError(L_("two templates of the same domain {name}", name=repr(name)), display_path(folder))
    return sorted(domains, key=lambda d: d.name)


def find_catalog_files_of(folder: Path, domain: str) -> list[Path]:
    """The ``<lang>/LC_MESSAGES/<domain>.po`` catalogs of ``folder``, sorted."""
    return sorted(p for p in folder.glob(f"*/LC_MESSAGES/{domain}.po") if p.is_file())


def _templates(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pot") if p.is_file())


def locate_project(
    paths: Sequence[Path | str] = (),
    *,
    template: Path | str | None = None,
    base: Path | None = None,
) -> tuple[Path, list[Path]]:
    """The template and catalog files :func:`load_project` would read, without reading
    them (a cached run needs only their bytes). Raises ProjectError as load_project does.
    """
    base = base or Path.cwd()
    given = [Path(p) for p in paths] or [base / DEFAULT_CATALOGS]
    template_path = Path(template) if template is not None else None
    catalog_files: list[Path] = []
    folders: list[Path] = []
    for path in given:
        if not path.exists() and not paths:  # the default: nothing named, none configured or found
            raise ProjectError(
                L_(
                    "no such folder here or above, and no configuration names the catalogs: "
                    "give catalog folders or .po files (transkit check fr.po)"
                ),
                display_path(path, base),
            )
        if not path.exists():
            raise ProjectError(L_("no such file or folder"), display_path(path, base))
        if path.is_dir():
            folders.append(path)
        elif path.suffix == ".pot":
            if template_path is not None and template_path.resolve() != path.resolve():
                raise ProjectError(L_("a second template; give only one"), display_path(path, base))
            template_path = path
        else:
            catalog_files.append(path)

    if not folders and not catalog_files and template_path is not None:
        folders.append(template_path.parent)  # only a template given: its catalogs are beside it
    if template_path is None:
        template_path = find_template(folders[0] if folders else catalog_files[0].parent)
    if not template_path.is_file():
        raise ProjectError(L_("template not found"), display_path(template_path, base))
    for folder in folders:
        # A template in a domain folder inside the folder given (catalogs/site/site.pot for
        # catalogs/): that domain's catalogs, never the folder's flat ones of another domain.
        home = template_path.resolve().parent
        if folder.resolve() in home.parents:
            catalog_files.extend(find_catalog_files(template_path.parent, domain=template_path.stem))
        else:
            catalog_files.extend(find_catalog_files(folder, domain=template_path.stem))
    unique = sorted({p.resolve(): p for p in catalog_files}.values())
    if not unique:
        where = ", ".join(display_path(p, base) for p in folders) or "."
        raise ProjectError(L_("no catalogs (*.po) found"), where)
    return template_path, unique


def load_project(
    paths: Sequence[Path | str] = (),
    *,
    template: Path | str | None = None,
    base: Path | None = None,
    reader: Callable[..., Catalog] = read_catalog,
) -> Project:
    """Load a template and its catalogs.

    ``paths`` are catalog folders or ``.po`` files (default ``./catalogs``); a ``.pot``
    among them is taken as the template.  A catalog that cannot be read becomes a
    :class:`CatalogFailure` so that the others are still checked; a template that cannot
    be read, or no catalog at all, raises :class:`ProjectError` or :class:`CatalogError`.
    ``reader`` reads one file (with :func:`read_catalog`'s arguments); commands that
    rewrite catalogs pass one that also keeps the text.
    """
    base = base or Path.cwd()
    template_path, unique = locate_project(paths, template=template, base=base)
    template_catalog = reader(template_path, display_path(template_path, base), is_template=True)

    catalogs: list[Catalog] = []
    failures: list[CatalogFailure] = []
    for path in unique:
        shown = display_path(path, base)
        code = path_language(path)
        try:
            catalogs.append(reader(path, shown, path_language=code))
        except CatalogError as error:
            failures.append(CatalogFailure(path, shown, error.line, error.message, code))
    if not catalogs:  # nothing left to check: the input itself is unusable
        raise failures[0].error()
    return Project(
        root=base,
        template=template_catalog,
        catalogs=tuple(catalogs),
        failures=tuple(failures),
    )


def locate_files(
    paths: Sequence[Path | str] = (),
    *,
    template: Path | str | None = None,
    base: Path | None = None,
    read_template: Callable[[Path, str], Catalog] | None = None,
) -> tuple[Catalog, list[CatalogFile]]:
    """The template, read, and the catalogs :func:`load_project` would read, not read yet:
    a checker that reads each where it checks it holds one catalog at a time.
    ``read_template(path, shown)`` reads the template instead of :func:`read_catalog` (a
    cache of parsed templates)."""
    base = base or Path.cwd()
    template_path, unique = locate_project(paths, template=template, base=base)
    shown = display_path(template_path, base)
    template_catalog = (
        read_template(template_path, shown)
        if read_template is not None
        else read_catalog(template_path, shown, is_template=True)
    )
    files = [CatalogFile(path, display_path(path, base), path_language(path)) for path in unique]
    return template_catalog, files


def filter_languages(project: Project, languages: Sequence[str]) -> Project:
    """The project restricted to catalogs of the given languages (any code spelling).

    ``pt-BR`` selects ``pt_BR.po``; a base language (``zh``) selects its variants.  Raises
    :class:`ProjectError` for a code that matches no catalog, naming those there are, and
    :class:`CatalogError` when the only catalog of a language cannot be read.
    """
    if not languages:
        return project
    kept: list[Catalog] = []
    failures: list[CatalogFailure] = []
    for code in languages:
        tag = to_tag(code)
        if tag is None:
            raise ProjectError(L_("--lang {code} is not a language code", code=repr(code)))
        matches = [c for c in project.catalogs if _is_language(c, tag)]
        broken = [
            f for f in project.failures if f.path_language and matches_language(tag, to_tag(f.path_language) or "")
        ]
        if not matches and broken:
            raise CatalogError(broken[0].message, broken[0].display_path, broken[0].line)
        if not matches:
            known = ", ".join(sorted(c.code for c in project.catalogs)) or "none"
            raise ProjectError(L_("no catalog for language {code} (catalogs: {known})", code=repr(code), known=known))
        kept.extend(m for m in matches if m not in kept)
        failures.extend(f for f in broken if f not in failures)
    kept.sort(key=lambda c: c.display_path)
    return Project(project.root, project.template, tuple(kept), tuple(failures), filtered=True)


def _is_language(catalog: Catalog, wanted: str) -> bool:
    """Whether a catalog is of the wanted language by its header or by its path: a
    ``zh_Hans/`` folder whose header says ``zh_CN`` is what ``--lang zh_Hans`` names."""
    if catalog.language and matches_language(wanted, catalog.language.tag):
        return True
    path_tag = to_tag(catalog.path_language) if catalog.path_language else None
    return path_tag is not None and matches_language(wanted, path_tag)


def matches_language(wanted: str, tag: str) -> bool:
    """Whether a catalog's tag is the wanted one or one of its variants (``pt`` → ``pt-BR``)."""
    return tag == wanted or tag.startswith(wanted + "-")
