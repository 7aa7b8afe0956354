"""transkit's Markdown extraction against the anchors: po4a and Translate Toolkit's md2po.

For each corpus (the shipped pages in content/ and press/, and the Markdown documentation
of a package's sdist: black 24.4.2's docs/, MIT), each tool takes every page apart into a
PO file; the script counts the messages, translates each by itself (GNU ``msgen``), has
the tool write the page back, and compares the HTML markdown-it-py renders of the source
and of the page written back (soft line breaks as spaces, as a browser shows them). The
numbers are the ones docs/content.md reports.

The anchors are run as programs, never imported (Translate Toolkit is GPL): ``md2po`` and
``po2md`` from the venv (``pip install -e '.[bench]'``: translate-toolkit and mistletoe), ``po4a-updatepo`` and
``po4a-translate`` from ``apt-get install po4a``. The sdist is downloaded once with pip into
a cache folder. Run::

    python bench/content_anchors.py            # a table per corpus
    python bench/content_anchors.py --verbose  # and every page that does not come back
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib
from commonmark_roundtrip import identity_build, sdist, soft_breaks_as_spaces

from transkit.content.markdown import MarkdownPage

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "transkit-bench-anchors"
SDIST = "black==24.4.2"


@dataclass
class Outcome:
    """What one tool made of one page."""

    messages: int
    same_html: bool
    error: str = ""


def docs_set() -> list[Path]:
    """The Markdown files of black's docs/ (downloaded and unpacked once)."""
    archive_path = sdist(SDIST, CACHE)
    target = CACHE / "unpacked"
    if not target.is_dir():
        with tarfile.open(archive_path) as archive:
            archive.extractall(target, filter="data")
    return sorted(p for p in target.glob("*/docs/**/*.md") if p.is_file())


def _same(source: str, built: str) -> bool:
    return soft_breaks_as_spaces(source) == soft_breaks_as_spaces(built)


def _messages(po: Path) -> int:
    return sum(1 for entry in polib.pofile(str(po)) if entry.msgid and not entry.obsolete)


def with_transkit(page: Path, work: Path) -> Outcome:
    text = page.read_text(encoding="utf-8")
    parsed = MarkdownPage(page, page.name, text)
    messages = len({segment.message for segment in parsed.segments})
    return Outcome(messages, _same(text, identity_build(text)))


def with_md2po(page: Path, work: Path) -> Outcome:
    po, out = work / "md2po.po", work / "md2po.md"
    subprocess.run(["md2po", "-i", str(page), "-o", str(po)], check=True, capture_output=True)
    subprocess.run(["msgen", str(po), "-o", str(po)], check=True, capture_output=True)
    subprocess.run(["po2md", "-t", str(page), "-i", str(po), "-o", str(out)], check=True, capture_output=True)
    return Outcome(_messages(po), _same(page.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")))


def with_po4a(page: Path, work: Path) -> Outcome:
    po, out = work / "po4a.po", work / "po4a.md"
    common = ["-f", "text", "-o", "markdown", "-o", "yfm_keys=title,description", "-M", "UTF-8", "-m", str(page)]
    # po4a-updatepo extracts a new PO (po4a-gettextize pairs a page with an old translation).
    subprocess.run(["po4a-updatepo", *common, "-p", str(po)], check=True, capture_output=True)
    subprocess.run(["msgen", str(po), "-o", str(po)], check=True, capture_output=True)
    command = ["po4a-translate", *common, "-p", str(po), "-l", str(out), "-k", "0", "-L", "UTF-8"]
    subprocess.run(command, check=True, capture_output=True)
    return Outcome(_messages(po), _same(page.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")))


TOOLS: dict[str, Callable[[Path, Path], Outcome]] = {
    "transkit": with_transkit,
    "md2po (Translate Toolkit)": with_md2po,
    "po4a": with_po4a,
}


def run(pages: list[Path], verbose: bool) -> list[tuple[str, int, int, int, int]]:
    """(tool, messages, pages back as they were, pages, pages the tool failed on)."""
    rows = []
    for name, tool in TOOLS.items():
        messages = same = failed = 0
        for page in pages:
            with tempfile.TemporaryDirectory() as folder:
                try:
                    outcome = tool(page, Path(folder))
                except subprocess.CalledProcessError as error:
                    failed += 1
                    if verbose:
                        print(f"  {name}: {page.name}: failed: {error.stderr.decode(errors='replace').strip()[:200]}")
                    continue
            messages += outcome.messages
            same += outcome.same_html
            if verbose and not outcome.same_html:
                print(f"  {name}: {page.name}: the page written back renders differently")
        rows.append((name, messages, same, len(pages), failed))
    return rows


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--verbose", action="store_true")
    args = options.parse_args()
    missing = [
        tool for tool in ("md2po", "po2md", "po4a-updatepo", "po4a-translate", "msgen") if not shutil.which(tool)
    ]
    if missing:
        print(f"missing programs: {', '.join(missing)}", file=sys.stderr)
        return 2
    corpora = {
        "shipped pages (content/, press/)": sorted([*(ROOT / "content").glob("*.md"), *(ROOT / "press").glob("*.md")]),
        f"{SDIST} docs/": docs_set(),
    }
    for title, pages in corpora.items():
        print(f"\n{title}: {len(pages)} pages")
        print(f"  {'tool':<28}{'messages':>10}{'same HTML':>12}{'failed':>8}")
        for name, messages, same, total, failed in run(pages, args.verbose):
            print(f"  {name:<28}{messages:>10}{f'{same}/{total}':>12}{failed:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
