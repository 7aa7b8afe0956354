"""``transkit init``, ``update`` and ``compile`` from the command line, with GNU gettext
(msgmerge, msgfmt, msgcat) as the oracle where it applies."""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, OTHER_DOMAINS, PROJECTS, SHIPPED_LANGUAGES, needs_msgfmt, snapshot

from transkit.cli import main
from transkit.po.reader import read_catalog

needs_msgmerge = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU msgmerge is not installed")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def campaign(in_tmp: Path) -> Path:
    """A copy of the shipped catalogs and template in the working directory."""
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    return in_tmp / "catalogs"


# ------------------------------------------------------------------------ init


def test_init_creates_a_catalog_with_the_languages_header(campaign: Path):
    (campaign / "ro.po").unlink()
    result = invoke("init", "ro")
    assert result.exit_code == 0, result.output
    assert "Created catalogs/ro.po" in result.output
    # The summary quotes the rule once, without gettext's closing ";" doubled.
    assert ";;" not in result.output and result.output.rstrip().endswith("messages to translate")
    catalog = read_catalog(campaign / "ro.po")
    assert catalog.header_field("Language") == "ro"
    assert catalog.header_field("Language-Team") == "Romanian"
    assert catalog.header_field("Plural-Forms").startswith("nplurals=3;")
    assert catalog.header_field("Content-Type") == "text/plain; charset=UTF-8"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}", catalog.header_field("PO-Revision-Date"))
    template = read_catalog(campaign / "campaign.pot")
    assert [e.key for e in catalog.entries] == [e.key for e in template.entries]
    assert all(not any(e.msgstr) and not e.fuzzy for e in catalog.entries)
    assert {len(e.msgstr) for e in catalog.entries if e.is_plural} == {3}
    assert "#, fuzzy" not in (campaign / "ro.po").read_text().split('msgid ""')[0]


@needs_msgfmt
def test_init_catalog_passes_msgfmt_check(campaign: Path):
    (campaign / "ar.po").unlink()
    assert invoke("init", "ar").exit_code == 0
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", campaign / "ar.po"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("given", "file"), [("pt-br", "pt_BR.po"), ("fra", "fr.po"), ("zh-hans", "zh_Hans.po")])
def test_init_normalises_the_code(in_tmp: Path, given: str, file: str):
    folder = in_tmp / "catalogs"
    folder.mkdir()
    shutil.copy(CATALOGS / "campaign.pot", folder)
    assert invoke("init", given).exit_code == 0
    assert (folder / file).is_file()


def test_init_refuses_an_existing_catalog(campaign: Path):
    before = snapshot(campaign)
    result = invoke("init", "fr")
    assert result.exit_code == 2
    assert "catalogs/fr.po: already exists" in result.output
    result = invoke("init", "fra")
    assert result.exit_code == 2 and "catalogs/fr.po: already exists" in result.output
    assert snapshot(campaign) == before
    (campaign / "fr.po").rename(campaign / "fr-BE.po")  # the same language, spelt otherwise
    result = invoke("init", "fr_BE")
    assert result.exit_code == 2
    assert "catalogs/fr-BE.po: a catalog for French (Belgium) (fr_BE) already exists" in result.output


def test_init_rejects_an_unknown_code_with_a_suggestion(campaign: Path):
    before = snapshot(campaign)
    result = invoke("init", "French")
    assert result.exit_code == 2
    assert "'French' is not a language code; did you mean fr (French)?" in result.output
    assert invoke("init", "xx").exit_code == 2
    assert snapshot(campaign) == before


def test_init_follows_the_lc_messages_layout(in_tmp: Path):
    project = in_tmp / "locale"
    shutil.copytree(PROJECTS / "lc_messages", project)
    result = invoke("init", "nl", "locale")
    assert result.exit_code == 0, result.output
    assert (project / "nl" / "LC_MESSAGES" / "site.po").is_file()


# ---------------------------------------------------------------------- update


def test_update_merges_every_catalog_and_is_then_idempotent(campaign: Path):
    result = invoke("update")
    assert result.exit_code == 0, result.output
    # ti was never merged with the current template: of its 10 missing messages, 3 get
    # the translation of an old message fuzzy, 7 are new; 4 old ones become obsolete
    assert "catalogs/ti.po: 7 added, 3 fuzzy, 4 obsoleted, 40 unchanged (updated)" in result.output
    template_keys = {e.key for e in read_catalog(campaign / "campaign.pot").entries}
    for code in SHIPPED_LANGUAGES:
        catalog = read_catalog(campaign / f"{code}.po")
        assert {e.key for e in catalog.active_entries} == template_keys, code
    before = snapshot(campaign)
    again = invoke("update")
    assert again.exit_code == 0
    assert "Updated 0 of 23 catalogs." in again.output
    assert snapshot(campaign) == before


def test_update_dry_run_reports_and_writes_nothing(campaign: Path):
    before = snapshot(campaign)
    result = invoke("update", "--dry-run")
    assert result.exit_code == 0
    assert "catalogs/ti.po: 7 added, 3 fuzzy, 4 obsoleted, 40 unchanged (would change)" in result.output
    assert "catalogs/fr.po: 50 unchanged (up to date)" in result.output
    assert "(dry run: nothing written)" in result.output
    assert snapshot(campaign) == before


def test_update_says_what_changes_when_every_message_is_kept(campaign: Path):
    """A catalog whose messages all stay but whose comments follow a new template is not
    a mystery "50 unchanged (would change)"."""
    template = campaign / "campaign.pot"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace("#. Text of the button that dials", "#. The text of the button that dials"), "utf-8"
    )
    result = invoke("update", "--dry-run", "--lang", "fr")
    assert result.exit_code == 0
    assert (
        "catalogs/fr.po: 50 unchanged (would change: comments, references or header from the template)" in result.output
    )


def test_update_moves_the_revision_date_only_where_translations_changed(campaign: Path):
    fr_before = (campaign / "fr.po").read_bytes()
    ti_date = read_catalog(campaign / "ti.po").header_field("PO-Revision-Date")
    assert invoke("update").exit_code == 0
    assert (campaign / "fr.po").read_bytes() == fr_before
    assert read_catalog(campaign / "ti.po").header_field("PO-Revision-Date") != ti_date


def test_update_no_obsolete_drops_removed_messages(campaign: Path):
    assert invoke("update", "--no-obsolete", "--lang", "hu").exit_code == 0
    assert not read_catalog(campaign / "hu.po").obsolete_entries
    assert read_catalog(campaign / "ps.po").obsolete_entries  # other languages untouched


def test_update_refuses_when_a_catalog_does_not_parse(in_tmp: Path):
    project = in_tmp / "catalogs"
    shutil.copytree(PROJECTS / "one_broken", project)
    before = snapshot(project)
    result = invoke("update")
    assert result.exit_code == 2
    assert re.match(r"catalogs/de\.po:\d+: .*\(nothing written\)", result.output)
    assert snapshot(project) == before


def test_update_without_a_template_is_a_clear_error(in_tmp: Path):
    project = in_tmp / "catalogs"
    shutil.copytree(PROJECTS / "flat", project)
    (project / "site.pot").unlink()
    before = snapshot(project)
    result = invoke("update")
    assert result.exit_code == 2
    assert "no template (*.pot) found" in result.output
    assert snapshot(project) == before


@pytest.fixture
def read_only():
    """Make a folder read-only for real: permission bits, or for root (whom they do not
    stop) the immutable attribute."""
    made: list[Path] = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
        elif shutil.which("chattr") is None or subprocess.run(["chattr", "+i", folder], capture_output=True).returncode:
            pytest.skip("running as root where chattr +i is not available: no way to make a folder read-only")
        made.append(folder)

    yield make
    for folder in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", folder], check=True)
        folder.chmod(0o755)


def test_update_in_a_read_only_folder_writes_nothing(campaign: Path, read_only):
    before = snapshot(campaign)
    read_only(campaign)
    result = invoke("update")
    assert result.exit_code == 2
    assert re.match(r"catalogs/\.transkit\.lock: cannot create the lock file \(nothing written\)", result.output)
    assert snapshot(campaign) == before


def test_compile_into_a_read_only_folder_writes_nothing(campaign: Path, read_only):
    before = snapshot(campaign)
    read_only(campaign)
    result = invoke("compile")
    assert result.exit_code == 2
    assert re.match(r"catalogs: folder is not writable \(nothing written\)", result.output)
    assert snapshot(campaign) == before


@needs_msgmerge
def test_update_writes_what_msgmerge_writes(in_tmp: Path):
    """On the shipped catalogs and a reworked template, the files transkit writes are
    msgmerge --previous's, byte for byte, apart from the revision date transkit moves."""
    project = in_tmp / "catalogs"
    shutil.copytree(CATALOGS, project, ignore=OTHER_DOMAINS)
    pot = project / "campaign.pot"
    text = pot.read_text()
    text = text.replace("POT-Creation-Date: 2023-07-10 09:00+0200", "POT-Creation-Date: 2024-01-15 12:00+0100")
    first = re.search(r'\nmsgid "([^"]{20,})"\n', text).group(1)
    text = text.replace(f'msgid "{first}"', f'msgid "{first} today"', 1)
    text += '\nmsgid "A brand new message about the weekend opening hours"\nmsgstr ""\n'
    pot.write_text(text)
    gnu = in_tmp / "gnu"
    gnu.mkdir()
    for code in SHIPPED_LANGUAGES:
        subprocess.run(
            ["msgmerge", "--quiet", "--previous", "-o", gnu / f"{code}.po", project / f"{code}.po", pot],
            check=True,
        )
    assert invoke("update").exit_code == 0
    revision = re.compile(r'"PO-Revision-Date: [^"]*"\n')
    for code in SHIPPED_LANGUAGES:
        ours = revision.sub("", (project / f"{code}.po").read_text())
        theirs = revision.sub("", (gnu / f"{code}.po").read_text())
        assert ours == theirs, code


# --------------------------------------------------------------------- compile


def _translations(path: Path) -> dict:
    with path.open("rb") as stream:
        return dict(gettext.GNUTranslations(stream)._catalog)


@needs_msgfmt
def test_compile_gives_what_msgfmt_gives(campaign: Path, in_tmp: Path):
    result = invoke("compile", "-o", "build")
    assert result.exit_code == 0, result.output
    assert "Compiled 23 of 23 catalogs." in result.output
    for code in SHIPPED_LANGUAGES:
        gnu = in_tmp / f"{code}.gnu.mo"
        subprocess.run(["msgfmt", "-o", gnu, campaign / f"{code}.po"], check=True)
        ours = in_tmp / "build" / code / "LC_MESSAGES" / "campaign.mo"
        expected = _translations(gnu)
        assert _translations(ours) == expected, code
    # fuzzy messages are left out, as msgfmt leaves them out
    fuzzy = [e for e in read_catalog(campaign / "ps.po").entries if e.fuzzy]
    assert fuzzy and all(e.msgid not in _translations(in_tmp / "build/ps/LC_MESSAGES/campaign.mo") for e in fuzzy)


def test_compiled_catalog_serves_plurals_and_contexts(campaign: Path, in_tmp: Path):
    assert invoke("compile", "--lang", "ar").exit_code == 0
    with (campaign / "ar.mo").open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    catalog = read_catalog(campaign / "ar.po")
    plural = next(e for e in catalog.entries if e.is_plural and e.translated)
    forms = {translations.ngettext(plural.msgid, plural.msgid_plural, n) for n in (0, 1, 2, 3, 11, 100)}
    assert forms == set(plural.msgstr)
    contextual = next(e for e in catalog.entries if e.msgctxt and e.translated)
    assert translations.pgettext(contextual.msgctxt, contextual.msgid) == contextual.msgstr[0]


def test_compile_only_passing_leaves_out_failing_catalogs(in_tmp: Path):
    project = in_tmp / "catalogs"
    shutil.copytree(PROJECTS / "one_broken", project)
    result = invoke("compile", "--only-passing")
    assert result.exit_code == 0, result.output
    assert (project / "fr.mo").is_file() and not (project / "de.mo").exists()
    assert "skipped 1 catalogs that fail the check gate: catalogs/de.po" in result.output
    assert "Compiled 1 of 2 catalogs." in result.output


def test_compile_refuses_a_broken_catalog_without_only_passing(in_tmp: Path):
    project = in_tmp / "catalogs"
    shutil.copytree(PROJECTS / "one_broken", project)
    before = snapshot(project)
    result = invoke("compile")
    assert result.exit_code == 2
    assert "(nothing written)" in result.output
    assert snapshot(project) == before
