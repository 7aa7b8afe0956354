"""Format flags (family ``P``, ``P111``–``P113``): does a message say how it is formatted?

``#, python-format`` and its kin tell msgfmt, editors and the ``P`` placeholder checks
(:mod:`transkit.checks.placeholders`) which syntax to compare; a lost flag leaves a
translation unchecked, a wrong one makes translators escape ``%`` or braces for nothing,
and a source that is invalid in its own syntax cannot be compared at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from transkit.checks.placeholders import checked_syntaxes
from transkit.engine import CatalogContext
from transkit.model import Entry
from transkit.placeholders import Syntax, apparent_syntaxes, declared_syntaxes, negated_syntaxes, parse
from transkit.registry import Applies, Problem, Scope, register
from transkit.report import Severity


_FORMAT_FLAG = re.compile(r"(?!no-)[a-z0-9-]+-format")
_OURS = frozenset(syntax.flag for syntax in Syntax)


def _source_strings(entry: Entry) -> tuple[str, ...]:
    return (entry.msgid,) + ((entry.msgid_plural,) if entry.msgid_plural else ())


@register("P111", "format-flag-missing", Scope.ENTRY, Severity.WARNING, applies=Applies.ACTIVE)
def format_flag_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source has placeholders but the message has no format flag for them.

    Without ``#, python-format`` (or ``python-brace-format``, ``c-format``) msgfmt and
    editors do not check the translation's placeholders.  Usually the flag was lost, or
    the extractor did not recognise the call; the finding names the syntax that seems used.

    Bad: ``msgid "Page {page} of {total}"`` with no flag.
    Good: ``#, python-brace-format`` above it.
    """
    declared = set(checked_syntaxes(entry, context))
    own = set(declared_syntaxes(entry.flags))
    negated = set(negated_syntaxes(entry.flags))
    template = context.template_index.get(entry.key)
    for syntax in sorted(declared - own, key=lambda s: s.value):
        if template is not None:
            yield Problem(f"the template flags this message {syntax.flag}, but this catalog's entry has lost the flag")
    for flag in entry.flags:
        if _FORMAT_FLAG.fullmatch(flag) and flag.removeprefix("possible-") not in _OURS:
            return  # a format flag of another language (javascript-format, …): its own syntax
    seen: dict[Syntax | None, str] = {}
    for text in _source_strings(entry):
        for syntax, example in apparent_syntaxes(text).items():
            seen.setdefault(syntax, example)
    for syntax, example in seen.items():
        if syntax is None:
            if declared & {Syntax.PYTHON, Syntax.C} or negated & {Syntax.PYTHON, Syntax.C}:
                continue
            name = _percent_syntax(context)
        else:
            if syntax in declared or syntax in negated:
                continue
            name = syntax.flag
        yield Problem(f"the source has the placeholder {example} but no {name} flag: its translations are not checked")


def _percent_syntax(context: CatalogContext) -> str:
    """Which ``%`` syntax the project uses, for a bare ``%s`` in an unflagged source."""
    memo = context.memo
    if "placeholder_percent_syntax" not in memo:
        used = Counter(s for e in context.template_index.values() for s in declared_syntaxes(e.flags))
        python, c = used[Syntax.PYTHON], used[Syntax.C]
        memo["placeholder_percent_syntax"] = (
            "python-format" if python and not c else "c-format" if c and not python else "c-format or python-format"
        )
    return memo["placeholder_percent_syntax"]


@register("P112", "format-flag-without-placeholder", Scope.ENTRY, Severity.WARNING, applies=Applies.ACTIVE)
def format_flag_without_placeholder(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The message is flagged as a format string but its source has no placeholder.

    Translators then have to write ``%%`` for a percent sign, or ``{{`` for a brace, for
    nothing; often the flag names the wrong syntax (``python-format`` on ``{name}``).
    ``possible-…`` flags, which the extractor only guesses, are not reported.

    Bad: ``#, python-format`` on ``msgid "Report a situation"``.
    Good: no flag.
    """
    for syntax in declared_syntaxes(f for f in entry.flags if not f.startswith("possible-")):
        strings = [parse(text, syntax) for text in _source_strings(entry)]
        if all(s.valid and not s.placeholders for s in strings):
            yield Problem(f"flagged {syntax.flag}, but the source has no {syntax.flag} placeholder")


@register("P113", "source-format-invalid", Scope.ENTRY, Severity.WARNING, applies=Applies.ACTIVE)
def source_format_invalid(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source itself is not a valid string of the format syntax it is flagged with.

    The program fails on it whatever the translation says, and its translations cannot be
    compared with it (msgfmt skips them too).  The developers should fix the source.

    Bad: ``#, python-format`` on ``msgid "Save 50% now"`` (``% n`` is no placeholder).
    Good: ``msgid "Save 50%% now"``, or no flag when the string is not formatted.
    """
    for syntax in checked_syntaxes(entry, context):
        for field, text in zip(("msgid", "msgid_plural"), _source_strings(entry)):
            errors = parse(text, syntax).errors
            if errors:
                consequence = "; its translations are not checked" if any(e.fatal for e in errors) else ""
                yield Problem(f"{field} is not a valid {syntax.flag} string: {errors[0].message}{consequence}")
