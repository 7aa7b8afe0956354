"""The README's hand-off loop, run as written on a copy of the campaign, with a
translator's work between export and import."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import openpyxl
from conftest import ROOT
from handoff_helpers import Xliff, copy_campaign, invoke

from transkit.po.reader import read_catalog


def _loop() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Handing work to translators", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [shlex.split(line.split("#", 1)[0]) for line in block.group(1).splitlines() if line.strip()]
    assert all(command[0] == "transkit" for command in commands)
    return [command[1:] for command in commands]


def test_the_readme_loop_runs_as_written(in_tmp: Path) -> None:
    copy_campaign(in_tmp)
    po = in_tmp / "catalogs" / "fr.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Aller au contenu principal"', 'msgstr ""'), encoding="utf-8"
    )
    # Step 1's memory: last year's German catalog, where this year's lost a translation.
    (in_tmp / "archive").mkdir()
    de = in_tmp / "catalogs" / "de.po"
    (in_tmp / "archive" / "de.po").write_bytes(de.read_bytes())
    german = read_catalog(de)
    kept = next(e for e in german.active_entries if e.translated and not e.is_plural and "\n" not in e.msgstr[0])
    de.write_text(
        de.read_text(encoding="utf-8").replace(f'msgstr "{kept.msgstr[0]}"', 'msgstr ""', 1), encoding="utf-8"
    )
    assert not {e.key: e for e in read_catalog(de).entries}[kept.key].translated
    commands = _loop()
    assert len(commands) == 5
    assert commands[0][0] == "pretranslate"
    for number, command in enumerate(commands, 1):
        if number == 4:  # the translators have done their work
            package = Xliff(in_tmp / "packages" / "campaign.fr.xliff")
            package.translate("Skip to main content", "Aller au contenu")
            package.save()
            sheet_path = in_tmp / "volunteers" / "campaign.ps.xlsx"
            assert openpyxl.load_workbook(sheet_path)["Translations"].sheet_view.rightToLeft
        args = [match for arg in command for match in (sorted(glob.glob(arg)) if "*" in arg else [arg])]
        result = invoke(*args)
        assert result.exit_code in (0, 1), (command, result.output)
        if number == 5:
            assert re.search(r"campaign\.fr\.xliff → catalogs/fr\.po \(fr\): 1 applied", result.output), result.output
    assert {e.key: e for e in read_catalog(de).entries}[kept.key].msgstr == kept.msgstr
    entries = {e.msgid: e for e in read_catalog(po).entries}
    assert entries["Skip to main content"].msgstr == ("Aller au contenu",)
    assert not entries["Skip to main content"].fuzzy
