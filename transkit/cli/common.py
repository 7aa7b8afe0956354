"""What every command shares: the group, its error handling, options, notes and output."""

from __future__ import annotations

import gettext
import importlib
import inspect
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from transkit import __version__
from transkit.api.tables import USAGE_ERROR
from transkit.engine import collection
from transkit.errors import TranskitError
from transkit.i18n import DOMAIN, LOCALEDIR, N_, _, languages, translate
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


def _help_text(text: str | None) -> str | None:
    """A help text as it was written (a docstring, a ``help=``), in the user's language."""
    return None if text is None else _(inspect.cleandoc(text))


class TranslatedHelp(click.Command):
    """A command whose help, and its options' help, is shown in the user's language.

    The texts stay English on the objects (they are made when the module is imported,
    before the language is known) and are translated each time help is formatted."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        made = self._help_option is None
        option = super().get_help_option(ctx)
        if made and option is not None:  # click wrote its help in the language of that call
            option.help = N_("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        saved = self.short_help, self.help
        self.short_help, self.help = _help_text(self.short_help), _help_text(self.help)
        try:
            return super().get_short_help_str(limit)
        finally:
            self.short_help, self.help = saved

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        saved = self.help
        self.help = _help_text(self.help)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = saved

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)
        saved = [param.help if isinstance(param, click.Option) else None for param in params]
        for param in params:
            if isinstance(param, click.Option):
                param.help = _help_text(param.help)
        try:
            super().format_options(ctx, formatter)
        finally:
            for param, text in zip(params, saved):
                if isinstance(param, click.Option):
                    param.help = text


class TranskitGroup(TranslatedHelp, click.Group):
    """Turns transkit's own errors into ``path:line: message`` and exit status 2, speaks
    the user's language (:mod:`transkit.i18n`), and loads a command's module only when that
    command is asked for (or listed by ``--help``)."""

    command_class = TranslatedHelp
    group_class = type  # subgroups (``glossary``, ``memory``, ...) are TranskitGroups too

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command with click's own words (``Usage:``, ``Error:``, ...) taken from
        transkit's catalogs: click translates them with :func:`gettext.gettext`, so the
        default domain is transkit's while the command runs."""
        previous = gettext.textdomain()
        if languages():  # an explicit C locale: English, whatever LANGUAGE says
            gettext.bindtextdomain(DOMAIN, str(LOCALEDIR))
            gettext.textdomain(DOMAIN)
        try:
            return super().main(*args, **kwargs)
        finally:
            gettext.textdomain(previous)

    def _lazy(self, ctx: click.Context) -> dict[str, str]:
        """The root group's commands not imported yet (subgroups hold all of theirs)."""
        return COMMAND_MODULES if ctx.parent is None else {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self._lazy(ctx)))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        lazy = self._lazy(ctx)
        if cmd_name not in self.commands and cmd_name in lazy:
            importlib.import_module(lazy[cmd_name])
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with collection.paused():  # the library call and the rendering of its result
                return super().invoke(ctx)
        except TranskitError as error:
            click.echo(error_line(error), err=True)
            ctx.exit(USAGE_ERROR)


def error_line(error: TranskitError) -> str:
    """``path:line: message`` (``transkit: message`` without a path), in the user's language."""
    message = translate(error.message)
    if not error.path:
        return f"transkit: {message}"
    where = f"{error.path}:{error.line}" if error.line else error.path
    return f"{where}: {message}"


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
        click.echo(f"transkit: {translate(note)}", err=True)


def echo_failures(failures: Sequence[CatalogFailure]) -> None:
    """Catalogs left out of a table, matrix or report, on stderr; the command then exits 2."""
    for failure in failures:
        where = f"{failure.display_path}:{failure.line}" if failure.line else failure.display_path
        click.echo(
            _("{where}: {message} (catalog left out)").format(where=where, message=translate(failure.message)), err=True
        )


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
