"""How paths are shown to users: relative to the working directory, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (the working directory) when inside it, else as given.

    Findings and error messages use it so that output is the same on every machine and
    golden files stay stable.
    """
    base = (base or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except (ValueError, OSError):
        return Path(os.path.normpath(path)).as_posix()
