"""The preview site in a real browser: an Arabic page is right to left and shows the
helpline's digit groups in order; pages built from hostile catalogs run nothing and call
nowhere.

Needs Debian's chromium and the playwright package (``.ci/run`` installs both); outside CI
the test is skipped when they are missing, in CI it fails instead. Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
from click.testing import CliRunner
from conftest import ARTIFACTS, CHROMIUM, content_project, playwright_or_skip

from transkit.cli import main

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# Where each digit group of the helpline is drawn, left to right on the screen.
GROUPS_JS = """
([selector, number]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(number);
    if (at < 0) continue;
    const lefts = [];
    let offset = at;
    for (const group of number.split(' ')) {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + group.length);
      lefts.push([group, range.getBoundingClientRect().left]);
      offset += group.length + 1;
    }
    return lefts.sort((a, b) => a[1] - b[1]).map(pair => pair[0]);
  }
  return null;
}
"""


def _build(folder: Path) -> int:
    result = CliRunner().invoke(main, ["build", "content", "--catalogs", "catalogs", "-o", "site", "--html"])
    return result.exit_code


def test_the_arabic_preview_is_right_to_left_with_the_helpline_in_order(in_tmp: Path) -> None:
    sync_playwright = playwright_or_skip()
    content_project(in_tmp)
    assert _build(in_tmp) == 0
    page_file = in_tmp / "site" / "preview" / "ar" / "index.html"
    # The control: the same page without the isolation transkit adds shows the groups reversed.
    control = page_file.with_name("control.html")
    control.write_text(page_file.read_text(encoding="utf-8").replace("\u2066", "").replace("\u2069", ""))
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 900, "height": 700})
            page.goto(page_file.as_uri())
            assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
            assert page.evaluate("document.documentElement.lang") == "ar"
            assert page.evaluate(GROUPS_JS, ["main", "078 055 800"]) == ["078", "055", "800"]
            page.screenshot(path=str(ARTIFACTS / "content-preview-ar.png"), full_page=True)
            page.goto((in_tmp / "site" / "preview" / "ar" / "help.html").as_uri())
            assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
            assert page.evaluate(GROUPS_JS, ["main", "078 055 800"]) == ["078", "055", "800"]
            page.screenshot(path=str(ARTIFACTS / "content-preview-ar-help.png"), full_page=True)
            page.goto(control.as_uri())
            assert page.evaluate(GROUPS_JS, ["main", "078 055 800"]) == ["800", "055", "078"]
        finally:
            browser.close()


HOSTILE = {
    "Blue Heart": "Cœur bleu &lt;script&gt;alert(1)&lt;/script&gt;",
    "A blue heart": 'Un cœur bleu" onerror="alert(2)',
    "Who answers": "Qui répond &lt;img src=x onerror=alert(3)&gt;",
    "Call the helpline": "Appelez <script>alert(4)</script>",
    "More at <a1>stophumantrafficking.be</a1>.": 'Plus sur <a1 href="javascript:alert(5)">ici</a1>.',
    "Free and anonymous, day and night.": "<img src=https://evil.example/x.png>",
    # An event attribute on the source's own tag, and a link to another domain.
    "Trained staff of the victim centres <em>PAG-ASA</em>, <em>Payoke</em> and <em>Sürya</em>.": (
        'Le personnel des centres <em onmouseover="alert(6)">PAG-ASA</em>, <em>Payoke</em> et <em>Sürya</em>.'
    ),
    "If you or someone you know is exploited, call <a1>078 055 800</a1> any time. The call is free and anonymous.": (
        'Appelez le <a1>078 055 800</a1> ou <a href="https://evil.example/">ici</a>.'
    ),
}


def test_a_preview_built_from_hostile_catalogs_runs_nothing_and_calls_nowhere(in_tmp: Path) -> None:
    sync_playwright = playwright_or_skip()
    content_project(in_tmp)
    fr = in_tmp / "catalogs" / "fr.po"
    po = polib.pofile(str(fr))
    for entry in po:
        entry.msgstr = HOSTILE.get(entry.msgid, entry.msgstr)
    po.save(str(fr))
    assert _build(in_tmp) == 1  # the help page is held back in French (script, javascript: link)
    report = json.loads((in_tmp / "site" / "build-report.json").read_text(encoding="utf-8"))
    (help_fr,) = [p for p in report["pages"] if p["page"] == "content/help.md" and p["language"] == "fr"]
    reasons = {reason["segment"]: reason["message"] for reason in help_fr["reasons"] if reason["code"] == "markup"}
    assert help_fr["status"] == "held-back" and help_fr["output"] is None
    assert "not in the source: <script>" in reasons["Call the helpline"]
    assert "<img src=https://evil.example/x.png>" in reasons["Free and anonymous, day and night."]
    assert "has attributes" in reasons[next(m for m in HOSTILE if m.startswith("Trained"))]  # onmouseover=
    assert "has attributes" in reasons[next(m for m in HOSTILE if m.startswith("If you"))]  # evil.example
    pages = sorted((in_tmp / "site" / "preview").rglob("*.html"))
    assert in_tmp / "site" / "preview" / "fr" / "index.html" in pages
    assert in_tmp / "site" / "preview" / "fr" / "help.html" not in pages
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            errors: list[str] = []
            requests: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: requests.append(request.url))
            for path in pages:
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
            page.goto((in_tmp / "site" / "preview" / "fr" / "index.html").as_uri())
            text = page.locator("main").text_content() or ""
            assert page.title() == "Cœur bleu <script>alert(1)</script>"  # shown as text
            assert page.locator("main script").count() == 0
            assert page.locator("main img").get_attribute("alt") == 'Un cœur bleu" onerror="alert(2)'
            assert "Cœur bleu <script>alert(1)</script>" in text
            page.screenshot(path=str(ARTIFACTS / "content-preview-hostile-fr.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == [] and errors == []
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
