"""Suppression across languages, per-language selection, severity overrides, baselines
and ``transkit explain``: the linter contract CI relies on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, DATA, OTHER_DOMAINS, PROJECTS

from transkit.cli import main

SUPPRESSION = DATA / "checks" / "suppression"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def test_template_marker_reaches_every_language_and_unused_ones_are_reported(in_tmp: Path) -> None:
    shutil.copytree(SUPPRESSION, in_tmp / "p")
    # nl has none of fr's own markers: only the template's can keep "Blue Heart" quiet there.
    (in_tmp / "p" / "nl.po").write_text(
        '# families: C102\nmsgid ""\nmsgstr ""\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Blue Heart"\nmsgstr ""\n'
    )
    result = run("check", "p", "--select", "C102", "--select", "N", "--format", "json")
    blue = [f for f in findings(result) if f["msgid"] == "Blue Heart"]
    assert blue == []  # suppressed in fr and in nl by the template's marker
    pot = in_tmp / "p" / "site.pot"
    pot.write_text(
        pot.read_text().replace('msgid "Privacy policy"', '#. transkit-ignore: T151\nmsgid "Privacy policy"')
    )
    result = run("check", "p", "--select", "C102", "--select", "N", "--select", "T", "--format", "json")
    unused = [f for f in findings(result) if f["code"] == "N101" and f["file"] == "p/site.pot"]
    assert [(f["msgid"], f["language"]) for f in unused] == [("Privacy policy", None)]


def test_marker_for_a_check_that_did_not_run_is_not_judged(in_tmp: Path) -> None:
    shutil.copytree(SUPPRESSION, in_tmp / "p")
    result = run("check", "p", "--select", "N", "--format", "json")
    assert findings(result) == []  # the C102 markers cannot be judged without C102


def test_per_language_selection_and_severity_overrides(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "po")
    (in_tmp / "transkit.toml").write_text(
        'catalogs = "po"\n[languages.nl]\nignore = ["C10"]\nselect = ["C103"]\n[severity]\nfuzzy-message = "error"\n'
    )
    result = run("check", "--format", "json")
    nl = {f["code"] for f in findings(result) if f["language"] == "nl"}
    assert nl == {"C103"}  # the most specific selector wins, per language
    assert result.exit_code == 1
    assert findings(result)[0]["severity"] == "error"
    (in_tmp / "transkit.toml").write_text('catalogs = "po"\n[severity]\nC999 = "error"\n')
    bad = run("check")
    assert bad.exit_code == 2 and "'C999' is not a check code or name" in bad.stderr
    (in_tmp / "transkit.toml").write_text('catalogs = "po"\n[severity]\nC102 = "fatal"\n')
    bad = run("check")
    assert (
        bad.exit_code == 2 and "transkit.toml:3: [severity] C102: 'fatal' is not error, warning or info" in bad.stderr
    )


def test_baseline_survives_line_moves_and_reports_only_new_findings(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", in_tmp / "glossary")
    written = run("check", "--write-baseline", "baseline.json", "--fail-on", "warning")
    assert written.exit_code == 0 and "recorded 36 findings" in written.stderr
    # Move every message down and re-wrap nothing else: no finding is new.
    ps = in_tmp / "catalogs" / "ps.po"
    text = ps.read_text()
    ps.write_text(
        text.replace(
            "\n#. Title of every page", "\n# A translator's note.\n# On two lines.\n\n#. Title of every page", 1
        )
    )
    again = run("check", "--baseline", "baseline.json", "--fail-on", "warning", "--format", "json")
    assert again.exit_code == 0 and findings(again) == []
    assert json.loads(again.stdout)["summary"]["baselined"] == 36
    # A new problem is reported, and only it.
    fr = in_tmp / "catalogs" / "fr.po"
    fr.write_text(fr.read_text().replace("au 078 055 800, 24", "au 078 055 880, 24"))
    new = run("check", "--baseline", "baseline.json", "--format", "json")
    assert new.exit_code == 1
    assert {(f["language"], f["code"]) for f in findings(new)} == {("fr", "T102"), ("fr", "T163")}
    text_run = run("check", "--baseline", "baseline.json")
    assert "36 known findings of the baseline not shown" in text_run.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "baseline.json:1: not a baseline (invalid JSON"),
        ('{"version": 9, "findings": []}', "baseline.json: not a transkit baseline of version 1"),
        ('{"version": 1, "findings": [{}]}', "baseline.json: not a transkit baseline: a finding without a fingerprint"),
    ],
)
def test_bad_baseline_is_a_usage_error(in_tmp: Path, content: str, message: str) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    (in_tmp / "baseline.json").write_text(content)
    result = run("check", "--baseline", "baseline.json")
    assert result.exit_code == 2 and result.stderr.startswith(message)
    assert run("check", "--baseline", "missing.json").stderr == (
        "missing.json: baseline file not found; record one with `transkit check --write-baseline missing.json`\n"
    )


def test_explain_prints_documentation_with_examples(in_tmp: Path) -> None:
    by_code = run("explain", "T105")
    by_name = run("explain", "phone-number-reversed")
    assert by_code.exit_code == 0 and by_code.stdout == by_name.stdout
    assert by_code.stdout.startswith("T105 phone-number-reversed (error, entry)")
    assert "Bad:" in by_code.stdout and "Good:" in by_code.stdout
    unknown = CliRunner().invoke(main, ["explain", "Z999"])
    assert unknown.exit_code == 2 and "no check 'Z999'" in unknown.stderr


def test_preconditions_keep_fuzzy_and_untranslated_messages_out_of_term_checks(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", in_tmp / "glossary")
    tl = in_tmp / "catalogs" / "tl.po"
    marker = '#| msgid "Are you forced to work without pay?"\nmsgid ""\n'
    text = tl.read_text()
    start = text.index(marker)
    end = text.index("\n\n", start)
    fuzzy_block = text[start:end]
    # Give the fuzzy translation a phone number its source lacks.
    tl.write_text(text[:start] + fuzzy_block.replace('msgstr "', 'msgstr "Tumawag sa 078 055 880. ', 1) + text[end:])
    result = run("check", "--lang", "tl", "--select", "T10", "--format", "json")
    assert findings(result) == []  # fuzzy: not term-checked, C103 reports it
    unfuzzy = tl.read_text().replace("#, fuzzy\n" + marker, marker, 1)
    tl.write_text(unfuzzy)
    result = run("check", "--lang", "tl", "--select", "T10", "--format", "json")
    assert [f["code"] for f in findings(result)] == ["T104"]
