"""A translator checks the one catalog an agency sent, with no template anywhere: each
catalog is checked against its own messages, the checks that need the template are named
as skipped, and coverage is counted as msgfmt counts it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, ROOT, msgfmt_statistics, needs_msgfmt

import transkit
from transkit.api.locating import find_root
from transkit.cli import main
from transkit.engine.registry import all_checks

TEMPLATE_CHECKS = ["C101", "C106", "C107", "C108", "T163"]

PLANTED = """\
# French translation sent by an agency, without its template.
msgid ""
msgstr ""
"Project-Id-Version: campaign\\n"
"Language: fr\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#, python-brace-format
msgid "Hello {name}, we are here to help."
msgstr "Bonjour {nom}, nous sommes là pour vous aider."

msgid "Call the helpline on 078 055 800, 24 hours a day, 7 days a week."
msgstr "Appelez la ligne d’assistance au 078 055 880, 24 heures par jour, 7 jours par semaine."

#, fuzzy
#| msgid "Send"
msgid "Send the report"
msgstr "Envoyer"

msgid "Close"
msgstr ""

#, python-format
msgid "%(count)d file attached"
msgid_plural "%(count)d files attached"
msgstr[0] "%(count)d fichier joint"
msgstr[1] "%(count)d fichiers joints"

#~ msgid "Download the campaign leaflet (PDF)"
#~ msgstr "Télécharger le dépliant de la campagne (PDF)"
"""


@pytest.fixture
def alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder with no project above it, holding ``some/dir/fr.po`` and the
    campaign's termbase in ``terms/`` (not ``glossary/``, so that none is found)."""
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(tmp_path / "cache"))
    here = tmp_path / "translator"
    (here / "some" / "dir").mkdir(parents=True)
    (here / "some" / "dir" / "fr.po").write_text(PLANTED, encoding="utf-8")
    shutil.copytree(ROOT / "glossary", here / "terms")
    monkeypatch.chdir(here)
    config, root = find_root(here)
    assert (config, root) == (None, here), f"a project above {here} would be found: {config or root}"
    assert not any(any(folder.glob("*.pot")) for folder in (here, *here.parents))
    return here


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_catalog_without_template_is_checked_against_its_own_messages(alone: Path) -> None:
    result = _invoke("check", "some/dir/fr.po", "--glossary", "terms")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("some/dir/fr.po:11: error P103 placeholder-renamed:") for line in lines), lines
    assert any(line.startswith("some/dir/fr.po:14: error T102 phone-number-changed:") for line in lines), lines
    assert any(line.startswith("some/dir/fr.po:2: error H104 plural-forms-missing:") for line in lines), lines
    assert any(line.startswith("some/dir/fr.po:19: warning C103 fuzzy-message:") for line in lines), lines
    assert any(line.startswith("some/dir/fr.po:22: warning C102 untranslated-message:") for line in lines), lines
    # Nothing that needs the template ran.
    assert not any(f" {code} " in line for line in lines for code in TEMPLATE_CHECKS), lines
    assert "  fr  French   60.0%  3/5  some/dir/fr.po: 1 fuzzy, 1 untranslated, 1 obsolete" in lines
    # One line says what was skipped and how to have it.
    notes = [line for line in result.stderr.splitlines() if "template" in line]
    assert notes == [
        "transkit: no template (*.pot) found: each catalog was checked against its own messages; "
        "skipped C101 C106 C107 C108 T163, which need the template (name it with --template PATH)"
    ]


def test_without_a_glossary_the_term_checks_are_skipped_and_said_so(alone: Path) -> None:
    result = _invoke("check", "some/dir/fr.po")
    assert result.exit_code == 1  # the placeholder and header errors remain
    assert " T102 " not in result.stdout
    assert "critical-term checks skipped" in result.stderr


def test_the_json_report_has_the_usual_shape_with_no_template(alone: Path) -> None:
    result = _invoke("check", "some/dir/fr.po", "--glossary", "terms", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    usual = json.loads((ROOT / "tests" / "golden" / "check.json").read_text(encoding="utf-8"))
    assert set(usual) <= set(document)
    assert document["template"] is None
    assert document["domains"] == []
    assert document["skipped"] == TEMPLATE_CHECKS
    assert set(document["findings"][0]) == set(usual["findings"][0])
    assert {"P103", "T102", "H104", "C103", "C102"} <= {f["code"] for f in document["findings"]}
    assert document["summary"]["catalogs"] == 1
    (coverage,) = document["coverage"]
    assert (coverage["total"], coverage["translated"], coverage["missing"]) == (5, 3, 0)


def test_the_catalog_s_extracted_comments_are_its_template_s_markers(alone: Path) -> None:
    """msgmerge copied the template's `#.` comments into the catalog: alone, they are the
    template's markers, and one that suppresses nothing is reported once."""
    path = alone / "some" / "dir" / "fr.po"
    marked = PLANTED.replace(
        '#, python-brace-format\nmsgid "Hello',
        '#. transkit-ignore: P103\n#. transkit-ignore: S122\n#, python-brace-format\nmsgid "Hello',
    )
    path.write_text(marked, encoding="utf-8")
    result = _invoke("check", "some/dir/fr.po", "-q")
    codes = [line.split()[2] for line in result.stdout.splitlines()]
    assert "P103" not in codes
    assert codes.count("N101") == 1 and "suppression of S122 suppresses nothing" in result.stdout


def test_a_selection_without_template_checks_still_says_there_was_no_template(alone: Path) -> None:
    result = _invoke("check", "some/dir/fr.po", "--select", "P", "--select", "C101")
    assert [line.split()[2] for line in result.stdout.splitlines() if ": error " in line] == ["P103"]
    assert "skipped C101, which need the template" in result.stderr


def test_the_template_makes_the_template_checks_run(alone: Path) -> None:
    template = alone / "campaign.pot"
    template.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "A new message"\nmsgstr ""\n',
        encoding="utf-8",
    )
    result = _invoke("check", "some/dir/fr.po", "--template", "campaign.pot")
    assert " warning C101 missing-message:" in result.stdout
    assert " warning C108 message-not-in-template:" in result.stdout
    assert "no template" not in result.stderr


def test_several_catalogs_each_stand_alone(alone: Path) -> None:
    (alone / "b").mkdir()
    shutil.copy(CATALOGS / "nl.po", alone / "b" / "nl.po")
    result = _invoke("check", "some/dir/fr.po", "b/nl.po", "--glossary", "terms", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [(c["file"], c["total"]) for c in document["coverage"]] == [("b/nl.po", 50), ("some/dir/fr.po", 5)]
    assert {f["file"] for f in document["findings"]} == {"some/dir/fr.po"}  # the shipped nl.po is clean
    assert len([line for line in result.stderr.splitlines() if "no template" in line]) == 1


def test_a_folder_of_catalogs_without_template(alone: Path) -> None:
    shutil.copy(CATALOGS / "ps.po", alone / "some" / "dir" / "ps.po")
    result = _invoke("check", "some/dir", "-q")
    assert "some/dir/ps.po:" in result.stdout and "some/dir/fr.po:" in result.stdout
    assert result.exit_code == 1


def test_an_unreadable_catalog_among_lone_ones_is_reported_and_the_others_checked(alone: Path) -> None:
    (alone / "some" / "dir" / "nl.po").write_text('msgid "unterminated\n', encoding="utf-8")
    result = _invoke("check", "some/dir", "--select", "F", "--select", "P")
    assert result.exit_code == 1
    assert "some/dir/nl.po:1: error F001 unreadable-catalog:" in result.stdout
    assert "some/dir/fr.po:11: error P103" in result.stdout
    (alone / "some" / "dir" / "fr.po").unlink()
    only = _invoke("check", "some/dir")
    assert only.exit_code == 2
    assert only.stderr.startswith("some/dir/nl.po:1: ")


def test_a_folder_with_no_catalog_and_no_template_is_a_usage_error(alone: Path) -> None:
    (alone / "empty").mkdir()
    result = _invoke("check", "empty")
    assert result.exit_code == 2
    assert result.stderr == "empty: no catalogs (*.po) and no template (*.pot) found\n"


@needs_msgfmt
@pytest.mark.parametrize("language", ["fr", "ps", "tl", "ti"])
def test_stats_without_template_counts_as_msgfmt(alone: Path, language: str) -> None:
    target = alone / "some" / "dir" / f"{language}.po"
    shutil.copy(CATALOGS / f"{language}.po", target)
    result = _invoke("stats", str(target.relative_to(alone)), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["template"] is None
    (row,) = document["coverage"]
    assert (row["translated"], row["fuzzy"], row["untranslated"]) == msgfmt_statistics(target)
    assert row["missing"] == 0 and row["extra"] == 0


@needs_msgfmt
def test_stats_of_the_planted_catalog_counts_as_msgfmt(alone: Path) -> None:
    result = _invoke("stats", "some/dir/fr.po")
    assert result.exit_code == 0
    header, _, columns, row = result.stdout.splitlines()
    assert header == "no template: each catalog against its own messages, 1 catalog"
    translated, fuzzy, untranslated = msgfmt_statistics(alone / "some" / "dir" / "fr.po")
    assert columns.split()[:3] == ["file", "code", "language"]
    assert row.split()[:7] == ["some/dir/fr.po", "fr", "French", "5", str(translated), str(fuzzy), str(untranslated)]


@needs_msgfmt
def test_a_plural_with_an_empty_form_is_the_one_documented_difference_from_msgfmt(alone: Path) -> None:
    path = alone / "some" / "dir" / "fr.po"
    path.write_text(PLANTED.replace('msgstr[1] "%(count)d fichiers joints"', 'msgstr[1] ""'), encoding="utf-8")
    (row,) = json.loads(_invoke("stats", "some/dir/fr.po", "--format", "json").stdout)["coverage"]
    translated, fuzzy, untranslated = msgfmt_statistics(path)  # msgfmt looks at the first form only
    assert (row["translated"], row["fuzzy"], row["untranslated"]) == (translated - 1, fuzzy, untranslated + 1)


def test_terms_without_template(alone: Path) -> None:
    result = _invoke("terms", "some/dir/fr.po", "--glossary", "terms", "--format", "json")
    assert result.exit_code == 0, result.output
    cells = {(c["term"], c["language"]): c["status"] for c in json.loads(result.stdout)["cells"]}
    assert cells[("helpline", "fr")] == "wrong"


def test_the_library_call_gives_what_the_command_gives(alone: Path) -> None:
    report = transkit.check_paths(["some/dir/fr.po"], glossary="terms")
    assert report.template is None
    assert report.skipped == tuple(TEMPLATE_CHECKS)
    assert report.exit_code() == 1
    assert any("skipped C101 C106 C107 C108 T163" in note for note in report.notes)
    assert not set(report.selected) & set(TEMPLATE_CHECKS)
    command = json.loads(_invoke("check", "some/dir/fr.po", "--glossary", "terms", "--format", "json").stdout)
    assert [(f.code, f.line) for f in report.findings] == [(f["code"], f["line"]) for f in command["findings"]]
    table = transkit.stats_paths(["some/dir/fr.po"])
    assert table.template is None and table.coverage[0].total == 5


def test_the_registry_declares_which_checks_need_a_template() -> None:
    assert [info.code for info in all_checks() if info.needs_template] == TEMPLATE_CHECKS
    explained = CliRunner().invoke(main, ["explain", "C101"])
    assert "Needs the template" in explained.stdout
    assert "Needs the template" not in CliRunner().invoke(main, ["explain", "P103"]).stdout
    listed = json.loads(CliRunner().invoke(main, ["checks", "--format", "json"]).stdout)
    assert [c["code"] for c in listed["checks"] if c["needs_template"]] == TEMPLATE_CHECKS
