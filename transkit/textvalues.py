"""Values in message text that must survive translation: numbers, URLs, e-mails, markup.

Every finder here works on plain ``str`` and never raises, whatever it is given: the
checks of families ``M`` and ``S`` call them on translations written by people.

Values are compared by what they mean, not by how they are spelled: ``1,000``,
``1.000``, ``1 000`` and ``١٬٠٠٠`` are one number; ``https://Example.org/`` and
``example.org`` one website.  Placeholders (``%(count)d``, ``{page}``) are found first and
masked out, so that the ``1`` of ``%1$s`` is never taken for a number of the text.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from transkit.glossary.match import strip_bidi

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

_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:_.-]{0,40})"
    r"((?:\s+[^\s<>\"'/=]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?){0,30})"
    r"\s*(/?)>"
)
_ATTRIBUTE = re.compile(r"([^\s<>\"'/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>=`]+)))?")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")
# Well-known entities written without their semicolon: "&nbsp" is a typo in markup.
_UNTERMINATED = re.compile(
    r"&(?:#[0-9]{1,8}(?![;0-9])|#[xX][0-9A-Fa-f]{1,7}(?![;0-9A-Fa-f])"
    r"|(?:nbsp|amp|lt|gt|quot|apos|shy|mdash|ndash|hellip|laquo|raquo|copy|reg|euro)(?![;A-Za-z]))"
)
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
_TRAILING_URL_PUNCT = ".,;:!?。、，：；！？"
_GENERIC_TLDS = frozenset(
    "com org net edu gov int mil info biz eu app dev ngo ong help support online site global "
    "news blog shop brussels vlaanderen gent wien berlin paris amsterdam swiss africa asia".split()
)

# Characters that separate the digit groups of one number: spaces (French, Swedish),
# no-break and narrow no-break spaces, full stops and commas (German, English), the
# apostrophe (Swiss), the Arabic decimal and thousands separators.
_GROUP = " \u00a0\u202f\u2009\u2007.,'\u2019\u066b\u066c"
_NUMBER = re.compile(rf"\d+(?:[{_GROUP}]\d+)*")
_MAX_GROUPS = 8
"""Longest run of digit groups read as one number besides the whole (a phone number has
at most five or six)."""


@dataclass(frozen=True)
class Span:
    """A value found in a text: what it is, where, and as written."""

    kind: str
    """``placeholder``, ``tag``, ``entity``, ``email`` or ``url``."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Number:
    """A number as written, with the digit groups it is made of (as ASCII digits)."""

    text: str
    groups: tuple[str, ...]

    @property
    def value(self) -> str:
        """Its identity: the digits without separators or leading zeros."""
        return _key(self.groups)

    def readings(self) -> set[str]:
        """Every number the text may be read as: the whole, and each run of its groups.

        ``24 7`` may be one number or two; ``078 055 800`` may be a phone number or three
        numbers.  The translation side is read every way, so that no grouping a language
        uses makes a number look missing.
        """
        groups, count = self.groups, len(self.groups)
        found = {_key(groups)}
        for i in range(count):
            found.update(_key(groups[i:j]) for j in range(i + 1, min(count, i + _MAX_GROUPS) + 1))
        return found


@dataclass(frozen=True)
class Tag:
    """An HTML or XML tag: ``open``, ``close``, ``self`` (``<br/>``) or ``void`` (``<br>``)."""

    kind: str
    name: str
    attributes: tuple[tuple[str, str], ...]
    text: str

    @property
    def identity(self) -> tuple[str, str]:
        return (self.kind, self.name)


_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _key(groups: tuple[str, ...]) -> str:
    return "".join(groups).lstrip("0") or "0"


def ascii_digits(text: str) -> str:
    """Decimal digits of any script (Arabic-Indic, Persian, Devanagari, Thai, full-width) as ASCII."""
    out = []
    for char in text:
        if char.isdigit() and not char.isascii():
            try:
                out.append(str(unicodedata.decimal(char)))
                continue
            except ValueError:
                pass
        out.append(char)
    return "".join(out)


@lru_cache(maxsize=1)
def _tlds() -> frozenset[str]:
    """Top-level domains a bare ``name.tld`` is read as a website for: every country code
    (the regions phonenumbers knows) and the common generic ones.  ``file.txt`` is not one."""
    regions = {region.lower() for region in phonenumbers.SUPPORTED_REGIONS}
    return frozenset(regions | {"uk", "eu", "su", "ac"} | _GENERIC_TLDS)


@lru_cache(maxsize=8192)
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

    for match in PLACEHOLDER.finditer(text):
        add("placeholder", *match.span())
    for match in _TAG.finditer(text):
        add("tag", *match.span())
    for match in _ENTITY.finditer(text):
        add("entity", *match.span())
    for match in _EMAIL.finditer(text):
        add("email", *match.span())
    for match in _URL.finditer(text):
        start, end = match.span()
        end = start + len(match.group().rstrip(_TRAILING_URL_PUNCT))
        add("url", start, end)
    for match in _BARE_DOMAIN.finditer(text):
        if match.group(2).lower() not in _tlds():
            continue
        start, end = match.span()
        end = start + len(match.group().rstrip(_TRAILING_URL_PUNCT))
        add("url", start, end)
    return tuple(sorted(found, key=lambda span: span.start))


def mask(text: str, kinds: frozenset[str] | set[str] | None = None) -> str:
    """The text with the spans of the given kinds (all when None) replaced by :data:`MASK`."""
    chars = list(text)
    for span in spans(text):
        if kinds is None or span.kind in kinds:
            chars[span.start : span.end] = MASK * (span.end - span.start)
    return "".join(chars)


def values(text: str, kind: str) -> tuple[str, ...]:
    """The values of one kind in a text, as written."""
    return tuple(span.text for span in spans(text) if span.kind == kind)


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


def _alphabetic(char: str) -> bool:
    """A letter of an alphabet written with spaces; "7月30日" glues digits to ideographs
    as a matter of course."""
    return char.isalpha() and unicodedata.name(char, "").startswith(("LATIN", "GREEK", "CYRILLIC"))


def numbers(text: str) -> tuple[Number, ...]:
    """The numbers of a text, outside placeholders, markup, URLs and e-mail addresses.

    Any script's decimal digits count (``٠٧٨`` is 078); digits glued to a word on one
    side still count (``30th``, ``SOCKSv5``), since a changed digit there is as wrong, but
    not digits inside a word (``l10n``, ``H2O``), which translators rightly rewrite.
    """
    plain = mask(strip_bidi(text))
    found = []
    for match in _NUMBER.finditer(plain):
        before = plain[match.start() - 1 : match.start()]
        after = plain[match.end() : match.end() + 1]
        if _alphabetic(before) and _alphabetic(after):
            continue  # inside a word: "l10n", "i18n", "H2O"
        raw = match.group()
        groups = tuple(ascii_digits(group) for group in re.findall(r"\d+", raw))
        found.append(Number(raw.strip(_GROUP), groups))
    return tuple(found)


def number_readings(text: str) -> set[str]:
    """Every value the numbers of a text can be read as (see :meth:`Number.readings`)."""
    readings: set[str] = set()
    for number in numbers(text):
        readings |= number.readings()
    return readings


def number_found(number: Number, readings: set[str]) -> bool:
    """Whether a source number is in a translation read as ``readings``.

    Either the whole number is there in any grouping, or each of its groups is: ``24/7``
    written ``24 … 7`` keeps both numbers.
    """
    if number.value in readings:
        return True
    return len(number.groups) > 1 and all(_key((group,)) in readings for group in number.groups)


# ---------------------------------------------------------------------------------------
# Websites and e-mail addresses
# ---------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------------------


def tags(text: str) -> tuple[Tag, ...]:
    """The HTML/XML tags of a text, outside placeholders, in order."""
    found = []
    for span in spans(text):
        if span.kind != "tag":
            continue
        match = _TAG.fullmatch(span.text)
        if match is None:
            continue
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        if closing:
            kind = "close"
        elif name in _VOID:
            kind = "void"
        else:
            kind = "self" if self_closing else "open"
        pairs = tuple(
            (m.group(1).lower(), next((g for g in m.groups()[1:] if g is not None), ""))
            for m in _ATTRIBUTE.finditer(attributes)
        )
        found.append(Tag(kind, name, pairs, span.text))
    return tuple(found)


def entity_value(entity: str) -> str | None:
    """The character(s) an entity stands for, or None when it is not a valid entity."""
    body = entity[1:-1] if entity.startswith("&") and entity.endswith(";") else ""
    if not body:
        return None
    if body.startswith("#"):
        try:
            code = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
        except ValueError:
            return None
        if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return chr(code)
    return html.entities.html5.get(body + ";")


def entities(text: str) -> tuple[str, ...]:
    """Character references (``&amp;``, ``&#160;``, ``&#xA0;``) as written."""
    return values(text, "entity")


def invalid_entities(text: str) -> tuple[str, ...]:
    """References that are not valid: unknown names, impossible code points, and the
    common ones written without their semicolon (``&nbsp``)."""
    bad = [entity for entity in entities(text) if entity_value(entity) is None]
    bad.extend(match.group() for match in _UNTERMINATED.finditer(mask(text, {"placeholder", "url", "email"})))
    return tuple(bad)
