"""How often transkit's placeholder checks agree with GNU ``msgfmt --check-format``.

Not part of the test run.  Needs GNU ``msgfmt``.

    python bench/msgfmt_format_agreement.py [FOLDER ...] [--check] [--show N]

Every ``.po`` file under ``catalogs/`` and under the folders given is run through msgfmt
and through transkit's ``P1``/``P21`` checks, each catalog being its own template (so
both read the same flags).  A message is *rejected* when msgfmt reports an error on it
and *flagged* when transkit gives it a P error.  The promise is that every rejected
message is flagged ("missed" must be 0); messages flagged but not rejected are where
transkit is stricter on purpose (a form used for 0 and 1 without the number, a lone
``}``, syntax msgfmt 0.21 cannot read), listed with ``--show``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit import Options, check  # noqa: E402
from transkit.engine.selection import Selection  # noqa: E402
from transkit.errors import TranskitError  # noqa: E402
from transkit.model.catalog import Catalog, Project  # noqa: E402
from transkit.model.findings import Severity  # noqa: E402
from transkit.po.formats import declared_syntaxes  # noqa: E402
from transkit.po.reader import read_catalog  # noqa: E402

_LINE = re.compile(r"^.*?\.po:(\d+): (.*)$")
# msgfmt's messages about format strings; --check also judges headers and plural counts.
_FORMAT_ERROR = re.compile(r"format specification|not a valid .* format string|expect a (mapping|tuple)")


@dataclass
class Tally:
    files: int = 0
    unreadable: int = 0
    checked: int = 0
    rejected: int = 0
    flagged: int = 0
    both: int = 0
    missed: list[str] = field(default_factory=list)
    stricter: list[str] = field(default_factory=list)
    codes: Counter = field(default_factory=Counter)


def msgfmt_rejected(path: Path, catalog: Catalog, option: str) -> dict[tuple, list[str]]:
    """Messages (by key) msgfmt reports a format error for: the entry whose msgid line is
    the last one at or before the error's line."""
    result = subprocess.run(
        ["msgfmt", option, "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    starts = sorted((entry.line, entry.key) for entry in catalog.entries if not entry.obsolete)
    rejected: dict[tuple, list[str]] = {}
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if not match or not _FORMAT_ERROR.search(match.group(2)):
            continue
        number = int(match.group(1))
        before = [key for start, key in starts if start <= number]
        if before:
            rejected.setdefault(before[-1], []).append(match.group(2))
    return rejected


def compare(path: Path, option: str, tally: Tally) -> None:
    tally.files += 1
    try:
        catalog = read_catalog(path)
    except TranskitError:
        tally.unreadable += 1
        return
    checked = {
        entry.key
        for entry in catalog.entries
        if not entry.obsolete
        and not entry.fuzzy
        and entry.msgid
        and any(entry.msgstr)
        and declared_syntaxes(entry.flags)
    }
    rejected = {key: why for key, why in msgfmt_rejected(path, catalog, option).items() if key in checked}
    report = check(Project(path.parent, catalog, (catalog,)), Options(selection=Selection(("P1", "P21"))))
    flagged: dict[tuple, list[str]] = {}
    for finding in report.findings:
        tally.codes[finding.code] += 1
        if finding.severity is Severity.ERROR and finding.msgid is not None:
            flagged.setdefault((finding.msgctxt, finding.msgid), []).append(f"{finding.code} {finding.message}")
    tally.checked += len(checked)
    tally.rejected += len(rejected)
    tally.flagged += len(flagged)
    tally.both += len(rejected.keys() & flagged.keys())
    for key, why in rejected.items():
        if key not in flagged:
            tally.missed.append(f"{path}: {key[1][:60]!r}: msgfmt: {why[0]}")
    for key, findings in flagged.items():
        if key not in rejected:
            tally.stricter.append(f"{path}: {key[1][:60]!r}: {findings[0]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="more folders of PO catalogs")
    parser.add_argument(
        "--check", action="store_true", help="compare with msgfmt --check (plural forms judged strictly)"
    )
    parser.add_argument("--show", type=int, default=10, help="how many disagreements of each kind to list")
    args = parser.parse_args()
    if shutil.which("msgfmt") is None:
        print("GNU msgfmt is not installed", file=sys.stderr)
        return 2
    option = "--check" if args.check else "--check-format"
    version = subprocess.run(["msgfmt", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"{version}, msgfmt {option} against transkit P1/P21 errors\n")
    print(
        f"{'folder':<40} {'files':>6} {'messages':>9} {'rejected':>9} {'flagged':>8} {'both':>6} {'missed':>7} {'stricter':>9}"
    )
    total = Tally()
    for folder in [ROOT / "catalogs", *args.folders]:
        tally = Tally()
        for path in sorted(folder.rglob("*.po")):
            compare(path, option, tally)
        print(
            f"{str(folder)[-40:]:<40} {tally.files:>6} {tally.checked:>9} {tally.rejected:>9} {tally.flagged:>8} "
            f"{tally.both:>6} {len(tally.missed):>7} {len(tally.stricter):>9}"
        )
        for name in ("files", "unreadable", "checked", "rejected", "flagged", "both"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.missed += tally.missed
        total.stricter += tally.stricter
        total.codes += tally.codes
    agreement = 100.0 * total.both / total.rejected if total.rejected else 100.0
    print(
        f"\n{total.checked} messages with a format flag in {total.files} files ({total.unreadable} unreadable, skipped)"
    )
    print(
        f"msgfmt rejects {total.rejected}; transkit flags {total.both} of them ({agreement:.1f}%), "
        f"missed {len(total.missed)}; transkit alone flags {len(total.stricter)}"
    )
    print("findings by code: " + ", ".join(f"{code} {count}" for code, count in sorted(total.codes.items())))
    for title, rows in (
        ("missed (msgfmt rejects, transkit accepts)", total.missed),
        ("stricter (transkit flags, msgfmt accepts)", total.stricter),
    ):
        if rows and args.show:
            print(f"\n{title}:")
            for row in rows[: args.show]:
                print("  " + row)
    return 1 if total.missed else 0


if __name__ == "__main__":
    sys.exit(main())
