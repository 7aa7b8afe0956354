"""transkit's reader against polib on any catalogs you have, entry by entry.

Not part of the test run (tests/po/test_pocomments.py holds the project's own corpora to the
same); this is for large outside corpora: generated benchmark catalogs, Django's.

    python bench/reader_differential.py FOLDER...

Prints how many files and entries were compared and every file where the two readers
differ (none, so far).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit.errors import CatalogError  # noqa: E402
from transkit.po.reader import _parse, decode  # noqa: E402


def compare(path: Path) -> tuple[int, bool | None]:
    """(entries compared, same); same is None when polib cannot read the file at all."""
    try:
        text = decode(path.read_bytes(), str(path))
    except CatalogError:
        return 0, None
    results = []
    for use_polib in (False, True):
        try:
            catalog, _ = _parse(text, path, str(path), is_template=False, path_language=None, use_polib=use_polib)
            results.append(catalog.entries)
        except CatalogError as error:
            results.append(error.message)
    fast, slow = results
    if isinstance(slow, str) and "polib" in slow:
        return 0, None
    return (len(fast) if isinstance(fast, tuple) else 0), fast == slow


def main() -> None:
    files = entries = unreadable = 0
    differing = []
    for folder in sys.argv[1:]:
        for path in sorted(Path(folder).rglob("*.po*")):
            if path.suffix not in (".po", ".pot"):
                continue
            count, same = compare(path)
            files += 1
            entries += count
            if same is None:
                unreadable += 1
            elif not same:
                differing.append(path)
    print(
        f"{files} files, {entries} entries compared; {len(differing)} files differ; "
        f"{unreadable} files not comparable (undecodable, or polib cannot read them)"
    )
    for path in differing:
        print(f"  differs: {path}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
