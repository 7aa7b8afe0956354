"""The shortcuts behind the speed of the P, M and C checks give the answers of the long way.

Each shortcut (a pre-filter that proves a check cannot fire, a test that spares a parse,
a source read once for every language) has a property here: on generated text, with
placeholders of every syntax, markup, entities, digits of several scripts, right-to-left
and CJK text, whatever the shortcut decides is what the full computation finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import DATA, catalog_contexts
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from transkit.checks.formatflags import _PERCENT, _flag_reading
from transkit.checks.markup import _forms_with, attribute_changes
from transkit.checks.placeholders.compare import _Form, form_issues, keeps_placeholders, reference
from transkit.engine.registry import Scope, all_checks
from transkit.engine.runner import CatalogContext
from transkit.model.catalog import Entry
from transkit.po.formats import Syntax, declared_syntaxes, may_have_placeholders, negated_syntaxes, parse
from transkit.po.formats.brace import next_brace
from transkit.po.formats.flags import _apparent as _apparent_syntaxes
from transkit.po.plural_forms import form_pairs
from transkit.terms.values import phone_numbers
from transkit.text.links import email_changes, url_changes
from transkit.text.markup import invalid_entities, missing_entities, tag_changes
from transkit.text.numbers import _GROUP, _MAX_GROUPS, _NUMBER, _alphabetic, _kept_phones, _key, ascii_digits, numbers
from transkit.text.spans import plain_text, values

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------------------
# Text to generate from
# ---------------------------------------------------------------------------------------

PLACEHOLDERS = [
    "%s",
    "%d",
    "%5.2f",
    "%-3d",
    "% d",
    "%%",
    "%5%",
    "%(name)s",
    "%(count)d",
    "%(a%b)s",
    "%(x)*d",
    "%1$s",
    "%2$d",
    "%ld",
    "%lld",
    "%zu",
    "%<PRId64>",
    "%<PRIx32>",
    "%*d",
    "%.*f",
    "%m",
    "%c",
    "{}",
    "{0}",
    "{1}",
    "{name}",
    "{count!r}",
    "{name!r:>10}",
    "{a[0]}",
    "{user.name}",
    "{x:{w}}",
    "{{",
    "}}",
    "{ a}",
    "{0[}",
    "{!x}",
]
STRAY = ["%", "{", "}", "(", ")", "[", "]", "$", "*", ".", "!", ":", "<", ">", "%(", "{a", "%l", "%<PRI"]
LITERAL = [
    "Call",
    " ",
    "files",
    "٣٠",
    "۳۰",
    "३०",
    "３０",
    "30",
    "١٬٠٠٠",
    "مرحبا",
    "שלום",
    "\u200f",
    "\u2066",
    "\u2069",
    "文件",
    "7月30日",
    "é",
    "\n",
    "\u00a0",
    "<b>",
    "</b>",
    "&nbsp;",
    "&amp",
    "a@b.be",
    "https://x.be/a",
]
PIECES = st.sampled_from(PLACEHOLDERS + STRAY + LITERAL)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=12).map("".join)


# ---------------------------------------------------------------------------------------
# Placeholders: a translation that keeps the source's placeholders needs no parse
# ---------------------------------------------------------------------------------------


@st.composite
def kept_placeholders(draw, source: str, syntax: Syntax) -> str:
    """A translation of ``source`` built from its placeholders, in order, with other text
    between them (sometimes with characters that start placeholders)."""
    texts = [p.text for p in parse(source, syntax).placeholders]
    between = st.one_of(st.sampled_from(LITERAL + [""]), st.sampled_from(STRAY), st.text(max_size=2))
    parts = [draw(between)]
    for text in texts:
        parts += [text, draw(between)]
    return "".join(parts)


FORMS = [
    _Form(None, None, frozenset()),
    _Form(0, (1,), frozenset({"count", 1})),
    _Form(1, (0, 2, 3), frozenset({"count", 1})),
    _Form(1, (2, 3), frozenset({1}), python_tuple=True),
]


def _assert_kept_placeholders_need_no_parse(source: str, translation: str, syntax: Syntax, plural: bool) -> None:
    msgid = parse("One file" if plural else source, syntax)
    ref = reference(msgid, parse(source, syntax) if plural else None)
    if not ref.reference.usable or not keeps_placeholders(translation, ref):
        return  # no translation of an unusable source is compared; others are parsed
    parsed = parse(translation, syntax)
    assert [p.text for p in parsed.placeholders] == [p.text for p in ref.reference.placeholders]
    assert {e.message for e in parsed.errors} <= {e.message for e in ref.reference.errors}
    for form in FORMS:
        assert list(form_issues(ref, translation, form)) == [], (source, translation, form)


@SETTINGS
@given(data=st.data(), source=TEXT, syntax=st.sampled_from(list(Syntax)), plural=st.booleans())
def test_kept_placeholders_need_no_parse(data: st.DataObject, source: str, syntax: Syntax, plural: bool) -> None:
    translation = data.draw(st.one_of(kept_placeholders(source, syntax), TEXT))
    _assert_kept_placeholders_need_no_parse(source, translation, syntax, plural)


@pytest.mark.parametrize(
    "source, translation, syntax",
    [
        ("%s%%d", "%s x %%d", Syntax.PYTHON),  # placeholders that were adjacent are not any more
        ("%s and %%", "%s%%", Syntax.PYTHON),  # and the other way round
        ("%(a%b)s", "x %(a%b)s", Syntax.PYTHON),  # a "%" inside a placeholder
        ("%1$s %2$d", "%1$s%2$d", Syntax.C),
        ("%<PRId64> files", "%<PRId64>", Syntax.C),
        ("{a}}}{{b", "{a} }} {{ b", Syntax.PYTHON_BRACE),
        ("{a}} }", "{a} x", Syntax.PYTHON_BRACE),  # the source's lone "}" are left out
        ("{x:{w}}", "{x:{w}}!", Syntax.PYTHON_BRACE),
        ("{a[0]}", "{a[0]}]", Syntax.PYTHON_BRACE),
    ],
)
def test_kept_placeholders_need_no_parse_in_tricky_places(source: str, translation: str, syntax: Syntax) -> None:
    assert keeps_placeholders(translation, reference(parse(source, syntax), None))
    _assert_kept_placeholders_need_no_parse(source, translation, syntax, plural=False)


@SETTINGS
@given(source=TEXT, syntax=st.sampled_from(list(Syntax)))
def test_a_translation_equal_to_its_source_keeps_its_placeholders(source: str, syntax: Syntax) -> None:
    """The shortcut is taken where it should be, not only never taken wrongly."""
    ref = reference(parse(source, syntax), None)
    assume(ref.reference.valid)
    assert keeps_placeholders(source, ref)


@SETTINGS
@given(text=TEXT, start=st.integers(0, 40))
def test_the_brace_parser_jumps_to_the_next_brace(text: str, start: int) -> None:
    expected = next((i for i in range(start, len(text)) if text[i] in "{}"), -1)
    assert next_brace(text, start) == expected


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------

DIGITS = st.sampled_from(["0", "٠", "۰", "०", "๐", "０"]).flatmap(
    lambda zero: st.integers(0, 99999).map(lambda n: "".join(chr(ord(zero) + int(d)) for d in str(n)))
)
NUMBERED = st.lists(
    st.one_of(DIGITS, PIECES, st.sampled_from(list(_GROUP) + ["l10n", "H2O", "30th", "v5", "a", "-"])), max_size=12
).map("".join)


@SETTINGS
@given(text=NUMBERED)
@example(text="\u2066078 055 800\u2069 %1$s l10n ٣٠ ١٬٠٠٠")
def test_numbers_are_the_matches_of_the_masked_text_outside_words(text: str) -> None:
    """:func:`numbers` reads the groups of each number without searching twice, and no
    longer strips separators its matches cannot end with: what it returns is every match
    in the masked text that is not glued to letters on both sides, as written."""
    plain = plain_text(text)
    matches = []
    for match in _NUMBER.finditer(plain):
        before, after = plain[match.start() - 1 : match.start()], plain[match.end() : match.end() + 1]
        if not (_alphabetic(before) and _alphabetic(after)):
            matches.append(match.group().strip(_GROUP))
    found = numbers(text)
    assert [number.text for number in found] == matches
    for number in found:
        assert number.groups == tuple(ascii_digits(run) for run in re.findall(r"\d+", number.text))


@SETTINGS
@given(text=NUMBERED)
def test_the_number_pattern_finds_what_its_plain_spelling_finds(text: str) -> None:
    plain = re.compile(rf"\d+(?:[{_GROUP}]\d+)*")
    assert [m.span() for m in _NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)]


@SETTINGS
@given(text=NUMBERED)
def test_a_number_of_one_group_reads_only_as_itself(text: str) -> None:
    for number in numbers(text):
        groups, count = number.groups, len(number.groups)
        every_run = {_key(groups[i:j]) for i in range(count) for j in range(i + 1, min(count, i + _MAX_GROUPS) + 1)}
        assert number.readings() == {_key(groups)} | every_run


PHONES = st.lists(
    st.sampled_from(
        [
            "078 055 800",
            "+32 78 05 58 00",
            "02 123 45 67",
            "112",
            "0478 12 34 56",
            "٠٧٨ ٠٥٥ ٨٠٠",
            "Call ",
            " or ",
            "BH-2023-0415",
            "2024",
            "\u2066",
        ]
    ),
    max_size=5,
).map("".join)


@SETTINGS
@given(source=PHONES, translation=PHONES, region=st.sampled_from(["BE", "FR", "ZZ"]))
def test_phones_of_the_translation_are_read_only_for_a_source_with_phones(
    source: str, translation: str, region: str
) -> None:
    target = {p.value for p in phone_numbers(translation, region)}
    expected = {
        "".join(g for n in numbers(p.raw) for g in n.groups).lstrip("0"): p.value
        for p in phone_numbers(source, region)
        if p.value in target
    }
    assert _kept_phones(source, translation, region) == expected


# ---------------------------------------------------------------------------------------
# Markup, websites and e-mail addresses: pre-filters that prove a check cannot fire
# ---------------------------------------------------------------------------------------


@SETTINGS
@given(msgid=TEXT, msgstr=TEXT, plural=st.booleans())
def test_a_message_without_angle_bracket_or_ampersand_has_no_markup_to_compare(
    msgid: str, msgstr: str, plural: bool
) -> None:
    context = _contexts()["fr"]
    entry = _entry(msgid, msgstr, msgid + msgstr if plural else None, ())
    pairs = form_pairs(entry, context.catalog)
    if not _forms_with(entry, context, "<"):
        for _, source, translation in pairs:
            assert tag_changes(source, translation) == ([], [], [])
            assert attribute_changes(source, translation) == []
    else:
        assert _forms_with(entry, context, "<") == pairs
    if not _forms_with(entry, context, "&"):
        for _, source, translation in pairs:
            assert missing_entities(source, translation) == []
            assert invalid_entities(translation) == ()


@SETTINGS
@given(source=TEXT, translation=TEXT)
def test_a_source_without_websites_or_addresses_has_none_to_lose(source: str, translation: str) -> None:
    """M111–M122 report what the source has and the translation lacks or changed: a form
    whose source has no website (no e-mail address) is not compared for them at all."""
    if not values(source, "url"):
        assert url_changes(source, translation)[0] == []
    if not values(source, "email"):
        assert email_changes(source, translation)[0] == []


# ---------------------------------------------------------------------------------------
# Format flags: what P111 reads once per flag set
# ---------------------------------------------------------------------------------------

FLAGS = st.lists(
    st.sampled_from(
        [
            "python-format",
            "no-python-format",
            "possible-python-format",
            "c-format",
            "no-c-format",
            "possible-c-format",
            "python-brace-format",
            "no-python-brace-format",
            "javascript-format",
            "possible-javascript-format",
            "fuzzy",
            "range: 0..10",
            " c-format",
        ]
    ),
    max_size=4,
).map(tuple)


@SETTINGS
@given(own=FLAGS, inherited=FLAGS)
def test_the_flag_reading_is_what_p111_asked_of_each_message(own: tuple[str, ...], inherited: tuple[str, ...]) -> None:
    negated = set(negated_syntaxes(own))
    declared = {s for s in declared_syntaxes(own + inherited) if s not in negated}
    reading = _flag_reading(own, inherited)
    assert reading.lost == tuple(sorted(declared - set(declared_syntaxes(own)), key=lambda s: s.value))
    assert reading.foreign == any(
        re.fullmatch(r"(?!no-)[a-z0-9-]+-format", f) and f.removeprefix("possible-") not in {s.flag for s in Syntax}
        for f in own
    )
    assert (None in reading.accounted) == bool(declared & _PERCENT or negated & _PERCENT)
    for syntax in Syntax:
        assert (syntax in reading.accounted) == (syntax in declared or syntax in negated)


@SETTINGS
@given(text=TEXT)
def test_a_text_without_percent_or_brace_seems_to_use_no_syntax(text: str) -> None:
    if not may_have_placeholders(text):
        assert _apparent_syntaxes(text) == ()  # the reading the pre-filter spares


# ---------------------------------------------------------------------------------------
# Sources read once for every language
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _contexts() -> dict[str, CatalogContext]:
    return catalog_contexts(DATA / "checks" / "content")


ENTRY_CHECKS = [info for info in all_checks() if info.code[0] in "PMC" and info.scope is Scope.ENTRY]


def _problems(entry: Entry, context: CatalogContext) -> list[tuple[str, str]]:
    return [(info.code, problem.message) for info in ENTRY_CHECKS for problem in info.function(entry, context)]


def _entry(msgid: str, msgstr: str, plural: str | None, flags: tuple[str, ...]) -> Entry:
    return Entry(
        msgid=msgid,
        msgstr=(msgstr, msgstr + "s") if plural is not None else (msgstr,),
        msgid_plural=plural,
        flags=flags,
    )


@SETTINGS
@given(
    msgid=TEXT.filter(bool),
    plural=st.one_of(st.none(), TEXT),
    msgstrs=st.lists(TEXT, min_size=2, max_size=2),
    flags=FLAGS,
    other_flags=FLAGS,
)
@example(
    msgid="%(count)d file",
    plural="%(count)d files",
    msgstrs=["%(count)d fichier", "%(count)d Datei"],
    flags=("python-format",),
    other_flags=("c-format",),
)
@example(
    msgid="{name} 100%",
    plural=None,
    msgstrs=["{name} 100 %", "{name} 100 %"],
    flags=("python-format",),
    other_flags=("python-brace-format",),
)
def test_a_source_read_for_one_language_serves_the_next(
    msgid: str, plural: str | None, msgstrs: list[str], flags: tuple[str, ...], other_flags: tuple[str, ...]
) -> None:
    """Checking messages in one language, then a message in another with the run's memory
    of the sources, finds what checking it in the second language alone finds.  The first
    language sees look-alikes of the message (its text reversed, its plural swapped, its
    flags changed), whose readings must not be taken for its own."""
    first, second_alone = _fresh(_contexts()["ar"]), _fresh(_contexts()["fr"])
    second = CatalogContext(
        second_alone.project,
        second_alone.catalog,
        second_alone.template_index,
        second_alone.coverage,
        second_alone.options,
        run_memo=first.run_memo,
    )
    look_alikes = [
        _entry(msgid, msgstrs[0], plural, other_flags),
        _entry(msgid[::-1], msgstrs[0], plural and plural[::-1], flags),
        _entry(msgid, msgstrs[0], None if plural is not None else msgid, flags),
        _entry(plural or msgid + msgid, msgstrs[0], msgid, flags),
    ]
    for entry in look_alikes:
        _problems(entry, first)
    assert first.run_memo  # the first language left its reading of the sources
    target = _entry(msgid, msgstrs[1], plural, flags)
    assert _problems(target, second) == _problems(target, second_alone)


def _fresh(context: CatalogContext) -> CatalogContext:
    """The context with empty memories (of the catalog and of the run) of its own."""
    return CatalogContext(context.project, context.catalog, context.template_index, context.coverage, context.options)
