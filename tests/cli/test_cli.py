"""The command line as CI and translators use it: output, exit codes, errors."""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import CATALOGS, PROJECTS, ROOT, SHIPPED_LANGUAGES

from transkit import __version__
from transkit.cli import main

FLAT = str(PROJECTS / "flat")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


class Result:  # for the type hint only
    exit_code: int
    stdout: str
    stderr: str
    output: str


def codes(result) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


# --- the shipped campaign -------------------------------------------------------------


def test_check_shipped_catalogs_passes_and_shows_partial_languages(in_tmp: Path) -> None:
    result = invoke("check", str(CATALOGS))
    assert result.exit_code == 0, result.output
    summary = result.stdout.split("Coverage against", 1)[1]
    for partial in ("ps", "ti", "tl"):
        assert f"\n  {partial} " in summary
    assert "complete (20):" in summary
    assert "Found 0 errors" in result.stdout
    assert "catalogs/ti.po:4: warning C107 catalog-not-merged: merged with the template of 2023-03-01" in result.stdout


def test_check_defaults_to_catalogs_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CATALOGS.parent)
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert "catalogs/ps.po:" in result.stdout


def test_stats_json_shows_23_catalogs_against_the_template(in_tmp: Path) -> None:
    result = invoke("stats", str(CATALOGS / "campaign.pot"), "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert len(document["coverage"]) == 23
    assert {c["language"] for c in document["coverage"]} == set(SHIPPED_LANGUAGES)
    assert all(c["total"] >= 40 for c in document["coverage"])


def test_stats_text_and_csv(in_tmp: Path) -> None:
    text = invoke("stats", str(CATALOGS / "campaign.pot"))
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[2].split()[:3] == ["code", "language", "total"]
    codes_in_order = [line.split()[0] for line in lines[3:]]
    assert codes_in_order == sorted(SHIPPED_LANGUAGES, key=str.lower)
    assert any(
        line.startswith("ar ") and "Arabic" in line and "100.0%" in line and line.endswith("العربية") for line in lines
    )

    csv_result = invoke("stats", str(CATALOGS / "campaign.pot"), "--format", "csv", "--sort", "coverage")
    rows = csv_result.stdout.splitlines()
    assert rows[0].startswith("file,language,language_name,native_name,total,translated,fuzzy")
    assert len(rows) == 24
    assert rows[1].split(",")[1] == "ti"  # least translated first


# --- findings and exit codes ----------------------------------------------------------


def test_flat_fixture_findings(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--format", "json")
    assert result.exit_code == 0  # only warnings and info
    document = json.loads(result.stdout)
    found = {(f["code"], f["language"], f["msgid"]) for f in document["findings"]}
    assert found == {
        ("C101", "nl", "Quick exit"),
        ("C102", "nl", "You can get help even if you have no residence permit."),
        ("C102", "nl", "%(count)d character left"),
        ("C103", "nl", "Send the report"),
        ("C104", "nl", "Privacy policy"),
        ("C105", "nl", "Old message"),
        ("C106", "nl", None),
        ("C108", "nl", "Download the leaflet"),
    }
    fuzzy = next(f for f in document["findings"] if f["code"] == "C103")
    assert fuzzy == {
        "code": "C103",
        "check": "fuzzy-message",
        "severity": "warning",
        "message": 'fuzzy translation needs review: source changed from "Send" (the wording changed)',
        "file": f"{FLAT}/nl.po",
        "line": 20,
        "language": "nl",
        "msgctxt": None,
        "msgid": "Send the report",
        "domain": "site",
    }
    missing = next(f for f in document["findings"] if f["code"] == "C101")
    assert missing["msgctxt"] == "button" and missing["line"] is None
    assert "site.pot:20" in missing["message"]


def test_text_output_names_file_line_code_and_message(in_tmp: Path) -> None:
    result = invoke("check", FLAT)
    assert (
        f"{FLAT}/nl.po:20: warning C103 fuzzy-message: fuzzy translation needs review: "
        'source changed from "Send" (the wording changed) ["Send the report"]'
    ) in result.stdout.splitlines()
    assert f"{FLAT}/nl.po: warning C101 missing-message: " in result.stdout
    assert '[button|"Quick exit"]' in result.stdout


def test_fail_on_levels(in_tmp: Path) -> None:
    assert invoke("check", FLAT).exit_code == 0
    assert invoke("check", FLAT, "--fail-on", "warning").exit_code == 1
    assert invoke("check", FLAT, "--fail-on", "never").exit_code == 0
    assert invoke("check", FLAT, "--select", "C105", "--fail-on", "warning").exit_code == 0


def test_min_coverage_gate_fails_even_with_fail_on_never(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--min-coverage", "50", "--fail-on", "never", "--format", "json")
    assert result.exit_code == 1
    gate = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "C109"]
    assert [(g["language"], g["severity"]) for g in gate] == [("nl", "error")]
    assert "33.3%" in gate[0]["message"] and "50%" in gate[0]["message"]
    assert invoke("check", FLAT, "--min-coverage", "30").exit_code == 0


def test_select_and_ignore_by_code_prefix_and_name(in_tmp: Path) -> None:
    assert set(codes(invoke("check", FLAT, "--format", "json", "--select", "C103"))) == {"C103"}
    assert set(codes(invoke("check", FLAT, "--format", "json", "--select", "fuzzy-message"))) == {"C103"}
    assert codes(invoke("check", FLAT, "--format", "json", "--ignore", "C")) == []
    only = codes(invoke("check", FLAT, "--format", "json", "--ignore", "C10", "--select", "C103"))
    assert set(only) == {"C103"}
    rest = set(codes(invoke("check", FLAT, "--format", "json", "--ignore", "obsolete-message")))
    assert "C105" not in rest and "C103" in rest


def test_unknown_selector_is_a_usage_error(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--select", "Z999")
    assert result.exit_code == 2
    assert "unknown check code, prefix or name 'Z999'" in result.stderr
    assert "Traceback" not in result.output


def test_lang_filter_accepts_any_spelling(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--lang", "nl", "--format", "json")
    assert {f["language"] for f in json.loads(result.stdout)["findings"]} == {"nl"}
    lc = invoke("stats", str(PROJECTS / "lc_messages"), "--lang", "pt-BR", "--format", "json")
    assert [c["language"] for c in json.loads(lc.stdout)["coverage"]] == ["pt-BR"]  # as its header says


def test_regression_lang_selects_a_catalog_by_its_folder_too(in_tmp: Path) -> None:
    """``--lang zh_Hans`` on a ``zh_Hans/`` folder whose header says ``zh_CN`` exited 2,
    "no catalog for language 'zh_Hans' (catalogs: zh_CN)" (issue 17): the path names the
    language as much as the header does."""
    for command in ("check", "stats"):
        result = invoke(command, str(PROJECTS / "lang_by_path"), "--lang", "zh_Hans")
        assert result.exit_code == 0, result.stderr


def test_regression_frozen_header_dates_of_a_catalog_in_step_are_not_findings(in_tmp: Path) -> None:
    """C106/C107 fired on up-to-date catalogs whose dates a platform (Transifex) froze
    (issue 17): the dates are believed only where the messages are not the template's."""
    result = invoke("check", str(PROJECTS / "frozen_dates"), "--select", "C106", "--select", "C107", "--format", "json")
    found = sorted((f["code"], f["language"]) for f in json.loads(result.stdout)["findings"])
    assert found == [("C106", "de"), ("C106", "nl"), ("C107", "de"), ("C107", "nl")]


def test_lang_with_no_catalog_is_a_usage_error(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--lang", "de")
    assert result.exit_code == 2
    assert "no catalog for language 'de' (catalogs: fr, nl)" in result.stderr


def test_output_file_is_written_and_stdout_stays_empty(in_tmp: Path) -> None:
    result = invoke("check", FLAT, "--format", "json", "-o", "out/findings.json")
    assert result.exit_code == 2  # the folder does not exist
    assert "cannot write" in result.stderr
    (in_tmp / "out").mkdir()
    result = invoke("check", FLAT, "--format", "json", "-o", "out/findings.json")
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads((in_tmp / "out/findings.json").read_text())["version"] == 1
    assert [p.name for p in (in_tmp / "out").iterdir()] == ["findings.json"]


def test_lc_messages_layout_and_domain(in_tmp: Path) -> None:
    result = invoke("stats", str(PROJECTS / "lc_messages"), "--format", "json")
    coverage = json.loads(result.stdout)["coverage"]
    assert [(c["language"], c["file"].split("/lc_messages/")[1]) for c in coverage] == [
        ("de", "de/LC_MESSAGES/site.po"),
        ("fr", "fr/LC_MESSAGES/site.po"),
        ("pt-BR", "pt_BR/LC_MESSAGES/site.po"),
    ]


def test_language_mismatch_is_an_error(in_tmp: Path) -> None:
    result = invoke("check", str(PROJECTS / "mismatch"), "--format", "json", "--select", "H101")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["file"].rsplit("/", 1)[1], f["line"]) for f in findings] == [("H101", "nl.po", 1)]
    assert "'fr'" in findings[0]["message"] and "'nl'" in findings[0]["message"]


def test_one_broken_catalog_among_many_is_a_finding(in_tmp: Path) -> None:
    result = invoke("check", str(PROJECTS / "one_broken"), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    broken = [f for f in document["findings"] if f["code"] == "F001"]
    assert len(broken) == 1
    assert broken[0]["file"].endswith("one_broken/de.po") and broken[0]["line"] == 12
    assert broken[0]["language"] == "de" and broken[0]["severity"] == "error"
    assert [c["language"] for c in document["coverage"]] == ["fr"]


def test_checks_lists_every_check(in_tmp: Path) -> None:
    result = invoke("checks")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("C103  fuzzy-message") and "warning" in line for line in lines)
    assert any(line.startswith("F001  unreadable-catalog") for line in lines)
    document = json.loads(invoke("checks", "--format", "json").stdout)
    assert {c["code"] for c in document["checks"]} >= {"C101", "C109", "H101", "F001"}


def test_version(in_tmp: Path) -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_check_and_stats_never_write_to_catalogs(in_tmp: Path) -> None:
    project = in_tmp / "project"
    shutil.copytree(PROJECTS / "flat", project)
    before = _digest(project)
    mtimes = {p: p.stat().st_mtime_ns for p in project.iterdir()}
    for command in ("check", "stats"):
        for fmt in ("text", "json"):
            invoke(command, str(project), "--format", fmt)
    assert _digest(project) == before
    assert {p: p.stat().st_mtime_ns for p in project.iterdir()} == mtimes


def test_ci_formats_from_the_command_line(in_tmp: Path) -> None:
    import xml.etree.ElementTree as ET

    sarif = invoke("check", FLAT, "--select", "C", "--format", "sarif")
    document = json.loads(sarif.stdout)
    assert document["version"] == "2.1.0"
    assert {r["ruleId"] for r in document["runs"][0]["results"]} >= {"C101", "C103"}
    junit = ET.fromstring(invoke("check", FLAT, "--select", "C", "--format", "junit").stdout)
    cases = {c.get("name") for c in junit.iter("testcase")}
    assert cases == {"C coverage"}  # only the family that ran
    assert junit.get("failures") == "0"  # warnings do not fail at the default fail level
    strict = invoke("check", FLAT, "--select", "C", "--format", "junit", "--fail-on", "warning")
    assert strict.exit_code == 1
    assert ET.fromstring(strict.stdout).get("failures") == "1"  # the CLI passes its fail level on
    github = invoke("check", FLAT, "--select", "C103", "--format", "github").stdout.splitlines()
    assert github == [
        f"::warning file={FLAT.replace(':', '%3A').replace(',', '%2C')}/nl.po,line=20,title=C103 fuzzy-message [site]::"
        'fuzzy translation needs review: source changed from "Send" (the wording changed)'
    ]
    markdown = invoke("check", FLAT, "--select", "C", "--format", "markdown").stdout
    assert markdown.startswith("## transkit: 0 errors, 7 warnings, 1 info in 2 catalogs")


def test_quiet_prints_findings_only(in_tmp: Path) -> None:
    quiet = invoke("check", FLAT, "--select", "C", "-q").stdout.splitlines()
    loud = invoke("check", FLAT, "--select", "C").stdout.splitlines()
    assert quiet == loud[: len(quiet)] and len(quiet) == 8
    assert all(line.startswith(FLAT) for line in quiet)


def test_pre_commit_hook_style_run_on_changed_files(in_tmp: Path) -> None:
    """What the hook does: ``transkit check`` with the .po/.pot files of a commit."""
    shutil.copytree(PROJECTS / "flat", in_tmp / "po")
    result = invoke("check", "po/site.pot", "po/nl.po", "--select", "C103", "--format", "json")
    assert [(f["file"], f["code"]) for f in json.loads(result.stdout)["findings"]] == [("po/nl.po", "C103")]
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "id: transkit-check" in hook and "entry: transkit check" in hook


def _check_in_a_terminal(*args: str, no_color: str | None) -> str:
    """What ``transkit check`` prints when its standard output is a terminal (a pseudo-terminal)."""
    env = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    terminal, child_end = os.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "transkit", "check", *args],
        stdin=subprocess.DEVNULL,
        stdout=child_end,
        stderr=subprocess.DEVNULL,
        env=env,
    ) as process:
        os.close(child_end)
        printed = b""
        while select.select([terminal], [], [], 60)[0]:
            try:
                chunk = os.read(terminal, 65536)
            except OSError:  # EIO: the child closed its end of the terminal
                break
            if not chunk:
                break
            printed += chunk
        process.wait(timeout=60)
    os.close(terminal)
    assert process.returncode == 0, printed  # warnings only
    return printed.decode()


@pytest.mark.parametrize("no_color", [None, ""], ids=["unset", "empty"])
def test_colour_at_a_terminal(in_tmp: Path, no_color: str | None) -> None:
    """NO_COLOR unset or empty: a person at a terminal sees the severities in colour."""
    printed = _check_in_a_terminal(FLAT, no_color=no_color)
    assert "\033[33mwarning\033[0m" in printed and "nl.po" in printed


@pytest.mark.parametrize("no_color", ["1", "true"])
def test_no_colour_at_a_terminal_with_no_color(in_tmp: Path, no_color: str) -> None:
    """Any non-empty NO_COLOR turns colour off, even at a terminal; the findings are the same."""
    printed = _check_in_a_terminal(FLAT, no_color=no_color)
    assert "\033[" not in printed
    assert "warning" in printed and "nl.po" in printed


def test_no_colour_in_a_file_written_from_a_terminal(in_tmp: Path) -> None:
    """``--output`` from a terminal: the file is for a program or a reader, never coloured."""
    _check_in_a_terminal(FLAT, "--output", "out.txt", no_color=None)
    written = Path("out.txt").read_text(encoding="utf-8")
    assert "warning" in written and "\033[" not in written


def test_no_colour_when_the_output_is_not_a_terminal(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe (CI, ``> out.txt``) never gets colour codes, NO_COLOR or not."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    piped = invoke("check", FLAT).stdout
    assert "warning" in piped and "\033[" not in piped


def test_progress_is_reported_per_catalog() -> None:
    from transkit import load_project
    from transkit.engine.runner import Options, run

    seen: list[str] = []
    project = load_project([FLAT])
    run(project, Options(), progress=seen.append)
    assert seen == [catalog.display_path for catalog in project.catalogs]
    assert [Path(shown).name for shown in seen] == ["fr.po", "nl.po"]


def test_each_command_module_registers_exactly_the_commands_the_group_lists() -> None:
    """Commands are loaded on demand from COMMAND_MODULES: a command missing from it would
    vanish from the CLI, one listed under the wrong module would fail to load."""
    import importlib

    from transkit.cli.common import COMMAND_MODULES, main

    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(module)
    assert set(main.commands) == set(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        assert main.commands[name].callback.__module__ == module, name  # type: ignore[union-attr]


def test_a_command_imports_only_what_it_uses() -> None:
    """`transkit stats` loads no check, no spreadsheet, Markdown or template library, and
    `--help` (every command's module) none of those libraries: startup time is what a
    pre-commit hook pays on every run."""
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from transkit.cli import main\n"
        "CliRunner().invoke(main, sys.argv[1:])\n"
        "heavy = [m for m in ('openpyxl', 'jinja2', 'markdown_it', 'transkit.engine.registry', 'transkit.checks')"
        " if m in sys.modules]\n"
        "print(' '.join(heavy))\n"
    )
    for argv, allowed in ((["--help"], {"transkit.engine.registry"}), (["stats", FLAT], set())):
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
        assert set(done.stdout.split()) <= allowed, (argv, done.stdout)


def test_every_command_has_help_with_examples() -> None:
    from transkit.cli import main as group

    names = group.list_commands(click.Context(group))
    commands = [[name] for name in names if name != "glossary"]
    glossary = group.get_command(click.Context(group), "glossary")
    assert isinstance(glossary, click.Group)
    commands += [["glossary", name] for name in glossary.commands]
    for command in commands:
        result = CliRunner().invoke(group, [*command, "--help"])
        assert result.exit_code == 0, command
        assert f"  transkit {' '.join(command)}" in result.stdout, f"no example in {command} --help"
