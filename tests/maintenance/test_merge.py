"""The merge decisions of ``transkit update``, message by message, on small catalogs.

Each case is also run through GNU msgmerge (when installed) and must decide the same.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from transkit.maintenance.merge import Decision, infer_decisions, merge
from transkit.po.plural_forms import plural_count
from transkit.po.reader import parse_catalog

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"POT-Creation-Date: {created}\\n"
"PO-Revision-Date: 2023-02-01 10:00+0100\\n"
"Language: {language}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
{plural}
"""
FRENCH_PLURAL = '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"'
RUSSIAN_PLURAL = (
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "\n'
    '"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"'
)


def catalog_text(body: str, *, language: str = "fr", plural: str = FRENCH_PLURAL) -> str:
    return HEADER.format(created="2023-01-01 10:00+0100", language=language, plural=plural) + "\n" + body


def template_text(body: str) -> str:
    return HEADER.format(created="2023-06-01 10:00+0100", language="", plural="") + "\n" + body


def read(text: str, name: str = "fr.po"):
    return parse_catalog(text, Path(name), name, is_template=name.endswith(".pot"))


def merged(old_body: str, new_body: str, **options):
    old = read(catalog_text(old_body))
    template = read(template_text(new_body), "t.pot")
    result = merge(template, old, **options)
    return result, {entry.key: entry for entry in result.entries}


def decision_of(result, msgid, msgctxt=None):
    return {d.key: d.decision for d in result.decisions}[(msgctxt, msgid)]


def test_unchanged_message_keeps_translation_comments_and_takes_template_references():
    result, entries = merged(
        '# translator note\n#: old.py:1\nmsgid "Call the helpline"\nmsgstr "Appelez la ligne"\n',
        '#. shown on every page\n#: new.py:7\n#, python-format\nmsgid "Call the helpline"\nmsgstr ""\n',
    )
    entry = entries[(None, "Call the helpline")]
    assert decision_of(result, "Call the helpline") is Decision.KEPT
    assert entry.msgstr == ("Appelez la ligne",)
    assert entry.translator_comment == "translator note"
    assert entry.extracted_comment == "shown on every page"
    assert entry.references == ("new.py:7",)
    assert entry.flags == ("python-format",)
    assert not result.translations_changed


def test_new_message_is_added_untranslated():
    result, entries = merged("", 'msgid "Report a situation"\nmsgstr ""\n')
    assert decision_of(result, "Report a situation") is Decision.NEW
    assert entries[(None, "Report a situation")].msgstr == ("",)
    assert result.translations_changed


def test_removed_message_becomes_obsolete_or_is_dropped():
    body = 'msgid "Old leaflet"\nmsgstr "Ancien dépliant"\n\nmsgid "Never translated"\nmsgstr ""\n'
    result, entries = merged(body, "")
    assert decision_of(result, "Old leaflet") is Decision.OBSOLETED
    assert entries[(None, "Old leaflet")].obsolete
    # nothing to keep in an untranslated message
    assert decision_of(result, "Never translated") is Decision.DROPPED
    assert (None, "Never translated") not in entries
    result, entries = merged(body, "", keep_obsolete=False)
    assert decision_of(result, "Old leaflet") is Decision.DROPPED
    assert entries == {}


def test_source_changed_by_one_word_gets_the_old_translation_fuzzy_with_previous():
    result, entries = merged(
        'msgid "Open the report form"\nmsgstr "Ouvrez le formulaire"\n',
        'msgid "Open the report forms"\nmsgstr ""\n',
    )
    entry = entries[(None, "Open the report forms")]
    assert decision_of(result, "Open the report forms") is Decision.FUZZY
    assert entry.msgstr == ("Ouvrez le formulaire",)
    assert entry.fuzzy and entry.previous_msgid == "Open the report form"
    # the old message lent its translation: it is not also kept as obsolete
    assert (None, "Open the report form") not in entries


def test_source_changed_beyond_recognition_is_new_and_old_is_obsolete():
    result, entries = merged(
        'msgid "Open the report form"\nmsgstr "Ouvrez le formulaire"\n',
        'msgid "Victims can call 112 at any hour"\nmsgstr ""\n',
    )
    assert decision_of(result, "Victims can call 112 at any hour") is Decision.NEW
    assert decision_of(result, "Open the report form") is Decision.OBSOLETED


def test_context_changed_is_fuzzy():
    result, entries = merged('msgid "Close"\nmsgstr "Fermer"\n', 'msgctxt "menu"\nmsgid "Close"\nmsgstr ""\n')
    entry = entries[("menu", "Close")]
    assert decision_of(result, "Close", "menu") is Decision.FUZZY
    assert entry.msgstr == ("Fermer",) and entry.previous_msgid == "Close"


def test_plural_added_fills_every_form_of_the_language_and_is_fuzzy():
    result, entries = merged(
        'msgid "One file"\nmsgstr "Un fichier"\n',
        'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    )
    entry = entries[(None, "One file")]
    assert decision_of(result, "One file") is Decision.FUZZY
    assert entry.msgstr == ("Un fichier", "Un fichier")
    assert entry.previous_msgid == "One file"


def test_new_plural_has_as_many_forms_as_the_language_needs():
    old = read(catalog_text("", language="ru", plural=RUSSIAN_PLURAL))
    template = read(template_text('msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n'), "t.pot")
    (entry,) = merge(template, old).entries
    assert entry.msgstr == ("", "", "")
    assert plural_count(old) == plural_count(old, guess=True) == 3


def test_plural_count_falls_back_to_the_languages_rule_without_a_header():
    old = read(catalog_text("", language="ar", plural=""))
    assert plural_count(old, guess=True) == 6
    assert plural_count(old) is None  # reading a catalog does not guess


def test_plural_count_guesses_gettexts_default_for_an_unknown_language():
    old = read(catalog_text("", language="", plural='"Plural-Forms: nplurals = 3; plural=n%3;\\n"'), "x.po")
    assert plural_count(old) is None  # gettext refuses the space before "="
    assert plural_count(old, guess=True) == 2


def test_obsolete_translation_is_revived_when_the_message_returns():
    result, entries = merged('#~ msgid "Revived"\n#~ msgstr "Ressuscité"\n', 'msgid "Revived"\nmsgstr ""\n')
    entry = entries[(None, "Revived")]
    assert decision_of(result, "Revived") is Decision.REVIVED
    assert entry.msgstr == ("Ressuscité",) and not entry.obsolete and not entry.fuzzy


def test_fuzzy_message_keeps_the_source_its_translator_last_saw():
    result, entries = merged(
        '#, fuzzy\n#| msgid "Fuzzy sourc"\nmsgid "Fuzzy source text"\nmsgstr "Flou"\n',
        'msgid "Fuzzy source texts"\nmsgstr ""\n',
    )
    assert entries[(None, "Fuzzy source texts")].previous_msgid == "Fuzzy sourc"


def test_template_format_flags_win_and_translator_flags_stay():
    result, entries = merged(
        '#, no-wrap, c-format\nmsgid "Hello %s"\nmsgstr "Bonjour %s"\n',
        '#, python-format\nmsgid "Hello %s"\nmsgstr ""\n',
    )
    assert entries[(None, "Hello %s")].flags == ("python-format", "no-wrap")


def test_infer_decisions_reads_a_merge_back():
    old = read(catalog_text('msgid "Open the report form"\nmsgstr "Ouvrez"\n\nmsgid "Gone"\nmsgstr "Parti"\n'))
    template = read(template_text('msgid "Open the report forms"\nmsgstr ""\n\nmsgid "New"\nmsgstr ""\n'), "t.pot")
    result = merge(template, old)
    from dataclasses import replace

    as_catalog = replace(old, entries=result.entries)
    assert infer_decisions(old, as_catalog) == {
        (None, "Open the report forms"): Decision.FUZZY,
        (None, "New"): Decision.NEW,
        (None, "Gone"): Decision.OBSOLETED,
    }


# ---------------------------------------------------------------- msgmerge oracle

CASES = {
    "new": ("", 'msgid "Report a situation"\nmsgstr ""\n'),
    "removed": (
        'msgid "Old leaflet"\nmsgstr "Ancien dépliant"\n\nmsgid "Empty"\nmsgstr ""\n',
        'msgid "Other"\nmsgstr ""\n',
    ),
    "one word": (
        'msgid "Open the report form"\nmsgstr "Ouvrez le formulaire"\n',
        'msgid "Open the report forms"\nmsgstr ""\n',
    ),
    "beyond recognition": (
        'msgid "Open the report form"\nmsgstr "Ouvrez"\n',
        'msgid "Victims can call 112 at any hour"\nmsgstr ""\n',
    ),
    "context": ('msgid "Close"\nmsgstr "Fermer"\n', 'msgctxt "menu"\nmsgid "Close"\nmsgstr ""\n'),
    "plural added": (
        'msgid "One file"\nmsgstr "Un fichier"\n',
        'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    ),
    "plural removed": (
        'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "Un"\nmsgstr[1] "Des"\n',
        'msgid "One file"\nmsgstr ""\n',
    ),
    "plural text changed": (
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "Un"\nmsgstr[1] "Des"\n',
        'msgid "%d file"\nmsgid_plural "%d filez"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    ),
    "revived": ('#~ msgid "Revived"\n#~ msgstr "Ressuscité"\n', 'msgid "Revived"\nmsgstr ""\n'),
    "obsolete lends": (
        '#~ msgid "Obsolete candidate text"\n#~ msgstr "Vieux"\n',
        'msgid "Obsolete candidate text!"\nmsgstr ""\n',
    ),
    "similar but no shared run": ('msgid "Today"\nmsgstr "Aujourd\'hui"\n', 'msgid "Tuesday"\nmsgstr ""\n'),
    "shared run": (
        'msgid "Thursday"\nmsgstr "Jeudi"\n\nmsgid "Today"\nmsgstr "Aujourd\'hui"\n',
        'msgid "Tuesday"\nmsgstr ""\n',
    ),
    "short source": ('msgid "Tod"\nmsgstr "A"\n\nmsgid "Todo"\nmsgstr "B"\n', 'msgid "To"\nmsgstr ""\n'),
    "two candidates": (
        'msgid "Call the helpline now"\nmsgstr "A"\n\nmsgid "Call the helpline today"\nmsgstr "B"\n',
        'msgid "Call the helpline nowadays"\nmsgstr ""\n',
    ),
}


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU msgmerge not installed")
@pytest.mark.parametrize("case", sorted(CASES))
def test_decisions_agree_with_msgmerge(case, tmp_path):
    old_body, new_body = CASES[case]
    old_path = tmp_path / "fr.po"
    old_path.write_text(catalog_text(old_body), encoding="utf-8")
    pot = tmp_path / "t.pot"
    pot.write_text(template_text(new_body), encoding="utf-8")
    out = tmp_path / "out.po"
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", out, old_path, pot], check=True)
    old = read(old_path.read_text(encoding="utf-8"))
    theirs = read(out.read_text(encoding="utf-8"))
    ours_result = merge(read(pot.read_text(encoding="utf-8"), "t.pot"), old)
    from dataclasses import replace

    ours = replace(old, entries=ours_result.entries)
    assert infer_decisions(old, ours) == infer_decisions(old, theirs)

    # and the same translations, flags and previous sources
    def simplify(c):
        return {e.key: (e.msgstr, e.flags, e.previous_msgid, e.obsolete) for e in c.entries}

    assert simplify(ours) == simplify(theirs)
