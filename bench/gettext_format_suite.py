"""transkit scored on GNU gettext's own format-string tests (``gettext-tools/tests``).

Not part of the test run; nothing of gettext (GPL) is copied into the repository: the
tests are read from a checkout kept outside it. Bring one onto the machine (a clone of a
GitHub mirror of gettext, or the Debian source package) and run:

    python bench/gettext_format_suite.py GETTEXT/gettext-tools/tests [--show]

Two kinds of test are read, for C, Python and Python brace syntax:

- ``format-X-1`` (recognition): a string xgettext must, or must not, take for a format
  string. transkit agrees when its parser calls a "Valid" string valid, and an
  "Invalid" one invalid or free of directives (xgettext marks only strings with some;
  ``%%`` counts as one for C and Python, ``{{`` not for braces).
- ``format-X-2`` (compatibility): a msgid and a msgstr that ``msgfmt --check-format``
  must accept ("Valid") or reject ("Invalid"). transkit agrees when it gives the
  translation a placeholder error (P101-P106, P211) exactly for the "Invalid" ones.
  The installed ``msgfmt`` is run on each pair too, so that a verdict the newer gettext
  of the checkout changed is told apart from a transkit disagreement.
- ``msgfmt-N`` (format strings in plural forms, plural formulas): every catalog such a
  script writes; transkit agrees when it reports a placeholder or formula error exactly where the
  installed ``msgfmt --check`` refuses the catalog.

Printed: agreement per test file, and with ``--show`` every disagreement. Where transkit
deliberately differs, docs/anchors.md says why; its own cases written from these
verdicts are in ``tests/data/placeholders/gettext_verdicts_*.po``.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit import Options, check  # noqa: E402
from transkit.engine.selection import Selection  # noqa: E402
from transkit.errors import TranskitError  # noqa: E402
from transkit.model.catalog import Project  # noqa: E402
from transkit.po.formats import Syntax, parse  # noqa: E402
from transkit.po.reader import read_catalog  # noqa: E402

TESTS = {
    "format-c-1": Syntax.C,
    "format-c-2": Syntax.C,
    "format-python-1": Syntax.PYTHON,
    "format-python-2": Syntax.PYTHON,
    "format-python-brace-1": Syntax.PYTHON_BRACE,
    "format-python-brace-2": Syntax.PYTHON_BRACE,
}
_DATA = re.compile(r"^cat <<\\EOF > \S+\.data\n(.*?)^EOF$", re.M | re.S)
_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'


@dataclass(frozen=True)
class Case:
    """One verdict of a gettext test: the strings and whether gettext calls them valid."""

    test: str
    number: int
    comment: str
    valid: bool
    lines: tuple[str, ...]


def cases(path: Path) -> list[Case]:
    """The cases of one test script: its here-document of comment and string lines."""
    match = _DATA.search(path.read_text("utf-8", "replace"))
    if match is None:
        return []
    lines = [line for line in match.group(1).splitlines() if line.strip()]
    size = 3 if path.name.endswith("-2") else 2
    found = []
    i = 0
    while i + size <= len(lines):
        comment = lines[i]
        if not comment.startswith("#"):
            i += 1
            continue
        body = tuple(lines[i + 1 : i + size])
        found.append(Case(path.name, len(found) + 1, comment, "Valid:" in comment, body))
        i += size
    return found


def recognition(case: Case, syntax: Syntax) -> bool | None:
    """Whether transkit agrees with a format-X-1 verdict; None when the literal is not
    a plain string (C macros such as ``PRId64`` concatenated to it)."""
    try:
        text = ast.literal_eval(case.lines[0])
    except (ValueError, SyntaxError):
        return None
    if not isinstance(text, str):
        return None
    read = parse(text, syntax)
    if case.valid:
        return read.valid
    # xgettext marks a string with "%%" only as c-format or python-format, not one with
    # "{{" only as python-brace-format
    marked = read.directives if syntax is Syntax.PYTHON_BRACE else read.placeholders
    return not read.valid or not marked


def compatibility(cases_: list[Case], syntax: Syntax, folder: Path) -> dict[int, tuple[bool, bool | None]]:
    """For each format-X-2 case: (transkit gives a P error, installed msgfmt rejects)."""
    entries = []
    for case in cases_:
        msgid, msgstr = case.lines
        entries.append(f'#, {syntax.flag}\nmsgctxt "case {case.number}"\n{msgid}\n{msgstr}\n')
    path = folder / f"{cases_[0].test}.po"
    path.write_text(_HEADER + "\n".join(entries), "utf-8")
    catalog = read_catalog(path, path.name)
    options = Options(selection=Selection(select=("P1", "P21")))
    flagged = {
        f.msgctxt for f in check(Project(folder, catalog, (catalog,)), options).findings if f.severity.value == "error"
    }
    result: dict[int, tuple[bool, bool | None]] = {}
    msgfmt = shutil.which("msgfmt")
    for case in cases_:
        rejected = None
        if msgfmt:
            single = folder / "one.po"
            single.write_text(f"#, {syntax.flag}\n{case.lines[0]}\n{case.lines[1]}\n", "utf-8")
            run = subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", str(single)], capture_output=True)
            rejected = run.returncode != 0
        result[case.number] = (f"case {case.number}" in flagged, rejected)
    return result


MSGFMT_TESTS = ("msgfmt-4", "msgfmt-6", "msgfmt-10", "msgfmt-15", "msgfmt-17")
"""gettext's msgfmt tests whose catalogs judge format strings in plural forms and plural
formulas; each writes PO files and expects msgfmt to accept or refuse them."""
_PO_FILE = re.compile(r"^cat <<\\EOF ?> ?(\S+\.po\d*)\n(.*?)^EOF$", re.M | re.S)


def msgfmt_catalogs(path: Path, folder: Path) -> list[tuple[str, bool, bool]]:
    """(file, installed ``msgfmt --check`` refuses it, transkit reports an error) for each
    PO file a msgfmt-N script writes. The installed msgfmt is the oracle: the scripts
    state their verdicts in shell logic, which is not parsed here."""
    results = []
    for name, body in _PO_FILE.findall(path.read_text("utf-8", "replace")):
        po = folder / name.replace(".po", "") / "catalog.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(body, "utf-8")
        run = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True)
        try:
            catalog = read_catalog(po, name)
        except TranskitError:
            results.append((name, run.returncode != 0, True))
            continue
        # Formats and formulas: the scripts write "Language: test", which transkit calls no language
        # code (H103), msgfmt 0.21 does not judge
        options = Options(selection=Selection(select=("P", "H105", "H106")))
        report = check(Project(po.parent, catalog, (catalog,)), options)
        results.append((name, run.returncode != 0, any(f.severity.value == "error" for f in report.findings)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="gettext-tools/tests of a gettext checkout")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    disagreements: list[str] = []
    total = agreed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, syntax in TESTS.items():
            path = args.folder / name
            found = cases(path) if path.exists() else []
            if not found:
                print(f"{name}: no cases found")
                continue
            if name.endswith("-1"):
                verdicts = {c.number: recognition(c, syntax) for c in found}
                scored = {n: v for n, v in verdicts.items() if v is not None}
                ok = sum(scored.values())
                print(f"{name}: transkit agrees on {ok} of {len(scored)} ({len(found) - len(scored)} skipped)")
                for case in found:
                    if verdicts[case.number] is False:
                        disagreements.append(f"{name} #{case.number} {case.comment}: {case.lines[0]}")
            else:
                results = compatibility(found, syntax, Path(tmp))
                ok = old = 0
                for case in found:
                    flagged, rejected = results[case.number]
                    if flagged != case.valid:
                        ok += 1
                    else:
                        note = "" if rejected is None else f" (installed msgfmt {'rejects' if rejected else 'accepts'})"
                        disagreements.append(f"{name} #{case.number} {case.comment}: {' / '.join(case.lines)}{note}")
                    if rejected is not None and rejected == case.valid:
                        old += 1
                msgfmt = f"; the installed msgfmt disagrees on {old}" if shutil.which("msgfmt") else ""
                print(f"{name}: transkit agrees on {ok} of {len(found)}{msgfmt}")
                scored = dict.fromkeys(range(len(found)))
            total += len(scored)
            agreed += ok
        if shutil.which("msgfmt"):
            for name in MSGFMT_TESTS:
                path = args.folder / name
                if not path.exists():
                    continue
                rows = msgfmt_catalogs(path, Path(tmp))
                ok = sum(refused == flagged for _, refused, flagged in rows)
                print(f"{name}: transkit agrees with msgfmt --check on {ok} of {len(rows)} catalogs")
                for file, refused, flagged in rows:
                    if refused != flagged:
                        verdict = "refuses" if refused else "accepts"
                        disagreements.append(
                            f"{name} {file}: msgfmt {verdict}, transkit {'errs' if flagged else 'does not'}"
                        )
                total += len(rows)
                agreed += ok
    print(f"all: transkit agrees on {agreed} of {total} verdicts ({100 * agreed / max(total, 1):.1f} %)")
    if args.show:
        for line in disagreements:
            print(f"  {line}")


if __name__ == "__main__":
    main()
