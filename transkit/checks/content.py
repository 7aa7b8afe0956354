"""Values that must survive translation (family ``M``): numbers, websites, e-mail
addresses, markup.

A missing value is an error: a reader without the number, the address or the link
cannot act on the message.  Values are compared by meaning (:mod:`transkit.textvalues`):
digits of any script, any digit grouping, URLs without caring for scheme or ``www.``.

Where the termbase owns a value the ``T`` family judges it and these checks step aside,
so one mistake is reported once: numbers of the termbase's phone and number terms, and
websites (and e-mail addresses) on a domain that a ``url`` term covers — a campaign may
give each language its own domain (``stoptraite.be`` for French).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from transkit.engine import CatalogContext
from transkit.glossary.model import Termbase, TermKind
from transkit.glossary.values import normalize_domain, phone_numbers
from transkit.glossary.verify import phone_region
from transkit.languages import Language, to_tag
from transkit.model import Catalog, Entry
from transkit.registry import Applies, Problem, Scope, register
from transkit.report import Severity
from transkit.textvalues import (
    Number,
    Tag,
    email_parts,
    entities,
    entity_value,
    invalid_entities,
    number_found,
    number_readings,
    numbers,
    tags,
    url_parts,
    values,
)

# ---------------------------------------------------------------------------------------
# Plural forms: which source each msgstr[n] translates, and how to say which form is wrong
# ---------------------------------------------------------------------------------------


def nplurals(catalog: Catalog) -> int | None:
    """``nplurals`` of the catalog's Plural-Forms header, or None when it does not say."""
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.header_field("Plural-Forms") or "")
    return int(match.group(1)) if match else None


def form_pairs(entry: Entry, catalog: Catalog) -> list[tuple[int, str, str]]:
    """``(index, source, translation)`` for every form of a message.

    ``msgstr[0]`` translates ``msgid`` and the others ``msgid_plural``; a language with a
    single form (``nplurals=1``: Chinese, Thai) translates ``msgid_plural`` in it.
    """
    if not entry.is_plural:
        return [(0, entry.msgid, entry.msgstr[0] if entry.msgstr else "")]
    single = nplurals(catalog) == 1 or len(entry.msgstr) == 1
    plural = entry.msgid_plural or entry.msgid
    return [
        (index, plural if (index > 0 or single) else entry.msgid, text)
        for index, text in enumerate(entry.msgstr)
    ]


def per_form(entry: Entry, found: Iterable[tuple[int, str]]) -> Iterator[Problem]:
    """One problem per distinct message; ``msgstr[n]:`` in front when not every form has it."""
    forms: dict[str, list[int]] = {}
    for index, message in found:
        forms.setdefault(message, [])
        if index not in forms[message]:
            forms[message].append(index)
    every = len(entry.msgstr)
    for message, indexes in forms.items():
        if not entry.is_plural or every <= 1 or len(indexes) == every:
            yield Problem(message)
        else:
            for index in indexes:
                yield Problem(f"msgstr[{index}]: {message}")


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


# ---------------------------------------------------------------------------------------
# What the termbase owns
# ---------------------------------------------------------------------------------------


def _termbase_numbers(termbase: Termbase) -> frozenset[str]:
    """Values of the numbers the termbase's phone and number terms check (T10x, T11x)."""
    owned = set()
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


def _covering(host: str, groups: list[frozenset[str]]) -> int | None:
    """Index of the url term whose domains include ``host`` (or a parent domain of it)."""
    for index, domains in enumerate(groups):
        if any(host == domain or host.endswith("." + domain) for domain in domains):
            return index
    return None


def _context_memo(context: CatalogContext) -> dict:
    memo = context.memo.get("content")
    if memo is None:
        termbase = context.termbase
        memo = context.memo["content"] = {
            "numbers": _termbase_numbers(termbase),
            "url_terms": _url_terms(termbase),
            "region": phone_region(termbase) or "ZZ",
        }
    return memo


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


def missing_numbers(
    source: str,
    translation: str,
    *,
    optional: frozenset[str] = frozenset(),
    owned: frozenset[str] = frozenset(),
    region: str = "ZZ",
    year_offsets: tuple[int, ...] = (),
) -> list[Number]:
    """Numbers of the source that the translation does not have, by value.

    ``optional`` values may be absent (the ``1`` of a plural's singular, replaced by a
    placeholder); ``owned`` values are left to the term checks.  A phone number written
    in another national or international form (``+32 78 05 58 00``) counts as present,
    and so does a year converted to the language's calendar (``year_offsets``).
    """
    readings = number_readings(translation)
    missing = []
    phones: dict[str, str] | None = None
    for number in numbers(source):
        if number.value in owned or number.value in optional or number_found(number, readings):
            continue
        if len(number.groups) == 1 and len(number.value) == 4 and 1000 <= int(number.value) <= 2999:
            if any(str(int(number.value) + offset) in readings for offset in year_offsets):
                continue
        if phones is None:
            target = {p.value for p in phone_numbers(translation, region)}
            phones = {
                "".join(g for n in numbers(p.raw) for g in n.groups).lstrip("0"): p.value
                for p in phone_numbers(source, region)
                if p.value in target
            }
        if number.value in phones:
            continue
        missing.append(number)
    return missing


# Years a language may write in its own calendar: Thai and Lao count the Buddhist era
# (2023 is 2566), Persian the solar hijri one (2023 is 1401 or 1402).
YEAR_OFFSETS: dict[str, tuple[int, ...]] = {"th": (543,), "lo": (543,), "fa": (-621, -622)}


@register("M101", "number-missing", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def number_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A number of the source is missing from the translation, or changed.

    Numbers are compared by value: native digits (``٣٠``, ``۳۰``, ``३०``) and each
    language's grouping (``1,000``, ``1.000``, ``1 000``) are the same number; numbers
    inside placeholders, URLs and markup are not numbers of the text.  A wrong date,
    amount or opening hour misleads the reader.  Phone and service numbers of the
    termbase are judged by the term checks instead (``T101``–``T112``).  Only missing
    numbers are reported, not added ones: "30 July" is "7月30日" in Chinese.  A year may
    be converted to the Thai Buddhist or the Persian calendar.

    Bad: ``msgid "Open 24 hours a day"`` → ``msgstr "Ouvert 12 heures par jour"``.
    Good: ``msgstr "Ouvert 24 heures sur 24"``, or in Persian ``"۲۴ ساعت شبانه‌روز"``.
    """
    memo = _context_memo(context)
    language = context.catalog.language
    years = YEAR_OFFSETS.get(language.tag.split("-")[0] if language else "", ())
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        optional: frozenset[str] = frozenset()
        if entry.is_plural and source == entry.msgid and values(translation, "placeholder"):
            # "1 file" / "%d files": a form for 1, 21, 31… writes the count as a placeholder.
            plural_values = {n.value for n in numbers(entry.msgid_plural or "")}
            optional = frozenset(n.value for n in numbers(source) if n.value not in plural_values)
        for number in missing_numbers(
            source, translation, optional=optional, owned=memo["numbers"], region=memo["region"], year_offsets=years
        ):
            found.append((index, f"number {_quote(number.text)} of the source is missing from the translation"))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Websites and e-mail addresses
# ---------------------------------------------------------------------------------------

_ENGLISH_SEGMENTS = frozenset({"en", "en-us", "en_us", "en-gb", "en_gb", "eng", "english"})
_SEGMENT_SPLIT = re.compile(r"([/?&=#])")


def _language_segment(segment: str, language: Language | None) -> bool:
    """Whether a URL segment names the catalog's language (``fr``, ``pt-br``, ``zh_Hans``)."""
    if language is None or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", segment):
        return False
    tag = to_tag(segment)
    return tag is not None and tag.split("-")[0].lower() == language.tag.split("-")[0].lower()


def same_url(source: str, translation: str, language: Language | None = None) -> bool:
    """Whether a translation's URL is the source's: same host (scheme and ``www.`` aside)
    and same path, except that an English language segment (``/en/``, ``lang=en``) may
    name the catalog's language instead."""
    host_a, rest_a = url_parts(source)
    host_b, rest_b = url_parts(translation)
    if host_a != host_b:
        return False
    if rest_a == rest_b:
        return True
    parts_a, parts_b = _SEGMENT_SPLIT.split(rest_a), _SEGMENT_SPLIT.split(rest_b)
    if len(parts_a) != len(parts_b):
        return False
    return all(
        a == b or (a.lower() in _ENGLISH_SEGMENTS and _language_segment(b, language))
        for a, b in zip(parts_a, parts_b)
    )


def _pair_changes(
    missing: list[str], extra: list[str], what: str, found: list, index: int
) -> None:
    for position, value in enumerate(missing):
        if position < len(extra):
            found.append(("changed", index, f"{what} {_quote(value)} became {_quote(extra[position])}"))
        else:
            found.append(("missing", index, f"{what} {_quote(value)} of the source is missing from the translation"))


def url_changes(
    source: str,
    translation: str,
    language: Language | None = None,
    url_terms: list[frozenset[str]] | None = None,
    alternatives: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """``(missing, unexplained)``: source URLs the translation lacks, and translation URLs
    that are not the source's.

    Hosts a url term of the termbase covers are left out (the term checks judge them).
    ``alternatives`` are hosts the developer's comment offers for this message ("use the
    campaign website of your language: stoptraite.be (French), …"): a source URL on one of
    them is kept when the translation has a URL on any of them.
    """
    groups = url_terms or []
    src = [u for u in values(source, "url") if _covering(url_parts(u)[0], groups) is None]
    tgt = [u for u in values(translation, "url") if _covering(url_parts(u)[0], groups) is None]
    offered = [t for t in tgt if _covering(url_parts(t)[0], [alternatives]) is not None]
    missing = [
        u for u in src
        if not any(same_url(u, t, language) for t in tgt)
        and not (offered and _covering(url_parts(u)[0], [alternatives]) is not None)
    ]
    extra = [t for t in tgt if t not in offered and not any(same_url(u, t, language) for u in src)]
    return missing, extra


def offered_hosts(entry: Entry, context: CatalogContext) -> frozenset[str]:
    """Hosts named in the message's extracted comments, the catalog's and the template's."""
    comments = [entry.extracted_comment]
    template_entry = context.template_index.get(entry.key)
    if template_entry is not None:
        comments.append(template_entry.extracted_comment)
    hosts = {url_parts(url)[0] for comment in comments if comment for url in values(comment, "url")}
    return frozenset(hosts) if len(hosts) > 1 else frozenset()


def email_changes(
    source: str, translation: str, url_terms: list[frozenset[str]] | None = None
) -> tuple[list[str], list[str]]:
    """``(missing, unexplained)`` e-mail addresses, compared without case.

    ``info@stophumantrafficking.be`` may become ``info@stoptraite.be`` when one url term
    of the termbase covers both domains.
    """
    groups = url_terms or []

    def same(a: str, b: str) -> bool:
        local_a, domain_a = email_parts(a)
        local_b, domain_b = email_parts(b)
        if local_a != local_b:
            return False
        if domain_a == domain_b:
            return True
        term = _covering(domain_a, groups)
        return term is not None and term == _covering(domain_b, groups)

    src, tgt = values(source, "email"), values(translation, "email")
    missing = [a for a in src if not any(same(a, b) for b in tgt)]
    extra = [b for b in tgt if not any(same(a, b) for a in src)]
    return missing, extra


def _value_findings(entry: Entry, context: CatalogContext, kind: str) -> list[tuple[str, int, str]]:
    memo = _context_memo(context)
    key = ("values", kind, entry)  # computed once for the missing and the changed check
    cached = context.memo.get(key)
    if cached is not None:
        return cached
    found: list[tuple[str, int, str]] = []
    language = context.catalog.language
    offered = offered_hosts(entry, context) if kind == "url" else frozenset()
    for index, source, translation in form_pairs(entry, context.catalog):
        if kind == "url":
            missing, extra = url_changes(source, translation, language, memo["url_terms"], offered)
            _pair_changes(missing, extra, "URL", found, index)
        else:
            missing, extra = email_changes(source, translation, memo["url_terms"])
            _pair_changes(missing, extra, "e-mail address", found, index)
    context.memo[key] = found
    return found


def _select(found: list[tuple[str, int, str]], which: str) -> list[tuple[int, str]]:
    return [(index, message) for kind, index, message in found if kind == which]


@register("M111", "url-missing", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
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
    yield from per_form(entry, _select(_value_findings(entry, context, "url"), "missing"))


@register("M112", "url-changed", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def url_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A web address of the source is replaced by another one in the translation.

    A misspelt or "translated" address sends readers to a site nobody controls.

    Bad: ``msgid "See example.org/help"`` → ``msgstr "Voir exemple.org/aide"``.
    Good: ``msgstr "Voir example.org/help"``.
    """
    yield from per_form(entry, _select(_value_findings(entry, context, "url"), "changed"))


@register("M121", "email-missing", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def email_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An e-mail address of the source is absent from the translation.

    Bad: ``msgid "Write to help@example.org."`` → ``msgstr "Écrivez-nous."``.
    Good: ``msgstr "Écrivez à help@example.org."``.
    """
    yield from per_form(entry, _select(_value_findings(entry, context, "email"), "missing"))


@register("M122", "email-changed", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def email_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An e-mail address of the source is replaced by another one in the translation.

    Letter case does not matter; a domain the termbase localises (one ``url`` term)
    may change with the same local part.

    Bad: ``msgid "Write to help@example.org."`` → ``msgstr "Écrivez à aide@example.org."``.
    Good: ``msgstr "Écrivez à help@example.org."``.
    """
    yield from per_form(entry, _select(_value_findings(entry, context, "email"), "changed"))


# ---------------------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------------------

# Attributes whose value is text for people and is translated with the message.
TRANSLATABLE_ATTRIBUTES = frozenset(
    "alt title placeholder label summary abbr content value lang xml:lang hreflang dir "
    "aria-label aria-description aria-roledescription aria-valuetext aria-placeholder".split()
)


def _show(tag: Tag) -> str:
    return tag.text if len(tag.text) <= 60 else tag.text[:59] + "…"


def _tag_list(found: list[Tag]) -> str:
    return ("tag " if len(found) == 1 else "tags ") + ", ".join(_quote(_show(tag)) for tag in found)


def tag_differences(source: str, translation: str) -> tuple[list[Tag], list[Tag]]:
    """``(missing, added)`` tags, compared by kind and name; order may change."""
    src, tgt = tags(source), tags(translation)
    have_src = Counter(tag.identity for tag in src)
    have_tgt = Counter(tag.identity for tag in tgt)
    missing, added = [], []
    for tag in src:
        if have_tgt[tag.identity] < have_src[tag.identity]:
            missing.append(tag)
            have_src[tag.identity] -= 1
    have_src = Counter(tag.identity for tag in src)
    for tag in tgt:
        if have_src[tag.identity] < have_tgt[tag.identity]:
            added.append(tag)
            have_tgt[tag.identity] -= 1
    return missing, added


def tag_changes(source: str, translation: str) -> tuple[list[Tag], list[tuple[Tag, Tag]], list[Tag]]:
    """``(missing, changed, added)``: a missing tag and an added one of the same kind
    (opening, closing…) are one tag renamed (``<book>`` became ``<kitab>``)."""
    missing, added = tag_differences(source, translation)
    changed = []
    for tag in list(missing):
        other = next((t for t in added if t.kind == tag.kind), None)
        if other is not None:
            missing.remove(tag)
            added.remove(other)
            changed.append((tag, other))
    return missing, changed, added


def attribute_changes(
    source: str, translation: str, language: Language | None = None, url_terms: list[frozenset[str]] | None = None
) -> list[str]:
    """Attributes changed between the n-th tags of each kind and name, as messages.

    Translatable attributes (``alt``, ``title``, ``aria-label``…) are skipped; links
    are compared as URLs (see :func:`same_url`) and may move between the domains of one
    url term of the termbase.
    """
    groups = url_terms or []
    messages = []
    pending: dict[tuple[str, str], list[Tag]] = {}
    for tag in tags(translation):
        pending.setdefault(tag.identity, []).append(tag)
    for tag in tags(source):
        queue = pending.get(tag.identity)
        if not queue:
            continue
        other = queue.pop(0)
        mine, theirs = dict(tag.attributes), dict(other.attributes)
        for name in sorted(set(mine) | set(theirs)):
            if name in TRANSLATABLE_ATTRIBUTES:
                continue
            before, after = mine.get(name), theirs.get(name)
            if before == after:
                continue
            if before is not None and after is not None and name in ("href", "src", "action", "cite"):
                if same_url(before, after, language):
                    continue
                term = _covering(url_parts(before)[0], groups)
                if term is not None and term == _covering(url_parts(after)[0], groups):
                    continue
            where = f"<{tag.name}>"
            if after is None:
                messages.append(f"{where}: attribute {name}={_quote(before or '')} of the source is missing")
            elif before is None:
                messages.append(f"{where}: attribute {name}={_quote(after)} is not in the source")
            else:
                messages.append(f"{where}: {name}={_quote(before)} became {name}={_quote(after)}")
    return messages


@register("M131", "tag-missing", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def tag_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An HTML or XML tag of the source is missing from the translation.

    A lost ``<a>`` removes a link, a lost ``</strong>`` makes the rest of the page bold.
    Tags may move within the sentence; each must be there as often as in the source.  A
    tag replaced by another of its kind is reported here as changed (``<b>`` became
    ``<strong>``), not also as added.

    Bad: ``msgid "<a href=\\"/help\\">Get help</a>"`` → ``msgstr "Obtenir de l’aide"``.
    Good: ``msgstr "<a href=\\"/help\\">Obtenir de l’aide</a>"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        missing, changed, _ = tag_changes(source, translation)
        if missing:
            found.append((index, f"{_tag_list(missing)} of the source {'is' if len(missing) == 1 else 'are'} "
                                 "missing from the translation"))
        for before, after in changed:
            found.append((index, f"tag {_quote(_show(before))} became {_quote(_show(after))}"))
    yield from per_form(entry, found)


@register("M132", "tag-added", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def tag_added(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has an HTML or XML tag that its source does not have.

    A warning, not an error: a translator may add a ``<br>`` on purpose, but an added tag
    may also be left unclosed or carry markup nobody reviewed.  A tag that replaces one of
    the source is reported by ``M131``.

    Bad: ``msgid "Send"`` → ``msgstr "<b>Envoyer"``.
    Good: ``msgstr "Envoyer"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        added = tag_changes(source, translation)[2]
        if added:
            found.append((index, f"{_tag_list(added)} {'is' if len(added) == 1 else 'are'} not in the source"))
    yield from per_form(entry, found)


@register("M133", "tag-attribute-changed", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def tag_attribute_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An attribute of a tag differs from the source's: a link, a class, an id.

    Attributes people read (``alt``, ``title``, ``aria-label``, ``placeholder``) are
    translated and not compared; a link may change its ``/en/`` segment to the
    catalog's language.

    Bad: ``msgid "<a href=\\"/help\\">Help</a>"`` → ``msgstr "<a href=\\"/aide\\">Aide</a>"``.
    Good: ``msgstr "<a href=\\"/help\\">Aide</a>"``.
    """
    memo = _context_memo(context)
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        for message in attribute_changes(source, translation, context.catalog.language, memo["url_terms"]):
            found.append((index, message))
    yield from per_form(entry, found)


# Entities whose character a translation may legitimately word otherwise: punctuation
# each language writes its own way ("&amp;" → "et", "&quot;…&quot;" → « … »).
_REWORDED = frozenset("&'\"‘’‚“”„«»‹›…—–")
_NO_BREAK = frozenset("\u00a0\u202f\u2007\u2060")


def missing_entities(source: str, translation: str) -> list[str]:
    """Entities of the source whose character the translation has in no form.

    A no-break space (``&nbsp;``, ``&#160;``) may become any no-break space, as entity
    or character; invisible formatting characters (``&shy;``, ``&lrm;``) and punctuation
    that languages write differently are not required.
    """
    plain = html.unescape(translation)
    missing = []
    for entity in entities(source):
        char = entity_value(entity)
        if not char or len(char) != 1 or char in _REWORDED or unicodedata.category(char) == "Cf":
            continue
        present = any(c in plain for c in _NO_BREAK) if char in _NO_BREAK else char in plain
        if not present and entity not in missing:
            missing.append(entity)
    return missing


@register("M141", "entity-missing", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def entity_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An HTML entity of the source is absent, and so is the character it stands for.

    ``&nbsp;`` keeps a number or a name on one line, ``&lt;`` shows a literal ``<``.  The
    character itself, or another no-break space, is as good as the entity.  A warning:
    the wording may have made it unnecessary.

    Bad: ``msgid "Call 078&nbsp;055&nbsp;800"`` → ``msgstr "Appelez le 078 055 800"``.
    Good: ``msgstr "Appelez le 078&nbsp;055&nbsp;800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        for entity in missing_entities(source, translation):
            found.append((index, f"entity {entity} of the source is missing, and so is its character"))
    yield from per_form(entry, found)


@register("M142", "invalid-entity", Scope.ENTRY, Severity.ERROR, applies=Applies.TRANSLATED)
def invalid_entity(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a character reference that is not valid.

    An unknown name (``&nbps;``) or an impossible code point is shown as typed; a
    reference without its semicolon (``&nbsp``) is reported where the source is markup.

    Bad: ``msgstr "Appelez le 078&nbps;055&nbsp;800"``.
    Good: ``msgstr "Appelez le 078&nbsp;055&nbsp;800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        markup = bool(entities(source) or tags(source))
        known = set(invalid_entities(source))
        for entity in invalid_entities(translation):
            if entity in known or (not entity.endswith(";") and not markup):
                continue
            hint = "misses its semicolon" if not entity.endswith(";") else "is not a valid character reference"
            found.append((index, f"{_quote(entity)} {hint}"))
    yield from per_form(entry, found)

