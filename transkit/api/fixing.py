"""``transkit check --fix`` and ``--diff`` as one library call: :func:`fix_paths`.

Only checks that declare a fix (``fixes=`` at registration) repair anything, and only
where they attach one to a problem: a helpline isolated in right-to-left text (T105),
respelled in the approved form (T103), another language's campaign domain replaced
(T122), the source's leading and trailing whitespace restored (S101, S102), a missing
Plural-Forms added from CLDR (H104). Suppression markers and the configuration's
selection are honoured: what ``check`` would not report, ``--fix`` does not touch.

Everything is worked out in memory first, pass after pass until no fix is left (each
fix computed on the text it rewrites), then written as ``update`` writes: under the
folder lock, atomically, only the fixed messages laid out afresh. So a second run finds
nothing to fix and writes nothing.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.api.locating import PathLike, locate
from transkit.api.rewriting import locked_projects
from transkit.engine.config import run_options
from transkit.engine.registry import all_checks
from transkit.engine.runner import run
from transkit.maintenance.fixes import FixState, apply_fixes
from transkit.maintenance.update import render
from transkit.model.findings import Finding
from transkit.project.safewrite import write_all

MAX_PASSES = 8
"""Fixes of one message wait for the next pass when they concern the same form; no
message has this many fixable problems on one form."""


@dataclass(frozen=True)
class FixedCatalog:
    """The fixes of one catalog."""

    catalog: str
    fixes: tuple[Finding, ...]
    """The findings whose fix was applied (line numbers as in the file before)."""
    diff: str
    """A unified diff of the file, empty when nothing changes."""

    @property
    def changed(self) -> bool:
        return bool(self.diff)


@dataclass(frozen=True)
class Fixed:
    """What :func:`fix_paths` did, or would do (``written`` False for ``--diff``)."""

    catalogs: tuple[FixedCatalog, ...]
    written: bool

    @property
    def fixes(self) -> tuple[Finding, ...]:
        return tuple(fix for catalog in self.catalogs for fix in catalog.fixes)

    @property
    def diff(self) -> str:
        return "".join(catalog.diff for catalog in self.catalogs)


def fix_paths(
    paths: Sequence[PathLike] = (),
    *,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    languages: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    dry_run: bool = False,
    lock_timeout: float = 30,
) -> Fixed:
    """Apply every safe fix the checks offer to the catalogs, and write those that change
    (none with ``dry_run``: then the diffs say what would change).

    ``select``/``ignore`` and the configuration choose the checks as for
    :func:`~transkit.api.check_paths`; of those, the ones that fix. Raises
    :class:`~transkit.errors.TranskitError` for input that cannot be checked; then
    nothing is written.
    """
    located = locate(paths, template=template, config=config)
    termbase = located.termbase(glossary)
    chosen = run_options(located.config, select=select, ignore=ignore, termbase=termbase)
    fixing = [info.code for info in chosen.selection.apply(all_checks()) if info.fixes]
    with locked_projects(located, languages, dry_run=dry_run, lock_timeout=lock_timeout) as (projects, reader):
        results: list[FixedCatalog] = []
        outputs: list[tuple[Path, bytes]] = []
        for project in projects:  # each domain with its own template
            states = {c.path: FixState(c, reader[c].header_msgstr) for c in project.catalogs}
            if fixing:
                options = run_options(located.config, select=fixing, termbase=termbase)
                pending = set(states)
                for _ in range(MAX_PASSES):
                    current = tuple(states[c.path].catalog for c in project.catalogs if c.path in pending)
                    if not current:
                        break
                    report = run(dataclasses.replace(project, catalogs=current), options)
                    by_file: dict[str, list[Finding]] = {}
                    for finding in report.findings:
                        if finding.fix is not None:
                            by_file.setdefault(finding.file, []).append(finding)
                    pending = set()
                    for catalog in current:
                        found = by_file.get(catalog.display_path)
                        if found:
                            before = states[catalog.path]
                            states[catalog.path] = apply_fixes(before, found)
                            if states[catalog.path] is not before:
                                pending.add(catalog.path)
            for catalog in project.catalogs:
                state, source = states[catalog.path], reader[catalog]
                if not state.applied:
                    results.append(FixedCatalog(catalog.display_path, (), ""))
                    continue
                text, data = render(source, state.header_msgstr, state.catalog.entries)
                shown = catalog.display_path
                diff = "".join(
                    difflib.unified_diff(
                        source.text.splitlines(keepends=True),
                        text.splitlines(keepends=True),
                        fromfile=f"a/{shown}",
                        tofile=f"b/{shown}",
                    )
                )
                results.append(FixedCatalog(shown, state.applied, diff))
                if diff:
                    outputs.append((catalog.path, data))
        if not dry_run:
            write_all(outputs)
        return Fixed(tuple(results), written=not dry_run)
