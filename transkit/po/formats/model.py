"""What the placeholder parsers return: a format string's directives and its errors.

Shared by the parsers of every syntax (:mod:`~transkit.po.formats.python`,
:mod:`~transkit.po.formats.brace`, :mod:`~transkit.po.formats.c`), so that checks
compare placeholders of any syntax the same way.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Syntax(enum.Enum):
    """A placeholder syntax, named by its gettext flag."""

    PYTHON = "python-format"
    PYTHON_BRACE = "python-brace-format"
    C = "c-format"

    @property
    def flag(self) -> str:
        return self.value


@dataclass(frozen=True)
class Placeholder:
    """One directive of a format string, escapes (``%%``, ``{{``) included.

    ``argument`` is what a translation must keep: the name (``"count"``; for brace syntax the
    whole field, ``"user.name"``, ``"0[1]"``) or the position (1-based for ``%`` syntaxes, the
    index of ``{}`` from 0).  ``type`` is the kind of value converted, in words (``"integer"``,
    ``"unsigned long"``); two placeholders of one argument must agree on it.
    """

    syntax: Syntax
    text: str
    start: int
    end: int
    name: str | None = None
    """``%(name)s`` → ``name``; brace: the field as written (``user.name``, ``0``, ``""`` for ``{}``)."""
    position: int | None = None
    """The argument number: ``%2$s`` → 2; unnamed ``%s`` in order from 1; ``{}``/``{0}`` from 0."""
    explicit: bool = False
    """True when the position is written (``%2$s``, ``{0}``), not implied by order."""
    flags: str = ""
    width: str = ""
    precision: str = ""
    length: str = ""
    conversion: str = ""
    """The conversion letter (``d``), a C99 macro (``<PRId64>``) or, for braces, ``r``/``s``/``a``."""
    spec: str | None = None
    """Brace syntax: the format spec after ``:`` as written (``>10``, ``,d``, ``{width}``)."""
    type: str = ""
    width_position: int | None = None
    """The argument a ``*`` width takes (``%*d``, ``%1$*2$d``)."""
    precision_position: int | None = None
    escape: bool = False

    @property
    def argument(self) -> str | int | None:
        """The key two strings are compared by; None for escapes and argument-less ``%m``."""
        if self.escape:
            return None
        if self.syntax is Syntax.PYTHON_BRACE:
            head = re.match(r"[^.\[]*", self.name or "").group(0)
            return self.name if head else f"{self.position}{self.name or ''}"
        return self.name if self.name is not None else self.position

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class FormatError:
    """Why the formatting function or msgfmt would refuse a string.

    ``fatal`` errors make the string unusable as a reference; the others (a lone ``}``,
    ``%5%``) fail in Python but msgfmt still compares the placeholders around them.
    """

    message: str
    start: int
    end: int
    fatal: bool = True
    gettext_offset: int | None = None
    """Read with ``gettext=True``: where gettext's own parser marks the error, in bytes of
    UTF-8 from the directive's start (the PO writer needs it for a python-brace quirk of
    gettext 0.21; a byte, not a character, because gettext may mark inside one)."""


@dataclass(frozen=True)
class FormatString:
    """A string read as one syntax: its placeholders and, when it is invalid, why."""

    syntax: Syntax
    text: str
    placeholders: tuple[Placeholder, ...] = ()
    errors: tuple[FormatError, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def usable(self) -> bool:
        """True when only non-fatal errors were found: the placeholders can be compared."""
        return not any(error.fatal for error in self.errors)

    @property
    def directives(self) -> tuple[Placeholder, ...]:
        """The placeholders that take an argument or print something: escapes left out."""
        return tuple(p for p in self.placeholders if not p.escape)


# --- shared by the parsers ------------------------------------------------------------


def dot(precision: str | None) -> str:
    """A parsed precision as written: ``"2"`` → ``".2"``, None (none given) → ``""``."""
    return "" if precision is None else "." + precision


def gettext_bytes(text: str) -> bytes:
    """The bytes gettext has for a text, whose parsers and writer count bytes, not
    characters: U+DC80..U+DCFF stand for undecodable bytes (as the reader decodes them)."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def quote(text: str) -> str:
    """A piece of a format string in an error message, line breaks shown as ``\\n``."""
    return '"' + text.replace("\n", "\\n") + '"'
