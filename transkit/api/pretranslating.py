"""``transkit pretranslate`` as one library call: :func:`pretranslate_paths`.

Each catalog is first brought up to date with the template as ``update`` does (so that
messages missing from it are there to fill), then its untranslated messages are filled
from a translation memory of the same language (:mod:`transkit.maintenance.memory`).
Every suggestion is then checked, with the termbase, in the catalog as it would be
written; one with an error stays fuzzy with the findings in a comment. Writing is
``update``'s: under the folder lock, atomically, only the changed messages laid out
afresh. docs/translation-memory.md explains the decisions and how they compare with
``msgmerge --compendium``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from transkit.api.locating import PathLike, locate
from transkit.api.rewriting import locked_projects
from transkit.engine.config import run_options
from transkit.engine.runner import Options, run
from transkit.errors import ProjectError
from transkit.handoff.merge import as_checked
from transkit.i18n import L_
from transkit.maintenance.memory import Filled, Memory, Suggestion, fill, flag
from transkit.maintenance.merge import merge
from transkit.maintenance.update import render
from transkit.model.catalog import Catalog, Entry, MessageKey, Project
from transkit.model.findings import Finding, Severity
from transkit.po.headers import revision_date, set_header_field
from transkit.po.plural_forms import plural_count
from transkit.po.reader import read_catalog
from transkit.project.locate import find_catalog_files, path_language
from transkit.project.paths import display_path
from transkit.project.safewrite import write_all


@dataclass(frozen=True)
class PretranslatedCatalog:
    """What the memory lent one catalog."""

    catalog: str
    language: str
    suggestions: tuple[Suggestion, ...]
    memory: tuple[str, ...]
    """The memory files of this catalog's language."""
    changed: bool
    """Whether the catalog's file changes."""
    data: bytes = b""
    """The catalog's new bytes: what is written, or would be on a dry run."""

    def counts(self) -> dict[str, int]:
        """Messages filled as translated, filled as fuzzy, and of those flagged by the checks."""
        found = Counter("translated" if s.translated else "flagged" if s.flagged else "fuzzy" for s in self.suggestions)
        return {name: found[name] for name in ("translated", "fuzzy", "flagged")}


@dataclass(frozen=True)
class Pretranslated:
    """What :func:`pretranslate_paths` did, or would do (``written`` False on a dry run)."""

    catalogs: tuple[PretranslatedCatalog, ...]
    written: bool
    memory: tuple[str, ...]
    """Every memory file read."""


def pretranslate_paths(
    languages: Sequence[str] = (),
    sources: Sequence[PathLike] = (),
    *,
    paths: Sequence[PathLike] = (),
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    dry_run: bool = False,
    lock_timeout: float = 30,
    now: datetime | None = None,
) -> Pretranslated:
    """Fill the untranslated messages of the catalogs of ``languages`` (default: all)
    from the catalogs in ``sources`` (.po files, or folders of them): earlier releases,
    other domains, compendia.

    Exact matches (same msgctxt and msgid) are written as translated, near matches as
    fuzzy with their score and source difference in a comment, as ``msgmerge
    --compendium`` decides them; never from a catalog of another language (a memory
    file's language is its Language header, else its path). A suggestion with an error
    finding (a critical term wrong, a placeholder broken) is written fuzzy with the
    findings in a comment. Raises :class:`~transkit.errors.TranskitError` when a memory
    file cannot be read or says no language; then nothing is written.
    """
    if not sources:
        raise ProjectError("name the translation memory: --from a catalog, a folder of catalogs or a compendium")
    memory = _read_memory(sources)
    located = locate(paths, template=template, config=config)
    termbase = located.termbase(glossary)
    with locked_projects(located, languages, dry_run=dry_run, lock_timeout=lock_timeout) as (projects, reader):
        results: list[PretranslatedCatalog] = []
        for project in projects:  # each domain with its own template
            filled: dict[Path, Filled] = {}
            used: dict[Path, tuple[str, ...]] = {}
            merged_changed: set[Path] = set()
            for catalog in project.catalogs:
                own = [m for m in memory if _same(m, catalog)]
                used[catalog.path] = tuple(m.display_path for m in own)
                merged = merge(project.template, catalog)
                if merged.translations_changed:
                    merged_changed.add(catalog.path)
                filled[catalog.path] = fill(merged.entries, Memory(own), plural_count(catalog, guess=True))
            findings = _judge(project, filled, run_options(located.config, termbase=termbase))
            for catalog in project.catalogs:
                source = reader[catalog]
                entries, suggestions = _flagged(filled[catalog.path], findings.get(catalog.display_path, {}))
                header = source.header_msgstr
                created = project.template.header_field("POT-Creation-Date")
                if created:
                    header = set_header_field(header, "POT-Creation-Date", created)
                if suggestions or catalog.path in merged_changed:  # as update: only when translations changed
                    header = set_header_field(header, "PO-Revision-Date", revision_date(now))
                text, data = render(source, header, entries)
                results.append(
                    PretranslatedCatalog(
                        catalog.display_path, catalog.code, suggestions, used[catalog.path], text != source.text, data
                    )
                )
        result = Pretranslated(tuple(results), written=not dry_run, memory=tuple(m.display_path for m in memory))
        if dry_run:
            return result
        by_shown = {catalog.display_path: catalog.path for project in projects for catalog in project.catalogs}
        outputs = [(by_shown[done.catalog], done.data) for done in results if done.changed]
        write_all(outputs)
        return result


def _read_memory(sources: Sequence[PathLike]) -> list[Catalog]:
    """Every catalog of the memory, in the order given; each must say its language."""
    files: list[Path] = []
    for given in map(Path, sources):
        if given.is_dir():
            files += find_catalog_files(given)
        elif given.is_file():
            files.append(given)
        else:
            raise ProjectError(L_("no such file or folder (translation memory)"), display_path(given))
    catalogs = []
    for path in files:
        if path.suffix == ".pot":
            continue  # a template holds no translation
        catalog = read_catalog(path, display_path(path), path_language=path_language(path))
        if catalog.language is None:
            raise ProjectError(
                "cannot tell the language of this translation memory (no Language header, no language in "
                "its path); a memory never lends across languages",
                catalog.display_path,
            )
        catalogs.append(catalog)
    return catalogs


def _same(memory: Catalog, catalog: Catalog) -> bool:
    """Whether ``memory`` may lend to ``catalog``: the very same language, region and
    script (``pt`` and ``pt_BR``, ``ar`` and ``ar_DZ`` are different translations)."""
    return (
        memory.language is not None
        and catalog.language is not None
        and memory.path != catalog.path
        and memory.language.tag == catalog.language.tag
    )


def _judge(
    project: Project, filled: dict[Path, Filled], options: Options
) -> dict[str, dict[MessageKey, list[Finding]]]:
    """The findings of every suggestion, in the project as it would be written, each
    suggested message as if in use (the checks pass over fuzzy messages)."""
    catalogs = []
    for catalog in project.catalogs:
        done = filled[catalog.path]
        suggested = {s.key for s in done.suggestions}
        entries = tuple(as_checked(e) if e.key in suggested and not e.obsolete else e for e in done.entries)
        catalogs.append(dataclasses.replace(catalog, entries=entries))
    report = run(dataclasses.replace(project, catalogs=tuple(catalogs)), options)
    found: dict[str, dict[MessageKey, list[Finding]]] = {}
    for finding in report.findings:
        if finding.msgid is not None and finding.severity is Severity.ERROR:
            found.setdefault(finding.file, {}).setdefault((finding.msgctxt, finding.msgid), []).append(finding)
    return found


def _flagged(done: Filled, errors: dict[MessageKey, list[Finding]]) -> tuple[list[Entry], tuple[Suggestion, ...]]:
    """The entries to write: a suggestion with an error finding stays fuzzy, flagged."""
    entries = {entry.key: entry for entry in done.entries if not entry.obsolete}
    suggestions = []
    for suggestion in done.suggestions:
        found = errors.get(suggestion.key)
        if found:
            problems = [f"{f.code} {f.message}" for f in found]
            entries[suggestion.key], suggestion = flag(entries[suggestion.key], suggestion, problems)
        suggestions.append(suggestion)
    written = [entry if entry.obsolete else entries[entry.key] for entry in done.entries]
    return written, tuple(suggestions)
