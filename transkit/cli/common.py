"""What every command shares: the group, its error handling, project loading, output."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import click

from transkit import __version__
from transkit.engine.config import Config, find_config, load_config
from transkit.errors import TranskitError
from transkit.model.catalog import Catalog, Project
from transkit.po.reader import read_catalog
from transkit.project.locate import DEFAULT_CATALOGS, filter_languages, load_project, locate_project
from transkit.project.safewrite import write_atomically
from transkit.terms import Termbase, load_termbase

USAGE_ERROR = 2
GLOSSARY_FOLDER = "glossary"


class TranskitGroup(click.Group):
    """Turns transkit's own errors into ``path:line: message`` and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranskitError as error:
            click.echo(f"transkit: {error}" if not error.path else str(error), err=True)
            ctx.exit(USAGE_ERROR)


@click.group(cls=TranskitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transkit")
def main() -> None:
    """Translation QA for gettext catalogs.

    \b
    transkit check              check ./catalogs against its template and termbase
    transkit stats              coverage per language
    transkit terms              the critical-terms matrix, term x language
    transkit report -o r.html   the coverage report for editors, one HTML file
    transkit checks             list every check with its code and name
    transkit glossary check     validate the termbase
    """


def project_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads a project."""
    for decorator in reversed(
        [
            click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
            click.option(
                "--template",
                type=click.Path(path_type=Path),
                help="The template (.pot); default: the one *.pot beside the catalogs.",
            ),
            click.option(
                "--config",
                "config_path",
                type=click.Path(path_type=Path),
                help="Configuration file; default: transkit.toml or pyproject.toml here.",
            ),
            click.option(
                "--lang",
                "languages",
                multiple=True,
                metavar="CODE",
                help="Only this language (repeatable): fr, pt-BR, zh_Hans.",
            ),
            click.option(
                "-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of standard output."
            ),
        ]
    ):
        function = decorator(function)
    return function


glossary_option = click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(path_type=Path),
    help="Termbase file (.toml, .tbx, .csv) or folder; default: the configured one, else glossary/ beside the catalogs folder.",
)


@dataclass(frozen=True)
class Located:
    """Where a command's project is, before anything is parsed."""

    config: Config
    paths: tuple[Path, ...]
    """Catalog folders or files as given, else the configured ones."""
    template: Path | None
    catalog_folders: tuple[Path, ...]

    def files(self) -> list[Path]:
        """The template and catalog files a load would read."""
        template_path, catalogs = locate_project(self.paths, template=self.template)
        return [template_path, *catalogs]

    def load(self, languages: Sequence[str], reader: Callable[..., Catalog] = read_catalog) -> Loaded:
        project = load_project(self.paths, template=self.template, reader=reader)
        return Loaded(self.config, filter_languages(project, languages), self.catalog_folders)


@dataclass(frozen=True)
class Loaded:
    config: Config
    project: Project
    catalog_folders: tuple[Path, ...]


def locate(paths: Sequence[Path], template: Path | None, config_path: Path | None) -> Located:
    config = load_config(config_path if config_path is not None else find_config(Path.cwd()))
    catalogs = list(paths) or ([config.catalogs] if config.catalogs else [])
    # A template named on the command line wins over the configured one.
    if template is None and not any(p.suffix == ".pot" for p in catalogs):
        template = config.template
    given = catalogs or [Path.cwd() / DEFAULT_CATALOGS]
    folders = tuple(dict.fromkeys(p if p.is_dir() else p.parent for p in given))
    return Located(config, tuple(catalogs), template, folders)


def load(
    paths: Sequence[Path],
    template: Path | None,
    config_path: Path | None,
    languages: Sequence[str],
    reader: Callable[..., Catalog] = read_catalog,
) -> Loaded:
    return locate(paths, template, config_path).load(languages, reader)


def termbase_path(loaded: Located | Loaded, given: Path | None) -> Path | None:
    """``--glossary``, else the configured termbase, else ``glossary/`` beside the catalogs."""
    if given is not None:
        return given
    if loaded.config.glossary is not None:
        return loaded.config.glossary
    for folder in loaded.catalog_folders:
        candidate = folder.resolve().parent / GLOSSARY_FOLDER
        if candidate.is_dir():
            return candidate
    return None


def load_termbase_for(loaded: Located | Loaded, given: Path | None, *, note: bool = True) -> Termbase:
    """The termbase for a run; says so on stderr when there is none (``note``), since
    the critical-term checks then cannot run."""
    path = termbase_path(loaded, given)
    termbase = load_termbase(path) if path is not None else Termbase()
    if note:
        note_termbase(loaded, given, termbase)
    return termbase


def note_termbase(loaded: Located | Loaded, given: Path | None, termbase: Termbase) -> None:
    if not termbase:
        path = termbase_path(loaded, given)
        where = f"{path} has no terms" if path is not None else "no termbase (glossary/) found"
        click.echo(f"transkit: {where}: critical-term checks skipped", err=True)


@contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file replaced only once the whole report is written."""
    if path is None:
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    write_atomically(path, buffer.getvalue())
