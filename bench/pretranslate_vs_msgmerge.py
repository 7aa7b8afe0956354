"""``transkit pretranslate`` against GNU ``msgmerge --compendium`` on Django's catalogs.

Not part of the test run; needs PyPI once (``pip download``, cached in bench/.cache by
:mod:`update_vs_msgmerge`) and GNU gettext. The situation is a translation memory's:
a new catalog of each language of the newer release (its header alone, as ``msginit``
or ``transkit init`` starts one) filled, from the newer template, with the older
release's catalog of that language. msgmerge gets the older catalog as ``--compendium`` (one process per catalog);
transkit gets the folder of every older catalog as ``--from`` (one run; it picks each
catalog's language itself).

    python bench/pretranslate_vs_msgmerge.py [--old 4.2.16] [--new 5.1.4] [--runs 3]

Prints, per component and in total, the messages compared and the share on which the
two tools took the same decision (translated, fuzzy, left untranslated) and wrote the
same translation. Suggestions transkit's checks found an error in stay fuzzy by design
(docs/translation-memory.md); they are counted apart, and as agreeing on the decision
msgmerge took before the check. Then the median wall time of each tool.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from update_vs_msgmerge import COMPONENTS, catalogs, fetch  # noqa: E402

from transkit.errors import CatalogError  # noqa: E402
from transkit.maintenance.memory import NOTE  # noqa: E402
from transkit.model.catalog import Entry  # noqa: E402
from transkit.po.layout import format_catalog, layout  # noqa: E402
from transkit.po.reader import read_catalog, read_catalog_source  # noqa: E402

FLAGGED = f"{NOTE} check the suggestion"


def emptied(path: Path, target: Path) -> None:
    """``path``'s header alone: the new catalog of its language, as ``msginit`` or
    ``transkit init`` starts it, which the memory is to fill."""
    source = read_catalog_source(path, str(path))
    text = format_catalog(layout(source).header_comments, source.header_msgstr, [])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(source.charset))


def state(entry: Entry | None) -> str:
    if entry is None or not any(entry.msgstr):
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="4.2.16")
    parser.add_argument("--new", default="5.1.4")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    old_release, new_release = fetch(args.old), fetch(args.new)
    total: Counter = Counter()
    print(f"Django {args.new} catalogs emptied, filled from the Django {args.old} catalogs\n")
    print(
        "| component | catalogs | messages | translated / fuzzy (msgmerge) | same decision | "
        "same result | differ on plural forms | flagged by checks | msgmerge s | transkit s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    times: Counter = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for folder, domain in COMPONENTS:
            template = new_release / folder / "en" / "LC_MESSAGES" / f"{domain}.po"
            old, new = catalogs(old_release, folder, domain), catalogs(new_release, folder, domain)
            memory = work / "memory"
            shutil.rmtree(memory, ignore_errors=True)
            codes = []
            for code in sorted(old.keys() & new.keys()):
                try:
                    read_catalog(old[code])
                    read_catalog(new[code])
                except CatalogError as error:
                    print(f"(skipped {code}: {error})", file=sys.stderr)
                    continue
                codes.append(code)
                copy = memory / code / "LC_MESSAGES" / f"{domain}.po"
                copy.parent.mkdir(parents=True)
                shutil.copyfile(old[code], copy)
            gnu_times, our_times = [], []
            for _ in range(args.runs):
                for name in ("start", "gnu", "ours"):
                    shutil.rmtree(work / name, ignore_errors=True)
                for code in codes:
                    relative = Path(code) / "LC_MESSAGES" / f"{domain}.po"
                    emptied(new[code], work / "start" / relative)
                shutil.copytree(work / "start", work / "ours")
                begin = time.perf_counter()
                for code in codes:
                    relative = Path(code) / "LC_MESSAGES" / f"{domain}.po"
                    (work / "gnu" / relative).parent.mkdir(parents=True)
                    subprocess.run(
                        [
                            "msgmerge",
                            "--quiet",
                            "--previous",
                            "--compendium",
                            str(memory / relative),
                            "-o",
                            str(work / "gnu" / relative),
                            str(work / "start" / relative),
                            str(template),
                        ],
                        check=True,
                    )
                gnu_times.append(time.perf_counter() - begin)
                begin = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "transkit",
                        "pretranslate",
                        "--catalogs",
                        str(work / "ours"),
                        "--template",
                        str(template),
                        "--from",
                        str(memory),
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    cwd=work,
                )
                our_times.append(time.perf_counter() - begin)
            tally: Counter = Counter()
            examples: list[str] = []
            for code in codes:
                relative = Path(code) / "LC_MESSAGES" / f"{domain}.po"
                gnu = {e.key: e for e in read_catalog(work / "gnu" / relative).active_entries}
                ours = {e.key: e for e in read_catalog(work / "ours" / relative).active_entries}
                for key in gnu.keys() | ours.keys():
                    mine, theirs = ours.get(key), gnu.get(key)
                    tally["messages"] += 1
                    tally[f"gnu {state(theirs)}"] += 1
                    flagged = mine is not None and FLAGGED in mine.translator_comment
                    tally["flagged"] += flagged
                    same = state(mine) == state(theirs) or (flagged and state(theirs) != "untranslated")
                    tally["same decision"] += same
                    tally["same result"] += (
                        same and mine is not None and theirs is not None and (mine.msgstr == theirs.msgstr)
                    )
                    # msgmerge copies a plural translation into a catalog with another number
                    # of forms (msgfmt -c rejects it); transkit leaves the message untranslated.
                    tally["differ: plural forms"] += not same and theirs is not None and theirs.is_plural
                    if not same and len(examples) < 6:
                        examples.append(f"{code} {key[1][:50]!r}: transkit {state(mine)}, msgmerge {state(theirs)}")
            total.update(tally)
            gnu_time, our_time = statistics.median(gnu_times), statistics.median(our_times)
            times["gnu"] += gnu_time
            times["ours"] += our_time
            n = tally["messages"]
            print(
                f"| {folder.split('/')[-2]}/{domain} | {len(codes)} | {n} | "
                f"{tally['gnu translated']} / {tally['gnu fuzzy']} | {100 * tally['same decision'] / n:.2f} % | "
                f"{100 * tally['same result'] / n:.2f} % | {tally['differ: plural forms']} | {tally['flagged']} | "
                f"{gnu_time:.2f} | {our_time:.2f} |"
            )
            for line in examples:
                print(f"  differs: {line}", file=sys.stderr)
    n = total["messages"]
    print(
        f"| **all** | | {n} | {total['gnu translated']} / {total['gnu fuzzy']} | "
        f"{100 * total['same decision'] / n:.2f} % | {100 * total['same result'] / n:.2f} % | "
        f"{total['differ: plural forms']} | {total['flagged']} | "
        f"{times['gnu']:.2f} | {times['ours']:.2f} |"
    )


if __name__ == "__main__":
    main()
