"""HTML and XML in message text: tags with their attributes, character references, and
the differences between a source's markup and its translation's.
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from transkit.text.spans import TAG, mask, spans, values

_ATTRIBUTE = re.compile(r"([^\s<>\"'/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>=`]+)))?")
# Well-known entities written without their semicolon: "&nbsp" is a typo in markup.
_UNTERMINATED = re.compile(
    r"&(?:#[0-9]{1,8}(?![;0-9])|#[xX][0-9A-Fa-f]{1,7}(?![;0-9A-Fa-f])"
    r"|(?:nbsp|amp|lt|gt|quot|apos|shy|mdash|ndash|hellip|laquo|raquo|copy|reg|euro)(?![;A-Za-z]))"
)


@dataclass(frozen=True, slots=True)  # slots: many are kept in the caches of text analyses
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


def tags(text: str) -> tuple[Tag, ...]:
    """The HTML/XML tags of a text, outside placeholders, in order."""
    if "<" not in text:
        return ()  # no tag without "<": most texts
    return _tags(text)


@lru_cache(maxsize=16384)  # four checks read the tags of a message, of a source once per language
def _tags(text: str) -> tuple[Tag, ...]:
    found = []
    for span in spans(text):
        if span.kind != "tag":
            continue
        match = TAG.fullmatch(span.text)
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
    if not found:
        return ()
    names = {(tag.kind, tag.name) for tag in found}
    return tuple(tag for tag in found if _is_markup(tag, names))


# HTML's elements (and Pango's, which are HTML's few): a tag of these names is markup even
# alone in a message ("<b>" that a later message closes, "<br>").
_HTML_ELEMENTS = frozenset(
    """a abbr acronym address area article aside audio b base bdi bdo big blockquote body br
    button canvas caption center cite code col colgroup data datalist dd del details dfn dialog
    div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header
    hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter
    nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s
    samp script search section select slot small source span strike strong style sub summary sup
    svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video
    wbr""".split()
)
_COUNTERPART = {"open": "close", "close": "open"}


def _is_markup(tag: Tag, names: set[tuple[str, str]]) -> bool:
    """Whether a tag-shaped text is markup, not prose in angle brackets.

    Prose writes angle brackets too: ``<<original entry>>`` (Sphinx), ``Missing <Error>
    text``, a usage line's ``<file>``, which a translator rightly translates. Markup is a
    tag of an HTML element, an XML tag with a namespace or a hyphen, a self-closing tag, a
    tag with an attribute value, or one the same message opens and closes.
    """
    if tag.name in _HTML_ELEMENTS or tag.kind in ("self", "void"):
        return True
    if ":" in tag.name or "-" in tag.name or any(value for _, value in tag.attributes):
        return True
    return tag.kind in _COUNTERPART and (_COUNTERPART[tag.kind], tag.name) in names


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
    if "&" not in text:
        return ()  # every reference starts with "&"
    bad = [entity for entity in entities(text) if entity_value(entity) is None]
    bad.extend(match.group() for match in _UNTERMINATED.finditer(mask(text, {"placeholder", "url", "email"})))
    return tuple(bad)


def tag_differences(source: str, translation: str) -> tuple[list[Tag], list[Tag]]:
    """``(missing, added)`` tags, compared by kind and name; order may change."""
    src, tgt = tags(source), tags(translation)
    if not src and not tgt:
        return [], []
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


# Entities whose character a translation may legitimately word otherwise: punctuation
# each language writes its own way ("&amp;" → "et", "&quot;…&quot;" → « … »).
_REWORDED = frozenset("&'\"‘’‚“”„«»‹›…—–")
_NO_BREAK = frozenset("\u00a0\u202f\u2007\u2060")


_DECIMAL_REFERENCE = re.compile(r"&#0*([0-9]+)(;?)")


def unescape(text: str) -> str:
    """``html.unescape``, also for text with a decimal character reference of thousands of
    digits (which Python refuses to turn into an int): beyond seven digits, leading zeros
    aside, a reference names no character, and html.unescape writes U+FFFD for it."""
    if "&#" in text:
        text = _DECIMAL_REFERENCE.sub(_short_reference, text)
    return html.unescape(text)


def _short_reference(match: re.Match[str]) -> str:
    digits, end = match.groups()
    return "\ufffd" if len(digits) > 7 else f"&#{digits}{end}"


def missing_entities(source: str, translation: str) -> list[str]:
    """Entities of the source whose character the translation has in no form.

    A no-break space (``&nbsp;``, ``&#160;``) may become any no-break space, as entity
    or character; invisible formatting characters (``&shy;``, ``&lrm;``) and punctuation
    that languages write differently are not required.
    """
    if "&" not in source:
        return []  # no entity in the source: nothing can be missing
    plain = unescape(translation)
    missing = []
    for entity in entities(source):
        char = entity_value(entity)
        if not char or len(char) != 1 or char in _REWORDED or unicodedata.category(char) == "Cf":
            continue
        present = any(c in plain for c in _NO_BREAK) if char in _NO_BREAK else char in plain
        if not present and entity not in missing:
            missing.append(entity)
    return missing
