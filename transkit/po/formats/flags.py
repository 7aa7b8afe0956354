"""Which placeholder syntaxes a message uses: the ones its flags declare or deny, and the
ones an unflagged string seems to use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from transkit.po.formats.brace import parse_brace
from transkit.po.formats.c import parse_c
from transkit.po.formats.model import Syntax
from transkit.po.formats.python import parse_python

FLAGS = {syntax.flag: syntax for syntax in Syntax}


def declared_syntaxes(flags: Iterable[str]) -> tuple[Syntax, ...]:
    """The syntaxes an entry's flags declare: ``c-format``, and ``possible-c-format`` too,
    which msgfmt checks as well; ``no-c-format`` declares that it is *not* one."""
    # Entries' flags are tuples, a handful of distinct ones per project: remembered.
    return _declared(flags) if isinstance(flags, tuple) else _declared.__wrapped__(flags)


@lru_cache(maxsize=1024)
def _declared(flags: Iterable[str]) -> tuple[Syntax, ...]:
    found = []
    for flag in flags:
        name = flag.strip()
        name = name[len("possible-") :] if name.startswith("possible-") else name
        if name in FLAGS and FLAGS[name] not in found:
            found.append(FLAGS[name])
    return tuple(found)


def negated_syntaxes(flags: Iterable[str]) -> tuple[Syntax, ...]:
    """The syntaxes an entry explicitly is not (``no-python-format``)."""
    return _negated(flags) if isinstance(flags, tuple) else _negated.__wrapped__(flags)


@lru_cache(maxsize=1024)
def _negated(flags: Iterable[str]) -> tuple[Syntax, ...]:
    return tuple(FLAGS[f.strip()[3:]] for f in flags if f.strip().startswith("no-") and f.strip()[3:] in FLAGS)


# Directives that look intended: no space flag ("50 % off"), common conversions only.
_LOOKS_PYTHON_NAMED = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[-#0+]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
_LOOKS_PERCENT = re.compile(r"%(?:\d+\$)?[-#0+]*\d*(?:\.\d+)?(?:l|ll|z|h|j|<PRI[diouxX]\w+>)?[sdiufxXcpeg](?![A-Za-z])")
_LOOKS_BRACE = re.compile(
    r"(?<![{$])\{(?:[A-Za-z_][A-Za-z0-9_]*|\d+)(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}]*)?\}(?!\})"
)


def apparent_syntaxes(text: str) -> dict[Syntax | None, str]:
    """Syntaxes whose placeholders a string seems to use, with the first one seen.

    For sources without a format flag: ``%(count)d`` is python-format, ``{name}``
    python-brace-format; a bare ``%s`` could be C or Python and comes back under ``None``.
    A string must also be valid in the syntax, so prose with a ``%`` or braces stays quiet,
    and ``${name}`` is a JavaScript template literal's or a shell's, not a brace field.
    """
    if not may_have_placeholders(text):
        return {}  # no placeholder of any syntax: most sources, decided at once
    return dict(_apparent(text))


def may_have_placeholders(text: str) -> bool:
    """Whether a text has a ``%`` or a ``{``, which every placeholder an unflagged string
    may seem to use starts with: most texts have neither, and nothing else to read."""
    return "%" in text or "{" in text


@lru_cache(maxsize=16384)  # P111 asks about a source once per language
def _apparent(text: str) -> tuple[tuple[Syntax | None, str], ...]:
    seen: dict[Syntax | None, str] = {}
    named = _LOOKS_PYTHON_NAMED.search(text)
    if named and parse_python(text).valid:
        seen[Syntax.PYTHON] = named.group(0)
    elif (bare := _LOOKS_PERCENT.search(text)) and (parse_c(text).valid or parse_python(text).valid):
        seen[None] = bare.group(0)
    brace = _LOOKS_BRACE.search(text)
    if brace and parse_brace(text).valid:
        seen[Syntax.PYTHON_BRACE] = brace.group(0)
    return tuple(seen.items())
