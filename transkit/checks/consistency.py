"""Consistency of critical content (``T16x``, ``T17x``): within a language, across
languages, and across a source change."""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterator

from transkit.checks.api import (
    SOURCE_TERMS,
    Applies,
    CatalogContext,
    Entry,
    Fact,
    Options,
    Problem,
    ProjectFacts,
    Severity,
    catalog_check,
    entry_check,
    project_check,
)
from transkit.checks.terms import forms_used
from transkit.i18n import L_, Ln_, Message, join
from transkit.model.catalog import Catalog, MessageKey
from transkit.model.coverage import index
from transkit.terms.match import strip_bidi
from transkit.terms.triage import describe_change
from transkit.terms.values import phone_numbers
from transkit.terms.verify import phone_region


@catalog_check("T161", "inconsistent-translation", Severity.WARNING)
def inconsistent_translation(context: CatalogContext) -> Iterator[Problem]:
    """The same source text is translated differently in one catalog.

    Sources that differ only in what a user does not read (spaces at the ends, a keyboard
    accelerator ``&``/``_``) are one text, and should read the same in translation.
    Punctuation is not looked through: ``Delete`` and ``Delete?``, ``Change`` (a link) and
    ``Change:`` (a label) ask for different words (Django's catalogs). Messages under
    different contexts (``msgctxt``) are never compared: a context is how a source asks for
    another translation (``May`` the month and ``May`` the abbreviation).

    Bad: ``msgid "&Report"`` → « &Signaler »; ``msgid "Report"`` → « Rapport ».
    Good: « &Signaler » and « Signaler ».
    """
    known = context.per_run(_template_sources)
    compared = [
        (entry, known.get((entry.msgctxt, entry.msgid, entry.msgid_plural)) or _source_key(entry))
        for entry in context.catalog.entries
        if not entry.obsolete and entry.translated and entry.msgid
    ]
    # Most sources are the only ones of their kind: their translations are not read.
    count = Counter(key for _, key in compared)
    groups: dict[_SourceKey, list[tuple[Entry, tuple[str, ...]]]] = defaultdict(list)
    for entry, key in compared:
        if count[key] > 1:
            groups[key].append((entry, tuple(map(_words, entry.msgstr))))
    for entries in groups.values():
        first, first_words = entries[0]
        for other, words in entries[1:]:
            if words != first_words:
                yield Problem(
                    L_("translated differently from the same source at line {line}", line=first.line),
                    line=other.line,
                    msgctxt=other.msgctxt,
                    msgid=other.msgid,
                )


_SourceKey = tuple[str | None, str, str | None]


def _source_key(entry: Entry) -> _SourceKey:
    """What T161 compares of a source: its context, and its texts as :func:`_words` has them."""
    return (entry.msgctxt, _words(entry.msgid), entry.msgid_plural and _words(entry.msgid_plural))


def _template_sources(context: CatalogContext) -> dict[tuple[str | None, str, str | None], _SourceKey]:
    """:func:`_source_key` of each of the template's messages, by its context and texts,
    once per run (a catalog's message of the same key may have another msgid_plural)."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): _source_key(entry)
        for entry in context.template_index.values()
    }


_ACCELERATOR = re.compile(r"[&_](?=\w)")


def _words(text: str) -> str:
    r"""A text without what :func:`inconsistent_translation` does not compare: whitespace
    at the ends (``str.strip`` takes what the regular expression ``\s`` matches) and
    accelerators, which only the texts holding ``&`` or ``_`` are searched for (a
    pattern that tried to match trailing whitespace at every position cost more than
    the rest of the check)."""
    text = text.strip()
    if "&" in text or "_" in text:
        text = _ACCELERATOR.sub("", text)
    return text


@catalog_check("T162", "term-variant", Severity.INFO)
def term_variant(context: CatalogContext) -> Iterator[Problem]:
    """A term is rendered with different approved forms across the catalog's messages.

    Both forms are approved, but a reader meets one term under two names; the termbase's
    first form is the preferred one.

    Bad: « traite des êtres humains » in five messages, « traite » in three.
    Good: one form throughout, where the sentence allows it.
    """
    used: dict[str, Counter] = defaultdict(Counter)
    entries = context.catalog.entries
    facts = context.entry_facts if len(context.entry_facts) == len(entries) else None
    for number, entry in enumerate(entries):
        if facts is not None and not facts[number] & SOURCE_TERMS:
            continue  # the plan found no term in its source, so no form of one (most messages)
        for term_id, form in forms_used(entry, context):
            used[term_id][form] += 1
    for term_id, forms in sorted(used.items()):
        if len(forms) > 1:
            listing = ", ".join(f"\u201c{form}\u201d ({count})" for form, count in forms.most_common())
            yield Problem(
                L_("{term} is rendered as {forms}", term=term_id, forms=listing), line=context.catalog.header_line
            )


def _expected_numbers(template: Catalog, region: str) -> dict[MessageKey, tuple[str, ...]]:
    """The phone numbers of each template message that has any, by value; worked out once
    per template and region (the catalogs' facts and T163 itself both ask)."""
    kept = _EXPECTED.get((id(template), region))
    if kept is not None and kept[0]() is template:
        return kept[1]
    expected: dict[MessageKey, tuple[str, ...]] = {}
    for key, source in index(template).items():
        found = phone_numbers(source.msgid, region)
        if found:  # few messages: most are decided by their digit count
            expected[key] = tuple(sorted({p.value for p in found}))
    _EXPECTED.clear()  # the last template only: a run has one
    _EXPECTED[(id(template), region)] = (weakref.ref(template), expected)
    return expected


_EXPECTED: dict[tuple[int, str], tuple[weakref.ref[Catalog], dict[MessageKey, tuple[str, ...]]]] = {}
"""The last :func:`_expected_numbers`, by the template's identity (and a weak reference to
it: an id is reused once its object is gone) and the region."""


def _template_numbers(context: CatalogContext) -> dict[MessageKey, tuple[str, ...]]:
    """:func:`_expected_numbers` of the run's template, in the termbase's region."""
    return _expected_numbers(context.project.template, phone_region(context.termbase) or "ZZ")


def _numbers_per_message(context: CatalogContext) -> list[list]:
    """T163's facts: ``[msgctxt, msgid, numbers, line]`` for each translated message whose
    source has phone numbers (JSON-able: they are cached with the catalog's result)."""
    region = phone_region(context.termbase) or "ZZ"
    expected = context.per_run(_template_numbers)  # it depends on the template alone
    entries = index(context.catalog)
    facts: list[list] = []
    for key in expected:
        entry = entries.get(key)
        if entry is not None and entry.translated:
            found = sorted({p.value for form in entry.msgstr for p in phone_numbers(form, region)})
            facts.append([key[0], key[1], found, entry.line])
    return facts


@project_check(
    "T163", "number-differs-across-languages", Severity.ERROR, facts=_numbers_per_message, needs_template=True
)
def number_differs_across_languages(project: ProjectFacts, options: Options) -> Iterator[Problem]:
    """A message's phone numbers differ by value between languages.

    A helpline is language-neutral: every language must give the same number for the
    same message as its source does, however each writes it.  The finding names each
    language that differs and how many give the source's number.

    Bad: 22 languages give 078 055 800 for a message and one gives 078 055 880.
    Good: every language gives 078 055 800 (``078/055.800`` in one of them is the same value).
    """
    region = phone_region(options.termbase) or "ZZ"
    given: dict[MessageKey, dict[tuple[str, ...], list[tuple[str, str, int]]]] = defaultdict(dict)
    for catalog in project.catalogs:
        for msgctxt, msgid, found, line in catalog.facts.get("T163", ()):
            places = given[(msgctxt, msgid)].setdefault(tuple(found), [])
            places.append((catalog.code, catalog.display_path, line))
    for key, expected in _expected_numbers(project.template, region).items():
        values = given.get(key, {})
        agree = len(values.get(expected, []))
        for found, places in values.items():
            if found == expected:
                continue
            for code, path, line in places:
                yield Problem(
                    _numbers_differ(" ".join(found), " ".join(expected), agree),
                    line=line,
                    msgctxt=key[0],
                    msgid=key[1],
                    file=path,
                    language=code,
                )


def _numbers_differ(found: str, expected: str, agree: int) -> Message:
    found_message = L_(
        "phone numbers {found} differ from the source's {expected}", found=found or L_("(none)"), expected=expected
    )
    if not agree:
        return found_message
    return Ln_(
        "{found}, which {count} other language gives",
        "{found}, which {count} other languages give",
        agree,
        found=found_message,
    )


@entry_check("T171", "critical-source-change", Severity.ERROR, applies=Applies.ACTIVE, needs=Fact.FUZZY, local=True)
def critical_source_change(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source of a fuzzy message changed a critical term.

    Critical terms are phone and service numbers, websites, names and key phrases.

    A fuzzy translation made for the old source still ships the old value if anyone
    compiles the catalog with fuzzy entries or copies the translation back.  The message
    says what changed and whether the translation still carries the old value.

    Bad: ``#| msgid "Call 078 055 800"`` → ``msgid "Call 078 055 801"``, fuzzy ``msgstr "Appeler le 078 055 800"``.
    Good: the translation updated to the new number and the fuzzy flag removed.
    """
    if not entry.fuzzy or entry.previous_msgid is None or not entry.source_changed:
        return
    termbase = context.termbase
    change = describe_change(entry.previous_msgid, entry.msgid, termbase, phone_region(termbase))
    if not change.critical:
        return
    translation = strip_bidi(" ".join(entry.msgstr))
    stale = [value for value in change.old_values if value in translation]
    changes = join("; ", change.critical)
    if stale:
        yield Problem(
            L_(
                "the source changed a critical term ({changes}); the translation still has {values}",
                changes=changes,
                values=", ".join(stale),
            )
        )
    else:
        yield Problem(
            L_("the source changed a critical term ({changes}); review the translation before release", changes=changes)
        )
