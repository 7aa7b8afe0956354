"""Finding pages and reading them: which files are content, in which format, and what
"does not parse" means for each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.content.html import HtmlPage
from transkit.content.markdown import MarkdownPage
from transkit.content.model import Page
from transkit.errors import ContentError
from transkit.i18n import L_
from transkit.project.paths import display_path

MARKDOWN = frozenset({".md", ".markdown"})
HTML = frozenset({".html", ".htm"})
SUFFIXES = MARKDOWN | HTML
DEFAULT_FIELDS = ("title", "description")
"""Front-matter fields that are segments unless the configuration names others."""


@dataclass(frozen=True)
class Source:
    """A page file and where it goes in a built site: ``relative`` to the folder given
    (the file name for a file given by itself)."""

    path: Path
    relative: Path


def find_sources(paths: Sequence[Path]) -> list[Source]:
    """The pages under ``paths`` (files, or folders searched recursively for ``.md``,
    ``.markdown``, ``.html``, ``.htm``), in a fixed order. A file named directly that is
    none of these, or a path that does not exist, is an error (nothing is written)."""
    found: dict[Path, Source] = {}
    for given in paths:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                if path.is_file() and path.suffix.lower() in SUFFIXES and not _hidden(path.relative_to(given)):
                    found.setdefault(path.resolve(), Source(path, path.relative_to(given)))
        elif given.is_file():
            if given.suffix.lower() not in SUFFIXES:
                raise ContentError(
                    f"unknown file type {given.suffix or '(no suffix)'!r}: pages are .md, .markdown, .html or .htm",
                    display_path(given),
                )
            found.setdefault(given.resolve(), Source(given, Path(given.name)))
        else:
            raise ContentError(L_("no such file or folder"), display_path(given))
    if not found:
        where = ", ".join(display_path(p) for p in paths) or "."
        raise ContentError("no pages (.md, .markdown, .html, .htm) found", where)
    sources = sorted(found.values(), key=lambda source: (source.relative.as_posix(), str(source.path)))
    for first, second in zip(sources, sources[1:]):
        if first.relative == second.relative:
            raise ContentError(
                f"would be built to the same place as {display_path(first.path)} ({first.relative.as_posix()}); "
                "give their folder instead",
                display_path(second.path),
            )
    return sources


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_page(path: Path, fields: Sequence[str] = DEFAULT_FIELDS) -> Page:
    """The page, taken apart; raises :class:`ContentError` with the line when it is not
    UTF-8 or does not parse (see :mod:`.markdown` and :mod:`.html`)."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(f"cannot read: {error.strerror or error}", shown) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(f"not UTF-8 (byte 0x{data[error.start]:02x})", shown, line) from None
    text = text.removeprefix("\ufeff")
    if path.suffix.lower() in MARKDOWN:
        return MarkdownPage(path, shown, text, fields)
    return HtmlPage(path, shown, text)
