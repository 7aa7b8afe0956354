"""``transkit export`` and ``transkit import`` as library calls: work packages out to
translators, their translations back in through the checks.

Export reads the project and writes one package per language. Import is the careful
half: every package is read and matched first (a bad package stops everything, nothing
written); every translation that would change a message is checked, with the termbase, in
the catalog as it would be after the import; only then, under the same folder lock as
``update``, are the catalogs rewritten, each atomically, with only the changed messages
laid out afresh. docs/handoff.md explains the decisions.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from transkit.api.domains import each_domain
from transkit.api.locating import PathLike, locate
from transkit.api.maintaining import _lock_order, _SourceReader
from transkit.engine.config import run_options
from transkit.engine.runner import Options, run
from transkit.errors import CatalogError, ProjectError
from transkit.handoff.build import ALL, NEEDS_WORK, build_package
from transkit.handoff.formats import EXTENSIONS, read_package, write_package
from transkit.handoff.merge import Outcome, Plan, UnitResult, as_checked, plan
from transkit.handoff.units import Package, PackageError
from transkit.model.catalog import Catalog, Entry, MessageKey, Project
from transkit.model.findings import FailOn, Finding, Severity
from transkit.model.languages import same_language
from transkit.po.headers import revision_date, set_header_field
from transkit.po.layout import format_catalog, layout
from transkit.po.reader import CatalogSource
from transkit.project.paths import display_path
from transkit.project.safewrite import (
    check_writable,
    folder_lock,
    make_folder,
    write_all,
    write_atomically,
)

FORMATS = tuple(EXTENSIONS)
"""The package formats: ``xliff`` (2.0), ``xliff1`` (1.2), ``xlsx``, ``csv``, ``po``."""
SELECTIONS = (NEEDS_WORK, ALL)


@dataclass(frozen=True)
class ExportedPackage:
    path: Path | None
    """None when nothing needed work: no package is written (an XLIFF file must hold a unit)."""
    language: str
    units: int
    domain: str | None = None
    """The template (gettext domain) the package is of: a project's pages and
    application strings go to translators as separate packages."""


@dataclass(frozen=True)
class Exported:
    """What :func:`export_packages` wrote."""

    packages: tuple[ExportedPackage, ...]


def export_packages(
    languages: Sequence[str],
    output: PathLike,
    *,
    format: str = "xliff",
    only: str = NEEDS_WORK,
    paths: Sequence[PathLike] = (),
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
) -> Exported:
    """Write one work package per language: by default only what needs work (missing,
    untranslated, fuzzy, or with an error finding), ``only="all"`` for every message.

    ``output`` is the package file when one language is exported to a name with the
    format's extension, else a folder that receives ``DOMAIN.LANG.EXT`` per language.
    """
    if format not in EXTENSIONS:
        raise ProjectError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    if only not in SELECTIONS:
        raise ProjectError(f"unknown selection {only!r}; one of {', '.join(SELECTIONS)}")
    if not languages:
        raise ProjectError("name the languages to export (fr, pt-BR, ...)")
    located = locate(paths, template=template, config=config)
    termbase = located.termbase(glossary)
    options = run_options(located.config, termbase=termbase)
    extension = EXTENSIONS[format]
    target = Path(output)
    # One package per language and domain: a project's pages and application strings go
    # to translators as separate files, each applied to its own catalog on import.
    done = each_domain(located.domains(), languages, lambda part: part.load(languages))
    catalogs = [catalog for _, project in done for catalog in project.catalogs]
    single = len(catalogs) == 1 and target.suffix.lower() == extension
    written: list[tuple[Path, bytes, ExportedPackage]] = []
    skipped: list[ExportedPackage] = []
    for _, project in done:
        if project.failures:
            raise project.failures[0].error(" (nothing written)")
        report = run(project, options)
        domain = project.template.path.stem
        for catalog in project.catalogs:
            package = build_package(project.template, catalog, report.findings, termbase, only=only)
            path = target if single else target / f"{domain}.{catalog.code}{extension}"
            rtl = catalog.language is not None and catalog.language.rtl
            data = write_package(package, format, rtl=rtl)
            if package.units:
                written.append((path, data, ExportedPackage(path, catalog.code, len(package.units), domain)))
            else:
                skipped.append(ExportedPackage(None, catalog.code, 0, domain))
    for path, _, _ in written:
        make_folder(path.parent)
    check_writable(path for path, _, _ in written)
    for path, data, _ in written:
        write_atomically(path, data)
    return Exported((*(info for _, _, info in written), *skipped))


@dataclass(frozen=True)
class LanguageImport:
    """One package applied to its catalog."""

    package: str
    language: str
    catalog: str
    results: tuple[UnitResult, ...]
    changed: bool
    """Whether the catalog's file changes (False when nothing applied)."""

    def counts(self) -> dict[str, int]:
        """Units applied, unchanged and refused: the summary a project manager reads."""
        found = Counter(result.outcome for result in self.results)
        return {outcome.value: found[outcome] for outcome in Outcome}

    @property
    def refused(self) -> tuple[UnitResult, ...]:
        return tuple(result for result in self.results if result.outcome is Outcome.REFUSED)


@dataclass(frozen=True)
class Imported:
    """What :func:`import_packages` did, or would do (``written`` False on a dry run)."""

    languages: tuple[LanguageImport, ...]
    written: bool
    empty: tuple[str, ...] = ()
    """Packages without a unit (nothing needed work when they were exported): a CSV file
    without rows cannot even say its language, and there is nothing to apply."""


def import_packages(
    files: Sequence[PathLike],
    *,
    paths: Sequence[PathLike] = (),
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
    gate: FailOn | str = FailOn.ERROR,
    dry_run: bool = False,
    lock_timeout: float = 30,
) -> Imported:
    """Merge translated packages back into their catalogs.

    Units are matched by domain, msgctxt and msgid; a stale unit (its source changed
    since the export) is refused and reported, as is every unit whose translation has a
    finding at or above ``gate`` (``"error"``, ``"warning"``, ``"never"``) in the catalog
    as it would be after the import. Fuzzy is cleared only for units marked final.
    Raises :class:`~transkit.errors.TranskitError` for a package that cannot be applied
    at all (not a package, wrong language or domain, a unit id that does not exist, a
    damaged spreadsheet): then nothing is written.
    """
    policy = FailOn(gate)
    if not files:
        raise ProjectError("name the packages to import")
    read = [read_package(Path(file), display_path(Path(file))) for file in files]
    packages = [package for package in read if package.units]
    empty = tuple(package.path for package in read if not package.units)
    located = locate(paths, template=template, config=config)
    termbase = located.termbase(glossary)
    with ExitStack() as stack:
        if not dry_run:
            for folder in _lock_order(located.catalog_folders):
                stack.enter_context(folder_lock(folder, lock_timeout))
        sources = _SourceReader()  # read under the lock, as update does
        parts = {part.domain: part for part in located.domains()}
        options = run_options(located.config, termbase=termbase)
        results: list[LanguageImport] = []
        outputs: list[tuple[Path, bytes]] = []
        for package in packages:
            if package.domain not in parts:
                known = ", ".join(repr(name) for name in parts)
                raise PackageError(
                    f"package for domain {package.domain or '(none)'!r}; this project's are {known}", package.path
                )
        for name, part in parts.items():
            mine = [package for package in packages if package.domain == name]
            if not mine:
                continue
            project = part.load(reader=sources)
            if project.failures:
                raise project.failures[0].error(" (nothing written)")
            done, changed = _apply(project, mine, sources, options, policy)
            results += done
            outputs += changed
        if not dry_run:
            write_all(outputs)
        return Imported(tuple(results), written=not dry_run, empty=empty)


def _apply(
    project: Project, packages: Sequence[Package], sources: _SourceReader, options: Options, policy: FailOn
) -> tuple[list[LanguageImport], list[tuple[Path, bytes]]]:
    """The packages of one domain applied to its catalogs: what each unit became, and the
    new bytes of each catalog that changes (written by the caller, all or none)."""
    matched = _match(packages, project)
    plans = {catalog.path: plan(package, project.template, catalog) for package, catalog in matched}
    findings = _judge(project, plans, options)
    results: list[LanguageImport] = []
    outputs: list[tuple[Path, bytes]] = []
    for package, catalog in matched:
        decided = [_gated(result, findings, catalog, policy) for result in plans[catalog.path].results]
        applied = {r.key: plans[catalog.path].entries[r.key] for r in decided if r.outcome is Outcome.APPLIED and r.key}
        data = _rewritten(sources[catalog], applied) if applied else None
        changed = data is not None and data != sources[catalog].text.encode(sources[catalog].charset, "surrogateescape")
        if changed and data is not None:
            outputs.append((catalog.path, data))
        results.append(LanguageImport(package.path, catalog.code, catalog.display_path, tuple(decided), changed))
    return results, outputs


def _match(packages: Sequence[Package], project: Project) -> list[tuple[Package, Catalog]]:
    """Each package with the catalog of its language; a package for another project or a
    language without a catalog is an error."""
    domain = project.template.path.stem
    matched: list[tuple[Package, Catalog]] = []
    for package in packages:
        if package.domain != domain:
            raise PackageError(
                f"package for domain {package.domain or '(none)'!r}; this project's is {domain!r}", package.path
            )
        catalog = next(
            (c for c in project.catalogs if package.language and same_language(c.code, package.language)), None
        )
        if catalog is None:
            raise PackageError(
                f"package for language {package.language or '(none)'!r}: no catalog of that language here", package.path
            )
        if any(other is catalog for _, other in matched):
            raise PackageError(
                f"a second package for {catalog.code}: import one package per language at a time", package.path
            )
        matched.append((package, catalog))
    return matched


def _judge(project: Project, plans: dict[Path, Plan], options: Options) -> dict[tuple[str, MessageKey], list[Finding]]:
    """The findings of every message a package would change, in the project as it would
    be after the import (each changed message as if in use)."""
    changed_catalogs = []
    for catalog in project.catalogs:
        found = plans.get(catalog.path)
        entries = found.entries if found is not None else None
        if entries:
            new = tuple(
                as_checked(entries[e.key]) if e.key in entries and not e.obsolete else e for e in catalog.entries
            )
            changed_catalogs.append(dataclasses.replace(catalog, entries=new))
        else:
            changed_catalogs.append(catalog)
    report = run(dataclasses.replace(project, catalogs=tuple(changed_catalogs)), options)
    by_message: dict[tuple[str, MessageKey], list[Finding]] = {}
    for finding in report.findings:
        if finding.msgid is not None:
            by_message.setdefault((finding.file, (finding.msgctxt, finding.msgid)), []).append(finding)
    return by_message


def _gated(
    result: UnitResult, findings: dict[tuple[str, MessageKey], list[Finding]], catalog: Catalog, policy: FailOn
) -> UnitResult:
    if result.outcome is not Outcome.APPLIED or result.key is None or policy is FailOn.NEVER:
        return result
    threshold = Severity.ERROR if policy is FailOn.ERROR else Severity.WARNING
    failing = [f for f in findings.get((catalog.display_path, result.key), []) if f.severity >= threshold]
    if not failing:
        return result
    reason = "; ".join(f"{f.code} {f.message}" for f in failing)
    return dataclasses.replace(result, outcome=Outcome.REFUSED, reason=reason)


def _rewritten(source: CatalogSource, applied: dict[MessageKey, Entry]) -> bytes:
    """The catalog's new bytes: applied messages laid out afresh, everything else as written."""
    written = layout(source)
    header = set_header_field(source.header_msgstr, "PO-Revision-Date", revision_date())
    entries = [applied.get(entry.key, entry) if not entry.obsolete else entry for entry in source.catalog.entries]
    text = format_catalog(written.header_comments, header, entries, original=source, original_layout=written)
    try:
        return text.encode(source.charset, "surrogateescape")
    except UnicodeEncodeError as error:
        raise CatalogError(
            f"the translation {text[error.start : error.end]!r} cannot be written in this catalog's charset "
            f"{source.charset}; convert the catalog to UTF-8 (msgconv -t UTF-8)",
            source.catalog.display_path,
        ) from None
