"""Recognising a catalog's unchanged messages in its next version.

When a catalog's bytes changed, what the entry-local checks
(:attr:`~transkit.engine.registry.CheckInfo.local`) found on the messages of its last
version is reused on the messages that did not change, wherever they moved: a message is
recognised by a hash of its content (:func:`entry_digest`), and the whole holds only for a
version with the same header data (:func:`header_digest`) and enabled checks. The run
cache keeps these between runs (:meth:`transkit.engine.cache.CatalogCache.previous`);
:mod:`transkit.engine.runner` reuses and records them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import pickle
from collections.abc import Mapping
from dataclasses import dataclass

from transkit.model.catalog import Catalog, Entry
from transkit.model.findings import Finding


@dataclass(frozen=True)
class LocalFindings:
    """What the entry-local checks (:attr:`~transkit.engine.registry.CheckInfo.local`) found on each
    message of one
    version of a catalog, before suppression: kept so that the next version's unchanged
    messages need not be checked by them again.

    It holds for another version only when that version's header data and enabled checks
    are these (:func:`header_digest`); a message is recognised by its content
    (:func:`entry_digest`), wherever it moved.
    """

    header: str
    """:func:`header_digest` of the catalog."""
    enabled: tuple[str, ...]
    """Codes of the checks that ran on the catalog."""
    entries: Mapping[bytes, tuple[int, tuple[Finding, ...]]]
    """By :func:`entry_digest` of a message: its facts (:meth:`~transkit.engine.plan.Plan.facts`, which depend on
    the message, the template and the termbase alone) and what the local checks found on
    it, in the order they found it, each at the message's line. A message some local check
    placed elsewhere (another file or line) is left out, and so checked again."""


ENTRY_DIGEST_SIZE = 16
"""Bytes of :func:`entry_digest`: 128 bits, no collision among any number of messages."""
_ENTRY_CONTENT = operator.attrgetter(*(f.name for f in dataclasses.fields(Entry) if f.name != "line"))
_HEADER_DATA = operator.attrgetter(*(f.name for f in dataclasses.fields(Catalog) if f.name != "entries"))


def entry_digest(entry: Entry) -> bytes:
    """A stable hash of everything a message is but its line: what recognises it in
    another version of its catalog. The fields are pickled, which gives them back, so
    that two messages with the same hash are the same (and ``hash()`` differs between
    processes); twice as fast as hashing their ``repr``, which mattered: every message of
    a run with the cache is hashed."""
    return hashlib.blake2b(pickle.dumps(_ENTRY_CONTENT(entry), protocol=5), digest_size=ENTRY_DIGEST_SIZE).digest()


def header_digest(catalog: Catalog) -> str:
    """A stable hash of the catalog's header data: every field but its entries (the file,
    the header, its line and position, the languages), what a local check may read."""
    return hashlib.sha256(repr(_HEADER_DATA(catalog)).encode("utf-8", "surrogatepass")).hexdigest()
