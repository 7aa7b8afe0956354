"""Round trip of the CommonMark specification's examples through extract and build.

For every example of spec.txt: extract its segments, translate each by identity (what
``msgen`` does to a template), build the page, and render the source and the built page
with markdown-it-py; the share of examples whose HTML is the same is the measure that
docs/content.md reports, with every example that differs and why.

The specification is not kept in this repository: the script downloads the ``commonmark``
0.9.1 sdist from PyPI with pip (it ships spec.txt, CC BY-SA 4.0) into a cache folder, or
reads the file given with ``--spec``. Run::

    python bench/commonmark_roundtrip.py            # summary and the differing examples
    python bench/commonmark_roundtrip.py --spec spec.txt --verbose
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

from transkit.content.markdown import MarkdownPage, new_parser, render_html
from transkit.content.messages import parse

CACHE = Path(tempfile.gettempdir()) / "transkit-bench-commonmark"
SDIST = "commonmark==0.9.1"
FENCE = "`" * 32


def sdist(requirement: str, cache: Path) -> Path:
    """The sdist of ``requirement`` (``name==version``), downloaded once with pip into ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    pattern = requirement.split("==")[0] + "-*.tar.gz"
    archives = sorted(cache.glob(pattern))
    if not archives:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", requirement]
        subprocess.run([*command, "-d", str(cache)], check=True, capture_output=True)
        archives = sorted(cache.glob(pattern))
    return archives[0]


def spec_text(given: Path | None) -> str:
    """spec.txt: the given file, or the one in the commonmark sdist (downloaded once)."""
    if given is not None:
        return given.read_text(encoding="utf-8")
    archive_path = sdist(SDIST, CACHE)
    with tarfile.open(archive_path) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/spec.txt"))
        stream = archive.extractfile(member)
        assert stream is not None
        return stream.read().decode("utf-8")


def examples(spec: str) -> list[tuple[int, str, str]]:
    """(number, section, Markdown) of every example; ``→`` stands for a tab in the spec."""
    found = []
    section = ""
    lines = spec.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.startswith(FENCE + " example"):
            body = []
            index += 1
            while lines[index] != ".":
                body.append(lines[index])
                index += 1
            while lines[index] != FENCE:
                index += 1
            markdown = "\n".join(body) + "\n" if body else ""
            found.append((len(found) + 1, section, markdown.replace("\u2192", "\t")))
        index += 1
    return found


def identity_build(markdown: str) -> str:
    """The page built with every segment translated by itself (``msgen``)."""
    page = MarkdownPage(Path("example.md"), "example.md", markdown)
    return page.build(parse, "en", "ltr")


@functools.lru_cache(maxsize=1)
def _spaced() -> MarkdownIt:
    """transkit's parser, but rendering a soft line break as a space."""
    renderer = new_parser()
    renderer.add_render_rule("softbreak", lambda *_: " ")
    return renderer


def soft_breaks_as_spaces(markdown: str) -> str:
    """The HTML of a page with each soft line break written as a space. A segment joins
    the lines of a paragraph with spaces, and a browser shows a line break inside a
    paragraph as a space: this comparison sees every other difference."""
    return _spaced().render(markdown)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--spec", type=Path)
    options.add_argument("--verbose", action="store_true")
    arguments = options.parse_args()
    cases = examples(spec_text(arguments.spec))
    differ = []
    strict = 0
    for number, section, markdown in cases:
        try:
            built = identity_build(markdown)
        except Exception as error:  # noqa: BLE001  (a refusal or a crash is a difference to list)
            differ.append((number, section, markdown, f"{type(error).__name__}: {error}", ""))
            continue
        strict += render_html(markdown) == render_html(built)
        before, after = soft_breaks_as_spaces(markdown), soft_breaks_as_spaces(built)
        if before != after:
            differ.append((number, section, markdown, before, after))
    total = len(cases)
    same = total - len(differ)
    print(f"{same} of {total} CommonMark examples round-trip to the same HTML ({100 * same / total:.1f} %)")
    print(f"{strict} of {total} byte for byte, soft line breaks included ({100 * strict / total:.1f} %)")
    for number, section, markdown, before, after in differ:
        print(f"- example {number} ({section})")
        if arguments.verbose:
            print(f"  markdown: {markdown!r}\n  source:   {before!r}\n  built:    {after!r}")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
