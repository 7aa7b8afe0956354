"""The ``transkit`` command line: thin click commands over the library.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or a
coverage gate missed), 2 usage error or unreadable input.
"""

from transkit.cli.common import main

__all__ = ["main"]
