"""``Plural-Forms`` headers: ``nplurals=N; plural=EXPRESSION;`` read as GNU gettext reads it.

The expression itself is compiled and evaluated by :mod:`transkit.po.plural_expression`;
this module finds it and ``nplurals`` in the header text, refuses what gettext would
not understand, and checks the indexes an expression gives against ``nplurals``.  It is
also the one place that says how many forms a catalog's plural messages have
(:func:`plural_count`) and so which source each of them translates (:func:`form_pairs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, overload

from transkit.i18n import L_
from transkit.model.catalog import Catalog, Entry
from transkit.po.plural_expression import (
    MAX_EXPRESSION_LENGTH,
    NUMBERS,
    PluralExpression,
    PluralFormsError,
    compile_plural,
)
from transkit.po.plural_rules import known_rules

MAX_NPLURALS = 100
"""Most forms a catalog may declare; natural languages need at most 6."""

GETTEXT_DEFAULT_NPLURALS = 2
"""The forms gettext gives a catalog without a usable ``Plural-Forms`` (English's rule)."""


@dataclass(frozen=True)
class PluralForms:
    """A parsed ``Plural-Forms`` header value."""

    nplurals: int
    plural: PluralExpression

    def indexes(self, numbers: Sequence[int] = NUMBERS) -> list[int]:
        return self.plural.evaluate(numbers)


_PLACEHOLDERS = {"INTEGER", "EXPRESSION"}


def parse_plural_forms(value: str) -> PluralForms:
    """Parse ``nplurals=N; plural=EXPRESSION;`` as GNU gettext reads it.

    gettext looks for the exact texts ``nplurals=`` and ``plural=`` (a space before the
    ``=`` makes it fall back to ``(n != 1)``), so they are required as written; a last
    ``;`` is optional.
    """
    if not isinstance(value, str):
        raise PluralFormsError(L_("Plural-Forms must be text, not {type}", type=type(value).__name__))
    if len(value) > MAX_EXPRESSION_LENGTH + 100:  # refused before it reaches the cache
        raise PluralFormsError(
            L_(
                "Plural-Forms is {length} characters long; at most {limit} are accepted for the expression",
                length=len(value),
                limit=MAX_EXPRESSION_LENGTH,
            )
        )
    result = _parse_cached(value)
    if isinstance(result, PluralFormsError):
        raise PluralFormsError(result.message)
    return result


@lru_cache(maxsize=1024)
def _parse_cached(value: str) -> PluralForms | PluralFormsError:
    try:
        return _parse(value)
    except PluralFormsError as error:
        return error


def _parse(value: str) -> PluralForms:
    fields: dict[str, str] = {}
    for part in value.split(";"):
        if not part.strip():
            continue
        name, equals, text = part.partition("=")
        key = name.strip()
        if not equals or key not in ("nplurals", "plural"):
            raise PluralFormsError(
                L_("unexpected {text}: expected nplurals=N; plural=EXPRESSION;", text=repr(part.strip()[:40]))
            )
        if name != name.rstrip():
            raise PluralFormsError(
                L_(
                    "space before '=' in {text}: GNU gettext only finds '{key}=' written together",
                    text=repr(part.strip()[:40]),
                    key=key,
                )
            )
        if key in fields:
            raise PluralFormsError(L_("{key}= is given twice", key=key))
        fields[key] = text.strip()
    for key in ("nplurals", "plural"):
        if key not in fields:
            raise PluralFormsError(L_("no {key}= in Plural-Forms", key=key))
    count, expression = fields["nplurals"], fields["plural"]
    if count in _PLACEHOLDERS or expression in _PLACEHOLDERS:
        raise PluralFormsError(L_("still the template's placeholder nplurals=INTEGER; plural=EXPRESSION;"))
    if not count.isascii() or not count.isdigit():
        raise PluralFormsError(L_("nplurals={count} is not a whole number", count=repr(count[:20])))
    nplurals = int(count) if len(count) < 5 else MAX_NPLURALS + 1
    if not 1 <= nplurals <= MAX_NPLURALS:
        raise PluralFormsError(
            L_("nplurals={count} is not between 1 and {limit}", count=count[:20], limit=MAX_NPLURALS)
        )
    return PluralForms(nplurals, compile_plural(expression))


def plural_indexes(
    expression: str | PluralExpression, nplurals: int, numbers: Iterable[int] = NUMBERS
) -> tuple[int, ...]:
    """The form index for each number, checked against ``nplurals``.

    Raises :class:`PluralFormsError` for an invalid expression, a division by zero, or
    an index outside ``0 … nplurals-1`` (naming the first number that gives one).
    """
    compiled = compile_plural(expression) if isinstance(expression, str) else expression
    numbers = tuple(numbers)
    indexes = compiled.evaluate(numbers)
    for n, index in zip(numbers, indexes):
        if not 0 <= index < nplurals:
            raise PluralFormsError(
                L_(
                    "plural={expression} gives {index} for n = {n}, but nplurals={nplurals}",
                    expression=compiled.source,
                    index=index,
                    n=n,
                    nplurals=nplurals,
                )
            )
    return tuple(indexes)


@overload
def plural_count(catalog: Catalog, *, guess: Literal[True]) -> int: ...


@overload
def plural_count(catalog: Catalog, *, guess: bool = False) -> int | None: ...


def plural_count(catalog: Catalog, *, guess: bool = False) -> int | None:
    """How many ``msgstr[n]`` a plural message of the catalog has: the ``nplurals`` of its
    ``Plural-Forms`` as gettext reads it, or None when the header does not say (absent, or
    refused by :func:`parse_plural_forms`, as gettext refuses it).

    ``guess`` is for writing a catalog, where a plural message must get some number of
    forms even so: then the language's usual rule says, else gettext's default of 2, as
    ``msgmerge`` does.  Reading one must not guess: gettext itself shows ``msgstr[0]`` for
    n = 1 and ``msgstr[1]`` otherwise when the header does not say, whatever the language.
    """
    value = catalog.header_field("Plural-Forms")
    if value:
        try:
            return parse_plural_forms(value).nplurals
        except PluralFormsError:
            pass
    if not guess:
        return None
    return usual_plural_count(catalog.language.tag if catalog.language is not None else None)


def usual_plural_count(tag: str | None) -> int:
    """The forms a catalog of the language ``tag`` gets when nothing else says: its
    usual (CLDR) rule's, else gettext's default of 2."""
    rules = known_rules(tag) if tag is not None else ()
    return rules[0].nplurals if rules else GETTEXT_DEFAULT_NPLURALS


def form_pairs(entry: Entry, catalog: Catalog) -> list[tuple[int, str, str]]:
    """``(index, source, translation)`` for every form of a message, so that every check
    that compares text sees a plural message as several singular ones.

    ``msgstr[0]`` translates ``msgid`` and the others ``msgid_plural``; a language with a
    single form (``nplurals=1``: Chinese, Thai) translates ``msgid_plural`` in it.
    """
    if entry.msgid_plural is None:  # not entry.is_plural, without the property call
        return [(0, entry.msgid, entry.msgstr[0] if entry.msgstr else "")]
    single = len(entry.msgstr) == 1 or plural_count(catalog) == 1
    plural = entry.msgid_plural or entry.msgid
    return [(index, plural if (index > 0 or single) else entry.msgid, text) for index, text in enumerate(entry.msgstr)]
