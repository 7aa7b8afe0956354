"""Values that must survive translation (family ``M``): numbers, websites, e-mail
addresses.  Markup (``M13x``, ``M14x``) is checked in :mod:`transkit.checks.markup`.

A missing value is an error: a reader without the number, the address or the link
cannot act on the message.  Values are compared by meaning (:mod:`transkit.text.numbers`,
:mod:`transkit.text.links`): digits of any script, any digit grouping, URLs without
caring for scheme or ``www.``.

Where the termbase owns a value the ``T`` family judges it and these checks step aside,
so one mistake is reported once: numbers of the termbase's phone and number terms, and
websites (and e-mail addresses) on a domain that a ``url`` term covers — a campaign may
give each language its own domain (``stoptraite.be`` for French).
"""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check, header_only
from transkit.i18n import L_
from transkit.model.forms import per_form, quote
from transkit.po.plural_forms import form_pairs
from transkit.terms.model import Termbase, TermKind
from transkit.terms.values import normalize_domain
from transkit.terms.verify import phone_region
from transkit.text.links import email_changes, url_changes, url_parts
from transkit.text.numbers import (
    SPELLED_OUT_MAX,
    YEAR_OFFSETS,
    Number,
    clock_equivalents,
    missing_numbers,
    number_readings,
    numbers,
    written_as_word,
)
from transkit.text.spans import values

# ---------------------------------------------------------------------------------------
# What the termbase owns
# ---------------------------------------------------------------------------------------


def _termbase_numbers(termbase: Termbase) -> frozenset[str]:
    """Values of the numbers the termbase's phone and number terms check (T10x, T11x)."""
    owned: set[str] = set()
    for term in termbase.by_kind(TermKind.PHONE, TermKind.NUMBER):
        for form in term.source:
            owned.update(number.value for number in numbers(form))
    return frozenset(owned)


def _url_terms(termbase: Termbase) -> list[frozenset[str]]:
    """The domains of each url term: its source and every language's approved ones."""
    groups = []
    for term in termbase.by_kind(TermKind.URL):
        forms = set(term.source) | {f for group in term.approved.values() for form in group for f in form}
        groups.append(frozenset(normalize_domain(form) for form in forms if form.strip()))
    return groups


def owned_by_termbase(context: CatalogContext) -> dict:
    """What the termbase owns, worked out once per catalog: the numbers its phone and
    number terms check, the domains of each url term, and the region of its phone numbers;
    with them the calendars the catalog's language may write years in."""
    return context.per_catalog(_owned_by_termbase)


@header_only
def _owned_by_termbase(context: CatalogContext) -> dict:
    termbase = context.termbase
    language = context.catalog.language
    return {
        "numbers": _termbase_numbers(termbase),
        "url_terms": _url_terms(termbase),
        "region": phone_region(termbase) or "ZZ",
        "years": YEAR_OFFSETS.get(language.tag.split("-")[0] if language else "", ()),
    }


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


@entry_check("M101", "number-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.SOURCE_DIGIT, local=True)
def number_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A number of the source is missing from the translation, or changed.

    Numbers are compared by value: native digits (``٣٠``, ``۳۰``, ``३०``) and each
    language's grouping (``1,000``, ``1.000``, ``1 000``) are the same number; numbers
    inside placeholders, URLs and markup are not numbers of the text.  A wrong date,
    amount or opening hour misleads the reader.  Phone and service numbers of the
    termbase are judged by the term checks instead (``T101``–``T112``).  Only missing
    numbers are reported, not added ones: "30 July" is "7月30日" in Chinese.  A year may
    be converted to the Thai Buddhist or the Persian calendar, a time to the other clock
    (``6 p.m.`` as ``18:00``), and a number written as a word (``7`` as « sept », read with
    num2words).  An error means a figure disappeared or changed; a small number (up to 24)
    that is gone while the translation has no other figure is a warning: an idiom ("around
    the clock") or a word form num2words does not know may carry it.

    Bad: ``msgid "Open 24 hours a day"`` → ``msgstr "Ouvert 12 heures par jour"``.
    Good: ``msgstr "Ouvert 24 heures sur 24"``, or in Persian ``"۲۴ ساعت شبانه‌روز"``.
    """
    found: list[tuple[int, str, Severity | None]] = []
    for index, source, translation in form_pairs(entry, context.catalog):
        in_source = source_numbers(context, source)
        if not in_source:
            continue  # no number to lose: most sources
        optional: frozenset[str] = frozenset()
        if entry.is_plural and source == entry.msgid and values(translation, "placeholder"):
            # "1 file" / "%d files": a form for 1, 21, 31… writes the count as a placeholder.
            plural_values = {n.value for n in source_numbers(context, entry.msgid_plural or "")}
            optional = frozenset(n.value for n in in_source if n.value not in plural_values)
        memo = owned_by_termbase(context)
        missing = missing_numbers(
            source,
            translation,
            optional=optional,
            owned=memo["numbers"],
            region=memo["region"],
            year_offsets=memo["years"],
            source_numbers=in_source,
        )
        if missing:
            found.extend(
                (index, message, severity) for message, severity in _judge(missing, source, translation, context)
            )
    if not found:
        return
    yield from per_form(entry, [(index, message) for index, message, severity in found if severity is None])
    for problem in per_form(entry, [(index, message) for index, message, severity in found if severity]):
        yield Problem(problem.message, severity=Severity.WARNING)


def _judge(
    missing: list[Number], source: str, translation: str, context: CatalogContext
) -> Iterator[tuple[str, Severity | None]]:
    """M101's message and severity for each missing number, or nothing where the
    translation carries it otherwise.

    A time in the other clock (``6 p.m.`` as ``18:00`` or ``18 Uhr``) and a number
    written as a word (``7`` as « sept », « sieben ») are correct renderings. A small
    number that is gone while the translation has no figure of its own may be an idiom
    or a word num2words does not know: a warning. An error means a figure really
    disappeared or changed: the translation has a number the source does not, or a
    number larger than words and idioms usually carry is gone.
    """
    readings = number_readings(translation)
    clock = clock_equivalents(source)
    language = context.catalog.language.tag if context.catalog.language else ""
    source_values = number_readings(source)
    changed = bool(readings - source_values - {"0"})
    for number in missing:
        value = number.value
        if value in clock and any(other == "" or other in readings for other in clock[value]):
            continue
        if language and written_as_word(value, translation, language):
            continue
        shown = quote(number.text)
        if changed or len(number.groups) > 1 or not value.isdigit() or int(value) > SPELLED_OUT_MAX:
            yield L_("number {number} of the source is missing from the translation", number=shown), None
        else:
            yield (
                L_(
                    "number {number} of the source is missing from the translation as digits "
                    "(written as a word, or an idiom? check it)",
                    number=shown,
                ),
                Severity.WARNING,
            )


def source_numbers(context: CatalogContext, source: str) -> tuple[Number, ...]:
    """:func:`numbers` of a source, read once for every language (see :meth:`CatalogContext.for_source`)."""
    return context.for_source(numbers, source)


# ---------------------------------------------------------------------------------------
# Websites and e-mail addresses
# ---------------------------------------------------------------------------------------


def _pair_changes(missing: list[str], extra: list[str], kind: str, found: list, index: int) -> None:
    for position, value in enumerate(missing):
        if position < len(extra):
            old, new = quote(value), quote(extra[position])
            became = (
                L_("URL {old} became {new}", old=old, new=new)
                if kind == "url"
                else L_("e-mail address {old} became {new}", old=old, new=new)
            )
            found.append((kind, "changed", index, became))
        else:
            message = (
                L_("URL {value} of the source is missing from the translation", value=quote(value))
                if kind == "url"
                else L_("e-mail address {value} of the source is missing from the translation", value=quote(value))
            )
            found.append((kind, "missing", index, message))


def offered_hosts(entry: Entry, context: CatalogContext) -> frozenset[str]:
    """Hosts named in the message's extracted comments, the catalog's and the template's."""
    comments = [entry.extracted_comment]
    template_entry = context.template_index.get(entry.key)
    if template_entry is not None:
        comments.append(template_entry.extracted_comment)
    hosts = {url_parts(url)[0] for comment in comments if comment for url in values(comment, "url")}
    return frozenset(hosts) if len(hosts) > 1 else frozenset()


def _value_findings(entry: Entry, context: CatalogContext) -> list[tuple[str, str, int, str]]:
    # Websites and e-mail addresses compared at once, for the four checks that ask in turn.
    return context.for_entry(_entry_value_findings, entry)


def _entry_value_findings(entry: Entry, context: CatalogContext) -> list[tuple[str, str, int, str]]:
    """``(kind, change, form, message)`` for the websites and e-mail addresses of a message."""
    found: list[tuple[str, str, int, str]] = []
    offered: frozenset[str] | None = None
    for index, source, translation in form_pairs(entry, context.catalog):
        urls, emails = _source_values(context, source)
        if not urls and not emails:
            continue  # only what the source has can be missing or changed: most have neither
        url_terms = owned_by_termbase(context)["url_terms"]
        if urls:
            if offered is None:
                offered = offered_hosts(entry, context)
            missing, extra = url_changes(
                source, translation, context.catalog.language, url_terms, offered, context.source_language
            )
            _pair_changes(missing, extra, "url", found, index)
        if emails:
            missing, extra = email_changes(source, translation, url_terms)
            _pair_changes(missing, extra, "email", found, index)
    return found


def _source_values(context: CatalogContext, source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The websites and the e-mail addresses of a source, read once for every language."""
    return context.for_source(_urls_and_emails, source)


def _urls_and_emails(source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return values(source, "url"), values(source, "email")


def _select(entry: Entry, context: CatalogContext, kind: str, change: str) -> list[tuple[int, str]]:
    found = _value_findings(entry, context)
    return [(index, message) for k, c, index, message in found if k == kind and c == change] if found else []


@entry_check("M111", "url-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.LINK, local=True)
def url_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A web address of the source is absent from the translation.

    Addresses are compared without scheme or ``www.``; a language segment ``/en/`` may
    name the catalog's language (``/fr/``).  Domains a ``url`` term of the termbase covers
    are left to ``T121``/``T122``, since each language may have its own.  Where the
    message's developer comment offers several hosts ("use the campaign website of your
    language: stoptraite.be (French), stopmensenhandel.be (Dutch), …"), any of them may
    stand for another.

    Bad: ``msgid "Read https://example.org/help."`` → ``msgstr "Lisez l’aide."``.
    Good: ``msgstr "Lisez https://example.org/help."``.
    """
    return per_form(entry, _select(entry, context, "url", "missing"))


@entry_check("M112", "url-changed", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.LINK, local=True)
def url_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A web address of the source is replaced by another one in the translation.

    A misspelt or "translated" address sends readers to a site nobody controls.

    Bad: ``msgid "See example.org/help"`` → ``msgstr "Voir exemple.org/aide"``.
    Good: ``msgstr "Voir example.org/help"``.
    """
    return per_form(entry, _select(entry, context, "url", "changed"))


@entry_check("M121", "email-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.LINK, local=True)
def email_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An e-mail address of the source is absent from the translation.

    Bad: ``msgid "Write to help@example.org."`` → ``msgstr "Écrivez-nous."``.
    Good: ``msgstr "Écrivez à help@example.org."``.
    """
    return per_form(entry, _select(entry, context, "email", "missing"))


@entry_check("M122", "email-changed", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.LINK, local=True)
def email_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An e-mail address of the source is replaced by another one in the translation.

    Letter case does not matter; a domain the termbase localises (one ``url`` term)
    may change with the same local part.

    Bad: ``msgid "Write to help@example.org."`` → ``msgstr "Écrivez à aide@example.org."``.
    Good: ``msgstr "Écrivez à help@example.org."``.
    """
    return per_form(entry, _select(entry, context, "email", "changed"))
