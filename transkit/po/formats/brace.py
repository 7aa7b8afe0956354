"""The ``python-brace-format`` parser: ``str.format`` fields, as Python and msgfmt read them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from transkit.i18n import L_
from transkit.po.formats.model import FormatError, FormatString, Placeholder, Syntax, gettext_bytes, quote

_BRACE_TYPES = {
    **dict.fromkeys("bcdoxXn", "integer"),
    **dict.fromkeys("eEfFgG%", "float"),
    "s": "string",
}
_BRACE = re.compile(r"[{}]")
_STANDARD_SPEC = re.compile(
    r"(?:.?[<>=^])?[+\- ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?(?P<type>[bcdeEfFgGnosxX%]?)", re.S
)


def parse_brace(text: str, *, gettext: bool = False) -> FormatString:
    """The fields of a ``str.format`` string (``{name}``, ``{0[1]}``, ``{x!r:>{width}}``).

    Field names must be names or numbers (``{ a}`` or JSON are refused, as msgfmt does);
    ``{}`` fields are numbered from 0 in order and cannot be mixed with ``{0}``; a ``}`` of
    its own is an error in Python (``}}`` is the escape).

    ``gettext=True`` reads the string as gettext 0.21's own parser does (msgfmt and the PO
    writer use it), which is stricter than Python about a field: ``{`` ASCII name or number
    (``.name`` | ``[name or number]``)* [``:`` (``{field}`` | [[fill]align][sign][#][0]
    [width][.precision][type])] ``}``, no ``!r``, a one-byte fill; it ignores a lone ``}``
    and gives up at the first field it cannot read.  The placeholders are then those before
    that field and the errors that one only, with its ``gettext_offset``.
    """
    found: list[Placeholder] = []
    errors: list[FormatError] = []
    at, auto = 0, 0
    while (at := next_brace(text, at)) >= 0:
        char = text[at]
        if text.startswith(char * 2, at):
            found.append(Placeholder(Syntax.PYTHON_BRACE, char * 2, at, at + 2, escape=True))
            at += 2
            continue
        if char == "}":
            if gettext:
                at += 1
                continue
            errors.append(FormatError(L_('a single "}}" is an error in Python; write "}}}}"'), at, at + 1, fatal=False))
            at += 1
            continue
        if gettext:
            closing = _gettext_field(text, at, top=True)
            if isinstance(closing, tuple):
                base, stop, extra = closing
                offset = len(gettext_bytes(text[base:stop])) + extra
                message = L_("{text}: gettext reads no placeholder there", text=quote(text[at : stop + 1]))
                errors.append(FormatError(message, at, min(stop + 1, len(text)), gettext_offset=offset))
                break
            placeholder = _brace_field(text, at, closing + 1, auto)[0]
            auto += placeholder.explicit is False
            found.append(placeholder)
            at = closing + 1
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
        auto += sum(inner.explicit is False for inner in nested_fields(placeholder, auto))
        at = end
    if gettext:  # it gave up at its first error, if any; it does not check the fields' mix
        return FormatString(Syntax.PYTHON_BRACE, text, tuple(found), tuple(errors))
    errors.extend(_brace_consistency(found))
    return FormatString(Syntax.PYTHON_BRACE, text, tuple(found), tuple(errors))


def nested_fields(field: Placeholder, auto: int) -> list[Placeholder]:
    """The fields nested in a field's spec (``{:{width}}``, ``{:{}}``), spans within the
    string: each takes an argument of its own; ``auto`` is the number the first automatic
    one takes (Python numbers them after the field they are in). They are not among a
    string's placeholders, which do not overlap."""
    if not field.spec or "{" not in field.spec:
        return []
    spec_start = len(field.text) - 1 - len(field.spec)
    nested = []
    for inner in re.finditer(r"\{[^{}]*\}", field.spec):
        start, end = spec_start + inner.start(), spec_start + inner.end()
        placeholder = _brace_field(field.text, start, end, auto)[0]
        auto += placeholder.explicit is False
        nested.append(replace(placeholder, start=field.start + start, end=field.start + end))
    return nested


def next_brace(text: str, start: int) -> int:
    """Where the first ``{`` or ``}`` at or after ``start`` is, or -1: the parser jumps
    over literal text, which is most of a message, instead of reading it character by
    character."""
    found = _BRACE.search(text, start)
    return -1 if found is None else found.start()


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
                return at + 1, L_("{text}: placeholders nest at most one level deep", text=quote(text[start : at + 1]))
        elif char == "}":
            depth -= 1
            if depth == 0:
                return at + 1, None
        at += 1
    return len(text), L_("{text} is never closed; write {{{{ for a brace", text=quote(text[start : start + 20]))


_NAME_START = frozenset("_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NAME_CHARS = _NAME_START | frozenset("0123456789")
_ALIGN = "<>=^"


def _gettext_name(text: str, at: int, numeric: bool) -> int:
    """The end of the ASCII name (or, if ``numeric``, of the number too) at ``at``; ``at``
    when there is none."""
    if at < len(text) and text[at] in _NAME_START:
        at += 1
        while at < len(text) and text[at] in _NAME_CHARS:
            at += 1
    elif numeric:
        while at < len(text) and "0" <= text[at] <= "9":
            at += 1
    return at


def _gettext_field(text: str, start: int, top: bool) -> int | tuple[int, int, int]:
    """Where the field opened at ``start`` closes, as gettext reads it; or where it gives up,
    as (start of the field, index, extra bytes): gettext marks that byte offset from the
    start of the (innermost) field, one byte further for a missing ``]``."""
    n = len(text)
    at = start + 1
    if at < n and text[at] == "{":  # "{{" in a spec: gettext takes it for a whole field
        return at
    after = _gettext_name(text, at, numeric=True)
    if after == at:
        return (start, at, 0)
    at = after
    while at < n and text[at] in ".[":
        after = _gettext_name(text, at + 1, numeric=text[at] == "[")
        if after == at + 1:
            return (start, after, 0)
        if text[at] == "[":
            if after >= n or text[after] != "]":
                return (start, after, 1)
            after += 1
        at = after
    if at < n and text[at] == ":":
        if not top:
            return (start, at, 0)
        at += 1
        if at < n and text[at] == "{":
            inner = _gettext_field(text, at, top=False)
            if isinstance(inner, tuple):
                return inner
            at = inner + 1
        elif at >= n:
            return (start, at, 0)
        else:  # the fill is one byte: an ASCII character
            if at + 1 < n and text[at].isascii() and text[at + 1] in _ALIGN:
                at += 2
            elif text[at] in _ALIGN:
                at += 1
            for optional in ("+- ", "#", "0"):
                if at < n and text[at] in optional:
                    at += 1
            while at < n and "0" <= text[at] <= "9":
                at += 1
            if at < n and text[at] == ".":
                at += 1
                while at < n and "0" <= text[at] <= "9":
                    at += 1
            if at < n and text[at] in "bcdoxXneEfFgG%":
                at += 1
    if at >= n or text[at] != "}":
        return (start, at, 0)
    return at


def _brace_field(text: str, start: int, end: int, auto: int) -> tuple[Placeholder, str | None]:
    body = text[start + 1 : end - 1]
    match = re.match(r"(?P<field>[^!:]*)(?:!(?P<conv>[^:]*))?(?::(?P<spec>.*))?\Z", body, re.S)
    assert match is not None  # the pattern accepts any text
    field_name, conversion, spec = match["field"], match["conv"], match["spec"]
    head = re.match(r"[^.\[]*", field_name).group(0)
    problem = _brace_field_problem(field_name, head, text[start:end])
    if conversion is not None and conversion not in ("r", "s", "a"):
        problem = problem or L_("{text}: the conversion must be !r, !s or !a", text=quote(text[start:end]))
    if spec and problem is None:
        problem = _brace_spec_problem(spec, text[start:end])
    explicit = head != ""
    position = int(head) if head.isdigit() else (None if explicit else auto)
    if position is not None and position > INT_MAX and problem is None:
        problem = L_("{text}: no call passes {count} arguments", text=quote(text[start:end]), count=position + 1)
    type_ = "any"
    if spec is not None and "{" not in spec:
        standard = _STANDARD_SPEC.fullmatch(spec)
        if standard and standard["type"]:
            type_ = _BRACE_TYPES[standard["type"]]
        if standard and problem is None:
            problem = _standard_spec_problem(standard, conversion, text[start:end])
    placeholder = Placeholder(
        Syntax.PYTHON_BRACE,
        text[start:end],
        start,
        end,
        name=field_name,
        position=position,
        explicit=explicit,
        conversion=conversion or "",
        spec=spec,
        type=type_,
    )
    return placeholder, problem


INT_MAX = 2**31 - 1
"""The largest width, precision or field number a message can mean (printf's limit too)."""


def _standard_spec_problem(standard: re.Match[str], conversion: str | None, field_text: str) -> str | None:
    """Why Python refuses a standard format spec whatever the value (or builds a string of
    gigabytes), or None: ``{!s:d}`` formats a string as an integer, ``{:.9999999999}``."""
    for digits in (standard["width"], standard["precision"]):
        if digits and len(digits) > 9 and int(digits) > INT_MAX:
            return L_("{text}: a width or precision above {limit}", text=quote(field_text), limit=INT_MAX)
    if conversion in ("r", "s", "a") and standard["type"] not in ("", "s"):
        return L_(
            "{text}: !{conversion} makes a string, which cannot be formatted as {type}",
            text=quote(field_text),
            conversion=conversion,
            type=repr(standard["type"]),
        )
    return None


def _brace_field_problem(field_name: str, head: str, field_text: str) -> str | None:
    if head and not (head.isidentifier() or (head.isascii() and head.isdigit())):
        return L_("{text}: {name} is not a name or a number", text=quote(field_text), name=repr(head))
    rest = field_name[len(head) :]
    while rest:
        part = re.match(r"\.([^.\[]*)|\[([^\]]+)\]", rest)
        if part is None or (part.group(1) is not None and not part.group(1).isidentifier()):
            return L_("{text}: {rest} is not an attribute or an index", text=quote(field_text), rest=repr(rest))
        rest = rest[part.end() :]
    return None


def _brace_spec_problem(spec: str, field_text: str) -> str | None:
    nested = re.findall(r"\{([^{}]*)\}", spec)
    for inner in nested:
        name = re.match(r"[^!:.\[]*", inner).group(0)
        if name and not (name.isidentifier() or name.isdigit()):
            return L_(
                "{text}: {name} in the format spec is not a name or a number", text=quote(field_text), name=repr(name)
            )
        # The nested field's attributes and indexes follow the same rules as a field's.
        inner_field = re.match(r"[^!:]*", inner).group(0)
        problem = _brace_field_problem(inner_field, name, field_text)
        if problem is not None:
            return problem
    if re.sub(r"\{[^{}]*\}", "", spec).count("{") or re.sub(r"\{[^{}]*\}", "", spec).count("}"):
        return L_("{text}: unbalanced brace in the format spec", text=quote(field_text))
    return None


def _brace_consistency(found: list[Placeholder]) -> Iterable[FormatError]:
    fields = [p for p in found if not p.escape]
    typed: dict[object, Placeholder] = {}
    for p in fields:
        if p.type == "any" or p.conversion:
            continue
        first = typed.setdefault(p.argument, p)
        # An integer takes float specs too; a string takes no number's, a number no "s":
        # one of the two raises, whatever the value.
        if first.type != p.type and "string" in (first.type, p.type):
            yield FormatError(
                L_(
                    "{first} and {second} format one argument as {first_type} and as {second_type}",
                    first=first.text,
                    second=p.text,
                    first_type=first.type,
                    second_type=p.type,
                ),
                p.start,
                p.end,
                fatal=False,
            )
            break
    numbered = [p for p in fields if p.explicit and p.position is not None]
    automatic = [p for p in fields if not p.explicit]
    nested_auto = any(re.search(r"\{(?:[!:.\[][^{}]*)?\}", p.spec or "") for p in fields)
    if numbered and (automatic or nested_auto):
        odd = automatic[0] if automatic else numbered[0]
        yield FormatError(
            L_(
                "{text}: numbered fields ({numbered}) and automatic ones ({{}}) cannot be mixed",
                text=quote(odd.text),
                numbered=numbered[0].text,
            ),
            odd.start,
            odd.end,
        )
