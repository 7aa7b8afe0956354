"""transkit on real third-party catalogs: how many of its findings are true.

Not part of the test run. Needs pip (to download the wheels) and network access to PyPI
the first time; afterwards everything is read from the cache folder.

    python bench/real_catalogs.py run [--cache DIR]        # download, check, sample
    python bench/real_catalogs.py score [--markdown]       # precision per code
    python bench/real_catalogs.py exits [--cache DIR]      # exit 0 or 1 on every valid catalog

``run`` downloads Django (two releases) and Sphinx with ``pip download`` into the cache
folder (outside the repository: ``~/.cache/transkit-bench`` unless ``--cache`` says
otherwise), lays out one project per catalog family (Django's core and admin catalogs, with
the English catalog as the template, which Django does not ship; Sphinx with its
``sphinx.pot``), runs ``transkit check --format json`` on each, and samples findings per
code (at most ``--per-code`` per code and project, chosen with a fixed seed) into
``bench/judgements/sample.csv`` (over all projects). A row already judged keeps its verdict: re-running
after a fix adds rows for new findings and marks rows whose finding is gone as ``fixed``.

Each row is judged by a person reading the entry (the source, the translation, the
message), in the ``verdict`` column: ``true`` (a defect worth fixing), ``acceptable`` (a
warning a careful reviewer is glad to read, though the translation may stand) or
``false`` (nothing wrong), with the reason in ``reason``. ``score`` counts them per code:
precision is (true + acceptable) / judged for warnings, true / judged for errors. The
numbers are in docs/precision.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENTS = ROOT / "bench" / "judgements"
DEFAULT_CACHE = Path.home() / ".cache" / "transkit-bench"
WHEELS = {
    "django-6.1.3": "django==6.1.3",
    "django-5.2.8": "django==5.2.8",
    "sphinx-9.0.4": "sphinx==9.0.4",
}
# project name -> (wheel, folder of the locales in it, domain file, template in the wheel)
PROJECTS = {
    "django-6.1.3-core": ("django-6.1.3", "django/conf/locale", "django.po", None),
    "django-6.1.3-admin": ("django-6.1.3", "django/contrib/admin/locale", "django.po", None),
    "django-5.2.8-core": ("django-5.2.8", "django/conf/locale", "django.po", None),
    "django-5.2.8-admin": ("django-5.2.8", "django/contrib/admin/locale", "django.po", None),
    "sphinx-9.0.4": ("sphinx-9.0.4", "sphinx/locale", "sphinx.po", "sphinx/locale/sphinx.pot"),
}
FIELDS = ["id", "code", "severity", "file", "line", "msgctxt", "msgid", "msgstr", "message", "verdict", "reason"]
SEED = 17


def wheel(cache: Path, name: str) -> Path:
    """The wheel in the cache, downloaded with pip when it is not there yet."""

    def cached() -> list[Path]:
        return sorted(p for p in cache.glob("*.whl") if p.name.lower().startswith(name + "-"))

    if not cached():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
            + ["--python-version", "3.12", "-q", "-d", str(cache), WHEELS[name]],
            check=True,
        )
    return cached()[0]


def stage(cache: Path, project: str) -> Path:
    """The project laid out as transkit reads it: <lang>/LC_MESSAGES/<domain>.po and a template."""
    name, folder, domain, template = PROJECTS[project]
    target = cache / "stage" / project
    if target.exists():
        return target
    with zipfile.ZipFile(wheel(cache, name)) as archive:
        for member in archive.namelist():
            if not member.startswith(folder + "/") or not member.endswith("/LC_MESSAGES/" + domain):
                continue
            language = member[len(folder) + 1 :].split("/")[0]
            if template is None and language == "en":
                # Django ships no template: its English catalog is one (empty msgstrs).
                (target).mkdir(parents=True, exist_ok=True)
                (target / domain.replace(".po", ".pot")).write_bytes(archive.read(member))
                continue
            path = target / language / "LC_MESSAGES" / domain
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.read(member))
        if template is not None:
            target.mkdir(parents=True, exist_ok=True)
            (target / Path(template).name).write_bytes(archive.read(template))
    return target


def findings(cache: Path, project: str) -> list[dict]:
    """``transkit check --format json`` on the staged project, kept in the cache."""
    folder = stage(cache, project)
    out = cache / "findings" / f"{project}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)  # a run that writes nothing must not be read as the last one's findings
    done = subprocess.run(
        [sys.executable, "-m", "transkit", "check", str(folder), "--format", "json", "--fail-on", "never"]
        + ["-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"{project}: transkit check exited {done.returncode}: {done.stderr.strip()[:500]}")
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def translation(finding: dict, cache: Path) -> str:
    """The translation of the finding's entry, for the reader of the judgement file."""
    from transkit.po.reader import read_catalog

    if not finding.get("msgid"):
        return ""
    try:
        catalog = read_catalog(cache / finding["file"])
    except Exception:  # noqa: BLE001 - an unreadable catalog has no translation to show
        return ""
    for entry in catalog.entries:
        if entry.msgid == finding["msgid"] and entry.msgctxt == finding.get("msgctxt"):
            return " | ".join(entry.msgstr)
    return ""


def relative(finding: dict, cache: Path) -> dict:
    """The finding with the cache folder taken out of its paths (file and message): the
    judgement file names ``stage/<project>/<lang>/...``, the same on every machine."""
    prefixes = {str(cache) + "/", str(cache.resolve()) + "/"}

    def cut(value: str) -> str:
        for prefix in prefixes:
            value = value.replace(prefix, "")
        return value

    return {key: cut(value) if key in ("file", "message") else value for key, value in finding.items()}


def row_id(finding: dict) -> str:
    return "\t".join(str(finding.get(k) or "") for k in ("code", "file", "msgctxt", "msgid", "message"))


_CACHE_PATH = re.compile(r"/\S*?/(?=stage/)")


def _relative_row(row: dict) -> dict:
    """A row written by an older run, with absolute cache paths: made relative as new ones are."""
    for key in ("id", "file", "message", "reason"):
        row[key] = _CACHE_PATH.sub("", row[key])
    return row


def sample(found: list[dict], per_code: int, cache: Path, larger: dict[str, int]) -> None:
    """Up to ``per_code`` findings of each code, over all projects, into sample.csv;
    rows already there keep their verdict (and become ``fixed`` when their finding is gone).
    Paths are relative to the cache folder (``found`` is already).  ``larger`` gives some
    codes a larger sample (``--sample S141=15``): five tells little of a code with hundreds."""
    path = JUDGEMENTS / "sample.csv"
    old: dict[str, dict] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as stream:
            old = {row["id"]: row for row in map(_relative_row, csv.DictReader(stream))}
    by_code: dict[str, list[dict]] = defaultdict(list)
    for finding in found:
        by_code[finding["code"]].append(finding)
    current = {row_id(f): f for f in found}
    rows = list(old.values())
    for row in rows:
        if row["id"] in current:
            row["severity"] = current[row["id"]]["severity"]  # a check may have changed it
        elif row["verdict"] != "fixed":
            row["reason"] = f"finding gone (was {row['verdict'] or 'unjudged'}): {row['reason']}".strip()
            row["verdict"] = "fixed"
    rnd = random.Random(SEED)
    for code in sorted(by_code):
        have = sum(1 for row in rows if row["code"] == code and row["verdict"] != "fixed")
        pool = [f for f in by_code[code] if row_id(f) not in old]
        rnd.shuffle(pool)
        for finding in pool[: max(0, larger.get(code, per_code) - have)]:
            rows.append(
                {
                    "id": row_id(finding),
                    "code": code,
                    "severity": finding["severity"],
                    "file": finding["file"],
                    "line": finding.get("line") or "",
                    "msgctxt": finding.get("msgctxt") or "",
                    "msgid": (finding.get("msgid") or "")[:300],
                    "msgstr": translation(finding, cache)[:300],
                    "message": finding["message"][:300],
                    "verdict": "",
                    "reason": "",
                }
            )
    JUDGEMENTS.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda row: (row["code"], row["file"], int(row["line"] or 0)))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, FIELDS)
        writer.writeheader()
        writer.writerows(rows)


def run(args: argparse.Namespace) -> None:
    cache = Path(args.cache).expanduser()
    cache.mkdir(parents=True, exist_ok=True)
    totals: Counter[tuple[str, str]] = Counter()
    every: list[dict] = []
    for project in PROJECTS:
        found = [relative(finding, cache) for finding in findings(cache, project)]
        for finding in found:
            totals[(finding["code"], finding["severity"])] += 1
        every.extend(found)
        print(f"{project}: {len(found)} findings, {len(list(stage(cache, project).rglob('*.po')))} catalogs")
    larger = {code: int(n) for code, _, n in (item.partition("=") for item in args.sample)}
    sample(every, args.per_code, cache, larger)
    (JUDGEMENTS / "totals.json").write_text(
        json.dumps({f"{code} {severity}": n for (code, severity), n in sorted(totals.items())}, indent=1) + "\n",
        encoding="utf-8",
    )


def score(args: argparse.Namespace) -> None:
    """Precision per code and severity (a code such as S141 reports at two), from the
    judgements; rows marked ``fixed`` are not counted."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for path in sorted(JUDGEMENTS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                counts[(row["code"], row["severity"])][row["verdict"] or "unjudged"] += 1
    totals_path = JUDGEMENTS / "totals.json"
    totals = json.loads(totals_path.read_text()) if totals_path.exists() else {}
    lines = [
        "| code | severity | findings | judged | true | acceptable | false | precision |",
        "|---|---|---|---|---|---|---|---|",
    ]
    summary: dict[str, Counter[str]] = defaultdict(Counter)
    for (code, severity), c in sorted(counts.items()):
        judged = c["true"] + c["acceptable"] + c["false"]
        good = c["true"] + (c["acceptable"] if severity != "error" else 0)
        precision = f"{100 * good / judged:.0f} %" if judged else "–"
        total = totals.get(f"{code} {severity}", 0)
        if not judged and not total:
            continue  # only rows of findings gone (``fixed``): nothing left to measure
        lines.append(
            f"| {code} | {severity} | {total} | {judged} | {c['true']} | {c['acceptable']} | {c['false']} | {precision} |"
        )
        summary[severity]["judged"] += judged
        summary[severity]["good"] += good
    print("\n".join(lines))
    for severity, c in sorted(summary.items()):
        if c["judged"]:
            print(
                f"\n{severity}: {c['good']} of {c['judged']} judged findings true"
                f"{' or acceptable' if severity != 'error' else ''} ({100 * c['good'] / c['judged']:.1f} %)"
            )


def exits(args: argparse.Namespace) -> None:
    """``transkit check`` on every staged catalog that ``msgfmt`` accepts, one at a
    time (in this process, through the CLI): each must exit 0 or 1, never 2 or a traceback.
    A catalog msgfmt refuses is listed, with transkit's exit, but is not a failure."""
    from click.testing import CliRunner

    from transkit.cli import main as cli

    if shutil.which("msgfmt") is None:
        raise SystemExit("GNU msgfmt is not on the PATH: it decides which catalogs are valid")
    cache = Path(args.cache).expanduser()
    runner = CliRunner()
    counts: Counter[str] = Counter()
    failures = []
    for project in PROJECTS:
        folder = stage(cache, project)
        template = next(folder.glob("*.pot"))
        for path in sorted(folder.rglob("*.po")):
            accepted = subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
            result = runner.invoke(cli, ["check", str(path), "--template", str(template), "--format", "json"])
            shown = path.relative_to(cache)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                failures.append(f"{shown}: traceback: {result.exception!r}")
            elif accepted and result.exit_code not in (0, 1):
                failures.append(f"{shown}: exit {result.exit_code}: {result.output.strip()[:200]}")
            counts[f"{'accepted' if accepted else 'refused by msgfmt'}, exit {result.exit_code}"] += 1
    for key, n in sorted(counts.items()):
        print(f"{key}: {n}")
    if failures:
        print("\n".join(failures))
        raise SystemExit(1)
    print("every catalog msgfmt accepts: transkit check exits 0 or 1, no traceback")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run")
    run_parser.add_argument("--cache", default=str(DEFAULT_CACHE))
    run_parser.add_argument("--per-code", type=int, default=5)
    run_parser.add_argument(
        "--sample", action="append", default=[], metavar="CODE=N", help="a larger sample for CODE (repeatable)"
    )
    run_parser.set_defaults(func=run)
    exits_parser = commands.add_parser("exits", help="transkit check exits 0 or 1 on every catalog msgfmt accepts")
    exits_parser.add_argument("--cache", default=str(DEFAULT_CACHE))
    exits_parser.set_defaults(func=exits)
    score_parser = commands.add_parser("score")
    score_parser.set_defaults(func=score)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if shutil.which("msgfmt") is None:
        print("note: GNU msgfmt is not on the PATH (not needed here)", file=sys.stderr)
    args.func(args)


if __name__ == "__main__":
    main()
