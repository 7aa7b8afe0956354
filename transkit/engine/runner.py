"""Runs the registered checks over a project and gathers one sorted :class:`Report`.

The order of work: every check runs on every catalog with the selection that applies to
its language; suppression markers then drop the findings they name; the checks declared to run after
suppression (:attr:`CheckInfo.after_suppression`, N101) see the markers that dropped
nothing; a baseline, if given, keeps only new findings. The types checks are given live in
:mod:`transkit.engine.context`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from transkit.engine import baseline as baseline_mod
from transkit.engine import collection
from transkit.engine.context import CatalogContext, CatalogFacts, Options, ProjectFacts, source_options
from transkit.engine.plan import ALL_FACTS, Plan
from transkit.engine.registry import Applies, CheckInfo, Problem, Scope, all_checks, find, level_of
from transkit.engine.reuse import LocalFindings, entry_digest, header_digest
from transkit.engine.suppression import Marker, markers
from transkit.engine.workers import (
    PARALLEL_MIN_BYTES,
    PARALLEL_MIN_ENTRIES,
    give_back_memory,
    map_numbers,
    processes_for,
    total_size,
    worker_count,
)
from transkit.errors import CatalogError
from transkit.model.catalog import Catalog, CatalogFailure, CatalogFile, Entry, MessageKey, Project
from transkit.model.coverage import Coverage, compute, index, words_of
from transkit.model.findings import Finding, Report, finding_rows, findings_of_rows, share_values
from transkit.model.languages import forget_language_tables
from transkit.po.reader import decode, parse_catalog, read_bytes

KEPT_CACHE_SIZE = 256
"""Function caches holding more answers than this are emptied after each catalog."""
FORGET_EVERY = 4096
"""... and every this many entries of a catalog: their answers serve the checks of one
entry, which ask about the same texts in turn, not the entries that follow."""


@dataclass(frozen=True)
class CatalogResult:
    """One catalog's part of the report: small and plain, so that it travels back from a
    worker process and into the cache."""

    display_path: str
    failure: CatalogFailure | None = None
    coverage: Coverage | None = None
    enabled: tuple[str, ...] = ()
    """Codes of the checks that ran on this catalog."""
    markers: Mapping[MessageKey, tuple[Marker, ...]] = field(default_factory=dict)
    """Suppression markers of the catalog's messages (messages with none are left out)."""
    findings: tuple[Finding, ...] = ()
    """Findings of catalog and entry checks, suppression applied."""
    used: frozenset[Marker] = frozenset()
    facts: CatalogFacts | None = None
    digest: str | None = None
    """SHA-256 of the bytes that were checked (files only)."""
    local: LocalFindings | None = field(default=None, compare=False)
    """What the local checks found on each message, for a cache that keeps it
    (:class:`EntryCache`), until it is kept; None otherwise."""


class ResultCache(Protocol):
    """Where a run keeps catalogs' results between runs (see :mod:`transkit.engine.cache`)."""

    def digest(self, path: Path) -> str | None:
        """The hash of the file's bytes, the key of its result (None: it cannot be read)."""
        ...

    def has(self, source: CatalogFile, digest: str) -> bool:
        """Whether the cache holds an entry for this catalog's bytes (:meth:`get` may
        still find it unusable)."""
        ...

    def get(self, source: CatalogFile, digest: str) -> CatalogResult | None: ...

    def put(self, source: CatalogFile, result: CatalogResult, *, written: bool = False) -> None:
        """Keep ``result``; ``written``: the process that checked the catalog already
        stored it with this very call, and this one only learns that it is there."""
        ...


@runtime_checkable
class EntryCache(ResultCache, Protocol):
    """A :class:`ResultCache` that also keeps what the entry-local checks found on each
    message of a catalog's last version checked (its optional methods): when the
    catalog's bytes changed, the messages that did not are not checked by them again."""

    def previous(self, source: CatalogFile) -> LocalFindings | None:
        """The local findings kept for this catalog file (whatever its bytes were)."""
        ...

    def keep(self, source: CatalogFile, local: LocalFindings) -> None:
        """Keep ``local``, in place of what was kept for this catalog file."""
        ...


def run(
    project: Project,
    options: Options = Options(),
    progress: Callable[[str], None] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Check every catalog of the project and return the findings, sorted.

    ``progress`` is called with each catalog's display path once it is checked (the
    command line draws a progress bar). ``jobs`` is how many processes check catalogs at
    once (None: one per CPU, for a project big enough to gain from it); the report is the
    same whatever it is.
    """
    entries = sum(len(catalog.entries) for catalog in project.catalogs)
    return _run(
        project.root,
        project.template,
        list(project.catalogs),
        project.failures,
        options,
        progress=progress,
        workers=worker_count(entries >= PARALLEL_MIN_ENTRIES, jobs, len(project.catalogs)),
        filtered=project.filtered,
    )


def run_files(
    root: Path,
    template: Catalog,
    files: Sequence[CatalogFile],
    options: Options = Options(),
    *,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = 1,
    cache: ResultCache | None = None,
) -> Report:
    """Like :func:`run`, for catalogs given as files, each read where it is checked.

    Memory holds the template, the results and one parsed catalog per process, whatever
    the number of catalogs. With a ``cache``, a catalog whose bytes, template, termbase
    and options are unchanged is not read again: its result, and its facts for the
    project checks, come from the cache. Raises :class:`CatalogError` when no catalog at
    all can be read, as :func:`~transkit.project.locate.load_project` does.
    """
    size = total_size(source.path for source in files)
    return _run(
        root,
        template,
        list(files),
        (),
        options,
        progress=progress,
        workers=worker_count(size >= PARALLEL_MIN_BYTES, jobs, len(files)),
        cache=cache,
    )


def _run(
    root: Path,
    template: Catalog,
    sources: list[Catalog | CatalogFile],
    failures: tuple[CatalogFailure, ...],
    options: Options,
    *,
    progress: Callable[[str], None] | None,
    workers: int,
    filtered: bool = False,
    cache: ResultCache | None = None,
) -> Report:
    options.selection.validate()
    for extra in options.language_selection.values():
        extra.validate()
    options = source_options(template, options)
    checks = all_checks()
    template_markers = _markers(template, template=True)
    shared = _Shared(root, template, sources, options, checks, index(template), template_markers)
    collection.freeze()  # the template and its index, kept to the end: never walked by a collection
    results = _results(shared, workers, cache, progress)
    read = [r for r in results if r.failure is None]
    failures = (*failures, *(r.failure for r in results if r.failure is not None))
    if sources and not read:  # nothing left to check: the input itself is unusable
        raise failures[0].error()

    used: set[Marker] = set()
    catalog_markers = {r.display_path: r.markers for r in read}
    enabled_by_file = {r.display_path: r.enabled for r in read}
    findings: list[Finding] = []
    for result in read:
        findings.extend(result.findings)
        used.update(result.used)

    facts = ProjectFacts(template, tuple(r.facts for r in read if r.facts is not None), failures)
    for info in options.selection.apply(checks):
        if info.scope is Scope.PROJECT:
            for problem in info.function(facts, options):
                finding = _finding(info, problem, file=problem.file or "", language=problem.language, options=options)
                if finding.file in enabled_by_file and info.code not in enabled_by_file[finding.file]:
                    continue
                if not _suppressed(finding, catalog_markers.get(finding.file, {}), template_markers, used):
                    findings.append(finding)

    # The checks of unused markers, once every finding has met the markers.
    for info in checks:
        if not info.after_suppression:
            continue
        for result in read:
            enabled = [i for i in checks if i.code in result.enabled]
            if info in enabled:
                for problem in info.function(_unused(result.markers, used, enabled)):
                    findings.append(
                        _finding(info, problem, file=result.display_path, language=_language(result), options=options)
                    )
        # Template markers serve every language: judge them only when every language ran.
        if not filtered and options.selection.enabled(info):
            unused = _unused(template_markers, used, options.selection.apply(checks))
            for problem in info.function(unused):
                findings.append(_finding(info, problem, file=template.display_path, language=None, options=options))

    total = len(findings)
    if options.baseline is not None:
        findings = baseline_mod.new_findings(findings, options.baseline)
    findings.sort(key=Finding.sort_key)
    return Report(
        template=template.display_path,
        findings=tuple(findings),
        coverage=tuple(r.coverage for r in read if r.coverage is not None),
        baselined=total - len(findings),
        unreadable=len(failures),
    )


@dataclass(frozen=True)
class _Shared:
    """What every catalog's check needs: read by worker processes without pickling."""

    root: Path
    template: Catalog
    sources: list[Catalog | CatalogFile]
    options: Options
    checks: list[CheckInfo]
    template_index: Mapping[MessageKey, Entry]
    template_markers: Mapping[MessageKey, tuple[Marker, ...]]
    run_memo: dict = field(default_factory=dict)
    remember_sources: bool = True
    """See :attr:`CatalogContext.remember_sources`."""
    plan: Plan | None = None
    """The check plan (None when ``options.plan`` is off): it keeps the sources' facts for
    every catalog the process checks."""
    previous: Mapping[str, LocalFindings] = field(default_factory=dict)
    """By display path: the local findings of the catalog's earlier version, from the cache."""
    record: bool = False
    """Whether to gather each catalog's :class:`LocalFindings`."""
    keep: Callable[[CatalogFile, LocalFindings], None] | None = None
    """Where they go (:meth:`EntryCache.keep`): called by the process that checked the
    catalog, so that they need not travel back from a worker process."""
    put: Callable[[CatalogFile, CatalogResult], None] | None = None
    """Where each catalog's result goes (:meth:`ResultCache.put`), written by the process
    that checked it: in worker processes, side by side, while the parent waits (writing
    the results of the real corpus's 24 catalogs, 30 MB of JSON, took a second after the
    workers were done)."""


def _results(
    shared: _Shared,
    workers: int,
    cache: ResultCache | None,
    progress: Callable[[str], None] | None,
) -> list[CatalogResult]:
    """Every source's result, in source order: from the cache where it is still valid,
    else checked here or in worker processes.

    The catalogs to check are those the cache holds no entry for; they are checked while
    this process reads the entries of the others back (a worker process takes them even
    when there is one, where two may run: reading back the other 23 catalogs of the real
    corpus takes 0.25 s, checking the changed one 0.6 s). An entry that turns out unusable
    once read is checked afterwards."""
    results: list[CatalogResult | None] = [None] * len(shared.sources)
    pending: list[int] = []
    stored: list[tuple[int, CatalogFile, str]] = []
    entries = cache if isinstance(cache, EntryCache) else None
    previous: dict[str, LocalFindings] = {}

    def remember_previous(source: Catalog | CatalogFile) -> None:
        found = entries.previous(source) if entries is not None and isinstance(source, CatalogFile) else None
        if found is not None:
            previous[source.display_path] = found

    for number, source in enumerate(shared.sources):
        if cache is not None and isinstance(source, CatalogFile):
            digest = cache.digest(source.path)
            if digest is not None and cache.has(source, digest):
                stored.append((number, source, digest))
                continue
            remember_previous(source)
        pending.append(number)
    late: list[int] = []

    def read_stored() -> None:
        assert cache is not None
        for number, source, digest in stored:
            hit = cache.get(source, digest)
            if hit is None:
                late.append(number)
                continue
            results[number] = hit
            if progress is not None:
                progress(source.display_path)
        collection.freeze()  # the cached results: kept to the end, no garbage among them

    if entries is not None:
        shared = dataclasses.replace(shared, previous=previous, record=True, keep=entries.keep)
    if cache is not None:
        shared = dataclasses.replace(shared, put=cache.put)
    if len(pending) < 2:
        shared = dataclasses.replace(shared, remember_sources=False)
    if shared.options.plan:
        shared = dataclasses.replace(
            shared, plan=Plan(shared.options.termbase, remember_sources=shared.remember_sources)
        )
    _check_sources(shared, pending, workers, results, cache, progress, meanwhile=read_stored if stored else None)
    if late:
        for number in late:
            remember_previous(shared.sources[number])
        _check_sources(shared, late, workers, results, cache, progress)
    return [result for result in results if result is not None]


def _check_sources(
    shared: _Shared,
    numbers: list[int],
    workers: int,
    results: list[CatalogResult | None],
    cache: ResultCache | None,
    progress: Callable[[str], None] | None,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Check these sources into ``results``, here or in up to ``workers`` processes, while
    ``meanwhile`` runs here."""
    packed = processes_for(len(numbers), workers, beside=meanwhile is not None) > 0
    if packed:
        numbers = largest_first(shared.sources, numbers)
    task = _check_packed if packed else _check_source
    blobs: dict[int, bytes] = {}
    done_in_order = map_numbers(functools.partial(task, shared), numbers, workers, meanwhile=meanwhile)
    # strict: the generator is asked once more after the last number, so that it runs to
    # its end (and ``meanwhile`` runs even when there is no number to check).
    for number, done in zip(numbers, done_in_order, strict=True):
        result, blob = done if isinstance(done, tuple) else (done, None)
        results[number] = result
        if blob is not None:
            blobs[number] = blob
        if progress is not None:
            progress(result.display_path)
    # The worker processes are gone: their memory is free for the findings. Each result
    # is unpacked once, and the cache keeps that very result: the report, made of the same
    # finding objects, can then be stored as an index of the catalogs' entries.
    for number in numbers:
        result = results[number]
        assert result is not None
        if number in blobs:
            result = results[number] = _unpacked(result, blobs.pop(number))
        source = shared.sources[number]
        if cache is not None and isinstance(source, CatalogFile) and result.digest is not None:
            cache.put(source, result, written=True)


def largest_first(sources: Sequence[Catalog | CatalogFile], numbers: list[int]) -> list[int]:
    """``numbers`` in the order worker processes should take them: the largest catalog
    first, so that the last ones handed out are small and no worker waits long for the
    others at the end (the result is the same in any order: results go by number)."""

    def size(number: int) -> int:
        source = sources[number]
        if isinstance(source, Catalog):
            return len(source.entries)
        try:
            return source.path.stat().st_size
        except OSError:
            return 0  # checked like any other; it reports why it cannot be read

    return sorted(numbers, key=size, reverse=True)


def _check_packed(shared: _Shared, number: int) -> tuple[CatalogResult, bytes]:
    """:func:`_check_source` in a worker process, its findings pickled apart, and the
    tables of its language forgotten (:func:`forget_language_tables`).

    The parent keeps each catalog's findings as these bytes (about a fifth of the objects
    they become) until every worker is done: while two workers each hold a catalog, the
    findings of the catalogs already checked (120,000 on a large project, 120 MB as
    objects) would otherwise add up beside them.
    """
    result = _check_source(shared, number)
    forget_language_tables()
    blob = pickle.dumps(finding_rows(result.findings), protocol=pickle.HIGHEST_PROTOCOL)
    return dataclasses.replace(result, findings=()), blob


def _unpacked(result: CatalogResult, blob: bytes | None) -> CatalogResult:
    return result if blob is None else dataclasses.replace(result, findings=findings_of_rows(pickle.loads(blob)))


def _check_source(shared: _Shared, number: int) -> CatalogResult:
    source = shared.sources[number]
    if isinstance(source, Catalog):
        return _check_catalog(shared, source)
    code = source.path_language
    try:
        data = read_bytes(source.path, source.display_path)
        digest = hashlib.sha256(data).hexdigest()  # of the very bytes checked
        text = decode(data, source.display_path)
        del data  # a large catalog's bytes need not outlive its decoding
        catalog = parse_catalog(
            text, source.path, source.display_path, path_language=code, template=shared.template_index
        )
        del text
        collection.freeze()  # its entries, alive until it is checked and without cycles: not walked
    except CatalogError as error:
        # An unreadable file has no digest: it is read again next time, not cached.
        return CatalogResult(source.display_path, failure=CatalogFailure.of(error, source))
    result = _check_catalog(shared, catalog)
    if shared.keep is not None and result.local is not None:
        shared.keep(source, result.local)
    result = dataclasses.replace(result, digest=digest, local=None)
    if shared.put is not None:
        shared.put(source, result)
    forget_text_caches()
    collection.collect()
    give_back_memory()
    return result


def forget_text_caches() -> None:
    """Empty transkit's large function caches (``functools.lru_cache``) once a catalog is
    checked.

    The large ones are keyed by texts, mostly the translations of the catalog just
    checked, which the next catalog never asks about: kept, they held some 60 MB per
    worker of a large project's earlier catalogs. What is worth keeping from one language
    to the next, the analyses of the template's sources, lives with the termbase
    (``Termbase.derived``) and the run (``run_memo``), not in these caches; emptying them
    cost no measurable time. Small caches (loaded tables, languages, compiled patterns)
    are kept: they are what every catalog needs.
    """
    for value in _text_caches():
        if value.cache_info().currsize > KEPT_CACHE_SIZE:
            value.cache_clear()


_CACHES: list = []
_CACHES_OF: list[int] = [-1]
"""The function caches of transkit's modules, and how many modules were loaded when they
were found: sought again only when a module was imported since (a walk through every
module's names per catalog took longer than emptying the caches)."""


def _text_caches() -> list:
    loaded = len(sys.modules)
    if _CACHES_OF[0] != loaded:
        _CACHES[:] = [
            value
            for name, module in list(sys.modules.items())
            if name == "transkit" or name.startswith("transkit.")
            for value in list(vars(module).values())
            if callable(getattr(value, "cache_info", None)) and callable(getattr(value, "cache_clear", None))
        ]
        _CACHES_OF[0] = loaded
    return _CACHES


def _language(result: CatalogResult) -> str | None:
    return result.coverage.language if result.coverage is not None else None


def _check_catalog(shared: _Shared, catalog: Catalog) -> CatalogResult:
    """One catalog's result. With what the local checks found on an earlier version of it
    (:attr:`_Shared.previous`), they are not called again on the messages that version
    had, when its header data and enabled checks were these: the report is the same."""
    options = shared.options
    previous = shared.previous.get(catalog.display_path)
    words = shared.run_memo.get(words_of)  # the template's words: counted once per run and process
    if words is None:
        words = shared.run_memo[words_of] = words_of(shared.template_index)
    coverage = compute(catalog, shared.template, shared.template_index, words)
    view = Project(shared.root, shared.template, (catalog,))
    context = CatalogContext(
        view,
        catalog,
        shared.template_index,
        coverage,
        options,
        run_memo=shared.run_memo,
        remember_sources=shared.remember_sources,
    )
    enabled = options.selection_for(catalog).apply(shared.checks)
    catalog_markers = _markers(catalog, template=False)
    used: set[Marker] = set()
    codes = tuple(info.code for info in enabled)
    header = header_digest(catalog) if shared.record else ""
    reuse = None
    if previous is not None and previous.header == header and previous.enabled == codes:
        reuse = previous.entries
    record: dict[bytes, tuple[int, tuple[Finding, ...]]] | None = {} if shared.record else None
    raw = _catalog_findings(context, [i for i in enabled if not i.after_suppression], shared.plan, reuse, record)
    findings = _suppress(raw, catalog_markers, shared.template_markers, used)
    share_values(findings)
    facts = {
        info.code: info.facts(context)
        for info in options.selection.apply(shared.checks)
        if info.scope is Scope.PROJECT and info.facts is not None
    }
    return CatalogResult(
        display_path=catalog.display_path,
        coverage=coverage,
        enabled=tuple(info.code for info in enabled),
        markers=catalog_markers,
        findings=tuple(findings),
        used=frozenset(used),
        facts=CatalogFacts(catalog.display_path, catalog.code, facts),
        local=LocalFindings(header, codes, record) if record is not None else None,
    )


def _markers(catalog: Catalog, *, template: bool) -> dict[MessageKey, tuple[Marker, ...]]:
    """The suppression markers of the messages that have any."""
    found: dict[MessageKey, tuple[Marker, ...]] = {}
    for entry in catalog.entries:
        marked = markers(entry, catalog.display_path, template=template)
        if marked:
            found[entry.key] = marked
    return found


def _suppressed(
    finding: Finding,
    catalog_markers: Mapping[MessageKey, tuple[Marker, ...]],
    template_markers: Mapping[MessageKey, tuple[Marker, ...]],
    used: set[Marker],
) -> bool:
    """Whether a marker on the finding's message names its check; records the marker used."""
    if finding.msgid is None:
        return False
    key = (finding.msgctxt, finding.msgid)
    info = find(finding.code)
    for marker in (*catalog_markers.get(key, ()), *template_markers.get(key, ())):
        if info is not None and marker.matches(info):
            used.add(marker)
            return True
    return False


def _suppress(raw, catalog_markers, template_markers, used) -> list[Finding]:
    return [f for f in raw if not _suppressed(f, catalog_markers, template_markers, used)]


def _unused(
    found: Mapping[MessageKey, tuple[Marker, ...]], used: set[Marker], enabled: list[CheckInfo]
) -> list[Marker]:
    """Markers that suppressed nothing, among those this run can judge."""
    return [m for ms in found.values() for m in ms if m not in used and m.judged_by(enabled)]


def _catalog_findings(
    context: CatalogContext,
    checks: Iterable[CheckInfo],
    plan: Plan | None,
    reuse: Mapping[bytes, tuple[int, tuple[Finding, ...]]] | None = None,
    record: dict[bytes, tuple[int, tuple[Finding, ...]]] | None = None,
) -> Iterable[Finding]:
    """The raw findings of the catalog's entry checks, message by message in the order of
    the checks, then of its catalog checks.

    ``reuse``: what the local checks found on the messages of an earlier version
    (:attr:`LocalFindings.entries`); on a message it has, they are not called, and their
    findings come from it, moved to the message's line, in their place among the other
    checks' findings (and the message's facts too). ``record`` is filled the same way for
    this version.
    """
    catalog = context.catalog
    file, language = catalog.display_path, catalog.code
    options = context.options
    template_index = context.template_index
    checks = list(checks)
    entry_checks = [info for info in checks if info.scope is Scope.ENTRY]
    # The checks an entry gets depend on how many preconditions accept it (they nest:
    # level_of) and, with the plan, on its facts: worked out once per level and set of
    # facts, in the order of the preconditions, then of the checks; the key is a plain
    # int, hashed in C.
    by_level = [
        [i for applies in list(Applies)[:level] for i in entry_checks if i.applies is applies] for level in range(5)
    ]
    planned: dict[int, list[CheckInfo]] = {}
    keyed = reuse is not None or record is not None
    entry_facts = context.entry_facts
    entry_facts.clear()
    misplaced: set[bytes] = set()  # messages a local check placed elsewhere: never reused
    for number, entry in enumerate(catalog.entries, 1):
        if number % FORGET_EVERY == 0:
            forget_text_caches()
            collection.collect()
        key = entry_digest(entry) if keyed else b""
        known = reuse.get(key) if reuse is not None else None
        if known is not None:
            facts, kept = known
        else:
            facts, kept = plan.facts(entry, template_index) if plan is not None else ALL_FACTS, None
        entry_facts.append(facts)
        level = level_of(entry)
        called = planned.get(facts << 3 | level)
        if called is None:
            called = planned[facts << 3 | level] = [
                i for i in by_level[level] if i.needs is None or int(i.needs) & facts
            ]
        local: list[Finding] = []
        asked = None  # the last gate asked about this entry, and its answer
        for info in called:
            if kept is not None and info.local:
                for finding in kept:
                    if finding.code == info.code:
                        moved = finding if finding.line == entry.line else dataclasses.replace(finding, line=entry.line)
                        local.append(moved)
                        yield moved
                continue
            gate = info.gate
            if gate is not None and plan is not None:
                if gate is not asked:
                    asked, open_ = gate, gate(entry, context)
                if not open_:
                    continue  # the shared computation is empty: this check finds nothing
            for problem in info.function(entry, context):
                finding = _finding(info, problem, file=file, language=language, options=options, entry=entry)
                if info.local and record is not None:
                    local.append(finding)
                    if finding.file != file or finding.line != entry.line:
                        misplaced.add(key)
                yield finding
        if record is not None:
            record[key] = (facts, tuple(local))
    if record is not None:
        for key in misplaced:
            del record[key]
    # The catalog's checks come last: some total what the entries' checks found of each
    # message (T162), which then need not be kept whole. Findings are sorted afterwards.
    for info in checks:
        if info.scope is Scope.CATALOG:
            for problem in info.function(context):
                yield _finding(info, problem, file=file, language=language, options=options)


def _finding(
    info: CheckInfo,
    problem: Problem,
    *,
    file: str,
    language: str | None,
    options: Options,
    entry: Entry | None = None,
) -> Finding:
    line, msgctxt, msgid = problem.line, problem.msgctxt, problem.msgid
    if entry is not None:
        line = line if line is not None else entry.line
        msgctxt = msgctxt if msgctxt is not None else entry.msgctxt
        msgid = msgid if msgid is not None else entry.msgid
    severity = (
        options.severities.get(info.code) or options.severities.get(info.name) or problem.severity or info.severity
    )
    return Finding(
        file=problem.file or file,
        line=line,
        code=info.code,
        check=info.name,
        severity=severity,
        message=problem.message,
        language=problem.language or language,
        msgctxt=msgctxt,
        msgid=msgid,
        fix=problem.fix if info.fixes else None,
    )
