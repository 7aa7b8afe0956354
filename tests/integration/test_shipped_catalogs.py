"""The campaign as shipped: a real template, 23 real catalogs, a living project's state."""

from __future__ import annotations

import re

import pytest
from conftest import CATALOGS, SHIPPED_LANGUAGES

from transkit import Options, check, load_project
from transkit.model.coverage import compute
from transkit.model.findings import Severity
from transkit.terms import load_termbase

PROJECT = load_project([CATALOGS])
BY_CODE = {catalog.code: catalog for catalog in PROJECT.catalogs}
NPLURALS = {
    **dict.fromkeys("fr nl de es pt_BR it bg hu sq tr ps fa ti tl".split(), 2),
    **dict.fromkeys("ro pl sk ru uk".split(), 3),
    "ar": 6,
    **dict.fromkeys("zh_Hans vi th".split(), 1),
}


def test_template_has_what_a_campaign_site_needs() -> None:
    messages = PROJECT.template.active_entries
    assert len(messages) >= 40
    assert sum(entry.is_plural for entry in messages) >= 3
    formats = [entry for entry in messages if {"python-format", "python-brace-format"} & set(entry.flags)]
    assert len(formats) >= 5
    assert {"python-format", "python-brace-format"} <= {f for e in formats for f in e.flags}
    assert any(entry.msgctxt for entry in messages)
    assert all(entry.references for entry in messages)
    assert sum(bool(entry.extracted_comment) for entry in messages) >= 10
    sources = " ".join(entry.msgid for entry in messages)
    for fact in (
        "078 055 800",
        "112",
        "stophumantrafficking.be",
        "PAG-ASA",
        "Payoke",
        "Sürya",
        "Every victim of trafficking counts, leave no one behind",
        "Quick exit",
    ):
        assert fact in sources


def test_every_language_has_one_catalog() -> None:
    assert sorted(BY_CODE) == sorted(SHIPPED_LANGUAGES)
    assert PROJECT.failures == ()


@pytest.mark.parametrize("code", SHIPPED_LANGUAGES)
def test_headers_are_right_for_the_language(code: str) -> None:
    catalog = BY_CODE[code]
    assert catalog.header_language == code
    assert catalog.language is not None and catalog.language.english_name
    assert "charset=UTF-8" in (catalog.header_field("Content-Type") or "")
    plural_forms = catalog.header_field("Plural-Forms") or ""
    match = re.match(r"nplurals=(\d+);", plural_forms)
    assert match and int(match.group(1)) == NPLURALS[code]
    for entry in catalog.active_entries:
        if entry.is_plural:
            assert len(entry.msgstr) == NPLURALS[code], entry.msgid


@pytest.mark.parametrize("code", SHIPPED_LANGUAGES)
def test_translations_are_real_not_copies_of_the_english(code: str) -> None:
    catalog = BY_CODE[code]
    translated = [e for e in catalog.active_entries if e.translated]
    copies = [e for e in translated if e.msgstr[0] == e.msgid]
    # Only names with a city that keeps its English spelling may equal the source.
    assert all(re.match(r"^(PAG-ASA|Payoke|Sürya) \(", e.msgid) for e in copies), [e.msgid for e in copies]


def test_living_project_state() -> None:
    coverage = {c.code: compute(c, PROJECT.template) for c in PROJECT.catalogs}
    complete = [code for code, cov in coverage.items() if cov.translated == cov.total]
    assert len(complete) == 20
    for code in ("ps", "tl"):  # merged after the template changed, not finished
        cov = coverage[code]
        assert cov.fuzzy >= 2 and cov.untranslated >= 2 and cov.missing == 0
        fuzzy = [e for e in BY_CODE[code].active_entries if e.fuzzy]
        assert all(e.previous_msgid and e.previous_msgid != e.msgid for e in fuzzy)
    assert coverage["ti"].missing > 0 and coverage["ti"].extra > 0  # never merged
    assert coverage["hu"].obsolete == 1 and coverage["hu"].translated == coverage["hu"].total


def test_shipped_catalogs_have_no_errors() -> None:
    report = check(PROJECT, Options(termbase=load_termbase(CATALOGS.parent / "glossary")))
    assert report.count(Severity.ERROR) == 0
    assert report.exit_code() == 0
    # Only the unfinished languages have warnings; es/fr/it use a short form of a term (info).
    assert {f.language for f in report.findings if f.severity is not Severity.INFO} == {"ps", "ti", "tl"}
    assert {(f.language, f.code) for f in report.findings if f.severity is Severity.INFO} == {
        ("hu", "C105"),
        ("ps", "C105"),
        ("tl", "C105"),
        ("es", "T162"),
        ("fr", "T162"),
        ("it", "T162"),
    }
