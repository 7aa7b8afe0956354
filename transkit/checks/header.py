"""The catalog header (family ``H``, from ``H102``): language, plural rule, charset, dates.

One header per catalog, so these are catalog checks; they point at the header's line.
``H101`` (the Language header against the path) lives in :mod:`transkit.checks.language`.

Plural rules are judged by evaluating them (:mod:`transkit.pluralexpression`) on
n = 0…1000 and a few exact millions, and compared with the rules CLDR,
weblate-language-data and the GNU gettext manual give for the language
(:mod:`transkit.pluralrules`) by the way they group numbers, never by their text:
``(n > 1)`` and ``n>1`` are the same rule.  A valid language that no table knows gets
the structural checks only.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import langcodes

from transkit.engine import CatalogContext
from transkit.languages import to_tag
from transkit.model import Catalog, Entry
from transkit.pluralexpression import PluralFormsError
from transkit.pluralforms import PluralForms, parse_plural_forms
from transkit.pluralrules import (
    LARGE_NUMBERS,
    SAMPLE,
    KnownRule,
    first_difference,
    known_rules,
    partition,
)
from transkit.registry import Problem, Scope, register
from transkit.report import Severity

_GERMANIC = "nplurals=2; plural=(n != 1)"


# ------------------------------------------------------------------------- language


@register("H102", "language-header-missing", Scope.CATALOG, Severity.WARNING)
def language_header_missing(context: CatalogContext) -> Iterator[Problem]:
    """The catalog has no ``Language`` header.

    Editors, ``msgfmt --check-header`` and translation platforms read the language from
    the header, not from the file name; without it a catalog moved or renamed loses
    its language, and with neither header nor path language transkit cannot check its
    plural rule or its script.

    Bad: a header without ``"Language: ..."``.
    Good: ``"Language: fa\\n"`` in ``fa/LC_MESSAGES/site.po``.
    """
    catalog = context.catalog
    if catalog.header_language:
        return
    if catalog.path_language:
        yield Problem(
            f"no Language header (the path says {catalog.path_language!r}): add \"Language: {catalog.path_language}\"",
            line=catalog.header_line,
        )
    else:
        yield Problem(
            "no Language header, and the path names no language: plural rules and language checks cannot be applied",
            line=catalog.header_line,
        )


@register("H103", "language-code-invalid", Scope.CATALOG, Severity.ERROR)
def language_code_invalid(context: CatalogContext) -> Iterator[Problem]:
    """The ``Language`` header is not a valid language code.

    gettext looks up plural rules and locale data by this code; a name (``French``) or a
    made-up code (``en_UK``) is matched to nothing, so tools guess or fall back to
    English rules.  The message suggests the code langcodes recognises, when it can.

    Bad: ``"Language: French\\n"``, ``"Language: en_UK\\n"``.
    Good: ``"Language: fr\\n"``, ``"Language: en_GB\\n"``.
    """
    value = context.catalog.header_language
    if not value or to_tag(value) is not None:
        return
    suggestion = suggest_language_code(value)
    hint = f"; did you mean {suggestion!r}?" if suggestion else ""
    yield Problem(f"Language {value!r} is not a valid language code{hint}", line=context.catalog.header_line)


def suggest_language_code(value: str) -> str | None:
    """A valid gettext code for a wrong one: ``en_UK`` → ``en_GB``, ``French`` → ``fr``."""
    text = value.strip().replace("_", "-")
    try:
        standard = langcodes.standardize_tag(text)
    except (langcodes.LanguageTagError, ValueError):
        standard = None
    if standard and to_tag(standard):
        return standard.replace("-", "_")
    if len(text) >= 3 and re.fullmatch(r"[^\W\d_][^\d_]*", text.replace("-", " ")):
        try:  # a language name, in English or in the language itself
            found = langcodes.find(text).to_tag()
        except LookupError:
            return None
        return found.replace("-", "_") if to_tag(found) else None
    return None


# ---------------------------------------------------------------------- plural forms


@dataclass(frozen=True)
class PluralState:
    """What a catalog's Plural-Forms says, parsed and evaluated once for every check."""

    value: str | None
    forms: PluralForms | None = None
    error: str | None = None
    indexes: tuple[int, ...] | None = None
    """The index for each number of :data:`SAMPLE`, when the expression evaluates."""


def plural_state(context: CatalogContext) -> PluralState:
    """The catalog's plural rule, computed once per catalog (shared with ``P201``)."""
    memo = context.memo
    if "plural_state" not in memo:
        memo["plural_state"] = _plural_state(context.catalog)
    return memo["plural_state"]


def _plural_state(catalog: Catalog) -> PluralState:
    value = catalog.header_field("Plural-Forms")
    if value is None or not value.strip():
        return PluralState(None)
    try:
        forms = parse_plural_forms(value)
    except PluralFormsError as error:
        return PluralState(
            value, error=f"Plural-Forms cannot be parsed ({error.message}), so gettext falls back to {_GERMANIC}"
        )
    try:
        indexes = tuple(forms.plural.evaluate(SAMPLE))
    except PluralFormsError as error:
        return PluralState(
            value, forms, error=f"plural={forms.plural.source} cannot be evaluated: {error.message} (msgfmt --check rejects it)"
        )
    return PluralState(value, forms, indexes=indexes)


def _rules_for(catalog: Catalog) -> tuple[KnownRule, ...]:
    return known_rules(catalog.language.tag) if catalog.language else ()


@register("H104", "plural-forms-missing", Scope.CATALOG, Severity.ERROR)
def plural_forms_missing(context: CatalogContext) -> Iterator[Problem]:
    """The catalog has no ``Plural-Forms`` header.

    Without it gettext uses English's rule (two forms, singular for 1 only), which is
    wrong for most languages: French would say « 0 fichiers », Arabic and Chinese get
    the wrong number of forms.  An error when the catalog has plural messages, a
    warning otherwise (it matters as soon as one arrives).

    Bad: a header without ``Plural-Forms``, and ``msgid_plural`` entries below it.
    Good: ``"Plural-Forms: nplurals=2; plural=(n > 1);\\n"`` in a French catalog.
    """
    catalog = context.catalog
    if plural_state(context).value is not None:
        return
    plurals = sum(1 for entry in catalog.active_entries if entry.is_plural)
    rules = _rules_for(catalog)
    hint = f"; for {catalog.language.english_name}: {rules[0].header}" if rules and catalog.language else ""
    if plurals:
        messages = "1 plural message" if plurals == 1 else f"{plurals} plural messages"
        yield Problem(
            f"no Plural-Forms header for {messages}: gettext falls back to {_GERMANIC}{hint}",
            line=catalog.header_line,
        )
    else:
        yield Problem(
            f"no Plural-Forms header: plural messages would fall back to {_GERMANIC}{hint}",
            line=catalog.header_line,
            severity=Severity.WARNING,
        )


@register("H105", "plural-forms-invalid", Scope.CATALOG, Severity.ERROR)
def plural_forms_invalid(context: CatalogContext) -> Iterator[Problem]:
    """The ``Plural-Forms`` header cannot be parsed or evaluated by gettext.

    gettext ignores a header it cannot parse and uses ``nplurals=2; plural=(n != 1)``,
    so plural messages show the wrong form for some numbers: syntax errors, the
    template's ``nplurals=INTEGER`` placeholder, a space in ``nplurals =``, and C
    operators GNU gettext's grammar lacks (unary ``-``, ``+``, ``~``).  An expression
    that divides by zero for some n is refused by ``msgfmt --check``.

    Bad: ``"Plural-Forms: nplurals=2; plural=(n > 1;\\n"``.
    Good: ``"Plural-Forms: nplurals=2; plural=(n > 1);\\n"``.
    """
    state = plural_state(context)
    line = context.catalog.header_line
    if state.error:
        yield Problem(state.error, line=line)
    if state.forms is not None and state.forms.plural.operators:
        used = ", ".join(f"'{op}'" for op in sorted(state.forms.plural.operators))
        yield Problem(
            f"plural={state.forms.plural.source} uses {used}, which GNU gettext cannot parse: "
            f"programs fall back to {_GERMANIC}",
            line=line,
        )


@register("H106", "plural-index-out-of-range", Scope.CATALOG, Severity.ERROR)
def plural_index_out_of_range(context: CatalogContext) -> Iterator[Problem]:
    """The plural expression selects a form the catalog does not have.

    With ``nplurals=2`` only ``msgstr[0]`` and ``msgstr[1]`` exist; an expression that
    gives 2 (or a negative number) for some n makes gettext show the English source
    for those numbers.  The message names the first such n.

    Bad: ``nplurals=2; plural=(n == 1 ? 0 : n == 2 ? 1 : 2);``.
    Good: ``nplurals=3; plural=(n == 1 ? 0 : n == 2 ? 1 : 2);``.
    """
    state = plural_state(context)
    if state.forms is None or state.indexes is None:
        return
    first = _first_out_of_range(state)
    if first is not None:
        n, index = first
        nplurals = state.forms.nplurals
        yield Problem(
            f"plural={state.forms.plural.source} gives {index} for n = {n}, "
            f"but nplurals={nplurals} allows only 0…{nplurals - 1}",
            line=context.catalog.header_line,
        )


def _first_out_of_range(state: PluralState) -> tuple[int, int] | None:
    assert state.forms is not None and state.indexes is not None
    for n, index in zip(SAMPLE, state.indexes):
        if not 0 <= index < state.forms.nplurals:
            return n, index
    return None


@register("H107", "plural-form-unused", Scope.CATALOG, Severity.WARNING)
def plural_form_unused(context: CatalogContext) -> Iterator[Problem]:
    """The plural expression never selects one of the catalog's forms.

    Translators must still fill that ``msgstr[i]`` in every plural message, for no
    reader; often the expression and ``nplurals`` were copied from different places.
    Numbers 0…1000 and a few exact millions are tried (CLDR's French, Spanish and
    Italian ``many`` form is for millions).

    Bad: ``nplurals=3; plural=(n > 1);``.
    Good: ``nplurals=2; plural=(n > 1);``.
    """
    state = plural_state(context)
    if state.forms is None or state.indexes is None:
        return
    used = set(state.indexes)
    unused = [i for i in range(state.forms.nplurals) if i not in used]
    if unused:
        forms = ", ".join(f"msgstr[{i}]" for i in unused)
        yield Problem(
            f"plural={state.forms.plural.source} never selects {forms} "
            f"(tried n = 0…1000 and {len(LARGE_NUMBERS)} larger numbers up to {LARGE_NUMBERS[-1]:,})",
            line=context.catalog.header_line,
        )


@register("H108", "plural-count-unexpected", Scope.CATALOG, Severity.ERROR)
def plural_count_unexpected(context: CatalogContext) -> Iterator[Problem]:
    """``nplurals`` is not the number of forms any reference gives for the language.

    A language has the forms its grammar has: with too few, some numbers get a
    grammatically wrong form; with too many, translators invent distinctions.  CLDR and
    GNU gettext's tradition sometimes differ (French: 3 or 2) and both are accepted.
    A language no reference knows is not judged.

    Bad: ``"Language: ar"`` with ``nplurals=2; plural=(n != 1);``.
    Good: ``"Language: ar"`` with ``nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);``.
    """
    state = plural_state(context)
    catalog = context.catalog
    rules = _rules_for(catalog)
    if state.forms is None or not rules or catalog.language is None:
        return
    if any(rule.nplurals == state.forms.nplurals for rule in rules):
        return
    counts: dict[int, list[str]] = {}
    for rule in rules:
        sources = counts.setdefault(rule.nplurals, [])
        sources.extend(s for s in rule.sources if s not in sources)
    parts = [f"{count} ({', '.join(sources)})" for count, sources in sorted(counts.items())]
    parts[0] = parts[0].replace(" (", " form (" if parts[0].startswith("1 ") else " forms (", 1)
    yield Problem(
        f"nplurals={state.forms.nplurals}, but {catalog.language.english_name} has {' or '.join(parts)}; "
        f"for example {rules[0].header}",
        line=catalog.header_line,
    )


@register("H109", "plural-rule-unexpected", Scope.CATALOG, Severity.WARNING)
def plural_rule_unexpected(context: CatalogContext) -> Iterator[Problem]:
    """The plural expression groups numbers unlike every reference rule with that ``nplurals``.

    The count of forms is right but some numbers get another number's form: a French
    catalog with ``(n != 1)`` says « 0 fichiers » where French says « 0 fichier ».
    Rules are compared by the numbers they group together, so a different spelling of
    the same rule, or forms numbered in another order, is not reported.

    Bad: ``"Language: fr"`` with ``nplurals=2; plural=(n != 1);``.
    Good: ``"Language: fr"`` with ``nplurals=2; plural=(n > 1);``.
    """
    state = plural_state(context)
    catalog = context.catalog
    if state.forms is None or state.indexes is None or catalog.language is None:
        return
    if _first_out_of_range(state) is not None:
        return  # H106 already says the rule is broken
    same_count = [rule for rule in _rules_for(catalog) if rule.nplurals == state.forms.nplurals]
    if not same_count:
        return  # H108, or no reference for the language
    groups = partition(state.indexes)
    if any(rule.partition == groups for rule in same_count):
        return
    rule = same_count[0]
    yield Problem(
        f"plural={state.forms.plural.source} groups numbers unlike {catalog.language.english_name}'s "
        f"plural={rule.plural} ({', '.join(rule.sources)}): {_explain(groups, rule.partition)}",
        line=catalog.header_line,
    )


def _explain(here: tuple[int, ...], reference: tuple[int, ...]) -> str:
    """The first number grouped differently, said as which smaller number it goes with."""
    n = first_difference(here, reference)
    if n is None:
        return "they agree"
    k = SAMPLE.index(n)
    with_here = next((SAMPLE[i] for i in range(k) if here[i] == here[k]), None)
    with_reference = next((SAMPLE[i] for i in range(k) if reference[i] == reference[k]), None)
    here_text = "a form of its own" if with_here is None else f"that of n = {with_here}"
    if with_reference is not None:
        return f"there n = {n} takes the form of n = {with_reference}, here {here_text}"
    return f"there n = {n} takes a form of its own, here {here_text}"


# ------------------------------------------------------------------- charset, dates

_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)


@register("H110", "charset-not-utf8", Scope.CATALOG, Severity.WARNING)
def charset_not_utf8(context: CatalogContext) -> Iterator[Problem]:
    """The catalog's ``Content-Type`` declares no charset, or one other than UTF-8.

    A legacy charset cannot hold every language's letters, so the next translator or
    merge corrupts them; a missing charset or a non-portable spelling (``utf8``) makes
    ``msgfmt`` warn and message conversion fail on some systems.

    Bad: ``"Content-Type: text/plain; charset=ISO-8859-1\\n"``.
    Good: ``"Content-Type: text/plain; charset=UTF-8\\n"``.
    """
    value = context.catalog.header_field("Content-Type")
    line = context.catalog.header_line
    match = _CHARSET.search(value or "")
    if match is None:
        yield Problem("Content-Type declares no charset: write \"Content-Type: text/plain; charset=UTF-8\"", line=line)
        return
    name = match.group(1).strip("\"'")
    if name.upper() == "UTF-8":
        return
    if name.upper() == "CHARSET":
        yield Problem("charset is still the template's placeholder CHARSET: write charset=UTF-8", line=line)
        return
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        canonical = ""
    if canonical == "utf-8":
        yield Problem(f"charset {name!r} is not the portable name: write charset=UTF-8", line=line)
    else:
        yield Problem(f"charset is {name}, not UTF-8: convert the catalog (msgconv --to-code=UTF-8)", line=line)


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})([+-])(\d{2})(\d{2})")
_DATE_PLACEHOLDER = "YEAR-MO-DA HO:MI+ZONE"


@register("H111", "header-date-malformed", Scope.CATALOG, Severity.WARNING)
def header_date_malformed(context: CatalogContext) -> Iterator[Problem]:
    """A ``POT-Creation-Date`` or ``PO-Revision-Date`` is not ``YYYY-MM-DD HH:MM+ZZZZ``.

    Tools compare these dates to tell whether a catalog is older than its template
    (``C106``) and to sort revisions; a date they cannot read hides that.  In a catalog
    the template's ``YEAR-MO-DA HO:MI+ZONE`` placeholder means the header was never
    filled in.  An absent date is not reported.

    Bad: ``"PO-Revision-Date: 18/07/2023 11:20\\n"``.
    Good: ``"PO-Revision-Date: 2023-07-18 11:20+0200\\n"``.
    """
    catalog = context.catalog
    for name in ("POT-Creation-Date", "PO-Revision-Date"):
        value = catalog.header_field(name)
        if value is None:
            continue
        reason = _date_problem(value.strip())
        if reason:
            yield Problem(f"{name} {value.strip()!r} {reason}", line=catalog.header_line)


def _date_problem(value: str) -> str | None:
    if value == _DATE_PLACEHOLDER:
        return "is still the template's placeholder"
    match = _DATE.fullmatch(value)
    if match is None:
        return "is not YYYY-MM-DD HH:MM+ZZZZ"
    year, month, day, hour, minute, _sign, zone_hours, zone_minutes = match.groups()
    try:
        dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError as error:
        return f"is not a real date and time ({error})"
    if int(zone_hours) > 14 or int(zone_minutes) > 59:
        return "has an impossible time zone offset"
    return None


# -------------------------------------------------------------------- near duplicates


def _visible(text: str) -> str:
    """What a translator sees: composed characters, whitespace runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@register("H112", "near-duplicate-message", Scope.CATALOG, Severity.WARNING)
def near_duplicate_message(context: CatalogContext) -> Iterator[Problem]:
    """Two messages differ only in whitespace or Unicode normalisation.

    gettext refuses exact duplicates (the loader reports them), but ``"Send"`` and
    ``"Send "``, or ``"é"`` composed and decomposed, are two messages to gettext that a
    translator sees as one: one gets translated, the other is left behind or drifts.
    Usually the source code should use one string.  Reported at the later message.

    Bad: ``msgid "Report a case"`` and ``msgid "Report a case "`` in one catalog.
    Good: one ``msgid "Report a case"``.
    """
    seen: dict[tuple[str, str], Entry] = {}
    for entry in context.catalog.entries:
        if entry.obsolete:
            continue
        key = (_visible(entry.msgctxt or ""), _visible(entry.msgid))
        first = seen.setdefault(key, entry)
        if first is entry:
            continue
        yield Problem(
            f"differs from the message at line {first.line} only by {_difference(first, entry)}",
            line=entry.line,
            msgctxt=entry.msgctxt,
            msgid=entry.msgid,
        )


def _difference(first: Entry, second: Entry) -> str:
    parts = []
    for what, a, b in (("msgctxt", first.msgctxt, second.msgctxt), ("msgid", first.msgid, second.msgid)):
        if a == b:
            continue
        if not a and not b:
            parts.append("an empty msgctxt against none")
            continue
        a, b = a or "", b or ""
        if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b):
            parts.append(f"Unicode normalisation of the {what} (composed vs decomposed characters)")
        elif a.rstrip() == b.rstrip():
            parts.append(f"trailing whitespace in the {what}")
        elif a.lstrip() == b.lstrip():
            parts.append(f"leading whitespace in the {what}")
        else:
            parts.append(f"whitespace in the {what}")
    return " and ".join(parts)
