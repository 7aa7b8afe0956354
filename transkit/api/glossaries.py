"""``transkit glossary check``, ``export`` and ``import`` as library calls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from transkit.api.locating import GLOSSARY_FOLDER, PathLike, locate
from transkit.errors import GlossaryError, ProjectError, TranskitError
from transkit.model.catalog import Project
from transkit.project.safewrite import write_atomically
from transkit.terms import Termbase, load_termbase
from transkit.terms.validate import validate

TermbaseFormat = Literal["tbx", "csv", "toml"]


def project_termbase(
    paths: Sequence[PathLike] = (), *, config: PathLike | None = None, glossary: PathLike | None = None
) -> tuple[Termbase, Project | None]:
    """The termbase and, when there are catalogs, the project (for its languages). With
    no catalogs here and none named, the termbase is checked alone."""
    try:
        located = locate(paths, config=config)
        project = located.load()
    except ProjectError:
        if paths:
            raise  # catalogs were named and cannot be read: say so
        return load_termbase(Path(glossary) if glossary is not None else Path(GLOSSARY_FOLDER)), None
    path = located.termbase_path(glossary)
    if path is None:
        raise GlossaryError("no termbase: give one with --glossary or create glossary/")
    return load_termbase(path), project


@dataclass(frozen=True)
class GlossaryCheck:
    """What ``transkit glossary check`` found."""

    termbase: Termbase
    problems: tuple[str, ...]
    """One line each: ``file: severity: message``."""

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0


def check_glossary(
    paths: Sequence[PathLike] = (), *, config: PathLike | None = None, glossary: PathLike | None = None
) -> GlossaryCheck:
    """Validate the termbase against the languages of the catalogs it must cover. Raises
    :class:`~transkit.errors.TermbaseInvalid` for a termbase that breaks the schema."""
    termbase, project = project_termbase(paths, config=config, glossary=glossary)
    languages = [c.language for c in project.catalogs if c.language] if project else []
    problems = [f"{p.file}: {p.severity.value}: {p.message}" for p in validate(termbase, languages)]
    if not termbase.terms:
        problems.append(f"{', '.join(str(s) for s in termbase.sources) or 'the termbase'}: error: no terms")
    return GlossaryCheck(termbase, tuple(problems))


def render_termbase(termbase: Termbase, output_format: TermbaseFormat) -> str:
    """The termbase as TBX-Basic, CSV or a single TOML file."""
    if output_format == "tbx":
        from transkit.terms.tbx import write_tbx

        return write_tbx(termbase)
    if output_format == "csv":
        from transkit.terms.csv_format import write_csv

        return write_csv(termbase)
    from transkit.terms.toml_format import dump_toml

    return dump_toml(termbase)


def import_glossary(
    source: PathLike, output: PathLike | None = None, *, config: PathLike | None = None
) -> tuple[Path, Termbase]:
    """Convert a TBX or CSV termbase into transkit's TOML at ``output`` (default:
    ``glossary/<name>.toml``); never overwrites a file. Written into the project's
    termbase folder (``glossary/``, or the configured one), it must not bring an id that
    termbase already has; written anywhere else, the other files of that folder are none
    of its business (a project root holds pyproject.toml). Returns the file written and
    the termbase."""
    source = Path(source)
    termbase = load_termbase(source)
    target = Path(output) if output is not None else Path(GLOSSARY_FOLDER) / f"{source.stem}.toml"
    if target.exists():
        raise TranskitError("already exists; choose another file with -o or remove it", str(target))
    if not target.parent.is_dir():
        raise TranskitError("no such folder", str(target.parent))
    if target.suffix == ".toml" and target.parent.resolve() in _termbase_folders(config):
        # The folder is read as one termbase: an id it already has would break every check.
        existing = {term.id for term in load_termbase(target.parent).terms}
        clash = sorted(existing & {term.id for term in termbase.terms})
        if clash:
            raise TranskitError(
                f"term ids already in {target.parent}: {', '.join(clash[:5])}; import into another folder with -o",
                str(target),
            )
    write_atomically(target, render_termbase(termbase, "toml"))
    return target, termbase


def _termbase_folders(config: PathLike | None) -> set[Path]:
    """The folders read as the project's termbase: ``glossary/`` here, and the configured
    or discovered one when it is a folder."""
    folders = {Path(GLOSSARY_FOLDER).resolve()}
    try:
        found = locate(config=config).termbase_path()
    except ProjectError:
        found = None
    if found is not None and found.is_dir():
        folders.add(found.resolve())
    return folders
