"""The template, parsed once per change of its bytes and kept between runs.

Every ``transkit check`` that checks a catalog reads the template first: 0.2–0.3 s for the
real corpus's template of 21,330 messages, a fifth of a pre-commit run on one changed
catalog once the catalog's unchanged messages are answered from the cache. The parse
depends on the template's bytes, where it is shown from and the reading code alone, so it
is kept in the run cache's folder (:func:`transkit.engine.cache.cache_folder`) under a hash
of those, as JSON (reading it never runs code), and read back in half the time. Like every
cache entry, one that cannot be read or does not have the expected shape is ignored and
the template parsed again; a folder that cannot be written is no error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import orjson

from transkit.engine.cache import cache_folder, code_digest
from transkit.model.catalog import Catalog, Entry
from transkit.po.reader import catalog_language, decode, new_entry, parse_catalog, read_bytes
from transkit.project.safewrite import write_atomically

FORMAT = 1
"""Bumped whenever what an entry of this cache holds changes shape."""
_ENTRY_FIELDS = tuple(field.name for field in dataclasses.fields(Entry))
_TUPLES = frozenset(index for index, name in enumerate(_ENTRY_FIELDS) if name in ("msgstr", "flags", "references"))


def read_template(path: Path, shown: str, folder: Path | None = None) -> Catalog:
    """The template at ``path`` (shown as ``shown``), as :func:`~transkit.po.reader.read_catalog`
    reads it, from the cache when its bytes were parsed before. Raises what reading raises."""
    data = read_bytes(path, shown)
    key = hashlib.sha256(
        f"template {FORMAT}\0{code_digest()}\0{path.resolve()}\0{shown}\0".encode("utf-8", "surrogateescape")
        + hashlib.sha256(data).digest()
    ).hexdigest()
    kept = (folder or cache_folder()) / f"template-{key}.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, IndexError):
        return _catalog(orjson.loads(kept.read_bytes()), path, shown)
    catalog = parse_catalog(decode(data, shown), path, shown, is_template=True)
    with contextlib.suppress(Exception):  # the cache must never fail a run
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, orjson.dumps(_data(catalog)))
    return catalog


def _data(catalog: Catalog) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "header": catalog.header,
        "header_line": catalog.header_line,
        "header_language": catalog.header_language,
        "header_position": catalog.header_position,
        "header_stray_lines": catalog.header_stray_lines,
        "entries": [[getattr(entry, name) for name in _ENTRY_FIELDS] for entry in catalog.entries],
    }


def _catalog(data: dict[str, Any], path: Path, shown: str) -> Catalog:
    if data["format"] != FORMAT:
        raise ValueError("another format")
    entries = []
    for row in data["entries"]:
        if len(row) != len(_ENTRY_FIELDS):
            raise ValueError("not an entry")
        for index in _TUPLES:
            row[index] = tuple(row[index])
        entries.append(new_entry(*row))
    header_language = data["header_language"]
    return Catalog(
        path=path,
        display_path=shown,
        header=tuple((str(name), str(value)) for name, value in data["header"]),
        header_line=int(data["header_line"]),
        entries=tuple(entries),
        language=catalog_language(header_language, None),
        header_language=header_language,
        path_language=None,
        is_template=True,
        header_position=int(data["header_position"]),
        header_stray_lines=tuple(data["header_stray_lines"]),
    )
