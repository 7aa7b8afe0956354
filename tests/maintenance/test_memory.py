"""``transkit pretranslate``: a translation memory, with GNU ``msgmerge --compendium`` as
the oracle for its exact and fuzzy decisions and the checks as the gate for what it
suggests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS

from transkit.api import pretranslate_paths
from transkit.cli import main
from transkit.maintenance.memory import NOTE
from transkit.po.reader import read_catalog

needs_msgmerge = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU msgmerge is not installed")

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
MEMORY = """
#, fuzzy
msgid "Save the file"
msgstr "Enregistrer le fichier"

msgid "Open the door now"
msgstr "Ouvrez la porte maintenant"

#~ msgid "Close the window"
#~ msgstr "Fermez la fenêtre"

msgid "Delete everything"
msgstr ""

msgid "Delete all the files"
msgstr "Supprimer tous les fichiers"

msgid "Tuesday"
msgstr "Mardi"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fichier"
msgstr[1] "%d fichiers"
"""
TEMPLATE_MESSAGES = [
    "Save the file",
    "Open the door",
    "Close the window",
    "Delete everything",
    "Delete every file",
    "Close the windows",
    "Today",
    "Unrelated sentence here",
]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def small(in_tmp: Path) -> Path:
    """A project with one empty French catalog and a French memory beside it."""
    catalogs = in_tmp / "catalogs"
    catalogs.mkdir()
    body = "".join(f'\nmsgid "{m}"\nmsgstr ""\n' for m in TEMPLATE_MESSAGES)
    body += '\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    (catalogs / "site.pot").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + body)
    (catalogs / "fr.po").write_text(HEADER.format(lang="fr"))
    (in_tmp / "memory").mkdir()
    (in_tmp / "memory" / "fr.po").write_text(HEADER.format(lang="fr") + MEMORY)
    return catalogs


def _states(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    def state(entry) -> str:
        return "untranslated" if not any(entry.msgstr) else "fuzzy" if entry.fuzzy else "translated"

    return {e.msgid: (state(e), e.msgstr) for e in read_catalog(path).active_entries}


@needs_msgmerge
def test_exact_and_fuzzy_decisions_agree_with_msgmerge_compendium(small: Path):
    gnu = small.parent / "gnu.po"
    subprocess.run(
        [
            "msgmerge",
            "-q",
            "--previous",
            "--compendium",
            "memory/fr.po",
            "-o",
            gnu,
            small / "fr.po",
            small / "site.pot",
        ],
        check=True,
    )
    result = invoke("pretranslate", "--from", "memory")
    assert result.exit_code == 0, result.output
    ours, theirs = _states(small / "fr.po"), _states(gnu)
    assert ours == theirs
    assert ours["Open the door"][0] == "fuzzy"
    assert ours["Close the window"][0] == "translated"  # obsolete in the memory, still a translation
    assert ours["Save the file"][0] == "fuzzy"  # fuzzy in the memory stays fuzzy
    assert ours["Delete everything"][0] == "untranslated"  # known but untranslated: no guess
    assert ours["Today"][0] == "untranslated"  # 67 % like Tuesday, but msgmerge never compares them


def test_a_near_match_says_its_score_origin_and_source_change(small: Path):
    assert invoke("pretranslate", "--from", "memory").exit_code == 0
    entry = next(e for e in read_catalog(small / "fr.po").entries if e.msgid == "Open the door")
    assert entry.previous_msgid == "Open the door now"
    assert (
        entry.translator_comment == f"{NOTE} 87 % like a message of memory/fr.po; source changed: Open the door[- now-]"
    )


def test_a_second_run_and_a_dry_run_change_nothing(small: Path):
    before = (small / "fr.po").read_bytes()
    done = pretranslate_paths(["fr"], ["memory"], dry_run=True)
    assert done.catalogs[0].changed and (small / "fr.po").read_bytes() == before
    assert invoke("pretranslate", "fr", "--from", "memory").exit_code == 0
    once = (small / "fr.po").read_bytes()
    assert once != before
    result = invoke("pretranslate", "fr", "--from", "memory")
    assert "(unchanged)" in result.output
    assert (small / "fr.po").read_bytes() == once


def test_never_across_languages(small: Path):
    shutil.move(small.parent / "memory" / "fr.po", small.parent / "memory" / "nl.po")
    text = (small.parent / "memory" / "nl.po").read_text().replace("Language: fr", "Language: nl")
    (small.parent / "memory" / "nl.po").write_text(text)
    result = invoke("pretranslate", "--from", "memory")
    assert result.exit_code == 0
    assert "no memory in this language" in result.output
    assert not any(any(e.msgstr) for e in read_catalog(small / "fr.po").entries)


def test_a_memory_without_a_language_is_refused(small: Path):
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    (small.parent / "compendium.po").write_text(header + MEMORY)
    result = CliRunner().invoke(main, ["pretranslate", "--from", "compendium.po"])
    assert result.exit_code == 2
    assert "cannot tell the language" in result.output


@pytest.fixture
def campaign(in_tmp: Path) -> Path:
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(CATALOGS.parent / "glossary", in_tmp / "glossary")
    (in_tmp / "old").mkdir()
    return in_tmp / "catalogs"


def test_the_shipped_catalog_comes_back_from_its_own_memory(campaign: Path):
    shutil.move(campaign / "de.po", campaign.parent / "old" / "de.po")
    assert invoke("init", "de").exit_code == 0
    result = invoke("pretranslate", "de", "--from", "old")
    assert result.exit_code == 0, result.output
    old = {e.key: e.msgstr for e in read_catalog(campaign.parent / "old" / "de.po").active_entries if e.translated}
    new = {e.key: e.msgstr for e in read_catalog(campaign / "de.po").active_entries if e.translated}
    assert new == old


def test_a_suggestion_with_a_wrong_helpline_is_flagged_not_translated(campaign: Path):
    old = campaign.parent / "old" / "fr.po"
    shutil.copyfile(campaign / "fr.po", old)
    old.write_text(old.read_text().replace("Appeler le 078 055 800", "Appeler le 078 055 880"))
    (campaign / "fr.po").unlink()
    assert invoke("init", "fr").exit_code == 0
    result = invoke("pretranslate", "fr", "--from", "old")
    assert result.exit_code == 0, result.output
    assert "fuzzy with errors to correct" in result.output
    entry = next(e for e in read_catalog(campaign / "fr.po").entries if e.msgid == "Call 078 055 800")
    assert entry.fuzzy and entry.msgstr == ("Appeler le 078 055 880",)
    assert f"{NOTE} check the suggestion: T" in entry.translator_comment
    assert "078 055 880" not in "".join(
        e.msgstr[0] for e in read_catalog(campaign / "fr.po").active_entries if e.translated
    )
