"""What the reader keeps of a catalog: a catalog's messages read against their template
share the template's texts instead of holding copies (a 100 MB catalog held some 45 MB
twice), and read exactly as they do alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CATALOGS

from transkit.model.coverage import index
from transkit.po.reader import decode, parse_catalog, read_catalog
from transkit.po.syntax import scan

TEMPLATE = read_catalog(CATALOGS / "campaign.pot", is_template=True)
SHIPPED = sorted(CATALOGS.glob("*.po"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_catalog_read_against_its_template_reads_the_same_and_shares_its_texts(path: Path) -> None:
    text = decode(path.read_bytes(), path.name)
    alone = parse_catalog(text, path, path.name)
    template = index(TEMPLATE)
    shared = parse_catalog(text, path, path.name, template=template)
    assert shared == alone
    known = [(entry, template[entry.key]) for entry in shared.entries if entry.key in template]
    assert len(known) > 10
    for entry, source in known:
        assert entry.msgid is source.msgid
        if entry.references == source.references:
            assert entry.references is source.references
        if entry.extracted_comment == source.extracted_comment:
            assert entry.extracted_comment is source.extracted_comment


def test_a_message_the_template_lacks_or_words_differently_keeps_its_own_texts(tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    template_path = tmp_path / "t.pot"
    template_path.write_text(header + '#. note\n#: a.py:1\nmsgid "Call"\nmsgstr ""\n', encoding="utf-8")
    template = index(read_catalog(template_path, is_template=True))
    catalog_path = tmp_path / "fr.po"
    catalog_path.write_text(
        header + '#. other note\n#: b.py:2\nmsgid "Call"\nmsgstr "Appelez"\n\nmsgid "Gone"\nmsgstr "Parti"\n',
        encoding="utf-8",
    )
    call, gone = read_catalog(catalog_path, template=template).entries
    assert (call.extracted_comment, call.references) == ("other note", ("b.py:2",))
    assert call.msgid is template[(None, "Call")].msgid
    assert gone.msgid == "Gone" and gone.msgstr == ("Parti",)


def test_untranslated_messages_share_one_empty_translation() -> None:
    untranslated = [entry.msgstr for entry in TEMPLATE.entries if not entry.is_plural]
    assert len(untranslated) > 10 and all(msgstr is untranslated[0] for msgstr in untranslated)


@pytest.mark.parametrize("written", ['"Call AA"', '"Call A\\101"'], ids=["fast path", "token by token"])
def test_the_scan_itself_takes_the_template_strings(written: str) -> None:
    # Shared while scanning, so that a large catalog's copies never pile up; an octal
    # escape takes the scanner off its fast path, and the message is the same.
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    template = index(parse_catalog(header + 'msgctxt "menu"\nmsgid "Call AA"\nmsgstr ""\n', Path("t.pot"), "t.pot"))
    [_, scanned] = scan(header + f'msgctxt "menu"\nmsgid {written}\nmsgstr "Appelez"\n', template)
    source = template[("menu", "Call AA")]
    assert scanned.msgid is source.msgid and scanned.msgctxt is source.msgctxt
