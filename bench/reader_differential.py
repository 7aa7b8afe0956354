"""transkit's reader against msgcat and polib on any catalogs you have, entry by entry.

Not part of the test run (tests/po/test_pocomments.py holds the project's own corpora to the
same); this is for large outside corpora: generated benchmark catalogs, Django's.

    python bench/reader_differential.py FOLDER...

For each file: its comments as transkit reads them must equal those of msgcat's rewriting
of it (msgcat writes every comment in its canonical spelling, so this compares transkit's
reading with gettext's own); and on that rewriting, polib must read what transkit reads,
except where transkit follows msgcat on purpose (the mapping of
``tests/po/test_pocomments.py::as_polib_reads``, applied here too). Prints how many files
and entries were compared and every file where a reader differs.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit.errors import CatalogError  # noqa: E402
from transkit.model.catalog import Entry  # noqa: E402
from transkit.po.reader import _parse, decode  # noqa: E402

# Where polib is no reference: it breaks lines at these (str.splitlines) and keeps
# octal, hex and \a escapes of previous strings as text.
_POLIB_BLIND = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\\"


def read(text: str, path: Path, *, use_polib: bool = False) -> tuple[Entry, ...] | str:
    try:
        return _parse(text, path, str(path), is_template=False, path_language=None, use_polib=use_polib)[0].entries
    except CatalogError as error:
        return error.message


def comments(entry: Entry) -> tuple:
    """What msgcat writes back of the comments: the fuzzy and format flags as a set (no
    fuzzy on an untranslated entry), each reference once without './'."""
    words = {}  # the last word about each format language wins
    for flag in entry.flags:
        if flag == "fuzzy" or flag.endswith("-format"):
            flag = flag.removeprefix("possible-")
            words[flag.removeprefix("no-")] = flag
    flags = set(words.values())
    if not entry.msgstr or not entry.msgstr[0]:
        flags.discard("fuzzy")
    references = tuple(dict.fromkeys(reference.removeprefix("./") for reference in entry.references))
    return (frozenset(flags), entry.previous_msgid, entry.translator_comment, entry.extracted_comment, references)


def as_polib_reads(entry: Entry) -> Entry:
    """Empty leading comment lines, empty '#.' lines and obsolete entries' '#~|' strings:
    polib drops them, msgcat keeps them (tests/po/test_pocomments.py)."""
    changes: dict = {
        "translator_comment": entry.translator_comment.lstrip("\n"),
        "extracted_comment": "\n".join(line for line in entry.extracted_comment.split("\n") if line),
    }
    if entry.obsolete:
        changes.update(previous_msgctxt=None, previous_msgid=None, previous_msgid_plural=None)
    return dataclasses.replace(entry, **changes)


def compare(path: Path) -> tuple[int, str | None]:
    """(entries compared, what differs or None); (0, None) when not comparable."""
    try:
        data = path.read_bytes()
        ours = read(decode(data, str(path)), path)
    except CatalogError:
        return 0, None
    done = subprocess.run(["msgcat", "-"], input=data, capture_output=True)
    if isinstance(ours, str) or done.returncode:
        return 0, None
    try:
        rewritten = decode(done.stdout, str(path))
    except CatalogError:
        return 0, None
    theirs = read(rewritten, path)
    if isinstance(theirs, str):
        return 0, None
    by_key = {(entry.key, entry.obsolete): entry for entry in theirs}
    for entry in ours:
        other = by_key.get((entry.key, entry.obsolete))
        if other is not None and comments(entry) != comments(other):
            return len(ours), f"msgcat reads {entry.msgid[:40]!r} differently"
    if not any(char in rewritten for char in _POLIB_BLIND):
        polib = read(rewritten, path, use_polib=True)
        if isinstance(polib, tuple) and polib != tuple(map(as_polib_reads, theirs)):
            return len(ours), "polib reads msgcat's rewriting differently"
    return len(ours), None


def main() -> None:
    files = entries = 0
    differing = []
    for folder in sys.argv[1:]:
        for path in sorted(Path(folder).rglob("*.po*")):
            if path.suffix not in (".po", ".pot"):
                continue
            count, difference = compare(path)
            files += 1
            entries += count
            if difference:
                differing.append((path, difference))
    print(f"{files} files, {entries} entries compared; {len(differing)} files differ")
    for path, difference in differing:
        print(f"  differs: {path}: {difference}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
