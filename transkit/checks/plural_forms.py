"""The Plural-Forms header (H104-H109): present, parseable, in range, and right for the
language by either CLDR or GNU gettext's table, judged by evaluating the expression.

The header is parsed and evaluated once per catalog (``plural_state``) and shared by
these checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transkit.checks.api import CatalogContext, Fix, Problem, Severity, catalog_check
from transkit.i18n import L_, Ln_, Message
from transkit.model.catalog import Catalog
from transkit.po.plural_expression import PluralFormsError
from transkit.po.plural_forms import PluralForms, parse_plural_forms
from transkit.po.plural_rules import (
    LARGE_NUMBERS,
    SAMPLE,
    KnownRule,
    first_difference,
    known_rules,
    partition,
)

_GERMANIC = "nplurals=2; plural=(n != 1)"
"""What gettext falls back to when a catalog has no usable Plural-Forms."""


@dataclass(frozen=True)
class PluralState:
    """What a catalog's Plural-Forms says, parsed and evaluated once for every check."""

    value: str | None
    forms: PluralForms | None = None
    error: str | None = None
    indexes: tuple[int, ...] | None = None
    """The index for each number of :data:`SAMPLE`, when the expression evaluates."""


def plural_state(context: CatalogContext) -> PluralState:
    """The catalog's plural rule, computed once per catalog for the header checks."""
    return context.per_catalog(_plural_state)


def _plural_state(context: CatalogContext) -> PluralState:
    value = context.catalog.header_field("Plural-Forms")
    if value is None or not value.strip():
        return PluralState(None)
    try:
        forms = parse_plural_forms(value)
    except PluralFormsError as error:
        return PluralState(
            value,
            error=L_(
                "Plural-Forms cannot be parsed ({error}), so gettext falls back to {fallback}",
                error=error.message,
                fallback=_GERMANIC,
            ),
        )
    try:
        indexes = tuple(forms.plural.evaluate(SAMPLE))
    except PluralFormsError as error:
        return PluralState(
            value,
            forms,
            error=L_(
                "plural={expression} cannot be evaluated: {error} (msgfmt --check rejects it)",
                expression=forms.plural.source,
                error=error.message,
            ),
        )
    return PluralState(value, forms, indexes=indexes)


def _rules_for(catalog: Catalog) -> tuple[KnownRule, ...]:
    return known_rules(catalog.language.tag) if catalog.language else ()


@catalog_check(
    "H104",
    "plural-forms-missing",
    Severity.ERROR,
    fixes="adds the language's CLDR Plural-Forms, when every plural message already has its number of forms",
)
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
    language, header = (catalog.language.english_name, rules[0].header) if rules and catalog.language else ("", "")
    # A header whose nplurals the plural messages do not have would fail msgfmt -c.
    fits = rules and all(len(e.msgstr) == rules[0].nplurals for e in catalog.active_entries if e.is_plural)
    fix = Fix(header=(("Plural-Forms", rules[0].header),)) if fits else None
    if plurals:
        yield Problem(
            Ln_(
                "no Plural-Forms header for {count} plural message: gettext falls back to {rule}; for {language}: {header}",
                "no Plural-Forms header for {count} plural messages: gettext falls back to {rule}; for {language}: {header}",
                plurals,
                rule=_GERMANIC,
                language=language,
                header=header,
            )
            if header
            else Ln_(
                "no Plural-Forms header for {count} plural message: gettext falls back to {rule}",
                "no Plural-Forms header for {count} plural messages: gettext falls back to {rule}",
                plurals,
                rule=_GERMANIC,
            ),
            line=catalog.header_line,
            fix=fix,
        )
    else:
        yield Problem(
            L_(
                "no Plural-Forms header: plural messages would fall back to {rule}; for {language}: {header}",
                rule=_GERMANIC,
                language=language,
                header=header,
            )
            if header
            else L_("no Plural-Forms header: plural messages would fall back to {rule}", rule=_GERMANIC),
            line=catalog.header_line,
            severity=Severity.WARNING,
            fix=fix,
        )


_TEMPLATE_PLACEHOLDER = re.compile(r"\s*nplurals\s*=\s*INTEGER\s*;\s*plural\s*=\s*EXPRESSION\s*;?\s*")


@catalog_check("H105", "plural-forms-invalid", Severity.ERROR)
def plural_forms_invalid(context: CatalogContext) -> Iterator[Problem]:
    """The ``Plural-Forms`` header cannot be parsed or evaluated by gettext.

    gettext ignores a header it cannot parse and uses ``nplurals=2; plural=(n != 1)``,
    so plural messages show the wrong form for some numbers: syntax errors, the
    template's ``nplurals=INTEGER`` placeholder in a catalog (in a template itself it is
    what xgettext writes), a space in ``nplurals =``, and C
    operators GNU gettext's grammar lacks (unary ``-``, ``+``, ``~``).  An expression
    that divides by zero for some n is refused by ``msgfmt --check``.

    Bad: ``"Plural-Forms: nplurals=2; plural=(n > 1;\\n"``.
    Good: ``"Plural-Forms: nplurals=2; plural=(n > 1);\\n"``.
    """
    state = plural_state(context)
    line = context.catalog.header_line
    if context.catalog.is_template and _TEMPLATE_PLACEHOLDER.fullmatch(state.value or ""):
        return  # what xgettext writes in a template: each catalog's header replaces it
    if state.error:
        yield Problem(state.error, line=line)
    if state.forms is not None and state.forms.plural.operators:
        used = ", ".join(f"'{op}'" for op in sorted(state.forms.plural.operators))
        yield Problem(
            L_(
                "plural={expression} uses {operators}, which GNU gettext cannot parse: programs fall back to {fallback}",
                expression=state.forms.plural.source,
                operators=used,
                fallback=_GERMANIC,
            ),
            line=line,
        )


@catalog_check("H106", "plural-index-out-of-range", Severity.ERROR)
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
            L_(
                "plural={expression} gives {index} for n = {n}, but nplurals={nplurals} allows only 0…{last}",
                expression=state.forms.plural.source,
                index=index,
                n=n,
                nplurals=nplurals,
                last=nplurals - 1,
            ),
            line=context.catalog.header_line,
        )


def _first_out_of_range(state: PluralState) -> tuple[int, int] | None:
    assert state.forms is not None and state.indexes is not None
    for n, index in zip(SAMPLE, state.indexes):
        if not 0 <= index < state.forms.nplurals:
            return n, index
    return None


_FRACTION_TEST = re.compile(r"n\s*%\s*1(?![0-9])")
"""``n % 1 != 0``: true of fractions only (CLDR's rules as Transifex writes them)."""


@catalog_check("H107", "plural-form-unused", Severity.WARNING)
def plural_form_unused(context: CatalogContext) -> Iterator[Problem]:
    """The plural expression never selects one of the catalog's forms.

    Translators must still fill that ``msgstr[i]`` in every plural message, for no
    reader; often the expression and ``nplurals`` were copied from different places.
    Numbers 0…1000 and a few exact millions are tried (CLDR's French, Spanish and
    Italian ``many`` form is for millions).  A last form that only fractions would
    select, or the one an ``n % 1 != 0`` test selects, one more than the language's rule
    for whole numbers has (Django's Czech, Lithuanian, Polish, Russian, Slovak catalogs:
    CLDR's form for ``1.5``), is not reported: it is there on purpose.

    Bad: ``nplurals=3; plural=(n > 1);``.
    Good: ``nplurals=2; plural=(n > 1);``.
    """
    state = plural_state(context)
    if state.forms is None or state.indexes is None:
        return
    used = set(state.indexes)
    nplurals = state.forms.nplurals
    unused = [i for i in range(nplurals) if i not in used]
    fraction_form = unused == [nplurals - 1] or (len(unused) == 1 and _FRACTION_TEST.search(state.forms.plural.source))
    if fraction_form and any(rule.nplurals == nplurals - 1 for rule in _rules_for(context.catalog)):
        return  # CLDR's form for fractions, which integers never select (see above)
    if unused:
        forms = ", ".join(f"msgstr[{i}]" for i in unused)
        yield Problem(
            L_(
                "plural={expression} never selects {forms} (tried n = 0…1000 and {count} larger numbers up to {largest})",
                expression=state.forms.plural.source,
                forms=forms,
                count=len(LARGE_NUMBERS),
                largest=f"{LARGE_NUMBERS[-1]:,}",
            ),
            line=context.catalog.header_line,
        )


@catalog_check("H108", "plural-count-unexpected", Severity.ERROR)
def plural_count_unexpected(context: CatalogContext) -> Iterator[Problem]:
    """``nplurals`` is not the number of forms any reference gives for the language.

    A language has the forms its grammar has: with too few, some numbers get a
    grammatically wrong form; with too many, translators invent distinctions.  CLDR and
    GNU gettext's tradition sometimes differ (French: 3 or 2) and both are accepted.
    A language no reference knows is not judged.  A single form where references give
    more is a warning: a language whose numerals take the singular may choose it.

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
    choices = sorted(counts.items())
    first, first_sources = choices[0]
    parts = [
        Ln_("{count} form ({sources})", "{count} forms ({sources})", first, sources=", ".join(first_sources)),
        *(L_("{count} ({sources})", count=count, sources=", ".join(sources)) for count, sources in choices[1:]),
    ]
    counts_said = parts[0]
    for part in parts[1:]:
        counts_said = L_("{first} or {second}", first=counts_said, second=part)
    yield Problem(
        L_(
            "nplurals={nplurals}, but {language} has {counts}; for example {header}",
            nplurals=state.forms.nplurals,
            language=catalog.language.english_name,
            counts=counts_said,
            header=rules[0].header,
        ),
        line=catalog.header_line,
        # One form for every number is a choice for languages whose numerals take the
        # singular (Kyrgyz, Uzbek in Django's catalogs): every message still reads; a
        # reviewer decides. A count that loses or invents forms elsewhere is an error.
        severity=Severity.WARNING if state.forms.nplurals == 1 else None,
    )


@catalog_check("H109", "plural-rule-unexpected", Severity.WARNING)
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
        L_(
            "plural={expression} groups numbers unlike {language}'s plural={reference} ({sources}): {difference}",
            expression=state.forms.plural.source,
            language=catalog.language.english_name,
            reference=rule.plural,
            sources=", ".join(rule.sources),
            difference=_explain(groups, rule.partition),
        ),
        line=catalog.header_line,
    )


def _explain(here: tuple[int, ...], reference: tuple[int, ...]) -> Message:
    """The first number grouped differently, said as which smaller number it goes with."""
    n = first_difference(here, reference)
    if n is None:
        return L_("they agree")
    k = SAMPLE.index(n)
    with_here = next((SAMPLE[i] for i in range(k) if here[i] == here[k]), None)
    with_reference = next((SAMPLE[i] for i in range(k) if reference[i] == reference[k]), None)
    here_text = L_("a form of its own") if with_here is None else L_("that of n = {other}", other=with_here)
    if with_reference is not None:
        return L_("there n = {n} takes the form of n = {other}, here {here}", n=n, other=with_reference, here=here_text)
    return L_("there n = {n} takes a form of its own, here {here}", n=n, here=here_text)
