"""Digits of every script Unicode calls decimal read as the same number wherever numbers
are compared (issue 17): M101's numbers, the phone numbers and digit runs of the term
checks.  A phone number in full-width digits is the helpline, spelt otherwise (T103)."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from transkit.cli import main
from transkit.terms.values import ascii_digits, digit_runs, phone_numbers
from transkit.text.numbers import missing_numbers, numbers

# The zero of every decimal digit set Unicode has (category Nd: ASCII, Arabic-Indic,
# Devanagari, Thai, Myanmar, full-width, mathematical bold, ...): sixty and more scripts.
ZEROS = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if unicodedata.category(chr(c)) == "Nd" and unicodedata.decimal(chr(c)) == 0
]
SOURCE = "Call 078 055 800 now: open 24 hours, 365 days."


def _in_script(zero: str, text: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if c.isascii() and c.isdigit() else c for c in text)


def test_every_decimal_digit_set_is_found() -> None:
    assert len(ZEROS) >= 60 and "\uff10" in ZEROS and "\u0660" in ZEROS


@pytest.mark.parametrize("zero", ZEROS, ids=lambda z: unicodedata.name(z).replace(" ", "_"))
def test_a_number_in_any_decimal_script_is_the_same_number(zero: str) -> None:
    translated = _in_script(zero, SOURCE)
    assert [n.value for n in numbers(translated)] == [n.value for n in numbers(SOURCE)]
    assert missing_numbers(SOURCE, translated) == []
    assert [p.value for p in phone_numbers(translated)] == ["+3278055800"]
    assert digit_runs(translated) == digit_runs(SOURCE) == ("078", "055", "800", "24", "365")
    assert ascii_digits(translated) == SOURCE


def test_superscript_and_circled_digits_are_not_decimal_digits() -> None:
    # "m²" is a unit, "①" a list label: neither is the digit 2 or 1 of a number.
    assert ascii_digits("10 m² ① ٣") == "10 m² ① 3"


def test_full_width_helpline_is_the_helpline_spelt_otherwise(tmp_path: Path) -> None:
    """A Japanese catalog writing the helpline in full-width digits: the number is there
    (no T101, T102 or M101 error) but not in its approved spelling (T103 warning)."""
    (tmp_path / "ja" / "LC_MESSAGES").mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    (tmp_path / "site.pot").write_text(
        header + '\nmsgid "Call 078 055 800 in 24 hours."\nmsgstr ""\n', encoding="utf-8"
    )
    (tmp_path / "ja" / "LC_MESSAGES" / "site.po").write_text(
        header
        + '"Language: ja\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        + 'msgid "Call 078 055 800 in 24 hours."\nmsgstr "２４時間以内に ０７８ ０５５ ８００ に電話してください。"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["check", str(tmp_path), "--glossary", str(ROOT / "glossary"), "--format", "json", "--fail-on", "warning"]
    )
    assert result.exit_code == 1, result.output
    codes = {(f["code"], f["severity"]) for f in json.loads(result.output)["findings"]}
    assert ("T103", "warning") in codes
    assert not {code for code, severity in codes if severity == "error"}, codes


@pytest.mark.parametrize(
    "text",
    [
        "请拨打078 055 800",  # Chinese writes no space between words and numbers
        "今すぐ078 055 800に電話してください",
        "今すぐ０７８ ０５５ ８００に電話してください",
        "078-055-800으로 전화하세요",  # a Korean particle follows the number
        "โทร078 055 800",
    ],
)
def test_a_number_against_a_letter_of_a_script_without_spaces_is_read(text: str) -> None:
    """Chinese, Japanese, Korean and Thai write a number against the word before or after
    it: the number is still read, as it is after a space (no false T101 error)."""
    assert [p.value for p in phone_numbers(text)] == ["+3278055800"]


@pytest.mark.parametrize("text", ["x078 055 800", "078 055 800b", "_078 055 800", "BH-2023-0415"])
def test_a_number_glued_to_a_latin_letter_is_part_of_a_code(text: str) -> None:
    assert phone_numbers(text) == ()
