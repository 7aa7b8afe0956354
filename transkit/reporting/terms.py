"""The critical-terms matrix of ``transkit terms`` as text or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from transkit.i18n import N_, _, translate
from transkit.reporting.json_report import FORMAT_VERSION, dump

if TYPE_CHECKING:
    from transkit.terms.matrix import TermsMatrix

# By the name of each :class:`transkit.terms.verify.Status`: this module is imported by
# every command of its CLI module (for --format's choices), the term verification with its
# phone-number and fuzzy-matching libraries only by `transkit terms`.
LABELS = {
    "OK": N_("ok"),
    "VARIANT": N_("variant"),
    "MISSING": N_("MISSING"),
    "WRONG": N_("WRONG"),
    "NOT_USED": "-",
}
"""What a cell shows, in the user's language on the screen."""


def render_text(matrix: TermsMatrix, stream: TextIO) -> None:
    """Languages down, terms across: 23 languages fit a terminal's height better than its width."""
    width = max((len(code) for code in matrix.languages), default=4)
    labels = {status: _(label) for status, label in LABELS.items()}
    room = max(7, *(len(label) for label in labels.values()))
    columns = [max(len(term_id), room) for term_id in matrix.term_ids]
    header = "  ".join([" " * width, *(t.ljust(w) for t, w in zip(matrix.term_ids, columns))])
    stream.write(header.rstrip() + "\n")
    problems: list[str] = []
    for code in matrix.languages:
        cells = []
        for term_id, column in zip(matrix.term_ids, columns):
            cell = matrix.cell(term_id, code)
            cells.append(labels[cell.status.name].ljust(column))
            problems.extend(f"  {code}: {translate(p)}" for p in cell.problems)
        stream.write("  ".join([code.ljust(width), *cells]).rstrip() + "\n")
    if problems:
        stream.write("\n" + "\n".join(problems) + "\n")


def render_json(matrix: TermsMatrix, stream: TextIO) -> None:
    cells = []
    for term_id in matrix.term_ids:
        for code in matrix.languages:
            cell = matrix.cell(term_id, code)
            cells.append(
                {
                    "term": term_id,
                    "language": code,
                    "status": cell.status.name.lower().replace("_", " "),
                    "messages": cell.messages,
                    "found": cell.found,
                    "problems": cell.problems,
                }
            )
    dump(
        {
            "version": FORMAT_VERSION,
            "terms": list(matrix.term_ids),
            "languages": list(matrix.languages),
            "cells": cells,
        },
        stream,
    )


FORMATS = {"text": render_text, "json": render_json}
