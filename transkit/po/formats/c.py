"""The ``c-format`` parser: ``printf(3)`` directives, typed the way msgfmt tells them apart."""

from __future__ import annotations

import re
from collections.abc import Iterable

from transkit.po.formats.model import FormatError, FormatString, Placeholder, Syntax, dot, quote

_C_SIGNED = {
    "": "int",
    "hh": "signed char",
    "h": "short",
    "l": "long",
    "ll": "long long",
    "j": "intmax_t",
    "z": "ssize_t",
    "t": "ptrdiff_t",
}
_C_UNSIGNED = {
    "": "unsigned int",
    "hh": "unsigned char",
    "h": "unsigned short",
    "l": "unsigned long",
    "ll": "unsigned long long",
    "j": "uintmax_t",
    "z": "size_t",
    "t": "unsigned ptrdiff_t",
}
_C_MACRO = re.compile(r"<PRI(?P<conv>[diouxX])(?P<size>8|16|32|64|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|MAX|PTR)>")
_C_DIRECTIVE = re.compile(
    r"%(?:(?P<pos>\d+)\$)?(?P<flags>[-+ #0'I]*)(?P<width>\*(?:\d+\$)?|\d+)?"
    r"(?:\.(?P<precision>\*(?:\d+\$)?|\d*))?(?P<length>[hlLqjzZt]*)"
)


def parse_c(text: str) -> FormatString:
    """The directives of a C ``printf`` string (``%s``, ``%ld``, ``%2$s``, ``%<PRId64>``, ``%%``).

    Numbered (``%1$s``) and unnumbered directives cannot be mixed, and numbered ones may not
    skip an argument: ``printf`` could not know its type.  ``%m`` (glibc) takes no argument.
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    index, counter = 0, 0
    while (start := text.find("%", index)) >= 0:
        head = _C_DIRECTIVE.match(text, start)
        at = head.end()
        macro = _C_MACRO.match(text, at)
        if at >= len(text):
            errors.append(
                FormatError(
                    f"{quote(text[start:])} at the end is an unfinished placeholder; write %% for a percent sign",
                    start,
                    len(text),
                )
            )
            break
        letter = macro.group(0) if macro else text[at]
        end = at + len(letter)
        piece = text[start:end]
        fields = dict(
            flags=head["flags"],
            width=head["width"] or "",
            precision=dot(head["precision"]),
            length=head["length"],
            conversion=letter,
        )
        if letter == "%":
            found.append(Placeholder(Syntax.C, piece, start, end, escape=True, **fields))
            index = end
            continue
        if letter == "<":
            errors.append(
                FormatError(
                    f"{quote(text[start : start + 12])} is not a macro of ISO C 99 7.8.1 (PRId64, PRIuMAX, …)",
                    start,
                    end,
                )
            )
            index = end
            continue
        type_ = _c_type(letter, head["length"]) if macro is None else _c_macro_type(macro)
        if type_ is None:
            errors.append(
                FormatError(
                    f"{quote(piece)} is not a placeholder ({letter!r} is no conversion); write %% for a percent sign",
                    start,
                    end,
                )
            )
            index = end
            continue
        positions: list[int | None] = []
        for star in (head["width"] or "", head["precision"] or ""):
            if star.startswith("*"):
                if star.endswith("$"):
                    positions.append(int(star[1:-1]))
                else:
                    counter += 1
                    positions.append(counter)
            else:
                positions.append(None)
        if letter == "m":
            position = None
        elif head["pos"]:
            position = int(head["pos"])
        else:
            counter += 1
            position = counter
        found.append(
            Placeholder(
                Syntax.C,
                piece,
                start,
                end,
                position=position,
                explicit=bool(head["pos"]),
                type=type_,
                width_position=positions[0],
                precision_position=positions[1],
                **fields,
            )
        )
        index = end
    errors.extend(_c_consistency(found))
    return FormatString(Syntax.C, text, tuple(found), tuple(errors))


def _c_type(letter: str, length: str) -> str | None:
    """The C type a conversion reads, the way msgfmt tells types apart (``%i`` is ``%d``,
    ``%x`` is ``%u``, ``%lf`` is ``%f``, ``%Lf`` is not)."""
    size = ""
    for char in length:  # a run of modifiers as msgfmt reads it: the last wins, hh and ll double
        if char == "h":
            size = "hh" if size in ("h", "hh") else "h"
        elif char == "l":
            size = "ll" if size in ("l", "ll") else "l"
        elif char in "Lq":
            size = "ll"
        else:
            size = "z" if char == "Z" else char
    if letter in "di":
        return _C_SIGNED[size]
    if letter in "ouxX":
        return _C_UNSIGNED[size]
    if letter in "eEfFgGaA":
        return "long double" if size == "ll" else "double"
    if letter in "cC":
        return "wint_t" if letter == "C" or size == "l" else "char"
    if letter in "sS":
        return "wchar_t *" if letter == "S" or size == "l" else "char *"
    if letter == "p":
        return "void *"
    if letter == "n":
        return _C_SIGNED[size] + " *"
    if letter == "m":
        return "errno message"
    return None


def _c_macro_type(macro: re.Match[str]) -> str:
    """``<PRId64>`` reads an ``int64_t``, ``<PRIuLEAST8>`` an ``uint_least8_t``."""
    size = macro["size"]
    base = {"MAX": "intmax_t", "PTR": "intptr_t"}.get(size)
    if base is None:
        kind = re.match(r"(LEAST|FAST)?(\d+)", size)
        base = f"int_{kind[1].lower()}{kind[2]}_t" if kind[1] else f"int{kind[2]}_t"
    return ("u" if macro["conv"] in "ouxX" else "") + base


def _c_consistency(found: list[Placeholder]) -> Iterable[FormatError]:
    directives = [p for p in found if not p.escape and p.position is not None]
    styles: dict[bool, Placeholder] = {}
    for p in directives:
        styles.setdefault(p.explicit, p)
        for star in (p.width, p.precision.lstrip(".")):
            if star.startswith("*"):
                styles.setdefault(star.endswith("$"), p)
    if len(styles) == 2:
        yield FormatError(
            f"numbered ({styles[True].text}) and unnumbered ({styles[False].text}) arguments cannot be mixed",
            styles[False].start,
            styles[False].end,
        )
        return
    uses: list[tuple[int, str, Placeholder]] = []
    for p in directives:
        uses.append((p.position, p.type, p))
        for star in (p.width_position, p.precision_position):
            if star is not None:
                uses.append((star, "int", p))
    if any(position <= 0 for position, _, _ in uses):
        odd = next(p for position, _, p in uses if position <= 0)
        yield FormatError(f"{quote(odd.text)}: arguments are numbered from 1", odd.start, odd.end)
        return
    used = {position for position, _, _ in uses}
    for gap in range(1, max(used, default=0) + 1):
        if gap not in used:
            last = max(uses, key=lambda use: use[0])[2]
            yield FormatError(
                f"argument {gap} is never used but {last.text} uses argument {max(used)}; "
                "printf needs every argument up to the last",
                last.start,
                last.end,
            )
            break
    types: dict[int, tuple[str, Placeholder]] = {}
    for position, type_, p in uses:
        first = types.setdefault(position, (type_, p))
        if first[0] != type_:
            yield FormatError(
                f"{first[1].text} and {p.text} use argument {position} as {first[0]} and as {type_}", p.start, p.end
            )
            break
