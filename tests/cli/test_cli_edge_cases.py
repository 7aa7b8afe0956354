"""Edge cases of the command line that a real project runs into (each once a bug)."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

from click.testing import CliRunner
from conftest import CATALOGS, OTHER_DOMAINS, PROJECTS

from transkit.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def codes(result) -> list[tuple[str, str]]:
    return [(f["language"], f["code"]) for f in json.loads(result.stdout)["findings"]]


def shipped(tmp: Path) -> Path:
    shutil.copytree(CATALOGS, tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", tmp / "glossary")
    return tmp / "catalogs"


def wrong_digit(catalogs: Path, code: str = "fr") -> None:
    """One wrong digit in the translation of "Call the helpline on 078 055 800, …"."""
    po = catalogs / f"{code}.po"
    text = po.read_text()
    at = text.index('msgstr "', text.index("Call the helpline on 078 055 800"))
    po.write_text(text[:at] + text[at:].replace("078 055 800", "078 055 880", 1))


def test_checking_one_catalog_file_still_uses_the_termbase(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    wrong_digit(catalogs)
    result = run("check", "catalogs/fr.po", "--select", "T10", "--format", "json")
    assert result.exit_code == 1 and ("fr", "T102") in codes(result)


def test_a_template_alone_checks_the_catalogs_beside_it(in_tmp: Path) -> None:
    shipped(in_tmp)
    result = run("stats", "catalogs/campaign.pot", "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["coverage"]) == 23


def test_unreadable_catalog_fails_whatever_is_selected_or_baselined(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    (catalogs / "de.po").write_text((catalogs / "de.po").read_text().replace('msgstr "', 'msgstr "x', 1)[:-3])
    for extra in (["--fail-on", "never"], ["--ignore", "F001"], ["--select", "C"]):
        assert run("check", *extra).exit_code == 1, extra
    run("check", "--write-baseline", "b.json")
    again = run("check", "--baseline", "b.json", "--format", "json")
    assert again.exit_code == 1 and ("de", "F001") in codes(again)
    terms = CliRunner().invoke(main, ["terms"])
    assert terms.exit_code == 2 and "catalogs/de.po" in terms.stderr and "(catalog left out)" in terms.stderr


def test_a_baseline_never_hides_a_coverage_gate(in_tmp: Path) -> None:
    shipped(in_tmp)
    run("check", "--min-coverage", "85", "--write-baseline", "b.json")
    result = run("check", "--min-coverage", "85", "--baseline", "b.json", "--format", "json")
    assert result.exit_code == 1 and codes(result) == [("ti", "C109")]


def test_the_language_that_differs_from_the_source_is_blamed(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    wrong_digit(catalogs, "fr")
    result = run("check", "--lang", "fr", "--lang", "nl", "--select", "T163", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert {f["language"] for f in findings} == {"fr"}
    assert "which 1 other language gives" in findings[0]["message"]


def test_no_language_to_agree_with_is_not_counted_as_zero(in_tmp: Path) -> None:
    """Checked alone, the wrong language has no other to agree with: the finding names the
    source's number and does not say "0 other languages"."""
    catalogs = shipped(in_tmp)
    wrong_digit(catalogs, "fr")
    result = run("check", "--lang", "fr", "--select", "T163", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(f["language"] == "fr" for f in findings)
    assert all("other language" not in f["message"] for f in findings)
    assert all(f["message"].startswith("phone numbers ") for f in findings)


def test_invalid_language_header_falls_back_to_the_path(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    fr = catalogs / "fr.po"
    fr.write_text(fr.read_text().replace('"Language: fr\\n"', '"Language: French\\n"'))
    result = run("check", "--lang", "fr", "--select", "H101", "--select", "T", "--format", "json")
    assert ("fr", "H101") in codes(result)  # the header is wrong; the path still says fr
    assert {c for _, c in codes(result)} <= {"H101", "T162"}  # and the term checks know it


def test_template_markers_are_not_judged_when_only_some_languages_run(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS.parent / "checks" / "suppression", in_tmp / "p")
    nl = (in_tmp / "p" / "fr.po").read_text().replace("Language: fr", "Language: nl")
    (in_tmp / "p" / "nl.po").write_text(
        nl.replace('msgid "Blue Heart"\nmsgstr ""', 'msgid "Blue Heart"\nmsgstr "Blue Heart"')
    )
    (in_tmp / "p" / "fr.po").write_text((in_tmp / "p" / "fr.po").read_text())
    result = run("check", "p", "--lang", "nl", "--select", "C102", "--select", "N", "--format", "json")
    assert all(f["file"] != "p/site.pot" for f in json.loads(result.stdout)["findings"])


def test_project_findings_obey_markers_and_per_language_selection(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    wrong_digit(catalogs, "fr")
    fr = catalogs / "fr.po"
    text = fr.read_text()
    fr.write_text(
        text.replace(
            '\nmsgid "Call the helpline on 078', '\n# transkit-ignore: T163 T102\nmsgid "Call the helpline on 078', 1
        )
    )
    selected = ("--select", "T102", "--select", "T163")
    assert codes(run("check", "--lang", "fr", *selected, "--format", "json")) == []
    fr.write_text(text)
    assert codes(run("check", "--lang", "fr", *selected, "--format", "json")) == [("fr", "T102"), ("fr", "T163")]
    (in_tmp / "transkit.toml").write_text('[languages.fr]\nignore = ["T102", "T163"]\n')
    assert codes(run("check", "--lang", "fr", *selected, "--format", "json")) == []


def test_a_marker_with_a_typo_is_reported_and_obsolete_entries_can_be_suppressed(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    hu = catalogs / "hu.po"
    hu.write_text(hu.read_text().replace("#~ msgid", "# transkit-ignore: C105\n#~ msgid", 1))
    assert codes(run("check", "--lang", "hu", "--select", "C105", "--select", "N", "--format", "json")) == []
    nl = catalogs / "nl.po"
    nl.write_text(
        nl.read_text().replace('\nmsgid "Privacy policy"', '\n# transkit-ignore: C1O2\nmsgid "Privacy policy"', 1)
    )
    result = run("check", "--lang", "nl", "--select", "C", "--select", "N", "--format", "json")
    [unused] = json.loads(result.stdout)["findings"]
    assert unused["code"] == "N101" and "names no check (C1O2)" in unused["message"]


def test_lang_whose_only_catalog_is_broken_reports_the_parse_error(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    (catalogs / "de.po").write_text('msgid ""\nmsgstr "unterminated\n')
    result = CliRunner().invoke(main, ["check", "--lang", "de"])
    assert result.exit_code == 2 and result.stderr.startswith("catalogs/de.po:2: end-of-line within string")


def test_config_mistakes_point_at_their_line(in_tmp: Path) -> None:
    shipped(in_tmp)
    (in_tmp / "pyproject.toml").write_text('[tool.ruff]\nignore = ["E501"]\n\n[tool.transkit]\nignore = 5\n')
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2 and result.stderr.startswith("pyproject.toml:5: 'ignore' must be a list")
    (in_tmp / "pyproject.toml").write_text('[tool.transkit]\nselect = ["Q"]\n')
    result = CliRunner().invoke(main, ["check"])
    assert result.stderr.startswith("pyproject.toml:2: 'select': 'Q' names no check")
    (in_tmp / "pyproject.toml").write_text(
        '[tool.transkit]\nmin-coverage = 50\n[tool.transkit.languages.ti]\nmin-coverage = "x"\n'
    )
    result = CliRunner().invoke(main, ["check"])
    assert result.stderr.startswith("pyproject.toml:4: [languages.ti] 'min-coverage' must be a number")


def test_template_on_the_command_line_wins_over_the_configured_one(in_tmp: Path) -> None:
    shipped(in_tmp)
    shutil.copytree(PROJECTS / "lc_messages", in_tmp / "other")
    (in_tmp / "transkit.toml").write_text('template = "catalogs/campaign.pot"\n')
    result = run("stats", "other/site.pot", "other/fr/LC_MESSAGES/site.po", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["template"] == "other/site.pot"


def test_a_language_section_applies_to_regional_variants(in_tmp: Path) -> None:
    catalogs = shipped(in_tmp)
    (catalogs / "ti.po").rename(catalogs / "ti_ER.po")
    ti = catalogs / "ti_ER.po"
    ti.write_text(ti.read_text().replace('"Language: ti\\n"', '"Language: ti_ER\\n"'))
    (in_tmp / "transkit.toml").write_text("[languages.ti]\nmin-coverage = 95\n")
    assert run("check").exit_code == 1


def test_name_and_code_are_equally_specific_so_ignore_wins(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    assert codes(run("check", "--select", "fuzzy-message", "--ignore", "C103", "--format", "json")) == []


def test_written_files_get_ordinary_permissions(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    old = os.umask(0o022)
    try:
        run("check", "-o", "out.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((in_tmp / "out.txt").stat().st_mode) == 0o644


def test_glossary_check_edge_cases(in_tmp: Path) -> None:
    shipped(in_tmp)
    missing = CliRunner().invoke(main, ["glossary", "check", "nowhere"])
    assert missing.exit_code == 2 and missing.stderr.startswith("nowhere: no such file or folder")
    (in_tmp / "empty").mkdir()
    empty = CliRunner().invoke(main, ["glossary", "check", "--glossary", "empty"])
    assert empty.exit_code == 1 and "no terms" in empty.stdout
    run("glossary", "export", "--format", "tbx", "-o", "reviewed.tbx")
    clash = CliRunner().invoke(main, ["glossary", "import", "reviewed.tbx"])
    assert clash.exit_code == 2 and "term ids already in glossary" in clash.stderr
    assert sorted(p.name for p in (in_tmp / "glossary").iterdir()) == ["README.md", "campaign.toml"]
