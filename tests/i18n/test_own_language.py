"""transkit in the translator's language: a French or Dutch translator reads French or
Dutch, CI and scripts read the same bytes whatever the language.

The session of issue 20: ``LANGUAGE=fr transkit check`` on the shipped campaign,
``LANGUAGE=nl transkit --help``, the JSON compared across languages, the locale variables
in gettext's order, an unknown language, a cached and a parallel run.
"""

from __future__ import annotations

import pickle

import pytest
from click.testing import CliRunner
from conftest import GOLDEN, PROJECTS, ROOT

from transkit.cli import main
from transkit.i18n import L_, Ln_, Message, languages, translate, translations

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def run(args: list[str], **env: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env={**NO_LOCALE, **env}, prog_name="transkit")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_language_fr_check_prints_french_with_codes_and_names_unchanged(at_root: None) -> None:
    code, out, _ = run(["check"], LANGUAGE="fr")
    assert code == 0
    assert "catalogs/hu.po:312: info C105 obsolete-message: message obsolète conservé dans le catalogue" in out
    assert (
        "catalogs/ps.po:132: warning C103 fuzzy-message: traduction approximative (fuzzy) à revoir : "
        'la source a changé depuis "Nobody may take your passport." (la formulation a changé)'
    ) in out
    assert "catalogs/fr.po:4: info T162 term-variant: trafficking est rendu par" in out
    assert "Couverture par rapport à catalogs/campaign.pot (50 messages) :" in out
    assert "  ti  Tigrinya    75.0%  21/28  7 non traduits" in out
    # French plurals: 0 is singular (n > 1), unlike English and Dutch.
    assert out.endswith("Trouvé 0 erreur, 58 avertissements, 12 infos dans 69 catalogues.\n")
    english = run(["check"])[1]
    assert english.endswith("Found 0 errors, 58 warnings, 12 info in 69 catalogs.\n")
    assert "message obsolète" not in english


def test_language_nl_help_is_dutch_with_click_own_words(at_root: None) -> None:
    code, out, _ = run(["--help"], LANGUAGE="nl")
    assert code == 0
    assert out.startswith("Gebruik: transkit [OPTIONS] COMMAND [ARGS]...\n")
    assert "Kwaliteitscontrole van vertalingen voor gettext-catalogi." in out
    assert "transkit check              ./catalogs controleren met het sjabloon en de termenbank" in out
    assert "\nOpties:\n" in out and "\nOpdrachten:\n" in out
    assert "-h, --help  Dit bericht tonen en afsluiten." in out
    assert "--version   De versie tonen en afsluiten." in out
    assert "  check         Melden wat ontbreekt" in out  # a command's short help
    check_help = run(["check", "--help"], LANGUAGE="nl")[1]
    assert "--no-cache" in check_help and "Alles opnieuw controleren; de resultatencache" in check_help
    assert "[standaard: text]" in check_help  # click's "default:" around an unchanged value


def test_help_switches_language_from_one_run_to_the_next(at_root: None) -> None:
    """The help texts stay English on click's objects and are translated when shown,
    so one process (a test session, an IDE) can show each language in turn."""
    assert "Afficher ce message et quitter." in run(["check", "--help"], LANGUAGE="fr")[1]
    assert "Dit bericht tonen en afsluiten." in run(["check", "--help"], LANGUAGE="nl")[1]
    assert "Show this message and exit." in run(["check", "--help"])[1]


def test_click_usage_errors_in_the_user_language(at_root: None) -> None:
    code, _, err = run(["check", "--format", "xml"], LANGUAGE="fr")
    assert code == 2
    assert "Essayez « transkit check --help » pour obtenir de l’aide." in err
    assert "Erreur : Valeur non valide pour '--format' : 'xml' n’est pas l’une des valeurs" in err
    code, _, err = run(["explain", "X999"], LANGUAGE="nl")
    assert code == 2 and "geen controle 'X999'; `transkit checks` somt ze op" in err


@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "github", "markdown"])
def test_machine_formats_are_identical_in_every_language(at_root: None, output_format: str) -> None:
    outputs = {
        language: run(["check", "--format", output_format, "--no-cache"], **env)
        for language, env in {
            "unset": {},
            "en": {"LANGUAGE": "en"},
            "fr": {"LANGUAGE": "fr"},
            "nl": {"LC_ALL": "nl_BE.UTF-8"},
        }.items()
    }
    assert len({out for _, out, _ in outputs.values()}) == 1, output_format
    assert outputs["fr"][0] == 0 and "message not translated" in outputs["fr"][1]
    assert "non traduit" not in outputs["fr"][1]


def test_a_cached_run_speaks_french_too(at_root: None) -> None:
    english = run(["check"])[1]  # fills the cache, in English
    french = run(["check"], LANGUAGE="fr")[1]  # answered by the cache
    assert "message non traduit" in french and "message not translated" in english
    assert french.count("\n") == english.count("\n")


def test_worker_processes_carry_the_message_templates(at_root: None) -> None:
    french = run(["check", "-j", "2", "--no-cache"], LANGUAGE="fr")[1]
    assert "message absent du catalogue (modèle catalogs/campaign.pot:117)" in french


def test_languages_follow_gettext_order() -> None:
    assert languages({"LANGUAGE": "nl:fr", "LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}) == ("nl", "fr")
    assert languages({"LC_ALL": "nl_BE.UTF-8", "LC_MESSAGES": "fr_BE.UTF-8", "LANG": "de_DE"}) == ("nl_BE.UTF-8",)
    assert languages({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "nl_BE.UTF-8"}) == ("fr_BE.UTF-8",)
    assert languages({"LANG": "nl_BE.UTF-8"}) == ("nl_BE.UTF-8",)
    # An exact C or POSIX locale means English whatever LANGUAGE says, as in glibc ...
    assert languages({"LANGUAGE": "fr", "LANG": "C"}) == ()
    assert languages({"LANGUAGE": "fr", "LC_ALL": "POSIX", "LANG": "nl_BE.UTF-8"}) == ()
    # ... but C.UTF-8 keeps LANGUAGE (glibc does too), and so does no locale at all.
    assert languages({"LANGUAGE": "fr", "LANG": "C.UTF-8"}) == ("fr",)
    assert languages({"LANGUAGE": "fr"}) == ("fr",)
    assert languages({"LANG": "C.UTF-8"}) == ()
    assert languages({}) == ()


def test_locale_variables_choose_the_language_end_to_end(at_root: None) -> None:
    assert run(["--help"], LC_ALL="nl_BE.UTF-8", LANG="fr_BE.UTF-8")[1].startswith("Gebruik:")
    assert run(["--help"], LC_MESSAGES="fr_BE.UTF-8", LANG="nl_BE.UTF-8")[1].startswith("Utilisation :")
    assert run(["--help"], LANGUAGE="nl", LANG="fr_BE.UTF-8")[1].startswith("Gebruik:")
    assert run(["--help"], LANGUAGE="fr", LC_ALL="C")[1].startswith("Usage:")
    assert run(["--help"], LANGUAGE="fr", LANG="C.UTF-8")[1].startswith("Utilisation :")


def test_an_unknown_language_falls_back_to_english(at_root: None) -> None:
    english = run(["check"])[1]
    assert run(["check"], LANGUAGE="xx")[1] == english
    assert run(["check"], LANG="tlh_XX.UTF-8")[1] == english
    # a colon list: the first language with a catalog wins
    assert "Trouvé 0 erreur" in run(["check"], LANGUAGE="xx:fr:nl")[1]


def test_the_html_report_interface_in_french(in_tmp) -> None:
    import shutil

    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    code, _, _ = run(["report", "-o", "fr.html", "--now", "2026-01-01T00:00:00Z"], LANGUAGE="fr")
    assert code == 0
    page = (in_tmp / "fr.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert "<h1>Rapport de couverture des traductions</h1>" in page
    assert '<th scope="col" data-sort="num">Avertissements</th>' in page
    assert "Généré le <time" in page
    assert "message non traduit" in page  # a finding, translated in the page
    # the downloads are data: they stay English
    run(["report", "-o", "en.html", "--now", "2026-01-01T00:00:00Z"])
    english = (in_tmp / "en.html").read_text(encoding="utf-8")
    assert english == (GOLDEN / "report.html").read_text(encoding="utf-8").replace("catalogs/", "catalogs/")
    assert _data_urls(page) == _data_urls(english)


def _data_urls(page: str) -> list[str]:
    import re

    return re.findall(r'href="(data:[^"]*)"', page)


def test_a_message_is_its_english_text_and_survives_pickling_and_the_cache() -> None:
    message = L_("{term} is rendered as {forms}", term="helpline", forms="“x” (2)")
    assert message == "helpline is rendered as “x” (2)" and isinstance(message, str)
    nested = Ln_("{count} error", "{count} errors", 0, extra=message)
    assert nested == "0 errors"
    french = translations({"LANGUAGE": "fr"})
    restored = Message.restored(str(nested), nested.as_data())  # as the run cache reads it back
    for copy in (
        pickle.loads(pickle.dumps(nested)),
        Message.from_data(nested.as_data()),
        restored,
        pickle.loads(pickle.dumps(restored)),
    ):
        assert copy == nested and copy.template == "{count} error" and copy.number == 0
        assert copy.args["extra"] == message and copy.as_data() == nested.as_data()
        assert translate(copy, french) == translate(nested, french)
    assert translate(nested, french) == "0 erreur"
    assert translate(message, french) == "helpline est rendu par “x” (2)"
    assert translate("not a template", french) == "not a template"
