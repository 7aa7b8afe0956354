"""The helpers behind the content (M) and typography (S) checks: values by meaning,
punctuation by function, and no exception whatever text a translator wrote.

Whole-check behaviour is proven by the cases in tests/data/checks/content and
tests/data/checks/typography; these tests pin the tricky pieces underneath.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import DATA, catalog_contexts
from hypothesis import given, settings
from hypothesis import strategies as st

from transkit.checks.markup import attribute_changes
from transkit.engine.registry import all_checks
from transkit.engine.runner import CatalogContext
from transkit.model.catalog import Entry
from transkit.model.languages import language
from transkit.po.plural_forms import form_pairs
from transkit.text.lengths import length_ratio
from transkit.text.links import email_changes, same_url, url_changes
from transkit.text.markup import invalid_entities, missing_entities, tag_differences, tags
from transkit.text.numbers import ascii_digits, missing_numbers, number_found, number_readings, numbers
from transkit.text.punctuation import (
    Mark,
    abbreviation,
    accepted_marks,
    bracket_problems,
    final_marks,
    quotes_balanced,
)
from transkit.text.spacing import double_spaces
from transkit.text.spans import MASK, mask, spans, values
from transkit.text.words import proper_nouns, repeated_words, untranslated_words

# ---------------------------------------------------------------------------------------
# Numbers by value
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "078 055 800",
        "٠٧٨ ٠٥٥ ٨٠٠",  # Arabic-Indic
        "۰۷۸ ۰۵۵ ۸۰۰",  # Persian
        "\u2066078 055 800\u2069",  # isolated for right-to-left text
        "078\u00a0055\u00a0800",
        "078.055.800",
        "०७८ ०५५ ८००",  # Devanagari
        "๐๗๘ ๐๕๕ ๘๐๐",  # Thai
        "０７８ ０５５ ８００",  # full-width
    ],
)
def test_the_helpline_is_one_value_in_every_script(written: str) -> None:
    (number,) = numbers(written)
    assert number.value == "78055800"
    assert not missing_numbers("Call 078 055 800.", f"Appelez le {written}.")


@pytest.mark.parametrize(
    "source, translation",
    [
        ("More than 1,000 victims", "Plus de 1\u00a0000 victimes"),
        ("More than 1,000 victims", "Plus de 1\u202f000 victimes"),
        ("More than 1,000 victims", "Mehr als 1.000 Opfer"),
        ("More than 1,000 victims", "Mehr als 1'000 Opfer"),
        ("More than 1,000 victims", "أكثر من ١٬٠٠٠ ضحية"),
        ("More than 1,000 victims", "超过1000名受害者"),
        ("Larger than 2.5 MB", "Plus de 2,5 Mo"),
        ("Larger than 2.5 MB", "بیشتر از ۲٫۵ مگابایت"),
        ("On 30 July", "Am 30. Juli"),
        ("On 30 July", "7月30日"),
        ("Open 24/7", "Ouvert 24 h sur 24, 7 jours sur 7"),
        ("At 07:30", "À 7:30"),
        ("Step %1$s of 3", "Étape %1$s sur 3"),
        ("Reference BH-2023-0415", "Référence BH-2023-0415"),
    ],
)
def test_numbers_survive_every_local_spelling(source: str, translation: str) -> None:
    assert missing_numbers(source, translation) == []


@pytest.mark.parametrize(
    "source, translation, missing",
    [
        ("Open 24 hours", "Ouvert 12 heures", "24"),
        ("Call 078 055 800", "Appelez le 078 055 880", "078 055 800"),
        ("Call 078 055 800", "Appelez le ۰۷۸ ۰۵۵ ۸۸۰", "078 055 800"),
        ("Updated on 30.07.2023", "Mis à jour le 30/08/2023", "30.07.2023"),
        ("Step %1$s of 3", "Étape %1$s sur trois", "3"),
    ],
)
def test_a_changed_digit_is_a_missing_number(source: str, translation: str, missing: str) -> None:
    assert [number.text for number in missing_numbers(source, translation)] == [missing]


def test_numbers_inside_placeholders_urls_markup_and_words_are_not_numbers() -> None:
    text = 'Page %1$d of {0}: <img width="100" src="a.png"> https://example.org/2023 &#160; %(count)d l10n H2O'
    assert numbers(text) == ()
    assert [n.text for n in numbers("SOCKSv5, 30th, COVID-19, 7月30日")] == ["5", "30", "19", "7", "30"]


def test_what_the_termbase_owns_and_what_is_optional_is_not_required() -> None:
    assert not missing_numbers("Call 112.", "Appelez la police.", owned=frozenset({"112"}))
    assert not missing_numbers("1 file", "%d fichier", optional=frozenset({"1"}))


def test_a_phone_number_may_change_its_national_form() -> None:
    assert not missing_numbers("Call +32 78 05 58 00.", "Bel 078 055 800.", region="BE")


def test_a_year_may_change_its_calendar() -> None:
    assert not missing_numbers("In 2022", "ในปี ๒๕๖๕", year_offsets=(543,))
    assert not missing_numbers("In 2022", "در سال ۱۴۰۱", year_offsets=(-621, -622))
    assert missing_numbers("In 2022", "ในปี ๒๕๖๔", year_offsets=(543,))


def test_readings_cover_every_grouping_of_a_translation() -> None:
    readings = number_readings("Hotline 078 055 800 24")
    assert {"78055800", "24", "800"} <= readings
    (whole,) = numbers("078 055 800")
    assert number_found(whole, readings)


def test_ascii_digits_maps_every_script() -> None:
    assert ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२ ๑๒ ０１") == "0123456789 0123456789 012 12 01"


# ---------------------------------------------------------------------------------------
# Websites, e-mail addresses, markup
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("More on stophumantrafficking.be.", ["stophumantrafficking.be"]),
        ("Read https://example.org/en/help.", ["https://example.org/en/help"]),
        ("请见example.org。", ["example.org"]),
        ("在 stoptraite.be上", ["stoptraite.be"]),
        ("See (www.example.org)", ["www.example.org"]),
        ("Open %(filename)s.pdf or notes.txt, e.g. U.S. law", []),
        ("Write to help@example.org", []),
    ],
)
def test_urls_are_found_where_people_write_them(text: str, found: list[str]) -> None:
    assert list(values(text, "url")) == found


def test_url_comparison_ignores_scheme_www_and_a_language_segment() -> None:
    fr = language("fr")
    assert same_url("https://www.example.org/en/help", "http://example.org/fr/help/", fr)
    assert same_url("https://example.org/help?lang=en", "https://example.org/help?lang=fr", fr)
    assert not same_url("https://example.org/en/help", "https://example.org/de/help", fr)
    assert not same_url("https://example.org/help", "https://example.org/aide", fr)


def test_a_url_term_of_the_termbase_owns_its_domains() -> None:
    terms = [frozenset({"stophumantrafficking.be", "stoptraite.be"})]
    assert url_changes("On stophumantrafficking.be.", "Sur stoptraite.be.", None, terms) == ([], [])
    assert url_changes("On example.org.", "Sur exemple.org.", None, terms) == (["example.org"], ["exemple.org"])
    assert email_changes("info@stophumantrafficking.be", "info@stoptraite.be", terms) == ([], [])
    assert email_changes("info@stophumantrafficking.be", "info@stoptraite.be") == (
        ["info@stophumantrafficking.be"],
        ["info@stoptraite.be"],
    )


def test_tags_are_compared_by_kind_and_name_and_attributes_by_value() -> None:
    source = '<a href="/help" title="Help">Get help</a><br>'
    missing, added = tag_differences(source, "Obtenir <b>de l’aide</b><br/>")
    assert [t.text for t in missing] == ['<a href="/help" title="Help">', "</a>"]
    assert [t.text for t in added] == ["<b>", "</b>"]
    assert attribute_changes(source, '<a href="/help" title="Aide">Aide</a><br>') == []
    assert attribute_changes(source, '<a href="/aide" title="Aide">Aide</a><br>') == [
        "<a>: href=\u201c/help\u201d became href=\u201c/aide\u201d"
    ]
    assert [t.name for t in tags("a <email@example.org> b < c >")] == []


def test_entities_by_character() -> None:
    assert missing_entities("Call&nbsp;now", "Appelez\u202fmaintenant") == []
    assert missing_entities("Call&nbsp;now", "Appelez maintenant") == ["&nbsp;"]
    assert missing_entities("Terms &amp; conditions", "Conditions générales") == []
    assert missing_entities("&copy; 2024", "© 2024") == []
    assert invalid_entities("a &nbps; b &#0; c &nbsp d &amp; e &#160;") == ("&nbps;", "&#0;", "&nbsp")


def test_spans_do_not_overlap_and_masking_keeps_positions() -> None:
    text = '{url} <a href="https://x.org">mailto:a@b.org</a> &amp; https://y.org'
    found = spans(text)
    assert [s.kind for s in found] == ["placeholder", "tag", "email", "tag", "entity", "url"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert len(mask(text)) == len(text) and MASK in mask(text)


# ---------------------------------------------------------------------------------------
# Punctuation by function
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, mark",
    [
        ("fr", "Où cela s’est-il passé\u00a0?", Mark.QUESTION),
        ("ar", "أين حدث ذلك؟", Mark.QUESTION),
        ("fa", "این اتفاق کجا افتاد؟", Mark.QUESTION),
        ("ps", "دا چېرته پېښ شو؟", Mark.QUESTION),
        ("zh_Hans", "发生在哪里？", Mark.QUESTION),
        ("ja", "どこで起きましたか？", Mark.QUESTION),
        ("el", "Πού συνέβη;", Mark.QUESTION),
        ("ti", "ኣበይ እዩ ተፈጺሙ፧", Mark.QUESTION),
        ("es", "¿Dónde ocurrió?", Mark.QUESTION),
        ("zh_Hans", "此项为必填项。", Mark.STOP),
        ("ti", "እዚ ቦታ ግድን ክምላእ ኣለዎ።", Mark.STOP),
        ("hy", "Այս դաշտը պարտադիր է։", Mark.STOP),
        ("hi", "यह फ़ील्ड आवश्यक है।", Mark.STOP),
        ("ar", "هذا الحقل مطلوب.\u200f", Mark.STOP),
        ("ar", "يعني:", Mark.COLON),
        ("zh_Hans", "意味着：", Mark.COLON),
        ("ti", "ማለት፦", Mark.COLON),
        ("ar", "أولاً،", Mark.COMMA),
        ("ar", "ثانيًا؛", Mark.SEMICOLON),
        ("el", "πρώτα·", Mark.SEMICOLON),
        ("fr", "En savoir plus…", Mark.ELLIPSIS),
        ("fr", "En savoir plus...", Mark.ELLIPSIS),
        ("zh_Hans", "阅读更多……", Mark.ELLIPSIS),
        ("fr", "Appuyez sur « Sortie rapide ».", Mark.STOP),
        ("fr", "<b>Envoyer.</b>", Mark.STOP),
        ("fr", "Votre téléphone (facultatif)", Mark.NONE),
        ("th", "ต้องกรอกช่องนี้", Mark.NONE),
        ("bn", "ডিভাইস:(_D)", Mark.COLON),  # an appended access key
        ("is", "Þýska (eldri stafs.)", Mark.NONE),  # an abbreviation's full stop
    ],
)
def test_final_marks_are_read_in_each_language(code: str, text: str, mark: Mark) -> None:
    assert mark in final_marks(text, language(code))


@pytest.mark.parametrize(
    "code, source, accepted",
    [
        ("th", Mark.STOP, {Mark.STOP, Mark.NONE}),
        ("th", Mark.QUESTION, {Mark.QUESTION, Mark.NONE}),
        ("ja", Mark.QUESTION, {Mark.QUESTION, Mark.STOP}),
        ("hy", Mark.QUESTION, {Mark.QUESTION, Mark.STOP}),
        ("fr", Mark.EXCLAMATION, {Mark.EXCLAMATION, Mark.STOP}),
        ("fr", Mark.QUESTION, {Mark.QUESTION}),
        ("fr", Mark.NONE, {Mark.NONE}),
        ("zh_Hans", Mark.STOP, {Mark.STOP}),
    ],
)
def test_accepted_marks_per_language(code: str, source: Mark, accepted: set[Mark]) -> None:
    assert accepted_marks(source, language(code)) == accepted


def test_greek_semicolon_is_a_question_mark_only_in_greek() -> None:
    assert final_marks("Why;", language("el")) == {Mark.QUESTION}
    assert final_marks("Why;", language("fr")) == {Mark.SEMICOLON}


@pytest.mark.parametrize(
    "text, rtl, balanced",
    [
        ("„Schnell verlassen“", False, True),
        ("„Szybkie wyjście”", False, True),
        ("»Schnell verlassen«", False, True),
        ("”Snabb utgång”", False, True),
        ("« Sortie rapide »", False, True),
        ("“Quick exit”", False, True),
        ("「快速离开」", False, True),
        ("‹a› « b »", False, True),
        ("l’aide d'un ami, the victims’ rights", False, True),
        ("a '\"' sign, එන්‘කෝ", False, True),
        ("« Sortie rapide", False, False),
        ("“Quick exit“", False, False),
        ("„Schnell verlassen„", False, False),
        ("«خروج سريع»", True, True),
        ("”خروج سريع“", True, True),
        ("»خروج سريع«", True, False),
    ],
)
def test_quotes_pair_up_in_each_language_s_way(text: str, rtl: bool, balanced: bool) -> None:
    assert quotes_balanced(text, rtl) is balanced


def test_brackets_in_typing_order() -> None:
    assert not bracket_problems("PAG-ASA（布鲁塞尔）")
    assert not bracket_problems("1) Appelez\n 예) 1-3")
    assert not bracket_problems("﴿نص﴾ ﴾نص﴿")
    assert bracket_problems(")بروكسل(") == {(")", "stray"): 1, ("(", "unclosed"): 1}
    assert bracket_problems("（布鲁塞尔") == {("(", "unclosed"): 1}
    assert not bracket_problems("{name} and %(count)d")


def test_repeated_words_and_double_spaces() -> None:
    assert repeated_words("Appelez la la ligne") == ["la"]
    assert repeated_words("vous vous inscrivez", frozenset({"vous"})) == []
    assert repeated_words("la, la ligne %s %s 2 2 a a") == []
    assert repeated_words("Tod_as as páxinas, de de_recha, VALUE Value, VALUE     Value") == []
    assert double_spaces("a  b") == [1]
    assert double_spaces("  a\n  b  ") == []
    assert double_spaces("%(x)s  b") == [5]


def test_length_is_weighted_by_script() -> None:
    source = "The helpline is confidential. You do not have to give your name."
    assert length_ratio("Short", "Court") is None
    assert 0.7 < length_ratio(source, "求助热线严格保密。您无需透露姓名。")[2] < 1.3
    assert length_ratio(source, "保密。")[2] < 0.3


def test_names_are_not_untranslated_words() -> None:
    nouns = proper_nouns(["PAG-ASA is in Brussels.", "Press the Esc key"])
    assert {"Brussels", "Esc"} <= nouns and "Press" not in nouns
    assert untranslated_words("PAG-ASA (Brussels)", nouns, ("pag-asa",)) == []
    assert untranslated_words("Send the report", nouns, ()) == ["Send", "the", "report"]
    assert untranslated_words("OK %(count)d PDF", nouns, ()) == []


# ---------------------------------------------------------------------------------------
# Never raises on arbitrary text
# ---------------------------------------------------------------------------------------

# Text that looks like what the checks parse: digits of several scripts, separators,
# quotes, brackets, markup and placeholder pieces, next to arbitrary characters.
_PIECES = st.sampled_from(
    list("0123456789٠١٢۰۱۲०१๑２ .,'’٫٬/:-")
    + list("«»“”„‟\"'‘’‚‹›「」『』()[]{}（）﴾﴿<>&;#%@")
    + ["%(n)d", "%1$s", "{x}", '<a href="', "</a>", "&nbsp", "&#x", "http://", "www.", ".be", "\n", "\u2066", "\u00a0"]
)
TEXT = st.one_of(st.text(max_size=60), st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join))
CODES = ["fr", "ar", "fa", "zh_Hans", "th", "ja", "el", "hy", "ti", "de", None]


@settings(max_examples=300, deadline=None)
@given(source=TEXT, translation=TEXT, code=st.sampled_from(CODES))
def test_helpers_never_raise(source: str, translation: str, code: str | None) -> None:
    lang = language(code) if code else None
    for text in (source, translation):
        spans(text)
        assert len(mask(text)) == len(text)
        numbers(text)
        tags(text)
        invalid_entities(text)
        final_marks(text, lang)
        quotes_balanced(text, bool(lang and lang.rtl))
        bracket_problems(text)
        repeated_words(text)
        double_spaces(text)
    missing_numbers(source, translation, region="BE", year_offsets=(543,))
    url_changes(source, translation, lang)
    email_changes(source, translation)
    tag_differences(source, translation)
    attribute_changes(source, translation, lang)
    missing_entities(source, translation)
    length_ratio(source, translation)


@given(value=st.integers(min_value=0, max_value=10**12), zero=st.sampled_from("0٠۰०๐０"))
def test_a_number_in_native_digits_is_found(value: int, zero: str) -> None:
    native = "".join(chr(ord(zero) + int(d)) for d in str(value))
    assert missing_numbers(f"Call {value} now", f"Appelez le {native}") == []


@lru_cache(maxsize=1)
def _contexts() -> dict[str, CatalogContext]:
    return catalog_contexts(DATA / "checks" / "typography")


@settings(max_examples=150, deadline=None)
@given(
    msgid=TEXT.filter(bool),
    msgstr=TEXT.filter(bool),
    plural=st.booleans(),
    code=st.sampled_from(["fr", "ar", "zh_Hans", "th", "ja", "el"]),
)
def test_checks_never_raise(msgid: str, msgstr: str, plural: bool, code: str) -> None:
    context = _contexts()[code]
    entry = Entry(msgid=msgid, msgstr=(msgstr, msgid) if plural else (msgstr,), msgid_plural=msgstr if plural else None)
    assert len(form_pairs(entry, context.catalog)) == len(entry.msgstr)
    for info in all_checks():
        if info.code[0] in "MS":
            for problem in info.function(entry, context):
                assert problem.message


def test_a_number_num2words_cannot_spell_is_no_word_and_no_crash() -> None:
    """Found by the engine's fuzz test: num2words raises IndexError for the Ukrainian
    ordinal of 0; a run must go on, the number simply not read as a word."""
    from transkit.text.numbers import number_words, written_as_word

    assert "нуль" in number_words(0, "uk")
    assert written_as_word("0", "нуль", "uk")
    assert written_as_word("7", "сім днів", "uk")


@pytest.mark.parametrize(
    "source, translation, excused",
    [
        ("Press release of 30 July 2023", "Прессъобщение от 30 юли 2023 г.", True),  # Bulgarian year
        ("Press release of 30 July 2023", "Komunikat prasowy z 30 lipca 2023 r.", True),  # Polish year
        ("Nov", "nov.", True),
        ("Press release of 30 July 2023", "Communiqué de presse du 30 juillet 2023.", False),  # a stop added
        ("Call the helpline", "Appelez la ligne d’assistance.", False),
    ],
)
def test_a_stop_that_ends_an_abbreviation_is_no_added_sentence_end(
    source: str, translation: str, excused: bool
) -> None:
    assert abbreviation(source, translation, frozenset({Mark.NONE}), frozenset({Mark.STOP})) is excused
