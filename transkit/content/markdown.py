"""Markdown pages: segments from markdown-it-py's token stream, and the page rebuilt by
replacing only the lines of the translated blocks.

The parser is markdown-it-py in its CommonMark mode, with GFM tables and strikethrough
and mdit-py-plugins' YAML front matter: the page is parsed the way the site renders it,
so a segment is exactly what a reader sees as one block. The rebuild keeps every line
that is not a translated block as written (code, HTML blocks, link reference
definitions, blank lines, the front matter's other keys), and writes a translated block
on one line after its container prefix (``> ``, ``- ``, indentation), escaping whatever
in the translation Markdown would read as syntax.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from transkit.content.messages import (
    ENTITY,
    Element,
    close_tag,
    escape_text,
    has_words,
    open_tag,
    parse,
    plain,
    void_tag,
)
from transkit.content.model import Segment, Translate, Tree
from transkit.errors import ContentError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# markdown-it and YAML are imported by the calls that parse a page, so that commands
# without pages do not pay for them.

SKIP = re.compile(r"<!--\s*transkit:\s*skip\s*-->")
"""An HTML comment that keeps the next block out of the template."""

_EMPHASIS = {"em": ("*", "_"), "strong": ("**", "__"), "s": ("~~", "~~")}
_LINE_START_SPECIAL = re.compile(r"[#\-+=>]|\d{1,9}[.)](?=[ \t]|$)")
_CONTAINER = re.compile(r"(?:[ \t]*>)*[ \t]*")
_CONTAINER_FIRST = re.compile(r"(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*")


def new_parser() -> MarkdownIt:
    """The Markdown parser of transkit: CommonMark, tables, strikethrough, front matter."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """One shared :func:`new_parser` (building one compiles its rules)."""
    return new_parser()


def render_html(text: str) -> str:
    """The page as HTML, as the preview and the round-trip measure render it."""
    return parser().render(text)


# --------------------------------------------------------------------------
# What a placeholder stands for.


@dataclass(frozen=True)
class _Link:
    href: str
    title: str | None


@dataclass(frozen=True)
class _Image:
    src: str
    alt: str
    title: str | None


@dataclass(frozen=True)
class _Raw:
    """Written back exactly: inline HTML, an autolink."""

    text: str


@dataclass(frozen=True)
class _Code:
    content: str


_Place = _Link | _Image | _Raw | _Code


@dataclass
class _Inline:
    """One block's inline content as a message, and what its placeholders stand for."""

    message: str
    places: dict[str, _Place] = field(default_factory=dict)

    def extras(self) -> list[str]:
        """Messages of its own for link titles and image alt texts."""
        found = []
        for place in self.places.values():
            if isinstance(place, _Image) and has_words(escape_text(place.alt)):
                found.append(escape_text(place.alt))
            if isinstance(place, _Link | _Image) and place.title and has_words(escape_text(place.title)):
                found.append(escape_text(place.title))
        return found

    def notes(self) -> tuple[str, ...]:
        notes = []
        for name, place in self.places.items():
            if isinstance(place, _Link):
                notes.append(f"{open_tag(name)} links to {place.href}")
            elif isinstance(place, _Image):
                notes.append(f"{void_tag(name)} is the image {place.src}")
            elif isinstance(place, _Code):
                notes.append(f"{void_tag(name)} is the code {place.content}")
            else:
                notes.append(f"{void_tag(name)} is {' '.join(place.text.split())}")
        return tuple(notes)


def _encode(children: Sequence[Token]) -> _Inline:
    out: list[str] = []
    places: dict[str, _Place] = {}
    counts: Counter[str] = Counter()
    links: list[str] = []

    def name(kind: str) -> str:
        counts[kind] += 1
        return f"{kind}{counts[kind]}"

    prose: list[str] = []

    def flush() -> None:
        # Escaped as one run: "<foo" and "bar>" on two lines make a tag once joined.
        if prose:
            out.append(escape_text("".join(prose)))
            prose.clear()

    index = 0
    while index < len(children):
        token = children[index]
        kind = token.type
        if kind in ("text", "text_special"):
            prose.append(token.content)
            index += 1
            continue
        if kind == "softbreak":
            prose.append(" ")
            index += 1
            continue
        flush()
        if kind == "hardbreak":
            out.append("<br>")
        elif kind == "code_inline":
            key = name("code")
            places[key] = _Code(token.content)
            out.append(void_tag(key))
        elif kind in ("em_open", "strong_open", "s_open"):
            out.append(open_tag(kind[:-5]))
        elif kind in ("em_close", "strong_close", "s_close"):
            out.append(close_tag(kind[:-6]))
        elif kind == "link_open" and token.markup == "autolink":
            end = index + 1
            while children[end].type != "link_close":
                end += 1
            key = name("a")
            places[key] = _Raw("<" + "".join(t.content for t in children[index + 1 : end]) + ">")
            out.append(void_tag(key))
            index = end
        elif kind == "link_open":
            key = name("a")
            title = token.attrs.get("title")
            places[key] = _Link(str(token.attrs.get("href", "")), str(title) if title is not None else None)
            links.append(key)
            out.append(open_tag(key))
        elif kind == "link_close":
            out.append(close_tag(links.pop()))
        elif kind == "image":
            key = name("img")
            title = token.attrs.get("title")
            alt = _as_text(token.children or [])
            places[key] = _Image(str(token.attrs.get("src", "")), alt, str(title) if title is not None else None)
            out.append(void_tag(key))
        elif kind == "html_inline":
            key = name("html")
            places[key] = _Raw(token.content)
            out.append(void_tag(key))
        else:  # a token of a plugin this parser does not enable: keep its text
            out.append(escape_text(token.content))
        index += 1
    flush()
    return _Inline("".join(out), places)


def _as_text(tokens: Sequence[Token]) -> str:
    """An image's alt text as markdown-it renders it: the text of its tokens."""
    parts = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "image":
            parts.append(_as_text(token.children or []))
    return "".join(parts)


# --------------------------------------------------------------------------
# Writing Markdown back.


def _escape(text: str, heading: bool) -> str:
    """Prose as Markdown that renders as exactly this text: syntax characters escaped, a
    line break (a ``&#10;`` of the source, or typed by a translator) as a reference, so
    that it can neither end the block nor start another."""
    out = []
    last = len(text) - 1
    for index, char in enumerate(text):
        if char in "\\`*_[]<~" or (heading and char == "#") or (char == "!" and index == last):
            out.append("\\" + char)
        elif char == "&" and ENTITY.match(text, index):
            out.append("\\&")
        elif char in "\r\n":
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def _fence(code: str) -> str:
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = code.startswith("`") or code.endswith("`") or (code[:1] == " " and code[-1:] == " " and code.strip(" "))
    space = " " if pad else ""
    return f"{fence}{space}{code}{space}{fence}"


def _destination(url: str) -> str:
    escaped = "".join("\\&" if c == "&" and ENTITY.match(url, i) else c for i, c in enumerate(url))
    if escaped and not re.search(r"[\s<>()\\]", escaped):
        return escaped
    return "<" + re.sub(r"([\\<>])", r"\\\1", escaped) + ">"


def _title(title: str | None) -> str:
    if title is None:
        return ""
    escaped = "".join(
        "\\" + c if c in '\\"' or (c == "&" and ENTITY.match(title, i)) else c for i, c in enumerate(title)
    )
    return f' "{escaped}"'


HARD_BREAK = "\x00"
"""Where a hard break starts a new line in a written block (the block adds the prefix)."""


class _Writer:
    """Writes a tree as Markdown inline text; a hard break is :data:`HARD_BREAK`."""

    def __init__(self, places: dict[str, _Place], attribute: Callable[[str], str], heading: bool) -> None:
        self.places = places
        self.attribute = attribute
        self.heading = heading

    def write(self, nodes: Tree) -> str:
        return HARD_BREAK.join(_line_start(part) for part in self._nodes(nodes, None).split(HARD_BREAK))

    def _nodes(self, nodes: Tree, outer: tuple[str, str] | None) -> str:
        """``outer``: the emphasis around (its name and delimiter) when these nodes touch
        its delimiters. An emphasis right inside another must not write a run that merges
        with the outer one into a different reading (``***`` is emphasis around strong):
        an emphasis inside one of its own kind, or inside strong, uses the other character."""
        written = []
        for position, node in enumerate(nodes):
            touching = outer if position in (0, len(nodes) - 1) else None
            written.append(self._node(node, touching))
        return "".join(written)

    def _node(self, node: Element | str, outer: tuple[str, str] | None) -> str:
        if isinstance(node, str):
            return _escape(node, self.heading)
        if node.name in _EMPHASIS:
            star, other = _EMPHASIS[node.name]
            delimiter = star
            if outer is not None and node.name != "s" and (outer[0] == node.name or outer[0] == "strong"):
                delimiter = other if outer[1][0] == star[0] else star
            inner = self._nodes(node.children, (node.name, delimiter))
            core = inner.strip(" ")
            if not core:
                return inner
            lead = inner[: len(inner) - len(inner.lstrip(" "))]
            trail = inner[len(inner.rstrip(" ")) :]
            return f"{lead}{delimiter}{core}{delimiter}{trail}"
        if node.name == "br":
            return "\\" + HARD_BREAK
        place = self.places[node.name]
        if isinstance(place, _Link):
            title = self.attribute(escape_text(place.title)) if place.title else place.title
            return f"[{self._nodes(node.children, None)}]({_destination(place.href)}{_title(title)})"
        if isinstance(place, _Image):
            alt = self.attribute(escape_text(place.alt)) if place.alt else ""
            title = self.attribute(escape_text(place.title)) if place.title else place.title
            return f"![{_escape(alt, self.heading)}]({_destination(place.src)}{_title(title)})"
        if isinstance(place, _Code):
            return _fence(place.content)
        return place.text


def _line_start(line: str) -> str:
    """Keep a translation from starting a heading, list, quote or rule where it starts a
    line, and keep white space at its ends (a no-break space, a tab of the source) that the
    parser would trim: such a character is written as a reference."""
    line = line.strip(" ")
    match = _LINE_START_SPECIAL.match(line)
    if match:
        end = match.end()
        line = line[: end - 1] + "\\" + line[end - 1 :]
    if line[:1].isspace():
        line = f"&#{ord(line[0])};" + line[1:]
    if len(line) > 1 and line[-1].isspace():
        line = line[:-1] + f"&#{ord(line[-1])};"
    return line


# --------------------------------------------------------------------------
# The page.


@dataclass
class _Block:
    """Lines ``first`` to ``end`` (exclusive, 0-based) of the page, and how to write them."""

    first: int
    end: int
    write: Callable[[Translate], list[str]]


class MarkdownPage:
    """A Markdown page: its segments and its rebuild (see :class:`~.model.Page`)."""

    format = "markdown"

    def __init__(self, path: Path, shown: str, text: str, fields: Sequence[str] = ("title", "description")) -> None:
        self.path = path
        self.shown = shown
        self.source = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.text = text.replace("\r\n", "\n")
        self.lines = self.text.split("\n")
        self.fields = tuple(fields)
        self.segments: list[Segment] = []
        self.blocks: list[_Block] = []
        self.title = path.stem
        self._parse()

    # -- extraction ---------------------------------------------------------

    def _parse(self) -> None:
        tokens = parser().parse(self.text)
        headings: list[tuple[int, str]] = []
        skipping = False
        title_from_heading = True
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "front_matter":
                if self._front_matter(token):
                    title_from_heading = False
                index += 1
                continue
            if skipping and token.nesting < 0:
                skipping = False  # the marker was the last block of its container
            elif skipping and token.type != "inline":
                skipping = False
                index = self._close_of(tokens, index) + 1
                continue
            if token.type == "html_block" and SKIP.search(token.content):
                skipping = True
            elif token.type == "heading_open":
                inline = tokens[index + 1]
                level = int(token.tag[1:])
                text = plain(parse(_encode(inline.children or []).message)).strip()
                section = tuple(h for lvl, h in headings if lvl < level)
                self._heading(token, inline, section)
                headings = [(lvl, h) for lvl, h in headings if lvl < level] + [(level, text)]
                if level == 1 and title_from_heading and text:
                    self.title = text
                    title_from_heading = False
            elif token.type == "paragraph_open":
                self._paragraph(tokens[index + 1], tuple(h for _, h in headings))
            elif token.type == "tr_open":
                assert token.map is not None
                end = self._close_of(tokens, index)
                cells = [t for t in tokens[index:end] if t.type == "inline"]
                self._row(token.map[0], cells, tuple(h for _, h in headings), first=self._first_row(tokens, index))
                index = end
            index += 1

    @staticmethod
    def _close_of(tokens: list[Token], index: int) -> int:
        token = tokens[index]
        if token.nesting == 0:
            return index
        depth = 0
        for position in range(index, len(tokens)):
            depth += tokens[position].nesting
            if depth == 0:
                return position
        return len(tokens) - 1

    @staticmethod
    def _first_row(tokens: list[Token], index: int) -> bool:
        return index >= 2 and tokens[index - 1].type == "thead_open"

    def _add(self, inline: _Inline, line: int, section: tuple[str, ...]) -> None:
        if has_words(inline.message):
            self.segments.append(Segment(inline.message, line + 1, section, inline.notes()))
        for extra in inline.extras():
            self.segments.append(Segment(extra, line + 1, section))

    def _prefixes(self, first: int, content: str) -> list[str] | None:
        """The container prefix of each line of a block whose inline content is
        ``content`` (markdown-it strips prefixes and indentation from each line)."""
        prefixes = []
        for offset, piece in enumerate(content.split("\n")):
            line = self.lines[first + offset].rstrip(" \t")
            piece = piece.strip(" \t")
            if not line.endswith(piece):
                return None
            prefixes.append(line[: len(line) - len(piece)])
        return prefixes

    def _unplaceable(self, line: int) -> ContentError:
        """A block whose text transkit cannot find in its lines: refused rather than left
        out, which would publish it untranslated in every language without a word."""
        return ContentError(
            "cannot find this block's text in its lines to put a translation back "
            "(tabs inside it?); write it without tabs, or mark it <!-- transkit: skip -->",
            self.shown,
            line + 1,
        )

    def _paragraph(self, inline: Token, section: tuple[str, ...]) -> None:
        assert inline.map is not None
        first = inline.map[0]
        prefixes = self._prefixes(first, inline.content)
        if prefixes is None:
            raise self._unplaceable(first)
        encoded = _encode(inline.children or [])
        self._add(encoded, first, section)
        count = len(prefixes)
        self.blocks.append(_Block(first, first + count, self._lines_writer(encoded, prefixes, heading=False)))

    def _lines_writer(self, encoded: _Inline, prefixes: list[str], heading: bool) -> Callable[[Translate], list[str]]:
        def write(translate: Translate) -> list[str]:
            text = _Writer(encoded.places, _attribute(translate), heading).write(_tree(translate, encoded.message))
            parts = text.split(HARD_BREAK)
            return [prefixes[min(n, len(prefixes) - 1)] + part for n, part in enumerate(parts)]

        return write

    def _heading(self, token: Token, inline: Token, section: tuple[str, ...]) -> None:
        assert token.map is not None
        first = token.map[0]
        encoded = _encode(inline.children or [])
        if token.markup in ("=", "-"):  # setext: text lines, then the underline
            prefixes = self._prefixes(first, inline.content)
            if prefixes is None:
                raise self._unplaceable(first)
            self._add(encoded, first, section)
            writer = self._lines_writer(encoded, prefixes, heading=False)
            self.blocks.append(_Block(first, first + len(prefixes), writer))
            return
        line = self.lines[first]
        content = inline.content.strip(" \t")
        if not content:
            return  # an empty heading: nothing to translate
        start = line.find(content, line.find("#") + 1)
        if start < 0:
            raise self._unplaceable(first)
        before, after = line[:start], line[start + len(content) :]
        self._add(encoded, first, section)

        def write(translate: Translate) -> list[str]:
            text = _Writer(encoded.places, _attribute(translate), True).write(_tree(translate, encoded.message))
            return [before + text + after]

        self.blocks.append(_Block(first, first + 1, write))

    def _row(self, line: int, cells: list[Token], section: tuple[str, ...], first: bool) -> None:
        encoded = [_encode(cell.children or []) for cell in cells]
        if not any(has_words(e.message) or e.extras() for e in encoded):
            return
        for cell in encoded:
            self._add(cell, line, section)
        source = self.lines[line]
        match = (_CONTAINER_FIRST if first else _CONTAINER).match(source)
        prefix = match.group() if match else ""

        def write(translate: Translate) -> list[str]:
            texts = []
            for cell in encoded:
                text = _Writer(cell.places, _attribute(translate), False).write(_tree(translate, cell.message))
                texts.append(text.replace("|", "\\|"))
            return [prefix + "| " + " | ".join(texts) + " |"]

        self.blocks.append(_Block(line, line + 1, write))

    def _front_matter(self, token: Token) -> bool:
        """Segments for the configured fields; True when the front matter names a title."""
        import yaml

        try:
            data = yaml.safe_load(token.content) if token.content.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise ContentError(f"front matter is not valid YAML: {problem}", self.shown, line) from None
        if not isinstance(data, dict):
            raise ContentError("front matter must be a YAML mapping (key: value lines)", self.shown, 2)
        assert token.map is not None
        start, end = token.map[0] + 1, token.map[1] - 1  # between the --- lines
        titled = False
        for key in self.fields:
            value = data.get(key)
            if not isinstance(value, str) or not value.strip():
                continue
            at = next(
                (n for n in range(start, end) if re.match(rf"{re.escape(key)}\s*:", self.lines[n])),
                None,
            )
            if at is None:
                continue
            stop = at + 1
            while stop < end and (self.lines[stop][:1] in (" ", "\t") or not self.lines[stop].strip()):
                stop += 1
            message = escape_text(value.strip())
            if key == "title":
                self.title = value.strip()
                titled = True
            if has_words(message):
                self.segments.append(Segment(message, at + 1, (), (f"front matter field {key}",)))
                self.blocks.append(_Block(at, stop, self._field_writer(key, message)))
        return titled

    @staticmethod
    def _field_writer(key: str, message: str) -> Callable[[Translate], list[str]]:
        def write(translate: Translate) -> list[str]:
            return [f"{key}: {json.dumps(plain(translate(message)), ensure_ascii=False)}"]

        return write

    # -- rebuild ------------------------------------------------------------

    def build(self, translate: Translate, language: str, direction: str) -> str:
        """The page with every segment translated (Markdown has no place for the language
        itself: the site's layout sets ``lang`` and ``dir``)."""
        lines = list(self.lines)
        for block in sorted(self.blocks, key=lambda b: b.first, reverse=True):
            lines[block.first : block.end] = block.write(translate)
        return self.newline.join(lines)


def _tree(translate: Translate, message: str) -> Tree:
    return translate(message) if has_words(message) else parse(message)


def _attribute(translate: Translate) -> Callable[[str], str]:
    """A title or alt text, translated when it is a segment, as plain text."""

    def attribute(message: str) -> str:
        return plain(_tree(translate, message))

    return attribute
