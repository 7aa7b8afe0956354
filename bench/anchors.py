"""Compare transkit's content checks with the anchor tools on the same catalogs.

Not part of the test run.  Needs Translate Toolkit's ``pofilter`` (``pip install
translate-toolkit``, any virtual environment: pass ``--pofilter PATH``) and GNU ``msgfmt``.

    python bench/anchors.py [--pofilter /path/to/pofilter] > docs/anchors.md

Two measurements:

1. planted defects (bench/planted: four languages, one defect per pofilter test, each next
   to a clean twin): which tool finds which defect;
2. false positives on the shipped campaign catalogs: every finding a tool reports on them is
   counted, at any severity, since they have no content defect (transkit's coverage,
   suppression and cross-message consistency findings are left out: they are not claims
   that a translation is wrong).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit import Options, check, load_project  # noqa: E402
from transkit.terms import load_termbase  # noqa: E402

TESTS = [
    "printf",
    "pythonbraceformat",
    "urls",
    "emails",
    "numbers",
    "xmltags",
    "startwhitespace",
    "endwhitespace",
    "newlines",
    "doublespacing",
    "unchanged",
    "endpunc",
]
NOT_CONTENT = ("C", "N", "T16")  # coverage, suppression bookkeeping, cross-message consistency


def pofilter_findings(pofilter: str, path: Path, language: str) -> dict[tuple, set[str]]:
    found: dict[tuple, set[str]] = defaultdict(set)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / path.name
        args = [pofilter, f"--language={language}"] + [a for t in TESTS for a in ("-t", t)] + [str(path), str(out)]
        subprocess.run(args, capture_output=True, check=False)
        if not out.exists():
            return found
        for entry in polib.pofile(str(out)):
            for test in re.findall(r"\(pofilter\) (\w+):", entry.tcomment or ""):
                found[(entry.msgctxt, entry.msgid)].add(test)
    return found


def msgfmt_findings(path: Path) -> set[tuple]:
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    lines = {int(m.group(1)) for m in re.finditer(rf"{re.escape(str(path))}:(\d+): (?!warning)", result.stderr)}
    entries = sorted(((e.linenum, (e.msgctxt, e.msgid)) for e in polib.pofile(str(path))), key=lambda x: x[0])
    keys = set()
    for line in lines:
        before = [key for start, key in entries if start <= line]
        if before:
            keys.add(before[-1])
    return keys


def transkit_findings(folder: Path, termbase_folder: Path | None) -> dict[tuple, set[str]]:
    project = load_project([folder])
    termbase = load_termbase(termbase_folder) if termbase_folder else None
    report = check(project, Options(termbase=termbase) if termbase else Options())
    found: dict[tuple, set[str]] = defaultdict(set)
    for finding in report.findings:
        if finding.code.startswith(NOT_CONTENT):
            continue
        found[(Path(finding.file).name, finding.msgctxt, finding.msgid)].add(finding.code)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or "pofilter")
    args = parser.parse_args()

    planted_dir = ROOT / "bench" / "planted"
    tk_planted = transkit_findings(planted_dir, None)
    rows: dict[str, Counter] = defaultdict(Counter)
    clean_fp: Counter = Counter()
    for path in sorted(planted_dir.glob("*.po")):
        language = path.stem
        pf = pofilter_findings(args.pofilter, path, language)
        mf = msgfmt_findings(path)
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            tk = tk_planted.get((path.name, *key), set())
            marker = re.search(r"planted: (\w+)", entry.tcomment or "")
            if marker:
                test = marker.group(1)
                rows[test]["planted"] += 1
                rows[test]["pofilter"] += test in pf.get(key, set())
                rows[test]["msgfmt"] += key in mf
                rows[test]["transkit"] += bool(tk)
            else:
                clean_fp["pofilter"] += bool(pf.get(key))
                clean_fp["msgfmt"] += key in mf
                clean_fp["transkit"] += bool(tk)

    shipped = ROOT / "catalogs"
    tk_shipped = transkit_findings(shipped, ROOT / "glossary")
    shipped_fp: dict[str, Counter] = defaultdict(Counter)
    for path in sorted(shipped.glob("*.po")):
        for tests in pofilter_findings(args.pofilter, path, path.stem).values():
            for test in tests:
                shipped_fp[path.stem][f"pofilter {test}"] += 1
        shipped_fp[path.stem]["msgfmt -c"] += len(msgfmt_findings(path))
        shipped_fp[path.stem]["transkit"] += sum(
            len(codes) for (file, *_), codes in tk_shipped.items() if file == path.name
        )

    print("# transkit against the anchors\n")
    print("Produced by `python bench/anchors.py`; pofilter tests: " + ", ".join(TESTS) + ".\n")
    print("## Planted defects (bench/planted: fr, de, ar, zh_Hans; one per test and language)\n")
    print("| pofilter test | planted | pofilter found | msgfmt -c found | transkit found |")
    print("|---|---|---|---|---|")
    for test in TESTS:
        r = rows[test]
        print(f"| {test} | {r['planted']} | {r['pofilter']} | {r['msgfmt']} | {r['transkit']} |")
    total = {k: sum(r[k] for r in rows.values()) for k in ("planted", "pofilter", "msgfmt", "transkit")}
    print(f"| **all** | {total['planted']} | {total['pofilter']} | {total['msgfmt']} | {total['transkit']} |")
    print(
        f"\nClean twins flagged (false positives): pofilter {clean_fp['pofilter']}, msgfmt -c {clean_fp['msgfmt']}, transkit {clean_fp['transkit']}.\n"
    )
    print("## False positives on the shipped campaign catalogs (23 languages, no content defect)\n")
    columns = sorted({c for counts in shipped_fp.values() for c in counts})
    print("| language | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for language, counts in sorted(shipped_fp.items()):
        if any(counts.values()):
            print(f"| {language} | " + " | ".join(str(counts[c]) for c in columns) + " |")
    sums = {c: sum(counts[c] for counts in shipped_fp.values()) for c in columns}
    print("| **all** | " + " | ".join(str(sums[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
