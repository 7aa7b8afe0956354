"""Coverage per catalog, counted against the template, and held against GNU msgfmt."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CATALOGS, PROJECTS, SHIPPED_LANGUAGES, msgfmt_statistics, needs_msgfmt

from transkit import load_project
from transkit.model.catalog import Catalog
from transkit.model.coverage import compute, parse_date
from transkit.po.reader import read_catalog


def transkit_msgfmt_statistics(catalog: Catalog) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) over the catalog's own messages, counted as msgfmt
    counts (first form only, template ignored), from what transkit read: holding it against
    msgfmt proves the reading, not the counting."""
    translated = fuzzy = untranslated = 0
    for entry in catalog.active_entries:
        if not entry.msgstr or entry.msgstr[0] == "":
            untranslated += 1
        elif entry.fuzzy:
            fuzzy += 1
        else:
            translated += 1
    return translated, fuzzy, untranslated


def _coverage(project_dir: Path, language: str):
    project = load_project([project_dir])
    catalog = next(c for c in project.catalogs if c.code == language)
    return compute(catalog, project.template)


def test_complete_catalog_is_fully_covered() -> None:
    cov = _coverage(PROJECTS / "flat", "fr")
    assert (cov.total, cov.translated, cov.fuzzy, cov.untranslated, cov.missing) == (6, 6, 0, 0, 0)
    assert cov.percent == 100.0 and cov.percent_words == 100.0
    assert cov.stale == 0 and not cov.outdated


def test_partial_catalog_counts_every_state() -> None:
    cov = _coverage(PROJECTS / "flat", "nl")
    # Call + Privacy translated; Send fuzzy; residence permit empty; the plural has an
    # empty form; Quick exit (a msgctxt message) is absent.
    assert (cov.translated, cov.fuzzy, cov.untranslated, cov.missing) == (2, 1, 2, 1)
    assert cov.total == cov.translated + cov.fuzzy + cov.untranslated + cov.missing
    assert cov.extra == 1  # "Download the leaflet" is no longer in the template
    assert cov.obsolete == 1
    # fuzzy + translated-for-an-older-source + extra + obsolete
    assert cov.stale == 4
    assert cov.outdated  # revised 2024-02-20, template created 2024-03-01
    assert cov.percent == 33.3
    assert (cov.words_total, cov.words_translated, cov.percent_words) == (27, 5, 18.5)


def test_percent_is_floored_so_nearly_complete_is_not_shown_complete() -> None:
    from transkit.model.coverage import _percent

    assert _percent(1999, 2000) == 99.9
    assert _percent(0, 0) == 100.0


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-07-10 09:00+0200", "2023-07-10T09:00:00+02:00"),
        ("2023-07-10 09:00:30-0130", "2023-07-10T09:00:30-01:30"),
        ("2023-07-10 09:00", "2023-07-10T09:00:00+00:00"),
        ("YEAR-MO-DA HO:MI+ZONE", None),
        ("2023-13-40 09:00+0200", None),
        ("", None),
    ],
)
def test_header_dates(value: str, expected: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


@needs_msgfmt
@pytest.mark.parametrize(
    "path",
    sorted(CATALOGS.glob("*.po")) + sorted(PROJECTS.glob("**/*.po")),
    ids=lambda p: p.relative_to(p.parents[1]).as_posix(),
)
def test_counts_agree_with_msgfmt_statistics(path: Path) -> None:
    if path.parent.name == "one_broken" and path.name == "de.po":
        pytest.skip("deliberately malformed")
    catalog = read_catalog(path)
    assert transkit_msgfmt_statistics(catalog) == msgfmt_statistics(path)


@needs_msgfmt
@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_shipped_coverage_agrees_with_msgfmt_where_in_step(language: str) -> None:
    """For a catalog in step with its template, coverage counts are msgfmt's counts."""
    project = load_project([CATALOGS])
    catalog = next(c for c in project.catalogs if c.code == language)
    cov = compute(catalog, project.template)
    if cov.missing or cov.extra:
        pytest.skip(f"{language} is not in step with the template (that is its shipped state)")
    assert (cov.translated, cov.fuzzy, cov.untranslated) == msgfmt_statistics(catalog.path)


def test_plural_with_one_empty_form_is_untranslated_unlike_msgfmt() -> None:
    """msgfmt judges a plural by its first form; transkit wants every form filled."""
    project = load_project([PROJECTS / "flat"])
    nl = next(c for c in project.catalogs if c.code == "nl")
    plural = next(e for e in nl.entries if e.is_plural)
    assert plural.msgstr == ("%(count)d teken over", "")
    assert plural.has_empty_form and not plural.translated
