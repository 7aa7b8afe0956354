"""Translate Toolkit's verdicts, for the families transkit claims, as transkit's own cases.

Translate Toolkit's check tests (``tests/translate/filters/checks/`` of
translate/translate) state, per pofilter test, which pairs of source and translation pass
and which fail.  The table below states the same verdicts with strings of our own (the
suite is GPL: nothing of it is copied) and what transkit reports for each: the same
verdict, or a difference that docs/anchors.md ("Translate Toolkit's check tests")
explains.  pofilter itself is run on the same table as a live oracle, so a case that
does not say what Translate Toolkit says is caught.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from transkit import Options, check, load_project

# pofilter test -> the transkit codes that report the same defect.
FAMILIES: dict[str, frozenset[str]] = {
    "startwhitespace": frozenset({"S101"}),
    "endwhitespace": frozenset({"S102"}),
    "doublespacing": frozenset({"S121"}),
    "newlines": frozenset({"S103"}),
    "endpunc": frozenset({"S131"}),
    "brackets": frozenset({"S111"}),
    "numbers": frozenset({"M101"}),
    "urls": frozenset({"M111", "M112"}),
    "emails": frozenset({"M121", "M122"}),
    "xmltags": frozenset({"M131", "M132", "M133"}),
    "unchanged": frozenset({"S141"}),
}


@dataclass(frozen=True)
class Case:
    test: str
    """The pofilter test whose verdict this is."""
    language: str
    source: str
    translation: str
    peer_fails: bool
    """Translate Toolkit's verdict: True when its test fails the pair."""
    transkit: frozenset[str] = frozenset()
    """The codes of the family transkit reports."""
    why: str = ""
    """Where transkit's verdict differs: the reason, as docs/anchors.md gives it."""


def case(test: str, language: str, source: str, translation: str, verdict: str, *codes: str, why: str = "") -> Case:
    return Case(test, language, source, translation, verdict == "fail", frozenset(codes), why)


CASES = [
    # Leading and trailing whitespace.
    case("startwhitespace", "de", "A sentence.", "Ein Satz.", "pass"),
    case("startwhitespace", "de", " A sentence.", "Ein Satz.", "fail", "S101"),
    case("endwhitespace", "de", "A sentence. ", "Ein Satz. ", "pass"),
    case("endwhitespace", "de", "A sentence. ", "Ein Satz.", "fail", "S102"),
    case("endwhitespace", "de", "Cannot read the file: %s\n", "Datei nicht lesbar: %s\n", "pass"),
    case("endwhitespace", "zh_Hans", "Time limit: ", "时间限制：", "pass"),  # the full-width colon spaces itself
    # Double spaces.
    case("doublespacing", "de", "One.  Two.", "Eins.  Zwei.", "pass"),
    case("doublespacing", "de", "One. Two.", "Eins. Zwei.", "pass"),
    case("doublespacing", "de", "One. Two.", "Eins.  Zwei.", "fail", "S121"),
    case(
        "doublespacing",
        "de",
        "One.  Two.",
        "Eins. Zwei.",
        "fail",
        why="a double space the translation drops is not reported: single spacing is never a defect",
    ),
    # Line breaks.
    case("newlines", "de", "Line one\nLine two", "Zeile eins\nZeile zwei", "pass"),
    case("newlines", "de", "Line one\nLine two", "Zeile eins Zeile zwei", "fail", "S103"),
    # Final punctuation.
    case("endpunc", "de", "Continue?", "Fortfahren?", "pass"),
    case("endpunc", "de", "Leave recording mode?\n\n", "Aufnahmemodus verlassen.\n\n", "fail", "S131"),
    case("endpunc", "de", "Open", "Öffnen…", "fail", "S131"),
    case("endpunc", "de", "A short name for the site (e.g.: 'My site')", "Ein Kurzname (z. B.: 'Meine Seite')", "pass"),
    case("endpunc", "fr", "Name:", "Nom :", "pass"),
    case("endpunc", "fr", "Name:", "Nom\u00a0:", "pass"),
    case("endpunc", "zh_Hans", "To continue, open this link:\n", "要继续，请打开此链接：\n", "pass"),
    case("endpunc", "vi", "Delete this report?", "Xoá báo cáo này không?", "pass"),
    case("endpunc", "km", "The file was saved.", "ឯកសារ\u200bត្រូវ\u200bបាន\u200bរក្សាទុក\u00a0។", "pass"),
    case(
        "endpunc",
        "de",
        " Continue?",
        "Fortfahren ?",
        "fail",
        "S101",
        why="the mark is the same; the space before it is spacing, which S101/S121 judge, not S131",
    ),
    # Brackets.
    case("brackets", "de", "N file(s)", "N Datei(en)", "pass"),
    case(
        "brackets",
        "de",
        "For [all] numbers",
        "Für alle Zahlen",
        "fail",
        why="brackets are judged by balance in the translation, not counted against the source's",
    ),
    case("brackets", "de", "{[(", "[({", "pass"),
    # Numbers.
    case("numbers", "de", "Version 4 was slower than version 7.", "Version 4 war langsamer als Version 7.", "pass"),
    case("numbers", "de", "Turn 180°", "Um 360° drehen", "fail", "M101"),
    case("numbers", "de", "Turn 180°", "Um 180° drehen", "pass"),
    case(
        "numbers",
        "de",
        "Turn 180°",
        "Um 180 drehen",
        "fail",
        why="the number is there; a unit sign is not a number (numbers are compared by value)",
    ),
    case("numbers", "de", "Build 12.34.56", "Build 12.34.56", "pass"),
    case("numbers", "de", "Build 12.34.56", "Build 98.76.54", "fail", "M101"),
    case(
        "numbers",
        "de",
        "Total: 1,000.00",
        "Summe: 1 000,00",
        "fail",
        why="one number in the language's grouping: transkit reads digits by value across groupings",
    ),
    case(
        "numbers", "fr", "40-bit RC2 encryption with RSA and MD5", "Chiffrement RC2 à 40 bits avec RSA et MD5", "pass"
    ),
    # Translate Toolkit's tests pass native digits in the first string (the source, to
    # pofilter) against ASCII ones: it reads both as one number that way round only.
    case("numbers", "fa", "حرکت آهسته (۰.۵×)", "Slow motion (0.5×)", "pass"),
    case("numbers", "ar", "أقصى طول للوسم ٢٥ حرفًا", "Tags are limited to 25 characters", "pass"),
    case("numbers", "bn", "নাম ২৫ অক্ষরের মধ্যে সীমাবদ্ধ", "Names are limited to 25 characters", "pass"),
    case("numbers", "ar", "١٧٥٪", "175%", "pass"),
    *(
        case(
            "numbers",
            code,
            source,
            translation,
            "fail",
            why="pofilter compares an English source's digits with native ones literally; transkit by value",
        )
        for code, source, translation in (
            ("fa", "Slow motion (0.5×)", "حرکت آهسته (۰.۵×)"),
            ("ar", "Tags are limited to 25 characters", "أقصى طول للوسم ٢٥ حرفًا"),
            ("ar", "175%", "١٧٥٪"),
            ("bn", "Names are limited to 25 characters", "নাম ২৫ অক্ষরের মধ্যে সীমাবদ্ধ"),
        )
    ),
    # URLs and e-mail addresses.
    case(
        "urls",
        "de",
        "Read https://help.example.org first",
        "Lesen Sie zuerst https://hilfe.example.org",
        "fail",
        "M112",
    ),
    case("urls", "de", "Read https://help.example.org first", "Lesen Sie zuerst https://help.example.org", "pass"),
    case("emails", "de", "Write to help@example.org", "Schreiben Sie an hilfe@beispiel.org", "fail", "M122"),
    case("emails", "de", "Write to help@example.org", "Schreiben Sie an help@example.org", "pass"),
    # Tags.
    case("xmltags", "de", "Call <b>now</b>", "Jetzt <v>anrufen</v>", "fail", "M131"),  # a renamed tag: one finding
    case("xmltags", "de", "Call <b>now</b>", "Jetzt <b>anrufen</b>", "pass"),
    case("xmltags", "de", 'Press <img src="key.png">here</img>', 'Hier <img src="key.png">drücken</img>', "pass"),
    case(
        "xmltags",
        "de",
        'Press <img src="key.png">here</img>',
        'Hier <img src="taste.png">drücken</img>',
        "fail",
        "M133",
    ),
    case(
        "xmltags",
        "de",
        'Press <img src="key.png" alt="key">here</img>',
        'Hier <img src="key.png" alt="Taste">drücken</img>',
        "pass",
    ),
    case("xmltags", "de", 'Press <a title="hint">here</a>', 'Hier <a title="Hinweis">drücken</a>', "pass"),
    case("xmltags", "de", "Type the &lt;name&gt; tag", "Geben Sie das &lt;Name&gt;-Tag ein", "pass"),
    case("xmltags", "de", 'Open <a href="help.html">', 'Öffnen <a hreff="help.html">', "fail", "M133"),
    case("xmltags", "de", 'Open <a lang="en" dir="ltr">', 'Öffnen <a lang="de" dir="ltr">', "pass"),
    case("xmltags", "de", 'Open <a href="help.html" target="top">', 'Öffnen <a href="help.html">', "fail", "M133"),
    case("xmltags", "de", "<b>Current version</b>", "<b>Aktuelle Version:<b>", "fail", "M131", "M132"),
    case("xmltags", "de", "<Error>", "<Fehler>", "pass"),
    case("xmltags", "de", "%d of %d done", "<br>%d von %d erledigt", "fail", "M132"),
    case(
        "xmltags",
        "de",
        "line <br />",
        "Zeile <br>",
        "fail",
        why="<br /> and <br> are one element to HTML; a tag is compared by name and attributes",
    ),
    case("xmltags", "fr", 'Open <a href="help.html">', "Ouvrir <a href=« help.html »>", "fail", "M131"),
    # Untranslated copies.
    case("unchanged", "de", "Two words", "Two words", "fail", "S141"),
    case("unchanged", "de", "1234", "1234", "pass"),
    case("unchanged", "de", "2×2", "2×2", "pass"),
    case("unchanged", "de", "I", "I", "pass"),
    case("unchanged", "de", "F1", "F1", "pass"),
    case("unchanged", "de", "???", "???", "pass"),
    case(
        "unchanged",
        "de",
        "Unchanged",
        "Unchanged",
        "fail",
        why="one word may be a cognate or a loanword; only CLDR's names tell a copy (issue 17)",
    ),
]

_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def _po(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _write(folder: Path) -> dict[str, Path]:
    """One catalog per language (and a template), each case an entry with msgctxt ``case N``."""
    by_language: dict[str, list[tuple[int, Case]]] = defaultdict(list)
    for number, item in enumerate(CASES):
        by_language[item.language].append((number, item))
    template = [_HEADER] + [f'msgctxt "case {n}"\nmsgid {_po(c.source)}\nmsgstr ""\n' for n, c in enumerate(CASES)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.pot").write_text("\n".join(template), encoding="utf-8")
    paths = {}
    for code, items in by_language.items():
        header = _HEADER + f'"Language: {code}\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        body = [f'msgctxt "case {n}"\nmsgid {_po(c.source)}\nmsgstr {_po(c.translation)}\n' for n, c in items]
        paths[code] = folder / f"{code}.po"
        paths[code].write_text("\n".join([header, *body]), encoding="utf-8")
    return paths


def test_every_case_is_a_claimed_family_and_every_difference_says_why() -> None:
    for item in CASES:
        assert item.test in FAMILIES
        if bool(item.transkit & FAMILIES[item.test]) != item.peer_fails:
            assert item.why, item
        else:
            assert not item.why, item


def test_transkit_verdicts(tmp_path: Path) -> None:
    _write(tmp_path)
    report = check(load_project([tmp_path]), Options())
    found: dict[int, set[str]] = defaultdict(set)
    for finding in report.findings:
        if finding.msgctxt and finding.msgctxt.startswith("case "):
            found[int(finding.msgctxt.split()[1])].add(finding.code)
    wrong = []
    for number, item in enumerate(CASES):
        # The family's codes, and whitespace codes where a case expects them beside it.
        relevant = FAMILIES[item.test] | item.transkit
        got = found[number] & relevant
        if got != item.transkit:
            wrong.append(
                f"case {number} ({item.test}, {item.language}): expected {sorted(item.transkit)}, got {sorted(got)}"
            )
    assert not wrong, "\n".join(wrong)


POFILTER = shutil.which("pofilter")


@pytest.mark.skipif(POFILTER is None, reason="pofilter (Translate Toolkit, a test extra) is not installed")
def test_pofilter_says_what_the_table_says(tmp_path: Path) -> None:
    """The live oracle: pofilter's own verdict on every case is the table's."""
    failed: set[int] = set()
    for code, path in _write(tmp_path).items():
        tests = sorted({c.test for c in CASES if c.language == code})
        out = tmp_path / f"{code}.out.po"
        command = [POFILTER, f"--language={code}", *(f"-t{t}" for t in tests), str(path), str(out)]
        subprocess.run(command, check=True, capture_output=True)
        text = out.read_text(encoding="utf-8") if out.exists() else ""  # nothing failed: no file
        for block in text.split("\n\n"):
            context = re.search(r'^msgctxt "case (\d+)"', block, re.M)
            if context is None:
                continue
            number = int(context.group(1))
            if re.search(rf"^# \(pofilter\) {CASES[number].test}:", block, re.M):
                failed.add(number)
    wrong = [
        f"case {n} ({c.test}, {c.language}): table says {'fail' if c.peer_fails else 'pass'}"
        for n, c in enumerate(CASES)
        if (n in failed) != c.peer_fails
    ]
    assert not wrong, "\n".join(wrong)
