"""Writing catalogs back: unchanged messages keep their text, the rest is gettext's."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CATALOGS, DATA, SHIPPED_LANGUAGES

from transkit.po.layout import format_catalog, layout
from transkit.po.reader import read_catalog_source

needs_msgcat = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is not installed")


def rewrite(source, entries=None) -> str:
    kept = layout(source)
    return format_catalog(
        kept.header_comments,
        source.header_msgstr,
        source.catalog.entries if entries is None else entries,
        original=source,
    )


@needs_msgcat
@pytest.mark.parametrize("name", [f"{code}.po" for code in SHIPPED_LANGUAGES] + ["campaign.pot"])
def test_an_unchanged_msgcat_formatted_catalog_comes_back_byte_identical(name: str, tmp_path: Path):
    formatted = tmp_path / name
    subprocess.run(["msgcat", "-o", formatted, CATALOGS / name], check=True)
    source = read_catalog_source(formatted)
    assert rewrite(source).encode("utf-8") == formatted.read_bytes()
    # and rendered afresh, without the original text to copy, it is still msgcat's
    fresh = format_catalog(layout(source).header_comments, source.header_msgstr, source.catalog.entries)
    assert fresh.encode("utf-8") == formatted.read_bytes()


def test_a_message_written_by_hand_keeps_its_layout_when_unchanged(tmp_path: Path):
    path = tmp_path / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.py:1\nmsgid ""\n"Short"\nmsgstr ""\n"Court"\n\n'
        'msgid "Other"\nmsgstr "Autre"\n',
        encoding="utf-8",
    )
    source = read_catalog_source(path)
    first, second = source.catalog.entries
    from dataclasses import replace

    text = rewrite(source, [first, replace(second, msgstr=("Autre chose",))])
    # the untouched message keeps its (non-gettext) wrapping; the changed one is gettext's
    assert '#: a.py:1\nmsgid ""\n"Short"\nmsgstr ""\n"Court"\n' in text
    assert 'msgid "Other"\nmsgstr "Autre chose"\n' in text


def test_a_file_without_blank_lines_is_rewritten_in_gettext_layout(tmp_path: Path):
    path = tmp_path / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        'msgid "One"\nmsgstr "Un"\n'
        'msgid "Two"\nmsgstr "Deux"\n',
        encoding="utf-8",
    )
    source = read_catalog_source(path)
    assert layout(source).header_text is None
    text = rewrite(source)
    assert text == (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "One"\nmsgstr "Un"\n\nmsgid "Two"\nmsgstr "Deux"\n'
    )


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (DATA / "projects").rglob("*.po") if p.parent.name != "one_broken"),
    ids=lambda p: str(p.relative_to(DATA)),
)
def test_rewriting_never_changes_what_a_catalog_says(path: Path, tmp_path: Path):
    source = read_catalog_source(path)
    copy = tmp_path / "copy.po"
    copy.write_text(rewrite(source), encoding="utf-8")
    again = read_catalog_source(copy)

    def strip(c):
        return [e.__class__(**{**{f: getattr(e, f) for f in e.__slots__}, "line": 0}) for e in c.entries]

    assert strip(again.catalog) == strip(source.catalog)
    assert again.header_msgstr == source.header_msgstr
