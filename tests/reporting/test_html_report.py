"""The editors' HTML report: self-contained, complete, accessible, and safe with hostile catalogs.

Regenerate the golden file after a deliberate change with
``TRANSKIT_UPDATE_GOLDEN=1 pytest tests/reporting/test_html_report.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, GOLDEN, OTHER_DOMAINS, PROJECTS, ROOT, SHIPPED_LANGUAGES

import transkit.cli.report_command  # noqa: F401  (registers the command)
from transkit.cli.common import main

NOW = "2026-01-01T00:00:00Z"
GOLDEN_REPORT = GOLDEN / "report.html"
PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each element id'd by a stack."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "input", "br", "img", "link"}:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        self.texts.append((tuple(t for t, _ in self.stack), data))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in wanted.items())]


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def generate(*args: str) -> str:
    result = CliRunner().invoke(main, ["report", "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return Path("report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of the shipped catalogs, made once (the run over 23 languages takes seconds)."""
    folder = tmp_path_factory.mktemp("shipped")
    shutil.copytree(CATALOGS, folder / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return generate()
    finally:
        os.chdir(cwd)


def test_loads_nothing_from_anywhere(shipped: str) -> None:
    page = parse(shipped)
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "xlink:href", "srcset", "data", "poster"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "javascript:")), (tag, attrs)
        assert tag not in {"link", "img", "iframe", "object", "embed"}, (tag, attrs)
        if tag == "script":
            assert "src" not in attrs
    head = shipped.split("<body>")[0] + "".join(page.scripts)
    assert "http:" not in head and "https:" not in head
    assert "@import" not in shipped and "url(" not in shipped


def test_one_html_document_in_english_with_one_h1_and_headings_in_order(shipped: str) -> None:
    page = parse(shipped)
    assert page.find("html")[0].get("lang") == "en"
    levels = [int(t[1]) for t, _ in page.tags if t in {"h1", "h2", "h3", "h4", "h5", "h6"}]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    assert all("scope" in a for t, a in page.tags if t == "th")
    assert shipped.count(f'datetime="{NOW}"') == 2 and "catalogs/campaign.pot" in shipped


def test_summary_lists_every_language_with_its_names(shipped: str) -> None:
    page = parse(shipped)
    rows = [a["data-lang"] for a in page.find("tr") if a.get("data-lang")]
    assert sorted(rows) == sorted(SHIPPED_LANGUAGES) and len(rows) == 23
    for english, native in [("French", "français"), ("Arabic", "العربية"), ("Chinese (Simplified)", "中文（简体）")]:
        assert f"</bdi></a> {english} <span" in shipped
        assert f">{native}</span>" in shipped
    for tag in ("ar", "fa", "ps"):
        (span,) = page.find("span", lang=tag)
        assert span.get("dir") == "rtl"
    assert page.find("span", lang="fr")[0].get("dir") is None


def test_every_language_has_a_bar_split_by_state_with_a_text_alternative(shipped: str) -> None:
    page = parse(shipped)
    bars = [a for a in page.find("svg") if "bar" in (a.get("class") or "").split()]
    assert len(bars) == 23
    for bar in bars:
        assert bar.get("role") == "img"
        label = bar.get("aria-label") or ""
        assert all(f" {state}" in label for state in ("translated", "fuzzy", "untranslated", "missing")), label
    assert 'aria-label="40 translated, 0 fuzzy, 0 untranslated, 10 missing"' in shipped  # ti


def test_status_board_is_worst_first_and_an_error_is_never_green(in_tmp: Path) -> None:
    """An error in a fully translated language puts it at the top with a red state,
    before the languages that are merely incomplete; an unreadable catalog comes first of all."""
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    german = in_tmp / "catalogs" / "de.po"
    german.write_text(german.read_text(encoding="utf-8").replace("unter 078 055 800", "unter 078 055 801"), "utf-8")
    (in_tmp / "catalogs" / "it.po").write_text('msgid "unterminated\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "--now", NOW])
    assert result.exit_code == 2  # a catalog could not be read; the report shows the others
    text = Path("report.html").read_text(encoding="utf-8")
    board = text.split('id="board"')[1].split("</table>")[0]
    rows = [a for a in parse(board).find("tr") if a.get("data-lang") or a.get("class") == "pinned"]
    assert rows[0].get("class") == "pinned" and "catalogs/it.po" in board.split("</tr>")[1]
    order = [a["data-lang"] for a in rows[1:]]
    assert order[0] == "de" and order[1:4] == ["ti", "ps", "tl"]  # then by work left
    german_row = board.split('data-lang="de"')[1].split("</tr>")[0]
    assert 'class="state state-blocked">errors<' in german_row and "state-ready" not in german_row
    assert 'href="#lang-' in german_row and "-findings" in german_row  # one click to the findings


def test_invisible_characters_are_shown_and_ltr_runs_isolated() -> None:
    from transkit.reporting.html import plain, show

    shown = str(show("اتصل \u202e078 055 800\u202c الآن"))
    assert "\u202e" not in shown and "\u202c" not in shown
    assert "⟨RLO⟩" in shown and "U+202E RIGHT-TO-LEFT OVERRIDE" in shown and "⟨PDF⟩" in shown
    assert '<bdi dir="ltr">078 055 800</bdi>' in shown
    pashto = str(show("%(count)d توري پاتې دي"))
    assert pashto.startswith('<bdi dir="ltr">%(count)d</bdi>')
    assert '<bdi dir="ltr">stophumantrafficking.be</bdi>' in str(show("وګورئ stophumantrafficking.be"))
    number = str(show("078\u00a0055 800, «\u00a0oui\u00a0»"))
    assert number.count('class="nbsp"') == 1  # inside the number only, not French typography
    assert "⟨ZWSP⟩" in str(show("078\u200b055"))
    assert str(show("<b>&</b>")) == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert plain("a\u202eb") == "a⟨RLO⟩b"


def test_downloads_are_data_urls_of_the_board_and_the_findings(shipped: str) -> None:
    import csv
    import json
    from urllib.parse import unquote

    links = {a["download"]: a["href"] for a in parse(shipped).find("a") if a.get("download")}
    assert set(links) == {
        "transkit-status.csv",
        "transkit-status.json",
        "transkit-findings.csv",
        "transkit-findings.json",
    }
    assert all(
        href.startswith(("data:text/csv;charset=utf-8,", "data:application/json;charset=utf-8,"))
        for href in links.values()
    )
    status = json.loads(unquote(links["transkit-status.json"].split(",", 1)[1]))
    assert sorted(row["language"] for row in status) == sorted(SHIPPED_LANGUAGES)
    rows = list(csv.reader(unquote(links["transkit-findings.csv"].split(",", 1)[1]).splitlines()))
    assert rows[0][:4] == ["file", "line", "severity", "code"] and len(rows) > 1


def test_csv_cells_that_look_like_formulas_are_defused() -> None:
    from transkit.reporting.html import _csv

    text = _csv(["a"], [["=HYPERLINK(1)"], ["+1"], ["-x"], ["@SUM"], ["ok"]])
    assert text.splitlines()[1:] == ["'=HYPERLINK(1)", "'+1", "'-x", "'@SUM", "ok"]


def test_matrix_has_a_row_per_term_and_text_labels(shipped: str) -> None:
    from transkit.terms import load_termbase

    termbase = load_termbase(ROOT / "glossary")
    matrix = shipped.split('id="terms-caption"')[1].split("</table>")[0]
    for term in termbase.terms:
        assert f'<th scope="row">{term.id}</th>' in matrix
    page = parse(matrix)
    assert len([a for a in page.find("th") if a.get("scope") == "row"]) >= len(termbase.terms)
    cells = [a for a in page.find("td")]
    assert cells and all(a.get("class", "").startswith("st st-") for a in cells)
    # every cell with details has a title and a keyboard-reachable <details>
    assert page.find("details") and all(a.get("title") for a in cells if "title" in a)


def test_language_sections_collapse_and_rtl_translations_are_marked(shipped: str) -> None:
    page = parse(shipped)
    sections = [a for a in page.find("section") if a.get("data-lang")]
    assert len(sections) == 23
    assert len(page.find("details", **{"class": "lang"})) == 23
    rtl_cells = [
        a for a in page.find("td") if "tr" in (a.get("class") or "").split() and a.get("lang") in {"ar", "fa", "ps"}
    ]
    assert rtl_cells and all(a.get("dir") == "rtl" for a in rtl_cells)


def test_filters_need_javascript_only_to_appear(shipped: str) -> None:
    page = parse(shipped)
    (form,) = page.find("form")
    assert "hidden" in form  # without JavaScript there is nothing to hide: all is shown
    assert len(page.scripts) == 1 and "innerHTML" not in page.scripts[0]
    assert "@media print" in shipped and "@media (max-width" in shipped


def test_hostile_catalog_text_is_shown_as_text_only(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    french = in_tmp / "catalogs" / "fr.po"
    quote = lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    hostile = "".join(
        f"\n#, fuzzy\nmsgid {quote(f'hostile {n} {p}')}\nmsgstr {quote(p)}\n" for n, p in enumerate(PAYLOADS)
    )
    french.write_text(french.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    text = generate("--lang", "fr")
    assert "&lt;script&gt;alert" in text
    assert "<script>alert" not in text and "<img" not in text
    page = parse(text)
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action"):
            assert "javascript:" not in (attrs.get(name) or "").lower()
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    shown = "".join(data for _, data in page.texts)
    for payload in PAYLOADS:
        assert payload in shown


def test_flat_project_matches_golden_file(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    text = generate()
    if os.environ.get("TRANSKIT_UPDATE_GOLDEN"):
        GOLDEN_REPORT.write_text(text, encoding="utf-8")
    assert text == GOLDEN_REPORT.read_text(encoding="utf-8")


def test_now_must_be_a_timestamp(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    result = CliRunner().invoke(main, ["report", "--now", "yesterday"])
    assert result.exit_code == 2 and not Path("report.html").exists()


def test_output_option_names_the_file(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    result = CliRunner().invoke(main, ["report", "-o", "out.html", "--now", NOW])
    assert result.exit_code == 0, result.output
    assert Path("out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _domains_project(folder: Path) -> str:
    """The shipped project (application, site, French-source press release) with one stale
    and one wrong German press message, built and reported."""
    for name in ("content", "press", "catalogs", "glossary"):
        shutil.copytree(ROOT / name, folder / name)
    german = folder / "catalogs" / "press" / "de.po"
    text = german.read_text(encoding="utf-8")
    german.write_text(
        text.replace("Nummer 078 055 800", "Nummer 078 055 880").replace(
            "#: press/communique-2023.md:3\nmsgid", "#: press/communique-2023.md:3\n#, fuzzy\nmsgid"
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-o", "site"]).exit_code == 1
    result = runner.invoke(main, ["report", "--pages", "site", "-o", "report.html", "--now", "2026-01-01T00:00:00Z"])
    assert result.exit_code == 0, result.output
    return (folder / "report.html").read_text(encoding="utf-8")


def test_a_report_of_several_domains_has_a_section_per_domain_with_its_source_language(in_tmp: Path) -> None:
    """Grouped by domain, then language: a group of rows on the status board and a section
    in the languages per domain, each source text marked in its domain's language (the
    press release's French), and each domain's row counting its own pages."""
    text = _domains_project(in_tmp)
    page = parse(text)
    sections = page.find("section", **{"class": "domain-section"})
    assert [s["data-domain"] for s in sections] == ["campaign", "press", "site"]
    press = text[text.index('data-domain="press" aria-labelledby') : text.index('data-domain="site" aria-labelledby')]
    press_languages = sorted({*SHIPPED_LANGUAGES, "en"} - {"fr"})
    assert 'source in French (<span lang="fr">français</span>), 23 languages.' in press
    assert [code for code in re.findall(r'<section data-lang="([^"]+)"', press)] == press_languages
    german = press[press.index('<section data-lang="de"') :]
    assert (
        '<td class="src" lang="fr"><span class="form">Communiqué de presse pour la Journée mondiale contre la '
        "traite des êtres humains du 30 juillet 2023</span>" in german
    )  # the message made fuzzy
    assert '<q lang="fr">' in german and '<q lang="en">' not in german  # its findings' subjects
    assert re.search(r"<h4 id=\"lang-\d+-heading\">", german)  # a language is a heading below its domain
    # The board: one group of rows per domain, under a heading row, worst first within it.
    board = text[text.index('<table id="board"') : text.index("</table>", text.index('<table id="board"'))]
    groups = re.findall(r'<tbody data-domain="([^"]+)">\n<tr class="domain-row">(.*?)</tr>(.*?)</tbody>', board, re.S)
    assert [name for name, _, _ in groups] == ["campaign", "press", "site"]
    assert "template <code>catalogs/press/press.pot</code>, source in French" in groups[1][1]
    press_rows = re.findall(r'<tr data-lang="([^"]+)"', groups[1][2])
    assert press_rows[0] == "de" and sorted(press_rows) == press_languages  # German's error first
    assert sum(len(re.findall(r"<tr data-lang=", rows)) for _, _, rows in groups) == 23 + 23 + 23
    # Pages per domain and language: German's site pages and its press release, held back.
    site_german = re.search(r'<tr data-lang="de".*?</tr>', groups[2][2], re.S)
    press_german = re.search(r'<tr data-lang="de".*?</tr>', groups[1][2], re.S)
    assert site_german and "<bdi>6 published</bdi></a>" in site_german.group()
    assert press_german and "<bdi>0 published</bdi>, <bdi>1 held back</bdi>" in press_german.group()
