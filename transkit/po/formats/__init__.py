"""Placeholders of gettext format strings: one small parser per syntax, and no checks.

A message flagged ``python-format``, ``python-brace-format`` or ``c-format`` is filled in at
run time; its placeholders are what a translation must keep.  Each parser returns every
directive of a string, as written and where (its span), with what identifies its argument
(a name, or a position) and the type of value it converts.  The parsers never raise: a
string that the formatting function would refuse comes back with its errors, so that checks
can say what is wrong.  What counts as valid follows the run-time functions (Python's ``%``
and ``str.format``, C's ``printf``) and GNU ``msgfmt --check-format``: anything either one
refuses in a translation is an error here.

Asked with ``gettext=True``, a parser reads a string as GNU gettext 0.21's own parser of
that syntax does instead (``format-*.c``, which msgfmt and msgcat/msgmerge's writer use):
its rules differ in places from Python's and printf's, and it gives up at the first error,
so the placeholders found are those before it.  The PO writer takes from that which
characters gettext will not break a line inside (:mod:`transkit.po.writer`).

The model is in :mod:`~transkit.po.formats.model`, one parser per syntax family in
:mod:`~transkit.po.formats.python`, :mod:`~transkit.po.formats.brace` and
:mod:`~transkit.po.formats.c`, the format flags in :mod:`~transkit.po.formats.flags`,
and the comparison of a translation with its source in
:mod:`~transkit.checks.placeholders.compare`.  This package reads any of them by syntax.
"""

from __future__ import annotations

from functools import lru_cache

from transkit.po.formats.brace import parse_brace
from transkit.po.formats.c import parse_c
from transkit.po.formats.flags import apparent_syntaxes, declared_syntaxes, may_have_placeholders, negated_syntaxes
from transkit.po.formats.model import FormatError, FormatString, Placeholder, Syntax
from transkit.po.formats.python import parse_python

_PARSERS = {Syntax.PYTHON: parse_python, Syntax.PYTHON_BRACE: parse_brace, Syntax.C: parse_c}


def parse(text: str, syntax: Syntax) -> FormatString:
    """The placeholders of ``text`` read as ``syntax``."""
    if len(text) > _MAX_REMEMBERED:
        return _PARSERS[syntax](text)
    return _parse(text, syntax)


_MAX_REMEMBERED = 4096
"""Longer strings are parsed each time, so that the cache stays small."""


@lru_cache(maxsize=32768)  # a source is parsed for each language, and by several checks
def _parse(text: str, syntax: Syntax) -> FormatString:
    return _PARSERS[syntax](text)


def render(placeholder: Placeholder) -> str:
    """The text of a placeholder rebuilt from its parts (the inverse of the parsers)."""
    p = placeholder
    if p.syntax is Syntax.PYTHON_BRACE:
        if p.escape:
            return p.text
        conversion = f"!{p.conversion}" if p.conversion else ""
        spec = f":{p.spec}" if p.spec is not None else ""
        return "{" + (p.name or "") + conversion + spec + "}"
    if p.escape and p.conversion == "%" and p.text == "%%":
        return "%%"
    name = f"({p.name})" if p.syntax is Syntax.PYTHON and p.name is not None else ""
    position = f"{p.position}$" if p.syntax is Syntax.C and p.explicit else ""
    return "%" + position + name + p.flags + p.width + p.precision + p.length + p.conversion


__all__ = [
    "FormatError",
    "FormatString",
    "Placeholder",
    "Syntax",
    "apparent_syntaxes",
    "declared_syntaxes",
    "may_have_placeholders",
    "negated_syntaxes",
    "parse",
    "parse_brace",
    "parse_c",
    "parse_python",
    "render",
]
