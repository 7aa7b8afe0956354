"""The C expression of a ``plural=`` header, evaluated safely: tokenizer, parser, evaluator.

A catalog's ``Plural-Forms: nplurals=3; plural=(n==1 ? 0 : ...);`` is a small program
that picks which ``msgstr[i]`` a number shows.  It is user input, so it is never given
to ``eval``: it is tokenised, parsed by precedence climbing into a small tree, and the
tree is evaluated over many numbers at once (one list operation per node, which is what
makes n = 0…1000 for every catalog and every reference rule cheap).

Semantics are GNU gettext's (``plural_eval`` in libintl, and msgfmt's checks): every
value is an ``unsigned long``, 64 bits, so ``+ - *`` wrap around modulo 2**64 (``0 - 10``
is 2**64 - 10, and ``n % (0 - 10)`` is ``n``, not ``n % 10``), ``/`` and ``%`` are
unsigned, comparisons and ``! && ||`` give 0 or 1, ``&& || ?:`` evaluate only the operand
they need.  Division by zero is an error (libintl raises SIGFPE), never a crash.  Input is bounded (length, nesting depth, literal size), so evaluating one number
costs at most a few hundred operations and a hostile header cannot hang or blow the stack.

The header around the expression is read by :mod:`transkit.po.plural_forms`; the rules a
language should have come from :mod:`transkit.po.plural_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from transkit.i18n import L_

MAX_EXPRESSION_LENGTH = 1000
"""Longest accepted ``plural=`` expression; the longest real one (Babel's Cornish) has 616."""
MAX_DEPTH = 100
"""Deepest accepted nesting (parentheses, operators, ``?:`` chains)."""
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
ULONG_MODULUS = 2**64
"""gettext's ``unsigned long`` arithmetic is modulo this."""

NUMBERS: tuple[int, ...] = tuple(range(0, 1001))
"""The numbers every formula is judged on."""

# Operators C has and GNU gettext's plural grammar (and Python's gettext) does not: a
# header using them cannot be parsed at run time, which then falls back to (n != 1).
NON_GETTEXT_OPERATORS = frozenset({"unary -", "unary +", "~"})


class PluralFormsError(ValueError):
    """A Plural-Forms header or expression that cannot be parsed or evaluated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?P<space>[ \t\r\n]+)"
    r"|(?P<number>[0-9]+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>&&|\|\||==|!=|<=|>=|\+\+|--|[-+*/%<>!~?:()])"
)

_BINARY_PRECEDENCE = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
}


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "n", "op" or "end"
    text: str
    position: int
    value: int = 0


def _tokenize(expression: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise PluralFormsError(
                L_(
                    "unexpected character {character} at position {position}",
                    character=repr(expression[position]),
                    position=position + 1,
                )
            )
        kind, text = match.lastgroup or "", match.group()
        if kind == "number":
            if len(text) > 19 or int(text) > LONG_MAX:
                raise PluralFormsError(
                    L_("number {number} is too large", number=text[:25] + ("…" if len(text) > 25 else ""))
                )
            tokens.append(_Token("number", text, position, int(text)))
        elif kind == "name":
            if text != "n":
                raise PluralFormsError(
                    L_(
                        "unknown name {name} at position {position}: only n is allowed",
                        name=repr(text[:25]),
                        position=position + 1,
                    )
                )
            tokens.append(_Token("n", text, position))
        elif kind == "op":
            if text in ("++", "--"):
                raise PluralFormsError(
                    L_(
                        "{operator} at position {position} is not allowed (write '{spaced}')",
                        operator=repr(text),
                        position=position + 1,
                        spaced=f"{text[0]} {text[0]}",
                    )
                )
            tokens.append(_Token("op", text, position))
        position = match.end()
    tokens.append(_Token("end", "end of expression", len(expression)))
    return tokens


# ---------------------------------------------------------------------------- parser

# A node is a tuple: ("n",), ("num", value), (unary, child) for "neg" "pos" "not" "inv",
# ("bin", op, left, right), ("and", children), ("or", children), ("if", cond, then, else).
_Node = tuple


class _Parser:
    """Precedence climbing over the tokens; every node carries its depth to bound recursion."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.level = 0
        self.operators: set[str] = set()

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def parse(self) -> tuple[_Node, int]:
        node, depth = self.conditional()
        if self.token.kind != "end":
            raise self.unexpected(L_("an operator"))
        return node, depth

    def unexpected(self, wanted: str) -> PluralFormsError:
        token = self.token
        if token.kind == "end":
            return PluralFormsError(L_("expression ends where {wanted} was expected", wanted=wanted))
        return PluralFormsError(
            L_(
                "expected {wanted} at position {position}, found {found}",
                wanted=wanted,
                position=token.position + 1,
                found=repr(token.text),
            )
        )

    def enter(self) -> None:
        self.level += 1
        if self.level > MAX_DEPTH:
            raise PluralFormsError(L_("expression nested more than {depth} levels deep", depth=MAX_DEPTH))

    def conditional(self) -> tuple[_Node, int]:
        self.enter()
        condition, depth = self.binary(1)
        if self.token.text == "?" and self.token.kind == "op":
            self.index += 1
            then, then_depth = self.conditional()
            if not (self.token.kind == "op" and self.token.text == ":"):
                raise self.unexpected(L_("':' of '?:'"))
            self.index += 1
            otherwise, else_depth = self.conditional()
            condition = ("if", condition, then, otherwise)
            depth = _checked(1 + max(depth, then_depth, else_depth))
        self.level -= 1
        return condition, depth

    def binary(self, minimum: int) -> tuple[_Node, int]:
        left, depth = self.unary()
        while True:
            token = self.token
            precedence = _BINARY_PRECEDENCE.get(token.text) if token.kind == "op" else None
            if precedence is None or precedence < minimum:
                return left, depth
            self.index += 1
            right, right_depth = self.binary(precedence + 1)
            if token.text in ("&&", "||"):
                kind = "and" if token.text == "&&" else "or"
                if left[0] == kind:  # flatten a || b || c: long lists stay shallow
                    left = (kind, left[1] + (right,))
                    depth = _checked(max(depth, right_depth + 1))
                    continue
                left = (kind, (left, right))
            else:
                left = ("bin", token.text, left, right)
            depth = _checked(1 + max(depth, right_depth))

    def unary(self) -> tuple[_Node, int]:
        token = self.token
        if token.kind == "op" and token.text in ("!", "~", "-", "+"):
            self.enter()
            self.index += 1
            child, depth = self.unary()
            self.level -= 1
            kind = {"!": "not", "~": "inv", "-": "neg", "+": "pos"}[token.text]
            self.operators.add({"-": "unary -", "+": "unary +"}.get(token.text, token.text))
            return (kind, child), _checked(depth + 1)
        return self.primary()

    def primary(self) -> tuple[_Node, int]:
        token = self.token
        if token.kind == "number":
            self.index += 1
            return ("num", token.value), 1
        if token.kind == "n":
            self.index += 1
            return ("n",), 1
        if token.kind == "op" and token.text == "(":
            self.index += 1
            node, depth = self.conditional()  # which counts the level
            if not (self.token.kind == "op" and self.token.text == ")"):
                raise self.unexpected("')'")
            self.index += 1
            return node, depth
        raise self.unexpected(L_("n, a number or '('"))


def _checked(depth: int) -> int:
    if depth > MAX_DEPTH:
        raise PluralFormsError(L_("expression nested more than {depth} levels deep", depth=MAX_DEPTH))
    return depth


# ------------------------------------------------------------------------ evaluation


class _EvaluationError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _wrapped(values: list[int]) -> list[int]:
    """Values as an ``unsigned long`` holds them: modulo 2**64 (most never leave the range)."""
    if values and (max(values) >= ULONG_MODULUS or min(values) < 0):
        return [v % ULONG_MODULUS for v in values]
    return values


def _binary(op: str, left: list[int], right: list[int]) -> list[int]:
    pairs = zip(left, right)
    if op == "+":
        return _wrapped([a + b for a, b in pairs])
    if op == "-":
        return _wrapped([a - b for a, b in pairs])
    if op == "*":
        return _wrapped([a * b for a, b in pairs])
    if op in ("/", "%"):
        if 0 in right:
            raise _EvaluationError(L_("division by zero") if op == "/" else L_("modulo by zero"))
        # both operands are unsigned: Python's floor division and modulo are C's here
        return [a // b for a, b in pairs] if op == "/" else [a % b for a, b in pairs]
    if op == "<":
        return [a < b for a, b in pairs]
    elif op == "<=":
        return [a <= b for a, b in pairs]
    elif op == ">":
        return [a > b for a, b in pairs]
    elif op == ">=":
        return [a >= b for a, b in pairs]
    elif op == "==":
        return [a == b for a, b in pairs]
    return [a != b for a, b in pairs]  # "!="


def _evaluate(node: _Node, numbers: list[int]) -> list[int]:
    """The node's value for each number (booleans stand for 0 and 1)."""
    kind = node[0]
    if kind == "n":
        return numbers
    if kind == "num":
        return [node[1] % ULONG_MODULUS] * len(numbers)
    if kind == "bin":
        return _binary(node[1], _evaluate(node[2], numbers), _evaluate(node[3], numbers))
    if kind in ("and", "or"):
        return _logical(kind == "and", node[1], numbers)
    if kind == "if":
        return _conditional(node, numbers)
    values = _evaluate(node[1], numbers)
    if kind == "not":
        return [not v for v in values]
    if kind == "neg":
        return _wrapped([-v for v in values])
    if kind == "inv":
        return [~v % ULONG_MODULUS for v in values]
    return values  # unary +


def _logical(is_and: bool, children: tuple[_Node, ...], numbers: list[int]) -> list[int]:
    # Each operand is evaluated only for the numbers still undecided: C's short circuit,
    # so `n != 0 && 10 / n > 1` never divides by zero.
    result: list[int] = [is_and] * len(numbers)
    pending = list(range(len(numbers)))
    for child in children:
        if not pending:
            break
        subset = numbers if len(pending) == len(numbers) else [numbers[i] for i in pending]
        values = _evaluate(child, subset)
        still: list[int] = []
        for i, value in zip(pending, values):
            if bool(value) == is_and:
                still.append(i)
            else:
                result[i] = not is_and
        pending = still
    return result


def _conditional(node: _Node, numbers: list[int]) -> list[int]:
    condition = _evaluate(node[1], numbers)
    chosen = [i for i, value in enumerate(condition) if value]
    if len(chosen) == len(numbers):
        return _evaluate(node[2], numbers)
    if not chosen:
        return _evaluate(node[3], numbers)
    others = [i for i, value in enumerate(condition) if not value]
    result: list[int] = [0] * len(numbers)
    for indexes, branch in ((chosen, node[2]), (others, node[3])):
        for i, value in zip(indexes, _evaluate(branch, [numbers[i] for i in indexes])):
            result[i] = value
    return result


@dataclass(frozen=True)
class PluralExpression:
    """A compiled ``plural=`` expression (from :func:`compile_plural`): call it with n,
    or evaluate many n at once."""

    source: str
    _root: _Node = field(compare=False, repr=False)
    operators: frozenset[str] = field(default=frozenset(), compare=False)
    """Operators used that GNU gettext cannot parse (see :data:`NON_GETTEXT_OPERATORS`)."""

    def __call__(self, n: int) -> int:
        return self.evaluate((n,))[0]

    def evaluate(self, numbers: Sequence[int] = NUMBERS) -> list[int]:
        """The index the expression gives for each number, in order.

        Raises :class:`PluralFormsError` naming the first number for which it divides by
        zero.
        """
        values = list(numbers)
        try:
            return [int(v) for v in _evaluate(self._root, values)]
        except _EvaluationError:
            pass
        except RecursionError:
            raise PluralFormsError(L_("expression nested too deeply for the remaining stack")) from None
        for n in values:  # slow path, only on failure: find the first n that fails
            try:
                _evaluate(self._root, [n])
            except _EvaluationError as error:
                raise PluralFormsError(L_("{reason} for n = {n}", reason=error.reason, n=n)) from None
        raise AssertionError("evaluation failed for the list but for no single number")


@lru_cache(maxsize=4096)
def compile_plural(expression: str) -> PluralExpression:
    """Parse a ``plural=`` expression into a :class:`PluralExpression`.

    Raises :class:`PluralFormsError` for anything that is not a bounded C integer
    expression of ``n``.
    """
    if not isinstance(expression, str):
        raise PluralFormsError(L_("expression must be text, not {type}", type=type(expression).__name__))
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise PluralFormsError(
            L_(
                "expression is {length} characters long; at most {limit} are accepted",
                length=len(expression),
                limit=MAX_EXPRESSION_LENGTH,
            )
        )
    if not expression.strip():
        raise PluralFormsError(L_("empty plural expression"))
    parser = _Parser(_tokenize(expression))
    try:
        root, _ = parser.parse()
    except RecursionError:  # only when called with little stack left: MAX_DEPTH bounds it
        raise PluralFormsError(L_("expression nested too deeply for the remaining stack")) from None
    used = frozenset(parser.operators) & NON_GETTEXT_OPERATORS
    return PluralExpression(expression.strip(), root, used)
