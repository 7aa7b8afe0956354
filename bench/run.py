"""Time transkit against the anchor tools on a benchmark corpus made by bench/corpus.py.

Not part of the test run.  Usage:

    python bench/run.py CORPUSDIR [--runs 5] [--pofilter PATH] [--pocount PATH]
                        [--dennis PATH] [--i18nspector PATH]
                        [--skip-slow MINUTES] [--snapshot DIR] [--json FILE]
    python bench/run.py --report-only FILE.json      # the report of a saved run, again

CORPUSDIR holds ``catalogs/`` (the catalogs and their template) and ``glossary/``.  In one
run the tools alternate (the order rotates from one round to the next, so that no tool
always runs first or right after a given other tool), each is timed ``--runs`` times, and
the runner prints a Markdown report: median, min and max wall time, median CPU time, peak
memory, the ratio to transkit and the targets of issue 19.

Timed commands (the working directory is an empty temporary folder, so that no
``transkit.toml`` is picked up):

* ``transkit check CATALOGS --glossary GLOSSARY --format json -o /dev/null`` (every check and
  the termbase; exit 0 or 1);
* ``transkit stats CATALOGS --format json -o /dev/null``;
* ``sh -c 'for f in CATALOGS/*.po; do msgfmt --check --statistics -o /dev/null "$f"; done'``
  (against check) and the same loop without ``--check`` (against stats);
* ``dennis-cmd lint CATALOGS`` (dennis, every lint rule; ``pip install '.[bench]'``) and
  ``i18nspector -j CORES CATALOGS/*.po CATALOGS/*.pot`` (the Debian package), when found;
* ``pofilter -i CATALOGS -o OUTDIR`` (Translate Toolkit, default tests; OUTDIR is fresh for
  every run and removed afterwards, outside the timing) and ``pocount CATALOGS``, when found;
* informational, not a target: parsing every catalog with polib alone
  (``python -c 'polib.pofile(...)'``), the floor of any polib-based reader.

Memory: the peak resident set size is GNU time's ``%M`` for each run (``/usr/bin/time``, as
``-v`` prints it: the largest single process of the tree, descendants waited for included;
without GNU time, ``os.wait4``'s rusage, which has the forking Python's size as a floor).
A sampler also adds up the RSS of the whole process tree every 0.5 s ("tree RSS", sampled,
so it can miss short peaks); it matters once work is spread over several processes.

``--skip-slow N`` times pofilter once on a subset of the catalogs first; if the full corpus
would take more than N minutes per run, pofilter is not run on it and its row shows the
extrapolated time, labelled as such.  ``--snapshot DIR`` copies the transkit package as it is
now to DIR (or reuses the copy already there, so that several corpora measure the same code)
and runs ``python -m transkit`` from that copy, so that edits to the working tree during a
long benchmark cannot change what is measured; a fingerprint (SHA-256 of the package's .py
files) is printed either way, taken before and after the runs.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

SUBSET = ("fr", "ru", "ar", "zh_Hans")  # catalogs timed for --skip-slow: Latin, Cyrillic, RTL, CJK


@dataclass
class Tool:
    name: str
    argv: list[str]
    ok_codes: set[int] | None  # None: any exit code is fine
    compare: str | None = None  # the transkit row its ratio is taken against
    outdir: Path | None = None  # removed before and after every run (pofilter)
    informational: bool = False
    runs: list[dict] = field(default_factory=list)
    extrapolated: dict | None = None
    prepare: Callable[[], None] | None = None  # run before each timed run, not timed


# ------------------------------------------------------------------------------------------
# Measuring one child
# ------------------------------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def _proc_kb(pid: int, file: str, field: bytes) -> int:
    """A kB field of /proc/PID/FILE, 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/{file}", "rb") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _proc_kb(pid, "status", b"VmRSS:")


def _pss_kb(pid: int) -> int:
    """Proportional set size: the process's private pages plus its share of the pages it
    shares (forked workers share the parent's pages until they write them), so that the
    sum over a process tree counts every page once, where a sum of RSS counts shared pages
    in every process."""
    return _proc_kb(pid, "smaps_rollup", b"Pss:")


class TreeSampler(threading.Thread):
    """Peaks of the summed RSS and PSS of a process and its descendants, sampled."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb, self.peak_pss_kb = pid, interval, 0, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            kids = _children_map()
            total, pss, todo = 0, 0, [self.pid]
            while todo:
                pid = todo.pop()
                total += _rss_kb(pid)
                pss += _pss_kb(pid)
                todo.extend(kids.get(pid, ()))
            self.peak_kb = max(self.peak_kb, total)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.stop.wait(self.interval)


GNU_TIME = "/usr/bin/time"


def measure(argv: list[str], env: dict, cwd: Path, sample_tree: bool) -> dict:
    """Wall time (perf_counter around the child), CPU time and peak RSS of one run.

    With GNU time the CPU time and the peak RSS are its own report (%U, %S, %M) of the
    command it runs.  Without it they come from ``os.wait4``; then the RSS has a floor: Linux
    keeps the high-water mark of the forking Python in the child's record across exec.
    """
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        full = [GNU_TIME, "-f", "%U %S %M %x", "-o", timing.name, *argv] if use_time else argv
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        sampler = TreeSampler(proc.pid) if sample_tree else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stop.set()
            sampler.join()
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
        cpu, maxrss_kb, code = usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode
        if use_time:
            fields = timing.read().split()
            # "Command exited with non-zero status N" comes first when the command failed
            if len(fields) >= 4:
                user, system, maxrss_kb, code = float(fields[-4]), float(fields[-3]), int(fields[-2]), int(fields[-1])
                cpu = user + system
    return {
        "wall": wall,
        "cpu": cpu,
        "maxrss_mb": maxrss_kb / 1024,
        "tree_rss_mb": (sampler.peak_kb / 1024) if sampler else None,
        "tree_pss_mb": (sampler.peak_pss_kb / 1024) if sampler else None,
        "exit": code,
        "stderr_tail": tail,
        "loadavg": os.getloadavg()[0],
        "rss_source": "GNU time %M" if use_time else "wait4 ru_maxrss",
    }


# ------------------------------------------------------------------------------------------
# The machine, the corpus, the tools
# ------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


def first_line(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


def dennis_version(command: str) -> str:
    """dennis-cmd has no --version: ask the Python its script runs with."""
    try:
        shebang = Path(command).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return "dennis (version unknown)"
    python = shebang[2:].strip() if shebang.startswith("#!") else sys.executable
    code = "import importlib.metadata as m; print('dennis', m.version('dennis'))"
    return first_line([python, "-c", code])


def corpus_facts(catalogs: Path) -> dict:
    files = sorted(p for p in catalogs.iterdir() if p.suffix in (".po", ".pot"))
    active = obsolete = 0
    size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        if path.suffix == ".po":
            active += data.count(b"\nmsgid ") + data.startswith(b"msgid ") - 1  # minus the header entry
            obsolete += data.count(b"\n#~ msgid ")
    return {
        "catalogs": sum(p.suffix == ".po" for p in files),
        "templates": sum(p.suffix == ".pot" for p in files),
        "entries": active,
        "obsolete": obsolete,
        "bytes": size,
        "glossary_bytes": sum(p.stat().st_size for p in (catalogs.parent / "glossary").glob("*.toml"))
        if (catalogs.parent / "glossary").is_dir()
        else 0,
    }


def package_dir() -> Path:
    spec = importlib.util.find_spec("transkit")
    if spec is None or spec.origin is None:
        sys.exit("transkit is not importable from this Python")
    return Path(spec.origin).parent


def fingerprint(package: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def tools_for(
    corpus: Path, args: argparse.Namespace, transkit: list[str], tmp: Path, env: dict | None = None
) -> list[Tool]:
    catalogs, glossary = corpus / "catalogs", corpus / "glossary"
    check = transkit + ["check", str(catalogs), "--glossary", str(glossary), "--format", "json", "-o", "/dev/null"]
    # transkit check keeps results in a cache: the timed runs must be cold ones, or every
    # run after the first would only read the cache. The warm row shows what the cache gives.
    # (asked of the transkit that is measured: with --snapshot, env points Python at the copy)
    cached = (
        "--no-cache" in subprocess.run(transkit + ["check", "--help"], capture_output=True, text=True, env=env).stdout
    )
    tools = [
        Tool("transkit check", check + (["--no-cache"] if cached else []), {0, 1}, "transkit check"),
        Tool(
            "transkit stats",
            transkit + ["stats", str(catalogs), "--format", "json", "-o", "/dev/null"],
            {0},
            "transkit stats",
        ),
    ]
    if cached:
        tools.append(
            Tool("transkit check, nothing changed (cache)", check, {0, 1}, "transkit check", informational=True)
        )
        tools.append(one_catalog_changed(corpus, transkit, tmp, tmp / "cwd", env))
        tools.append(one_catalog_changed(corpus, transkit, tmp, tmp / "cwd", env, message=True))
        tools.append(one_catalog_changed(corpus, transkit, tmp, tmp / "cwd", env, message=True, hook=True))
    msgfmt = args.msgfmt or shutil.which("msgfmt")
    if msgfmt:
        loop = f'for f in {shlex.quote(str(catalogs))}/*.po; do {shlex.quote(msgfmt)} --check --statistics -o /dev/null "$f"; done'
        tools.append(Tool("msgfmt --check --statistics loop", ["sh", "-c", loop], None, "transkit check"))
        stats_loop = (
            f'for f in {shlex.quote(str(catalogs))}/*.po; do {shlex.quote(msgfmt)} --statistics -o /dev/null "$f"; done'
        )
        tools.append(Tool("msgfmt --statistics loop", ["sh", "-c", stats_loop], None, "transkit stats"))
    if args.dennis and Path(args.dennis).exists():
        # dennis lints every .po and .pot under the folder; it exits 1 when it finds errors
        tools.append(Tool("dennis lint", [args.dennis, "lint", str(catalogs)], {0, 1}, "transkit check"))
    if args.i18nspector and Path(args.i18nspector).exists():
        files = sorted(str(p) for p in catalogs.iterdir() if p.suffix in (".po", ".pot"))
        jobs = str(os.cpu_count() or 1)
        tools.append(Tool(f"i18nspector -j {jobs}", [args.i18nspector, "-j", jobs, *files], {0}, "transkit check"))
    if args.pofilter and Path(args.pofilter).exists():
        out = tmp / "pofilter-out"
        tools.append(
            Tool(
                "pofilter (default tests)",
                [args.pofilter, "-i", str(catalogs), "-o", str(out)],
                {0},
                "transkit check",
                outdir=out,
            )
        )
    if args.pocount and Path(args.pocount).exists():
        tools.append(Tool("pocount", [args.pocount, str(catalogs)], {0}, "transkit stats"))
    if not args.no_polib:
        code = "import glob, sys, polib\nfor f in sorted(glob.glob(sys.argv[1] + '/*.po*')):\n    polib.pofile(f)\n"
        tools.append(
            Tool(
                "polib parse only (informational)",
                [sys.executable, "-c", code, str(catalogs)],
                {0},
                "transkit check",
                informational=True,
            )
        )
    return tools


def one_catalog_changed(
    corpus: Path,
    transkit: list[str],
    tmp: Path,
    cwd: Path,
    env: dict | None,
    *,
    message: bool = False,
    hook: bool = False,
) -> Tool:
    """The pre-commit case: a copy of the corpus whose cache is warm, and before each run
    one catalog (the first) gets a new comment line at its end, so that it alone is
    checked again. With ``message``, one of its translations (a single-line msgstr in the
    middle of the file) is rewritten instead, a different text each run: what a
    translator's commit does, where the catalog's other messages are as they were. With
    ``hook``, the run is the one the shipped pre-commit hook makes (.pre-commit-hooks.yaml:
    ``transkit check`` and the files the commit touches): the changed catalog alone is
    named; the cache was filled by a run over the whole folder."""
    copy = tmp / ("hook" if hook else "one-message-changed" if message else "one-changed")
    shutil.copytree(corpus / "catalogs", copy / "catalogs")
    shutil.copytree(corpus / "glossary", copy / "glossary")
    changed = sorted((copy / "catalogs").glob("*.po"))[0]
    original = changed.read_bytes()
    lines = original.split(b"\n")
    translated = [number for number, line in enumerate(lines) if line.startswith(b'msgstr "') and line != b'msgstr ""']
    edited = translated[len(translated) // 2] if translated else None
    argv = transkit + [
        "check",
        str(copy / "catalogs"),
        "--glossary",
        str(copy / "glossary"),
        "--format",
        "json",
        "-o",
        "/dev/null",
    ]
    fill = argv  # the run that fills the cache, over the whole folder
    if hook:  # transkit check CATALOG ...
        argv = [*argv[: len(transkit) + 1], str(changed), *argv[len(transkit) + 2 :]]
        name = f"pre-commit hook: transkit check {changed.name}, one message changed (cache)"
    elif message:
        name = f"transkit check, one message of {changed.name} changed (cache)"
    else:
        name = f"transkit check, one catalog changed ({changed.name}; cache)"
    state = {"runs": 0}

    def prepare() -> None:
        if state["runs"] == 0:  # fill the cache once, untimed
            subprocess.run(fill, env=env, cwd=cwd, capture_output=True)  # where it is timed: the key has the folder
        state["runs"] += 1
        if message and edited is not None:
            lines[edited] = f'msgstr "benchmark edit {state["runs"]}"'.encode()
            changed.write_bytes(b"\n".join(lines))
        else:
            changed.write_bytes(original + f"# benchmark edit {state['runs']}\n".encode())

    return Tool(name, argv, {0, 1}, "transkit check", informational=True, prepare=prepare)


def estimate_pofilter(tool: Tool, corpus: Path, env: dict, cwd: Path, tmp: Path) -> dict:
    """pofilter timed once on one catalog and once on the catalogs of SUBSET; the line through
    the two points (start-up cost + cost per byte) extrapolated to the whole corpus."""
    points = []
    for langs in (SUBSET[:1], SUBSET):
        subset = tmp / "subset"
        subset.mkdir()
        for lang in langs:
            source = corpus / "catalogs" / f"{lang}.po"
            if source.exists():
                shutil.copy(source, subset / source.name)
        out = tmp / "subset-out"
        result = measure([tool.argv[0], "-i", str(subset), "-o", str(out)], env, cwd, sample_tree=False)
        shutil.rmtree(out, ignore_errors=True)
        points.append((sum(p.stat().st_size for p in subset.iterdir()), result["wall"], result["maxrss_mb"]))
        shutil.rmtree(subset)
    total_bytes = sum(p.stat().st_size for p in (corpus / "catalogs").iterdir() if p.suffix in (".po", ".pot"))
    (b1, t1, _), (b4, t4, rss) = points
    per_byte = max(t4 - t1, 0.0) / (b4 - b1) if b4 > b1 else t4 / b4
    fixed = max(t1 - per_byte * b1, 0.0)
    return {
        "subset": [f"{lang}.po" for lang in SUBSET],
        "subset_bytes": b4,
        "subset_wall": t4,
        "single_wall": t1,
        "subset_maxrss_mb": rss,
        "startup": fixed,
        "per_mb": per_byte * 2**20,
        "wall": fixed + per_byte * total_bytes,
    }


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------


def summary(tool: Tool) -> dict | None:
    if tool.runs:
        walls = [r["wall"] for r in tool.runs]
        return {
            "median": statistics.median(walls),
            "min": min(walls),
            "max": max(walls),
            "cpu": statistics.median(r["cpu"] for r in tool.runs),
            "maxrss": max(r["maxrss_mb"] for r in tool.runs),
            "tree": max((r["tree_rss_mb"] or 0) for r in tool.runs),
            "pss": max((r.get("tree_pss_mb") or 0) for r in tool.runs) or None,
            "n": len(walls),
            "extrapolated": False,
        }
    if tool.extrapolated:
        w = tool.extrapolated["wall"]
        return {
            "median": w,
            "min": w,
            "max": w,
            "cpu": None,
            "maxrss": None,
            "tree": None,
            "pss": None,
            "n": 0,
            "extrapolated": True,
        }
    return None


def fmt(x: float | None, digits: int = 2) -> str:
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def report(corpus: Path, facts: dict, tools: list[Tool], info: dict) -> str:
    sums = {t.name: summary(t) for t in tools}
    lines = [f"### Corpus `{corpus}`", ""]
    lines.append(
        f"{facts['catalogs']} catalogs + {facts['templates']} template, {facts['entries']:,} active entries in the catalogs "
        f"({facts['obsolete']:,} obsolete), {facts['bytes'] / 2**20:.1f} MB on disk (catalogs and template; termbase "
        f"{facts['glossary_bytes'] / 1e3:.0f} kB). {info['runs']} timed run(s) per tool, alternating, order rotated every round; "
        f"load average during the runs {info['load_min']:.2f}–{info['load_max']:.2f} on {info['machine']['cores']} cores."
    )
    lines += [
        "",
        "| tool | median s | min s | max s | CPU s (median) | peak RSS MB | tree RSS MB (sampled) | tree PSS MB (sampled) | ratio vs transkit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for tool in tools:
        s = sums[tool.name]
        if s is None:
            continue
        ref = sums.get(tool.compare) if tool.compare else None
        if tool.name == tool.compare:
            ratio = "1 (reference)"
        elif ref and ref["median"]:
            ratio = f"{s['median'] / ref['median']:.3g}× {tool.compare.split()[-1]}"
        else:
            ratio = "–"
        name = tool.name + (" **(extrapolated)**" if s["extrapolated"] else "")
        lines.append(
            f"| {name} | {fmt(s['median'])} | {fmt(s['min'])} | {fmt(s['max'])} | {fmt(s['cpu'])} | {fmt(s['maxrss'], 0)} | {fmt(s['tree'], 0)} | {fmt(s.get('pss'), 0)} | {ratio} |"
        )
    lines.append("")
    lines.append(
        "Ratio: the tool's median wall time divided by that of transkit check (stats for pocount); below 1 the tool is faster than transkit. MB = 2^20 bytes. "
        "Peak RSS: of the largest single process (GNU time). Tree RSS and PSS: the peak of the sum over the process and its workers, sampled every 0.5 s; "
        "RSS counts the pages forked workers share with their parent once per process, PSS (proportional set size) counts every page once, so the tree's PSS is the memory it occupies."
    )
    for tool in tools:
        if tool.extrapolated:
            e = tool.extrapolated
            lines.append(
                f"\n{tool.name} was **not run** on the full corpus: timed once on {e['subset'][0]} ({e['single_wall']:.1f} s) "
                f"and once on {', '.join(e['subset'])} ({e['subset_bytes'] / 2**20:.2f} MB, {e['subset_wall']:.1f} s, peak RSS "
                f"{e['subset_maxrss_mb']:.0f} MB); the line through both ({e['startup']:.1f} s + {e['per_mb']:.1f} s per MB) "
                f"extrapolated to the corpus gives **{e['wall']:.0f} s per run** (over the --skip-slow limit)."
            )
    bad = [
        (t.name, r["exit"], r["stderr_tail"])
        for t in tools
        for r in t.runs
        if t.ok_codes is not None and r["exit"] not in t.ok_codes
    ]
    for name, code, tail in bad[:3]:
        lines.append(
            f"\n**Warning**: {name} exited {code}; last lines of its stderr:\n\n```\n{tail.strip()[-800:]}\n```"
        )

    check, stats = sums.get("transkit check"), sums.get("transkit stats")
    msgfmt = sums.get("msgfmt --check --statistics loop")
    msgfmt_stats = sums.get("msgfmt --statistics loop")
    pofilter = sums.get("pofilter (default tests)")
    pocount = sums.get("pocount")
    dennis = sums.get("dennis lint")
    spector = next((sums[t.name] for t in tools if t.name.startswith("i18nspector") and sums[t.name]), None)
    changed = next((sums[t.name] for t in tools if t.name.startswith("transkit check, one catalog changed")), None)
    hook = next((sums[t.name] for t in tools if t.name.startswith("pre-commit hook:")), None)
    corpus_mb = facts["bytes"] / 2**20
    lines += [
        "",
        "Targets of issue 19 (ratios of medians measured in this run):",
        "",
        "| target | measured | status |",
        "|---|---|---|",
    ]

    def status(ok: bool | None) -> str:
        return "–" if ok is None else ("met" if ok else "**not met**")

    def cpu(a: dict, b: dict) -> str:
        if a.get("cpu") and b.get("cpu"):
            return f"; CPU time {fmt(a['cpu'])} s / {fmt(b['cpu'])} s = {a['cpu'] / b['cpu']:.3g}×"
        return ""

    if check and msgfmt:
        factor = check["median"] / msgfmt["median"]
        lines.append(
            f"| transkit check ≤ 1.0× the msgfmt loop | check {fmt(check['median'])} s / loop {fmt(msgfmt['median'])} s = {factor:.3g}× the loop's time{cpu(check, msgfmt)} | {status(factor <= 1)} |"
        )
    for peer, label in ((dennis, "dennis lint"), (spector, "i18nspector")):
        if check and peer:
            speedup = peer["median"] / check["median"]
            lines.append(
                f"| transkit check faster than {label} | {label} {fmt(peer['median'])} s / check {fmt(check['median'])} s = {speedup:.3g}×{cpu(peer, check)} | {status(speedup > 1)} |"
            )
    if stats and pocount:
        speedup = pocount["median"] / stats["median"]
        lines.append(
            f"| transkit stats ≥ 5× faster than pocount | pocount {fmt(pocount['median'])} s / stats {fmt(stats['median'])} s = {speedup:.3g}×{cpu(pocount, stats)} | {status(speedup >= 5)} |"
        )
    if stats and msgfmt_stats:
        factor = stats["median"] / msgfmt_stats["median"]
        lines.append(
            f"| (informational) transkit stats against the msgfmt --statistics loop | stats {fmt(stats['median'])} s / loop {fmt(msgfmt_stats['median'])} s = {factor:.3g}× the loop's time | – |"
        )
    # The pre-commit case (one catalog changed, warm cache) is the run the shipped
    # hook makes: the target. The same change with the whole folder named is shown beside it.
    if check and hook:
        share = hook["median"] / check["median"]
        lines.append(
            f"| one catalog changed (warm cache) ≤ 1/10 of cold: the pre-commit case, as the shipped hook runs it | {fmt(hook['median'])} s / {fmt(check['median'])} s = 1/{1 / share:.3g} | {status(share <= 0.1)} |"
        )
    if check and changed:
        share = changed["median"] / check["median"]
        lines.append(
            f"| one catalog changed (warm cache) ≤ 1/10 of cold: the whole folder named | {fmt(changed['median'])} s / {fmt(check['median'])} s = 1/{1 / share:.3g} | {status(share <= 0.1)} |"
        )
    if check and pofilter:
        speedup = pofilter["median"] / check["median"]
        label = " (pofilter extrapolated)" if pofilter["extrapolated"] else ""
        lines.append(
            f"| (issue 7) transkit check ≥ 20× faster than pofilter | pofilter {fmt(pofilter['median'])} s / check {fmt(check['median'])} s = {speedup:.3g}×{label}{cpu(pofilter, check)} | {status(speedup >= 20)} |"
        )
    for s, name in ((check, "check"), (stats, "stats")):
        if s:
            # The tree's PSS when sampled (every page once), never below the largest process.
            peak = max(s["maxrss"], s.get("pss") or s["tree"] or 0)
            basis = "tree PSS" if s.get("pss") else "tree RSS"
            lines.append(
                f"| transkit {name} peak memory ≤ 3× corpus size ({corpus_mb:.1f} MB → limit {3 * corpus_mb:.0f} MB) | {peak:.0f} MB ({basis}) = {peak / corpus_mb:.2f}× the corpus; tree RSS {fmt(s['tree'], 0)} MB | {status(peak <= 3 * corpus_mb)} |"
            )
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", type=Path, nargs="?", help="a folder made by bench/corpus.py (catalogs/ and glossary/)"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool (default 5)")
    parser.add_argument("--pofilter", default=shutil.which("pofilter"), help="Translate Toolkit's pofilter")
    parser.add_argument("--pocount", default=shutil.which("pocount"), help="Translate Toolkit's pocount")
    parser.add_argument("--msgfmt", default=None, help="GNU msgfmt (default: from PATH)")
    parser.add_argument("--dennis", default=shutil.which("dennis-cmd"), help="dennis's dennis-cmd (pip install dennis)")
    parser.add_argument("--i18nspector", default=shutil.which("i18nspector"), help="i18nspector (Debian package)")
    parser.add_argument("--transkit", default="transkit", help="the transkit command (default: transkit from PATH)")
    parser.add_argument(
        "--snapshot", type=Path, help="copy the transkit package here and run python -m transkit from the copy"
    )
    parser.add_argument(
        "--skip-slow",
        type=float,
        metavar="MINUTES",
        help="skip pofilter when it would take more than MINUTES per run (extrapolated from a subset)",
    )
    parser.add_argument("--no-polib", action="store_true", help="leave out the informational polib parse row")
    parser.add_argument("--no-tree-rss", action="store_true", help="do not sample the RSS of the process tree")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument(
        "--report-only", type=Path, metavar="JSON", help="print the report of a run saved with --json and run nothing"
    )
    args = parser.parse_args(argv)
    if args.report_only:
        print(render(json.loads(args.report_only.read_text(encoding="utf-8"))), end="")
        return 0
    if args.corpus is None:
        parser.error("CORPUSDIR is required (or --report-only FILE)")

    corpus = args.corpus.resolve()
    if not (corpus / "catalogs").is_dir():
        parser.error(f"{corpus}/catalogs is not a folder: make the corpus with bench/corpus.py")
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    env = dict(os.environ)
    # Timed as installed: pip writes each package's byte code at install, and an editable
    # install writes it on its first run. PYTHONDONTWRITEBYTECODE in the caller's shell
    # would leave the snapshot's never written, and every transkit row would compile its
    # modules from source (about 0.15 s a run) while the peers' are read compiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = package_dir()
    if args.snapshot:
        target = args.snapshot.resolve() / "transkit"
        if target.exists():
            print(f"reusing the snapshot {target} (delete it to take a new one)", file=sys.stderr)
        else:
            shutil.copytree(package, target, ignore=shutil.ignore_patterns("__pycache__"))
        env["PYTHONPATH"] = str(args.snapshot.resolve()) + (
            os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
        )
        transkit = [sys.executable, "-m", "transkit"]
        package = target
        where = subprocess.run(
            transkit[:1] + ["-c", "import transkit; print(transkit.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            cwd=args.snapshot.resolve(),  # not here: `python -c` imports from its working folder first
        ).stdout.strip()
        if not where.startswith(str(target)):
            sys.exit(f"the snapshot is not the transkit Python imports ({where})")
    else:
        transkit = shlex.split(args.transkit)
    before = fingerprint(package)

    info: dict = {
        "machine": machine(),
        "runs": args.runs,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    info["versions"] = {
        "transkit": first_line(transkit + ["--version"]),
        "msgfmt": first_line([args.msgfmt or "msgfmt", "--version"]),
        "pofilter": first_line([args.pofilter, "--version"]) if args.pofilter else None,
        "dennis": dennis_version(args.dennis) if args.dennis else None,
        "i18nspector": first_line([args.i18nspector, "--version"]) if args.i18nspector else None,
    }
    facts = corpus_facts(corpus / "catalogs")
    print(
        f"corpus {corpus}: {facts['entries']:,} entries, {facts['bytes'] / 2**20:.1f} MB; transkit {info['versions']['transkit']} ({package}, fingerprint {before})",
        file=sys.stderr,
    )

    with tempfile.TemporaryDirectory(prefix="transkit-bench-") as tmpname:
        tmp = Path(tmpname)
        cwd = tmp / "cwd"
        cwd.mkdir()
        tools = tools_for(corpus, args, transkit, tmp, env)
        # warm the page cache and the byte-code caches; nothing of this is timed
        for path in (corpus / "catalogs").iterdir():
            path.read_bytes()
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, capture_output=True)
        subprocess.run(transkit + ["checks"], env=env, cwd=cwd, capture_output=True)
        if args.skip_slow is not None:
            for tool in tools:
                if tool.name.startswith("pofilter"):
                    estimate = estimate_pofilter(tool, corpus, env, cwd, tmp)
                    print(
                        f"pofilter estimate: {estimate['wall']:.0f} s per run ({estimate['startup']:.1f} s + {estimate['per_mb']:.1f} s/MB)",
                        file=sys.stderr,
                    )
                    if estimate["wall"] > args.skip_slow * 60:
                        tool.extrapolated = estimate
        timed = [t for t in tools if t.extrapolated is None]
        for round_no in range(args.runs):
            order = timed[round_no % len(timed) :] + timed[: round_no % len(timed)]
            for tool in order:
                if tool.outdir:
                    shutil.rmtree(tool.outdir, ignore_errors=True)
                if tool.prepare is not None:
                    tool.prepare()
                result = measure(tool.argv, env, cwd, sample_tree=not args.no_tree_rss)
                if tool.outdir:
                    shutil.rmtree(tool.outdir, ignore_errors=True)
                tool.runs.append(result)
                flag = (
                    ""
                    if tool.ok_codes is None or result["exit"] in tool.ok_codes
                    else f"  UNEXPECTED EXIT {result['exit']}"
                )
                print(
                    f"round {round_no + 1}/{args.runs} {tool.name}: {result['wall']:.2f} s, {result['maxrss_mb']:.0f} MB, exit {result['exit']}, load {result['loadavg']:.2f}{flag}",
                    file=sys.stderr,
                )

    after = fingerprint(package)
    loads = [r["loadavg"] for t in tools for r in t.runs] or [os.getloadavg()[0]]
    info.update(load_min=min(loads), load_max=max(loads), finished=datetime.now(UTC).isoformat(timespec="seconds"))
    data = {
        "corpus": str(corpus),
        "facts": facts,
        "info": info,
        "fingerprint": {"before": before, "after": after},
        "tools": [
            {
                "name": t.name,
                "argv": t.argv,
                "ok_codes": sorted(t.ok_codes) if t.ok_codes is not None else None,
                "compare": t.compare,
                "informational": t.informational,
                "runs": t.runs,
                "extrapolated": t.extrapolated,
                "summary": summary(t),
            }
            for t in tools
        ],
    }
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(render(data), end="")
    return 0


def _tool_from(record: dict) -> Tool:
    name = record["name"]
    default_compare = (
        "transkit stats" if name in ("transkit stats", "pocount", "msgfmt --statistics loop") else "transkit check"
    )
    default_ok = [0, 1] if name == "transkit check" else None if name.startswith("msgfmt") else [0]
    ok = record.get("ok_codes", default_ok)
    return Tool(
        name,
        record["argv"],
        set(ok) if ok is not None else None,
        record.get("compare", default_compare),
        informational=record.get("informational", False),
        runs=record["runs"],
        extrapolated=record.get("extrapolated"),
    )


def render(data: dict) -> str:
    """The Markdown report of a run (also from a saved --json file: --report-only)."""
    info, facts, fp = data["info"], data["facts"], data["fingerprint"]
    tools = [_tool_from(t) for t in data["tools"]]
    changed = "" if fp["after"] == fp["before"] else f", CHANGED during the run to {fp['after']}"
    out = [
        f"Measured {info['started']} – {info['finished']} on {info['machine']['cpu']}, {info['machine']['cores']} cores, "
        f"{info['machine']['ram_gb']:.0f} GB RAM, Python {info['machine']['python']}; {info['versions']['transkit']} "
        f"(source fingerprint {fp['before']}{changed}), {info['versions']['msgfmt']}, {info['versions']['pofilter'] or 'no pofilter'}"
        f"{''.join(', ' + v for k in ('dennis', 'i18nspector') if (v := info['versions'].get(k)))}.",
        "",
        report(Path(data["corpus"]), facts, tools, info),
        "Commands:",
        "",
    ]
    for tool in tools:
        shown = (
            tool.argv
            if "-c" not in tool.argv[1:2] or tool.argv[0] == "sh"
            else [tool.argv[0], "-c", "<polib.pofile() on every catalog>", *tool.argv[3:]]
        )
        out.append(f"- {tool.name}: `{shlex.join(shown)}`")
    if changed:
        out.append(
            f"\n**Warning**: the transkit source changed during the run (fingerprint {fp['before']} → {fp['after']}); the numbers mix two versions."
        )
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
