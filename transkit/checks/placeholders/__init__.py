"""Placeholders (family ``P``): what the program fills in must survive translation.

A message flagged ``python-format``, ``python-brace-format`` or ``c-format`` is formatted at
run time.  A translation that loses, adds, renames or retypes a placeholder either crashes
the page (``KeyError``, ``TypeError``) or shows a wrong or missing value.  Every check here
reads one comparison per message (:func:`placeholder_issues`, made by
:mod:`transkit.checks.placeholders.compare`) and reports one kind of problem; the rules are at
least as strict as GNU ``msgfmt --check-format``: whatever it rejects is an error here
(``tests/test_placeholders.py`` holds it to that).  The format flags themselves are judged
in :mod:`transkit.checks.formatflags`.

Plural forms follow gettext: every ``msgstr[n]`` is compared with ``msgid_plural`` (the
arguments the program passes), and a form that the Plural-Forms formula selects for one
value of n only (``n == 1``, Arabic's 0, 1 and 2) may leave the number out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check, header_only
from transkit.checks.placeholders.compare import Issue, Kind, Reference, reference, syntax_issues
from transkit.i18n import Message
from transkit.po.formats import FormatString, Syntax, declared_syntaxes, negated_syntaxes, parse
from transkit.po.plural_expression import NUMBERS, PluralFormsError
from transkit.po.plural_forms import parse_plural_forms


def placeholder_issues(entry: Entry, context: CatalogContext) -> tuple[Issue, ...]:
    """The placeholder problems of a message's translation, computed once per catalog.

    Fuzzy messages and empty forms are skipped (coverage checks report them); a plural
    message with some forms filled is checked form by form, as msgfmt does.
    """
    # Seven checks ask in turn about the same entry.
    return context.for_entry(_placeholder_issues, entry)


def _placeholder_issues(entry: Entry, context: CatalogContext) -> tuple[Issue, ...]:
    if entry.obsolete or entry.fuzzy or not entry.msgid or not any(entry.msgstr):
        return ()
    syntaxes = checked_syntaxes(entry, context)
    if not syntaxes:
        return ()  # not a format string: most messages
    usage = _form_usage(entry, context) if entry.is_plural else None
    return tuple(
        issue
        for syntax in syntaxes
        for issue in syntax_issues(entry, syntax, usage, _reference(entry, syntax, context))
    )


def _reference(entry: Entry, syntax: Syntax, context: CatalogContext) -> Reference:
    """The source side of the message's comparison in ``syntax``, once for every language."""
    return context.for_source(_source_reference, entry.msgid, entry.msgid_plural, syntax)


def _source_reference(msgid: str, plural: str | None, syntax: Syntax) -> Reference:
    return reference(parse(msgid, syntax), parse(plural, syntax) if plural is not None else None)


def source_format(context: CatalogContext, source: str, syntax: Syntax) -> FormatString:
    """A source read as one syntax, once for every language (see :meth:`CatalogContext.for_source`)."""
    return context.for_source(parse, source, syntax)


def checked_syntaxes(entry: Entry, context: CatalogContext) -> tuple[Syntax, ...]:
    """The syntaxes the message declares, in the catalog or in the template (msgmerge
    copies the template's flags; a catalog that lost one still formats the same way)."""
    return flagged_syntaxes(entry.flags, template_flags(entry, context))


def template_flags(entry: Entry, context: CatalogContext) -> tuple[str, ...]:
    """The flags of the message in the template; none when the template lacks it."""
    template = context.template_index.get(entry.key)
    return template.flags if template is not None else ()


@lru_cache(maxsize=256)  # a project has a handful of distinct flag sets: read once each
def flagged_syntaxes(own: tuple[str, ...], inherited: tuple[str, ...]) -> tuple[Syntax, ...]:
    """:func:`checked_syntaxes` of a message flagged ``own`` in the catalog and ``inherited``
    in the template: a catalog's ``no-…-format`` outweighs the template."""
    negated = negated_syntaxes(own)
    return tuple(syntax for syntax in declared_syntaxes(own + inherited) if syntax not in negated)


def _form_usage(entry: Entry, context: CatalogContext) -> tuple[tuple[int, ...], ...]:
    """For each plural form, the values of n (0..1000, or the entry's ``range:``) that select it.

    msgfmt samples n in 0..1000 the same way.  A missing or unusable Plural-Forms (the
    header checks report it) counts as the Germanic rule, ``n != 1``.
    """
    span: tuple[int, ...] = NUMBERS
    for flag in entry.flags:
        bounds = re.fullmatch(r"range:\s*(\d+)\s*\.\.\s*(\d+)", flag)
        if bounds and int(bounds[1]) <= int(bounds[2]):
            span = tuple(range(int(bounds[1]), min(int(bounds[2]), int(bounds[1]) + 1000) + 1))
    memo = context.per_catalog(_form_usages)
    key = (span[0], span[-1], len(entry.msgstr))
    if key not in memo:
        try:
            indexes = parse_plural_forms(context.catalog.header_field("Plural-Forms") or "").plural.evaluate(span)
        except PluralFormsError:
            indexes = [int(n != 1) for n in span]
        forms: list[list[int]] = [[] for _ in range(max(len(entry.msgstr), 2))]
        for n, index in zip(span, indexes):
            if 0 <= index < len(forms):
                forms[index].append(n)
        memo[key] = tuple(tuple(values) for values in forms)
    return memo[key]


@header_only
def _form_usages(context: CatalogContext) -> dict[tuple[int, int, int], tuple[tuple[int, ...], ...]]:
    """The catalog's :func:`_form_usage` answers so far, by first and last n and number of
    forms: a catalog has one plural rule, and its messages a handful of spans."""
    return {}


def _report(kind: Kind, entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """One problem per distinct message, naming the forms unless every form has it."""
    issues = placeholder_issues(entry, context)
    if not issues:
        return iter(())  # most messages: no generator to build for nothing
    return _problems(kind, entry, issues)


def _problems(kind: Kind, entry: Entry, issues: tuple[Issue, ...]) -> Iterator[Problem]:
    by_message: dict[tuple[str, Severity | None], list[int | None]] = {}
    for issue in issues:
        if issue.kind is kind:
            forms = by_message.setdefault((issue.message, issue.severity), [])
            if issue.form not in forms:
                forms.append(issue.form)
    filled = [i for i, form in enumerate(entry.msgstr) if form]
    for (message, severity), forms in by_message.items():
        if entry.is_plural and sorted(forms, key=lambda form: -1 if form is None else form) != filled:
            shown = ", ".join(f"msgstr[{form}]" for form in forms)
            message = Message("{forms}: {message}", {"forms": shown, "message": message})
        yield Problem(message, severity=severity)


@entry_check(
    "P101",
    "placeholder-missing",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder of the source is absent from the translation.

    The value the program passes is never shown: a name, an amount, a date is lost.  With
    unnamed python-format placeholders Python even raises ``not all arguments converted``.
    Fuzzy messages are not checked (as msgfmt); a plural with some forms filled is.  In a
    plural form that one value of n selects, gettext accepts it: there it is a warning.

    Bad: ``msgid "The file %(filename)s is too large."`` → ``msgstr "Le fichier est trop volumineux."``.
    Good: ``msgstr "Le fichier %(filename)s est trop volumineux."``.
    """
    return _report(Kind.MISSING, entry, context)


@entry_check(
    "P102",
    "placeholder-added",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_added(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a placeholder that the source does not have.

    The program passes no value for it: Python raises ``KeyError`` or ``not enough
    arguments``, C's printf reads garbage.  Often it is a percent sign: ``50 % des`` is the
    placeholder ``% d`` in python-format and c-format, write ``50 %% des``.

    Bad: ``msgid "50% of victims"`` (python-format, ``50%%``) → ``msgstr "50 % des victimes"``.
    Good: ``msgstr "50 %% des victimes"``.
    """
    return _report(Kind.ADDED, entry, context)


@entry_check(
    "P103",
    "placeholder-renamed",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_renamed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder's name was changed, often translated.

    Placeholder names are code: the program passes ``count``, not ``nombre``, so the page
    fails with ``KeyError``.

    Bad: ``msgid "{count} files"`` → ``msgstr "{nombre} fichiers"``; ``%(count)d`` → ``%(nombre)d``.
    Good: ``msgstr "{count} fichiers"``.
    """
    return _report(Kind.RENAMED, entry, context)


@entry_check(
    "P104",
    "placeholder-conversion-changed",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_conversion_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder converts its value differently from the source.

    ``%s`` where the program passes a number may work, ``%d`` where it passes text
    raises; in C a wrong type is undefined behaviour (``%ld`` is not ``%d``).  For brace
    placeholders the conversion (``!r``) and the format spec (``:>10``) must be kept as
    written, as msgfmt requires.  Width and precision of ``%`` placeholders may change.

    Bad: ``msgid "%(count)d victims"`` → ``msgstr "%(count)s victimes"``.
    Good: ``msgstr "%(count)d victimes"``.
    """
    return _report(Kind.CONVERSION, entry, context)


@entry_check(
    "P105",
    "placeholder-order-changed",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_order_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """Unnamed placeholders are in another order than the source's, where order is meaning.

    Python's ``%`` fills unnamed placeholders in order, and so does C's printf unless they
    are numbered: swapped, the name lands where the number goes.  C translations reorder
    with numbered arguments (``%2$s``); named placeholders and ``{0}`` fields may move freely.

    Bad: ``msgid "%s has %d files"`` (c-format) → ``msgstr "%d fichiers pour %s"``.
    Good: ``msgstr "%2$d fichiers pour %1$s"``.
    """
    return _report(Kind.ORDER, entry, context)


@entry_check(
    "P106",
    "placeholder-malformed",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def placeholder_malformed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is not a valid format string of its syntax.

    An unclosed ``%(count``, a lone ``%`` or ``{``, named and unnamed placeholders
    mixed: the formatting function raises before anything is shown, and msgfmt refuses
    the catalog.

    Bad: ``msgstr "Il reste %(count)d caractères (100 % gratuit)"`` (python-format).
    Good: ``msgstr "Il reste %(count)d caractères (100 %% gratuit)"``.
    """
    return _report(Kind.INVALID, entry, context)


@entry_check(
    "P211",
    "plural-form-missing-number",
    Severity.ERROR,
    applies=Applies.ACTIVE,
    needs=Fact.FLAGGED,
    gate=placeholder_issues,
    local=True,
)
def plural_form_missing_number(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A plural form leaves out the number although it is used for several numbers.

    gettext lets a form that one value of n selects (``n == 1``; Arabic's 0, 1 and 2)
    say "one file" instead of "1 file".  A form used for more numbers (French ``n <= 1``
    covers 0 and 1; Russian's first form 1, 21, 31 …) must show which one.  Unnamed
    python-format placeholders can never be left out: Python raises.

    Bad: ``msgstr[0] "Un fichier joint"`` in French, where msgstr[0] is also used for 0.
    Good: ``msgstr[0] "{count} fichier joint"``.
    """
    return _report(Kind.NUMBER, entry, context)


__all__ = ["checked_syntaxes", "flagged_syntaxes", "placeholder_issues", "source_format", "template_flags"]
