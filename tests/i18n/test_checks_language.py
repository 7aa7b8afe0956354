"""The findings, errors and notes a French or Dutch translator meets on a catalog of
their own: markup, plural rules, punctuation, the format parsers' errors, a missing file,
``explain``. Codes, names, paths and the machine formats stay the same in every language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transkit.cli import main

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}

PLANTED = r"""msgid ""
msgstr ""
"Project-Id-Version: campaign\n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "<a href=\"/help\">Get help</a> now"
msgstr "Obtenir de l’aide maintenant"

#, c-format
msgid "%d call today"
msgid_plural "%ld calls today"
msgstr[0] "%ld appel aujourd’hui"
msgstr[1] "%ld appels aujourd’hui"

#, c-format
msgid "Call 078 055 800 (%s)"
msgstr "Appelez le 078 055 800 (%s"

#, python-brace-format
msgid "Hello {name}"
msgstr "Bonjour {name"
"""


def run(args: list[str], **env: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env={**NO_LOCALE, **env}, prog_name="transkit")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A French catalog sent on its own: no template, no termbase."""
    (tmp_path / "fr.po").write_text(PLANTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_french_translator_reads_markup_plural_and_punctuation_findings_in_french(planted: Path) -> None:
    code, out, err = run(["check", "fr.po"], LANGUAGE="fr")
    assert code == 1
    assert (
        "fr.po:1: warning H109 plural-rule-unexpected: plural=(n != 1) regroupe les nombres autrement que "
        "la règle plural=(n > 1) de la langue French (Weblate) : selon la référence, n = 1 prend la forme "
        "de n = 0 ; ici, une forme propre"
    ) in out
    assert (
        'fr.po:10: error M131 tag-missing: les balises “<a href="/help">”, “</a>” de la source manquent '
        'dans la traduction ["<a href="/help">Get help</a> now"]'
    ) in out
    assert (
        'fr.po:14: warning P114 source-plural-mismatch: msgid comparé à msgid_plural (c-format) : "%ld" '
        'est devenu "%d" : long est devenu int'
    ) in out
    assert "fr.po:20: warning S111 bracket-unbalanced: “(” n’est pas fermé" in out
    # The brace parser's own error, quoted inside a placeholder finding.
    assert '"{name" n’est jamais fermé ; écrivez {{ pour une accolade' in out
    assert "C101 C106 C107 C108 T163 ignorés, car ils ont besoin du modèle" in err


def test_dutch_translator_reads_the_same_findings_in_dutch(planted: Path) -> None:
    code, out, _ = run(["check", "fr.po"], LANGUAGE="nl")
    assert code == 1
    assert "daar" not in out
    assert "volgens de referentie krijgt n = 1 de vorm van n = 0, hier een eigen vorm" in out
    assert "“</a>” van de brontekst ontbreken in de vertaling" in out
    assert 'msgid tegenover msgid_plural (c-format): "%ld" werd "%d": long werd int' in out
    assert "“(” wordt niet gesloten" in out


def test_english_findings_and_machine_formats_do_not_change_with_the_language(planted: Path) -> None:
    out = run(["check", "fr.po"])[1]
    assert (
        "fr.po:1: warning H109 plural-rule-unexpected: plural=(n != 1) groups numbers unlike French's "
        "plural=(n > 1) (Weblate): there n = 1 takes the form of n = 0, here a form of its own"
    ) in out
    assert 'tags “<a href="/help">”, “</a>” of the source are missing from the translation' in out
    for output_format in ("json", "sarif", "junit", "github", "markdown"):
        english = run(["check", "fr.po", "--format", output_format])[1]
        assert english
        for language in ("fr", "nl"):
            assert run(["check", "fr.po", "--format", output_format], LANGUAGE=language)[1] == english


def test_plural_forms_parser_errors_are_translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """H105 quotes the Plural-Forms parser's own words: they are the translator's too."""
    broken = PLANTED.replace("plural=(n != 1);", "plural=(n > 1 ? : 0);")
    (tmp_path / "fr.po").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    english = run(["check", "fr.po"])[1]
    assert "H105 plural-forms-invalid: Plural-Forms cannot be parsed (expected n, a number or '(' at" in english
    french = run(["check", "fr.po"], LANGUAGE="fr")[1]
    assert (
        "H105 plural-forms-invalid: Plural-Forms est illisible (n, un nombre ou '(' attendu à la position"
    ) in french
    assert "gettext se rabat donc sur nplurals=2; plural=(n != 1)" in french


def test_a_missing_file_is_said_in_french_with_the_path_unchanged(planted: Path) -> None:
    code, out, err = run(["check", "nl.po"], LANGUAGE="fr")
    assert code == 2 and out == ""
    assert err == "nl.po: fichier ou dossier introuvable\n"
    assert run(["check", "nl.po"])[2] == "nl.po: no such file or folder\n"
    assert run(["check", "nl.po"], LANGUAGE="nl")[2] == "nl.po: bestand of map bestaat niet\n"


def test_explain_frames_the_english_documentation_in_dutch() -> None:
    code, out, _ = run(["explain", "P114"], LANGUAGE="nl")
    assert code == 0
    assert out.startswith(
        "P114 source-plural-mismatch (warning, entry)\n\n"
        "De beschrijving hieronder is in het Engels: de documentatie van de controles is niet vertaald.\n\n"
        "A plural source's msgid and msgid_plural do not agree"
    )
    english = run(["explain", "P114"])[1]
    assert english.startswith("P114 source-plural-mismatch (warning, entry)\n\nA plural source's msgid")
    assert "Needs the template" in run(["explain", "C101"])[1]
    assert (
        "\n\nNécessite le modèle : omis quand un catalogue est contrôlé seul"
        in run(["explain", "C101"], LANGUAGE="fr")[1]
    )


def test_init_summary_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "catalogs").mkdir()
    template = PLANTED.replace('"Language: fr\\n"\n', "").replace("Plural-Forms: nplurals=2; plural=(n != 1);", "")
    (tmp_path / "catalogs" / "campaign.pot").write_text(template, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["init", "nl", "catalogs"], LANGUAGE="fr")
    assert code == 0, out
    assert out == ("catalogs/nl.po créé : Dutch (nl), nplurals=2; plural=(n != 1) ; messages à traduire : 4\n")


def test_init_with_a_language_name_answers_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "campaign.pot").write_text(PLANTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "French", "catalogs"], LANGUAGE="fr")
    assert code == 2 and out == ""
    assert err == "transkit: 'French' n’est pas un code de langue\u00a0; vouliez-vous dire fr (French)\u00a0?\n"
    assert run(["init", "French", "catalogs"])[2] == (
        "transkit: 'French' is not a language code; did you mean fr (French)?\n"
    )
    assert not (tmp_path / "catalogs" / "fr.po").exists()


def test_an_unreadable_catalog_is_said_in_the_translators_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's errors (F001's words): the line stays where msgfmt puts it, the words are French."""
    (tmp_path / "fr.po").write_text(PLANTED + '\nmsgid "Call now"\nmsgstr "Appelez\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    english = run(["check", "fr.po"])
    french = run(["check", "fr.po"], LANGUAGE="fr")
    assert english[0] == french[0] == 2
    assert english[2] == "fr.po:28: end-of-line within string\n"
    assert french[2] == "fr.po:28: fin de ligne à l’intérieur d’une chaîne\n"
