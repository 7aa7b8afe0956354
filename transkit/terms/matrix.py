"""The critical-terms matrix: for each term and language, is it right everywhere?

Each cell aggregates every translated message whose source holds the term and shows
the worst outcome (wrong > missing > variant > ok); "not used" means no translated
message of that language has the term yet.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from transkit.model.catalog import Project
from transkit.terms.model import Termbase
from transkit.terms.verify import Status, verify


@dataclass
class Cell:
    status: Status = Status.NOT_USED
    messages: int = 0
    found: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, status: Status, found: str | None, problem: str) -> None:
        self.status = max(self.status, status)
        if found and found not in self.found:
            self.found.append(found)
        if problem and problem not in self.problems:
            self.problems.append(problem)


@dataclass(frozen=True)
class TermsMatrix:
    term_ids: tuple[str, ...]
    languages: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]

    def cell(self, term_id: str, language: str) -> Cell:
        return self.cells.get((term_id, language), Cell())


def build_matrix(project: Project, termbase: Termbase) -> TermsMatrix:
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)
    for catalog in project.catalogs:
        for entry in catalog.active_entries:
            if not entry.translated or not entry.msgid:
                continue
            seen: set[str] = set()
            for use in verify(entry.msgid, entry.msgid_plural, entry.msgstr, catalog.language, termbase):
                cell = cells[(use.term_id, catalog.code)]
                if use.term_id not in seen:
                    cell.messages += 1
                    seen.add(use.term_id)
                cell.add(use.status, use.found, use.message if use.problem else "")
    ids = [term.id for term in termbase.terms]
    extra = sorted({term_id for term_id, _ in cells} - set(ids))  # e.g. an added phone number
    return TermsMatrix(tuple(ids + extra), tuple(c.code for c in project.catalogs), dict(cells))
