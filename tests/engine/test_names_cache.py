"""Language names kept between runs (transkit.engine.names_cache): a run keeps the names it
gave, the next run's catalogs are named from them without langcodes' table of names, and
a damaged file is ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import PROJECTS

from transkit.engine import names_cache
from transkit.model.languages import language

FLAT = str(PROJECTS / "flat")


def _check(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A run in a process of its own: names are remembered per process."""
    env = {**os.environ, "TRANSKIT_CACHE_DIR": str(cache), "LANGUAGE": "en"}
    return subprocess.run(
        [sys.executable, "-m", "transkit", "check", FLAT, "--format", "json", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _names(report: str) -> dict[str, str]:
    return {item["language"]: item["language_name"] for item in json.loads(report)["coverage"]}


def test_a_run_keeps_the_names_it_gave(tmp_path: Path):
    first = _check(tmp_path)
    kept = json.loads(names_cache.names_path(tmp_path).read_bytes())["names"]
    nl = language("nl")
    assert nl is not None and kept[nl.tag] == [nl.english_name, nl.native_name]
    assert _names(first.stdout)["nl"] == nl.english_name == "Dutch"


def test_the_next_run_names_languages_from_what_was_kept(tmp_path: Path):
    _check(tmp_path)
    path = names_cache.names_path(tmp_path)
    kept = json.loads(path.read_bytes())
    kept["names"]["nl"] = ["Dutch as kept", "Nederlands"]
    path.write_bytes(json.dumps(kept).encode())
    named = _check(tmp_path, "--select", "C101")  # other settings: the run itself is not cached
    assert _names(named.stdout)["nl"] == "Dutch as kept"
    assert _names(_check(tmp_path, "--no-cache").stdout)["nl"] == "Dutch"  # without the cache, langcodes names it


def test_a_damaged_names_file_is_ignored(tmp_path: Path):
    path = names_cache.names_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = (b"not json", b'{"names": {"nl": "Dutch"}}', b'{"names": []}')
    for damage, selected in zip(damaged, ("C101", "C102", "C103")):  # each run a miss of the report cache
        path.write_bytes(damage)
        ran = _check(tmp_path, "--select", selected)
        assert ran.returncode in (0, 1), ran.stderr
        assert _names(ran.stdout)["nl"] == "Dutch"


def test_recall_and_keep_round_trip(tmp_path: Path):
    assert names_cache.recall_names(tmp_path) == 0  # nothing kept yet
    assert language("fr") is not None
    names_cache.keep_names(0, tmp_path)
    assert names_cache.recall_names(tmp_path) >= 1
