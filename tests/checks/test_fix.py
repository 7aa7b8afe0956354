"""``transkit check --fix`` and ``--diff``: the fixes checks declare, applied to a copy
of the shipped catalogs with planted defects, atomic, idempotent and msgfmt-clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, needs_msgfmt, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.api import check_paths, fix_paths
from transkit.cli import main
from transkit.engine.registry import all_checks

FIXABLE = ("H104", "S101", "S102", "T103", "T105", "T122")
LRI, PDI = "\u2066", "\u2069"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _copy(target: Path) -> Path:
    shutil.copytree(CATALOGS, target / "catalogs")
    shutil.copytree(CATALOGS.parent / "glossary", target / "glossary")
    return target / "catalogs"


def _plant(catalogs: Path) -> None:
    """One defect of each fixable kind, in the shipped catalogs."""

    def edit(name: str, old: str, new: str) -> None:
        path = catalogs / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    edit("fr.po", 'msgstr "Appeler le 078 055 800"', 'msgstr "Appeler le 078/055.800"')  # T103
    edit("fr.po", 'sur stoptraite.be."', 'sur stopmensenhandel.be."')  # T122
    edit("fr.po", 'msgstr "Choisissez votre langue"', 'msgstr " Choisissez votre langue "')  # S101, S102
    edit("ar.po", f'msgstr "اتصل بالرقم {LRI}078 055 800{PDI}"', 'msgstr "اتصل بالرقم 078 055 800"')  # T105
    path = catalogs / "de.po"  # H104
    path.write_text(re.sub(r'"Plural-Forms:[^\n]*\n', "", path.read_text(encoding="utf-8")), encoding="utf-8")


def _codes(report) -> set[str]:
    return {f.code for f in report.findings if f.code in FIXABLE}


def test_the_fixable_checks_say_so():
    declared = {info.code: info.fixes for info in all_checks() if info.fixes}
    assert set(declared) == set(FIXABLE)
    assert all(text for text in declared.values())


@needs_msgfmt
def test_fix_repairs_each_planted_defect_once_and_for_all(in_tmp: Path):
    catalogs = _copy(in_tmp)
    shipped = {f.code for f in check_paths(["catalogs"], cache=False).findings}
    _plant(catalogs)
    planted = {name: (catalogs / name).read_text(encoding="utf-8") for name in ("fr.po", "ar.po", "de.po")}
    assert _codes(check_paths(["catalogs"], cache=False)) - shipped == set(FIXABLE)

    result = invoke("check", "--fix", "-q")
    assert "Fixed 6 problems in 3 catalogs." in result.output
    after = check_paths(["catalogs"], cache=False)
    assert not _codes(after) - (shipped & set(FIXABLE))
    for path in catalogs.glob("*.po"):
        done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    # Only the fixed lines changed; everything else is as written.
    for name, before in planted.items():
        old, new = before.splitlines(), (catalogs / name).read_text(encoding="utf-8").splitlines()
        changed = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
        if name == "de.po":
            assert new == old[:16] + ['"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'] + old[16:]
        else:
            assert len(old) == len(new) and len(changed) == {"fr.po": 3, "ar.po": 1}[name], changed
    assert (catalogs / "ar.po").read_text(encoding="utf-8").count(f"{LRI}078 055 800{PDI}") == 2

    second = snapshot(catalogs)
    result = invoke("check", "--fix", "-q")
    assert "Fixed 0 problems in 0 catalogs." in result.output
    assert snapshot(catalogs) == second


def test_diff_shows_the_fixes_and_writes_nothing(in_tmp: Path):
    catalogs = _copy(in_tmp)
    _plant(catalogs)
    before = snapshot(catalogs)
    result = invoke("check", "--diff")
    assert result.exit_code == 1
    assert "--- a/catalogs/fr.po\n+++ b/catalogs/fr.po\n" in result.output
    assert '-msgstr "Appeler le 078/055.800"\n+msgstr "Appeler le 078 055 800"\n' in result.output
    assert snapshot(catalogs) == before
    assert invoke("check", "--fix", "-q").exit_code in (0, 1)
    assert invoke("check", "--diff").exit_code == 0


def test_the_fix_summary_counts_one_catalog_as_one(in_tmp: Path):
    catalogs = _copy(in_tmp)
    path = catalogs / "fr.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "Appeler le 078 055 800"', 'msgstr "Appeler le 078/055.800"'), "utf-8")
    result = invoke("check", "--fix", "--lang", "fr", "-q")
    assert "Fixed 1 problem in 1 catalog." in result.stderr


def test_a_suppressed_finding_is_not_fixed(in_tmp: Path):
    catalogs = _copy(in_tmp)
    path = catalogs / "fr.po"
    text = path.read_text(encoding="utf-8").replace(
        'msgid "Call 078 055 800"\nmsgstr "Appeler le 078 055 800"',
        'msgid "Call 078 055 800"\nmsgstr "Appeler le 078/055.800"',
    )
    text = text.replace(
        '#: templates/base.html:41\nmsgid "Call', '# transkit-ignore: T103\n#: templates/base.html:41\nmsgid "Call'
    )
    path.write_text(text, encoding="utf-8")
    assert "078/055.800" in path.read_text(encoding="utf-8")
    fixed = fix_paths(["catalogs"], languages=["fr"])
    assert not fixed.fixes
    assert "078/055.800" in path.read_text(encoding="utf-8")


_MESSAGES = [
    ("Call 078 055 800", ["078 055 800", "078/055.800", "078 05 58 00", "+32 78 05 58 00", "078/055 800"]),
    (
        "More information in your language on stophumantrafficking.be.",
        ["stoptraite.be", "stopmensenhandel.be", "StopMensenhandel.be", "stophumantrafficking.be"],
    ),
]
_words = st.text(alphabet="abc اتصل بالرقم\u00a0\n\t.", max_size=12)
_edge = st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\t"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    language=st.sampled_from(["ar", "fr", "nl"]),
    which=st.integers(0, 1),
    choice=st.integers(0, 4),
    before=_words,
    after=_words,
    lead=_edge,
    trail=_edge,
)
def test_a_second_fix_changes_nothing(language, which, choice, before, after, lead, trail):
    msgid, values = _MESSAGES[which]
    msgstr = lead + before + values[choice % len(values)] + after + trail
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "catalogs"
        folder.mkdir()
        shutil.copyfile(CATALOGS / "campaign.pot", folder / "campaign.pot")
        shutil.copytree(CATALOGS.parent / "glossary", Path(scratch) / "glossary")
        text = (CATALOGS / f"{language}.po").read_text(encoding="utf-8")
        pattern = re.compile(r'(msgid "' + re.escape(msgid) + r'"\nmsgstr )(""\n(?:"[^\n]*"\n)*|"[^\n]*"\n)')
        escaped = msgstr.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        text, count = pattern.subn(lambda m: m.group(1) + f'"{escaped}"\n', text)
        assert count == 1
        (folder / f"{language}.po").write_text(text, encoding="utf-8")
        first = fix_paths([folder])
        once = (folder / f"{language}.po").read_bytes()
        second = fix_paths([folder])
        assert not second.fixes, [f.code for f in second.fixes]
        assert (folder / f"{language}.po").read_bytes() == once
        if shutil.which("msgfmt") and first.fixes:
            done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", folder / f"{language}.po"], capture_output=True)
            assert done.returncode == 0, done.stderr


def test_the_library_call_is_the_command(in_tmp: Path):
    catalogs = _copy(in_tmp)
    _plant(catalogs)
    fixed = fix_paths(["catalogs"], dry_run=True)
    assert not fixed.written
    assert sorted(f.code for f in fixed.fixes) == sorted(FIXABLE)
    assert fixed.diff == invoke("check", "--diff").output.split("Would fix")[0]


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
