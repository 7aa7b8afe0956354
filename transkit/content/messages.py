"""The text of a content message: prose, with the page's inline markup as placeholder tags.

A translator sees ``Call <a1>the helpline</a1> or read <code1/>.`` and may move the tags
and translate what is between them, but the targets (the link's URL, the code) are not in
the message: the page keeps them, and the build puts them back by name. The tags follow
the syntax of HTML tags on purpose, so that transkit's markup checks (``M131`` tag
missing, ``M132`` tag added, ``M133`` attribute added) already guard them in every catalog.

Names: a bare HTML name (``<em>``, ``<strong>``, ``<s>``, ``<br>``) for markup that carries
nothing but itself; the name and its number in the segment (``<a1>``, ``<img2/>``,
``<code1/>``) for markup that carries a target or attributes. Paired tags wrap
translatable text; self-closing ones (``<code1/>``) stand for something kept whole.

Literal ``<`` and ``&`` in the prose are written ``&lt;`` and ``&amp;`` only where they
would otherwise read as a tag or a character reference, so ordinary text stays as typed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from transkit.text.spans import TAG

ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")
"""A character reference, as the message grammar reads one."""

BARE = frozenset({"em", "strong", "s", "b", "i", "u", "br", "wbr", "mark", "small", "sub", "sup"})
"""HTML names that may stand as themselves: they carry no target."""


@dataclass
class Element:
    """A placeholder tag of a message and what it wraps (nothing when self-closing)."""

    name: str
    paired: bool
    children: list[Element | str] = field(default_factory=list)


def escape_text(text: str) -> str:
    """Prose as a message writes it: ``<`` and ``&`` escaped only where they would be read
    as a tag or a reference."""
    if "<" not in text and "&" not in text:
        return text
    out = []
    for index, char in enumerate(text):
        if char == "<" and TAG.match(text, index):
            out.append("&lt;")
        elif char == "&" and ENTITY.match(text, index):
            out.append("&amp;")
        else:
            out.append(char)
    return "".join(out)


def open_tag(name: str) -> str:
    return f"<{name}>"


def close_tag(name: str) -> str:
    return f"</{name}>"


def void_tag(name: str) -> str:
    return "<br>" if name in ("br", "wbr") else f"<{name}/>"


class MarkupRejected(ValueError):
    """A translation whose tags are not exactly the source's placeholders."""


def parse(message: str) -> list[Element | str]:
    """The message as text and placeholder elements; raises :class:`MarkupRejected` for a
    tag with attributes, a closing tag that closes nothing, or one left open."""
    root = Element("", True)
    stack = [root]
    position = 0
    for match in TAG.finditer(message):
        _text(stack[-1], message[position : match.start()])
        position = match.end()
        closing, name, attributes, self_closing = match.groups()
        if attributes.strip():
            raise MarkupRejected(f"tag {match.group()!r} has attributes; placeholders have none")
        if closing:
            if len(stack) == 1 or stack[-1].name != name:
                raise MarkupRejected(f"closing tag {match.group()!r} does not close an open tag")
            stack.pop()
        elif self_closing or name in ("br", "wbr"):
            stack[-1].children.append(Element(name, False))
        else:
            element = Element(name, True)
            stack[-1].children.append(element)
            stack.append(element)
    _text(stack[-1], message[position:])
    if len(stack) > 1:
        raise MarkupRejected(f"tag <{stack[-1].name}> is not closed")
    return root.children


def _text(parent: Element, raw: str) -> None:
    if not raw:
        return
    text = ENTITY.sub(lambda m: html.unescape(m.group()), raw)
    if parent.children and isinstance(parent.children[-1], str):
        parent.children[-1] += text
    else:
        parent.children.append(text)


def inventory(nodes: list[Element | str]) -> Counter[tuple[str, bool]]:
    """How often each placeholder (name, paired) occurs, nested ones included."""
    found: Counter[tuple[str, bool]] = Counter()
    for node in nodes:
        if isinstance(node, Element):
            found[(node.name, node.paired)] += 1
            found.update(inventory(node.children))
    return found


def validate(source: str, translation: str) -> list[Element | str]:
    """The translation's tree when its placeholders are exactly the source's (each as
    often, moved at will); raises :class:`MarkupRejected` otherwise. This is what keeps a
    translation from putting markup into a page that its source does not have."""
    wanted = inventory(parse(source))
    tree = parse(translation)
    have = inventory(tree)
    if have != wanted:
        added = sorted(have - wanted)
        missing = sorted(wanted - have)
        parts = []
        if added:
            parts.append("not in the source: " + ", ".join(_shown(name, paired) for name, paired in added))
        if missing:
            parts.append("missing: " + ", ".join(_shown(name, paired) for name, paired in missing))
        raise MarkupRejected("markup differs from the source (" + "; ".join(parts) + ")")
    return tree


def _shown(name: str, paired: bool) -> str:
    return open_tag(name) if paired else void_tag(name)


def plain(nodes: list[Element | str]) -> str:
    """The text of a tree, tags left out (for titles and alt texts)."""
    return "".join(node if isinstance(node, str) else plain(node.children) for node in nodes)


def has_words(message: str) -> bool:
    """True when the message has a letter outside its tags: only those are worth a
    translator's time (a lone number, a code span or an image stays as it is)."""
    try:
        text = plain(parse(message))
    except MarkupRejected:
        text = message
    return any(unicodedata.category(char).startswith("L") for char in text)
