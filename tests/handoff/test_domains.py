"""Work packages in a project of several domains: one package per language and domain,
each applied to its own domain's catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CATALOGS, ROOT
from handoff_helpers import Xliff, invoke

STALE_TITLE = "The victim centres"


def test_one_package_per_language_and_domain_each_back_to_its_catalog(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    result = invoke("export", "hu", "ti", "-o", "packages")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (in_tmp / "packages").iterdir())
    # hu's application strings and press release need nothing; its pages have one stale
    # title. ti has work in every domain.
    assert written == ["campaign.ti.xliff", "press.ti.xliff", "site.hu.xliff", "site.ti.xliff"]
    assert "campaign.hu: nothing needs work, no package written" in result.stdout  # which of hu's domains

    package = Xliff(in_tmp / "packages" / "site.hu.xliff")
    package.translate(STALE_TITLE, "Az áldozatsegítő központok")
    package.save()
    before_app = (in_tmp / "catalogs" / "hu.po").read_bytes()
    result = invoke("import", "packages/site.hu.xliff")
    assert result.exit_code == 0, result.output
    site = (in_tmp / "catalogs" / "site" / "hu.po").read_text(encoding="utf-8")
    assert 'msgid "The victim centres"\nmsgstr "Az áldozatsegítő központok"' in site
    assert (in_tmp / "catalogs" / "hu.po").read_bytes() == before_app  # the other domain untouched


def test_a_package_of_a_domain_the_project_has_not_is_refused(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    assert invoke("export", "hu", "-o", "packages").exit_code == 0
    shutil.rmtree(in_tmp / "catalogs" / "site")
    result = invoke("import", "packages/site.hu.xliff")
    assert result.exit_code == 2
    assert "package for domain 'site'" in result.stderr


def test_fix_and_pretranslate_reach_every_domain(in_tmp: Path) -> None:
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    site = in_tmp / "catalogs" / "site" / "de.po"
    good = "Weitere Informationen in Ihrer Sprache auf stophumantrafficking.be."
    text = site.read_text(encoding="utf-8")
    assert good in text
    site.write_text(
        text.replace(good, good.replace("stophumantrafficking.be", "stopmensenhandel.be")), encoding="utf-8"
    )
    result = invoke("check", "--fix", "--select", "T122")
    assert result.exit_code == 0, result.output
    assert good in site.read_text(encoding="utf-8")
    # The memory fills the pages' catalogs too: hu's stale title, from a compendium.
    result = invoke("pretranslate", "hu", "--from", "catalogs/site/hu.po", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "catalogs/site/hu.po" in result.output
