"""The Plural-Forms evaluator: C semantics, reference formulas, hostile input, and the
header checks built on it (H104-H109, P201).

The evaluator is compared with Python evaluating the same formulas (translated from C by
a small independent helper below) for every formula weblate-language-data and Babel
ship, and with a reference interpreter on random expressions (hypothesis).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import CATALOGS, DATA
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from transkit import check, load_project
from transkit.model.catalog import Project
from transkit.model.findings import Severity
from transkit.po.plural_expression import LONG_MAX, MAX_EXPRESSION_LENGTH, PluralFormsError, compile_plural
from transkit.po.plural_forms import parse_plural_forms, plural_indexes
from transkit.po.plural_rules import SAMPLE, known_rules, partition
from transkit.po.reader import read_catalog

U = 2**64
"""gettext evaluates plural expressions in unsigned long: modulo this."""

HEADER_CASES = DATA / "checks" / "header"
SHIPPED = CATALOGS
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


# ------------------------------------------------------------ C → Python, for references


def _matching(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError(f"unbalanced: {text!r}")


def _top_level(text: str, wanted: str, start: int = 0) -> int | None:
    depth = nested = 0
    for i in range(start, len(text)):
        char = text[i]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth:
            continue
        if wanted == "?" and char == "?":
            return i
        if wanted == ":":
            if char == "?":
                nested += 1
            elif char == ":":
                if nested == 0:
                    return i
                nested -= 1
    return None


def to_python(c: str) -> str:
    """A trusted C plural formula as Python source; ``?:`` split at the top level."""
    c = c.strip()
    question = _top_level(c, "?")
    if question is not None:
        colon = _top_level(c, ":", question + 1)
        assert colon is not None, c
        condition, then, otherwise = c[:question], c[question + 1 : colon], c[colon + 1 :]
        return f"(({to_python(then)}) if ({to_python(condition)}) else ({to_python(otherwise)}))"
    out, i = [], 0
    while i < len(c):
        if c[i] == "(":
            end = _matching(c, i)
            out.append(f"({to_python(c[i + 1 : end])})")
            i = end + 1
        elif c.startswith("&&", i) or c.startswith("||", i):
            out.append(" and " if c[i] == "&" else " or ")
            i += 2
        elif c.startswith("!=", i):
            out.append("!=")
            i += 2
        elif c[i] == "!":  # C's ! binds tighter than Python's not: wrap its operand
            operand_start = i + 1
            while c[operand_start] == " ":
                operand_start += 1
            if c[operand_start] == "(":
                end = _matching(c, operand_start) + 1
            else:
                end = re.match(r"[A-Za-z0-9]+", c[operand_start:]).end() + operand_start
            out.append(f"(not {to_python(c[operand_start:end])})")
            i = end
        elif c[i] == "/":
            out.append("//")
            i += 1
        else:
            out.append(c[i])
            i += 1
    return "".join(out)


def python_indexes(c_formula: str, numbers=SAMPLE) -> list[int]:
    code = compile(to_python(c_formula), "<reference formula>", "eval")
    return [int(eval(code, {"__builtins__": {}}, {"n": n})) for n in numbers]


def _weblate_formulas() -> set[str]:
    from weblate_language_data import languages, plurals

    tables = (languages.LANGUAGES, plurals.EXTRAPLURALS, plurals.CLDRPLURALS, plurals.QTPLURALS)
    return {row[3] for table in tables for row in table}


def _babel_rules() -> dict[str, object]:
    """Babel's CLDR rule of every base language, by its gettext formula (e read as 0)."""
    from babel import localedata
    from babel.plural import to_gettext

    rules = {}
    for name in localedata.locale_identifiers():
        if "_" in name:
            continue
        rule = localedata.load(name, merge_inherited=False).get("plural_form")
        if rule is not None:
            formula = re.match(r"nplurals=\d+; plural=(.*);$", to_gettext(rule)).group(1)
            rules[re.sub(r"\be\b", "0", formula)] = rule
    return rules


# ------------------------------------------------------------------ reference formulas


def test_every_weblate_formula_evaluates_like_python() -> None:
    formulas = _weblate_formulas()
    assert len(formulas) > 40
    for formula in sorted(formulas):
        assert compile_plural(formula).evaluate(SAMPLE) == python_indexes(formula), formula


def test_every_babel_formula_evaluates_like_python_and_like_cldr() -> None:
    from babel.messages.plurals import PLURALS
    from babel.plural import to_python as cldr_function

    rules = _babel_rules()
    assert len(rules) > 25
    for formula, rule in rules.items():
        mine = compile_plural(formula).evaluate(SAMPLE)
        assert mine == python_indexes(formula), formula
        # The gettext formula Babel derives means what CLDR's rule says for integers.
        tags = [tag for tag in CLDR_ORDER if tag in rule.tags | {"other"}]
        select = cldr_function(rule)
        assert mine == [tags.index(select(n)) for n in SAMPLE], formula
    for _nplurals, formula in PLURALS.values():
        assert compile_plural(formula).evaluate(SAMPLE) == python_indexes(formula), formula


def test_the_shipped_catalogs_use_known_rules_and_evaluate_fast() -> None:
    headers = []
    for path in sorted(SHIPPED.glob("*.po")):
        catalog = load_project([path], template=SHIPPED / "campaign.pot").catalogs[0]
        headers.append((catalog.language.tag, catalog.header_field("Plural-Forms")))
    assert len(headers) == 23
    compile_plural.cache_clear()
    started = time.perf_counter()
    for _, header in headers:
        forms = parse_plural_forms(header)
        plural_indexes(forms.plural, forms.nplurals, range(0, 1001))
    assert time.perf_counter() - started < 0.5
    for tag, header in headers:
        forms = parse_plural_forms(header)
        groups = partition(forms.plural.evaluate(SAMPLE))
        assert any((r.nplurals, r.partition) == (forms.nplurals, groups) for r in known_rules(tag)), tag


def test_known_rules_accept_cldr_and_gettext_traditions() -> None:
    def counts(tag: str) -> set[int]:
        return {rule.nplurals for rule in known_rules(tag)}

    assert counts("fr") == {2, 3}
    assert counts("zh-Hans") == {1}
    assert 6 in counts("ar")
    portuguese = {compile_plural(r.expression)(0) == compile_plural(r.expression)(1) for r in known_rules("pt")}
    assert portuguese == {True, False}  # CLDR (n > 1) and GNU gettext's traditional (n != 1)
    assert known_rules("wbp") == ()  # a valid language no table has: nothing to compare with


# ------------------------------------------------------------------------ C semantics


@pytest.mark.parametrize(
    "expression, n, expected",
    [
        ("7 / 2", 0, 3),
        # gettext's values are unsigned long (issue 17): 0 - 7 is 2**64 - 7
        ("-7 / 2", 0, (U - 7) // 2),
        ("7 / -2", 0, 0),
        ("-7 % 3", 0, (U - 7) % 3),
        ("7 % -3", 0, 7),
        ("n % (0 - 10)", 25, 25),  # not n % 10
        ("(n - 2) < 0 ? 0 : 1", 0, 1),  # never below zero
        ("n % 10", 1234, 4),
        ("!0", 0, 1),
        ("!7", 0, 0),
        ("!!7", 0, 1),
        ("~0", 0, U - 1),
        ("~n", 5, U - 6),
        ("- -n", 4, 4),
        ("+n", 4, 4),
        ("1 + 2 * 3", 0, 7),
        ("(1 + 2) * 3", 0, 9),
        ("10 - 4 - 3", 0, 3),  # left associative
        ("100 / 10 / 5", 0, 2),
        ("1 ? 2 : 3 ? 4 : 5", 0, 2),  # right associative
        ("0 ? 2 : 0 ? 4 : 5", 0, 5),
        ("1 ? 0 ? 7 : 8 : 9", 0, 8),
        ("3 < 4 == 1", 0, 1),  # relational binds tighter than equality
        ("1 == 1 < 2", 0, 1),
        ("1 || 0 && 0", 0, 1),  # && binds tighter than ||
        ("2 && 3", 0, 1),  # logical results are 0 or 1
        ("0 || 5", 0, 1),
        ("n > 1", 2, 1),
        ("n != 0 && 10 / n > 1", 0, 0),  # short circuit: no division by zero
        ("n == 0 || 10 / n", 0, 1),
        ("n ? 10 / n : 7", 0, 7),
        ("n\t>\t1", 5, 1),
        ("9223372036854775807", 0, LONG_MAX),
        ("-9223372036854775807 - 1", 0, 2**63),
        ("9223372036854775807 + n", 1, 2**63),  # no overflow: it wraps
        ("n * n * n * n * n * n * n", 2**10, 0),
    ],
)
def test_c_semantics(expression: str, n: int, expected: int) -> None:
    assert compile_plural(expression)(n) == expected


@pytest.mark.parametrize(
    "expression, message",
    [
        ("n / 0", "division by zero for n = 0"),
        ("1 / (n - 5)", "division by zero for n = 5"),
        ("n % (n - 3)", "modulo by zero for n = 3"),
    ],
)
def test_evaluation_errors_name_the_first_n(expression: str, message: str) -> None:
    with pytest.raises(PluralFormsError, match=re.escape(message)):
        compile_plural(expression).evaluate(SAMPLE)


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "n +",
        "(n",
        "n)",
        "n ? 1",
        "n 1",
        "x",
        "N",
        "0x10",
        "n & 1",
        "n | 1",
        "n = 1",
        "n++",
        "--n",
        "1.5",
        "n;",
        "9223372036854775808",
        "ｎ",
        "n ≠ 1",
        "\0",
    ],
)
def test_malformed_expressions_are_refused(expression: str) -> None:
    with pytest.raises(PluralFormsError):
        compile_plural(expression)


def test_plural_indexes_check_the_range() -> None:
    assert plural_indexes("n > 1", 2, range(4)) == (0, 0, 1, 1)
    with pytest.raises(PluralFormsError, match="gives 2 for n = 0, but nplurals=2"):
        plural_indexes("n == 1 ? 0 : 2", 2)
    with pytest.raises(PluralFormsError, match=f"gives {2**64 - 1} for n = 2"):
        plural_indexes("n < 2 ? n : -1", 2)


def test_partitions_ignore_spelling_and_numbering() -> None:
    french = partition(compile_plural("(n > 1)").evaluate(SAMPLE))
    assert partition(compile_plural("n>1").evaluate(SAMPLE)) == french
    assert partition(compile_plural("n < 2 ? 1 : 0").evaluate(SAMPLE)) == french
    assert partition(compile_plural("n != 1").evaluate(SAMPLE)) != french


# ------------------------------------------------------------------- Plural-Forms header


@pytest.mark.parametrize(
    "header, nplurals",
    [
        ("nplurals=2; plural=(n > 1);", 2),
        ("nplurals=2; plural=(n > 1)", 2),
        ("plural=n != 1; nplurals=2;", 2),
        ("  nplurals=1;  plural=0 ;", 1),
    ],
)
def test_plural_forms_headers(header: str, nplurals: int) -> None:
    assert parse_plural_forms(header).nplurals == nplurals


@pytest.mark.parametrize(
    "header, message",
    [
        ("plural=(n > 1);", "no nplurals="),
        ("nplurals=2;", "no plural="),
        ("nplurals=0; plural=0;", "between 1 and"),
        ("nplurals=999999999999; plural=0;", "between 1 and"),
        ("nplurals=two; plural=(n > 1);", "not a whole number"),
        ("nplurals=INTEGER; plural=EXPRESSION;", "placeholder"),
        ("nplurals = 2; plural=(n > 1);", "space before '='"),
        ("nplurals=2; nplurals=2; plural=(n > 1);", "twice"),
        ("nplurals=2; plurals=(n > 1);", "unexpected"),
        ("nplurals=2; plural=(n > 1", "')'"),
    ],
)
def test_bad_plural_forms_headers(header: str, message: str) -> None:
    with pytest.raises(PluralFormsError, match=re.escape(message)):
        parse_plural_forms(header)


# ---------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "expression",
    [
        "(" * 10_000 + "n" + ")" * 10_000,
        "(" * 400 + "n" + ")" * 400,  # short enough, too deep
        "!" * 900 + "n",
        "- " * 400 + "n",
        "n+" * 499 + "n",  # a left-deep chain
        "1 ? " * 120 + "n" + " : 0" * 120,  # 961 characters, 120 deep
        "n" * 1_000_000,
        "9" * 999,
        "n " * 600_000,
    ],
    ids=[
        "parens-10000",
        "parens-400",
        "not-900",
        "minus-400",
        "plus-chain",
        "ternary-chain",
        "1MB",
        "huge-literal",
        "1.2MB-spaces",
    ],
)
def test_hostile_expressions_fail_fast(expression: str) -> None:
    started = time.perf_counter()
    with pytest.raises(PluralFormsError):
        compile_plural(expression).evaluate(SAMPLE)
    with pytest.raises(PluralFormsError):
        parse_plural_forms(f"nplurals=2; plural={expression};")
    assert time.perf_counter() - started < 1.0


def test_the_largest_accepted_expression_evaluates_quickly() -> None:
    expression = "n % 7"
    while len(f"({expression}) + ({expression})") <= MAX_EXPRESSION_LENGTH:
        expression = f"({expression}) + ({expression})"
    expression = f"{expression} ? n / 3 * 2 % 5 : !n"
    assert len(expression) <= MAX_EXPRESSION_LENGTH
    started = time.perf_counter()
    compile_plural(expression).evaluate(SAMPLE)
    assert time.perf_counter() - started < 0.5


# ----------------------------------------------------------------------------- hypothesis

_BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}


class _ReferenceError(Exception):
    pass


def _checked(value: int) -> int:
    return value % U  # unsigned long: wraps around


def reference(node: tuple, n: int) -> int:
    """A direct C-semantics interpreter of the generated trees."""
    kind = node[0]
    if kind == "n":
        return n
    if kind == "num":
        return node[1] % U
    if kind == "paren":
        return reference(node[1], n)
    if kind == "unary":
        value = reference(node[2], n)
        return {
            "!": lambda: int(not value),
            "~": lambda: ~value % U,
            "-": lambda: _checked(-value),
            "+": lambda: value,
        }[node[1]]()
    if kind == "cond":
        return reference(node[2], n) if reference(node[1], n) else reference(node[3], n)
    op, left = node[1], reference(node[2], n)
    if op == "&&":
        return int(bool(left) and bool(reference(node[3], n)))
    if op == "||":
        return int(bool(left) or bool(reference(node[3], n)))
    right = reference(node[3], n)
    if op in ("/", "%"):
        if right == 0:
            raise _ReferenceError("division by zero")
        return left // right if op == "/" else left % right  # both unsigned
    if op in ("+", "-", "*"):
        return _checked({"+": left + right, "-": left - right, "*": left * right}[op])
    return int(
        {
            "==": left == right,
            "!=": left != right,
            "<": left < right,
            "<=": left <= right,
            ">": left > right,
            ">=": left >= right,
        }[op]
    )


def render(node: tuple) -> tuple[str, int]:
    """C text with only the parentheses precedence needs (plus the generated ones)."""
    kind = node[0]
    if kind == "n":
        return "n", 8
    if kind == "num":
        return str(node[1]), 8
    if kind == "paren":
        return f"({render(node[1])[0]})", 8
    if kind == "unary":
        text, precedence = render(node[2])
        text = f"({text})" if precedence < 7 else text
        return (f"{node[1]} {text}" if text[0] in "+-" else f"{node[1]}{text}"), 7
    if kind == "cond":
        condition, c_prec = render(node[1])
        then, _ = render(node[2])
        otherwise, _ = render(node[3])
        return f"{condition if c_prec >= 1 else f'({condition})'} ? {then} : {otherwise}", 0
    precedence = _BINARY[node[1]]
    left, l_prec = render(node[2])
    right, r_prec = render(node[3])
    left = left if l_prec >= precedence else f"({left})"
    right = right if r_prec > precedence else f"({right})"
    return f"{left} {node[1]} {right}", precedence


def depth(node: tuple) -> int:
    children = [c for c in node[1:] if isinstance(c, tuple)]
    return 1 + max((depth(c) for c in children), default=0)


_leaves = st.one_of(
    st.just(("n",)),
    st.builds(lambda v: ("num", v), st.one_of(st.integers(0, 12), st.integers(0, LONG_MAX))),
)
trees = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.builds(lambda op, a, b: ("bin", op, a, b), st.sampled_from(sorted(_BINARY)), inner, inner),
        st.builds(lambda op, a: ("unary", op, a), st.sampled_from("!~-+"), inner),
        st.builds(lambda c, a, b: ("cond", c, a, b), inner, inner, inner),
        st.builds(lambda a: ("paren", a), inner),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, st.lists(st.integers(0, 10**6), min_size=1, max_size=8))
def test_random_expressions_evaluate_like_the_reference(tree: tuple, numbers: list[int]) -> None:
    assume(depth(tree) <= 30)
    text, _ = render(tree)
    compiled = compile_plural(text)
    try:
        expected = [reference(tree, n) for n in numbers]
    except _ReferenceError:
        with pytest.raises(PluralFormsError):
            compiled.evaluate(numbers)
        return
    assert compiled.evaluate(numbers) == expected, text


_EXPRESSION_ALPHABET = "n0123456789+-*/%!~<>=&|?:() \t;xN"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.text(alphabet=_EXPRESSION_ALPHABET, max_size=80)))
def test_arbitrary_text_raises_only_plural_forms_error(text: str) -> None:
    for attempt in (
        lambda: compile_plural(text).evaluate(SAMPLE),
        lambda: parse_plural_forms(text),
        lambda: parse_plural_forms(f"nplurals=3; plural={text};"),
    ):
        try:
            attempt()
        except PluralFormsError as error:
            assert str(error).strip()  # a refusal says why


# ------------------------------------------------------------- the checks on these rules


def _findings(name: str, code: str):
    project = load_project([HEADER_CASES / name], template=HEADER_CASES / "site.pot")
    return [f for f in check(project).findings if f.code == code]


def test_missing_plural_forms_is_an_error_only_with_plural_messages() -> None:
    (error,) = _findings("case-fr-missing-plural-forms.po", "H104")
    (warning,) = _findings("case-th-missing-plural-forms.po", "H104")
    assert error.severity is Severity.ERROR and "nplurals=2; plural=(n > 1);" in error.message
    assert warning.severity is Severity.WARNING and "nplurals=1; plural=0;" in warning.message


def test_regression_one_form_where_references_give_two_is_a_warning() -> None:
    """H108 was an error for Django's Kyrgyz and Uzbek catalogs (nplurals=1), which read
    well: a single form is a choice for numerals that take the singular (issue 17)."""
    (kyrgyz,) = _findings("case-ky-one-form.po", "H108")
    (chinese,) = _findings("case-zh-two-forms.po", "H108")
    assert kyrgyz.severity is Severity.WARNING
    assert chinese.severity is Severity.ERROR


def test_plural_findings_say_where_and_what() -> None:
    (out_of_range,) = _findings("case-ar-index-out-of-range.po", "H106")
    assert "gives 6 for n = 100" in out_of_range.message
    (unused,) = _findings("case-ar-index-out-of-range.po", "H107")
    assert "msgstr[5]" in unused.message
    (count,) = _findings("case-ar-two-forms.po", "H108")
    assert "Arabic has 6 forms" in count.message
    (rule,) = _findings("case-fr-germanic.po", "H109")
    assert "n = 1 takes the form of n = 0" in rule.message
    (forms,) = _findings("case-ar-two-forms.po", "P201")
    assert forms.message.startswith("expected 2 plural forms (nplurals=2), found 6")


def test_a_template_may_keep_xgettexts_plural_forms_placeholder(tmp_path: Path) -> None:
    """xgettext writes ``nplurals=INTEGER; plural=EXPRESSION;`` in every template: an
    error there (H105) was transkit's only error on i18nspector's clean templates. In
    a catalog the placeholder is still an error (case-fr-plural-forms-placeholder.po)."""
    path = tmp_path / "site.pot"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n'
        '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n\n'
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    template = read_catalog(path, is_template=True)
    findings = check(Project(tmp_path, template, (template,))).findings
    assert "H105" not in {f.code for f in findings}
    assert [f.code for f in _findings("case-fr-plural-forms-placeholder.po", "H105")] == ["H105"]
