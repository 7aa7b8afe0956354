"""Critical terms (family ``T``): helpline, service numbers, websites, names, phrases, terms.

Every check here reads one shared computation per message (:mod:`transkit.terms.verify`)
and reports one kind of problem.  Untranslated and fuzzy messages are skipped: coverage
checks report those, and ``T171`` judges what changed under a fuzzy one.
"""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Fix, Problem, Severity, entry_check
from transkit.engine.registry import find
from transkit.i18n import Message
from transkit.terms.verify import Status, TermProblem, TermUse, source_term_kinds, verify


def term_uses(entry: Entry, context: CatalogContext) -> tuple[TermUse, ...]:
    """The critical-term outcomes of a translated message, computed once per catalog."""
    return _last_uses(entry, context)[0]


def _last_uses(entry: Entry, context: CatalogContext) -> tuple[tuple[TermUse, ...], tuple[TermProblem | None, ...]]:
    """The entry's term uses and the problems among them (a tuple: "in" compares enum
    members by identity, without hashing them in Python)."""
    # Fifteen checks ask in turn about the same entry.
    return context.for_entry(_uses_and_problems, entry)


def _uses_and_problems(
    entry: Entry, context: CatalogContext
) -> tuple[tuple[TermUse, ...], tuple[TermProblem | None, ...]]:
    uses = _term_uses(entry, context)
    return uses, tuple(use.problem for use in uses)


def _term_uses(entry: Entry, context: CatalogContext) -> tuple[TermUse, ...]:
    if (
        not context.termbase
        or context.catalog.language is None
        or not entry.translated
        or entry.obsolete
        or not entry.msgid
    ):
        return ()  # without a language there is no approved form to look for (H10x says why)
    uses = verify(entry.msgid, entry.msgid_plural, entry.msgstr, context.catalog.language, context.termbase)
    context.per_catalog(_forms_by_entry)[id(entry)] = _forms(uses)
    return uses


def forms_used(entry: Entry, context: CatalogContext) -> tuple[tuple[str, str], ...]:
    """Each term a translated message renders with an approved form, and that form: what
    ``T162`` counts over a catalog.

    ``T162`` runs after the entries' checks, which have verified every message already;
    only this much of each is kept for it (by the entry's identity), not every outcome: a
    catalog of 230,000 messages held some 60 MB of outcomes for it.
    """
    found = context.per_catalog(_forms_by_entry).get(id(entry))
    if found is not None:
        return found
    if not context.termbase or not source_term_kinds(entry.msgid, entry.msgid_plural, context.termbase):
        return ()  # no term in the source, so no approved form in the translation (most messages)
    return _forms(term_uses(entry, context))


def _forms_by_entry(context: CatalogContext) -> dict[int, tuple[tuple[str, str], ...]]:
    """:func:`forms_used` of the catalog's messages verified so far, by the entry's identity."""
    return {}


def _forms(uses: tuple[TermUse, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (use.term_id, use.found)
        for use in uses
        if use.status in (Status.OK, Status.VARIANT) and use.form_index is not None and use.found
    )


def _report(problem: TermProblem, entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    uses, problems = _last_uses(entry, context)
    if problem not in problems:
        return  # most messages: nothing of this kind to report
    info = find(problem.value)
    reported: set[str] = set()
    for use in uses:
        if use.problem is not problem or use.message in reported:
            continue  # a plural's forms often repeat the same problem: say it once
        reported.add(use.message)
        severity = info.severity if info else Severity.ERROR
        term = context.termbase.get(use.term_id)
        if term is not None and term.severity < severity:
            severity = term.severity  # a term the termbase marks as less critical
        message = (
            Message("msgstr[{index}]: {message}", {"index": use.plural_index, "message": use.message})
            if entry.is_plural and len(entry.msgstr) > 1 and _differs(entry, context, use)
            else use.message
        )
        fix = Fix(msgstr=((use.plural_index, use.fixed),)) if use.fixed is not None else None
        yield Problem(message, severity=severity, fix=fix)


def _differs(entry: Entry, context: CatalogContext, use: TermUse) -> bool:
    """Whether only some plural forms have the problem (then the message names the form)."""
    forms = {u.plural_index for u in term_uses(entry, context) if u.problem is use.problem and u.message == use.message}
    return len(forms) < len(entry.msgstr)


@entry_check("T101", "helpline-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.PHONE_TERM)
def helpline_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The source has a phone number of the termbase and the translation has none.

    A reader of this language is left without the number to call.

    Bad: ``msgid "Call 078 055 800"`` → ``msgstr "Appelez la ligne d'assistance"``.
    Good: ``msgstr "Appeler le 078 055 800"``.
    """
    yield from _report(TermProblem.PHONE_MISSING, entry, context)


@entry_check("T102", "phone-number-changed", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.PHONE_TERM)
def phone_number_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has another phone number than the termbase's one in the source.

    Numbers are compared by value, so this is a different number, not another spelling:
    one wrong digit sends a victim to a stranger.

    Bad: ``msgid "Call 078 055 800"`` → ``msgstr "Appeler le 078 055 880"``.
    Good: ``msgstr "Appeler le 078 055 800"``.
    """
    yield from _report(TermProblem.PHONE_CHANGED, entry, context)


@entry_check(
    "T103",
    "phone-number-spelling",
    Severity.WARNING,
    applies=Applies.TRANSLATED,
    fixes="rewrites the number in the language's approved display form",
    needs=Fact.PHONE_TERM,
)
def phone_number_spelling(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The right phone number, written otherwise than the language's display form.

    ``078/055.800`` and ``+32 78 05 58 00`` dial the same number, but the campaign writes it
    one way per language so that people recognise it.

    Bad: ``msgstr "Bel 078/055.800"``.
    Good: ``msgstr "Bel 078 055 800"``.
    """
    yield from _report(TermProblem.PHONE_SPELLING, entry, context)


@entry_check("T104", "phone-number-added", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.PHONE_ADDED)
def phone_number_added(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a phone number that its source does not have.

    Nothing may be added to critical content: a second number (a local line, an old
    number) competes with the helpline.

    Bad: ``msgid "Call the helpline"`` → ``msgstr "Appelez le 02 123 45 67"``.
    Good: ``msgstr "Appelez la ligne d'assistance"``.
    """
    yield from _report(TermProblem.PHONE_ADDED, entry, context)


@entry_check(
    "T105",
    "phone-number-reversed",
    Severity.ERROR,
    applies=Applies.TRANSLATED,
    fixes="isolates the number: U+2066 before it, U+2069 after it",
    needs=Fact.PHONE_ADDED,
)
def phone_number_reversed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A phone number in right-to-left text is displayed with its digit groups reversed.

    Run through the Unicode Bidirectional Algorithm, ``078 055 800`` inside Arabic,
    Persian or Pashto text shows as ``800 055 078``: a reader dials a wrong number.
    Isolate the number with U+2066 (before) and U+2069 (after), or put it in a placeholder
    that the page isolates.

    Bad: ``msgstr "اتصل بالرقم 078 055 800"``.
    Good: ``msgstr "اتصل بالرقم \u2066078 055 800\u2069"`` (with the isolates).
    """
    yield from _report(TermProblem.PHONE_REVERSED, entry, context)


@entry_check("T111", "service-number-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.NUMBER_TERM)
def service_number_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A service number of the termbase (112) in the source is absent from the translation.

    Bad: ``msgid "In an emergency, call 112."`` → ``msgstr "En cas d'urgence, appelez la police."``.
    Good: ``msgstr "En cas d'urgence, appelez le 112."``.
    """
    yield from _report(TermProblem.NUMBER_MISSING, entry, context)


@entry_check("T112", "service-number-changed", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.NUMBER_TERM)
def service_number_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A service number of the termbase is replaced by another number.

    Digits are compared by value: ``١١٢`` and ``۱۱۲`` are 112; ``911`` is not.

    Bad: ``msgstr "En cas d'urgence, appelez le 911."``.
    Good: ``msgstr "En cas d'urgence, appelez le 112."``.
    """
    yield from _report(TermProblem.NUMBER_CHANGED, entry, context)


@entry_check("T121", "website-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.URL_TERM)
def website_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The campaign website of the source is absent from the translation.

    Each language has its own campaign domain (French ``stoptraite.be``, Dutch
    ``stopmensenhandel.be``, others ``stophumantrafficking.be``).

    Bad: ``msgstr "Plus d'informations sur notre site."``.
    Good: ``msgstr "Plus d'informations sur stoptraite.be."``.
    """
    yield from _report(TermProblem.URL_MISSING, entry, context)


@entry_check(
    "T122",
    "website-wrong",
    Severity.ERROR,
    applies=Applies.TRANSLATED,
    fixes="replaces another language's campaign domain by this language's",
    needs=Fact.URL_TERM,
)
def website_wrong(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation names another language's campaign website, or another domain.

    Bad: ``msgstr "Plus d'informations sur stopmensenhandel.be."`` (the Dutch site).
    Good: ``msgstr "Plus d'informations sur stoptraite.be."``.
    """
    yield from _report(TermProblem.URL_WRONG, entry, context)


@entry_check("T131", "name-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.NAME_TERM)
def name_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A name that is never translated (a victim centre, the campaign) is absent.

    Names are searched in their exact spelling and, failing that, spelling-blind; this
    finding means neither was found, e.g. the name was translated or transliterated.

    Bad: ``msgid "Payoke (Antwerp)"`` → ``msgstr "Пайоке (Антверпен)"``.
    Good: ``msgstr "Payoke (Антверпен)"``.
    """
    yield from _report(TermProblem.NAME_MISSING, entry, context)


@entry_check("T132", "name-misspelled", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.NAME_TERM)
def name_misspelled(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A name is spelled otherwise: case, diacritics, hyphen or spacing.

    Bad: ``msgstr "Surya (Liège)"`` or ``"Pag Asa"``.
    Good: ``msgstr "Sürya (Liège)"``, ``"PAG-ASA"``.
    """
    yield from _report(TermProblem.NAME_MISSPELLED, entry, context)


@entry_check("T141", "phrase-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.PHRASE_TERM)
def phrase_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A key phrase (the campaign theme) is not rendered with its approved text.

    Bad: the theme paraphrased freely.
    Good: ``msgstr "Chaque victime de traite des êtres humains compte, ne laisser personne de côté"``.
    """
    yield from _report(TermProblem.PHRASE_MISSING, entry, context)


@entry_check("T142", "phrase-near-miss", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.PHRASE_TERM)
def phrase_near_miss(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A key phrase is almost, but not exactly, its approved text; the message shows the difference.

    Real content drifts: the 2023 press release itself writes the theme once with
    « comptent » where the approved text has « compte ».

    Bad: ``"Chaque victime de traite des êtres humains comptent, ne laisser personne de côté"``.
    Good: ``"Chaque victime de traite des êtres humains compte, ne laisser personne de côté"``.
    """
    yield from _report(TermProblem.PHRASE_NEAR_MISS, entry, context)


@entry_check("T151", "term-missing", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.WORD_TERM)
def term_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A term of the source has no approved rendering in the translation.

    Words are compared by stem where the language has a Snowball stemmer, so inflected
    forms count; elsewhere the termbase lists the inflections.

    Bad: ``msgid "Victims of human trafficking"`` → ``msgstr "Slachtoffers van uitbuiting"``.
    Good: ``msgstr "Slachtoffers van mensenhandel"``.
    """
    yield from _report(TermProblem.TERM_MISSING, entry, context)


@entry_check("T152", "forbidden-term", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.WORD_TERM)
def forbidden_term(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A translation uses a form the termbase forbids for a term of its source.

    Trafficking in human beings and people smuggling are different crimes; a translation
    that renders one with the other's word is wrong.  A forbidden form is accepted where
    another term of the same source accounts for it ("trafficking and smuggling").

    Bad: ``msgid "Victims of human trafficking"`` → ``msgstr "Victimes du trafic de migrants"``.
    Good: ``msgstr "Victimes de la traite des êtres humains"``.
    """
    yield from _report(TermProblem.TERM_FORBIDDEN, entry, context)
