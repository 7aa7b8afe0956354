"""The editors' HTML report: self-contained, complete, accessible, and safe with hostile catalogs.

Regenerate the golden file after a deliberate change with
``TRANSKIT_UPDATE_GOLDEN=1 pytest tests/reporting/test_html_report.py`` and review the diff.
"""

from __future__ import annotations

import os
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
        assert f"<td>{english}</td>" in shipped
        assert f">{native}</span>" in shipped
    for tag in ("ar", "fa", "ps"):
        (span,) = page.find("span", lang=tag)
        assert span.get("dir") == "rtl"
    assert page.find("span", lang="fr")[0].get("dir") is None


def test_chart_is_inline_svg_with_text_alternative(shipped: str) -> None:
    page = parse(shipped)
    (svg,) = page.find("svg")
    assert svg.get("role") == "img" and "chart-title" in svg["aria-labelledby"]
    assert len([a for a in page.find("g") if a.get("data-lang")]) == 23
    description = "".join(text for stack, text in page.texts if stack[-1:] == ("desc",))
    assert "fr 100.0 %" in description or "fr " in description


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
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
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
