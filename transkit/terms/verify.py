"""Does a translation render the critical terms of its source as the termbase approves?

One pass per message computes every term's outcome; the term checks report them and
``transkit terms`` aggregates them into the term × language matrix, so no text is
scanned twice.
"""

from __future__ import annotations

import difflib
import enum
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz

from transkit.i18n import L_, join
from transkit.model.forms import quote
from transkit.model.languages import Language
from transkit.terms.match import BIDI_CONTROLS, Matcher, loosen, matcher_for, normalize, strip_bidi
from transkit.terms.model import Term, Termbase, TermKind
from transkit.terms.values import (
    PhoneMatch,
    digit_runs,
    displays_reversed,
    domains,
    may_hold_phone,
    normalize_domain,
    phone_numbers,
    phone_value,
)

PLACEHOLDER = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}\s]*\}")
"""printf-style and brace placeholders, blanked out of a source before terms are sought."""

NEAR_MISS_SCORE = 80
"""rapidfuzz similarity (0–100) from which a phrase that is not exact counts as a near miss."""

NEAR_MISS_MAX_LENGTH = 500
"""Longest phrase (normalised characters) sought as a near miss.  rapidfuzz's partial
alignment grows much faster than linearly with the phrase: 1 s for a 2,000-character
phrase, minutes for 16,000; a longer phrase that is not found exactly is reported missing."""


class TermProblem(enum.Enum):
    """What can be wrong with a critical term; each has its own check code."""

    PHONE_MISSING = "T101"
    PHONE_CHANGED = "T102"
    PHONE_SPELLING = "T103"
    PHONE_ADDED = "T104"
    PHONE_REVERSED = "T105"
    NUMBER_MISSING = "T111"
    NUMBER_CHANGED = "T112"
    URL_MISSING = "T121"
    URL_WRONG = "T122"
    NAME_MISSING = "T131"
    NAME_MISSPELLED = "T132"
    PHRASE_MISSING = "T141"
    PHRASE_NEAR_MISS = "T142"
    TERM_MISSING = "T151"
    TERM_FORBIDDEN = "T152"


class Status(enum.IntEnum):
    """A cell of the terms matrix; higher is worse, so a language shows its worst."""

    NOT_USED = 0
    OK = 1
    VARIANT = 2
    MISSING = 3
    WRONG = 4


@dataclass(frozen=True)
class TermUse:
    """The outcome of one term in one translation form of one message."""

    term_id: str
    status: Status
    expected: str
    found: str | None = None
    problem: TermProblem | None = None
    message: str = ""
    form_index: int | None = None
    """Which approved form was used (0 = preferred), for consistency across messages."""
    plural_index: int = 0
    fixed: str | None = None
    """The form's text with this problem repaired, when a machine can do it safely (one
    occurrence to rewrite, nothing to guess); None otherwise. See ``check --fix``."""


def phone_region(termbase: Termbase) -> str | None:
    """The region national phone numbers are read in: that of the termbase's phone terms."""
    return termbase.derived(_phone_region)


def _phone_region(termbase: Termbase) -> str | None:
    return next((t.region for t in termbase.by_kind(TermKind.PHONE) if t.region), None)


def verify(
    msgid: str,
    msgid_plural: str | None,
    msgstr: tuple[str, ...],
    language: Language | None,
    termbase: Termbase,
) -> tuple[TermUse, ...]:
    """Every critical term's outcome in every form of one translated message."""
    region = phone_region(termbase)
    facts = _source_facts(msgid, msgid_plural, termbase, region)
    if facts is _NO_FACTS and not any(map(may_hold_phone, msgstr)):
        # Nothing of the termbase to look for, and too few digits for a phone number the
        # source has not (most messages): every form would give nothing.
        return ()
    source = _source_text(msgid, msgid_plural)
    matcher = matcher_for(language)
    uses: list[TermUse] = []
    for index, text in enumerate(msgstr):
        uses.extend(_verify_form(source, facts, text, index, language, termbase, region, matcher))
    return tuple(uses)


def _source_text(msgid: str, msgid_plural: str | None) -> str:
    # A placeholder's name is not text: "{helpline}" does not hold the term "helpline".
    return _blank_placeholders(msgid if msgid_plural is None else f"{msgid}\n{msgid_plural}")


def source_term_kinds(msgid: str, msgid_plural: str | None, termbase: Termbase) -> frozenset[TermKind]:
    """The kinds of the terms a message's source holds (worked out once per source): a
    phone term's number, a number term's digits, a url term's domain, a name, phrase or
    vocabulary term's form.

    :func:`verify` finds a problem of a kind (missing, changed, misspelled…) only for a
    term of that kind in the source, or a phone number added in a translation form that
    may hold one (:func:`~transkit.terms.values.may_hold_phone`): the check plan
    (:mod:`transkit.engine.plan`) skips the other term checks.
    """
    facts = _source_facts(msgid, msgid_plural, termbase, phone_region(termbase))
    if facts is _NO_FACTS:
        return _NO_KINDS
    kinds = {term.kind for term in facts.terms}
    if facts.phone_terms:
        kinds.add(TermKind.PHONE)
    if facts.number_terms:
        kinds.add(TermKind.NUMBER)
    if facts.url_terms:
        kinds.add(TermKind.URL)
    return frozenset(kinds)


_NO_KINDS: frozenset[TermKind] = frozenset()


@lru_cache(maxsize=16384)  # the same source for every language
def _blank_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


@dataclass(frozen=True, slots=True)
class _SourceFacts:
    """What a message source holds for the termbase: the same for every language, so
    worked out once per source (:meth:`Termbase.derived`), not once per translation."""

    phones: frozenset[str]
    """Values of the source's phone numbers."""
    phone_terms: tuple[tuple[Term, str], ...]
    """Phone terms whose number the source has, with that number's value."""
    digits: frozenset[str]
    number_terms: tuple[tuple[Term, str], ...]
    """Number terms whose digits the source has, with those digits."""
    domains: frozenset[str]
    url_terms: tuple[tuple[int, Term], ...]
    """Url terms (numbered in termbase order) whose domain the source names."""
    terms: tuple[Term, ...]
    """Name, phrase and vocabulary terms the source holds, in termbase order."""


_NO_FACTS = _SourceFacts(frozenset(), (), frozenset(), (), frozenset(), (), ())


def _source_facts(msgid: str, msgid_plural: str | None, termbase: Termbase, region: str | None) -> _SourceFacts:
    """Kept by the message's own source, not its text with placeholders blanked: that text
    was worked out again for every language, the most common answer being that the
    source holds nothing of the termbase."""
    return termbase.derived(_work_out_source, msgid, msgid_plural, region)


def _work_out_source(termbase: Termbase, msgid: str, msgid_plural: str | None, region: str | None) -> _SourceFacts:
    source = _source_text(msgid, msgid_plural)
    phones = frozenset(p.value for p in phone_numbers(source, region or "ZZ"))
    phone_terms = []
    for term in termbase.by_kind(TermKind.PHONE):
        value = phone_value(term.source[0], term.region)
        if value in phones:
            phone_terms.append((term, value))
    digits = frozenset(digit_runs(source))
    number_terms = []
    for term in termbase.by_kind(TermKind.NUMBER):
        runs = digit_runs(term.source[0])
        if runs and runs[0] in digits:
            number_terms.append((term, runs[0]))
    source_domains = frozenset(domains(source))
    url_terms = tuple(
        (number, term)
        for number, term in enumerate(termbase.by_kind(TermKind.URL))
        if any(normalize_domain(form) in source_domains for form in term.source)
    )
    present = termbase.in_source(source)
    terms = tuple(t for t in termbase.by_kind(TermKind.NAME, TermKind.PHRASE, TermKind.TERM) if t.id in present)
    # One is kept per source, and a large template has 200,000: the digits and domains
    # are kept only where a term needs them (verification reads them for those terms
    # alone), and a source with nothing for the termbase shares one answer.
    facts = _SourceFacts(
        phones or _NO_FACTS.phones,
        tuple(phone_terms),
        digits if number_terms else _NO_FACTS.digits,
        tuple(number_terms),
        source_domains if url_terms else _NO_FACTS.domains,
        url_terms,
        terms,
    )
    return _NO_FACTS if facts == _NO_FACTS else facts


def _verify_form(
    source: str,
    facts: _SourceFacts,
    text: str,
    index: int,
    language: Language | None,
    termbase: Termbase,
    region: str | None,
    matcher: Matcher,
) -> list[TermUse]:
    uses: list[TermUse] = []
    source_phones = facts.phones
    target_phones = phone_numbers(text, region or "ZZ")
    explained: set[str] = set()
    for term, value in facts.phone_terms:
        expected = termbase.forms_for("display", term, language)
        same = [p for p in target_phones if p.value == value]
        if not same:
            others = [p for p in target_phones if p.value not in source_phones]
            if others:
                explained.update(p.value for p in others)
                uses.append(
                    TermUse(
                        term.id,
                        Status.WRONG,
                        expected,
                        others[0].raw,
                        TermProblem.PHONE_CHANGED,
                        L_(
                            "{term}: a different number {found} where the source has {expected}",
                            term=term.id,
                            found=quote(others[0].raw),
                            expected=quote(expected),
                        ),
                        plural_index=index,
                    )
                )
            else:
                uses.append(
                    TermUse(
                        term.id,
                        Status.MISSING,
                        expected,
                        None,
                        TermProblem.PHONE_MISSING,
                        L_("{term} {expected} is missing from the translation", term=term.id, expected=quote(expected)),
                        plural_index=index,
                    )
                )
            continue
        shown = [p for p in same if not _in_tel_link(text, p)] or same
        spellings = [strip_bidi(p.raw) for p in shown]
        written = expected if expected in spellings else spellings[0]
        if written != expected:
            uses.append(
                TermUse(
                    term.id,
                    Status.VARIANT,
                    expected,
                    written,
                    TermProblem.PHONE_SPELLING,
                    L_(
                        "{term} written {found}; the approved form is {expected}",
                        term=term.id,
                        found=quote(written),
                        expected=quote(expected),
                    ),
                    plural_index=index,
                    fixed=_respelled(text, same[0].raw, expected),
                )
            )
        else:
            uses.append(TermUse(term.id, Status.OK, expected, written, form_index=0, plural_index=index))
    for phone in target_phones:
        if phone.value not in source_phones and phone.value not in explained:
            uses.append(
                TermUse(
                    "phone-number",
                    Status.WRONG,
                    "",
                    phone.raw,
                    TermProblem.PHONE_ADDED,
                    L_("phone number {found} is not in the source", found=quote(phone.raw)),
                    plural_index=index,
                )
            )
        if language is not None and language.rtl and displays_reversed(text, phone.raw):
            uses.append(
                TermUse(
                    "phone-number",
                    Status.WRONG,
                    phone.raw,
                    phone.raw,
                    TermProblem.PHONE_REVERSED,
                    L_(
                        "{found} is displayed with its digit groups reversed in right-to-left text; isolate it "
                        "(U+2066 before, U+2069 after) or use a placeholder the page isolates",
                        found=quote(strip_bidi(phone.raw)),
                    ),
                    plural_index=index,
                    fixed=_once(text, phone.raw, ISOLATE_START + phone.raw + ISOLATE_END),
                )
            )

    if facts.number_terms:
        source_digits = facts.digits
        target_digits = digit_runs(text)
        for term, digits in facts.number_terms:
            expected = termbase.forms_for("display", term, language)
            if digits in target_digits:
                uses.append(TermUse(term.id, Status.OK, expected, digits, form_index=0, plural_index=index))
                continue
            changed = [d for d in target_digits if d not in source_digits and len(d) == len(digits)]
            if changed:
                uses.append(
                    TermUse(
                        term.id,
                        Status.WRONG,
                        expected,
                        changed[0],
                        TermProblem.NUMBER_CHANGED,
                        L_(
                            "{term}: {found} where the source has {expected}",
                            term=term.id,
                            found=quote(changed[0]),
                            expected=quote(expected),
                        ),
                        plural_index=index,
                    )
                )
            else:
                uses.append(
                    TermUse(
                        term.id,
                        Status.MISSING,
                        expected,
                        None,
                        TermProblem.NUMBER_MISSING,
                        L_("{term} {expected} is missing from the translation", term=term.id, expected=quote(expected)),
                        plural_index=index,
                    )
                )

    if facts.url_terms:
        uses.extend(_verify_urls(facts, text, index, language, termbase))
    prepared = None
    for term in facts.terms:
        if term.kind is TermKind.NAME:
            uses.append(_verify_name(term, text, index, language))
        elif term.kind is TermKind.PHRASE:
            use = _verify_phrase(term, text, index, language)
            if use is not None:
                uses.append(use)
        else:
            prepared = prepared or matcher.prepare(text)
            uses.extend(_verify_term(term, source, prepared, index, language, termbase, matcher))
    return uses


def _url_forms(termbase: Termbase, number: int, language: Language | None) -> tuple[list[str], frozenset[str]]:
    """A url term's approved domains for a language, and every language's (the campaign's);
    the term is the ``number``-th url term of the termbase (see :attr:`_SourceFacts.url_terms`)."""
    term = termbase.by_kind(TermKind.URL)[number]
    approved = [normalize_domain(form[0]) for form in term.approved_for(language)] or [normalize_domain(term.source[0])]
    campaign = frozenset(normalize_domain(f) for forms in term.approved.values() for form in forms for f in form)
    return approved, campaign


def _verify_urls(
    facts: _SourceFacts, text: str, index: int, language: Language | None, termbase: Termbase
) -> list[TermUse]:
    uses = []
    source_domains = facts.domains
    found = domains(text)
    for number, term in facts.url_terms:
        approved, campaign = termbase.derived(_url_forms, number, language)
        expected = approved[0]
        wrong = [d for d in found if d not in approved and d not in source_domains - campaign]
        used = [d for d in found if d in approved]
        if wrong:
            other_language = wrong[0] in campaign
            message = (
                L_(
                    "{term}: {found} is another language's campaign website; this language's is {expected}",
                    term=term.id,
                    found=quote(wrong[0]),
                    expected=quote(expected),
                )
                if other_language
                else L_(
                    "{term}: {found} is another website; this language's is {expected}",
                    term=term.id,
                    found=quote(wrong[0]),
                    expected=quote(expected),
                )
            )
            uses.append(
                TermUse(
                    term.id,
                    Status.WRONG,
                    expected,
                    wrong[0],
                    TermProblem.URL_WRONG,
                    message,
                    plural_index=index,
                    # Only the campaign's own domains are swapped, and only where this
                    # language's is not there too: an unknown site may be meant.
                    fixed=_domain_replaced(text, wrong[0], expected) if other_language and not used else None,
                )
            )
        elif not used:
            uses.append(
                TermUse(
                    term.id,
                    Status.MISSING,
                    expected,
                    None,
                    TermProblem.URL_MISSING,
                    L_("{term} {expected} is missing from the translation", term=term.id, expected=quote(expected)),
                    plural_index=index,
                )
            )
        else:
            position = approved.index(used[0])
            uses.append(
                TermUse(
                    term.id,
                    Status.OK if position == 0 else Status.VARIANT,
                    expected,
                    used[0],
                    form_index=position,
                    plural_index=index,
                )
            )
    return uses


def _verify_name(term: Term, text: str, index: int, language: Language | None) -> TermUse:
    plain = normalize(text, fold_case=False)
    forms = [form for group in term.approved_for(language) for form in group]
    expected = forms[0]
    for position, form in enumerate(forms):
        if normalize(form, fold_case=False) in plain:
            return TermUse(term.id, Status.OK, expected, form, form_index=position, plural_index=index)
    loose = loosen(text)
    for form in forms:
        key = loosen(form)
        if key and key in loose:
            found = _spelled(text, form)
            return TermUse(
                term.id,
                Status.VARIANT,
                expected,
                found,
                TermProblem.NAME_MISSPELLED,
                L_(
                    "{term} spelled {found}; write it exactly {expected}",
                    term=term.id,
                    found=quote(found),
                    expected=quote(expected),
                ),
                plural_index=index,
            )
    return TermUse(
        term.id,
        Status.MISSING,
        expected,
        None,
        TermProblem.NAME_MISSING,
        L_(
            "{term} {expected} is missing from the translation (names are never translated)",
            term=term.id,
            expected=quote(expected),
        ),
        plural_index=index,
    )


def _spelled(text: str, form: str) -> str:
    """The stretch of ``text`` that spells ``form`` differently, for the message.

    The caller found ``loosen(form)`` in ``loosen(text)``: the words of ``text`` that
    hold that match are the stretch.  Found in one pass over the words: trying every run
    of words against the form was quadratic, minutes for a long name in a long text.
    """
    words = re.findall(r"\S+", strip_bidi(text))
    key = loosen(form)
    ends = list(accumulate(len(loosen(word)) for word in words))
    at = "".join(loosen(word) for word in words).find(key) if key else -1
    if at < 0:
        return form
    first = bisect_right(ends, at)
    last = bisect_left(ends, at + len(key), lo=first)
    return " ".join(words[first : last + 1]).strip(".,;:!?()«»\"'")


def _verify_phrase(term: Term, text: str, index: int, language: Language | None) -> TermUse | None:
    forms = [form for group in term.approved_for(language) for form in group]
    if not forms:
        return None  # `transkit glossary check` reports the gap in the termbase
    plain = normalize(text)
    for position, form in enumerate(forms):
        if normalize(form) in plain:
            status = Status.OK if position == 0 else Status.VARIANT
            return TermUse(term.id, status, forms[0], form, form_index=position, plural_index=index)
    expected = normalize(forms[0])
    alignment = fuzz.partial_ratio_alignment(expected, plain) if len(expected) <= NEAR_MISS_MAX_LENGTH else None
    found = _widen(plain, alignment.dest_start, alignment.dest_end) if alignment else ""
    # A near miss is the whole phrase a few characters off, not a fragment of it.
    if found and fuzz.ratio(expected, found) >= NEAR_MISS_SCORE:
        return TermUse(
            term.id,
            Status.WRONG,
            forms[0],
            found,
            TermProblem.PHRASE_NEAR_MISS,
            L_(
                "{term} is not the approved wording: {difference}",
                term=term.id,
                difference=_difference(expected, found),
            ),
            plural_index=index,
        )
    return TermUse(
        term.id,
        Status.MISSING,
        forms[0],
        None,
        TermProblem.PHRASE_MISSING,
        L_("{term} {expected} is missing from the translation", term=term.id, expected=quote(forms[0])),
        plural_index=index,
    )


def _widen(text: str, start: int, end: int) -> str:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(" .,;:!?\"'")


def _difference(expected: str, found: str) -> str:
    """Word-level difference: ``expected “compte,” found “comptent,”``."""
    want, have = expected.split(), found.split()
    parts = []
    for tag, a, b, c, d in difflib.SequenceMatcher(a=want, b=have, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(
                L_(
                    "expected {expected}, found {found}",
                    expected=quote(" ".join(want[a:b]) or "(nothing)"),
                    found=quote(" ".join(have[c:d]) or "(nothing)"),
                )
            )
    return join("; ", parts) if parts else L_("expected {expected}", expected=quote(expected))


def _verify_term(
    term: Term,
    source: str,
    prepared,
    index: int,
    language: Language | None,
    termbase: Termbase,
    matcher: Matcher,
) -> list[TermUse]:
    uses = []
    approved = termbase.forms_for("approved", term, language)
    if approved:
        hit = next(
            (position for position, group in enumerate(approved) if any(matcher.find(prepared, f) for f in group)),
            None,
        )
        if hit is None:
            uses.append(
                TermUse(
                    term.id,
                    Status.MISSING,
                    approved[0][0],
                    None,
                    TermProblem.TERM_MISSING,
                    L_(
                        "{term}: no approved form in the translation; expected {expected}",
                        term=term.id,
                        expected=quote(approved[0][0]),
                    ),
                    plural_index=index,
                )
            )
        else:
            uses.append(
                TermUse(
                    term.id,
                    Status.OK if hit == 0 else Status.VARIANT,
                    approved[0][0],
                    approved[hit][0],
                    form_index=hit,
                    plural_index=index,
                )
            )
    forbidden = termbase.forms_for("forbidden", term, language)
    found = [(form, spans) for form in forbidden if (spans := matcher.find(prepared, form))]
    if found:  # what other terms excuse is sought only where a forbidden form is used
        excused = _excused_spans(term, source, prepared, language, termbase, matcher)
        for form, spans in found:
            for span in spans:
                if not any(a < span[1] and span[0] < b for a, b in excused):
                    expected = approved[0][0] if approved else ""
                    uses.append(
                        TermUse(
                            term.id,
                            Status.WRONG,
                            expected,
                            form,
                            TermProblem.TERM_FORBIDDEN,
                            L_(
                                "{term}: {found} is a forbidden rendering; use {expected}",
                                term=term.id,
                                found=quote(form),
                                expected=quote(expected),
                            )
                            if expected
                            else L_("{term}: {found} is a forbidden rendering", term=term.id, found=quote(form)),
                            plural_index=index,
                        )
                    )
                    break
    return uses


def _excused_spans(term, source, prepared, language, termbase, matcher) -> list[tuple[int, int]]:
    """Where other terms of the same source legitimately put words this term forbids.

    "Trafficking and smuggling" becomes « la traite et le trafic de migrants »: the
    smuggling term accounts for « trafic », which trafficking alone would forbid.
    """
    spans = []
    for other in termbase.by_kind(TermKind.TERM):
        if other.id == term.id or other.id not in termbase.in_source(source):
            continue
        for group in termbase.forms_for("approved", other, language):
            for form in group:
                spans.extend(matcher.find(prepared, form))
    return spans


def _in_tel_link(text: str, phone: PhoneMatch) -> bool:
    """Whether a number is the target of a ``tel:`` link: dialled, never displayed, so
    written in international form by necessity, not in the language's display form."""
    plain = strip_bidi(text)  # where phone_numbers() counts positions
    return plain[max(0, phone.start - 8) : phone.start].rstrip().lower().endswith(("tel:", "tel:+", "callto:"))


ISOLATE_START, ISOLATE_END = "\u2066", "\u2069"
"""LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: a number between them is laid out
left to right, whatever the text around it."""


def _once(text: str, old: str, new: str) -> str | None:
    """``text`` with its one occurrence of ``old`` replaced; None when there is not
    exactly one (which to replace would be a guess)."""
    return text.replace(old, new) if old and text.count(old) == 1 else None


def _respelled(text: str, raw: str, expected: str) -> str | None:
    """A phone number written ``raw`` rewritten in its display form, keeping the
    isolates around it; None when bidi controls sit inside the number."""
    core = raw.strip(BIDI_CONTROLS)
    if strip_bidi(core) != core:
        return None
    start = raw.index(core)
    return _once(text, raw, raw[:start] + expected + raw[start + len(core) :])


def _domain_replaced(text: str, found: str, expected: str) -> str | None:
    """``text`` with the one domain ``found`` (as :func:`domains` gives it: lower case,
    without ``www.``) replaced by ``expected``, in any case it is written in."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(found) + r"(?![\w-])", re.IGNORECASE)
    matches = list(pattern.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    return text[: match.start()] + expected + text[match.end() :]
