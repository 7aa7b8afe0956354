"""The editors' report in a real browser, as an editor uses it: headless Chromium at a
1366 px laptop and a 390 px phone, and printed to an A4 landscape PDF.

Checks: nothing scrolls the page sideways, every language of the critical-terms matrix is
visible at 1366 px and in the printed PDF, the language with an error comes first and never
looks complete, right-to-left text is right-aligned with its numbers and placeholders
isolated, a U+202E is shown rather than obeyed, the filters, sorting and roving tabindex
work, axe-core (vendored, tests/data/axe-core) finds nothing serious or critical, nothing is
requested from the network and no script from catalog text runs.

Needs Debian's chromium, the playwright package and pdftotext (poppler-utils); ``.ci/run``
installs them. Outside CI the test is skipped when one is missing, in CI it fails instead.
Screenshots and the PDF are left in test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ARTIFACTS, CATALOGS, CHROMIUM, DATA, OTHER_DOMAINS, SHIPPED_LANGUAGES, playwright_or_skip

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "javascript:alert(3)"]
AXE = DATA / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"
MATRIX_COLUMNS_IN_VIEW = """() => {
  const box = document.querySelector('table.matrix').closest('.scroll').getBoundingClientRect();
  return [...document.querySelectorAll('table.matrix thead th[data-lang]')]
    .filter(th => { const r = th.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= box.right + 1; })
    .map(th => th.textContent.trim());
}"""
TAB_STOPS = """(selector) => [...document.querySelector(selector).querySelectorAll('a[href], button, summary, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.closest('[hidden]') && !el.closest('td details:not([open]) ul')).length"""
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""


def pdftotext_or_skip() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have pdftotext (poppler-utils, see .ci/run)")
        pytest.skip("needs pdftotext (poppler-utils)")
    return tool


def hostile_project(folder: Path) -> Path:
    """The shipped catalogs with an error in German (a wrong helpline digit), a U+202E
    reversing the Pashto helpline, and script payloads in French."""
    shutil.copytree(CATALOGS, folder / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", folder / "glossary")
    fr = folder / "catalogs" / "fr.po"
    hostile = "".join(
        f'\nmsgctxt "payload {n}"\nmsgid "Privacy policy"\nmsgstr "{p.replace(chr(34), chr(92) + chr(34))}"\n'
        for n, p in enumerate(PAYLOADS)
    )
    fr.write_text(fr.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    de = folder / "catalogs" / "de.po"
    de.write_text(de.read_text(encoding="utf-8").replace("unter 078 055 800", "unter 078 055 801"), encoding="utf-8")
    ps = folder / "catalogs" / "ps.po"
    text = ps.read_text(encoding="utf-8")
    assert "\u2066078 055 800\u2069" in text
    ps.write_text(text.replace("\u2066078 055 800\u2069", "\u202e078 055 800\u202c", 1), encoding="utf-8")
    from transkit.cli import main

    # A repository of one commit, so that the report draws its history section too.
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    environment = {k: v for k, v in os.environ.items() if k not in {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"}}
    for command in (["init", "-q"], ["add", "catalogs", "glossary"], ["commit", "-q", "-m", "Campaign catalogs"]):
        subprocess.run(["git", *identity, *command], cwd=folder, env=environment, check=True, capture_output=True)
    options = ["report", "-o", "report.html", "--now", "2026-01-01T00:00:00Z", "--history", "5"]
    result = CliRunner().invoke(main, options)
    assert result.exit_code == 0, result.output
    assert '<section id="history"' in (folder / "report.html").read_text(encoding="utf-8")
    return folder / "report.html"


def test_report_in_chromium_at_1366_and_390_px_and_printed(in_tmp: Path) -> None:
    sync_playwright = playwright_or_skip()
    pdftotext = pdftotext_or_skip()
    report = hostile_project(in_tmp)
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            errors: list[str] = []
            dialogs: list[str] = []
            requests: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")

            # Safe: the payloads are text, no tag they carry exists.
            text = page.locator("body").text_content() or ""  # collapsed sections included
            assert all(payload in text for payload in PAYLOADS), "payloads must be shown as text"
            assert page.locator("img").count() == 0

            # 1366 px: no sideways scrolling, all 23 languages of the matrix in view.
            width, inner = page.evaluate(OVERFLOW)
            assert width <= inner, f"page scrolls sideways at 1366 px: {width} > {inner}"
            assert sorted(page.evaluate(MATRIX_COLUMNS_IN_VIEW)) == sorted(SHIPPED_LANGUAGES)

            # Worst first: German has an error and 100 %, and is first and red, not ready.
            first = page.locator("#board tbody tr").first
            assert first.get_attribute("data-lang") == "de"
            assert first.locator(".state").text_content() == "errors"
            page.screenshot(path=str(ARTIFACTS / "report-1366.png"))

            # Sortable: by language code, then back to worst first by status.
            page.locator("#board thead th").nth(0).locator("button").click()
            codes = page.eval_on_selector_all("#board tbody tr[data-lang]", "rows => rows.map(r => r.dataset.lang)")
            assert codes == sorted(codes, key=str.lower) or codes == sorted(codes)
            assert page.locator("#board thead th").nth(0).get_attribute("aria-sort") == "ascending"
            page.locator("#board thead th").nth(1).locator("button").click()
            assert page.locator("#board tbody tr").first.get_attribute("data-lang") == "de"

            # Right to left: right-aligned, numbers and placeholders isolated left to right,
            # and the U+202E shown as a label instead of reversing the helpline.
            page.locator('section[data-lang="ps"] summary').first.click()
            cells = page.locator('section[data-lang="ps"] td.tr[dir="rtl"]')
            assert cells.count() > 0
            aligned = cells.evaluate_all("cells => cells.map(c => getComputedStyle(c).textAlign)")
            assert set(aligned) == {"right"}, aligned
            placeholder = page.locator('section[data-lang="ps"] td.tr bdi', has_text="%(count)d").first
            assert placeholder.evaluate("b => getComputedStyle(b).direction") == "ltr"
            override = page.locator('section[data-lang="ps"] .inv', has_text="⟨RLO⟩")
            assert override.count() >= 1 and override.first.is_visible()
            assert "\u202e" not in (page.locator('section[data-lang="ps"]').text_content() or "")
            page.locator('section[data-lang="ps"]').screenshot(path=str(ARTIFACTS / "report-rtl.png"))

            # Filters: only errors → tables without an error vanish and counts say so.
            for severity in ("warning", "info"):
                page.locator(f'#filters input[name="severity"][value="{severity}"]').uncheck()
            assert not page.locator('section[data-lang="ti"] .scroll.findings').is_visible()
            ti_count = page.locator('section[data-lang="ti"] [data-count="findings"]').text_content()
            assert ti_count and ti_count.startswith("0 of ")
            assert "Showing 23 languages" in (page.locator("#filter-status").text_content() or "")
            for severity in ("warning", "info"):
                page.locator(f'#filters input[name="severity"][value="{severity}"]').check()
            page.locator('#filters input[name="lang"][value="fr"]').uncheck()
            assert not page.locator('section[data-lang="fr"]').is_visible()
            assert "Showing 22 languages" in (page.locator("#filter-status").text_content() or "")
            page.locator('#filters input[name="lang"][value="fr"]').check()

            # Keyboard: one tab stop per table, arrow keys inside.
            assert page.evaluate(TAB_STOPS, "table.matrix") == 1
            assert page.evaluate(TAB_STOPS, "#board") == 1
            page.locator("table.matrix summary").first.focus()
            before = page.evaluate("document.activeElement.closest('td').dataset.lang")
            page.keyboard.press("ArrowRight")
            after = page.evaluate("document.activeElement.closest('td').dataset.lang")
            assert (before, after) == ("ar", "bg")
            page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.closest('td').dataset.lang") == "bg"
            assert page.evaluate(TAB_STOPS, "table.matrix") == 1

            # 390 px, a phone: the matrix scrolls in its own box, the page never sideways.
            page.set_viewport_size({"width": 390, "height": 844})
            width, inner = page.evaluate(OVERFLOW)
            assert width <= inner, f"page scrolls sideways at 390 px: {width} > {inner}"
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(ARTIFACTS / "report-390.png"))
            page.evaluate("document.getElementById('terms').scrollIntoView()")
            page.screenshot(path=str(ARTIFACTS / "report-390-matrix.png"))

            # Print, A4 landscape (the page's @page rule): every language of the matrix.
            page.set_viewport_size({"width": 1366, "height": 900})
            page.emulate_media(media="print")
            pdf = ARTIFACTS / "report.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
            page.emulate_media(media="screen")
        finally:
            browser.close()

        printed = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        pages = printed.stdout.split("\f")
        (matrix_page,) = [p for p in pages if "Critical terms by language" in p]
        header = next(line for line in matrix_page.splitlines() if line.split()[:1] == ["Term"])
        assert sorted(header.split()[1:]) == sorted(SHIPPED_LANGUAGES), header
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        size = info.split("Page size:")[1].split("pts")[0].split("x")
        assert abs(float(size[0]) - 842) < 2 and abs(float(size[1]) - 595) < 2, info  # A4 landscape

    assert errors == [] and dialogs == []
    assert all(url.startswith(("file://", "data:")) for url in requests), requests  # nothing from the network


def test_report_has_no_serious_or_critical_axe_violation(in_tmp: Path) -> None:
    """axe-core, injected from the vendored file (the page's CSP would refuse it, so this
    context bypasses CSP; the test above keeps it), at both widths, collapsed and expanded."""
    sync_playwright = playwright_or_skip()
    report = hostile_project(in_tmp)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri())
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            for width in (1366, 390):
                page.set_viewport_size({"width": width, "height": 900})
                assert page.evaluate(AXE_RUN) == [], f"collapsed, {width} px"
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            for width in (1366, 390):
                page.set_viewport_size({"width": width, "height": 900})
                assert page.evaluate(AXE_RUN) == [], f"expanded, {width} px"
        finally:
            browser.close()
    assert all(url.startswith(("file://", "data:")) for url in requests), requests


def test_a_report_of_several_domains_sorts_within_each_domain_and_passes_axe(in_tmp: Path) -> None:
    """The shipped project's three domains: sorting the board keeps each domain's rows
    under its heading row, and axe finds nothing serious with the domain sections open."""
    sync_playwright = playwright_or_skip()
    from conftest import ROOT

    from transkit.cli import main

    for name in ("catalogs", "glossary"):
        shutil.copytree(ROOT / name, in_tmp / name)
    result = CliRunner().invoke(main, ["report", "-o", "report.html", "--now", "2026-01-01T00:00:00Z"])
    assert result.exit_code == 0, result.output
    groups = """() => [...document.querySelectorAll('#board tbody[data-domain]')].map(b =>
      [b.dataset.domain, b.rows[0].className, [...b.rows].slice(1).map(r => r.dataset.lang)])"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.goto((in_tmp / "report.html").as_uri())
            before = page.evaluate(groups)
            page.locator("#board thead th").nth(0).locator("button").click()
            after = page.evaluate(groups)
            assert [(d, css) for d, css, _ in after] == [
                ("campaign", "domain-row"),
                ("press", "domain-row"),
                ("site", "domain-row"),
            ]
            for (domain, _, rows), (_, _, was) in zip(after, before):
                assert sorted(rows) == sorted(was) and rows == sorted(rows, key=str.lower), domain
            page.screenshot(path=str(ARTIFACTS / "report-domains.png"))
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            assert page.evaluate(AXE_RUN) == []
        finally:
            browser.close()
