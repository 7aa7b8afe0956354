"""Shared paths and helpers: test data lives in files named after what they prove."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
PROJECTS = DATA / "projects"
CATALOGS = ROOT / "catalogs"
OTHER_DOMAINS = shutil.ignore_patterns("site", "press")
"""``copytree(CATALOGS, ..., ignore=OTHER_DOMAINS)``: the application's catalogs alone, without
the pages' domains (``catalogs/site``, ``catalogs/press``), for tests of one template."""
CONTENT = DATA / "content"
SHIPPED_LANGUAGES = "fr nl de es pt_BR it ro bg pl hu sk uk ru sq tr ar fa ps ti zh_Hans vi th tl".split()

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"
"""Where the browser tests leave their screenshots."""


def playwright_or_skip():
    """playwright's ``sync_playwright``, for a test that drives Debian's chromium
    (:data:`CHROMIUM`): the test is skipped when either is missing, except in CI, where
    it fails (``.ci/run`` installs both)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if CHROMIUM is None or sync_playwright is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium and playwright (see .ci/run)")
        pytest.skip("needs chromium and playwright")
    return sync_playwright


needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU msgfmt is not installed")

_STAT = re.compile(r"(\d+) (translated message|fuzzy translation|untranslated message)")


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as ``msgfmt --statistics`` prints them."""
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    counts = {"translated message": 0, "fuzzy translation": 0, "untranslated message": 0}
    for number, kind in _STAT.findall(result.stderr):
        counts[kind] = int(number)
    return counts["translated message"], counts["fuzzy translation"], counts["untranslated message"]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a hash of its bytes: to prove nothing was written."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty working directory, so no configuration file is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets an empty result cache of its own, never the user's."""
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """transkit speaks the user's language (``LANGUAGE``, ``LC_ALL``, ...): the tests read
    its English, whatever the locale of the person running them."""
    monkeypatch.setenv("LANGUAGE", "en")


def catalog_contexts(folder: Path) -> dict:
    """What a catalog's checks see, per language code, for a case folder (``catalogs/``
    and ``glossary/``): to call one check function directly, as the engine would."""
    from transkit import Options, load_project
    from transkit.engine.runner import CatalogContext
    from transkit.model.coverage import compute, index
    from transkit.terms import load_termbase

    project = load_project([folder / "catalogs"])
    options = Options(termbase=load_termbase(folder / "glossary"))
    template_index = index(project.template)
    return {
        catalog.code: CatalogContext(
            project, catalog, template_index, compute(catalog, project.template, template_index), options
        )
        for catalog in project.catalogs
    }


def content_project(folder: Path) -> Path:
    """The test site's pages (``content/``) with their template and complete French and
    Arabic catalogs (``catalogs/``), copied into ``folder``: see data/content/README.md."""
    shutil.copytree(CONTENT / "site", folder / "content")
    shutil.copytree(CONTENT / "catalogs", folder / "catalogs")
    return folder
