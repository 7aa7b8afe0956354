"""A template written in another language than English (issue 15, item 5): the checks that
compare with the source read it by its own language's rules, and the termbase's source
forms are that language's approved forms."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from transkit.cli import main

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: press 2023\\n"
"POT-Creation-Date: 2023-10-18 09:00+0200\\n"
"PO-Revision-Date: 2023-10-18 10:00+0200\\n"
"Language: {language}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""

SOURCES = [
    "Appelez la ligne d’assistance au 078 055 800 ou consultez stoptraite.be.",
    "La traite des êtres humains est un crime.",
    "Les centres PAG-ASA, Payoke et Sürya accueillent les victimes de la traite.",
]


def write(path: Path, language: str, translations: list[str]) -> None:
    body = "".join(
        f'\n#: press.md:{n}\nmsgid "{source}"\nmsgstr "{text}"\n'
        for n, (source, text) in enumerate(zip(SOURCES, translations), start=1)
    )
    path.write_text(HEADER.format(language=language) + body, encoding="utf-8")


GOOD = {
    "en": [
        "Call the helpline on 078 055 800 or visit stophumantrafficking.be.",
        "Trafficking in human beings is a crime.",
        "The PAG-ASA, Payoke and Sürya centres take in victims of trafficking.",
    ],
    "nl": [
        "Bel de hulplijn op 078 055 800 of ga naar stopmensenhandel.be.",
        "Mensenhandel is een misdrijf.",
        "De centra PAG-ASA, Payoke en Sürya vangen slachtoffers van mensenhandel op.",
    ],
}


def project(root: Path, header: str, translations: dict[str, list[str]], config: str = "") -> Path:
    folder = root / "catalogs"
    folder.mkdir()
    write(folder / "press.pot", header, [""] * len(SOURCES))
    for code, texts in translations.items():
        write(folder / f"{code}.po", code, texts)
    shutil.copytree(ROOT / "glossary", root / "glossary")
    if config:
        (root / "transkit.toml").write_text(config, encoding="utf-8")
    return folder


def findings(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json", "--no-cache"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("how", ["header", "configuration"])
def test_good_translations_of_a_french_template_have_no_finding(in_tmp: Path, how: str) -> None:
    if how == "header":
        project(in_tmp, "fr", GOOD)
    else:
        project(in_tmp, "", GOOD, config='source-language = "fr"\n')
    assert [(f["code"], f["file"], f["message"]) for f in findings() if f["severity"] != "info"] == []


def test_the_termbase_is_read_from_the_source_language(in_tmp: Path) -> None:
    wrong = {
        "en": [
            # The French website kept in English, and trafficking become smuggling.
            "Call the helpline on 078 055 800 or visit stoptraite.be.",
            "Human smuggling is a crime.",
            "The PAG-ASA, Payoke and Sürya centres take in victims of trafficking.",
        ],
        "nl": [
            "Bel de hulplijn op 078 055 801 of ga naar stopmensenhandel.be.",
            "Mensensmokkel is een misdrijf.",
            "De centra PAG-ASA, Payoke en Surya vangen slachtoffers van mensenhandel op.",
        ],
    }
    project(in_tmp, "fr", wrong)
    found = {(f["language"], f["check"], f["severity"]) for f in findings()}
    assert {
        ("en", "website-wrong", "error"),  # the French website in English
        ("en", "forbidden-term", "error"),  # trafficking become smuggling
        ("nl", "phone-number-changed", "error"),
        ("nl", "forbidden-term", "error"),
        ("nl", "name-misspelled", "warning"),
    } <= found, found


def test_a_copy_of_the_french_source_is_reported_in_english_not_in_french(in_tmp: Path) -> None:
    copies = {"en": list(SOURCES), "fr": list(SOURCES)}
    project(in_tmp, "fr", copies)
    identical = {f["language"] for f in findings() if f["check"] == "identical-to-source"}
    assert identical == {"en"}


def test_english_templates_are_unchanged(in_tmp: Path) -> None:
    """Without a header or configuration the source is English: an English catalog that
    copies it is no copy, a French one is."""
    project(in_tmp, "", {"en": list(SOURCES), "fr": list(SOURCES)})
    identical = {f["language"] for f in findings() if f["check"] == "identical-to-source"}
    assert identical == {"fr"}


def test_a_bad_source_language_is_a_configuration_error(in_tmp: Path) -> None:
    project(in_tmp, "", GOOD, config='source-language = "klingon!"\n')
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert result.stderr.startswith("transkit.toml:1: 'source-language' must be a language code")
