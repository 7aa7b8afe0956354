"""Errors transkit raises for problems in a user's input.

The command line turns every :class:`TranskitError` into one line on stderr,
``path:line: message``, and exit status 2; a library user can catch the base class.
"""

from __future__ import annotations


class TranskitError(Exception):
    """A problem with the user's input or setup, never a bug in transkit."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class CatalogError(TranskitError):
    """A catalog or template that cannot be read: I/O, encoding or PO syntax."""


class ConfigError(TranskitError):
    """Invalid configuration in pyproject.toml or transkit.toml."""


class ProjectError(TranskitError):
    """The project cannot be assembled: no template, no catalogs, bad paths."""


class GlossaryError(TranskitError):
    """A termbase file that cannot be read or does not follow the schema."""


class TermbaseInvalid(GlossaryError):
    """A termbase file that reads but breaks the schema (unknown key, bad kind, a phone
    number that does not parse, a duplicate id); ``glossary check`` reports it as a finding."""


class ContentError(TranskitError):
    """A page (Markdown or HTML) that cannot be taken apart into segments: an unknown file
    type, text that is not UTF-8, front matter that does not parse, HTML whose structure
    the parser had to guess."""
