"""Placeholders (family ``P``): what the program fills in must survive translation.

A message flagged ``python-format``, ``python-brace-format`` or ``c-format`` is formatted at
run time.  A translation that loses, adds, renames or retypes a placeholder either crashes
the page (``KeyError``, ``TypeError``) or shows a wrong or missing value.  Every check here
reads one comparison per message (:func:`placeholder_issues`) and reports one kind of problem;
the rules are at least as strict as GNU ``msgfmt --check-format``: whatever it rejects is an
error here (``tests/test_placeholders.py`` holds it to that).

Plural forms follow gettext: every ``msgstr[n]`` is compared with ``msgid_plural`` (the
arguments the program passes), and a form that the Plural-Forms formula selects for one
value of n only (``n == 1``, Arabic's 0, 1 and 2) may leave the number out.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from transkit.engine import CatalogContext
from transkit.model import Entry
from transkit.placeholders import (
    FormatString,
    Placeholder,
    Syntax,
    apparent_syntaxes,
    declared_syntaxes,
    negated_syntaxes,
    parse,
)
from transkit.pluralforms import NUMBERS, PluralFormsError, parse_plural_forms
from transkit.registry import Applies, Problem, Scope, register
from transkit.report import Severity


class Kind(enum.Enum):
    MISSING = "missing"
    ADDED = "added"
    RENAMED = "renamed"
    CONVERSION = "conversion"
    ORDER = "order"
    INVALID = "invalid"
    NUMBER = "number"


@dataclass(frozen=True)
class Issue:
    """One placeholder problem of one form (``form`` is None for a singular message)."""

    kind: Kind
    form: int | None
    message: str
    severity: Severity | None = None
    """Overrides the check's severity (a warning where gettext allows what is reported)."""


@dataclass(frozen=True)
class _Form:
    """The ``msgstr[n]`` being compared: its index, the n that select it, what holds n."""

    index: int | None
    values: tuple[int, ...] | None
    """The values of n (0..1000) that select this form; None for a singular message."""
    numbers: frozenset
    """The source argument(s) that may hold n (plural messages only)."""
    python_tuple: bool = False
    """Unnamed python-format arguments: Python needs every one of them in every form."""

    @property
    def single(self) -> bool:
        """Selected by one value of n at most: gettext lets it leave the number out."""
        return self.values is not None and len(self.values) <= 1 and not self.python_tuple


_COUNT_NAMES = re.compile(r"^(n|num|number|count|cnt|nb|total|amount|quantity|qty)$|count|number", re.I)


def placeholder_issues(entry: Entry, context: CatalogContext) -> tuple[Issue, ...]:
    """The placeholder problems of a message's translation, computed once per catalog.

    Fuzzy messages and empty forms are skipped (coverage checks report them); a plural
    message with some forms filled is checked form by form, as msgfmt does.
    """
    if entry.obsolete or entry.fuzzy or not entry.msgid or not any(entry.msgstr):
        return ()
    memo = context.memo.setdefault("placeholder_issues", {})
    key = (entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, entry.flags)
    if key not in memo:
        memo[key] = tuple(_entry_issues(entry, context))
    return memo[key]


def checked_syntaxes(entry: Entry, context: CatalogContext) -> tuple[Syntax, ...]:
    """The syntaxes the message declares, in the catalog or in the template (msgmerge
    copies the template's flags; a catalog that lost one still formats the same way)."""
    template = context.template_index.get(entry.key)
    flags = entry.flags + (template.flags if template is not None else ())
    negated = negated_syntaxes(entry.flags)
    return tuple(syntax for syntax in declared_syntaxes(flags) if syntax not in negated)


def _entry_issues(entry: Entry, context: CatalogContext) -> Iterator[Issue]:
    usage = _form_usage(entry, context) if entry.is_plural else None
    for syntax in checked_syntaxes(entry, context):
        msgid = parse(entry.msgid, syntax)
        reference = parse(entry.msgid_plural, syntax) if entry.is_plural else msgid
        if not reference.usable:
            continue  # P113 says so; msgfmt does not compare either (it reads msgid_plural only)
        ref = _uses(reference)
        numbers = _number_candidates(msgid, reference) if entry.is_plural else frozenset()
        python_tuple = syntax is Syntax.PYTHON and any(isinstance(k, int) for k in ref)
        for index, text in enumerate(entry.msgstr):
            if not text:
                continue
            translation = parse(text, syntax)
            values = usage[index] if usage is not None and index < len(usage) else None
            form = _Form(index if entry.is_plural else None, values, numbers, python_tuple)
            # A lone "}" copied from a source that has one is the source's fault (P113).
            errors = [e for e in translation.errors if e.fatal or reference.valid]
            if errors:
                yield Issue(Kind.INVALID, form.index, f"not a valid {syntax.flag} string: {errors[0].message}")
            if translation.usable:
                yield from _compare(reference, ref, translation, form)


def _compare(reference: FormatString, ref: dict, translation: FormatString, form: _Form) -> Iterator[Issue]:
    """Compare the arguments of one form with the source's, by name or by position."""
    got = _uses(translation)
    if ref and got and all(isinstance(k, int) for k in (*ref, *got)):
        yield from _compare_positions(reference, ref, translation, got, form)
        return
    missing = [k for k in ref if k not in got]
    added = [k for k in got if k not in ref]
    if form.single and len(missing) > len(added):
        missing = _without_number(missing, form)
    for old, new in zip(missing, added):
        yield Issue(Kind.RENAMED, form.index, f"{_show(ref[old], True)} became {_show(got[new], True)}")
    yield from _missing(ref, missing[len(added):], form)
    for new in added[len(missing):]:
        yield _added(got[new], form)
    for key in ref:
        if key in got:
            yield from _conversion(ref[key], got[key], form.index)


def _compare_positions(
    reference: FormatString, ref: dict, translation: FormatString, got: dict, form: _Form
) -> Iterator[Issue]:
    """Unnamed arguments (``%s``, C's ``%2$s``): the n-th placeholder takes the n-th argument."""
    ref_types = [_form_of(ref[k][0]) for k in sorted(ref)]
    got_types = [_form_of(got[k][0]) for k in sorted(got)]
    if ref_types == got_types:
        return
    numbered = any(p.explicit for p in translation.directives)
    if not numbered and len(ref_types) == len(got_types) and sorted(ref_types) == sorted(got_types):
        yield Issue(Kind.ORDER, form.index, _order_message(reference, translation))
        return
    kept = _subsequence(got_types, ref_types) if not numbered else None
    if kept is not None:  # some left out, the others in order
        gone = [k for i, k in enumerate(sorted(ref)) if i not in kept]
        if reference.syntax is Syntax.C and any(k <= len(got_types) for k in gone):
            yield Issue(Kind.ORDER, form.index, f"leaving out {_show(ref[gone[0]])} shifts the arguments after it; "
                        f"keep it, or number the others ({_numbered(reference, gone)})")
            return
        yield from _missing(ref, _without_number(gone, form) if form.single else gone, form)
        return
    extra = _subsequence(ref_types, got_types) if not numbered else None
    if extra is not None:  # some added, the others in order
        for i, key in enumerate(sorted(got)):
            if i not in extra:
                yield _added(got[key], form)
        return
    missing = [k for k in sorted(ref) if k not in got]
    trailing = [k for k in missing if k > max(got)]
    yield from _missing(ref, _without_number(missing, form) if form.single and trailing == missing else missing, form)
    for key in sorted(got):
        if key not in ref:
            yield _added(got[key], form, key)
        else:
            yield from _conversion(ref[key], got[key], form.index)


def _without_number(keys: list, form: _Form) -> list:
    """The missing arguments but the number, which a form for one value of n may leave out."""
    number = next((k for k in keys if k in form.numbers), None)
    return [k for k in keys if k != number]


def _missing(ref: dict, keys: Iterable, form: _Form) -> Iterator[Issue]:
    for key in keys:
        shown = _show(ref[key])
        where = f" (argument {key})" if isinstance(key, int) and ref[key][0].syntax is Syntax.C else ""
        if form.index is not None and form.numbers == {key} and not form.single:
            if form.python_tuple:
                yield Issue(Kind.NUMBER, form.index, f"the number {shown} is missing: with unnamed placeholders "
                            "Python needs every argument in every form (\"not all arguments converted\")")
            else:
                yield Issue(Kind.NUMBER, form.index, f"the number {shown}{where} is missing, but this form is "
                            f"used for {_values(form.values)}")
        elif form.single:
            yield Issue(Kind.MISSING, form.index, f"placeholder {shown}{where} of the source is missing; gettext "
                        f"allows it in this form, used only for {_values(form.values)}, but the reader loses the "
                        "value", Severity.WARNING)
        else:
            yield Issue(Kind.MISSING, form.index, f"placeholder {shown}{where} of the source is missing")


def _added(uses: list[Placeholder], form: _Form, key: int | None = None) -> Issue:
    where = f" (argument {key})" if key is not None else ""
    return Issue(Kind.ADDED, form.index, f"placeholder {_show(uses)}{where} is not in the source{_percent_hint(uses)}")


def _conversion(ref: list[Placeholder], got: list[Placeholder], form: int | None) -> Iterator[Issue]:
    """One argument converted otherwise: another type, or (braces) another spec as written."""
    wanted, have = {_form_of(p) for p in ref}, {_form_of(p) for p in got}
    changed = next(((ref[0], p) for p in got if _form_of(p) not in wanted), None)
    changed = changed or next(((p, got[0]) for p in ref if _form_of(p) not in have), None)
    if changed is None:
        return
    old, new = changed
    if new.syntax is not Syntax.PYTHON_BRACE:
        what = f"{old.type} became {new.type}"
    elif old.explicit != new.explicit:
        what = "numbered and automatic fields differ (msgfmt cannot read {})"
    else:
        what = "the conversion or format spec changed"
    yield Issue(Kind.CONVERSION, form, f"{_show(old, True)} became {_show(new, True)}: {what}")


def _uses(string: FormatString) -> dict:
    """Argument → the placeholders that take it, in order of first use.

    A ``*`` width or precision takes an integer argument of its own.
    """
    uses: dict = {}
    for p in string.directives:
        if p.argument is not None:
            uses.setdefault(p.argument, []).append(p)
        for star in (p.width_position, p.precision_position):
            if star is not None:
                uses.setdefault(star, []).append(_star(p))
    return uses


def _star(p: Placeholder) -> Placeholder:
    """The integer argument a ``*`` takes, shown as its directive."""
    integer = "int" if p.syntax is Syntax.C else "integer"
    return Placeholder(p.syntax, p.text, p.start, p.end, type=integer, conversion="*")


def _form_of(p: Placeholder) -> str:
    """What must stay the same for one argument: its type; for braces, as msgfmt compares
    them, the conversion and the spec as written, and whether the field is numbered."""
    if p.syntax is Syntax.PYTHON_BRACE:
        return f"{p.explicit}!{p.conversion}:{p.spec}" if p.spec is not None else f"{p.explicit}!{p.conversion}"
    return p.type


def _show(uses: list[Placeholder] | Placeholder, quoted: bool = False) -> str:
    """A placeholder as written; quoted in "became" messages, and when it holds a space."""
    p = uses[0] if isinstance(uses, list) else uses
    if p.conversion == "*":
        return f'the * of "{p.text}"' if quoted else f"the * of {p.text}"
    return f'"{p.text}"' if quoted or any(c.isspace() for c in p.text) else p.text


def _subsequence(short: list[str], long: list[str]) -> set[int] | None:
    """Indexes of ``long`` that spell ``short`` in order (greedy), or None."""
    kept, at = set(), 0
    for item in short:
        while at < len(long) and long[at] != item:
            at += 1
        if at == len(long):
            return None
        kept.add(at)
        at += 1
    return kept


def _order_message(reference: FormatString, translation: FormatString) -> str:
    before = " … ".join(p.text for p in reference.directives)
    after = " … ".join(p.text for p in translation.directives)
    if reference.syntax is Syntax.PYTHON:
        return (f"the placeholders are in another order: \"{before}\" became \"{after}\"; unnamed python-format "
                "placeholders cannot be reordered (the source needs named ones, %(name)s)")
    free = {p.position: p for p in reference.directives if p.position is not None}
    suggestion = []
    for p in (p for p in translation.directives if p.position is not None):
        match = next((k for k, q in sorted(free.items()) if q.type == p.type), None)
        if match is None:
            break
        suggestion.append(p.text.replace("%", f"%{match}$", 1))
        free.pop(match)
    complete = len(suggestion) == sum(p.position is not None for p in translation.directives)
    hint = f"; number them to reorder: \"{' … '.join(suggestion)}\"" if complete else ""
    return f"the arguments are in another order: \"{before}\" became \"{after}\"{hint}"


def _numbered(reference: FormatString, gone: list[int]) -> str:
    return " … ".join(p.text.replace("%", f"%{p.position}$", 1) for p in reference.directives
                      if p.position is not None and p.position not in gone)


def _percent_hint(uses: list[Placeholder]) -> str:
    p = uses[0]
    if p.syntax is not Syntax.PYTHON_BRACE and " " in p.flags:
        return "; a percent sign before a space starts a placeholder: write %%"
    return ""


def _values(values: tuple[int, ...] | None) -> str:
    if not values:
        return "no n"
    if len(values) == len(NUMBERS):
        return "every n"
    shown = ", ".join(str(n) for n in values[:6])
    return f"n = {shown}{', …' if len(values) > 6 else ''}"


def _number_candidates(msgid: FormatString, plural: FormatString) -> frozenset:
    """The argument(s) that may hold n: what msgid_plural has and msgid lacks ("One file" /
    "%d files"), else a count-like name (``%(count)s`` too: Django formats numbers with
    ``%s``), else any integer argument, else the only argument there is."""
    ref = {k: ps for k, ps in _uses(plural).items() if ps[0].conversion != "*"}
    integer = {k for k, ps in ref.items() if ps[0].type in _INTEGER_TYPES}
    only_plural = {k for k in ref if k not in _uses(msgid)} if msgid.usable else set()
    counted = {k for k in ref if isinstance(k, str) and _COUNT_NAMES.search(re.sub(r"\W.*", "", k))}
    sole = set(ref) if len(ref) == 1 else set()
    for group in (only_plural & integer, only_plural & counted, counted, only_plural, integer, sole):
        if group:
            return frozenset(group)
    return frozenset()


_INTEGER_TYPES = frozenset({
    "integer", "any", "int", "unsigned int", "short", "unsigned short", "long", "unsigned long",
    "long long", "unsigned long long", "signed char", "unsigned char", "intmax_t", "uintmax_t",
    "ssize_t", "size_t", "ptrdiff_t", "unsigned ptrdiff_t", "intptr_t", "uintptr_t",
    *(f"{u}int{kind}{bits}_t" for u in ("", "u") for kind in ("", "_least", "_fast") for bits in (8, 16, 32, 64)),
})
"""Types that can hold n: integers of any size (and brace fields, which take anything)."""


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
    memo = context.memo.setdefault("placeholder_form_usage", {})
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


def _report(kind: Kind, entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """One problem per distinct message, naming the forms unless every form has it."""
    by_message: dict[tuple[str, Severity | None], list[int | None]] = {}
    for issue in placeholder_issues(entry, context):
        if issue.kind is kind:
            forms = by_message.setdefault((issue.message, issue.severity), [])
            if issue.form not in forms:
                forms.append(issue.form)
    filled = [i for i, form in enumerate(entry.msgstr) if form]
    for (message, severity), forms in by_message.items():
        if entry.is_plural and sorted(forms) != filled:
            message = ", ".join(f"msgstr[{form}]" for form in forms) + ": " + message
        yield Problem(message, severity=severity)


@register("P101", "placeholder-missing", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder of the source is absent from the translation.

    The value the program passes is never shown: a name, an amount, a date is lost.  With
    unnamed python-format placeholders Python even raises ``not all arguments converted``.
    Fuzzy messages are not checked (as msgfmt); a plural with some forms filled is.  In a
    plural form that one value of n selects, gettext accepts it: there it is a warning.

    Bad: ``msgid "The file %(filename)s is too large."`` → ``msgstr "Le fichier est trop volumineux."``.
    Good: ``msgstr "Le fichier %(filename)s est trop volumineux."``.
    """
    yield from _report(Kind.MISSING, entry, context)


@register("P102", "placeholder-added", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_added(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a placeholder that the source does not have.

    The program passes no value for it: Python raises ``KeyError`` or ``not enough
    arguments``, C's printf reads garbage.  Often it is a percent sign: ``50 % des`` is the
    placeholder ``% d`` in python-format and c-format, write ``50 %% des``.

    Bad: ``msgid "50% of victims"`` (python-format, ``50%%``) → ``msgstr "50 % des victimes"``.
    Good: ``msgstr "50 %% des victimes"``.
    """
    yield from _report(Kind.ADDED, entry, context)


@register("P103", "placeholder-renamed", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_renamed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder's name was changed, often translated.

    Placeholder names are code: the program passes ``count``, not ``nombre``, so the page
    fails with ``KeyError``.

    Bad: ``msgid "{count} files"`` → ``msgstr "{nombre} fichiers"``; ``%(count)d`` → ``%(nombre)d``.
    Good: ``msgstr "{count} fichiers"``.
    """
    yield from _report(Kind.RENAMED, entry, context)


@register("P104", "placeholder-conversion-changed", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_conversion_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A placeholder converts its value differently from the source.

    ``%s`` where the program passes a number may work, ``%d`` where it passes text
    raises; in C a wrong type is undefined behaviour (``%ld`` is not ``%d``).  For brace
    placeholders the conversion (``!r``) and the format spec (``:>10``) must be kept as
    written, as msgfmt requires.  Width and precision of ``%`` placeholders may change.

    Bad: ``msgid "%(count)d victims"`` → ``msgstr "%(count)s victimes"``.
    Good: ``msgstr "%(count)d victimes"``.
    """
    yield from _report(Kind.CONVERSION, entry, context)


@register("P105", "placeholder-order-changed", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_order_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """Unnamed placeholders are in another order than the source's, where order is meaning.

    Python's ``%`` fills unnamed placeholders in order, and so does C's printf unless they
    are numbered: swapped, the name lands where the number goes.  C translations reorder
    with numbered arguments (``%2$s``); named placeholders and ``{0}`` fields may move freely.

    Bad: ``msgid "%s has %d files"`` (c-format) → ``msgstr "%d fichiers pour %s"``.
    Good: ``msgstr "%2$d fichiers pour %1$s"``.
    """
    yield from _report(Kind.ORDER, entry, context)


@register("P106", "placeholder-malformed", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def placeholder_malformed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is not a valid format string of its syntax.

    An unclosed ``%(count``, a lone ``%`` or ``{``, named and unnamed placeholders
    mixed: the formatting function raises before anything is shown, and msgfmt refuses
    the catalog.

    Bad: ``msgstr "Il reste %(count)d caractères (100 % gratuit)"`` (python-format).
    Good: ``msgstr "Il reste %(count)d caractères (100 %% gratuit)"``.
    """
    yield from _report(Kind.INVALID, entry, context)


@register("P211", "plural-form-missing-number", Scope.ENTRY, Severity.ERROR, applies=Applies.ACTIVE)
def plural_form_missing_number(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A plural form leaves out the number although it is used for several numbers.

    gettext lets a form that one value of n selects (``n == 1``; Arabic's 0, 1 and 2)
    say "one file" instead of "1 file".  A form used for more numbers (French ``n <= 1``
    covers 0 and 1; Russian's first form 1, 21, 31 …) must show which one.  Unnamed
    python-format placeholders can never be left out: Python raises.

    Bad: ``msgstr[0] "Un fichier joint"`` in French, where msgstr[0] is also used for 0.
    Good: ``msgstr[0] "{count} fichier joint"``.
    """
    yield from _report(Kind.NUMBER, entry, context)


# --- the source and its flags ---------------------------------------------------------

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
    ours = {syntax.flag for syntax in Syntax}
    for flag in entry.flags:
        if re.fullmatch(r"(?!no-)[a-z0-9-]+-format", flag) and flag.removeprefix("possible-") not in ours:
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


__all__ = ["Issue", "Kind", "checked_syntaxes", "placeholder_issues"]
