"""The ``c-format`` parser: ``printf(3)`` directives, typed the way msgfmt tells them apart."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from transkit.i18n import L_
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
    r"%(?:(?P<pos>[0-9]+)\$)?(?P<flags>[-+ #0'I]*)(?P<width>\*(?:[0-9]+\$)?|[0-9]+)?"
    r"(?:\.(?P<precision>\*(?:[0-9]+\$)?|[0-9]*))?(?P<length>[hlLqjzZt]*)"
)
_C_DIRECTIVE_NO_I = re.compile(_C_DIRECTIVE.pattern.replace("'I]", "']"))
"""gettext allows glibc's ``I`` flag (locale digits) in a translation only."""
_C23_DIRECTIVE = re.compile(
    _C_DIRECTIVE.pattern.replace("(?P<length>[hlLqjzZt]*)", r"(?P<length>wf?[0-9]+|[hlLqjzZt]*)")
)
"""C23 adds the lengths ``wN`` and ``wfN`` (``%w32d``: an ``int32_t``) and ``%b``, which GNU
gettext reads from 0.22 on; 0.21's own reading (``gettext=True``) knows neither."""
_C23_BITS = ("8", "16", "32", "64")


def parse_c(text: str, *, objc: bool = False, gettext: bool = False, translation: bool = True) -> FormatString:
    """The directives of a C ``printf`` string (``%s``, ``%ld``, ``%2$s``, ``%<PRId64>``, ``%%``).

    Numbered (``%1$s``) and unnumbered directives cannot be mixed, and numbered ones may not
    skip an argument: ``printf`` could not know its type.  ``%m`` (glibc) takes no argument.
    ``objc``: Objective-C's ``%@`` (an object) is a directive too.

    ``gettext=True`` reads the string as gettext 0.21's own parser does (msgfmt and the PO
    writer use it): it gives up at the first error, so the placeholders are those before it
    and the errors that one only, mixing numbered and unnumbered arguments and ``%0$d``
    included; a size before ``<PRI...>`` is an error, and so is the ``I`` flag when the
    string is not a ``translation`` (a msgid).
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    directive = _C23_DIRECTIVE if not gettext else _C_DIRECTIVE if translation else _C_DIRECTIVE_NO_I
    index, counter = 0, 0
    styles: set[bool] = set()  # numbered arguments (True), unnumbered ones (False): gettext's
    while (start := text.find("%", index)) >= 0:
        head = directive.match(text, start)
        at = head.end()
        macro = _C_MACRO.match(text, at)
        if gettext and macro and head["length"]:
            macro = None  # then "<" is no conversion
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
        letter = macro.group(0) if macro else text[at]
        end = at + len(letter)
        piece = text[start:end]
        fields: dict[str, Any] = dict(
            flags=head["flags"],
            width=head["width"] or "",
            precision=dot(head["precision"]),
            length=head["length"],
            conversion=letter,
        )
        if gettext and (problem := _gettext_arguments(head, letter, styles)):  # type: ignore[arg-type]
            errors.append(FormatError(L_("{text}: {problem}", text=quote(piece), problem=problem), start, end))
            break
        if letter == "%":
            found.append(Placeholder(Syntax.C, piece, start, end, escape=True, **fields))
            index = end
            continue
        if letter == "<":
            errors.append(
                FormatError(
                    L_(
                        "{text} is not a macro of ISO C 99 7.8.1 (PRId64, PRIuMAX, …)",
                        text=quote(text[start : start + 12]),
                    ),
                    start,
                    end,
                )
            )
            if gettext:
                break
            index = end
            continue
        type_ = _c_type(letter, head["length"], c23=not gettext) if macro is None else _c_macro_type(macro)
        if type_ is None and objc and letter == "@":
            type_ = "object"
        if type_ is None:
            errors.append(
                FormatError(
                    L_(
                        "{text} is not a placeholder ({letter} is no conversion); write %% for a percent sign",
                        text=quote(piece),
                        letter=repr(letter),
                    ),
                    start,
                    end,
                )
            )
            if gettext:
                break
            index = end
            continue
        if not gettext and (problem := _undefined(head, letter if macro is None else "d")):  # type: ignore[arg-type]
            # msgfmt still reads the directive's type (%Li as long long), so the
            # placeholders around it can be compared: not fatal.
            errors.append(
                FormatError(L_("{text}: {problem}", text=quote(piece), problem=problem), start, end, fatal=False)
            )
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
    if gettext:  # it gave up at its first error; what it checks after the parse is left out
        return FormatString(Syntax.C, text, tuple(found), tuple(errors))
    errors.extend(_c_consistency(found))
    return FormatString(Syntax.C, text, tuple(found), tuple(errors))


def _gettext_arguments(head: re.Match[str], letter: str, styles: set[bool]) -> str | None:
    """Why gettext gives up at a directive for its arguments, or None; ``styles``: whether
    the directives so far took numbered (True) or unnumbered (False) arguments, updated.

    It checks as it goes, so it stops at the directive that numbers an argument 0 or mixes
    the two styles, with the ones before it or in itself (``%1$*d``).
    """
    numbers = [head["pos"]] if head["pos"] else []
    used = set()
    for star in (head["width"] or "", (head["precision"] or "")):
        if star.startswith("*"):
            used.add(star.endswith("$"))
            numbers += [star[1:-1]] if star.endswith("$") else []
    if any(int(number) == 0 for number in numbers):
        return L_("arguments are numbered from 1")
    if letter not in ("%", "m"):
        used.add(bool(head["pos"]))
    styles |= used
    return L_("numbered and unnumbered arguments are mixed") if len(styles) == 2 else None


_FLAG_CONVERSIONS = {"#": "oxXaAeEfFgG", "0": "diouxXaAeEfFgG"}
_LENGTH_CONVERSIONS = {"": "", "l": "diouxXncsaAeEfFgG", "L": "aAeEfFgG", "q": "diouxXn"}
_INTEGER_LENGTH = "diouxXn"
INT_MAX = 2**31 - 1


def _undefined(head: re.Match[str], letter: str) -> str | None:
    """Why the C standard (C11 7.21.6.1) leaves a directive undefined, or None.

    A compiler warns of these, msgfmt tells some of them apart from the source's
    (``%#s``), and the C library may print anything, or crash: ``%#s`` (``#`` with a
    conversion it does not alter), ``%hs`` (a length a conversion cannot take), ``%24n``
    (``%n`` takes no flag, width or precision), ``%.3c``, a width or precision beyond
    ``INT_MAX``; and ``%n``, defined but never meant in a message (Qt's plural ``%n``
    mistaken for C's). Not fatal: msgfmt still reads the directive's type.
    """
    if letter in ("m", "@") or not letter.isalpha():
        return None
    flags, width, precision = head["flags"] or "", head["width"] or "", head["precision"] or ""
    length = head["length"] or ""
    if length.startswith("w") and length.lstrip("wf") not in _C23_BITS:
        return L_("the length {length} is no width C defines (w8, w16, w32, w64; wf8 …)", length=repr(length))
    if letter == "b" or length.startswith("w"):
        # Read and compared like its type, but older C libraries print it as text and
        # msgfmt before 0.23 refuses the catalog: reported, not fatal.
        glibc = "2.39" if length else "2.35"
        return L_(
            "{directive} is C23 (glibc {glibc}, GNU gettext 0.22 or later); older msgfmt refuses it",
            directive=f"%{length}{letter}",
            glibc=glibc,
        )
    for flag, allowed in _FLAG_CONVERSIONS.items():
        if flag in flags and letter not in allowed:
            return L_("the {flag} flag is undefined with {conversion}", flag=repr(flag), conversion=f"%{letter}")
    if letter == "n" and (flags or width or precision):
        return L_("%n takes no flag, width or precision")
    if precision and letter in "cpn":
        return L_("a precision is undefined with {conversion}", conversion=f"%{letter}")
    if length and length not in ("l",) and letter in "cspCS":
        return L_("the length {length} is undefined with {conversion}", length=repr(length), conversion=f"%{letter}")
    if length[:1] in ("h", "j", "z", "t", "Z") and letter not in _INTEGER_LENGTH:
        return L_("the length {length} is undefined with {conversion}", length=repr(length), conversion=f"%{letter}")
    if length == "L" and letter not in _LENGTH_CONVERSIONS["L"]:
        return L_("the length {length} is undefined with {conversion}", length="'L'", conversion=f"%{letter}")
    for digits in (width.strip("*$"), precision.strip(".*$")):
        if digits.isdigit() and len(digits) > 9 and int(digits) > INT_MAX:
            return L_("a width or precision above {limit}", limit=INT_MAX)
    if letter == "n":
        # Defined, but never what a message means: it prints nothing and writes the
        # count of characters so far through a pointer (glibc's fortified printf aborts
        # on it in writable memory). Qt's plural %n is qt-plural-format, not c-format.
        return L_(
            "%n prints nothing, it stores a count through a pointer; a number is %d (Qt's %n is qt-plural-format)"
        )
    return None


def _c_type(letter: str, length: str, c23: bool = True) -> str | None:
    """The C type a conversion reads, the way msgfmt tells types apart (``%i`` is ``%d``,
    ``%x`` is ``%u``, ``%lf`` is ``%f``, ``%Lf`` is not); with ``c23``, ``%b`` is ``%u``
    and ``%w16d`` reads an ``int16_t``, ``%wf16u`` an ``uint_fast16_t``."""
    if c23 and length.startswith("w"):
        if letter not in "diouxXbn":
            return None
        fast = "_fast" if length.startswith("wf") else ""
        base = f"int{fast}{length.lstrip('wf')}_t"
        return base + " *" if letter == "n" else ("u" + base if letter in "ouxXb" else base)
    if c23 and letter == "b":
        letter = "u"
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
            L_(
                "numbered ({numbered}) and unnumbered ({unnumbered}) arguments cannot be mixed",
                numbered=styles[True].text,
                unnumbered=styles[False].text,
            ),
            styles[False].start,
            styles[False].end,
        )
        return
    uses: list[tuple[int, str, Placeholder]] = []
    for p in directives:
        if p.position is not None:  # every directive kept above has one
            uses.append((p.position, p.type, p))
        for argument in (p.width_position, p.precision_position):
            if argument is not None:
                uses.append((argument, "int", p))
    if any(position <= 0 for position, _, _ in uses):
        odd = next(p for position, _, p in uses if position <= 0)
        yield FormatError(L_("{text}: arguments are numbered from 1", text=quote(odd.text)), odd.start, odd.end)
        return
    used = {position for position, _, _ in uses}
    for gap in range(1, max(used, default=0) + 1):
        if gap not in used:
            last = max(uses, key=lambda use: use[0])[2]
            yield FormatError(
                L_(
                    "argument {gap} is never used but {last} uses argument {highest}; "
                    "printf needs every argument up to the last",
                    gap=gap,
                    last=last.text,
                    highest=max(used),
                ),
                last.start,
                last.end,
            )
            break
    types: dict[int, tuple[str, Placeholder]] = {}
    for position, type_, p in uses:
        first = types.setdefault(position, (type_, p))
        if first[0] != type_:
            yield FormatError(
                L_(
                    "{first} and {second} use argument {argument} as {first_type} and as {second_type}",
                    first=first[1].text,
                    second=p.text,
                    argument=position,
                    first_type=first[0],
                    second_type=type_,
                ),
                p.start,
                p.end,
            )
            break
