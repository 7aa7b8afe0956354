"""What the commands that rewrite catalogs share: the project read under the folder lock,
and the new files written all or none.

``update`` and ``import`` do the same inline (they came first); ``pretranslate`` and
``check --fix`` use these, so that a third and a fourth copy of the locking rules do not
drift from the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from transkit.api.domains import each_domain
from transkit.api.locating import Located
from transkit.api.maintaining import _lock_order, _SourceReader
from transkit.model.catalog import Project
from transkit.project.safewrite import folder_lock


@contextmanager
def locked_projects(
    located: Located, languages: Sequence[str], *, dry_run: bool, lock_timeout: float
) -> Iterator[tuple[list[Project], _SourceReader]]:
    """The project, one per domain, and its catalogs' text, read while holding the lock
    on every catalog folder (none for a dry run, which writes nothing): another command
    may have just rewritten them. A catalog that does not parse stops everything."""
    with ExitStack() as stack:
        if not dry_run:
            for folder in _lock_order(located.catalog_folders):
                stack.enter_context(folder_lock(folder, lock_timeout))
        reader = _SourceReader()
        done = each_domain(located.domains(), languages, lambda part: part.load(languages, reader=reader))
        projects = [project for _, project in done]
        for project in projects:
            if project.failures:
                raise project.failures[0].error(" (nothing written)")
        yield projects, reader
