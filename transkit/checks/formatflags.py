"""Format flags and sources (family ``P``, ``P111``–``P114``): does a message say how it is formatted?

``#, python-format`` and its kin tell msgfmt, editors and the ``P`` placeholder checks
(:mod:`transkit.checks.placeholders`) which syntax to compare; a lost flag leaves a
translation unchecked, a wrong one makes translators escape ``%`` or braces for nothing,
and a source that is invalid in its own syntax cannot be compared at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check, header_only
from transkit.checks.placeholders import checked_syntaxes, flagged_syntaxes, source_format, template_flags
from transkit.checks.placeholders.compare import singular_issues
from transkit.i18n import L_, N_, Message
from transkit.po.formats import (
    Syntax,
    apparent_syntaxes,
    declared_syntaxes,
    may_have_placeholders,
    negated_syntaxes,
    parse,
)

_FORMAT_FLAG = re.compile(r"(?!no-)[a-z0-9-]+-format")
_OURS = frozenset(syntax.flag for syntax in Syntax)
_PERCENT = frozenset({Syntax.PYTHON, Syntax.C})


@dataclass(frozen=True)
class _FlagReading:
    """What P111 reads in a message's flags, the same for every message flagged alike."""

    lost: tuple[Syntax, ...]
    """Syntaxes the template declares and the catalog's entry no longer does, by name."""
    foreign: bool
    """A format flag of another language (``javascript-format``…): its own syntax."""
    accounted: frozenset[Syntax | None]
    """Apparent syntaxes the flags declare or deny (None: a bare ``%s``, C or Python)."""


@lru_cache(maxsize=256)  # a project has a handful of distinct flag sets: read once each
def _flag_reading(own: tuple[str, ...], inherited: tuple[str, ...]) -> _FlagReading:
    declared = set(flagged_syntaxes(own, inherited))
    negated = set(negated_syntaxes(own))
    lost = tuple(sorted(declared - set(declared_syntaxes(own)), key=lambda s: s.value))
    foreign = any(_FORMAT_FLAG.fullmatch(flag) and flag.removeprefix("possible-") not in _OURS for flag in own)
    accounted: set[Syntax | None] = {*declared, *negated}
    if accounted & _PERCENT:
        accounted.add(None)
    return _FlagReading(lost, foreign, frozenset(accounted))


def _source_strings(entry: Entry) -> tuple[str, ...]:
    return (entry.msgid,) + ((entry.msgid_plural,) if entry.msgid_plural else ())


def flag_problems(entry: Entry, context: CatalogContext) -> bool:
    """Whether P111, P112 or P113 finds anything in the message: the gate they share. All
    three read nothing but its sources, its flags and the template's, and which ``%``
    syntax the template uses, the same in every language: worked out once per source and
    flags for the whole run, where each of them looked again in each of 24 languages."""
    key = (entry.msgid, entry.msgid_plural, entry.flags, template_flags(entry, context))
    return context.for_message(_any_flag_problem, entry, key)


def _any_flag_problem(entry: Entry, context: CatalogContext) -> bool:
    checks = (format_flag_missing, format_flag_without_placeholder, source_format_invalid)
    return any(any(check(entry, context)) for check in checks)


@entry_check(
    "P111",
    "format-flag-missing",
    Severity.WARNING,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED | Fact.PERCENT_OR_BRACE,
    gate=flag_problems,
    local=True,
)
def format_flag_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source has placeholders but the message has no format flag for them.

    Without ``#, python-format`` (or ``python-brace-format``, ``c-format``) msgfmt and
    editors do not check the translation's placeholders.  Usually the flag was lost, or
    the extractor did not recognise the call; the finding names the syntax that seems used.

    Bad: ``msgid "Page {page} of {total}"`` with no flag.
    Good: ``#, python-brace-format`` above it.
    """
    reading = _flag_reading(entry.flags, template_flags(entry, context))
    for lost in reading.lost:  # only a message of the template can have lost a flag
        yield Problem(
            L_("the template flags this message {flag}, but this catalog's entry has lost the flag", flag=lost.flag)
        )
    if reading.foreign:
        return
    for syntax, example in _apparent(entry, context):
        if syntax in reading.accounted:
            continue
        name = _percent_syntax(context) if syntax is None else syntax.flag
        yield Problem(
            L_(
                "the source has the placeholder {example} but no {flag} flag: its translations are not checked",
                example=example,
                flag=name,
            )
        )


def _apparent(entry: Entry, context: CatalogContext) -> tuple[tuple[Syntax | None, str], ...]:
    """The syntaxes the message's sources seem to use (:func:`apparent_syntaxes`), each
    with the first placeholder seen: read once for every language."""
    strings = _source_strings(entry)
    if not any(map(may_have_placeholders, strings)):
        return ()  # no placeholder of any syntax (most sources): nothing to look up

    return context.for_source(_apparent_in, strings)


def _apparent_in(strings: tuple[str, ...]) -> tuple[tuple[Syntax | None, str], ...]:
    seen: dict[Syntax | None, str] = {}
    for text in strings:
        for syntax, example in apparent_syntaxes(text).items():
            seen.setdefault(syntax, example)
    return tuple(seen.items())


def _percent_syntax(context: CatalogContext) -> str:
    """Which ``%`` syntax the project uses, for a bare ``%s`` in an unflagged source."""
    return context.per_catalog(_project_percent_syntax)


@header_only
def _project_percent_syntax(context: CatalogContext) -> str:
    used = Counter(s for e in context.template_index.values() for s in declared_syntaxes(e.flags))
    python, c = used[Syntax.PYTHON], used[Syntax.C]
    return "python-format" if python and not c else "c-format" if c and not python else "c-format or python-format"


@entry_check(
    "P112",
    "format-flag-without-placeholder",
    Severity.WARNING,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=flag_problems,
    local=True,
)
def format_flag_without_placeholder(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The message is flagged as a format string but its source has no placeholder.

    Translators then have to write ``%%`` for a percent sign, or ``{{`` for a brace, for
    nothing; often the flag names the wrong syntax (``python-format`` on ``{name}``).
    ``possible-…`` flags, which the extractor only guesses, are not reported.

    Bad: ``#, python-format`` on ``msgid "Report a situation"``.
    Good: no flag.
    """
    for syntax in _definite_syntaxes(entry.flags):
        strings = [source_format(context, text, syntax) for text in _source_strings(entry)]
        if all(s.valid and not s.placeholders for s in strings):
            yield Problem(L_("flagged {flag}, but the source has no {flag} placeholder", flag=syntax.flag))


@lru_cache(maxsize=256)  # a project has a handful of distinct flag sets: read once each
def _definite_syntaxes(flags: tuple[str, ...]) -> tuple[Syntax, ...]:
    """The syntaxes the flags declare, but for ``possible-…`` ones, which only guess."""
    return declared_syntaxes(tuple(flag for flag in flags if not flag.startswith("possible-")))


@entry_check(
    "P113",
    "source-format-invalid",
    Severity.WARNING,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=flag_problems,
    local=True,
)
def source_format_invalid(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source itself is not a valid string of the format syntax it is flagged with.

    The program fails on it whatever the translation says, and its translations cannot be
    compared with it (msgfmt skips them too).  The developers should fix the source.

    Bad: ``#, python-format`` on ``msgid "Save 50% now"`` (``% n`` is no placeholder).
    Good: ``msgid "Save 50%% now"``, or no flag when the string is not formatted.
    """
    for syntax in checked_syntaxes(entry, context):
        for field, text in zip(("msgid", "msgid_plural"), _source_strings(entry)):
            errors = source_format(context, text, syntax).errors
            if errors:
                fatal = any(e.fatal for e in errors)
                yield Problem(
                    L_(
                        "{field} is not a valid {flag} string: {error}; its translations are not checked",
                        field=field,
                        flag=syntax.flag,
                        error=errors[0].message,
                    )
                    if fatal
                    else L_(
                        "{field} is not a valid {flag} string: {error}",
                        field=field,
                        flag=syntax.flag,
                        error=errors[0].message,
                    )
                )


@entry_check("P114", "source-plural-mismatch", Severity.WARNING, applies=Applies.ACTIVE, needs=Fact.PLURAL, local=True)
def source_plural_mismatch(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A plural source's msgid and msgid_plural do not agree with each other.

    The program passes the same arguments to both, and untranslated gettext shows msgid
    for n = 1: a placeholder only one of them has, or converts otherwise (``%d`` and
    ``%ld``), is lost or wrong in the source language and misleads every translator.
    msgid may leave out the number (``"One file"``), not another argument.  A line break
    at the start or end of one and not the other makes msgfmt refuse the catalog once
    the message is translated: then an error.  The developers should fix the source.

    Bad: ``msgid "%d file"`` with ``msgid_plural "%ld files"`` (c-format).
    Good: ``msgid "%ld file"`` with ``msgid_plural "%ld files"``.
    """
    if entry.msgid_plural is None:
        return
    problems = context.for_source(
        _plural_disagreement, entry.msgid, entry.msgid_plural, checked_syntaxes(entry, context)
    )
    for message, breaks in problems:
        yield Problem(message, severity=Severity.ERROR if breaks and entry.translated else None)


def _plural_disagreement(msgid: str, plural: str, syntaxes: tuple[Syntax, ...]) -> tuple[tuple[str, bool], ...]:
    """(message, whether msgfmt refuses it) for each way msgid and msgid_plural disagree."""
    found: list[tuple[str, bool]] = []
    if msgid.startswith("\n") != plural.startswith("\n"):
        found.append((L_("msgid and msgid_plural do not both begin with a line break (msgfmt refuses it)"), True))
    if msgid.endswith("\n") != plural.endswith("\n"):
        found.append((L_("msgid and msgid_plural do not both end with a line break (msgfmt refuses it)"), True))
    for syntax in syntaxes:
        for issue in singular_issues(parse(msgid, syntax), parse(plural, syntax)):
            text = _against_plural(issue.message)
            found.append((L_("msgid against msgid_plural ({flag}): {issue}", flag=syntax.flag, issue=text), False))
    return tuple(dict.fromkeys(found))


_AGAINST_PLURAL = {
    "placeholder {placeholder}{where} of the source is missing": N_(
        "placeholder {placeholder}{where} of msgid_plural is missing"
    ),
    "placeholder {placeholder}{where} is not in the source{hint}": N_(
        "placeholder {placeholder}{where} is not in msgid_plural{hint}"
    ),
    "placeholder {placeholder}{where} of the source is missing; gettext allows it in this "
    "form, used only for {values}, but the reader loses the value": N_(
        "placeholder {placeholder}{where} of msgid_plural is missing; gettext allows it in msgid, "
        "used for n = 1, but the reader loses the value"
    ),
}
"""The placeholder checks' wording (source against translation) said of msgid against
msgid_plural: each template here gives the same English as the replacements in
:func:`_against_plural`, and a translation of its own."""


def _against_plural(message: str) -> str:
    """A placeholder issue between msgid and msgid_plural, worded for them: "the source" is
    msgid_plural, and the form "used only for n = 1" is msgid."""
    english = message.replace("of the source", "of msgid_plural").replace("not in the source", "not in msgid_plural")
    english = english.replace("in this form, used only for n = 1", "in msgid, used for n = 1")
    if isinstance(message, Message) and message.plural is None:
        template = _AGAINST_PLURAL.get(message.template)
        if template is None and english == message:
            return message  # nothing to reword: keep it translatable as it is
        if template is not None:
            worded = Message(template, message.args)
            if worded == english:
                return worded
    return english
