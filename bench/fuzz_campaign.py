"""A long fuzz campaign: the properties of tests/integration/test_fuzz.py, for minutes instead of seconds.

    python bench/fuzz_campaign.py --minutes 10 --out fuzz-out
    python bench/fuzz_campaign.py --minutes 60 --workers 2 --seed 7 --out fuzz-out
    python bench/fuzz_campaign.py --minutes 0 --hostile      # only the hostile inputs, timed
    python bench/fuzz_campaign.py --replay fuzz-out/engine-KeyError-checks_header.py_120/1

Two sources of inputs, interleaved:

* **mutation**: a real catalog (the shipped campaign, tests/data/**/*.po and *.pot,
  bench/planted) with one to three random mutations of tests/integration/test_fuzz.py (byte flips,
  truncation, BOM, CRLF, NUL, latin-1, UTF-16, a duplicated entry, giant lines, a huge
  msgctxt, thousands of plural forms, hostile Plural-Forms, ...), as a catalog of a
  project whose template is the one beside the seed (or the seed itself);
* **generated**: hypothesis's ``projects()`` and ``mutated_projects()`` strategies of
  tests/integration/test_fuzz.py, run in rounds with fresh random seeds.

Every input goes through the loader property; a project that loads goes through the engine
property (every check, the shipped termbase, every reporter); every ``--cli-every``-th
input through the command line (``check`` in text, json and sarif, and ``stats``); every
``--msgfmt-every``-th mutated catalog is compared with GNU msgfmt.  An input that takes
more than ``--slow`` seconds (plus ``--slow-per-form`` per translation form: checking is
linear in them) is recorded as slow.  ``--hostile`` first runs every hostile termbase form
(100,000-character terms, regular-expression syntax) and hostile Plural-Forms expression,
each in a child process killed after ``--hostile-seconds``, and records their times in
``OUT/hostile.json``.

A failure is written to ``OUT/<property>-<exception>-<where>/<n>/``: the input files
(``site.pot`` and the catalog), ``error.txt`` with the traceback, and ``input.json`` with
how it was made.  ``--replay DIR`` runs the properties on such a folder again.  At the
end ``OUT/summary.json`` holds the counts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # conftest, for the shared paths
sys.path.insert(0, str(ROOT / "tests" / "integration"))
sys.path.insert(0, str(ROOT))

import test_fuzz as fz  # noqa: E402  (the properties and generators)

fz.LARGE = True  # full-size giant inputs, which the suite keeps smaller
import transkit  # noqa: E402
from transkit.errors import CatalogError  # noqa: E402

SEEDS = sorted(
    {
        *ROOT.glob("catalogs/*.po"),
        *ROOT.glob("catalogs/*.pot"),
        *ROOT.glob("tests/data/**/*.po"),
        *ROOT.glob("tests/data/**/*.pot"),
        *ROOT.glob("bench/planted/*.po*"),
    }
)


class Slow(Exception):
    """An input took longer than the --slow bound (raised by SIGALRM)."""


def _alarm(signum, frame):
    raise Slow("took longer than the time bound")


@contextlib.contextmanager
def time_bound(seconds: float):
    """SIGALRM after ``seconds``; catches Python-level hangs (not a stuck C call, which
    the summary then shows as the campaign's wall time running over)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def template_for(seed: Path) -> Path:
    """The seed's template: the one *.pot beside it or in its parent (LC_MESSAGES layouts
    have it two levels up), else the seed itself (a catalog read as a template)."""
    for folder in (seed.parent, seed.parent.parent, seed.parent.parent.parent):
        pots = sorted(folder.glob("*.pot"))
        if len(pots) == 1:
            return pots[0]
        if pots:
            break
    return seed


def where(error: BaseException) -> str:
    """The innermost frame of transkit (or of the test module) where an error was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if "/transkit/" in f.filename] or frames
    if not inside:
        return "unknown"
    frame = inside[-1]
    return f"{Path(frame.filename).name}_{frame.lineno}"


class Campaign:
    def __init__(self, out: Path, seed: int, args: argparse.Namespace) -> None:
        self.out = out
        self.rnd = random.Random(seed)
        self.args = args
        self.counts: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.scratch = Path(tempfile.mkdtemp(prefix="transkit-campaign-"))
        self.index = 0

    # ------------------------------------------------------------------ recording
    def record(self, prop: str, error: BaseException, generated: fz.Generated, how: dict) -> None:
        signature = f"{prop}-{type(error).__name__}-{where(error)}"
        self.failures[signature] += 1
        folder = self.out / signature
        existing = sorted(folder.glob("*")) if folder.exists() else []
        if len(existing) >= self.args.keep:
            return
        case = folder / f"{os.getpid()}-{self.index}"
        case.mkdir(parents=True, exist_ok=True)
        (case / "site.pot").write_bytes(generated.template)
        (case / generated.name).write_bytes(generated.catalog)
        (case / "error.txt").write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        (case / "input.json").write_text(
            json.dumps({**how, "name": generated.name, "property": prop}, indent=2), encoding="utf-8"
        )
        print(f"FAILURE {signature} -> {case}", flush=True)

    # ------------------------------------------------------------------ one input
    def run_one(self, generated: fz.Generated, how: dict, *, msgfmt: bool) -> None:
        self.index += 1
        self.counts["inputs"] += 1
        self.counts[f"inputs:{how['source']}"] += 1
        folder = Path(tempfile.mkdtemp(dir=self.scratch))
        try:
            self._properties(generated, how, folder, msgfmt=msgfmt)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _properties(self, generated: fz.Generated, how: dict, folder: Path, *, msgfmt: bool) -> None:
        bound = self.args.slow
        try:
            with time_bound(bound):
                outcome = fz.loader_property(generated.catalog, folder, generated.name)
            self.counts["loader:" + ("rejected" if isinstance(outcome, CatalogError) else "accepted")] += 1
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            self.record("loader", error, generated, how)
            return
        if msgfmt and fz.MSGFMT:
            try:
                verdict = fz.differential_property(generated.catalog, folder, generated.name)
                self.counts[f"msgfmt:{verdict}"] += 1
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                self.record("msgfmt", error, generated, how)
        project_folder = folder / "project"
        project_folder.mkdir()
        try:
            with time_bound(bound):
                project = fz.load_project_property(generated, project_folder)
            self.counts["load_project:" + ("ok" if isinstance(project, transkit.Project) else "error")] += 1
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            self.record("load_project", error, generated, how)
            return
        if isinstance(project, transkit.Project):
            # Checking is linear in the number of translation forms (about 1-2 ms each on a
            # 2-core machine): the bound grows with them, so "slow" means worse than linear.
            forms = sum(len(e.msgstr) for c in (project.template, *project.catalogs) for e in c.entries)
            bound = self.args.slow + forms * self.args.slow_per_form
            try:
                with time_bound(bound):
                    report = fz.engine_property(project, self.rnd.choice([None, 50.0]), self.rnd)
                self.counts["engine:runs"] += 1
                self.counts["engine:findings"] += len(report.findings)
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                self.record("engine" if not isinstance(error, Slow) else "engine-slow", error, generated, how)
        if self.index % self.args.cli_every == 0:
            args = self.rnd.choice(fz.CLI_RUNS)
            try:
                with time_bound(bound * 2):
                    code, _, _ = fz.cli_property(project_folder, list(args))
                self.counts[f"cli:{args[0]}:exit {code}"] += 1
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                self.record("cli", error, generated, how)

    # ------------------------------------------------------------------ sources
    def mutation_input(self) -> tuple[fz.Generated, dict]:
        seed = self.rnd.choice(SEEDS)
        template = template_for(seed)
        kinds = [self.rnd.choice(sorted(fz.MUTATIONS)) for _ in range(self.rnd.randint(1, 3))]
        state = self.rnd.getrandbits(64)
        data = fz.mutate(seed.read_bytes(), kinds, random.Random(state))
        name = seed.name if seed.suffix == ".po" else "fr.po"
        if name == "site.pot":
            name = "fr.po"
        how = {
            "source": "mutation",
            "seed": str(seed.relative_to(ROOT)),
            "template": str(template.relative_to(ROOT)),
            "mutations": kinds,
            "random_state": state,
        }
        return fz.Generated(template.read_bytes(), data, name, kinds), how

    def generated_round(self, deadline: float) -> None:
        """One hypothesis run of a few hundred examples, failures recorded, not raised."""
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        examples = self.args.hypothesis_round

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
            phases=["generate"],
        )
        @given(st.one_of(fz.projects(), fz.mutated_projects()))
        def round_(generated: fz.Generated) -> None:
            if time.monotonic() > deadline:
                return
            how = {"source": "generated", "mutations": generated.mutations}
            self.run_one(generated, how, msgfmt=self.index % self.args.msgfmt_every == 0)

        round_()

    def run(self, minutes: float) -> dict:
        started = time.monotonic()
        deadline = started + minutes * 60
        last_report = started
        while time.monotonic() < deadline:
            if self.rnd.random() < self.args.generated_share:
                self.generated_round(deadline)
                self.counts["hypothesis rounds"] += 1
            else:
                for _ in range(50):
                    if time.monotonic() >= deadline:
                        break
                    generated, how = self.mutation_input()
                    self.run_one(generated, how, msgfmt=self.index % self.args.msgfmt_every == 0)
            if time.monotonic() - last_report > 30:
                last_report = time.monotonic()
                elapsed = (last_report - started) / 60
                print(
                    f"[{os.getpid()}] {elapsed:5.1f} min: {self.counts['inputs']} inputs, "
                    f"{sum(self.failures.values())} failures ({len(self.failures)} kinds)",
                    flush=True,
                )
        shutil.rmtree(self.scratch, ignore_errors=True)
        return {
            "seconds": round(time.monotonic() - started, 1),
            "counts": dict(self.counts),
            "failures": dict(self.failures),
        }


def hostile_inputs(out: Path, seconds: float) -> dict:
    """Every hostile termbase form and Plural-Forms of tests/integration/test_fuzz.py, timed, each in a
    child process killed after ``seconds``; plus random termbase forms built from them."""
    timings: dict[str, float] = {}
    failures: dict[str, str] = {}
    rnd = random.Random(0)
    forms = list(fz.HOSTILE_FORMS)
    for _ in range(10):  # random mixtures of atoms, regex syntax and long runs
        pieces = [rnd.choice(fz.ATOMS + ["(", ")+", "*", "\\", "[", "$", "^", ".*"]) for _ in range(rnd.randint(1, 40))]
        forms.append("".join(pieces) * rnd.choice([1, 10, 1000]))
    jobs = [
        ("termbase", form, (fz._check_with_termbase, form, form[:2000] + " the end", "aaaa " * 4000)) for form in forms
    ]
    jobs += [("plural-forms", value, (fz._check_plural_forms, value)) for value in fz.HOSTILE_PLURAL_FORMS]
    for kind, value, call in jobs:
        label = f"{kind}:{value[:30]!r}…{len(value)}"
        started = time.monotonic()
        try:
            fz.bounded(*call, seconds=seconds)
        except AssertionError as error:
            failures[label] = str(error)[:500]
            print(f"FAILURE {label}: {str(error)[:200]}", flush=True)
        timings[label] = round(time.monotonic() - started, 2)
    (out / "hostile.json").write_text(
        json.dumps({"timings": timings, "failures": failures}, indent=2), encoding="utf-8"
    )
    slowest = sorted(timings.items(), key=lambda item: -item[1])[:5]
    print("hostile inputs: slowest", slowest, flush=True)
    return {"count": len(timings), "slowest": slowest, "failures": failures}


def worker(out: str, seed: int, minutes: float, args: argparse.Namespace) -> dict:
    return Campaign(Path(out), seed, args).run(minutes)


def replay(folder: Path) -> int:
    how = json.loads((folder / "input.json").read_text(encoding="utf-8"))
    name = how["name"]
    generated = fz.Generated((folder / "site.pot").read_bytes(), (folder / name).read_bytes(), name)
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        print("loader:", fz.loader_property(generated.catalog, scratch_path, name))
        project_folder = scratch_path / "project"
        project_folder.mkdir()
        project = fz.load_project_property(generated, project_folder)
        print("load_project:", project)
        if isinstance(project, transkit.Project):
            started = time.monotonic()
            report = fz.engine_property(project)
            print(f"engine: {len(report.findings)} findings in {time.monotonic() - started:.2f} s")
        for args in fz.CLI_RUNS:
            print("cli", args, "->", fz.cli_property(project_folder, list(args))[0])
        if fz.MSGFMT:
            print("msgfmt:", fz.differential_property(generated.catalog, scratch_path, name))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="wall time of the campaign (per worker)")
    parser.add_argument("--workers", type=int, default=1, help="parallel worker processes")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"), help="folder for failures and summary.json")
    parser.add_argument(
        "--slow", type=float, default=10.0, help="seconds after which one property run counts as a hang"
    )
    parser.add_argument(
        "--slow-per-form", type=float, default=0.005, help="seconds added to --slow per translation form"
    )
    parser.add_argument("--cli-every", type=int, default=10, help="run the command line on every n-th input")
    parser.add_argument("--msgfmt-every", type=int, default=5, help="compare with msgfmt on every n-th input")
    parser.add_argument("--generated-share", type=float, default=0.4, help="share of rounds from hypothesis strategies")
    parser.add_argument("--hypothesis-round", type=int, default=200, help="examples per hypothesis round")
    parser.add_argument("--keep", type=int, default=3, help="reproducers kept per failure signature")
    parser.add_argument("--replay", type=Path, help="run the properties on a recorded failure folder")
    parser.add_argument(
        "--hostile", action="store_true", help="first time every hostile termbase form and Plural-Forms"
    )
    parser.add_argument("--hostile-seconds", type=float, default=60.0, help="bound for one hostile input")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    seed = args.seed if args.seed is not None else int(time.time())
    args.out.mkdir(parents=True, exist_ok=True)
    hostile = hostile_inputs(args.out, args.hostile_seconds) if args.hostile else None
    print(
        f"fuzz campaign: {args.minutes} min x {args.workers} worker(s), seed {seed}, {len(SEEDS)} seed files, "
        f"msgfmt {'at ' + fz.MSGFMT if fz.MSGFMT else 'missing'}",
        flush=True,
    )
    if args.workers == 1:
        results = [worker(str(args.out), seed, args.minutes, args)]
    else:
        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            results = pool.starmap(worker, [(str(args.out), seed + i, args.minutes, args) for i in range(args.workers)])
    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for result in results:
        counts.update(result["counts"])
        failures.update(result["failures"])
    summary = {
        "seed": seed,
        "minutes_per_worker": args.minutes,
        "workers": args.workers,
        "worker_seconds": [r["seconds"] for r in results],
        "counts": dict(sorted(counts.items())),
        "failures": dict(sorted(failures.items())),
    }
    if hostile is not None:
        summary["hostile"] = hostile
        failures.update({f"hostile {label}": 1 for label in hostile["failures"]})
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
