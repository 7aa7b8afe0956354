"""A cached ``transkit check`` never answers with what older code would have said.

The cache key holds a digest of transkit's code and of every registered check; a check
edited in place (no new version number: a developer's checkout, a patched install) must
be run again, not answered from the cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import transkit
from transkit.engine import cache

ROOT = Path(__file__).resolve().parents[2]
OLD = "obsolete message kept in the catalog"
NEW = "obsolete message still in the catalog"


def _check(package_parent: Path, project: Path, cache_dir: Path) -> tuple[set[str], bool]:
    env = {**os.environ, "PYTHONPATH": str(package_parent), "TRANSKIT_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "transkit", "check", "--format", "json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    messages = {finding["message"] for finding in json.loads(done.stdout)["findings"]}
    stored = any(cache_dir.glob("check-*.json"))
    return messages, stored


def test_an_edited_check_is_run_again_not_answered_from_the_cache(tmp_path: Path) -> None:
    package = Path(transkit.__file__).parent
    copy = tmp_path / "src"
    shutil.copytree(package, copy / "transkit", ignore=shutil.ignore_patterns("__pycache__"))
    project = tmp_path / "project"
    for folder in ("catalogs", "glossary"):
        shutil.copytree(ROOT / folder, project / folder)
    cache_dir = tmp_path / "cache"

    messages, stored = _check(copy, project, cache_dir)
    assert stored and any(OLD in message for message in messages)

    # The same code again is answered from the cache: the hit is real.
    entries = sorted(cache_dir.glob("check-*.json"))
    again, _ = _check(copy, project, cache_dir)
    assert again == messages and sorted(cache_dir.glob("check-*.json")) == entries

    edited = [path for path in (copy / "transkit" / "checks").rglob("*.py") if OLD in path.read_text(encoding="utf-8")]
    assert len(edited) == 1, "the message to edit is in one check module"
    edited[0].write_text(edited[0].read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

    messages, _ = _check(copy, project, cache_dir)
    assert any(NEW in message for message in messages)
    assert not any(OLD in message for message in messages)


def test_every_option_enters_the_key() -> None:
    """A new kind of option that the key cannot hold is refused, not left out."""
    base = transkit.Options()
    keys = {
        cache.settings_key(base),
        cache.settings_key(transkit.Options(min_coverage=90)),
        cache.settings_key(transkit.Options(selection=transkit.Selection(("T",)))),
        cache.settings_key(transkit.Options(severities={"T102": transkit.Severity.WARNING})),
        cache.settings_key(transkit.Options(language_min_coverage={"fr": 50})),
        cache.settings_key(base, languages=("fr",)),
    }
    assert len(keys) == 6
    assert cache.settings_key(transkit.Options(min_coverage=90)) == cache.settings_key(
        transkit.Options(min_coverage=90.0)
    )
