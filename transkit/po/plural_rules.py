"""The plural rules a language should have, and rules compared by how they group numbers.

Reference rules for a language come from CLDR (through Babel), from weblate-language-data
(its main table, its alternative gettext formulas and its CLDR variants) and from the
GNU gettext manual where neither package carries its traditional formula.  Rules are
compared by the partition of numbers they produce (:func:`partition`), never by their
text: ``(n > 1)`` and ``n>1`` are the same rule.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from transkit.model.languages import language_table
from transkit.po.plural_expression import NUMBERS, PluralFormsError, compile_plural

LARGE_NUMBERS: tuple[int, ...] = (10_000, 100_000, 1_000_000, 2_000_000, 10_000_000, 1_000_000_000)
"""Probes past 1000: CLDR's ``many`` form of French, Spanish, Italian, Catalan and
Portuguese is for exact millions, so a formula judged on 0…1000 alone would seem to
never select it."""
SAMPLE: tuple[int, ...] = NUMBERS + LARGE_NUMBERS


def partition(indexes: Sequence[int]) -> tuple[int, ...]:
    """The indexes renumbered by first appearance: equal for formulas grouping numbers alike.

    ``(n > 1)`` and ``(n <= 1)`` both give ``(0, 0, 1, 1, …)``.
    """
    labels: dict[int, int] = {}
    return tuple(labels.setdefault(index, len(labels)) for index in indexes)


def first_difference(first: Sequence[int], second: Sequence[int], numbers: Sequence[int] = SAMPLE) -> int | None:
    """The first number where two partitions disagree, or None when they agree."""
    for n, a, b in zip(numbers, first, second):
        if a != b:
            return n
    return None


# ------------------------------------------------------------------ reference rules


@dataclass(frozen=True)
class KnownRule:
    """A plural rule some reference gives for a language."""

    nplurals: int
    expression: str
    sources: tuple[str, ...]
    """Who gives it: ``CLDR`` (Babel), ``Weblate``, ``GNU gettext``."""
    partition: tuple[int, ...] = field(compare=False, repr=False, default=())

    @property
    def plural(self) -> str:
        """The expression in parentheses, as gettext headers usually write it."""
        simple = _parenthesised(self.expression) or re.fullmatch(r"[0-9]+|n", self.expression)
        return self.expression if simple else f"({self.expression})"

    @property
    def header(self) -> str:
        return f"nplurals={self.nplurals}; plural={self.plural};"


def _parenthesised(expression: str) -> bool:
    """Whether the whole expression is inside one pair of parentheses."""
    if not (expression.startswith("(") and expression.endswith(")")):
        return False
    depth = 0
    for position, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and position < len(expression) - 1:
            return False
    return True


# The GNU gettext manual's formula where neither Babel nor weblate-language-data has it:
# Portuguese of Portugal, traditionally (n != 1) though CLDR now says i = 0..1.
_GNU_GETTEXT = {"pt": (2, "(n != 1)"), "pt-BR": (2, "(n > 1)")}


def known_rules(tag: str) -> tuple[KnownRule, ...]:
    """Every distinct rule the references give for a BCP 47 tag; () when none knows it.

    Each reference is asked for the most specific code it has (``pt-BR`` before ``pt``);
    rules that group numbers the same way with the same nplurals are merged.
    """
    return _known_rules(tag)


@language_table
@lru_cache(maxsize=256)
def _known_rules(tag: str) -> tuple[KnownRule, ...]:
    found: list[tuple[int, str, str]] = []
    for table in _weblate_tables():
        for candidate in _candidates(tag):
            rows = table.get(candidate)
            if rows:
                found.extend(rows)
                break
    found.extend(_babel_rules(tag))
    for candidate in _candidates(tag):
        if candidate in _GNU_GETTEXT:
            nplurals, expression = _GNU_GETTEXT[candidate]
            found.append((nplurals, expression, "GNU gettext"))
            break
    merged: dict[tuple[int, tuple[int, ...]], KnownRule] = {}
    for nplurals, expression, source in found:
        try:
            groups = partition(compile_plural(expression).evaluate(SAMPLE))
        except PluralFormsError:
            continue  # a reference formula this evaluator rejects is no reference
        key = (nplurals, groups)
        rule = merged.get(key)
        if rule is None:
            merged[key] = KnownRule(nplurals, expression, (source,), groups)
        elif source not in rule.sources:
            merged[key] = KnownRule(rule.nplurals, rule.expression, rule.sources + (source,), groups)
    return tuple(merged.values())


def _candidates(tag: str) -> list[str]:
    """``zh-Hans-CN`` → ``zh-Hans-CN``, ``zh-Hans``, ``zh-CN``, ``zh``."""
    import langcodes

    try:
        parsed = langcodes.Language.get(tag, normalize=False)
    except (langcodes.LanguageTagError, ValueError):
        return [tag]
    language = parsed.language or tag
    out = [tag]
    for script, territory in ((parsed.script, None), (None, parsed.territory), (None, None)):
        parts = [language] + [p for p in (script, territory) if p]
        candidate = "-".join(parts)
        if candidate not in out:
            out.append(candidate)
    return out


@lru_cache(maxsize=1)
def _weblate_tables() -> tuple[dict[str, list[tuple[int, str, str]]], ...]:
    """weblate-language-data's tables by BCP 47 tag: main, gettext alternatives, CLDR.

    Each table is asked separately for its most specific code, so that ``he-IL`` gets
    the main table's ``he_IL`` and still the alternatives listed under ``he``.
    """
    from weblate_language_data import languages, plurals

    from transkit.model.languages import to_tag

    # QTPLURALS is left out: Qt Linguist's rules are neither CLDR's nor gettext's
    # (it gives Persian one form), and Qt does not read Plural-Forms anyway.
    sources = (
        (languages.LANGUAGES, "Weblate"),
        (plurals.EXTRAPLURALS, "Weblate"),
        (plurals.CLDRPLURALS, "CLDR"),
    )
    tables = []
    for rows, source in sources:
        index: dict[str, list[tuple[int, str, str]]] = {}
        for code, _name, nplurals, expression in rows:
            tag = to_tag(code)
            if tag is not None:
                index.setdefault(tag, []).append((nplurals, expression, source))
        tables.append(index)
    return tuple(tables)


_BABEL_EXPONENT = re.compile(r"\be\b")


def locale_data(name: str) -> dict[Any, Any]:
    """One locale's own CLDR data as Babel ships it, without what it inherits.

    Read from Babel's file, not through ``babel.localedata.load(name, merge_inherited=False)``:
    Babel caches locale data by name whether merged or not, so that call would leave a
    partial locale in Babel's cache for every later ``babel.Locale`` of the process (a
    Python user's own, too).
    """
    from babel import localedata

    with open(localedata.resolve_locale_filename(name), "rb") as file:
        data: dict[Any, Any] = pickle.load(file)  # Babel's own package data, as Babel reads it
    return data


def _babel_rules(tag: str) -> list[tuple[int, str, str]]:
    """CLDR's rules through Babel: its gettext table, and the locale's own CLDR rule.

    The locale data is read without inheritance (``merge_inherited=False``): merging
    with the root locale is most of Babel's cost, and the root's "other for every
    number" would pass for a rule of languages CLDR has no plural data for.
    """
    from babel import localedata
    from babel.messages.plurals import PLURALS
    from babel.plural import to_gettext

    rules: list[tuple[int, str, str]] = []
    for candidate in _candidates(tag):
        name = candidate.replace("-", "_")
        if name in PLURALS:
            nplurals, expression = PLURALS[name]
            rules.append((nplurals, expression, "CLDR"))
            break
    for candidate in _candidates(tag):
        name = candidate.replace("-", "_")
        if not localedata.exists(name):
            continue
        rule = locale_data(name).get("plural_form")
        if rule is None:
            continue
        match = re.match(r"nplurals=(\d+); plural=(.*);$", to_gettext(rule))
        if match is not None:
            # Babel writes CLDR's exponent operand e into the formula; it is 0 for integers.
            expression = _BABEL_EXPONENT.sub("0", match.group(2))
            rules.append((int(match.group(1)), expression, "CLDR"))
        break
    return rules
