"""Reading hand-edited TOML files with errors that point at a line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from transkit.errors import TranskitError
from transkit.project.paths import display_path


def read_toml(path: Path, error: type[TranskitError]) -> tuple[dict[str, Any], str]:
    """The parsed table and the raw text of a TOML file; problems raise ``error``."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", shown) from None
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"cannot read file: {problem}", shown) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as problem:
        # Python 3.11's tomllib gives the position only inside the message.
        position = re.search(r"\(at line (\d+), column \d+\)", str(problem))
        line = int(position.group(1)) if position else None
        raise error(f"invalid TOML: {str(problem).split(' (at ')[0]}", shown, line) from None


def line_of(text: str, key: str, after: int = 0) -> int | None:
    """The first line (after line ``after``) that sets ``key`` or opens a table named so.

    tomllib reports no positions for valid TOML, so messages about a value find it back.
    """
    assignment = re.compile(rf'^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=')
    table = re.compile(rf"^\s*\[[^\]]*\.{re.escape(key)}\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if number > after and (assignment.match(line) or table.match(line)):
            return number
    return None


def line_of_text(text: str, needle: str) -> int | None:
    """The first line holding ``needle`` (an id's value, say)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None
