"""``transkit extract`` and ``transkit build`` as an editor and CI run them: pages into a
template, catalogs back into pages, and the gate deciding what is published."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import CONTENT, content_project
from lxml import etree

from transkit.cli import main

SITE = CONTENT / "site"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _retranslate(catalog: Path, changes: dict[str, str]) -> None:
    """Give some messages of a catalog another translation."""
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgid in changes:
            entry.msgstr = changes[entry.msgid]
    po.save(str(catalog))


def _message(catalog: Path, start: str) -> polib.POEntry:
    return next(entry for entry in polib.pofile(str(catalog)) if entry.msgid.startswith(start))


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """The test site's pages, their template (extracted again here), French and Arabic."""
    content_project(in_tmp)
    code, out, err = _run("extract", "content", "-o", "catalogs/site.pot")
    assert code == 0, err
    return in_tmp


def _report(folder: Path) -> dict:
    return json.loads((folder / "build-report.json").read_text(encoding="utf-8"))


def test_extract_writes_a_template_msgcat_would_write_and_leaves_it_alone_when_nothing_changed(project: Path) -> None:
    template = project / "catalogs" / "site.pot"
    text = template.read_text(encoding="utf-8")
    assert "#: content/help.md:8\n" in text
    assert "#. page “Call the helpline”, section “Call the helpline”\n#. <a1> links to tel:+3278055800\n" in text
    assert "Internal note" not in text  # after <!-- transkit: skip -->
    assert "tel:" not in text.split("msgid", 2)[2].replace("#. <a1> links to tel:", "")  # targets only in comments
    code, out, _ = _run("extract", "content", "-o", "catalogs/site.pot")
    assert code == 0 and "(unchanged)" in out
    assert template.read_text(encoding="utf-8") == text


def test_every_language_is_built_in_the_sources_format_with_lang_dir_and_isolated_numbers(project: Path) -> None:
    code, out, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 0, err
    french = (project / "site" / "fr" / "help.md").read_text(encoding="utf-8")
    assert french.startswith('---\ntitle: "Appelez la ligne d’aide"\n')
    assert "layout: page\n" in french
    assert "[078 055 800](tel:+3278055800)" in french
    arabic = (project / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "\u2066078 055 800\u2069" in arabic
    help_ar = (project / "site" / "ar" / "help.md").read_text(encoding="utf-8")
    assert "اتصل على \u2066078 055 800\u2069 [الآن](tel:+3278055800)" in help_ar
    assert "content/help.md [ar]: isolated for right-to-left display: 078 055 800" in out
    report = _report(project / "site")
    assert report["summary"] == {"built": 6, "fallback": 0, "held-back": 0}
    assert (project / "site" / "en" / "help.md").read_text(encoding="utf-8") == (SITE / "help.md").read_text(
        encoding="utf-8"
    )


def test_a_wrong_digit_in_one_language_holds_back_that_page_there_only(project: Path) -> None:
    fr = project / "catalogs" / "fr.po"
    entry = _message(fr, "If you")
    _retranslate(fr, {entry.msgid: entry.msgstr.replace("078 055 800", "078 055 801")})
    code, out, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 1
    assert "content/help.md [fr]: held back" in err
    assert "M101" in err and "078 055 800" in err
    assert not (project / "site" / "fr" / "help.md").exists()
    assert (project / "site" / "fr" / "index.html").is_file()
    assert (project / "site" / "ar" / "help.md").is_file()
    held = [p for p in _report(project / "site")["pages"] if p["status"] == "held-back"]
    assert [(p["page"], p["language"]) for p in held] == [("content/help.md", "fr")]
    assert held[0]["reasons"][0]["line"] == 8
    assert held[0]["output"] is None


HOSTILE = {
    "Who answers": "Qui répond<script>alert(1)</script>",
    "A blue heart": 'Un cœur bleu" onerror="alert(2)',
    "More at <a1>stophumantrafficking.be</a1>.": 'Plus sur <a1 href="javascript:alert(3)">ici</a1>.',
    "In an emergency, call <strong>112</strong>.": 'En cas d’urgence, appelez le <strong>112</strong> <a href="https://evil.example">ici</a>.',
}


def test_a_translation_that_adds_markup_holds_its_page_back_and_text_is_escaped(project: Path) -> None:
    _retranslate(project / "catalogs" / "fr.po", HOSTILE)
    code, out, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site", "--html")
    assert code == 1
    reasons: dict[str, list[str]] = {}
    for page in _report(project / "site")["pages"]:
        for reason in page["reasons"]:
            reasons.setdefault(reason["segment"], []).append(f"{reason['code']}: {reason['message']}")
    assert "markup: markup differs from the source (not in the source: <script>)" in reasons["Who answers"]
    link = next(m for m in HOSTILE if m.startswith("More"))
    assert "markup: tag '<a1 href=\"javascript:alert(3)\">' has attributes; placeholders have none" in reasons[link]
    assert any(r.startswith("M133") for r in reasons[link])  # the markup checks see it too
    emergency = next(m for m in HOSTILE if m.startswith("In an"))
    assert (
        "markup: tag '<a href=\"https://evil.example\">' has attributes; placeholders have none" in reasons[emergency]
    )
    assert not (project / "site" / "fr" / "help.md").exists()
    # The alt text is plain text: built, and escaped where it lands.
    image = etree.fromstring((project / "site" / "fr" / "index.html").read_bytes(), etree.HTMLParser()).find(".//img")
    assert dict(image.attrib) == {
        "src": "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
        "alt": 'Un cœur bleu" onerror="alert(2)',
    }


def test_fallback_source_builds_the_page_and_marks_what_fell_back(project: Path) -> None:
    _retranslate(project / "catalogs" / "fr.po", {"Who answers": ""})
    code, _, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 1 and "segment is untranslated in 'Who answers'" in err
    code, out, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site", "--fallback", "source", "--html")
    assert code == 0, err
    assert "content/help.md [fr]: 1 segment in the source language" in out.splitlines()
    assert "## Who answers" in (project / "site" / "fr" / "help.md").read_text(encoding="utf-8")
    page = next(
        p for p in _report(project / "site")["pages"] if p["page"] == "content/help.md" and p["language"] == "fr"
    )
    assert page["status"] == "fallback"
    assert page["fallback_segments"] == [{"segment": "Who answers", "line": 11}]
    assert "not translated yet" in (project / "site" / "preview" / "fr" / "help.html").read_text(encoding="utf-8")


def test_min_coverage_holds_back_every_page_of_a_language_below_it(project: Path) -> None:
    _retranslate(project / "catalogs" / "ar.po", {"Who answers": ""})
    (project / "transkit.toml").write_text("min-coverage = 95\n", encoding="utf-8")
    code, _, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site", "--lang", "ar")
    assert code == 1
    assert "C109" in err
    assert not (project / "site" / "ar").exists()
    assert _report(project / "site")["languages"] == ["en", "ar"]


@pytest.mark.parametrize(
    ("page", "content", "message"),
    [
        ("bad.md", "---\ntitle: [unclosed\n---\n# Hi\n", "content/bad.md:2: front matter is not valid YAML"),
        ("bad.html", "<html><body>\n<p>a <b>b</p>\n</body></html>", "content/bad.html:2: HTML does not parse cleanly"),
    ],
)
def test_a_page_that_does_not_parse_stops_everything_with_one_line_and_exit_2(
    project: Path, page: str, content: str, message: str
) -> None:
    (project / "content" / page).write_text(content, encoding="utf-8")
    before = (project / "catalogs" / "site.pot").read_text(encoding="utf-8")
    code, out, err = _run("extract", "content", "-o", "catalogs/site.pot")
    assert code == 2 and err.startswith(message) and len(err.splitlines()) == 1
    assert (project / "catalogs" / "site.pot").read_text(encoding="utf-8") == before
    code, out, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 2 and err.startswith(message) and len(err.splitlines()) == 1
    assert not (project / "site").exists()


def test_an_unknown_file_type_and_a_template_without_catalogs_are_bad_input(project: Path) -> None:
    (project / "notes.txt").write_text("hello", encoding="utf-8")
    code, _, err = _run("extract", "notes.txt", "-o", "x.pot")
    assert code == 2 and "notes.txt: unknown file type '.txt'" in err
    assert not (project / "x.pot").exists()
    (project / "empty").mkdir()
    shutil.copy(project / "catalogs" / "site.pot", project / "empty" / "site.pot")
    code, _, err = _run("build", "content", "--catalogs", "empty", "-o", "site")
    assert code == 2 and "no catalogs" in err and len(err.splitlines()) == 1
    assert not (project / "site").exists()


def test_build_never_replaces_a_folder_it_did_not_build(project: Path) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, err = _run("build", "content", "--catalogs", "catalogs", "-o", "docs")
    assert code == 2 and "is not a folder transkit built" in err
    assert (project / "docs" / "keep.txt").read_text(encoding="utf-8") == "mine"
    code, _, _ = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    (project / "site" / "stale.md").write_text("old", encoding="utf-8")
    code, _, _ = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 0 and not (project / "site" / "stale.md").exists()  # replaced whole


def test_editing_one_sentence_makes_exactly_that_segment_fuzzy_in_every_catalog(project: Path) -> None:
    page = project / "content" / "help.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "Trained staff of the victim centres", "Trained staff of the specialised centres"
        ),
        encoding="utf-8",
    )
    code, _, err = _run("extract", "content", "-o", "catalogs/site.pot")
    assert code == 0, err
    code, _, err = _run("update", "catalogs")
    assert code == 0, err
    for language in ("fr", "ar"):
        catalog = polib.pofile(str(project / "catalogs" / f"{language}.po"))
        fuzzy = [entry for entry in catalog if "fuzzy" in entry.flags]
        assert [entry.msgid for entry in fuzzy] == [
            "Trained staff of the specialised centres <em>PAG-ASA</em>, <em>Payoke</em> and <em>Sürya</em>."
        ], language
        assert fuzzy[0].previous_msgid == (
            "Trained staff of the victim centres <em>PAG-ASA</em>, <em>Payoke</em> and <em>Sürya</em>."
        )
        assert len(catalog.translated_entries()) == len(catalog) - 1
    code, _, err = _run("build", "content", "--catalogs", "catalogs", "-o", "site")
    assert code == 1 and "segment is fuzzy" in err
