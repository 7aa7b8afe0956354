"""The editors' report in a real browser: headless Chromium renders it, nothing breaks,
the injected payloads do not run, and the filters work without a server.

Needs Debian's chromium and the playwright package (``.ci/run`` installs both); outside CI
the test is skipped when they are missing, in CI it fails instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import ARTIFACTS, CATALOGS, CHROMIUM, OTHER_DOMAINS, playwright_or_skip

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "javascript:alert(3)"]


def test_report_renders_in_chromium_and_payloads_stay_text(in_tmp: Path) -> None:
    sync_playwright = playwright_or_skip()
    from transkit.cli import main

    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", in_tmp / "glossary")
    fr = in_tmp / "catalogs" / "fr.po"
    hostile = "".join(
        f'\nmsgctxt "payload {n}"\nmsgid "Privacy policy"\nmsgstr "{p.replace(chr(34), chr(92) + chr(34))}"\n'
        for n, p in enumerate(PAYLOADS)
    )
    fr.write_text(fr.read_text() + hostile)
    result = CliRunner().invoke(main, ["report", "-o", "report.html", "--now", "2026-01-01T00:00:00Z"])
    assert result.exit_code == 0, result.output

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            dialogs: list[str] = []
            requests: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("request", lambda request: requests.append(request.url))
            page.goto((in_tmp / "report.html").as_uri())
            page.wait_for_load_state("load")

            assert page.locator("h1").is_visible()
            assert page.locator("#summary table").is_visible()
            assert page.locator("#terms table").first.is_visible()
            assert page.locator("#summary svg").first.is_visible()
            text = page.locator("body").text_content() or ""  # collapsed sections included
            assert all(payload in text for payload in PAYLOADS), "payloads must be shown as text"
            assert page.locator("img").count() == 0  # the injected <img onerror> never became a tag

            # Filters work without a server: unticking fr hides its section.
            fr_section = page.locator('section[data-lang="fr"]')
            assert fr_section.is_visible()
            page.locator('#filters input[name="lang"][value="fr"]').uncheck()
            assert not fr_section.is_visible()
            page.locator('#filters input[name="lang"][value="fr"]').check()

            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
            page.set_viewport_size({"width": 390, "height": 844})  # a phone
            page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=False)
        finally:
            browser.close()
    assert errors == [] and dialogs == []
    assert all(url.startswith("file://") for url in requests), requests  # nothing from the network
