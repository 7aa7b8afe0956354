"""A cache of check results, so that a run over unchanged catalogs answers at once.

A translator runs ``transkit check`` on every save and CI on every push, mostly over
catalogs that did not change. A run's report depends only on the bytes of the template,
the catalogs and the termbase, the settings (selection, severities, thresholds, baseline,
languages), where it runs from (paths in findings are shown relative to it) and the code
that checks: transkit's own modules and the checks registered from plugins
(:func:`code_digest`). The key is a hash of all of these, so any change is a miss and
there is nothing to invalidate by hand: a check added, removed or edited, even without a
new version number, is never answered by a report of the old code.

The cache is a convenience, never a source of truth: an entry that cannot be read,
parsed or that does not have the expected shape is ignored (the run is done again), and
a cache folder that cannot be written is silently skipped. Entries are JSON, not pickle:
reading a cache file never runs code.

Two kinds of entries: the report of a run (``check-*.json``: nothing changed, the
answer comes at once) and each catalog's result (``catalog-*.json``: when one catalog
changed, only that one is read and checked again; the others' results, and the facts the
project checks need from them, come from the cache). A run's report names the entries of
its catalogs' results and holds only the other findings (:func:`store`), so that a run
where one catalog changed writes that catalog's entry and a small index, not every
finding again. A catalog's key is the hash of its
path and bytes, the template's bytes, the termbase's, the settings that change a
catalog's result, the working folder and the version.

A third kind, ``local-*.json``, one per catalog file and settings (its key is a catalog
entry's without the bytes), holds what the entry-local checks found on each message of the
catalog's last version checked (:class:`~transkit.engine.reuse.LocalFindings`): when the
catalog changed, its unchanged messages are not checked by those checks again
(:class:`~transkit.engine.runner.EntryCache`).

The folder is kept to :data:`MAX_ENTRIES` files: when a run stores more, the least
recently used go first.

Where: ``$TRANSKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/transkit``, else
``~/.cache/transkit``. ``transkit check --no-cache`` neither reads nor writes it.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import enum
import functools
import hashlib
import inspect
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from transkit import __version__
from transkit.engine.cache_rows import (
    MessageTable,
    finding_of_row,
    finding_row,
    findings_of,
    json_bytes,
    read_json,
    restored_messages,
)
from transkit.engine.registry import all_checks
from transkit.engine.reuse import ENTRY_DIGEST_SIZE, LocalFindings
from transkit.engine.runner import CatalogFacts, CatalogResult, Options
from transkit.engine.suppression import Marker
from transkit.model.catalog import CatalogFile
from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report
from transkit.project.safewrite import write_atomically

FORMAT = 6
"""Bumped whenever what a cache entry holds changes shape."""
MAX_ENTRIES = 5000
"""Cache files kept; a project of 500 catalogs fills a fifth of it per settings used (each
catalog's result and its messages' local findings)."""
PRUNED_TO = 0.9
"""The share of :data:`MAX_ENTRIES` a prune leaves."""


def cache_folder() -> Path:
    explicit = os.environ.get("TRANSKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transkit"


PACKAGE = Path(__file__).resolve().parents[1]
"""The folder of the ``transkit`` package whose code :func:`code_digest` covers."""


@functools.cache
def code_digest() -> str:
    """The hash of the code that produces a report: every file of the transkit package
    and of each module a registered check comes from (plugins), and the checks' own
    metadata. Worked out once per process (about 150 small files)."""
    digest = hashlib.sha256()
    files = {path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts}
    for info in all_checks():
        source = inspect.getsourcefile(info.function)
        if source is not None:
            files.add(Path(source).resolve())
        digest.update(
            json.dumps(
                [
                    info.code,
                    info.name,
                    info.scope.value,
                    info.severity.value,
                    info.applies.value,
                    None if info.needs is None else int(info.needs),
                    info.local,
                ]
            ).encode()
        )
    for path in sorted(files):
        digest.update(
            str(path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path).encode("utf-8", "surrogateescape")
            + b"\0"
        )
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def settings_key(options: Options, **more: Any) -> str:
    """The options of a run, and ``more`` settings, as canonical JSON: every field of
    :class:`Options` but the termbase (which enters a key by its files' bytes)."""
    fields = {
        field.name: _plain(getattr(options, field.name))
        for field in dataclasses.fields(options)
        if field.name != "termbase"
    }
    return json.dumps({**fields, **{name: _plain(value) for name, value in more.items()}}, sort_keys=True)


def _plain(value: Any) -> Any:
    """A settings value as JSON data; a type it does not know is refused, so that a new
    kind of option cannot silently stay out of the key."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return float(value)  # 90 and 90.0 are the same threshold
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, collections.Counter):
        return sorted([str(key), count] for key, count in value.items())
    if isinstance(value, Mapping):
        return sorted([str(key), _plain(item)] for key, item in value.items())
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    raise TypeError(f"cannot put a {type(value).__name__} into a cache key")


def run_key(files: Iterable[Path], settings: str, digests: dict[Path, str] | None = None) -> str:
    """The hash of everything a report depends on. ``digests``, when given, gets the hash
    of each file read (:meth:`CatalogCache.digest`): a run that misses need not read and
    hash its catalogs again (70 MB, 50 ms, for the real corpus)."""
    digest = hashlib.sha256()
    digest.update(f"transkit {__version__} cache {FORMAT}\0{code_digest()}\0{Path.cwd()}\0{settings}\0".encode())
    for path in files:
        digest.update(str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        content = _file_hash(path)
        if content is None:
            digest.update(b"unreadable")  # the run itself will report it
            continue
        digest.update(content.digest())
        if digests is not None:
            digests[path] = content.hexdigest()
    return digest.hexdigest()


def _file_hash(path: Path) -> Any:
    """The SHA-256 of the file's bytes (a ``hashlib`` object), or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes())
    except OSError:
        return None


class CatalogCache:
    """Each catalog's result, keyed by its bytes and by everything else it depends on
    (``files``: the template and termbase files; ``settings``: the options that change
    a catalog's result, as text). Implements :class:`transkit.engine.runner.ResultCache`.

    It remembers which entry holds each catalog's result of this run (:attr:`entries`),
    so that the run's report can be stored as an index of them (:func:`store`)."""

    def __init__(
        self,
        files: Iterable[Path],
        settings: str,
        folder: Path | None = None,
        digests: Mapping[Path, str] | None = None,
    ) -> None:
        self.folder = folder or cache_folder()
        self.prefix = run_key(files, settings)
        self.entries: dict[Path, tuple[str, CatalogResult]] = {}
        """By catalog file: the name of the entry that holds its result in this run, and the result."""
        self.digests = digests or {}
        """Hashes of files read for this run already (:func:`run_key`), by path."""

    def digest(self, path: Path) -> str | None:
        known = self.digests.get(path)
        if known is not None:
            return known
        content = _file_hash(path)
        return None if content is None else content.hexdigest()  # None: checked, and reported

    def _path(self, source: CatalogFile, digest: str) -> Path:
        key = hashlib.sha256(
            f"{self.prefix}\0{source.display_path}\0{source.path_language}\0{digest}".encode("utf-8", "surrogateescape")
        ).hexdigest()
        return self.folder / f"catalog-{key}.json"

    def has(self, source: CatalogFile, digest: str) -> bool:
        return self._path(source, digest).is_file()

    def get(self, source: CatalogFile, digest: str) -> CatalogResult | None:
        path = self._path(source, digest)
        try:
            data = read_json(path)
            if data.get("format") != FORMAT or data.get("digest") != digest:
                return None
            if data.get("display_path") != source.display_path:
                return None
            result = _result(data)
            os.utime(path)  # recently used: pruned last
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return None
        self.entries[source.path] = (path.name, result)
        return result

    def put(self, source: CatalogFile, result: CatalogResult, *, written: bool = False) -> None:
        if result.digest is None or result.failure is not None:
            return
        path = self._path(source, result.digest)
        if written:  # by a worker process: the entry is there unless writing it failed
            if path.is_file():
                self.entries[source.path] = (path.name, result)
            return
        with contextlib.suppress(Exception):  # the cache must never fail a run
            self.folder.mkdir(parents=True, exist_ok=True)
            data = _result_data(result)
            write_atomically(path, json_bytes(data, free=[data["facts"], data["messages"]]))
            self.entries[source.path] = (path.name, result)

    def _local_path(self, source: CatalogFile) -> Path:
        """Where the local findings of the catalog's last version are: by everything its
        key has but the catalog's bytes, so that the next version finds them."""
        key = hashlib.sha256(
            f"{self.prefix}\0local\0{source.display_path}\0{source.path_language}".encode("utf-8", "surrogateescape")
        ).hexdigest()
        return self.folder / f"local-{key}.json"

    def previous(self, source: CatalogFile) -> LocalFindings | None:
        """What the entry-local checks found on each message of the last version of this
        catalog checked with these settings (:class:`~transkit.engine.runner.EntryCache`),
        or None."""
        path = self._local_path(source)
        try:
            data = read_json(path)
            if data.get("format") != FORMAT or data.get("display_path") != source.display_path:
                return None
            clean, facts_of_clean = bytes.fromhex(data["clean"]), data["clean_facts"]
            if len(clean) != ENTRY_DIGEST_SIZE * len(facts_of_clean):
                return None
            keys = [clean[at : at + ENTRY_DIGEST_SIZE] for at in range(0, len(clean), ENTRY_DIGEST_SIZE)]
            entries: dict[bytes, tuple[int, tuple[Finding, ...]]] = {
                key: (int(facts), ()) for key, facts in zip(keys, facts_of_clean)
            }
            messages = restored_messages(data["messages"])
            for key, facts, rows in data["found"]:
                entries[bytes.fromhex(key)] = (int(facts), tuple(finding_of_row(row, messages) for row in rows))
            local = LocalFindings(str(data["header"]), tuple(str(code) for code in data["enabled"]), entries)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return None
        return local

    def keep(self, source: CatalogFile, local: LocalFindings) -> None:
        """Keep ``local`` as the catalog's last version's (one file per catalog, replaced)."""
        with contextlib.suppress(Exception):  # the cache must never fail a run
            messages = MessageTable()
            found: list[tuple[str, int, list[list]]] = [
                (key.hex(), facts, [finding_row(f, messages) for f in findings])
                for key, (facts, findings) in local.entries.items()
                if findings
            ]
            data = {
                "format": FORMAT,
                "display_path": source.display_path,
                "header": local.header,
                "enabled": list(local.enabled),
                # The messages without findings (most): their keys in one string, in the
                # order of their facts.
                "clean": b"".join(key for key, (_, found) in local.entries.items() if not found).hex(),
                "clean_facts": [facts for facts, found in local.entries.values() if not found],
                "found": found,
                "messages": messages.table,
            }
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self._local_path(source), json_bytes(data, free=messages.table))


def _marker_data(marker: Marker) -> dict:
    return {**marker.__dict__, "selectors": list(marker.selectors)}


def _marker(item: dict) -> Marker:
    return Marker(**{**item, "selectors": tuple(item["selectors"])})


def _result_data(result: CatalogResult) -> dict:
    assert result.coverage is not None and result.facts is not None
    messages = MessageTable()
    return {
        "format": FORMAT,
        "digest": result.digest,
        "display_path": result.display_path,
        "coverage": result.coverage.as_dict(),
        "enabled": list(result.enabled),
        "markers": [[key[0], key[1], [_marker_data(m) for m in found]] for key, found in result.markers.items()],
        "findings": [finding_row(finding, messages) for finding in result.findings],
        "messages": messages.table,
        "used": [_marker_data(m) for m in result.used],
        "facts": {"code": result.facts.code, "facts": dict(result.facts.facts)},
    }


def _result(data: dict) -> CatalogResult:
    shown = str(data["display_path"])
    facts = data["facts"]
    return CatalogResult(
        display_path=shown,
        coverage=Coverage(**data["coverage"]),
        enabled=tuple(str(code) for code in data["enabled"]),
        markers={(ctxt, msgid): tuple(_marker(m) for m in found) for ctxt, msgid, found in data["markers"]},
        findings=findings_of(data["findings"], data["messages"]),
        used=frozenset(_marker(m) for m in data["used"]),
        facts=CatalogFacts(shown, str(facts["code"]), dict(facts["facts"])),
        digest=str(data["digest"]),
    )


def prune(folder: Path | None = None, keep: int | None = None) -> None:
    """Remove the least recently used cache files once there are more than ``keep``
    (:data:`MAX_ENTRIES`), down to :data:`PRUNED_TO` of it. Below ``keep`` the folder is
    listed, nothing more: each run that misses adds a few files, and with a full cache,
    pruning to ``keep`` itself read the times of all 5,000 files on every such run (47 ms
    of a 1.2 s pre-commit run); pruned further, the next few hundred runs list only."""
    target = folder or cache_folder()
    keep = MAX_ENTRIES if keep is None else keep
    with contextlib.suppress(OSError), os.scandir(target) as listing:
        files = [item for item in listing if item.name.endswith(".json") and not item.name.startswith(".")]
        if len(files) <= keep:
            return
        entries = []
        for item in files:
            with contextlib.suppress(OSError):
                entries.append((item.stat().st_mtime, item.path))
        entries.sort()
        for _, path in entries[: max(len(entries) - int(keep * PRUNED_TO), 0)]:
            with contextlib.suppress(OSError):
                os.unlink(path)


def load(key: str, folder: Path | None = None, domain: str | None = None) -> Report | None:
    """The cached report for ``key``, or None (absent, unreadable or not trusted). Its
    findings name ``domain``: what the run would tag them with, done while they are built."""
    target = folder or cache_folder()
    try:
        data = read_json(target / f"check-{key}.json")
        if data.get("key") != key or data.get("format") != FORMAT:
            return None
        if "catalogs" in data:
            findings = _indexed_findings(target, data, domain)
        else:
            findings = findings_of(data["findings"], data["messages"], domain)
        return Report(
            template=None if data["template"] is None else str(data["template"]),
            findings=findings,
            coverage=tuple(Coverage(**item) for item in data["coverage"]),
            baselined=int(data["baselined"]),
            unreadable=int(data["unreadable"]),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None


def _indexed_findings(folder: Path, data: dict, domain: str | None) -> tuple[Finding, ...]:
    """The findings of a report stored as an index (:func:`store`): each catalog's, from
    its entry, in the run's order, then the others, sorted as the run sorted them."""
    findings: list[Finding] = []
    for name in data["catalogs"]:
        path = folder / str(name)
        if not (path.name.startswith("catalog-") and path.name.endswith(".json")):
            raise ValueError("not a catalog entry")
        entry = read_json(path)
        if entry.get("format") != FORMAT:
            raise ValueError("an entry of another format")
        findings.extend(findings_of(entry["findings"], entry["messages"], domain))
        os.utime(path)  # in use: pruned last
    findings.extend(findings_of(data["others"], data["messages"], domain))
    findings.sort(key=Finding.sort_key)
    return tuple(findings)


def store(
    key: str,
    report: Report,
    folder: Path | None = None,
    catalogs: CatalogCache | None = None,
    sources: Sequence[Path] = (),
) -> None:
    """Remember a report; a cache that cannot be written is no error.

    With ``catalogs``, the cache that gave or kept the catalogs' results of the run, and
    ``sources``, the run's catalog files in the order it checked them, the report is
    stored as an index: the names of those entries, in that order, and only the findings
    that are no catalog's (the project's checks', the unused markers'). When one catalog
    of a large project changed, that is a few kilobytes instead of the whole report again
    (45 MB, 0.6 s). Loading it puts the catalogs' findings and the others together in
    that order and sorts them as the run did (a stable sort by file, line and code). It is
    used only when that is provably the report (:func:`_index`)."""
    target = folder or cache_folder()
    data: dict[str, Any] = {
        "format": FORMAT,
        "key": key,
        "template": report.template,
        "coverage": [coverage.as_dict() for coverage in report.coverage],
        "baselined": report.baselined,
        "unreadable": report.unreadable,
    }
    indexed = _index(report, catalogs, sources) if catalogs is not None else None
    messages = MessageTable()
    if indexed is None:
        data["findings"] = [finding_row(finding, messages) for finding in report.findings]
    else:
        data["catalogs"], others = indexed
        data["others"] = [finding_row(finding, messages) for finding in others]
    data["messages"] = messages.table
    try:
        target.mkdir(parents=True, exist_ok=True)
        write_atomically(target / f"check-{key}.json", json_bytes(data, free=messages.table))
    except Exception:  # noqa: BLE001 - the cache must never fail a run
        return


def _index(report: Report, catalogs: CatalogCache, sources: Sequence[Path]) -> tuple[list[str], list[Finding]] | None:
    """The entries of the catalogs' results in the run's order, and the report's other
    findings in report order; None when the report cannot be told apart that way: a
    baseline dropped findings (it counts across the whole report), a catalog that was
    read has no entry (its findings would change places), or a catalog's finding is not
    in the report as the very object its result holds."""
    if report.baselined:
        return None
    held = [catalogs.entries[path] for path in sources if path in catalogs.entries]
    if len(held) != len(report.coverage):  # every catalog read has its result in an entry
        return None
    mine = {id(finding) for _, result in held for finding in result.findings}
    count = sum(len(result.findings) for _, result in held)
    others = [finding for finding in report.findings if id(finding) not in mine]
    # Each catalog finding in the report once: none dropped, none twice.
    kept = len(report.findings) - len(others)
    if len(mine) != count or kept != count or len({id(finding) for finding in report.findings}) != len(report.findings):
        return None
    return [name for name, _ in held], others
