"""Export → a translator's edits → import: good units applied, broken and forbidden ones
refused, stale ones reported, and the catalogs exactly what editing them by hand gives."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import needs_msgfmt, snapshot
from handoff_helpers import Xliff, copy_campaign, invoke

from transkit import import_packages, update_paths
from transkit.po.reader import read_catalog

FILE_MESSAGE = "The file %(filename)s is larger than %(max_size)s MB."
DESCRIPTION = "Your description is too short: write at least %(min)d characters."
TITLE = "Stop human trafficking"
SKIP = "Skip to main content"
LANGUAGE_MENU = "Choose your language"


@pytest.fixture
def project(in_tmp: Path) -> Path:
    copy_campaign(in_tmp)
    # One message waits for review, as after a template change.
    po = in_tmp / "catalogs" / "fr.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgid "{LANGUAGE_MENU}"', f'#, fuzzy\nmsgid "{LANGUAGE_MENU}"'), encoding="utf-8")
    return in_tmp


def _without_revision_date(text: str) -> str:
    return re.sub(r'"PO-Revision-Date: [^"]*"', '"PO-Revision-Date: -"', text)


@needs_msgfmt
def test_import_applies_good_units_refuses_broken_and_forbidden_ones(project: Path) -> None:
    po = project / "catalogs" / "fr.po"
    before = po.read_text(encoding="utf-8")
    assert invoke("export", "fr", "--only", "all", "-o", "fr.xliff").exit_code == 0
    package = Xliff(project / "fr.xliff")
    # Good: a new wording, marked final; a placeholder moved; a fuzzy message signed off.
    package.translate(SKIP, "Passer au contenu")
    package.translate(FILE_MESSAGE, "Le fichier dépasse ", "{%(max_size)s}", " Mo : ", "{%(filename)s}", ".")
    package.translate(LANGUAGE_MENU, "Choisissez votre langue")
    # Bad: a placeholder broken (deleted), and the smuggling word for trafficking.
    package.translate(DESCRIPTION, "Votre description est trop courte.")
    package.translate(TITLE, "Stop au trafic de migrants")
    package.save()

    result = invoke("import", "fr.xliff")

    assert result.exit_code == 1, result.output
    assert "3 applied" in result.output and "2 refused" in result.output
    refused = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert any("too short" in line and "%(min)d" in line for line in refused), refused
    assert any("Stop human trafficking" in line and "trafic de migrants" in line for line in refused), refused
    # What a translator editing the PO by hand would have written.
    expected = (
        before.replace('msgstr "Aller au contenu principal"', 'msgstr "Passer au contenu"')
        .replace(
            'msgstr "Le fichier %(filename)s dépasse %(max_size)s Mo."',
            'msgstr "Le fichier dépasse %(max_size)s Mo : %(filename)s."',
        )
        .replace(f'#, fuzzy\nmsgid "{LANGUAGE_MENU}"', f'msgid "{LANGUAGE_MENU}"')
    )
    after = po.read_text(encoding="utf-8")
    assert _without_revision_date(after) == _without_revision_date(expected)
    assert after != expected  # the revision date moved: translations changed
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)


def test_a_translation_not_marked_final_is_written_fuzzy(project: Path) -> None:
    invoke("export", "fr", "--only", "all", "-o", "fr.xliff")
    package = Xliff(project / "fr.xliff")
    package.translate(SKIP, "Passer au contenu", state="translated")
    package.save()
    assert invoke("import", "fr.xliff").exit_code == 0
    entry = {e.msgid: e for e in read_catalog(project / "catalogs" / "fr.po").entries}[SKIP]
    assert entry.msgstr == ("Passer au contenu",) and entry.fuzzy


def test_fuzzy_stays_when_the_unit_is_not_marked_final(project: Path) -> None:
    invoke("export", "fr", "-o", "fr.xliff")  # needs work: the fuzzy message
    package = Xliff(project / "fr.xliff")
    package.translate(LANGUAGE_MENU, "Choisissez votre langue", state="translated")
    package.save()
    before = snapshot(project / "catalogs")
    assert invoke("import", "fr.xliff").exit_code == 0
    assert snapshot(project / "catalogs") == before


def test_a_stale_package_refuses_the_units_whose_source_changed(project: Path) -> None:
    invoke("export", "fr", "--only", "all", "-o", "fr.xliff")
    template = project / "catalogs" / "campaign.pot"
    template.write_text(template.read_text(encoding="utf-8").replace(SKIP, "Skip to the content"), encoding="utf-8")
    update_paths(["catalogs"])
    package = Xliff(project / "fr.xliff")
    package.translate(SKIP, "Passer au contenu")
    package.translate(TITLE, "Halte à la traite des êtres humains")
    package.save()

    imported = import_packages(["fr.xliff"], paths=["catalogs"])

    (language,) = imported.languages
    assert language.counts()["applied"] == 1
    (stale,) = language.refused
    assert stale.unit.msgid == SKIP and "stale" in stale.reason
    entries = {e.msgid: e for e in read_catalog(project / "catalogs" / "fr.po").active_entries}
    assert entries[TITLE].msgstr == ("Halte à la traite des êtres humains",)
    assert entries["Skip to the content"].msgstr == ("Aller au contenu principal",)  # as update left it


def test_dry_run_reports_and_writes_nothing(project: Path) -> None:
    invoke("export", "fr", "--only", "all", "-o", "fr.xliff")
    package = Xliff(project / "fr.xliff")
    package.translate(SKIP, "Passer au contenu")
    package.save()
    before = snapshot(project / "catalogs")
    result = invoke("import", "fr.xliff", "--dry-run")
    assert result.exit_code == 0 and "1 would apply" in result.output
    assert snapshot(project / "catalogs") == before


def test_gate_never_writes_what_the_checks_refuse_by_default(project: Path) -> None:
    invoke("export", "fr", "--only", "all", "-o", "fr.xliff")
    package = Xliff(project / "fr.xliff")
    package.translate(DESCRIPTION, "Votre description est trop courte.")
    package.save()
    assert invoke("import", "fr.xliff").exit_code == 1
    assert invoke("import", "fr.xliff", "--gate", "never").exit_code == 0
    entry = {e.msgid: e for e in read_catalog(project / "catalogs" / "fr.po").entries}[DESCRIPTION]
    assert entry.msgstr == ("Votre description est trop courte.",)


@pytest.mark.parametrize("format_name", ["xliff", "xliff1", "xlsx", "csv", "po"])
@pytest.mark.parametrize("only", ["all", "needs-work"])
def test_an_untouched_package_changes_nothing(project: Path, format_name: str, only: str) -> None:
    before = snapshot(project / "catalogs")
    exported = invoke("export", "fr", "ar", "ti", "--format", format_name, "--only", only, "-o", "out")
    assert exported.exit_code == 0, exported.output
    files = sorted(str(p) for p in (project / "out").iterdir())
    # Needs work: fr's fuzzy message, ti's untranslated ones; ar has none (no package).
    assert len(files) == (3 if only == "all" else 2), exported.output
    result = invoke("import", *files)
    assert result.exit_code == 0, result.output
    assert "0 applied" in result.output and "0 refused" in result.output
    assert snapshot(project / "catalogs") == before
