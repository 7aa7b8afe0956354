"""HTML pages: segments from lxml's HTML parser, and the page rebuilt in its tree.

lxml (libxml2's HTML parser) reads real-world HTML, recovers like a browser from what is
merely sloppy, and reports what it had to guess, which is what tells a page that does
not parse; it also serializes the tree back as HTML and escapes every text node on the
way out. A *run* is what a reader sees as one block of text: the text and inline
elements (``<a>``, ``<em>``, ``<code>``…) between two block elements or the ends of their
parent. Each run with words is a segment; ``title``, ``alt``, ``aria-label``,
``placeholder`` and a description ``<meta>``'s ``content`` are segments of their own.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from transkit.content.messages import (
    BARE,
    Element,
    close_tag,
    escape_text,
    has_words,
    open_tag,
    plain,
    void_tag,
)
from transkit.content.model import Segment, Translate, Tree
from transkit.errors import ContentError

INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr".split()
)
"""Elements that are part of a run of text."""
KEPT_WHOLE = frozenset("code kbd samp var img br wbr".split())
"""Inline elements whose content is not translated: a placeholder stands for all of it."""
SKIPPED = frozenset("script style pre textarea template svg math noscript iframe object code".split())
"""Elements never taken apart: their content is not text for translators."""
ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
"""Attributes whose values are text people read."""
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
SKIP = re.compile(r"^\s*transkit:\s*skip\s*$")
_IGNORED_ERRORS = frozenset({"HTML_UNKNOWN_TAG"})
"""libxml2 reports HTML5 elements it does not know; they parse all the same."""
_SPACE = re.compile(r"[ \t\n\r\f]+")


def read_tree(text: str, shown: str) -> etree._ElementTree:
    """The page's tree; raises :class:`ContentError` where libxml2 had to guess the
    structure (an end tag that closes nothing open, an element left open at the end of
    its parent): the build would guess the same way, and publish what nobody wrote."""
    parser = etree.HTMLParser(recover=True, remove_comments=False, default_doctype=False)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError) as error:
        raise ContentError(f"HTML does not parse: {error}", shown, 1) from None
    for entry in parser.error_log:
        if entry.level_name in ("ERROR", "FATAL") and entry.type_name not in _IGNORED_ERRORS:
            raise ContentError(f"HTML does not parse cleanly: {entry.message}", shown, entry.line or 1)
    if root is None:
        raise ContentError("HTML page is empty", shown, 1)
    return root.getroottree()


@dataclass
class _Run:
    """A run of text: the text holder before it (``None``: the parent's own text, else the
    block element whose tail holds it) and the inline nodes in it."""

    parent: etree._Element
    holder: etree._Element | None
    nodes: list[etree._Element]
    message: str = ""
    places: dict[str, etree._Element] = field(default_factory=dict)
    lead: str = ""
    trail: str = ""


@dataclass
class _Attribute:
    element: etree._Element
    name: str
    message: str


class _Walk:
    """The runs and attribute segments of a tree, in document order, with the headings
    above each (the same on every parse of the same text)."""

    def __init__(self, root: etree._Element) -> None:
        self.items: list[tuple[_Run | _Attribute, int, tuple[str, ...]]] = []
        self.headings: list[tuple[int, str]] = []
        self.title = ""
        self._visit(root)

    def _section(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.headings)

    def _attributes(self, element: etree._Element) -> None:
        names = list(ATTRIBUTES)
        if element.tag == "meta" and (element.get("name") or "").lower() in ("description", "og:description"):
            names.append("content")
        for name in names:
            value = element.get(name)
            if value and has_words(escape_text(value)):
                self.items.append(
                    (
                        # As written: a browser shows a line break in a title as one.
                        _Attribute(element, name, escape_text(value)),
                        _line(element),
                        self._section(),
                    )
                )

    def _visit(self, element: etree._Element) -> None:
        if _skipped(element):
            return
        self._attributes(element)
        if element.tag in HEADINGS:
            level = int(element.tag[1])
            text = " ".join("".join(element.itertext()).split())
            self.headings = [(lvl, h) for lvl, h in self.headings if lvl < level]
            section = self._section()
            self.headings.append((level, text))
            if level == 1 and not self.title:
                self.title = text
        else:
            section = self._section()
        if element.tag == "title" and not self.title:
            self.title = " ".join((element.text or "").split())
        holder: etree._Element | None = None
        run: list[etree._Element] = []
        for child in [*element, None]:
            if child is not None and _inline(child):
                run.append(child)
                continue
            self._run(element, holder, run, section)
            run = []
            if child is None:
                break
            self._visit(child)  # a block: its own runs (none when it is skipped)
            holder = child

    def _run(
        self,
        parent: etree._Element,
        holder: etree._Element | None,
        nodes: list[etree._Element],
        section: tuple[str, ...],
    ) -> None:
        run = _Run(parent, holder, nodes)
        run.message = _SPACE.sub(" ", _encode_run(run)).strip(" ")
        if has_words(run.message):
            self._add_run(run, section)
        for node in nodes:
            if isinstance(node.tag, str):
                self._inline_attributes(node)

    def _add_run(self, run: _Run, section: tuple[str, ...]) -> None:
        parent, holder, nodes = run.parent, run.holder, run.nodes
        start_text = (parent.text if holder is None else holder.tail) or ""
        end_text = (nodes[-1].tail if nodes else start_text) or ""
        run.lead = start_text[: len(start_text) - len(start_text.lstrip())]
        run.trail = end_text[len(end_text.rstrip()) :]
        first = next((node for node in nodes if isinstance(node.tag, str)), None)
        line = _line(first if first is not None else holder if holder is not None else parent)
        self.items.append((run, line, section))

    def _inline_attributes(self, element: etree._Element) -> None:
        if _skipped(element):
            return
        self._attributes(element)
        if element.tag not in KEPT_WHOLE:
            for child in element:
                if isinstance(child.tag, str):
                    self._inline_attributes(child)


def _line(element: etree._Element) -> int:
    return element.sourceline or 1


def _is_skip_marker(node: etree._Element) -> bool:
    return node.tag is etree.Comment and bool(SKIP.match(node.text or ""))


def _skipped(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments, processing instructions
    if element.tag in SKIPPED or (element.get("translate") or "").lower() == "no":
        return True
    previous = element.getprevious()
    while previous is not None and previous.tag is etree.Comment and not _is_skip_marker(previous):
        previous = previous.getprevious()
    return previous is not None and _is_skip_marker(previous) and not (previous.tail or "").strip()


def _inline(node: etree._Element) -> bool:
    """True for a node that belongs to a run: a comment, or an inline element with only
    inline elements in it."""
    if node.tag is etree.Comment:
        return True
    if not isinstance(node.tag, str) or node.tag not in INLINE:
        return False
    return all(child.tag is etree.Comment or child.tag in INLINE for child in node.iterdescendants())


def _encode_run(run: _Run) -> str:
    counts: Counter[str] = Counter()
    out = [escape_text((run.parent.text if run.holder is None else run.holder.tail) or "")]
    for node in run.nodes:
        out.append(_encode_node(node, run.places, counts))
        out.append(escape_text(node.tail or ""))
    return "".join(out)


def _encode_node(node: etree._Element, places: dict[str, etree._Element], counts: Counter[str]) -> str:
    if node.tag is etree.Comment:
        counts["comment"] += 1
        name = f"comment{counts['comment']}"
        places[name] = node
        return void_tag(name)
    tag = str(node.tag)
    if tag in ("br", "wbr") and not node.attrib:
        return void_tag(tag)
    whole = tag in KEPT_WHOLE or (node.get("translate") or "").lower() == "no" or _skip_marked(node)
    if tag in BARE and not node.attrib and not whole:
        name = tag
    else:
        counts[tag] += 1
        name = f"{tag}{counts[tag]}"
        places[name] = node
    if whole:
        return void_tag(name)
    inner = [escape_text(node.text or "")]
    for child in node:
        inner.append(_encode_node(child, places, counts))
        inner.append(escape_text(child.tail or ""))
    return open_tag(name) + "".join(inner) + close_tag(name)


def _skip_marked(node: etree._Element) -> bool:
    previous = node.getprevious()
    return previous is not None and _is_skip_marker(previous)


class HtmlPage:
    """An HTML page: its segments and its rebuild (see :class:`~.model.Page`)."""

    format = "html"

    def __init__(self, path: Path, shown: str, text: str) -> None:
        self.path = path
        self.shown = shown
        self.source = self.text = text
        tree = read_tree(text, shown)
        walk = _Walk(tree.getroot())
        self.title = walk.title or path.stem
        self.segments: list[Segment] = []
        for item, line, section in walk.items:
            notes = (
                _notes(item.places)
                if isinstance(item, _Run)
                else (f"the {item.name} attribute of <{item.element.tag}>",)
            )
            self.segments.append(Segment(item.message, line, section, notes))

    def build(self, translate: Translate, language: str, direction: str) -> str:
        """The page with every segment translated, ``lang`` and ``dir`` on ``<html>``."""
        tree = read_tree(self.text, self.shown)
        root = tree.getroot()
        items = [item for item, _, _ in _Walk(root).items]
        # Attributes first, in place: the copies a run makes of its elements carry them.
        for item in items:
            if isinstance(item, _Attribute):
                item.element.set(item.name, plain(translate(item.message)))
        for item in reversed(items):
            if isinstance(item, _Run):
                _rebuild(item, translate(item.message))
        if root.tag == "html":
            root.set("lang", language.replace("_", "-"))
            root.set("dir", direction)
        doctype = tree.docinfo.doctype
        serialized = etree.tostring(tree, method="html", encoding="unicode", doctype=doctype or None)
        return serialized if serialized.endswith("\n") else serialized + "\n"


def _notes(places: dict[str, etree._Element]) -> tuple[str, ...]:
    notes = []
    for name, node in places.items():
        if node.tag is etree.Comment:
            notes.append(f"{void_tag(name)} is a comment")
        elif node.tag == "a" and node.get("href"):
            notes.append(f"{open_tag(name)} links to {node.get('href')}")
        elif node.tag == "img":
            notes.append(f"{void_tag(name)} is the image {node.get('src', '')}")
        elif node.tag in KEPT_WHOLE:
            notes.append(f"{void_tag(name)} is the code {' '.join(''.join(node.itertext()).split())}")
        else:
            attributes = " ".join(f'{key}="{value}"' for key, value in node.attrib.items())
            notes.append(f"{open_tag(name)} is <{node.tag} {attributes}>")
    return tuple(notes)


def _rebuild(run: _Run, tree: Tree) -> None:
    parent = run.parent
    for node in run.nodes:
        parent.remove(node)
    text, nodes = _nodes(tree, run.places)
    if not nodes:
        text = run.lead + text + run.trail
    else:
        text = run.lead + text
        nodes[-1].tail = (nodes[-1].tail or "") + run.trail
    if run.holder is None:
        parent.text = text
        position = 0
    else:
        run.holder.tail = text
        position = parent.index(run.holder) + 1
    for offset, node in enumerate(nodes):
        parent.insert(position + offset, node)


def _nodes(tree: Tree, places: dict[str, etree._Element]) -> tuple[str, list[etree._Element]]:
    """(text before the first element, the elements, each with its tail) for a tree."""
    leading = ""
    built: list[etree._Element] = []
    for node in tree:
        if isinstance(node, str):
            if built:
                built[-1].tail = (built[-1].tail or "") + node
            else:
                leading += node
            continue
        built.append(_element(node, places))
    return leading, built


def _element(node: Element, places: dict[str, etree._Element]) -> etree._Element:
    source = places.get(node.name)
    if not node.paired:
        made = copy.deepcopy(source) if source is not None else etree.Element(node.name)
        made.tail = None
        return made
    made = etree.Element(source.tag, dict(source.attrib)) if source is not None else etree.Element(node.name)
    made.text, children = _nodes(node.children, places)
    for child in children:
        made.append(child)
    return made
