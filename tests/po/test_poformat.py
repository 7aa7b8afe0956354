"""Tests for transkit.po.writer: PO text written byte for byte as GNU gettext 0.21 does.

Three witnesses:

* Golden expectations: what ``msgcat`` 0.21 printed for each case below (strings, then
  whole entries), kept here so that the rules hold without gettext installed.
* GNU ``msgcat`` itself (the oracle; skipped when it is not on the PATH): every shipped
  catalog and template, and the hand-made catalogs of ``data/poformat/`` (scripts,
  escapes, format directives, comments, references, flags, obsolete entries), formatted
  by ``msgcat`` and read back, must be rendered to the very same bytes.
* Hypothesis: random strings survive a render and a parse, and a sample of them is
  rendered as ``msgcat`` renders it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import CATALOGS, DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.model.catalog import Entry
from transkit.po.reader import read_catalog
from transkit.po.syntax import scan
from transkit.po.writer import PAGE_WIDTH, render_entry, render_header, render_string

FIXTURES = DATA / "poformat"
MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU msgcat (gettext) is not installed")


class GoldenCase(NamedTuple):
    name: str
    keyword: str
    value: str
    expected: list[str]
    prefix: str = ""
    flags: tuple[str, ...] = ()
    width: int = PAGE_WIDTH


# Expected lines printed by msgcat 0.21 (``msgcat -w WIDTH``) for each string.
GOLDEN_STRINGS = [
    GoldenCase(
        "empty",
        "msgid",
        "",
        [
            'msgid ""',
        ],
    ),
    GoldenCase(
        "short",
        "msgid",
        "Hello, world!",
        [
            'msgid "Hello, world!"',
        ],
    ),
    GoldenCase(
        "fits exactly",
        "msgid",
        "x" * 71,
        [
            'msgid "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        ],
    ),
    GoldenCase(
        "one column too many",
        "msgid",
        "x" * 67 + " yyyy",
        [
            'msgid ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyy"',
        ],
    ),
    GoldenCase(
        "final newline stays on keyword line",
        "msgstr",
        "Line one\n",
        [
            'msgstr "Line one\\n"',
        ],
    ),
    GoldenCase(
        "newlines cut portions",
        "msgstr",
        "Line one\nLine two\n\nLine four",
        [
            'msgstr ""',
            '"Line one\\n"',
            '"Line two\\n"',
            '"\\n"',
            '"Line four"',
        ],
    ),
    GoldenCase(
        "spaces",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            'msgid ""',
            '"The quick brown fox jumps over the lazy dog and keeps running far beyond the "',
            '"line."',
        ],
    ),
    GoldenCase(
        "unbreakable word stays on keyword line",
        "msgid",
        "a" * 100,
        [
            'msgid "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
        ],
    ),
    GoldenCase(
        "unbreakable word after a space",
        "msgid",
        "word " + "a" * 100 + " end",
        [
            'msgid ""',
            '"word "',
            '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa "',
            '"end"',
        ],
    ),
    GoldenCase(
        "url breaks after slashes",
        "msgid",
        "See https://docs.example.com/en/stable/topics/i18n/translation/#localization-how-to-create-language-files",
        [
            'msgid ""',
            '"See https://docs.example.com/en/stable/topics/i18n/translation/#localization-"',
            '"how-to-create-language-files"',
        ],
    ),
    GoldenCase(
        "hyphen",
        "msgid",
        "A well-known, long-established, widely-recognised, state-of-the-art line-breaking algorithm",
        [
            'msgid ""',
            '"A well-known, long-established, widely-recognised, state-of-the-art line-"',
            '"breaking algorithm"',
        ],
    ),
    GoldenCase(
        "no break before closing punctuation after a space",
        "msgid",
        "x" * 75 + " ! y",
        [
            'msgid ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ! "',
            '"y"',
        ],
    ),
    GoldenCase(
        "the same with a letter",
        "msgid",
        "x" * 75 + " a y",
        [
            'msgid ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "',
            '"a y"',
        ],
    ),
    GoldenCase(
        "no break after an opening bracket",
        "msgid",
        "( " + "z" * 75,
        [
            'msgid "( zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"',
        ],
    ),
    GoldenCase(
        "numbers and dashes",
        "msgid",
        "Call +32 2 123 45 67 between 2023-07-10 and 2023-07-31 or write to help@example.org today.",
        [
            'msgid ""',
            '"Call +32 2 123 45 67 between 2023-07-10 and 2023-07-31 or write to "',
            '"help@example.org today."',
        ],
    ),
    GoldenCase(
        "chinese breaks between ideographs, 2 columns each",
        "msgstr",
        "如果您或您认识的人是人口贩卖的受害者，请拨打免费求助热线。我们会倾听并提供保密的帮助，全天候服务。",
        [
            'msgstr ""',
            '"如果您或您认识的人是人口贩卖的受害者，请拨打免费求助热线。我们会倾听并提供保"',
            '"密的帮助，全天候服务。"',
        ],
    ),
    GoldenCase(
        "japanese kana and small kana",
        "msgstr",
        "人身取引の被害者のための無料ヘルプラインです。ご相談は秘密厳守で、二十四時間いつでも受け付けています。ちょっと待ってください。",
        [
            'msgstr ""',
            '"人身取引の被害者のための無料ヘルプラインです。ご相談は秘密厳守で、二十四時間"',
            '"いつでも受け付けています。ちょっと待ってください。"',
        ],
    ),
    GoldenCase(
        "korean",
        "msgstr",
        "인신매매 피해자를 위한 무료 상담 전화입니다. 상담 내용은 비밀이 보장되며 하루 24시간 언제든지 이용하실 수 있습니다.",
        [
            'msgstr ""',
            '"인신매매 피해자를 위한 무료 상담 전화입니다. 상담 내용은 비밀이 보장되며 하"',
            '"루 24시간 언제든지 이용하실 수 있습니다."',
        ],
    ),
    GoldenCase(
        "thai has no breaks without spaces",
        "msgstr",
        "การค้ามนุษย์เป็นอาชญากรรมร้ายแรงหากคุณหรือคนที่คุณรู้จักตกเป็นเหยื่อโปรดโทรสายด่วนฟรีของเรา ทุกวันตลอดยี่สิบสี่ชั่วโมง",
        [
            'msgstr ""',
            '"การค้ามนุษย์เป็นอาชญากรรมร้ายแรงหากคุณหรือคนที่คุณรู้จักตกเป็นเหยื่อโปรดโทรสายด่วนฟรีของเรา "',
            '"ทุกวันตลอดยี่สิบสี่ชั่วโมง"',
        ],
    ),
    GoldenCase(
        "arabic with harakat",
        "msgstr",
        "إِذَا كُنْتَ ضَحِيَّةً لِلِاتِّجَارِ بِالْبَشَرِ، اتَّصِلْ بِالرَّقْمِ الْمَجَّانِيِّ؛ نَحْنُ هُنَا لِمُسَاعَدَتِكَ طَوَالَ الْيَوْمِ.",
        [
            'msgstr ""',
            '"إِذَا كُنْتَ ضَحِيَّةً لِلِاتِّجَارِ بِالْبَشَرِ، اتَّصِلْ بِالرَّقْمِ الْمَجَّانِيِّ؛ نَحْنُ هُنَا لِمُسَاعَدَتِكَ طَوَالَ "',
            '"الْيَوْمِ."',
        ],
    ),
    GoldenCase(
        "hebrew maqaf",
        "msgstr",
        "קו־החירום הזה פתוח עשרים וארבע שעות ביממה, שבעה ימים בשבוע, לכל מי שזקוק לעזרה־דחופה עכשיו.",
        [
            'msgstr ""',
            '"קו־החירום הזה פתוח עשרים וארבע שעות ביממה, שבעה ימים בשבוע, לכל מי שזקוק "',
            '"לעזרה־דחופה עכשיו."',
        ],
    ),
    GoldenCase(
        "ethiopic",
        "msgstr",
        "የሰዎች ንግድ ከባድ ወንጀል ነው። እርስዎ ወይም የሚያውቁት ሰው ተጠቂ ከሆኑ እባክዎ ነፃ የስልክ መስመራችንን ይደውሉ፣ ቀንና ሌሊት።",
        [
            'msgstr ""',
            '"የሰዎች ንግድ ከባድ ወንጀል ነው። እርስዎ ወይም የሚያውቁት ሰው ተጠቂ ከሆኑ እባክዎ ነፃ የስልክ መስመራችንን ይደውሉ፣ "',
            '"ቀንና ሌሊት።"',
        ],
    ),
    GoldenCase(
        "emoji sequences",
        "msgstr",
        "Family 👨‍👩‍👧 and flags 🇧🇪🇫🇷🇳🇱 with skin tones 👍🏽👍🏿 repeated 👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧",
        [
            'msgstr ""',
            '"Family 👨\u200d👩\u200d👧 and flags 🇧🇪🇫🇷🇳🇱 with skin tones 👍🏽👍🏿 repeated 👨\u200d👩\u200d👧👨\u200d👩\u200d👧"',
            '"👨\u200d👩\u200d👧👨\u200d👩\u200d👧👨\u200d👩\u200d👧"',
        ],
    ),
    GoldenCase(
        "escapes are never split",
        "msgid",
        'He said "stop" and \\"left\\" the room\twith\ta\ttab\tand a backslash \\\\ here and there \\\\\\\\',
        [
            'msgid ""',
            '"He said \\"stop\\" and \\\\\\"left\\\\\\" the room\\twith\\ta\\ttab\\tand a backslash \\\\"',
            '"\\\\ here and there \\\\\\\\\\\\\\\\"',
        ],
    ),
    GoldenCase(
        "no break before the final newline",
        "msgstr",
        "x" * 74 + " end\n",
        [
            'msgstr ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "',
            '"end\\n"',
        ],
    ),
    GoldenCase(
        "control characters count zero columns",
        "msgid",
        "bell\a form\f vtab\v return\r backspace\b escape\x1b one\x01 " + "z" * 40,
        [
            'msgid ""',
            '"bell\\a form\\f vtab\\v return\\r backspace\\b escape\x1b one\x01 "',
            '"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"',
        ],
    ),
    GoldenCase(
        "python-format directive kept whole",
        "msgstr",
        "x" * 66 + " %(user-name)s is here",
        [
            'msgstr ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "',
            '"%(user-name)s is here"',
        ],
        flags=("python-format",),
    ),
    GoldenCase(
        "same text without the flag",
        "msgstr",
        "x" * 66 + " %(user-name)s is here",
        [
            'msgstr ""',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx %(user-"',
            '"name)s is here"',
        ],
    ),
    GoldenCase(
        "python-format: mixing unnamed and named arguments stops the parsing",
        "msgstr",
        "50% off " + "x" * 58 + " %(user-name)s",
        [
            'msgstr ""',
            '"50% off xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx %(user-"',
            '"name)s"',
        ],
        flags=("python-format",),
    ),
    GoldenCase(
        "python-format: an invalid directive stops the parsing",
        "msgstr",
        "50%! " + "x" * 61 + " %(user-name)s",
        [
            'msgstr ""',
            '"50%! xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx %(user-"',
            '"name)s"',
        ],
        flags=("python-format",),
    ),
    GoldenCase(
        "c-format keeps %% whole",
        "msgstr",
        "a " + "x" * 67 + "%%" + "y" * 10,
        [
            'msgstr ""',
            '"a "',
            '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%%yyyyyyyyyy"',
        ],
        flags=("c-format",),
    ),
    GoldenCase(
        "without the flag %% may be split",
        "msgstr",
        "a " + "x" * 67 + "%%" + "y" * 10,
        [
            'msgstr ""',
            '"a xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%"',
            '"%yyyyyyyyyy"',
        ],
    ),
    GoldenCase(
        "python-brace-format: gettext 0.21 protects offsets 1..6 of the string",
        "msgstr",
        "a b" + "c" * 80 + "{value:>10}",
        [
            'msgstr ""',
            '"a bcccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc{value:"',
            '">10}"',
        ],
        flags=("python-brace-format",),
    ),
    GoldenCase(
        "no-wrap",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.\nSecond line",
        [
            'msgid ""',
            '"The quick brown fox jumps over the lazy dog and keeps running far beyond the line.\\n"',
            '"Second line"',
        ],
        flags=("no-wrap",),
    ),
    GoldenCase(
        "obsolete prefix",
        "msgstr",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            '#~ msgstr ""',
            '#~ "The quick brown fox jumps over the lazy dog and keeps running far beyond "',
            '#~ "the line."',
        ],
        prefix="#~ ",
    ),
    GoldenCase(
        "previous prefix",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            '#| msgid ""',
            '#| "The quick brown fox jumps over the lazy dog and keeps running far beyond "',
            '#| "the line."',
        ],
        prefix="#| ",
    ),
    GoldenCase(
        "obsolete previous prefix",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            '#~| msgid ""',
            '#~| "The quick brown fox jumps over the lazy dog and keeps running far beyond "',
            '#~| "the line."',
        ],
        prefix="#~| ",
    ),
    GoldenCase(
        "plural keyword",
        "msgstr[2]",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond.",
        [
            'msgstr[2] ""',
            '"The quick brown fox jumps over the lazy dog and keeps running far beyond."',
        ],
    ),
    GoldenCase(
        "width 40",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            'msgid ""',
            '"The quick brown fox jumps over the "',
            '"lazy dog and keeps running far beyond "',
            '"the line."',
        ],
        width=40,
    ),
    GoldenCase(
        "width below 20 counts as 20",
        "msgid",
        "The quick brown fox jumps over the lazy dog.",
        [
            'msgid ""',
            '"The quick brown "',
            '"fox jumps over "',
            '"the lazy dog."',
        ],
        width=5,
    ),
    GoldenCase(
        "width 0 does not wrap",
        "msgid",
        "The quick brown fox jumps over the lazy dog and keeps running far beyond the line.",
        [
            'msgid "The quick brown fox jumps over the lazy dog and keeps running far beyond the line."',
        ],
        width=0,
    ),
    GoldenCase(
        "line separator restarts the column count",
        "msgid",
        "x" * 60 + " abc\u2028" + "y" * 30 + " " + "z" * 30,
        [
            'msgid "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx abc\u2028yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"',
        ],
    ),
    GoldenCase(
        "soft hyphen and nbsp",
        "msgid",
        "Ein\u00adsehr\u00adlanges\u00adWort mit geschützten\u00a0Leerzeichen\u00a0zwischen\u00a0den\u00a0Wörtern und noch mehr Text hier.",
        [
            'msgid ""',
            '"Ein\xadsehr\xadlanges\xadWort mit geschützten\xa0Leerzeichen\xa0zwischen\xa0den\xa0Wörtern und noch "',
            '"mehr Text hier."',
        ],
    ),
]


# Directives, as msgcat 0.21 printed them (``msgcat -w 20``): each case ends in %- d, whose
# break after the space is forbidden only when gettext's parser got that far (it gives up
# at the first invalid directive).  (name, keyword, format flag, string, expected lines)
_GOLDEN_DIRECTIVES = [
    (
        "c-format: a run of size modifiers is one directive",
        "msgstr",
        "c-format",
        "xxxxxxxxx%hld%- dyyyyyyyy",
        ['msgstr "xxxxxxxxx%hld%- dyyyyyyyy"'],
    ),
    (
        "c-format: a size before <PRI...> stops the parsing",
        "msgstr",
        "c-format",
        "xxxxxxxxx%l<PRId64>%- dyyyyyyyy",
        ['msgstr ""', '"xxxxxxxxx%l<PRId64>%- "', '"dyyyyyyyy"'],
    ),
    (
        "c-format: the I flag in a translation",
        "msgstr",
        "c-format",
        "xxxxxxxxx%I- dyyyyyyyy",
        ['msgstr "xxxxxxxxx%I- dyyyyyyyy"'],
    ),
    (
        "c-format: the I flag in a msgid stops the parsing",
        "msgid",
        "c-format",
        "xxxxxxxxx%I- dyyyyyyyy",
        ['msgid ""', '"xxxxxxxxx%I- "', '"dyyyyyyyy"'],
    ),
    (
        "c-format: mixing numbered and unnumbered stops the parsing",
        "msgstr",
        "c-format",
        "xxxxxxxxx%1$s%- dyyyyyyyy",
        ['msgstr ""', '"xxxxxxxxx%1$s%- "', '"dyyyyyyyy"'],
    ),
    (
        "c-format: %0$ stops the parsing",
        "msgstr",
        "c-format",
        "xxxxxxxxx%0$d%- dyyyyyyyy",
        ['msgstr ""', '"xxxxxxxxx%0$d%- "', '"dyyyyyyyy"'],
    ),
    (
        "objc-format: %@ is a directive",
        "msgstr",
        "objc-format",
        "xxxxxxxxx%@%- dyyyyyyyy",
        ['msgstr "xxxxxxxxx%@%- dyyyyyyyy"'],
    ),
    (
        "c-format: %@ is not one",
        "msgstr",
        "c-format",
        "xxxxxxxxx%@%- dyyyyyyyy",
        ['msgstr ""', '"xxxxxxxxx%@%- "', '"dyyyyyyyy"'],
    ),
    (
        "python-format: %u is a directive for gettext",
        "msgstr",
        "python-format",
        "xxxxxxxxx%u%- dyyyyyyyy",
        ['msgstr "xxxxxxxxx%u%- dyyyyyyyy"'],
    ),
    (
        "python-format: %F is not",
        "msgstr",
        "python-format",
        "xxxxxxxxx%F%- dyyyyyyyy",
        ['msgstr ""', '"xxxxxxxxx%F%- "', '"dyyyyyyyy"'],
    ),
    (
        "python-brace-format: a missing ] is marked a byte further",
        "msgstr",
        "python-brace-format",
        "a b cccccccccccccccccccccc {abcd} {a[bé]}",
        ['msgstr ""', '"a b "', '"cccccccccccccccccccccc "', '"{abcd} {a[bé]}"'],
    ),
    (
        "python-brace-format: and protects when that is past the first end",
        "msgstr",
        "python-brace-format",
        "a b cccccccccccccccccccccc {abc} {a[bé]}",
        ['msgstr ""', '"a b cccccccccccccccccccccc "', '"{abc} {a[bé]}"'],
    ),
]
GOLDEN_STRINGS += [
    GoldenCase(name, keyword, value, expected, flags=(flag,), width=20)
    for name, keyword, flag, value, expected in _GOLDEN_DIRECTIVES
]


@pytest.mark.parametrize("case", GOLDEN_STRINGS, ids=[case.name for case in GOLDEN_STRINGS])
def test_string_is_rendered_as_msgcat_renders_it(case: GoldenCase) -> None:
    lines = render_string(case.keyword, case.value, case.prefix, case.width, flags=case.flags)
    assert lines == case.expected


def test_lines_stay_within_the_page_width_where_a_break_is_possible() -> None:
    text = " ".join(["word"] * 100) + " " + "漢字" * 60
    lines = render_string("msgid", text)
    columns = [len(line) + sum(char in "漢字" for char in line) for line in lines]
    assert len(lines) > 5 and max(columns) <= 79 and min(columns[1:-1]) >= 77


# Whole entries: the expected texts are what msgcat 0.21 wrote for the same entries
# (written as PO text, like data/poformat/structure.po).

MANY_REFERENCES = (  # as read back: gettext dropped a repeated "templates/base.html:12"
    "./templates/base.html:12",
    "templates/base.html:12",
    "templates/base.html:40",
    "README",
    "src/very/long/path/to/the/module/that/defines/the/campaign/pages.py:1234",
    "src/very/long/path/to/the/module/that/defines/the/campaign/pages.py:1240",
    "src/x.py:7",
    "docs/référence/éléments.md:3",
    *(f"{name}.py:{line}" for line, name in enumerate("abcdefghi", start=1)),
)


def test_entry_with_everything() -> None:
    entry = Entry(
        msgid="%(count)s victims were helped by the campaign's partners in the first month alone",
        msgstr=("%(count)s slachtoffers werden alleen al in de eerste maand door de partners geholpen",),
        msgctxt="page title",
        flags=("python-format", "fuzzy", "no-such-flag", "range: 0..10", "possible-c-format", "no-java-format", "wrap"),
        previous_msgctxt="old context",
        previous_msgid="Old source text that was rather long, long enough to need wrapping in the comment",
        translator_comment="A translator comment\non two lines, with an empty one below\n\n  and one indented.",
        extracted_comment="Extracted comment for translators: keep the helpline number.\n\nAfter an empty extracted line.",
        references=MANY_REFERENCES,
    )
    assert render_entry(entry) == (
        "# A translator comment\n"
        "# on two lines, with an empty one below\n"
        "#\n"
        "#   and one indented.\n"
        "#. Extracted comment for translators: keep the helpline number.\n"
        "#.\n"
        "#. After an empty extracted line.\n"
        "#: templates/base.html:12 templates/base.html:12 templates/base.html:40 README\n"
        "#: src/very/long/path/to/the/module/that/defines/the/campaign/pages.py:1234\n"
        "#: src/very/long/path/to/the/module/that/defines/the/campaign/pages.py:1240\n"
        "#: src/x.py:7 docs/référence/éléments.md:3 a.py:1 b.py:2 c.py:3 d.py:4\n"
        "#: e.py:5 f.py:6 g.py:7 h.py:8 i.py:9\n"
        "#, fuzzy, c-format, python-format, no-java-format, range: 0..10\n"
        '#| msgctxt "old context"\n'
        '#| msgid ""\n'
        '#| "Old source text that was rather long, long enough to need wrapping in the "\n'
        '#| "comment"\n'
        'msgctxt "page title"\n'
        'msgid ""\n'
        '"%(count)s victims were helped by the campaign\'s partners in the first month "\n'
        '"alone"\n'
        'msgstr ""\n'
        '"%(count)s slachtoffers werden alleen al in de eerste maand door de partners "\n'
        '"geholpen"\n'
    )


def test_fuzzy_is_not_written_when_the_first_translation_is_empty() -> None:
    untranslated = Entry(msgid="Fuzzy but untranslated", msgstr=("",), flags=("fuzzy", "python-brace-format"))
    assert render_entry(untranslated) == ('#, python-brace-format\nmsgid "Fuzzy but untranslated"\nmsgstr ""\n')
    plural = Entry(
        msgid="One helpline",
        msgid_plural="{count} helplines",
        msgstr=("", "{count} hulplijnen"),
        flags=("fuzzy",),
        previous_msgid="One old helpline",
        previous_msgid_plural="{count} old helplines",
    )
    assert render_entry(plural) == (
        '#| msgid "One old helpline"\n'
        '#| msgid_plural "{count} old helplines"\n'
        'msgid "One helpline"\n'
        'msgid_plural "{count} helplines"\n'
        'msgstr[0] ""\n'
        'msgstr[1] "{count} hulplijnen"\n'
    )


@pytest.mark.parametrize(
    ("flags", "line"),
    [
        (("python-format", "python-format", "no-python-format"), "#, no-python-format"),
        (("range: 5..2", "range: 1..3"), "#, range: 1..3"),
        (("range: 007..0010",), "#, range: 7..10"),
        (("impossible-c-format", "cplusplus-format", "wrap"), None),
        (("no-wrap, fuzzy",), "#, fuzzy, no-wrap"),
        (
            ("ycp-format", "c-format", "perl-brace-format", "kde-format"),
            "#, c-format, kde-format, perl-brace-format, ycp-format",
        ),
    ],
)
def test_flags_are_written_in_gettext_order(flags: tuple[str, ...], line: str | None) -> None:
    text = render_entry(Entry(msgid="m", msgstr=("s",), flags=flags))
    assert text == (f"{line}\n" if line else "") + 'msgid "m"\nmsgstr "s"\n'


def test_obsolete_entry() -> None:
    entry = Entry(
        msgid="Obsolete message whose translation is long enough to be wrapped on two lines",
        msgstr=("Verouderd bericht waarvan de vertaling lang genoeg is om over twee regels te lopen",),
        msgctxt="menu",
        flags=("fuzzy", "python-format"),
        previous_msgctxt="old menu",
        previous_msgid="Old obsolete source that is long enough to be wrapped as a previous string too",
        translator_comment="kept for later",
        extracted_comment="obsolete extracted comment",
        references=("old.py:1",),
        obsolete=True,
    )
    assert render_entry(entry) == (
        "# kept for later\n"
        "#. obsolete extracted comment\n"
        "#: old.py:1\n"
        "#, fuzzy, python-format\n"
        '#~| msgctxt "old menu"\n'
        '#~| msgid ""\n'
        '#~| "Old obsolete source that is long enough to be wrapped as a previous "\n'
        '#~| "string too"\n'
        '#~ msgctxt "menu"\n'
        '#~ msgid ""\n'
        '#~ "Obsolete message whose translation is long enough to be wrapped on two "\n'
        '#~ "lines"\n'
        '#~ msgstr ""\n'
        '#~ "Verouderd bericht waarvan de vertaling lang genoeg is om over twee regels "\n'
        '#~ "te lopen"\n'
    )


def test_obsolete_entry_without_translation_is_not_written() -> None:
    assert render_entry(Entry(msgid="gone", msgstr=("",), obsolete=True)) == ""
    plural = Entry(msgid="gone", msgid_plural="gone too", msgstr=("", "x"), obsolete=True)
    assert render_entry(plural) == ""


def test_header() -> None:
    msgstr = (
        "Project-Id-Version: transkit poformat fixtures with a rather long project name that wraps\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
        "&& (n%100<10 || n%100>=20) ? 1 : 2);\n"
    )
    assert render_header(["# Title", "#", "#, fuzzy"], msgstr) == (
        "# Title\n"
        "#\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: transkit poformat fixtures with a rather long project "\n'
        '"name that wraps\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "\n'
        '"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    )
    assert render_header([], "Language: fr\n") == 'msgid ""\nmsgstr "Language: fr\\n"\n'


# --------------------------------------------------------------------------
# The oracle: msgcat formats a catalog, transkit renders what it read, byte for byte.


def _oracle_files() -> list[Path]:
    return sorted(CATALOGS.glob("*.po")) + [CATALOGS / "campaign.pot"] + sorted(FIXTURES.glob("*.po"))


def _msgcat(source: Path, target: Path, *options: str) -> str:
    subprocess.run(
        ["msgcat", *options, str(source), "-o", str(target)],
        check=True,
        capture_output=True,
        env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    )
    return target.read_bytes().decode("utf-8")


def _render_catalog(path: Path, text: str) -> str:
    """The catalog as transkit renders it: header, then every entry, a blank line between."""
    comments = []
    for line in text.split("\n"):
        if line.startswith('msgid ""'):
            break
        if line.startswith("#"):
            comments.append(line)
    blocks = [render_header(comments, scan(text)[0].msgstr[0])]
    blocks += [block for block in map(render_entry, read_catalog(path).entries) if block]
    return "\n".join(blocks)


def test_oracle_covers_catalogs_template_and_fixtures() -> None:
    files = _oracle_files()
    assert len([path for path in files if path.parent == FIXTURES]) >= 3
    assert CATALOGS / "campaign.pot" in files and len(files) > 20


@needs_msgcat
@pytest.mark.parametrize("source", _oracle_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_catalog_formatted_by_msgcat_is_rendered_byte_for_byte(source: Path, tmp_path: Path) -> None:
    out = tmp_path / source.name
    expected = _msgcat(source, out)
    rendered = _render_catalog(out, expected)
    if rendered != expected:  # show the first entry that differs, not the whole file
        for want, got in zip(expected.split("\n\n"), rendered.split("\n\n")):
            assert got == want
    assert rendered == expected


# --------------------------------------------------------------------------
# Hypothesis.

_FRAGMENTS = [
    " ",
    " ",
    " ",
    "\n",
    "\t",
    '"',
    "\\",
    "\r",
    "word",
    "Wörter",
    "-",
    "/",
    ".",
    ",",
    "!",
    "?",
    ":",
    "(",
    ")",
    "«",
    "»",
    "—",
    "%(name)s",
    "%s",
    "%%",
    "{name}",
    "{0:.2f}",
    "{a.b}",
    "https://example.org/a/b",
    "漢字",
    "かな",
    "한국어",
    "ภาษาไทย",
    "عربي",
    "ִעבר־",
    "ሰላም",
    "👍🏽",
    "🇧🇪",
    "\u200b",
    "\u00a0",
    "\u0301",
    "x" * 30,
    "2023-07-10",
]
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04"),
    ),
    max_size=60,
).map("".join)
_FLAGS = st.sampled_from([(), ("python-format",), ("python-brace-format",), ("c-format",), ("no-wrap",)])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=_TEXT,
    keyword=st.sampled_from(["msgid", "msgstr", "msgstr[1]"]),
    obsolete=st.booleans(),
    flags=_FLAGS,
    width=st.integers(min_value=0, max_value=120),
)
def test_rendered_string_parses_back_to_the_same_value(
    value: str, keyword: str, obsolete: bool, flags: tuple[str, ...], width: int
) -> None:
    prefix = "#~ " if obsolete else ""
    lines = render_string(keyword, value, prefix, width, flags=flags)
    assert lines[0].startswith(f'{prefix}{keyword} "')
    assert all(line.startswith(prefix) and line.endswith('"') for line in lines)
    assert all("\n" not in line for line in lines)
    if keyword == "msgstr[1]":
        entry = [f'{prefix}msgid "k"', f'{prefix}msgid_plural "ks"', f'{prefix}msgstr[0] ""', *lines]
    elif keyword == "msgid":  # a context, or an empty msgid would be a second header
        entry = [f'{prefix}msgctxt "k"', *lines, f'{prefix}msgstr ""']
    else:
        entry = [f'{prefix}msgid "k"', *lines]
    scanned = scan('msgid ""\nmsgstr ""\n\n' + "\n".join(entry) + "\n")[1]
    got = scanned.msgid if keyword == "msgid" else scanned.msgstr[-1]
    assert got == value


@needs_msgcat
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_TEXT, flags=_FLAGS, width=st.sampled_from([0, 20, 40, 79, 100]), obsolete=st.booleans())
def test_random_string_is_rendered_as_msgcat_renders_it(
    value: str, flags: tuple[str, ...], width: int, obsolete: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    prefix = "#~ " if obsolete else ""
    lines = render_string("msgstr", value + "x", prefix, width, flags=flags)  # "x": obsolete ones need a translation
    source = tmp_path_factory.mktemp("msgcat") / "one.po"
    flag_line = f"#, {', '.join(flags)}\n" if flags else ""
    source.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'{flag_line}{prefix}msgid "k"\n' + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    text = _msgcat(source, source.with_suffix(".out"), f"--width={width}")
    block = text.split("\n\n")[1].rstrip("\n").split("\n")
    start = next(k for k, line in enumerate(block) if line.startswith(f"{prefix}msgstr"))
    assert block[start:] == lines


# Pieces of format strings that gettext's parsers read differently from Python's or from
# each other's (size runs, <PRI...> macros, the I flag, %@, %u, %F, mixed arguments,
# brace fields it refuses), with the break opportunities that show where it protects.
_DIRECTIVE_PIECES = [
    *"% %% %s %d %-s %- s % d %(a-b)s %(x)d %*d %.*f %-*s %u %F %a %r %c %- c %5% %-5% %(a)% %.-".split(" "),
    *"%1$s %2$-d %1$- d %*1$d %0$d %I- d %I d %'- d %@ %-@ %l@ %<PRId64> %-<PRIu32> %l<PRId64>".split(" "),
    *"%hld %lld %- hd %hhhd %jzd %-m %m %٣d %- ٣d %q-d %Z-d %1$% %1$m".split(" "),
    *"{ } {{ }} {x} {a-b} {x:>10} {x!r} {0} {} {x:{y}} {a.b} {a[0]} {a[b-c]} {a[bé]} {é}".split(" "),
    *"{x: <5} {x:-^10.3f} {x:abc} {a.} {x:{y:z}} {x.y[1].z} {a[ {x:é<5}".split(" "),
    *[" ", " ", "- ", "-", "a-b", "word", "é", "漢字", "(", "$", "1", "9$", "\n", "\t", '"', "x" * 10],
]
_FORMAT_FLAGS = [("python-format",), ("python-brace-format",), ("c-format",), ("objc-format",), ("possible-c-format",)]


@needs_msgcat
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    messages=st.lists(
        st.tuples(
            st.lists(st.sampled_from(_DIRECTIVE_PIECES), min_size=1, max_size=14).map("".join),
            st.sampled_from(_FORMAT_FLAGS),
            st.booleans(),
        ),
        min_size=1,
        max_size=400,
    ),
    width=st.sampled_from([20, 24, 31]),
)
def test_format_directives_are_kept_whole_as_msgcat_keeps_them(
    messages: list[tuple[str, tuple[str, ...], bool]], width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # One msgcat run for many messages; each string is a msgid or a translation, since
    # C's I flag is allowed in a translation only.
    entries = [
        Entry(msgctxt=str(k), msgid=value if in_msgid else "k", msgstr=("x" if in_msgid else value,), flags=flags)
        for k, (value, flags, in_msgid) in enumerate(messages)
    ]
    source = tmp_path_factory.mktemp("msgcat") / "directives.po"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    source.write_text(header + "".join(render_entry(entry, 0) + "\n" for entry in entries), encoding="utf-8")
    blocks = _msgcat(source, source.with_suffix(".out"), f"--width={width}").split("\n\n")[1:]
    assert len(blocks) == len(entries)
    for entry, block in zip(entries, blocks):
        assert render_entry(entry, width) == block.rstrip("\n") + "\n", entry
