"""Websites and e-mail addresses in message text, compared by what they point to.

``https://Example.org/`` and ``example.org`` are one website; ``/en/`` may become the
catalog's own language segment; a domain may be exchanged for another one of the same
``url`` term of the termbase (given here as groups of domains, one group a term).
"""

from __future__ import annotations

import re

from transkit.model.languages import Language, to_tag
from transkit.text.spans import values


def url_parts(url: str) -> tuple[str, str]:
    """``(host, rest)`` of a URL: the host lower case without scheme or ``www.``, the rest
    (path, query, fragment) as written without a trailing slash."""
    text = url.strip()
    text = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", text)
    host, slash, rest = text.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return host, (slash + rest).rstrip("/")


def email_parts(address: str) -> tuple[str, str]:
    """``(local part, domain)`` of an e-mail address, both lower case, without ``mailto:``."""
    text = address.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, _, domain = text.rpartition("@")
    return local.lower(), domain.lower()


def covering_term(host: str, groups: list[frozenset[str]]) -> int | None:
    """Index of the url term whose domains include ``host`` (or a parent domain of it)."""
    for index, domains in enumerate(groups):
        if any(host == domain or host.endswith("." + domain) for domain in domains):
            return index
    return None


_ENGLISH_SEGMENTS = frozenset({"en", "en-us", "en_us", "en-gb", "en_gb", "eng", "english"})
_SEGMENT_SPLIT = re.compile(r"([/?&=#])")


def _language_segment(segment: str, language: Language | None) -> bool:
    """Whether a URL segment names the catalog's language (``fr``, ``pt-br``, ``zh_Hans``)."""
    if language is None or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", segment):
        return False
    tag = to_tag(segment)
    return tag is not None and tag.split("-")[0].lower() == language.tag.split("-")[0].lower()


def _source_segment(segment: str, source_language: Language | None) -> bool:
    """Whether a URL segment names the source's language (English unless told)."""
    if source_language is None or source_language.tag.split("-")[0] == "en":
        return segment.lower() in _ENGLISH_SEGMENTS
    return _language_segment(segment, source_language)


def same_url(
    source: str, translation: str, language: Language | None = None, source_language: Language | None = None
) -> bool:
    """Whether a translation's URL is the source's: same host (scheme and ``www.`` aside)
    and same path, except that a segment naming the source's language (``/en/``,
    ``lang=en``; ``/fr/`` in a French template) may name the catalog's language instead."""
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
        a == b or (_source_segment(a, source_language) and _language_segment(b, language))
        for a, b in zip(parts_a, parts_b)
    )


def url_changes(
    source: str,
    translation: str,
    language: Language | None = None,
    url_terms: list[frozenset[str]] | None = None,
    alternatives: frozenset[str] = frozenset(),
    source_language: Language | None = None,
) -> tuple[list[str], list[str]]:
    """``(missing, unexplained)``: source URLs the translation lacks, and translation URLs
    that are not the source's (``source_language``: the msgids' language, default English).

    Hosts a url term of the termbase covers are left out (the term checks judge them).
    ``alternatives`` are hosts the developer's comment offers for this message ("use the
    campaign website of your language: stoptraite.be (French), …"): a source URL on one of
    them is kept when the translation has a URL on any of them.
    """
    groups = url_terms or []
    src = [u for u in values(source, "url") if covering_term(url_parts(u)[0], groups) is None]
    tgt = [u for u in values(translation, "url") if covering_term(url_parts(u)[0], groups) is None]
    offered = [t for t in tgt if covering_term(url_parts(t)[0], [alternatives]) is not None]
    missing = [
        u
        for u in src
        if not any(same_url(u, t, language, source_language) for t in tgt)
        and not (offered and covering_term(url_parts(u)[0], [alternatives]) is not None)
    ]
    extra = [t for t in tgt if t not in offered and not any(same_url(u, t, language, source_language) for u in src)]
    return missing, extra


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
        term = covering_term(domain_a, groups)
        return term is not None and term == covering_term(domain_b, groups)

    src, tgt = values(source, "email"), values(translation, "email")
    missing = [a for a in src if not any(same(a, b) for b in tgt)]
    extra = [b for b in tgt if not any(same(a, b) for a in src)]
    return missing, extra
