"""How often :mod:`transkit.po.writer` writes an entry exactly as GNU ``msgcat`` does.

Not part of the test run.  Needs GNU ``msgcat`` (gettext 0.21).

    python bench/poformat_agreement.py FOLDER [FOLDER ...] [--show N]

Every ``*.po`` / ``*.pot`` file under the folders is formatted by ``msgcat`` (default
width), the result is read back with transkit's reader, and its header and entries are
rendered by :mod:`transkit.po.writer`.  Each entry block is compared with the block
``msgcat`` wrote; the counts of entries and files that agree are printed, and, with
``--show``, the first disagreements (expected and rendered).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit.errors import TranskitError  # noqa: E402
from transkit.po.reader import read_catalog  # noqa: E402
from transkit.po.syntax import scan  # noqa: E402
from transkit.po.writer import render_entry, render_header  # noqa: E402


def msgcat(source: Path, target: Path) -> bool:
    """Format ``source`` with msgcat into ``target``; False when msgcat refuses it."""
    result = subprocess.run(
        ["msgcat", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    if result.returncode != 0 or not target.exists():
        error = result.stderr.strip().splitlines()
        print(f"{source}: msgcat failed: {error[-1] if error else result.returncode}", file=sys.stderr)
        return False
    return True


def split_blocks(text: str) -> list[str]:
    """msgcat's output cut into entry blocks (each ending with a newline)."""
    return [block + "\n" for block in text[:-1].split("\n\n")] if text else []


def header_parts(text: str) -> tuple[list[str], str]:
    """The header's comment lines and msgstr, as the oracle test takes them."""
    comments = []
    for line in text.split("\n"):
        if line.startswith('msgid ""'):
            break
        if line.startswith("#"):
            comments.append(line)
    return comments, scan(text)[0].msgstr[0]


Difference = tuple[str, str, str]  # path, block msgcat wrote, block rendered


def compare(path: Path, work: Path) -> tuple[int, int, list[Difference], float] | None:
    """(entries compared, entries identical, disagreements, CPU seconds rendering)."""
    out = work / "out.po"
    if out.exists():
        out.unlink()
    if not msgcat(path, out):
        return None
    data = out.read_bytes()
    text = data.decode("utf-8")
    try:
        catalog = read_catalog(out)
    except TranskitError as error:
        print(f"{path}: unreadable after msgcat: {error}", file=sys.stderr)
        return None
    started = time.process_time()
    comments, msgstr = header_parts(text)
    rendered = [render_header(comments, msgstr)]
    rendered += [block for block in map(render_entry, catalog.entries) if block]
    elapsed = time.process_time() - started
    expected = split_blocks(text)
    if len(expected) != len(rendered):  # an entry missing or extra: count them all as different
        return len(expected), 0, [(str(path), text[:2000], "\n".join(rendered)[:2000])], elapsed
    differences = [(str(path), want, got) for want, got in zip(expected, rendered) if want != got]
    return len(expected), len(expected) - len(differences), differences, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=5, help="disagreements to print")
    args = parser.parse_args()
    if shutil.which("msgcat") is None:
        print("msgcat (GNU gettext) is not on the PATH", file=sys.stderr)
        return 2
    files = sorted(
        path
        for folder in args.folders
        for pattern in ("*.po", "*.pot")
        for path in (folder.rglob(pattern) if folder.is_dir() else [folder])
    )
    entries = identical = whole = skipped = 0
    seconds = 0.0
    differences: list[Difference] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            result = compare(path, Path(tmp))
            if result is None:
                skipped += 1
                continue
            count, same, diffs, elapsed = result
            entries += count
            identical += same
            whole += count == same
            seconds += elapsed
            differences += diffs
    compared = len(files) - skipped
    print(f"files: {compared} compared, {whole} fully identical, {skipped} skipped")
    share = 100 * identical / entries if entries else 100.0
    print(f"entries (header included): {entries} compared, {identical} identical ({share:.3f}%)")
    print(f"rendering CPU time: {seconds:.2f} s ({1e6 * seconds / max(entries, 1):.1f} us per entry)")
    kinds = Counter(path for path, _, _ in differences)
    for path, count in kinds.most_common(10):
        print(f"  {count} differing in {path}")
    for path, want, got in differences[: args.show]:
        print(f"--- {path}\n--- msgcat:\n{want}--- rendered:\n{got}")
    return 0 if identical == entries else 1


if __name__ == "__main__":
    raise SystemExit(main())
