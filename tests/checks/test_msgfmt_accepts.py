"""A catalog msgfmt compiles is read and judged, never refused (issue 17).

``transkit check`` exits 0 or 1 on every catalog plain ``msgfmt`` accepts; exit 2 is for
input it cannot read at all (a charset Python has no codec for). What msgfmt only warns
about, or ignores, is a finding: a header line without a colon, a header entry that is
not first, no header at all (an empty file), msgcat's conflict markers. Plain ``msgfmt``
is the oracle of what it accepts; ``msgfmt --check`` of what is an error (it refuses a
catalog without a header). And where plain msgfmt refuses a catalog for its line feeds,
S101/S102 say so as errors.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA

from transkit.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from peer_suites import transkit_codes

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU msgfmt not installed")
ACCEPTED = DATA / "msgfmt_accepts"
PEERS = DATA / "peers" / "i18nspector"

# file -> the findings (code, severity) it must draw, and whether msgfmt --check refuses it
EXPECTED: dict[str, tuple[set[tuple[str, str]], bool]] = {
    "empty.po": ({("H113", "error"), ("C110", "warning")}, True),
    "missing_header.po": ({("H113", "error")}, True),
    "header_only.po": ({("C110", "warning")}, False),
    "header_not_first.po": ({("H114", "warning")}, False),
    "header_line_without_colon.po": ({("H115", "warning")}, False),
    "conflict_markers.po": ({("H116", "error"), ("S105", "error")}, False),
}


def _msgfmt(*args: str) -> int:
    assert MSGFMT is not None
    return subprocess.run([MSGFMT, *args, "-o", "/dev/null"], capture_output=True, check=False).returncode


def _check(path: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-cache"], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["findings"] if result.exit_code != 2 else []


def test_every_case_is_listed() -> None:
    assert sorted(p.name for p in ACCEPTED.glob("*.po")) == sorted(EXPECTED)


@needs_msgfmt
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_catalog_msgfmt_compiles_is_read_and_its_defect_reported(name: str, in_tmp: Path) -> None:
    path = in_tmp / "fr.po"
    shutil.copy(ACCEPTED / name, path)
    assert _msgfmt(str(path)) == 0
    wanted, refused_by_check = EXPECTED[name]
    assert (_msgfmt("--check", str(path)) != 0) == refused_by_check
    code, findings = _check(path)
    assert code == (1 if any(severity == "error" for _, severity in wanted) else 0)
    assert wanted <= {(str(f["code"]), str(f["severity"])) for f in findings}


def test_the_conflict_markers_are_named_with_their_text(in_tmp: Path) -> None:
    shutil.copy(ACCEPTED / "conflict_markers.po", in_tmp / "fr.po")
    _, findings = _check(in_tmp / "fr.po")
    [translation] = [f for f in findings if f["code"] == "S105"]
    assert translation["line"] == 10 and "#-#-#-#-#  fr.po (Helpline 1.0)  #-#-#-#-#" in str(translation["message"])


def test_a_header_not_first_keeps_every_message_and_its_comments(in_tmp: Path) -> None:
    path = in_tmp / "fr.po"
    path.write_text(
        '# translator note\n#: src/app.py:3\nmsgid "Call"\nmsgstr "Appelez"\n\n'
        'msgid ""\nmsgstr "Language: fr\\n"\n\n#: src/app.py:9\nmsgid "Help"\nmsgstr "Aide"\n',
        encoding="utf-8",
    )
    from transkit.po.reader import read_catalog

    catalog = read_catalog(path)
    assert catalog.header_field("Language") == "fr" and catalog.header_line == 6
    assert [(e.msgid, e.references, e.translator_comment) for e in catalog.entries] == [
        ("Call", ("src/app.py:3",), "translator note"),
        ("Help", ("src/app.py:9",), ""),
    ]


def test_a_rewrite_refuses_a_header_not_first_in_one_line(in_tmp: Path) -> None:
    (in_tmp / "fr.po").write_text(
        'msgid "Call the helpline "\nmsgstr "Appelez la ligne"\n\nmsgid ""\nmsgstr "Language: fr\\n"\n',
        encoding="utf-8",
    )
    (in_tmp / "site.pot").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Call the helpline "\nmsgstr ""\n',
        encoding="utf-8",
    )
    before = (in_tmp / "fr.po").read_bytes()
    result = CliRunner().invoke(main, ["check", "--fix", "fr.po", "--template", "site.pot"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith("fr.po:4: ") and "not the first entry" in result.stderr
    assert (in_tmp / "fr.po").read_bytes() == before


ACCEPTED_PEERS = [p for p in sorted(PEERS.iterdir()) if p.suffix in (".po", ".pot")]


@needs_msgfmt
def test_every_vendored_i18nspector_file_msgfmt_compiles_is_checked() -> None:
    """No exit 2 and no traceback on any i18nspector test file plain msgfmt compiles
    but those whose text Python cannot decode: a charset it has no text codec for, or,
    with no header, bytes that are not UTF-8 (there exit 2 is right)."""
    refused = []
    for path in ACCEPTED_PEERS:
        if _msgfmt(str(path)) != 0:
            continue
        codes, _ = transkit_codes(path)
        if "F001" in codes:
            refused.append(path.name)
    undecodable = {
        "non-ascii-compatible.po",
        "non-python-encoding.po",
        "non-text-encoding.po",
        "unknown-encoding.po",
        "xfail-header-imitation.po",
    }
    assert set(refused) <= undecodable, sorted(set(refused) - undecodable)


# msgid, msgstr, the severity of S101/S102 (None: no finding); plain msgfmt refuses the
# catalog exactly where it is an error
NEWLINES = [
    ("\\nCall us", "Appelez-nous", "error"),
    ("Call us\\n", "Appelez-nous", "error"),
    ("Call us", "Appelez-nous\\n", "error"),
    ("Call us", "\\nAppelez-nous", "error"),
    ("\\nCall us\\n", "\\nAppelez-nous\\n", None),
    (" Call us", "Appelez-nous", "warning"),
    ("Call us\\n", "Appelez-nous \\n", "warning"),
    ("Call us ", "Appelez-nous\\t", "warning"),
    # msgfmt compares bytes: a bidi mark before the line feed hides it
    ("\\nCall us", "\u200f\\nAppelez-nous", "error"),
    ("Call us\\n", "Appelez-nous\\n\u200f", "error"),
    ("Call us", "Appelez-nous\u200f", None),
]


@needs_msgfmt
@pytest.mark.parametrize("msgid, msgstr, severity", NEWLINES)
def test_a_line_feed_msgfmt_refuses_is_an_error_other_whitespace_a_warning(
    msgid: str, msgstr: str, severity: str | None, in_tmp: Path
) -> None:
    path = in_tmp / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: fr\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{msgid}"\nmsgstr "{msgstr}"\n',
        encoding="utf-8",
    )
    assert (_msgfmt(str(path)) != 0) == (severity == "error")
    code, findings = _check(path)
    assert {str(f["severity"]) for f in findings if f["code"] in ("S101", "S102")} == ({severity} - {None})
    assert code == (1 if severity == "error" else 0)


@needs_msgfmt
def test_each_plural_form_is_held_to_the_msgid_as_msgfmt_does(in_tmp: Path) -> None:
    path = in_tmp / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: fr\\nContent-Type: text/plain; charset=UTF-8\\n'
        'Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "%d call\\n"\nmsgid_plural "%d calls\\n"\nmsgstr[0] "%d appel\\n"\nmsgstr[1] "%d appels"\n',
        encoding="utf-8",
    )
    assert _msgfmt(str(path)) != 0
    _, findings = _check(path)
    [problem] = [f for f in findings if f["code"] == "S102"]
    assert problem["severity"] == "error" and str(problem["message"]).startswith("msgstr[1]:")


@needs_msgfmt
@pytest.mark.parametrize(
    "msgid, forms, severity",
    [
        ("%d call\\n", ("%d appel\\n", ""), "error"),  # the empty form ends with no line feed
        ("%d call", ("%d appel\\n", ""), "error"),
        ("%d call", ("%d appel", ""), "warning"),
    ],
)
def test_a_plural_filled_in_part_is_held_to_the_msgid_line_feeds_as_msgfmt_does(
    msgid: str, forms: tuple[str, str], severity: str, in_tmp: Path
) -> None:
    path = in_tmp / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: fr\\nContent-Type: text/plain; charset=UTF-8\\n'
        'Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        f'msgid "{msgid}"\nmsgid_plural "{msgid.replace("call", "calls")}"\n'
        f'msgstr[0] "{forms[0]}"\nmsgstr[1] "{forms[1]}"\n',
        encoding="utf-8",
    )
    assert (_msgfmt(str(path)) != 0) == (severity == "error")
    _, findings = _check(path)
    assert [f["severity"] for f in findings if f["code"] == "C102"] == [severity]
