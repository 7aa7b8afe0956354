"""What the content pipeline knows of a page, whatever its format: its segments, and how
to write it again with each segment replaced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from transkit.content.messages import Element

Tree = list[Element | str]
Translate = Callable[[str], Tree]
"""Given a segment's message, the tree of what to write in its place: the translation,
already checked against the source's placeholders (see :func:`messages.validate`)."""


@dataclass(frozen=True)
class Segment:
    """One message of a page, where it is and what a translator needs to know about it."""

    message: str
    line: int
    """1-based line of the block the segment starts in (the ``#:`` reference)."""
    section: tuple[str, ...] = ()
    """The headings above the segment, outermost first."""
    notes: tuple[str, ...] = field(default=())
    """What the placeholders stand for (``<a1> links to tel:+3278055800``)."""


class Page(Protocol):
    """A page taken apart: its segments, in document order, and its rebuild."""

    path: Path
    shown: str
    """The path as references and errors show it (relative to the working folder)."""
    title: str
    source: str
    """The page's text as read."""
    segments: list[Segment]
    format: str
    """``markdown`` or ``html``."""

    def build(self, translate: Translate, language: str, direction: str) -> str:
        """The page in the same format with each segment's message replaced by
        ``translate(message)``; ``language`` and ``direction`` (``ltr``/``rtl``) go where the
        format has a place for them."""
        ...
