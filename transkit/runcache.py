"""A cache of check results, so that a run over unchanged catalogs answers at once.

A translator runs ``transkit check`` on every save and CI on every push, mostly over
catalogs that did not change. A run's report depends only on the bytes of the template,
the catalogs and the termbase, the settings (selection, severities, thresholds, baseline,
languages), where it runs from (paths in findings are shown relative to it) and
transkit's version; the key is a hash of all of these, so any change is a miss and there
is nothing to invalidate by hand.

The cache is a convenience, never a source of truth: an entry that cannot be read,
parsed or that does not have the expected shape is ignored (the run is done again), and
a cache folder that cannot be written is silently skipped. Entries are JSON, not pickle:
reading a cache file never runs code.

Where: ``$TRANSKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/transkit``, else
``~/.cache/transkit``. ``transkit check --no-cache`` neither reads nor writes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from transkit import __version__
from transkit.coverage import Coverage
from transkit.report import Finding, Report, Severity
from transkit.safewrite import write_atomically

FORMAT = 1
"""Bumped whenever what a cache entry holds changes shape."""


def cache_folder() -> Path:
    explicit = os.environ.get("TRANSKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transkit"


def run_key(files: Iterable[Path], settings: str) -> str:
    """The hash of everything a report depends on."""
    digest = hashlib.sha256()
    digest.update(f"transkit {__version__} cache {FORMAT}\0{Path.cwd()}\0{settings}\0".encode())
    for path in files:
        digest.update(str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")  # the run itself will report it
    return digest.hexdigest()


def load(key: str, folder: Path | None = None) -> Report | None:
    """The cached report for ``key``, or None (absent, unreadable or not trusted)."""
    path = (folder or cache_folder()) / f"check-{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key or data.get("format") != FORMAT:
            return None
        return Report(
            template=str(data["template"]),
            findings=tuple(_finding(item) for item in data["findings"]),
            coverage=tuple(Coverage(**item) for item in data["coverage"]),
            baselined=int(data["baselined"]),
            unreadable=int(data["unreadable"]),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _finding(item: dict) -> Finding:
    return Finding(**{**item, "severity": Severity(item["severity"])})


def store(key: str, report: Report, folder: Path | None = None) -> None:
    """Remember a report; a cache that cannot be written is no error."""
    target = folder or cache_folder()
    data = {
        "format": FORMAT,
        "key": key,
        "template": report.template,
        "findings": [
            {**finding.__dict__, "severity": finding.severity.value} for finding in report.findings
        ],
        "coverage": [coverage.as_dict() for coverage in report.coverage],
        "baselined": report.baselined,
        "unreadable": report.unreadable,
    }
    try:
        target.mkdir(parents=True, exist_ok=True)
        write_atomically(target / f"check-{key}.json", json.dumps(data, ensure_ascii=False))
    except Exception:  # noqa: BLE001 - the cache must never fail a run
        return
