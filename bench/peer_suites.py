"""transkit scored on a peer's own test suite: i18nspector's blackbox tests.

Not part of the test run. Each file of i18nspector's ``tests/blackbox_tests`` states the
tags i18nspector must emit for it, in comment lines at its top (``# E: tag details``,
``# W: ...``) or in a ``FILE.tags`` file beside it. Bring the folder onto the machine
outside the repository (a checkout of jwilk/i18nspector) and run:

    python bench/peer_suites.py FOLDER [--show]

Every ``.po``/``.pot`` file is read and checked by transkit (each catalog its own
template, as in bench/msgfmt_format_agreement.py). For each expected tag that transkit
claims (``CLAIMED``: the tag, and the codes any of which counts as finding it), the file
counts as found when one of those codes is reported, or when transkit refuses the file
where the tag is about its syntax. Printed: recall per claimed tag, the files where a
claimed tag is missed, transkit errors on files the peer expects no error or warning for,
any traceback (there must be none), and the files transkit refuses that ``msgfmt``
compiles, with transkit's reason. Unclaimed tags (boilerplate headers, desktop
files, MO files) are counted apart. Why each claimed verdict is right, or where transkit
deliberately differs, is in docs/anchors.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transkit import Options, check  # noqa: E402
from transkit.errors import CatalogError  # noqa: E402
from transkit.model.catalog import Project  # noqa: E402
from transkit.po.reader import read_catalog  # noqa: E402

# i18nspector tag -> transkit codes that find it ("F001": the file is refused). A tag
# about a template's msgid against its msgid_plural is P114's; about a msgid invalid in
# its own syntax, P113's (i18nspector reports both as the format-string tags).
CLAIMED: dict[str, tuple[str, ...]] = {
    "c-format-string-error": ("P106", "P113"),
    "c-format-string-argument-type-mismatch": ("P104", "P114"),
    "c-format-string-excess-arguments": ("P102", "P114"),
    "c-format-string-missing-arguments": ("P101", "P211", "P114"),
    "python-format-string-error": ("P106", "P113"),
    "python-format-string-argument-type-mismatch": ("P104", "P114"),
    "python-format-string-missing-argument": ("P101", "P211", "P114"),
    "python-format-string-unknown-argument": ("P102", "P103", "P114"),
    "python-brace-format-string-error": ("P106", "P113"),
    "python-brace-format-string-missing-argument": ("P101", "P211", "P114"),
    "python-brace-format-string-unknown-argument": ("P102", "P103", "P114"),
    "codomain-error-in-plural-forms": ("H105", "H106", "H107"),
    "syntax-error-in-plural-forms": ("H105",),
    "no-plural-forms-header-field": ("H104",),
    "unusual-plural-forms": ("H108", "H109"),
    "incorrect-number-of-plural-forms": ("P201",),
    "invalid-language": ("H103",),
    "language-disparity": ("H101",),
    "no-language-header-field": ("H102",),
    "unknown-encoding": ("F001",),
    "broken-encoding": ("F001", "H110"),
    "syntax-error": ("F001",),
    "duplicate-message-definition": ("F001",),
    "unusual-character-in-translation": ("S104",),
    "inconsistent-leading-newlines": ("S101", "P114"),
    "inconsistent-trailing-newlines": ("S102", "P114"),
    "inconsistent-number-of-plural-forms": ("P201",),
    "qt-plural-format-mistaken-for-c-format": ("P113",),
    "empty-file": ("C110",),
    "distant-header-entry": ("H114",),
    "stray-header-line": ("H115",),
    "conflict-marker-in-header-entry": ("H116",),
    "conflict-marker-in-translation": ("S105",),
}
REFUSING = frozenset({"unknown-encoding", "broken-encoding", "syntax-error", "duplicate-message-definition"})
"""Tags about the file itself: where transkit refuses such a file (F001, as msgfmt does),
its other tags cannot be judged, and are counted apart."""
_LANGUAGE_OPTION = re.compile(r"^# --language (\S+)$", re.M)
_EXPECTED = re.compile(r"^# ([EWIPX]): (\S+)", re.M)
_EXPECTED_SIDECAR = re.compile(r"^([EWIPX]): (\S+)", re.M)
"""A ``.tags`` file beside a test file (for files that cannot hold a comment, such as an
empty one) lists the tags without the ``# `` of the comments."""


def expected_tags(path: Path) -> list[tuple[str, str]]:
    """(severity letter, tag) i18nspector must emit for the file."""
    sidecar = path.with_name(path.name + ".tags")
    text = sidecar.read_text("utf-8", "replace") if sidecar.exists() else path.read_bytes().decode("latin-1")
    if sidecar.exists():
        return _EXPECTED_SIDECAR.findall(text)
    return _EXPECTED.findall(text.split("\nmsgid ", 1)[0])


def transkit_codes(path: Path) -> tuple[set[str], set[str]]:
    """(codes reported, codes reported as errors); F001 when transkit refuses the file.

    The language a test gives i18nspector on its command line (``# --language el``)
    is given to transkit as the language its path names, which H101 compares with the
    header's.
    """
    option = _LANGUAGE_OPTION.search(path.read_bytes().decode("latin-1").split("\nmsgid ", 1)[0])
    try:
        catalog = read_catalog(
            path, path.name, is_template=path.suffix == ".pot", path_language=option[1] if option else None
        )
    except CatalogError:
        return {"F001"}, {"F001"}
    project = Project(path.parent, catalog, (catalog,))
    findings = check(project, Options()).findings
    return {f.code for f in findings}, {f.code for f in findings if f.severity.value == "error"}


def _refusal(path: Path) -> str:
    """Why transkit refuses a file: its one-line reason."""
    try:
        read_catalog(path, path.name, is_template=path.suffix == ".pot")
    except CatalogError as error:
        return str(error)
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="list every missed tag and every error on a clean file")
    args = parser.parse_args()
    found: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    unclaimed: Counter[str] = Counter()
    on_refused: Counter[str] = Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    errors_on_clean: list[str] = []
    crashes: list[str] = []
    refused_accepted: list[str] = []
    msgfmt = shutil.which("msgfmt")
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".po", ".pot"))
    for path in files:
        tags = expected_tags(path)
        try:
            codes, errors = transkit_codes(path)
        except Exception:  # noqa: BLE001 - a traceback is what this looks for
            crashes.append(f"{path.name}: {traceback.format_exc().splitlines()[-1]}")
            continue
        if (
            "F001" in codes
            and msgfmt
            and subprocess.run([msgfmt, "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
        ):
            refused_accepted.append(f"{path.name}: {_refusal(path)}")
        if not any(letter in "EW" for letter, _ in tags) and errors - {"F001"}:
            errors_on_clean.append(f"{path.name}: {sorted(errors)}")
        refused = "F001" in codes and any(tag in REFUSING for _, tag in tags)
        for _, tag in dict.fromkeys(tags):
            if tag not in CLAIMED:
                unclaimed[tag] += 1
                continue
            if refused and tag not in REFUSING:
                on_refused[tag] += 1
                continue
            wanted[tag] += 1
            if codes & set(CLAIMED[tag]):
                found[tag] += 1
            else:
                missed[tag].append(f"{path.name} (transkit: {sorted(codes) or 'nothing'})")
    total_wanted, total_found = sum(wanted.values()), sum(found.values())
    print(f"{len(files)} files; claimed tags found {total_found} of {total_wanted}", end="")
    print(f" ({100 * total_found / total_wanted:.0f} %)" if total_wanted else "")
    for tag in sorted(wanted):
        print(f"  {tag}: {found[tag]}/{wanted[tag]}")
    print(f"unclaimed tags: {sum(unclaimed.values())} ({len(unclaimed)} kinds)")
    if on_refused:
        shown = ", ".join(f"{tag} {count}" for tag, count in sorted(on_refused.items()))
        print(f"claimed tags on files transkit refuses for their encoding or syntax (not judged): {shown}")
    print(f"transkit errors on files the peer calls clean: {len(errors_on_clean)}")
    print(f"tracebacks: {len(crashes)}")
    if msgfmt:
        print(f"files transkit refuses (exit 2) that msgfmt compiles: {len(refused_accepted)}")
    if args.show:
        for tag, names in sorted(missed.items()):
            for name in names:
                print(f"  missed {tag}: {name}")
        for line in errors_on_clean + crashes + refused_accepted:
            print(f"  {line}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
