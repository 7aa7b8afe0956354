"""The GitHub Actions annotations and the Markdown summary: fields, escaping, step summary, golden files.

Regenerate the golden files after a deliberate change with
``TRANSKIT_UPDATE_GOLDEN=1 pytest tests/reporting/test_reporters_github_markdown.py`` and review the diff.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN, PROJECTS

import transkit
from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity
from transkit.reporting import github, markdown

ANNOTATION = re.compile(r"^::(?P<command>\w+) (?P<properties>[^:]*)::(?P<message>.*)$")


@pytest.fixture
def report(in_tmp: Path) -> Report:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    options = transkit.Options(selection=transkit.Selection(("C", "H101")))
    return transkit.check(transkit.load_project(["catalogs"]), options)


@pytest.fixture
def no_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def render(module, report: Report) -> str:
    stream = io.StringIO()
    module.render(report, stream)
    return stream.getvalue()


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return match["command"], properties, match["message"]


def coverage(language: str, name: str, translated: int, total: int = 4, **counts: int) -> Coverage:
    values = dict(fuzzy=0, untranslated=0, missing=0, obsolete=0, extra=0, stale=0)
    values.update(counts)
    return Coverage(
        file=f"po/{language}.po",
        language=language,
        language_name=name,
        native_name=name,
        total=total,
        translated=translated,
        outdated=False,
        words_total=10,
        words_translated=5,
        percent=100.0 * translated / total,
        percent_words=50.0,
        **values,
    )


def finding(
    message: str = "bad",
    *,
    line: int | None = 3,
    language: str | None = "de",
    msgid: str | None = "Save",
    severity: Severity = Severity.ERROR,
    file: str = "po/de.po",
) -> Finding:
    return Finding(
        file=file,
        line=line,
        code="P201",
        check="placeholder-mismatch",
        severity=severity,
        message=message,
        language=language,
        msgid=msgid,
    )


def synthetic(*findings: Finding) -> Report:
    return Report(
        template="po/app.pot",
        findings=findings,
        coverage=(coverage("de", "German", 4), coverage("fr", "French", 3, untranslated=1)),
    )


# --- GitHub annotations -------------------------------------------------------------


def test_one_annotation_per_finding_field_by_field(report: Report, no_summary: None) -> None:
    lines = render(github, report).splitlines()
    assert len(lines) == len(report.findings) == 8
    parsed = [parse(line) for line in lines]
    for (command, properties, message), item in zip(parsed, report.findings):
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[item.severity.value]
        assert properties["file"] == item.file == "catalogs/nl.po"
        assert properties["title"] == f"{item.code} {item.check}"
        assert message == item.message.replace("%", "%25")
    # a missing message has no line in the catalog: no line= at all
    command, properties, message = parsed[0]
    assert (command, set(properties)) == ("warning", {"file", "title"})
    assert properties["title"] == "C101 missing-message"
    assert message == "message missing from the catalog (template catalogs/site.pot:20)"
    command, properties, message = parsed[3]
    assert command == "warning"
    assert properties == {"file": "catalogs/nl.po", "line": "24", "title": "C102 untranslated-message"}
    assert message == "message not translated"
    command, properties, message = parsed[-1]
    assert command == "notice"
    assert properties == {"file": "catalogs/nl.po", "line": "43", "title": "C105 obsolete-message"}


def test_colons_stay_in_the_message_but_not_in_properties(report: Report, no_summary: None) -> None:
    first = render(github, report).splitlines()[0]
    assert first == (
        "::warning file=catalogs/nl.po,title=C101 missing-message::"
        "message missing from the catalog (template catalogs/site.pot:20)"
    )


def test_escaping_of_data_and_properties(no_summary: None) -> None:
    item = Finding(
        file="po/a,b:c%.po",
        line=7,
        code="X1",
        check="odd, name: here",
        severity=Severity.WARNING,
        message="100% wrong:\nsee a, b\r\nend",
    )
    (line,) = render(github, synthetic(item)).splitlines()
    assert line == (
        "::warning file=po/a%2Cb%3Ac%25.po,line=7,title=X1 odd%2C name%3A here::100%25 wrong:%0Asee a, b%0D%0Aend"
    )


def test_info_is_a_notice_and_no_line_means_no_line_property(no_summary: None) -> None:
    (line,) = render(github, synthetic(finding(severity=Severity.INFO, line=None))).splitlines()
    assert line == "::notice file=po/de.po,title=P201 placeholder-mismatch::bad"


def test_no_findings_no_output(no_summary: None) -> None:
    assert render(github, synthetic()) == ""


def test_step_summary_is_appended_when_set(report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "step-summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    output = render(github, report)
    assert output.startswith("::warning ")
    assert "## transkit" not in output
    assert target.read_text(encoding="utf-8") == "earlier step\n" + markdown.summary(report)
    render(github, report)
    assert target.read_text(encoding="utf-8") == "earlier step\n" + 2 * markdown.summary(report)


def test_step_summary_not_written_when_unset(report: Report, tmp_path: Path, no_summary: None) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    assert github.write_step_summary(report, environ={}) is False
    assert github.write_step_summary(report, environ={"GITHUB_STEP_SUMMARY": ""}) is False
    render(github, report)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_write_step_summary_takes_an_environment(report: Report, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    assert github.write_step_summary(report, environ={"GITHUB_STEP_SUMMARY": str(target)}) is True
    assert target.read_text(encoding="utf-8") == markdown.summary(report)


# --- Markdown ----------------------------------------------------------------------


def test_markdown_headings_and_totals(report: Report) -> None:
    text = markdown.summary(report)
    lines = text.splitlines()
    assert lines[0] == "## transkit: 0 errors, 7 warnings, 1 info in 2 catalogs"
    assert "### Coverage" in lines
    assert "### Findings" in lines
    assert "<summary>nl (Dutch): 7 warnings, 1 info</summary>" in lines
    assert text.count("<details>") == text.count("</details>") == 1
    assert render(markdown, report) == text
    assert markdown.summary(report) == text  # deterministic


def test_markdown_coverage_table_partial_first(report: Report) -> None:
    lines = markdown.summary(report).splitlines()
    header = lines.index("| Language | Name | Translated | Percent | Fuzzy | Untranslated | Missing | Stale |")
    nl = next(c for c in report.coverage if c.language == "nl")
    assert lines[header + 2] == (
        f"| nl | Dutch | 2/6 | 33.3% | {nl.fuzzy} | {nl.untranslated} | {nl.missing} | {nl.stale} |"
    )
    assert lines[header + 3] == "| fr | French | 6/6 | 100.0% | 0 | 0 | 0 | 0 |"
    assert lines[header + 4] == ""


def test_markdown_partial_languages_sorted_by_code_before_complete() -> None:
    report = Report(
        template="po/app.pot",
        findings=(),
        coverage=(
            coverage("de", "German", 4),
            coverage("zh", "Chinese", 1, untranslated=3),
            coverage("ar", "Arabic", 4),
            coverage("es", "Spanish", 2, missing=2),
        ),
    )
    rows = [
        line.split(" | ")[0] for line in markdown.summary(report).splitlines() if line.startswith("| ") and "/4" in line
    ]
    assert rows == ["| es", "| zh", "| ar", "| de"]
    assert "No findings." in markdown.summary(report)


def test_markdown_cap_says_how_many_were_left_out(report: Report) -> None:
    text = markdown.summary(report, limit=2)
    rows = [line for line in text.splitlines() if line.startswith("| catalogs/")]
    assert len(rows) == 2
    assert rows[0].startswith("| catalogs/nl.po | warning | C101 | missing-message | ")
    assert rows[1].startswith("| catalogs/nl.po:2 | warning | C106 | ")
    assert "_6 more findings not shown._" in text
    assert "<summary>nl (Dutch): 7 warnings, 1 info, 2 shown</summary>" in text
    assert "not shown" not in markdown.summary(report)


def test_markdown_cap_across_languages() -> None:
    report = synthetic(
        finding(language="fr", file="po/fr.po", severity=Severity.WARNING),
        finding(severity=Severity.WARNING),
        finding(line=9, severity=Severity.WARNING),
        finding(language=None, file="po/app.pot", severity=Severity.WARNING),
    )
    text = markdown.summary(report, limit=2)
    assert "<summary>Template and other files: 1 warning</summary>" in text
    assert "<summary>de (German): 2 warnings, 1 shown</summary>" in text
    assert "French" not in text.split("### Findings")[1]
    assert "_2 more findings not shown._" in text
    assert "_1 more finding not shown._" in markdown.summary(report, limit=3)


def test_markdown_never_drops_an_error_to_make_room_for_warnings() -> None:
    """One catalog's 200 warnings must not push the three errors that block a release out
    of the comment: errors come first and the cap applies to the rest."""
    warnings = [
        finding(f"warning {n}", line=n, language="ar", file="po/ar.po", severity=Severity.WARNING)
        for n in range(1, 201)
    ]
    errors = [
        finding("wrong helpline 078 055 801", line=7, language="zh", file="po/zh.po"),
        finding("wrong website", line=8, language="zh", file="po/zh.po"),
        finding("placeholder lost", line=3, language=None, file="po/app.pot"),
    ]
    report = synthetic(*warnings, *errors)
    text = markdown.summary(report)
    findings = text.split("### Findings")[1]
    rows = [line for line in findings.splitlines() if line.startswith("| po/")]
    assert [row.split(" | ")[1] for row in rows[:3]] == ["error"] * 3
    for message in ("wrong helpline 078 055 801", "wrong website", "placeholder lost"):
        assert message in findings
    assert len(rows) == markdown.DEFAULT_LIMIT
    assert f"_{203 - markdown.DEFAULT_LIMIT} more findings not shown._" in text
    assert findings.index("<summary>zh: 2 errors") < findings.index("<summary>ar: 200 warnings")
    # more errors than the cap: all of them, and nothing else
    many = synthetic(*warnings, *[finding(f"error {n}", line=n) for n in range(60)])
    rows = [line for line in markdown.summary(many).splitlines() if line.startswith("| po/")]
    assert len(rows) == 60 and all(" | error | " in row for row in rows)


def test_markdown_defuses_links_and_mentions_in_catalog_text() -> None:
    text = markdown.summary(
        synthetic(
            finding(
                message="call @helpline-team or @org/team, see https://evil.example/x and www.evil.example",
                msgid="mail a@b.example or http://x.example",
            )
        )
    )
    assert not re.search(r"@[A-Za-z0-9]", text)
    assert not re.search(r"(?i)(https?|ftp):", text)
    assert "www." not in text
    assert "@&#8203;helpline-team" in text and "@&#8203;org/team" in text
    assert "https&#8203;://evil.example/x" in text and "www&#8203;.evil.example" in text
    assert "a@&#8203;b.example" in text


def test_markdown_neutralises_hostile_catalog_text() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) a|b *c* _d_ `e`"
    report = synthetic(
        finding(message=f"translation is {hostile}\nsecond line", msgid="[x](javascript:alert(1)) | <b>")
    )
    text = markdown.summary(report)
    assert "<script>" not in text and "</script>" not in text and "<b>" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # no unescaped link syntax
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\[x\\](javascript:alert(1))" in text
    assert "a\\|b \\*c\\* \\_d\\_ \\`e\\`" in text
    (row,) = [line for line in text.splitlines() if line.startswith("| po/de.po:3 ")]
    # the row keeps its seven cell borders: no | of the catalog text splits a cell
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "<br>second line" in row
    assert row.endswith('| "\\[x\\](javascript:alert(1)) \\| &lt;b&gt;" |')


def test_markdown_escape_helper() -> None:
    assert markdown.escape("a|b") == "a\\|b"
    assert markdown.escape("x\ny\r\nz") == "x<br>y<br>z"
    assert markdown.escape("<&>") == "&lt;&amp;&gt;"
    assert markdown.escape("\\*") == "\\\\\\*"


def test_markdown_shortens_long_msgids() -> None:
    text = markdown.summary(synthetic(finding(msgid="word " * 30 + "\nend")))
    assert '"' + ("word " * 10)[:49] + '…"' in text


# --- golden files ------------------------------------------------------------------


@pytest.mark.parametrize("name, module", [("check.github.txt", github), ("check.md", markdown)])
def test_output_matches_golden_file(name: str, module, in_tmp: Path, no_summary: None) -> None:
    """What `transkit check --select C --select H101 --format ...` prints: each finding names its domain."""
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    report = transkit.check_paths(["catalogs"], select=("C", "H101"), cache=False)
    output = render(module, report)
    golden = GOLDEN / name
    if os.environ.get("TRANSKIT_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_annotations_and_summary_of_several_domains_name_the_domain(in_tmp: Path, no_summary: None) -> None:
    """The shipped project's three domains, an error in the German press release: each
    annotation's title names its domain, the summary has a section per domain, the one with
    the error first, each with its own coverage table against its own template."""
    from conftest import ROOT

    shutil.copytree(ROOT / "catalogs", in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    german = in_tmp / "catalogs" / "press" / "de.po"
    german.write_text(
        german.read_text(encoding="utf-8").replace("Nummer 078 055 800", "Nummer 078 055 880"), encoding="utf-8"
    )
    report = transkit.check_paths(cache=False)
    annotations = render(github, report).splitlines()
    assert len(annotations) == len(report.findings)
    errors = [line for line in annotations if line.startswith("::error ")]
    assert errors and all("file=catalogs/press/de.po" in line and " [press]::" in line for line in errors)
    assert any(" [site]::" in line for line in annotations) and any(" [campaign]::" in line for line in annotations)

    text = render(markdown, report)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[1:4] == ["### Domain press", "#### Coverage", "#### Findings"]
    assert [h for h in headings if h.startswith("### ")] == [
        "### Domain press",
        "### Domain campaign",
        "### Domain site",
    ]
    press = text[text.index("### Domain press") : text.index("### Domain campaign")]
    assert "Against catalogs/press/press.pot (13 messages)." in press
    assert "| de | German |" in press and "| fr |" not in press  # French is its source, not a catalog
    site = text[text.index("### Domain site") :]
    assert "Against catalogs/site/site.pot" in site and "| ar | Arabic |" in site
