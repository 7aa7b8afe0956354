"""The ``python-format`` parser: printf-style ``%`` directives as Python's ``%`` reads them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from transkit.i18n import L_
from transkit.po.formats.model import FormatError, FormatString, Placeholder, Syntax, dot, quote

_PY_TYPES = {
    **dict.fromkeys("diouxX", "integer"),
    **dict.fromkeys("eEfFgG", "float"),
    "c": "character",
    "s": "string",
    "r": "string",
    "a": "ascii string",
}
_PY_TAIL = re.compile(r"(?P<flags>[#0\- +]*)(?P<width>\*|[0-9]+)?(?:\.(?P<precision>\*|[0-9]*))?(?P<length>[hlL]?)")
_GETTEXT_TYPES = {**_PY_TYPES, "u": "integer"}
"""gettext 0.21 (format-python.c) knows ``%u`` but not ``%F`` nor ``%a``."""
del _GETTEXT_TYPES["F"], _GETTEXT_TYPES["a"]
_PY_TYPES["r"] = "repr string"
"""For gettext ``%r`` and ``%s`` are one type; for the reader ``%(x)r`` shows the value's
repr, quotes included (``'Brussels'``): a translation must not change one into the other."""
_REPR = {"repr string": "string"}
INT_MAX = 2**31 - 1
"""The largest width or precision printf takes (an ``int``); Python refuses a larger
precision ("precision too big"), and a larger width asks for gigabytes."""


def parse_python(text: str, *, gettext: bool = False) -> FormatString:
    """The ``%`` directives of a Python format string (``%s``, ``%(name)05.2f``, ``%%``).

    Python refuses mixing named and unnamed directives (msgfmt too), ``*`` in a named one,
    and any ``%`` that does not end in a conversion letter: ``"50 % off"`` is ``% o`` and
    then text, a classic translation bug.

    ``gettext=True`` reads the string as gettext 0.21's own parser does (msgfmt and the PO
    writer use it), which differs from Python: ``%u`` is a conversion, ``%F`` and ``%a``
    are not, ``%5%`` is fine, and it gives up at the first error, mixing included, so the
    placeholders are those before it and the errors that one only.
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    types = _GETTEXT_TYPES if gettext else _PY_TYPES
    index, unnamed = 0, 0
    named_seen = unnamed_seen = False
    while (start := text.find("%", index)) >= 0:
        at = start + 1
        name = None
        if text.startswith("(", at):
            depth, at = 1, at + 1
            while at < len(text) and depth:
                depth += {"(": 1, ")": -1}.get(text[at], 0)
                at += 1
            if depth:
                errors.append(
                    FormatError(
                        L_("{text} has no closing parenthesis", text=quote(text[start : start + 12])), start, len(text)
                    )
                )
                break
            name = text[start + 2 : at - 1]
        tail = _PY_TAIL.match(text, at)
        at = tail.end()
        if at >= len(text):
            errors.append(
                FormatError(
                    L_(
                        "{text} at the end is an unfinished placeholder; write %% for a percent sign",
                        text=quote(text[start:]),
                    ),
                    start,
                    len(text),
                )
            )
            break
        letter = text[at]
        piece = text[start : at + 1]
        fields: dict[str, Any] = dict(
            flags=tail["flags"],
            width=tail["width"] or "",
            precision=dot(tail["precision"]),
            length=tail["length"],
            conversion=letter,
        )
        if gettext:  # it gives up at the directive that mixes (a "*" takes an unnamed argument)
            star = "*" in fields["width"] + fields["precision"]
            takes_unnamed = name is None and (star or letter != "%")
            if name is not None and (star or unnamed_seen) or takes_unnamed and named_seen:
                errors.append(
                    FormatError(L_("{text}: named and unnamed arguments are mixed", text=quote(piece)), start, at + 1)
                )
                break
            named_seen |= name is not None
            unnamed_seen |= takes_unnamed
        if letter == "%":
            if piece == "%%":
                found.append(Placeholder(Syntax.PYTHON, piece, start, at + 1, escape=True, conversion="%"))
            else:  # Python refuses it; msgfmt reads it as an argument (named) or an escape
                if not gettext:
                    errors.append(
                        FormatError(
                            L_("{text} is not a placeholder; write %% for a percent sign", text=quote(piece)),
                            start,
                            at + 1,
                            fatal=False,
                        )
                    )
                found.append(
                    Placeholder(
                        Syntax.PYTHON, piece, start, at + 1, name=name, type="none", escape=name is None, **fields
                    )
                )
            index = at + 1
            continue
        if letter not in types:
            errors.append(
                FormatError(
                    L_(
                        "{text} is not a placeholder ({letter} is no conversion); write %% for a percent sign",
                        text=quote(piece),
                        letter=repr(letter),
                    ),
                    start,
                    at + 1,
                )
            )
            if gettext:
                break
            index = at + 1
            continue
        if _too_large(fields["width"], fields["precision"]):
            errors.append(
                FormatError(
                    L_("{text}: a width or precision above {limit}", text=quote(piece), limit=INT_MAX), start, at + 1
                )
            )
        width_position = precision_position = None
        if name is None:
            if fields["width"] == "*":
                unnamed += 1
                width_position = unnamed
            if fields["precision"] == ".*":
                unnamed += 1
                precision_position = unnamed
            unnamed += 1
        elif "*" in fields["width"] + fields["precision"]:
            errors.append(
                FormatError(
                    L_("{text}: a named placeholder cannot take its width from *", text=quote(piece)), start, at + 1
                )
            )
        found.append(
            Placeholder(
                Syntax.PYTHON,
                piece,
                start,
                at + 1,
                name=name,
                position=None if name is not None else unnamed,
                type=types[letter],
                width_position=width_position,
                precision_position=precision_position,
                **fields,
            )
        )
        index = at + 1
    if gettext:  # it gave up at its first error; what it checks after the parse is left out
        return FormatString(Syntax.PYTHON, text, tuple(found), tuple(errors))
    errors.extend(_python_consistency(found))
    return FormatString(Syntax.PYTHON, text, tuple(found), tuple(errors))


def _python_consistency(found: list[Placeholder]) -> Iterable[FormatError]:
    named = [p for p in found if p.name is not None]
    unnamed = [p for p in found if p.name is None and not p.escape]
    if named and unnamed:
        odd = unnamed[0]
        hint = L_("; write %% for a percent sign") if " " in odd.flags else ""
        yield FormatError(
            L_(
                "named placeholders ({named}) and unnamed ones ({unnamed}) cannot be mixed{hint}",
                named=named[0].text,
                unnamed=quote(odd.text),
                hint=hint,
            ),
            odd.start,
            odd.end,
        )
    yield from _incompatible_uses(named, lambda p: p.name)


def _incompatible_uses(placeholders: list[Placeholder], key) -> Iterable[FormatError]:
    """One argument converted as two types gettext tells apart (``%(a)x`` and ``%(a)s``).
    ``%(a)r`` and ``%(a)s`` in one string are no conflict: both take any value."""
    seen: dict[object, Placeholder] = {}
    for p in placeholders:
        first = seen.setdefault(key(p), p)
        if _REPR.get(first.type, first.type) != _REPR.get(p.type, p.type):
            yield FormatError(
                L_(
                    "{first} and {second} use argument {argument} as {first_type} and as {second_type}",
                    first=first.text,
                    second=p.text,
                    argument=repr(key(p)),
                    first_type=first.type,
                    second_type=p.type,
                ),
                p.start,
                p.end,
            )
            return


def _too_large(width: str | None, precision: str | None) -> bool:
    """Whether a written width or precision is larger than printf or Python take."""
    return any(
        len(digits) > 9 and int(digits) > INT_MAX
        for digits in ((width or "").strip("*"), (precision or "").strip(".*"))
        if digits.isdigit()
    )
