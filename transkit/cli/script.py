"""The ``transkit`` program: the command line, then an exit that skips tearing down.

A run builds a few million objects (two parsed catalogs of 21,000 messages, the template,
100,000 findings); at a normal exit Python frees each and collects once more, 0.1 s of a
1.2 s pre-commit run spent after the report is out. Once the command has finished and its
output is flushed, nothing is left to do: the pool of worker processes was shut down
inside the command, every file it writes is closed (written atomically), and transkit
registers no exit handler. So the program ends with :func:`os._exit`. A Python user
calling :data:`transkit.cli.main` (or click's test runner) keeps the ordinary exit; only
the program on PATH and ``python -m transkit`` end this way.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from transkit.cli.common import main


def run() -> NoReturn:
    try:
        main(prog_name="transkit")
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    status = exit_status(code)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # a closed pipe (``transkit check | head``): output was cut short
        status = status or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


def exit_status(code: object) -> int:
    """The status Python's own exit gives for ``SystemExit(code)``: None is 0, an int is
    itself, anything else is printed to standard error and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1
