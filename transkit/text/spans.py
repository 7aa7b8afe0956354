"""Spans of message text that are values, not prose: placeholders, tags, entities,
e-mail addresses and URLs, each found once, without overlaps, and masked out on request.

Every other module of :mod:`transkit.text` reads text through :func:`mask`: placeholders
(``%(count)d``, ``{page}``) are found first and masked out, so that the ``1`` of ``%1$s``
is never taken for a number of the text, nor the ``(`` of a URL for a bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from transkit.terms.match import strip_bidi

MASK = "\ufffc"
"""What masked spans are replaced with: one object-replacement character per character,
so positions stay valid and a mask is neither a space, a digit nor punctuation."""

PLACEHOLDER = re.compile(
    r"%\([^()\s]{1,64}\)[-#0+']*\d*(?:\.\d+)?[a-zA-Z%]"  # %(name)s
    r"|%(?:\d+\$)?[-#0+']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcrsaAp%]"  # %s %1$d %.2f
    r"|\{\{?[^{}\s]{0,64}\}\}?"  # {name} {0} {{name}}
)
"""printf and brace placeholders, whatever the format flags say: a number or a bracket
inside a placeholder is never text, so masking one too many is harmless here."""

TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:_.-]{0,40})"
    r"((?:\s+(?:(?![<>\"'/=])[!-/:-@\[-^`{-~]){0,3}[A-Za-z0-9_][^\s<>\"'/=]*+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?){0,30})"
    r"\s*(/?)>"
)
"""An HTML or XML tag: ``</name``, its attributes, ``/>``. An attribute's name has an ASCII
letter or digit, after at most three marks (``:href``, ``@click``, ``[(ngModel)]``):
``<a rel="noreferrer" …>`` is an example written in prose (its ``…`` or ``...`` is no
attribute), not markup."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9.%+-])(?:mailto:)?([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])"
)
# A URL ends at a space, a quote, a bracket, or text of a script written without spaces
# ("stophumantrafficking.be上"): ideographs, kana, hangul, Thai, full-width forms.
_URL_CHAR = "[^\\s<>\"'«»“”‘’`\\\\{}|^\\[\\]()\u0e00-\u0eff\u2e80-\ufaff\ufe30-\uffef]"
_URL = re.compile(rf"(?<![A-Za-z0-9@./-])(?:(?:https?|ftp)://|www\.){_URL_CHAR}+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![A-Za-z0-9@./:%-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))"
    rf"(/{_URL_CHAR}*)?(?![A-Za-z0-9@-])",
    re.IGNORECASE,
)
# What a URL and a bare domain cannot do without (same flags, so the same letters): most
# texts have neither, which these tell faster than the full expressions.
_URL_START = re.compile(r"://|www\.", re.IGNORECASE)
_DOMAIN_END = re.compile(r"[a-z0-9]\.[a-z]{2}", re.IGNORECASE)
_TRAILING_URL_PUNCT = ".,;:!?。、，：；！？"
_GENERIC_TLDS = frozenset(
    "com org net edu gov int mil info biz eu app dev ngo ong help support online site global "
    "news blog shop brussels vlaanderen gent wien berlin paris amsterdam swiss africa asia".split()
)


_FILE_EXTENSIONS = frozenset("py sh md so mo mk rb cc ps ml rs".split())
"""Country codes that software text writes far more often as file extensions (Paraguay's
``.py``, Moldova's ``.md``): ``name.py`` alone is a file; with a path or a subdomain it
is a website still."""


@dataclass(frozen=True, slots=True)  # slots: many are kept in the caches of text analyses
class Span:
    """A value found in a text: what it is, where, and as written."""

    kind: str
    """``placeholder``, ``tag``, ``entity``, ``email`` or ``url``."""
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _tlds() -> frozenset[str]:
    """Top-level domains a bare ``name.tld`` is read as a website for: every country code
    (the regions phonenumbers knows) and the common generic ones.  ``file.txt`` is not one."""
    regions = {region.lower() for region in phonenumbers.SUPPORTED_REGIONS}
    return frozenset(regions | {"uk", "eu", "su", "ac"} | _GENERIC_TLDS)


# Bounded, but large enough to keep every source of a big catalog between languages.
@lru_cache(maxsize=65536)
def spans(text: str) -> tuple[Span, ...]:
    """Placeholders, tags, entities, e-mail addresses and URLs, without overlaps, in order.

    Earlier kinds win where two overlap: ``{url}`` is a placeholder, ``href="…"`` belongs
    to its tag, ``mailto:a@b.be`` is an e-mail address, not a website.
    """
    found: list[Span] = []
    taken = bytearray(len(text))

    def add(kind: str, start: int, end: int) -> None:
        if start >= end or any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(Span(kind, start, end, text[start:end]))

    # Each kind is sought only where the character it cannot do without is in the text
    # (most texts have no "%", "{", "<", "&" or "@"): the same spans, fewer regex scans.
    if "%" in text or "{" in text:
        for match in PLACEHOLDER.finditer(text):
            add("placeholder", *match.span())
    if "<" in text:
        for match in TAG.finditer(text):
            add("tag", *match.span())
    if "&" in text:
        for match in _ENTITY.finditer(text):
            add("entity", *match.span())
    if "@" in text:
        for match in _EMAIL.finditer(text):
            add("email", *match.span())
    if _URL_START.search(text):
        for match in _URL.finditer(text):
            start, end = match.span()
            end = start + len(match.group().rstrip(_TRAILING_URL_PUNCT))
            add("url", start, end)
    if _DOMAIN_END.search(text):
        for match in _BARE_DOMAIN.finditer(text):
            tld = match.group(2).lower()
            if tld not in _tlds():
                continue
            if tld in _FILE_EXTENSIONS and match.group(1).count(".") == 1 and not match.group(3):
                continue  # "conf.py", "README.md", "setup.sh": a file, not a website
            start, end = match.span()
            end = start + len(match.group().rstrip(_TRAILING_URL_PUNCT))
            add("url", start, end)
    return tuple(sorted(found, key=lambda span: span.start))


def mask(text: str, kinds: frozenset[str] | set[str] | None = None) -> str:
    """The text with the spans of the given kinds (all when None) replaced by :data:`MASK`."""
    if not spans(text):
        return text  # nothing to mask (most texts), and nothing to remember
    return _mask(text, kinds if kinds is None or isinstance(kinds, frozenset) else frozenset(kinds))


# Most checks of a message read its texts masked: remembered per text (bounded), since a
# translation is read by several checks in turn and a source once per language.
@lru_cache(maxsize=32768)
def _mask(text: str, kinds: frozenset[str] | None) -> str:
    pieces = []
    done = 0
    for span in spans(text):  # in order, without overlaps
        if kinds is None or span.kind in kinds:
            pieces.append(text[done : span.start])
            pieces.append(MASK * (span.end - span.start))
            done = span.end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def plain_text(text: str) -> str:
    """``mask(strip_bidi(text))``: what most text checks read (cached: see :func:`_mask`)."""
    return mask(strip_bidi(text))


def values(text: str, kind: str) -> tuple[str, ...]:
    """The values of one kind in a text, as written."""
    found = spans(text)
    if not found:
        return ()
    return tuple(span.text for span in found if span.kind == kind)
