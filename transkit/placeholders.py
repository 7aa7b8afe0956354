"""Placeholders of gettext format strings: one small parser per syntax, and no checks.

A message flagged ``python-format``, ``python-brace-format`` or ``c-format`` is filled in at
run time; its placeholders are what a translation must keep.  Each parser returns every
directive of a string, as written and where (its span), with what identifies its argument
(a name, or a position) and the type of value it converts.  The parsers never raise: a
string that the formatting function would refuse comes back with its errors, so that checks
can say what is wrong.  What counts as valid follows the run-time functions (Python's ``%``
and ``str.format``, C's ``printf``) and GNU ``msgfmt --check-format``: anything either one
refuses in a translation is an error here.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
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


# --- python-format: printf-style ``%`` -----------------------------------------------

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
                errors.append(FormatError(f"{_quote(text[start:start + 12])} has no closing parenthesis", start, len(text)))
                break
            name = text[start + 2 : at - 1]
        tail = _PY_TAIL.match(text, at)
        at = tail.end()
        if at >= len(text):
            errors.append(FormatError(
                f"{_quote(text[start:])} at the end is an unfinished placeholder; write %% for a percent sign",
                start, len(text)))
            break
        letter = text[at]
        piece = text[start : at + 1]
        fields = dict(flags=tail["flags"], width=tail["width"] or "", precision=_dot(tail["precision"]),
                      length=tail["length"], conversion=letter)
        if letter == "%":
            if piece == "%%":
                found.append(Placeholder(Syntax.PYTHON, piece, start, at + 1, escape=True, conversion="%"))
            else:  # Python refuses it; msgfmt reads it as an argument (named) or an escape
                errors.append(FormatError(f"{_quote(piece)} is not a placeholder; write %% for a percent sign",
                                          start, at + 1, fatal=False))
                found.append(Placeholder(Syntax.PYTHON, piece, start, at + 1, name=name, type="none",
                                         escape=name is None, **fields))
            index = at + 1
            continue
        if letter not in _PY_TYPES:
            errors.append(FormatError(
                f"{_quote(piece)} is not a placeholder ({letter!r} is no conversion); write %% for a percent sign",
                start, at + 1))
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
            errors.append(FormatError(f"{_quote(piece)}: a named placeholder cannot take its width from *", start, at + 1))
        found.append(Placeholder(
            Syntax.PYTHON, piece, start, at + 1, name=name, position=None if name is not None else unnamed,
            type=_PY_TYPES[letter], width_position=width_position, precision_position=precision_position, **fields))
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
            f"named placeholders ({named[0].text}) and unnamed ones ({_quote(odd.text)}) cannot be mixed{hint}",
            odd.start, odd.end)
    yield from _incompatible_uses(named, lambda p: p.name)


# --- python-brace-format: ``str.format`` -----------------------------------------------

_BRACE_TYPES = {
    **dict.fromkeys("bcdoxXn", "integer"),
    **dict.fromkeys("eEfFgG%", "float"),
    "s": "string",
}
_STANDARD_SPEC = re.compile(
    r"(?:.?[<>=^])?[+\- ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?(?P<type>[bcdeEfFgGnosxX%]?)", re.S
)


def parse_brace(text: str) -> FormatString:
    """The fields of a ``str.format`` string (``{name}``, ``{0[1]}``, ``{x!r:>{width}}``).

    Field names must be names or numbers (``{ a}`` or JSON are refused, as msgfmt does);
    ``{}`` fields are numbered from 0 in order and cannot be mixed with ``{0}``; a ``}`` of
    its own is an error in Python (``}}`` is the escape).
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    at, auto = 0, 0
    while at < len(text):
        char = text[at]
        if char not in "{}":
            at += 1
            continue
        if text.startswith(char * 2, at):
            found.append(Placeholder(Syntax.PYTHON_BRACE, char * 2, at, at + 2, escape=True))
            at += 2
            continue
        if char == "}":
            errors.append(FormatError('a single "}" is an error in Python; write "}}"', at, at + 1, fatal=False))
            at += 1
            continue
        end, error = _brace_field_end(text, at)
        if error:  # unclosed or nested too deep: nothing after it can be read reliably
            errors.append(FormatError(error, at, end))
            break
        placeholder, problem = _brace_field(text, at, end, auto)
        if placeholder.explicit is False:
            auto += 1
        if problem:
            errors.append(FormatError(problem, at, end))
        found.append(placeholder)
        at = end
    errors.extend(_brace_consistency(found))
    return FormatString(Syntax.PYTHON_BRACE, text, tuple(found), tuple(errors))


def _brace_field_end(text: str, start: int) -> tuple[int, str | None]:
    """The end of the field opened at ``start`` (nested ``{}`` in its spec allowed)."""
    depth, at = 0, start
    while at < len(text):
        char = text[at]
        if char == "[" and depth == 1:
            close = text.find("]", at)
            at = close if close >= 0 else len(text)
        elif char == "{":
            depth += 1
            if depth > 2:
                return at + 1, f"{_quote(text[start:at + 1])}: placeholders nest at most one level deep"
        elif char == "}":
            depth -= 1
            if depth == 0:
                return at + 1, None
        at += 1
    return len(text), f"{_quote(text[start:start + 20])} is never closed; write {{{{ for a brace"


def _brace_field(text: str, start: int, end: int, auto: int) -> tuple[Placeholder, str | None]:
    body = text[start + 1 : end - 1]
    match = re.match(r"(?P<field>[^!:]*)(?:!(?P<conv>[^:]*))?(?::(?P<spec>.*))?\Z", body, re.S)
    assert match is not None  # the pattern accepts any text
    field_name, conversion, spec = match["field"], match["conv"], match["spec"]
    head = re.match(r"[^.\[]*", field_name).group(0)
    problem = _brace_field_problem(field_name, head, text[start:end])
    if conversion is not None and conversion not in ("r", "s", "a"):
        problem = problem or f"{_quote(text[start:end])}: the conversion must be !r, !s or !a"
    if spec and problem is None:
        problem = _brace_spec_problem(spec, text[start:end])
    explicit = head != ""
    position = int(head) if head.isdigit() else (None if explicit else auto)
    type_ = "any"
    if spec is not None and "{" not in spec:
        standard = _STANDARD_SPEC.fullmatch(spec)
        if standard and standard["type"]:
            type_ = _BRACE_TYPES[standard["type"]]
    placeholder = Placeholder(
        Syntax.PYTHON_BRACE, text[start:end], start, end, name=field_name, position=position,
        explicit=explicit, conversion=conversion or "", spec=spec, type=type_,
    )
    return placeholder, problem


def _brace_field_problem(field_name: str, head: str, field_text: str) -> str | None:
    if head and not (head.isidentifier() or (head.isascii() and head.isdigit())):
        return f"{_quote(field_text)}: {head!r} is not a name or a number"
    rest = field_name[len(head):]
    while rest:
        part = re.match(r"\.([^.\[]*)|\[([^\]]+)\]", rest)
        if part is None or (part.group(1) is not None and not part.group(1).isidentifier()):
            return f"{_quote(field_text)}: {rest!r} is not an attribute or an index"
        rest = rest[part.end():]
    return None


def _brace_spec_problem(spec: str, field_text: str) -> str | None:
    nested = re.findall(r"\{([^{}]*)\}", spec)
    for inner in nested:
        name = re.match(r"[^!:.\[]*", inner).group(0)
        if name and not (name.isidentifier() or name.isdigit()):
            return f"{_quote(field_text)}: {name!r} in the format spec is not a name or a number"
    if re.sub(r"\{[^{}]*\}", "", spec).count("{") or re.sub(r"\{[^{}]*\}", "", spec).count("}"):
        return f"{_quote(field_text)}: unbalanced brace in the format spec"
    return None


def _brace_consistency(found: list[Placeholder]) -> Iterable[FormatError]:
    fields = [p for p in found if not p.escape]
    numbered = [p for p in fields if p.explicit and p.position is not None]
    automatic = [p for p in fields if not p.explicit]
    nested_auto = any(re.search(r"\{(?:[!:.\[][^{}]*)?\}", p.spec or "") for p in fields)
    if numbered and (automatic or nested_auto):
        odd = automatic[0] if automatic else numbered[0]
        yield FormatError(
            f"{_quote(odd.text)}: numbered fields ({numbered[0].text}) and automatic ones ({{}}) cannot be mixed",
            odd.start, odd.end)


# --- c-format: printf(3) ------------------------------------------------------------

_C_SIGNED = {"": "int", "hh": "signed char", "h": "short", "l": "long", "ll": "long long",
             "j": "intmax_t", "z": "ssize_t", "t": "ptrdiff_t"}
_C_UNSIGNED = {"": "unsigned int", "hh": "unsigned char", "h": "unsigned short", "l": "unsigned long",
               "ll": "unsigned long long", "j": "uintmax_t", "z": "size_t", "t": "unsigned ptrdiff_t"}
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
            errors.append(FormatError(
                f"{_quote(text[start:])} at the end is an unfinished placeholder; write %% for a percent sign",
                start, len(text)))
            break
        letter = macro.group(0) if macro else text[at]
        end = at + len(letter)
        piece = text[start:end]
        fields = dict(flags=head["flags"], width=head["width"] or "", precision=_dot(head["precision"]),
                      length=head["length"], conversion=letter)
        if letter == "%":
            found.append(Placeholder(Syntax.C, piece, start, end, escape=True, **fields))
            index = end
            continue
        if letter == "<":
            errors.append(FormatError(
                f"{_quote(text[start:start + 12])} is not a macro of ISO C 99 7.8.1 (PRId64, PRIuMAX, …)", start, end))
            index = end
            continue
        type_ = _c_type(letter, head["length"]) if macro is None else _c_macro_type(macro)
        if type_ is None:
            errors.append(FormatError(
                f"{_quote(piece)} is not a placeholder ({letter!r} is no conversion); write %% for a percent sign",
                start, end))
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
        found.append(Placeholder(
            Syntax.C, piece, start, end, position=position, explicit=bool(head["pos"]), type=type_,
            width_position=positions[0], precision_position=positions[1], **fields))
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
            styles[False].start, styles[False].end)
        return
    uses: list[tuple[int, str, Placeholder]] = []
    for p in directives:
        uses.append((p.position, p.type, p))
        for star in (p.width_position, p.precision_position):
            if star is not None:
                uses.append((star, "int", p))
    if any(position <= 0 for position, _, _ in uses):
        odd = next(p for position, _, p in uses if position <= 0)
        yield FormatError(f"{_quote(odd.text)}: arguments are numbered from 1", odd.start, odd.end)
        return
    used = {position for position, _, _ in uses}
    for gap in range(1, max(used, default=0) + 1):
        if gap not in used:
            last = max(uses, key=lambda use: use[0])[2]
            yield FormatError(f"argument {gap} is never used but {last.text} uses argument {max(used)}; "
                              "printf needs every argument up to the last", last.start, last.end)
            break
    types: dict[int, tuple[str, Placeholder]] = {}
    for position, type_, p in uses:
        first = types.setdefault(position, (type_, p))
        if first[0] != type_:
            yield FormatError(f"{first[1].text} and {p.text} use argument {position} as {first[0]} and as {type_}",
                              p.start, p.end)
            break


# --- shared -------------------------------------------------------------------------

def _incompatible_uses(placeholders: list[Placeholder], key) -> Iterable[FormatError]:
    seen: dict[object, Placeholder] = {}
    for p in placeholders:
        first = seen.setdefault(key(p), p)
        if first.type != p.type:
            yield FormatError(f"{first.text} and {p.text} use argument {key(p)!r} as {first.type} and as {p.type}",
                              p.start, p.end)
            return


def _dot(precision: str | None) -> str:
    return "" if precision is None else "." + precision


def _quote(text: str) -> str:
    return '"' + text.replace("\n", "\\n") + '"'


_PARSERS = {Syntax.PYTHON: parse_python, Syntax.PYTHON_BRACE: parse_brace, Syntax.C: parse_c}


def parse(text: str, syntax: Syntax) -> FormatString:
    """The placeholders of ``text`` read as ``syntax``."""
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


FLAGS = {syntax.flag: syntax for syntax in Syntax}


def declared_syntaxes(flags: Iterable[str]) -> tuple[Syntax, ...]:
    """The syntaxes an entry's flags declare: ``c-format``, and ``possible-c-format`` too,
    which msgfmt checks as well; ``no-c-format`` declares that it is *not* one."""
    found = []
    for flag in flags:
        name = flag.strip()
        name = name[len("possible-"):] if name.startswith("possible-") else name
        if name in FLAGS and FLAGS[name] not in found:
            found.append(FLAGS[name])
    return tuple(found)


def negated_syntaxes(flags: Iterable[str]) -> tuple[Syntax, ...]:
    """The syntaxes an entry explicitly is not (``no-python-format``)."""
    return tuple(FLAGS[f.strip()[3:]] for f in flags if f.strip().startswith("no-") and f.strip()[3:] in FLAGS)


# Directives that look intended: no space flag ("50 % off"), common conversions only.
_LOOKS_PYTHON_NAMED = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[-#0+]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
_LOOKS_PERCENT = re.compile(r"%(?:\d+\$)?[-#0+]*\d*(?:\.\d+)?(?:l|ll|z|h|j|<PRI[diouxX]\w+>)?[sdiufxXcpeg](?![A-Za-z])")
_LOOKS_BRACE = re.compile(r"(?<!\{)\{(?:[A-Za-z_][A-Za-z0-9_]*|\d+)(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def apparent_syntaxes(text: str) -> dict[Syntax | None, str]:
    """Syntaxes whose placeholders a string seems to use, with the first one seen.

    For sources without a format flag: ``%(count)d`` is python-format, ``{name}``
    python-brace-format; a bare ``%s`` could be C or Python and comes back under ``None``.
    A string must also be valid in the syntax, so prose with a ``%`` or braces stays quiet.
    """
    seen: dict[Syntax | None, str] = {}
    named = _LOOKS_PYTHON_NAMED.search(text)
    if named and parse_python(text).valid:
        seen[Syntax.PYTHON] = named.group(0)
    elif (bare := _LOOKS_PERCENT.search(text)) and (parse_c(text).valid or parse_python(text).valid):
        seen[None] = bare.group(0)
    brace = _LOOKS_BRACE.search(text)
    if brace and parse_brace(text).valid:
        seen[Syntax.PYTHON_BRACE] = brace.group(0)
    return seen


__all__ = [
    "FormatError", "FormatString", "Placeholder", "Syntax", "apparent_syntaxes", "declared_syntaxes",
    "negated_syntaxes", "parse", "parse_brace", "parse_c", "parse_python", "render",
]
