"""The README's table of checks ("What the checks report") is held equal to the registry.

Its codes, names and severities are the registry's; only the "what" column is the
README's own words (shorter than the docstrings, and grouping related checks on one row:
``T111 / T112 | service-number-missing / -changed``). A check added without its row, or a
row left for a check renamed or removed, fails here, with the row to paste.
"""

from __future__ import annotations

import re
from pathlib import Path

from transkit.engine.registry import BUILTIN_CHECKS, CheckInfo, all_checks

README = Path(__file__).parent.parent.parent / "README.md"
SECTION = "## What the checks report"


def table_rows() -> list[tuple[list[str], list[str], list[str], str]]:
    """(codes, names, severities, what) of each row of the README's table of checks."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    section = section[: section.index("\n## ", len(SECTION))]
    rows = []
    for line in section.splitlines():
        # A pipe inside a cell is escaped (``#\\|``), as GitHub's tables need.
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])] if line.startswith("|") else []
        if len(cells) == 4 and re.fullmatch(r"[A-Z]{1,3}[0-9]{3}( / [A-Z]{1,3}[0-9]{3})*", cells[0]):
            codes, names, severities, what = cells
            rows.append((codes.split(" / "), names.split(" / "), severities.split(" / "), what))
    return rows


def builtin_checks() -> list[CheckInfo]:
    """The checks transkit ships (a plugin installed beside it has no row)."""
    return [info for info in all_checks() if info.function.__module__.startswith(BUILTIN_CHECKS + ".")]


def render_row(info: CheckInfo) -> str:
    """The row of a check, its summary standing for the README's shorter words."""
    return f"| {info.code} | {info.name} | {info.severity.value} | {info.summary.rstrip('.')} |"


def _names_agree(written: str, name: str) -> bool:
    """``-changed`` abbreviates a name's end, ``leading-`` its beginning."""
    if written.startswith("-"):
        return name.endswith(written)
    if written.endswith("-"):
        return name.startswith(written)
    return written == name


def test_every_builtin_check_has_one_row() -> None:
    listed = [code for codes, _, _, _ in table_rows() for code in codes]
    assert len(listed) == len(set(listed)), "a code has two rows"
    checks = {info.code: info for info in builtin_checks()}
    missing = [render_row(info) for code, info in checks.items() if code not in listed]
    assert not missing, "README.md lacks rows for (shorten the last column):\n" + "\n".join(missing)
    unknown = [code for code in listed if code not in checks]
    assert not unknown, f"README.md lists checks that do not exist: {unknown}"


def test_each_row_gives_the_registered_names_and_severities() -> None:
    checks = {info.code: info for info in all_checks()}
    wrong = []
    for codes, names, severities, _ in table_rows():
        infos = [checks[code] for code in codes if code in checks]
        if len(infos) != len(codes):
            continue  # reported by the test above
        if len(names) != len(codes) or not all(map(_names_agree, names, (i.name for i in infos))):
            wrong.append(f"{' / '.join(codes)}: names {' / '.join(names)}, registered {[i.name for i in infos]}")
        registered = [info.severity.value for info in infos]
        if len(severities) == len(codes):
            agree = severities == registered
        elif len(severities) == 1:
            agree = all(value == severities[0] for value in registered)
        else:  # one check whose problems may lower its severity (H104): the default first
            agree = len(codes) == 1 and severities[0] == registered[0]
        if not agree:
            wrong.append(f"{' / '.join(codes)}: severity {' / '.join(severities)}, registered {registered}")
    assert not wrong, "\n".join(wrong)


def test_rows_follow_the_families_in_code_order() -> None:
    """Rows of one family together, in code order, as ``transkit checks`` lists them."""
    codes = [code for row_codes, _, _, _ in table_rows() for code in row_codes]
    families = [re.match(r"[A-Z]+", code).group() for code in codes]
    seen: list[str] = []
    for family in families:
        if not seen or seen[-1] != family:
            assert family not in seen, f"family {family} is split in the README's table"
            seen.append(family)
    for family in seen:
        mine = [code for code in codes if code.startswith(family) and re.match(r"[A-Z]+", code).group() == family]
        assert mine == sorted(mine), f"family {family} out of code order: {mine}"
