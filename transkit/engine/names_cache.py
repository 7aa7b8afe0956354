"""Language names kept between runs, beside the run cache.

A catalog's coverage shows its language's English and native names, which langcodes
takes from a table of some 100,000 names that costs 80 ms to load, the first time a
process names a language: 7% of a pre-commit run that checks one catalog. The names of a
tag depend on the installed langcodes and language_data alone, so they are kept in the
cache folder under a key of those files (their paths, sizes and modification times, as
Python's own byte-code cache trusts a source by), and told to
:func:`transkit.model.languages.remember_names` before a run. Like every cache entry, a
file that cannot be read or has another shape is ignored, and one that cannot be
written is no error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import langcodes
import orjson

from transkit.engine.cache import cache_folder
from transkit.model.languages import known_names, remember_names
from transkit.project.safewrite import write_atomically

FORMAT = 1


def names_path(folder: Path | None = None) -> Path:
    digest = hashlib.sha256(f"names {FORMAT}".encode())
    library = Path(langcodes.__file__).parent
    data = library.parent / "language_data"  # language_data is installed beside langcodes
    for path in (library / "__init__.py", data / "names.py", data / "name_data.py"):
        with contextlib.suppress(OSError):
            stat = os.stat(path)
            digest.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return (folder or cache_folder()) / f"names-{digest.hexdigest()}.json"


def recall_names(folder: Path | None = None) -> int:
    """Tell the model the names an earlier run kept; how many there were (0: none)."""
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        data = orjson.loads(names_path(folder).read_bytes())
        names = {str(tag): (str(english), str(native)) for tag, (english, native) in data["names"].items()}
        remember_names(names)
        return len(names)
    return 0


def keep_names(recalled: int, folder: Path | None = None) -> None:
    """Keep the names this process has, when it named more than ``recalled``."""
    names = known_names()
    if len(names) <= recalled:
        return
    with contextlib.suppress(Exception):  # the cache must never fail a run
        path = names_path(folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, orjson.dumps({"format": FORMAT, "names": names}))
