"""``transkit update`` against GNU ``msgmerge`` on a real project across two releases.

Not part of the test run; needs network access to PyPI once (``pip download``) and GNU
gettext. The project is Django: its wheel and sdist ship every language's catalog, and
the English catalog (``en/LC_MESSAGES/<domain>.po``, all msgstr empty) is the template the
others are made from. The catalogs of the older release are merged with the template of
the newer one, by ``msgmerge --previous`` (one process per catalog, as a Makefile or
Django's ``makemessages`` runs it) and by one ``transkit update`` run over the folder.

    python bench/update_vs_msgmerge.py [--old 4.2.16] [--new 5.1.3] [--runs 5]

Prints, per domain and in total: messages compared, the share on which the two tools
took the same decision (kept, revived, fuzzy, new, obsoleted) and the share on which they
also produced the same translation; the median wall time of each tool and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit.errors import CatalogError  # noqa: E402
from transkit.maintenance.merge import infer_decisions  # noqa: E402
from transkit.po.reader import read_catalog  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
# (folder inside the package, domain): Django's core messages and the admin's.
COMPONENTS = [
    ("django/conf/locale", "django"),
    ("django/contrib/admin/locale", "django"),
    ("django/contrib/admin/locale", "djangojs"),
]


def fetch(version: str) -> Path:
    """The release unpacked under bench/.cache (downloaded once)."""
    target = CACHE / f"Django-{version}"
    if target.is_dir():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    download = CACHE / "download"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--dest",
            str(download),
            f"Django=={version}",
        ],
        check=True,
    )
    archive = next(p for p in download.iterdir() if p.name.lower().startswith(f"django-{version}"))
    unpacked = CACHE / f"unpack-{version}"
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            wheel.extractall(unpacked)
        unpacked.rename(target)
    else:
        with tarfile.open(archive) as sdist:
            sdist.extractall(unpacked, filter="data")
        (next(unpacked.iterdir())).rename(target)
        shutil.rmtree(unpacked)
    return target


def catalogs(release: Path, folder: str, domain: str) -> dict[str, Path]:
    found = {}
    for path in sorted((release / folder).glob(f"*/LC_MESSAGES/{domain}.po")):
        code = path.parent.parent.name
        if code != "en":
            found[code] = path
    return found


def prepare(old: dict[str, Path], work: Path) -> list[Path]:
    """Copy the old catalogs into a fresh folder (LC_MESSAGES layout); return the copies."""
    if work.exists():
        shutil.rmtree(work)
    copies = []
    for code, path in old.items():
        target = work / code / "LC_MESSAGES" / path.name
        target.parent.mkdir(parents=True)
        shutil.copyfile(path, target)
        copies.append(target)
    return copies


def run_msgmerge(copies: list[Path], template: Path) -> float:
    start = time.perf_counter()
    for path in copies:
        subprocess.run(
            ["msgmerge", "--quiet", "--previous", "--update", "--backup=none", str(path), str(template)],
            check=True,
        )
    return time.perf_counter() - start


def run_transkit(work: Path, template: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "transkit", "update", str(work), "--template", str(template)],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def compare(old: dict[str, Path], ours: Path, theirs: Path) -> tuple[Counter, list[str]]:
    tally: Counter = Counter()
    examples: list[str] = []
    for code, path in old.items():
        relative = Path(code) / "LC_MESSAGES" / path.name
        before = read_catalog(path)
        mine = read_catalog(ours / relative)
        gnu = read_catalog(theirs / relative)
        decided_mine, decided_gnu = infer_decisions(before, mine), infer_decisions(before, gnu)
        text_mine = {e.key: (e.msgstr, e.obsolete) for e in mine.entries}
        text_gnu = {e.key: (e.msgstr, e.obsolete) for e in gnu.entries}
        for key in decided_mine.keys() | decided_gnu.keys():
            tally["messages"] += 1
            same = decided_mine.get(key) == decided_gnu.get(key)
            tally["same decision"] += same
            tally["same result"] += same and text_mine.get(key) == text_gnu.get(key)
            if not same and len(examples) < 8:
                examples.append(
                    f"{code} {key[1][:50]!r}: transkit {decided_mine.get(key)}, msgmerge {decided_gnu.get(key)}"
                )
    return tally, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="4.2.16")
    parser.add_argument("--new", default="5.1.3")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    old_release, new_release = fetch(args.old), fetch(args.new)
    total: Counter = Counter()
    times = {"msgmerge": [], "transkit": []}
    print(f"Django {args.old} catalogs merged with the Django {args.new} templates\n")
    print("| component | catalogs | messages | same decision | same result | msgmerge s | transkit s | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        for folder, domain in COMPONENTS:
            template = new_release / folder / "en" / "LC_MESSAGES" / f"{domain}.po"
            old = catalogs(old_release, folder, domain)
            readable = {}
            for code, path in old.items():
                try:
                    read_catalog(path)
                    readable[code] = path
                except CatalogError as error:
                    print(f"(skipped {path}: {error})", file=sys.stderr)
            gnu_times, our_times = [], []
            for _ in range(args.runs):  # alternate the tools, fresh copies each time
                gnu_times.append(run_msgmerge(prepare(readable, scratch_path / "gnu"), template))
                prepare(readable, scratch_path / "ours")
                our_times.append(run_transkit(scratch_path / "ours", template))
            tally, examples = compare(readable, scratch_path / "ours", scratch_path / "gnu")
            total.update(tally)
            gnu, ours = statistics.median(gnu_times), statistics.median(our_times)
            times["msgmerge"].append(gnu)
            times["transkit"].append(ours)
            print(
                f"| {folder.split('/')[-2]}/{domain} | {len(readable)} | {tally['messages']} | "
                f"{100 * tally['same decision'] / tally['messages']:.2f} % | "
                f"{100 * tally['same result'] / tally['messages']:.2f} % | {gnu:.2f} | {ours:.2f} | {ours / gnu:.2f} |"
            )
            for line in examples:
                print(f"  differs: {line}", file=sys.stderr)
    gnu, ours = sum(times["msgmerge"]), sum(times["transkit"])
    print(
        f"| **all** | | {total['messages']} | {100 * total['same decision'] / total['messages']:.2f} % | "
        f"{100 * total['same result'] / total['messages']:.2f} % | {gnu:.2f} | {ours:.2f} | {ours / gnu:.2f} |"
    )


if __name__ == "__main__":
    main()
