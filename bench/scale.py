"""The two scale cases of issue 7: one 100 MB catalog, and a folder of 500 catalogs.

Not part of the test run. Usage:

    python bench/scale.py make-big  OUT [--messages 230000]            # one fr catalog, ~100 MB
    python bench/scale.py make-many OUT [--catalogs 500] [--messages 500]
    python bench/scale.py measure   OUT [--runs 3]

``make-big`` writes the French catalog of ``bench/corpus.py`` with MESSAGES messages (and
its template, which every catalog needs). ``make-many`` writes a 23-language corpus of
MESSAGES messages per catalog and copies each catalog into regional variants
(``fr_BE.po``, ``nl_CA.po``, ...; the header's Language follows) until there are CATALOGS of
them. ``measure`` times ``transkit check`` (every check and the termbase, no cache, default
number of processes) and ``transkit stats`` on OUT, with the peak memory of the whole
process tree (RSS and PSS, see ``bench/run.py``), and prints it against the size of the
corpus on disk.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import LANGS
from run import machine, measure

HERE = Path(__file__).resolve().parent
REGIONS = "BE CA CH LU US GB DE AT FR NL ES IT PT BR RO MD BG PL HU SK UA RU AU IE".split()


def make_big(out: Path, messages: int) -> None:
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(messages), str(out), "--languages", "fr"], check=True)


def variant_code(lang: str, region: str) -> str:
    """``fr`` + ``BE`` → ``fr_BE``; ``pt_BR`` + ``CA`` → ``pt_CA``; ``zh_Hans`` keeps its script."""
    parts = lang.split("_")
    if len(parts) > 1 and len(parts[1]) == 2:  # a region already: replace it
        parts = parts[:1]
    return "_".join([*parts, region])


def make_many(out: Path, catalogs: int, messages: int) -> None:
    base = out / "base"
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(messages), str(base)], check=True)
    target = out / "catalogs"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(base / "catalogs" / "corpus.pot", target / "corpus.pot")
    if (out / "glossary").exists():
        shutil.rmtree(out / "glossary")
    shutil.copytree(base / "glossary", out / "glossary")
    if catalogs > len(LANGS) * len(REGIONS):
        raise SystemExit(f"at most {len(LANGS) * len(REGIONS)} catalogs")
    for number in range(catalogs):
        lang, region = LANGS[number % len(LANGS)], REGIONS[number // len(LANGS)]
        code = variant_code(lang, region)
        text = (base / "catalogs" / f"{lang}.po").read_text(encoding="utf-8")
        text = re.sub(r'^"Language: [^\\"]*\\n"$', f'"Language: {code}\\\\n"', text, count=1, flags=re.MULTILINE)
        (target / f"{code}.po").write_text(text, encoding="utf-8")
    shutil.rmtree(base)
    size = sum(p.stat().st_size for p in target.iterdir())
    print(f"{target}: {catalogs} catalogs x {messages} messages, {size / 2**20:.1f} MB", file=sys.stderr)


def measure_corpus(corpus: Path, runs: int) -> None:
    catalogs = corpus / "catalogs"
    size_mb = sum(p.stat().st_size for p in catalogs.iterdir()) / 2**20
    largest_mb = max(p.stat().st_size for p in catalogs.glob("*.po")) / 2**20
    count = len(list(catalogs.glob("*.po")))
    transkit = shutil.which("transkit") or "transkit"
    glossary = corpus / "glossary" / "campaign.toml"
    commands = {
        "transkit check": [
            transkit,
            "check",
            str(catalogs),
            "--glossary",
            str(glossary),
            "--no-cache",
            "--format",
            "json",
            "-o",
            os.devnull,
        ],
        "transkit stats": [transkit, "stats", str(catalogs), "--format", "json", "-o", os.devnull],
        "msgfmt --check --statistics loop": [
            "sh",
            "-c",
            f'for f in "{catalogs}"/*.po; do msgfmt --check --statistics -o /dev/null "$f"; done',
        ],
    }
    for path in catalogs.iterdir():  # into the page cache once, as run.py does
        path.read_bytes()
    rows = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as work:
        for _ in range(runs):
            for name, argv in commands.items():
                result = measure(argv, dict(os.environ), Path(work), sample_tree=True)
                if result["exit"] not in (0, 1):
                    raise SystemExit(f"{name} exited {result['exit']}: {result['stderr_tail']}")
                rows[name].append(result)
    info = machine()
    print(
        f"\n{corpus}: {count} catalogs, {size_mb:.1f} MB on disk (largest catalog {largest_mb:.1f} MB); "
        f"{runs} runs; {info.get('cpu', '')}, {info.get('cores', '')} cores\n"
    )
    print(
        "| command | median s | CPU s (median) | peak RSS of one process MB | peak tree RSS MB (sampled) | peak tree PSS MB (sampled) | tree PSS / corpus size |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, results in rows.items():
        wall = statistics.median(r["wall"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        rss = max(r["maxrss_mb"] for r in results)
        tree = max((r["tree_rss_mb"] or 0) for r in results)
        pss = max(rss, max((r["tree_pss_mb"] or 0) for r in results))  # never below the largest process
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {tree:.0f} | {pss:.0f} | {pss / size_mb:.2f}× |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    big = commands.add_parser("make-big", help="one French catalog of about 100 MB")
    big.add_argument("out", type=Path)
    big.add_argument("--messages", type=int, default=230_000)
    many = commands.add_parser("make-many", help="a folder of many catalogs")
    many.add_argument("out", type=Path)
    many.add_argument("--catalogs", type=int, default=500)
    many.add_argument("--messages", type=int, default=500)
    timing = commands.add_parser("measure", help="time check and stats, with peak memory")
    timing.add_argument("out", type=Path)
    timing.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "make-big":
        make_big(args.out, args.messages)
    elif args.command == "make-many":
        make_many(args.out, args.catalogs, args.messages)
    else:
        measure_corpus(args.out, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
