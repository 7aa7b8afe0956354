"""What every command shares: the group, its error handling, options, notes and output."""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from transkit import __version__
from transkit.api.tables import USAGE_ERROR
from transkit.errors import TranskitError
from transkit.model.catalog import CatalogFailure
from transkit.project.safewrite import write_atomically

# Each command and the module that defines it: a command imports only its own module (and
# so only the library it calls), not every command's (`transkit stats` needs no check
# registry, no spreadsheet or Markdown library). tests/cli/test_cli.py holds this list to
# what the modules register.
COMMAND_MODULES: dict[str, str] = {
    "check": "transkit.cli.commands",
    "stats": "transkit.cli.commands",
    "terms": "transkit.cli.commands",
    "explain": "transkit.cli.commands",
    "checks": "transkit.cli.commands",
    "extract": "transkit.cli.content",
    "build": "transkit.cli.content",
    "glossary": "transkit.cli.glossary",
    "export": "transkit.cli.handoff",
    "import": "transkit.cli.handoff",
    "init": "transkit.cli.maintenance",
    "update": "transkit.cli.maintenance",
    "compile": "transkit.cli.maintenance",
    "pretranslate": "transkit.cli.memory",
    "report": "transkit.cli.report_command",
}


class TranskitGroup(click.Group):
    """Turns transkit's own errors into ``path:line: message`` and exit status 2, and loads
    a command's module only when that command is asked for (or listed by ``--help``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[cmd_name])
        return super().get_command(ctx, cmd_name)

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


def project_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads a project."""
    for decorator in reversed(
        [
            click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
            template_option,
            config_option,
            lang_option,
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


def echo_notes(notes: Sequence[str]) -> None:
    """What the user must be told that is not a finding, on stderr."""
    for note in notes:
        click.echo(f"transkit: {note}", err=True)


def echo_failures(failures: Sequence[CatalogFailure]) -> None:
    """Catalogs left out of a table, matrix or report, on stderr; the command then exits 2."""
    for failure in failures:
        where = f"{failure.display_path}:{failure.line}" if failure.line else failure.display_path
        click.echo(f"{where}: {failure.message} (catalog left out)", err=True)


@contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file replaced only once the whole report is written."""
    if path is None:
        yield sys.stdout
        return
    # Encoded as it is written (no newline translation, as StringIO did): a large JSON
    # report is held once, as UTF-8, not as text, its copy and then its bytes.
    buffer = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    yield buffer
    buffer.flush()
    write_atomically(path, buffer.buffer.getvalue())
