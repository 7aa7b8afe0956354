"""The ``python-format`` parser: printf-style ``%`` directives as Python's ``%`` reads them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from transkit.po.formats.model import FormatError, FormatString, Placeholder, Syntax, dot, quote

_PY_TYPES = {
    **dict.fromkeys("diouxX", "integer"),
    **dict.fromkeys("eEfFgG", "float"),
    "c": "character",
    "s": "string",
    "r": "string",
    "a": "ascii string",
}
_PY_TAIL = re.compile(r"(?P<flags>[#0\- +]*)(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d*))?(?P<length>[hlL]?)")


def parse_python(text: str) -> FormatString:
    """The ``%`` directives of a Python format string (``%s``, ``%(name)05.2f``, ``%%``).

    Python refuses mixing named and unnamed directives (msgfmt too), ``*`` in a named one,
    and any ``%`` that does not end in a conversion letter: ``"50 % off"`` is ``% o`` and
    then text, a classic translation bug.
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    index, unnamed = 0, 0
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
                    FormatError(f"{quote(text[start : start + 12])} has no closing parenthesis", start, len(text))
                )
                break
            name = text[start + 2 : at - 1]
        tail = _PY_TAIL.match(text, at)
        at = tail.end()
        if at >= len(text):
            errors.append(
                FormatError(
                    f"{quote(text[start:])} at the end is an unfinished placeholder; write %% for a percent sign",
                    start,
                    len(text),
                )
            )
            break
        letter = text[at]
        piece = text[start : at + 1]
        fields = dict(
            flags=tail["flags"],
            width=tail["width"] or "",
            precision=dot(tail["precision"]),
            length=tail["length"],
            conversion=letter,
        )
        if letter == "%":
            if piece == "%%":
                found.append(Placeholder(Syntax.PYTHON, piece, start, at + 1, escape=True, conversion="%"))
            else:  # Python refuses it; msgfmt reads it as an argument (named) or an escape
                errors.append(
                    FormatError(
                        f"{quote(piece)} is not a placeholder; write %% for a percent sign", start, at + 1, fatal=False
                    )
                )
                found.append(
                    Placeholder(
                        Syntax.PYTHON, piece, start, at + 1, name=name, type="none", escape=name is None, **fields
                    )
                )
            index = at + 1
            continue
        if letter not in _PY_TYPES:
            errors.append(
                FormatError(
                    f"{quote(piece)} is not a placeholder ({letter!r} is no conversion); write %% for a percent sign",
                    start,
                    at + 1,
                )
            )
            index = at + 1
            continue
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
                FormatError(f"{quote(piece)}: a named placeholder cannot take its width from *", start, at + 1)
            )
        found.append(
            Placeholder(
                Syntax.PYTHON,
                piece,
                start,
                at + 1,
                name=name,
                position=None if name is not None else unnamed,
                type=_PY_TYPES[letter],
                width_position=width_position,
                precision_position=precision_position,
                **fields,
            )
        )
        index = at + 1
    errors.extend(_python_consistency(found))
    return FormatString(Syntax.PYTHON, text, tuple(found), tuple(errors))


def _python_consistency(found: list[Placeholder]) -> Iterable[FormatError]:
    named = [p for p in found if p.name is not None]
    unnamed = [p for p in found if p.name is None and not p.escape]
    if named and unnamed:
        odd = unnamed[0]
        hint = "; write %% for a percent sign" if " " in odd.flags else ""
        yield FormatError(
            f"named placeholders ({named[0].text}) and unnamed ones ({quote(odd.text)}) cannot be mixed{hint}",
            odd.start,
            odd.end,
        )
    yield from _incompatible_uses(named, lambda p: p.name)


def _incompatible_uses(placeholders: list[Placeholder], key) -> Iterable[FormatError]:
    seen: dict[object, Placeholder] = {}
    for p in placeholders:
        first = seen.setdefault(key(p), p)
        if first.type != p.type:
            yield FormatError(
                f"{first.text} and {p.text} use argument {key(p)!r} as {first.type} and as {p.type}", p.start, p.end
            )
            return
