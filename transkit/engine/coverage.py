"""Coverage of catalogs given as files, each read in turn (in worker processes for a
large project), so that ``transkit stats`` never holds a large project in memory."""

from __future__ import annotations

from collections.abc import Sequence

from transkit.engine import collection
from transkit.engine.workers import PARALLEL_MIN_BYTES, map_numbers, total_size, worker_count
from transkit.errors import CatalogError
from transkit.model.catalog import Catalog, CatalogFailure, CatalogFile
from transkit.model.coverage import Coverage, compute, index, words_of
from transkit.po.reader import read_catalog


def coverage_of_files(
    template: Catalog, files: Sequence[CatalogFile], jobs: int | None = None
) -> tuple[list[Coverage], list[CatalogFailure]]:
    """Coverage of catalogs read one at a time, in several processes for a large project,
    so that the parsed catalogs are never all in memory at once; in the files' order."""
    template_index = index(template)
    template_words = words_of(template_index)

    def one(number: int) -> Coverage | CatalogFailure:
        source = files[number]
        try:
            catalog = read_catalog(
                source.path, source.display_path, path_language=source.path_language, template=template_index
            )
        except CatalogError as error:
            return CatalogFailure.of(error, source)
        found = compute(catalog, template, template_index, template_words)
        del catalog
        collection.collect()
        return found

    large = total_size(source.path for source in files) >= PARALLEL_MIN_BYTES
    results = list(map_numbers(one, list(range(len(files))), worker_count(large, jobs, len(files))))
    return (
        [r for r in results if isinstance(r, Coverage)],
        [r for r in results if isinstance(r, CatalogFailure)],
    )
