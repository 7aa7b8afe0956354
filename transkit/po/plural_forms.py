"""``Plural-Forms`` headers: ``nplurals=N; plural=EXPRESSION;`` read as GNU gettext reads it.

The expression itself is compiled and evaluated by :mod:`transkit.po.plural_expression`;
this module finds it and ``nplurals`` in the header text, refuses what gettext would
not understand, and checks the indexes an expression gives against ``nplurals``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from transkit.po.plural_expression import (
    MAX_EXPRESSION_LENGTH,
    NUMBERS,
    PluralExpression,
    PluralFormsError,
    compile_plural,
)

MAX_NPLURALS = 100
"""Most forms a catalog may declare; natural languages need at most 6."""


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
        raise PluralFormsError(f"Plural-Forms must be text, not {type(value).__name__}")
    if len(value) > MAX_EXPRESSION_LENGTH + 100:  # refused before it reaches the cache
        raise PluralFormsError(
            f"Plural-Forms is {len(value)} characters long; at most {MAX_EXPRESSION_LENGTH} are accepted for the expression"
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
            raise PluralFormsError(f"unexpected {part.strip()[:40]!r}: expected nplurals=N; plural=EXPRESSION;")
        if name != name.rstrip():
            raise PluralFormsError(
                f"space before '=' in {part.strip()[:40]!r}: GNU gettext only finds '{key}=' written together"
            )
        if key in fields:
            raise PluralFormsError(f"{key}= is given twice")
        fields[key] = text.strip()
    for key in ("nplurals", "plural"):
        if key not in fields:
            raise PluralFormsError(f"no {key}= in Plural-Forms")
    count, expression = fields["nplurals"], fields["plural"]
    if count in _PLACEHOLDERS or expression in _PLACEHOLDERS:
        raise PluralFormsError("still the template's placeholder nplurals=INTEGER; plural=EXPRESSION;")
    if not count.isascii() or not count.isdigit():
        raise PluralFormsError(f"nplurals={count[:20]!r} is not a whole number")
    nplurals = int(count) if len(count) < 5 else MAX_NPLURALS + 1
    if not 1 <= nplurals <= MAX_NPLURALS:
        raise PluralFormsError(f"nplurals={count[:20]} is not between 1 and {MAX_NPLURALS}")
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
            raise PluralFormsError(f"plural={compiled.source} gives {index} for n = {n}, but nplurals={nplurals}")
    return tuple(indexes)
