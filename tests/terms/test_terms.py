"""Critical terms: the check cases in tests/data/projects/terms, properties of phone
numbers, consistency across languages, the matrix and the termbase commands."""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, DATA, OTHER_DOMAINS, PROJECTS
from hypothesis import given, settings
from hypothesis import strategies as st

from transkit import Options, check, load_project
from transkit.cli import main
from transkit.engine.registry import all_checks
from transkit.model.languages import language
from transkit.terms import load_termbase
from transkit.terms.match import matcher_for, normalize
from transkit.terms.triage import describe_change

TERMS = DATA / "checks" / "terms"  # the cases run in test_check_cases
CASE_FILES = sorted((TERMS / "catalogs").glob("*.po"))
TERMBASE = load_termbase(TERMS / "glossary")
# Consistency checks judge a catalog as a whole; the cases are judged one by one.
WHOLE_CATALOG = ("T161", "T162", "T163")
SCRIPTS = {"fr": "Latin", "ar": "Arabic", "fa": "Arabic", "zh_Hans": "Han", "th": "Thai"}


def _cases() -> dict[Path, list[tuple[str, set[str], set[str]]]]:
    """Per file: (msgctxt, expected codes, found codes) of every case."""
    project = load_project([TERMS / "catalogs"])
    report = check(project, Options(termbase=TERMBASE))
    found: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for finding in report.findings:
        if finding.code.startswith("T") and finding.code not in WHOLE_CATALOG:
            found[(finding.file, finding.msgctxt)].add(finding.code)
    cases = {}
    for catalog in project.catalogs:
        rows = []
        for entry in catalog.entries:
            marker = re.search(r"expect: (.*)", entry.translator_comment)
            if marker:
                expected = set(marker.group(1).split()) - {"-"}
                rows.append((entry.msgctxt, expected, found[(catalog.display_path, entry.msgctxt)]))
        cases[catalog.path] = rows
    return cases


CASES = _cases()


def test_every_term_check_fails_and_passes_in_more_than_one_script() -> None:
    failing: dict[str, set[str]] = defaultdict(set)
    for path, rows in CASES.items():
        for _, expected, _ in rows:
            for code in expected:
                failing[code].add(SCRIPTS[path.stem])
    codes = [i.code for i in all_checks() if i.code.startswith("T") and i.code not in WHOLE_CATALOG]
    for code in codes:
        scripts = failing.get(code, set())
        assert scripts, f"{code} has no failing case"
        if code not in ("T105", "T171"):  # reversal exists only in right-to-left scripts
            assert len(scripts) >= 2, f"{code} fails only in {scripts}"
    passing = {SCRIPTS[p.stem] for p, rows in CASES.items() for _, expected, _ in rows if not expected}
    assert passing == {"Latin", "Arabic", "Han", "Thai"}


def _phone_findings(translation: str, code: str = "fr") -> set[str]:
    from transkit.terms.verify import verify

    uses = verify("Call the helpline on 078 055 800.", None, (translation,), language(code), TERMBASE)
    return {use.problem.value for use in uses if use.problem is not None}


_DIGITS = {
    "ascii": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
}


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([("0", (2, 3, 3)), ("0", (2, 2, 2, 2, 1)), ("+32 ", (2, 2, 2, 2)), ("0032 ", (2, 3, 3))]),
    st.sampled_from([" ", ".", "/", "-", ""]),
    st.sampled_from(sorted(_DIGITS)),
)
def test_any_spelling_of_the_helpline_is_the_helpline(prefix_groups, separator, digits) -> None:
    prefix, groups = prefix_groups
    national = "78055800"
    parts, position = [], 0
    for size in groups:
        parts.append(national[position : position + size])
        position += size
    parts = [part for part in parts if part]
    spelled = prefix + separator.join(parts)
    spelled = spelled.translate(str.maketrans("0123456789", _DIGITS[digits]))
    problems = _phone_findings(f"Appelez le {spelled} maintenant.")
    assert not problems & {"T101", "T102", "T104"}, (spelled, problems)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 8), st.integers(1, 9))
def test_any_single_changed_digit_is_an_error(position: int, shift: int) -> None:
    digits = list("078055800")
    digits[position] = str((int(digits[position]) + shift) % 10)
    changed = "".join(digits)
    spelled = f"{changed[:3]} {changed[3:6]} {changed[6:]}"
    problems = _phone_findings(f"Appelez le {spelled}.")
    assert problems & {"T101", "T102"}, (spelled, problems)


def _copy_shipped(tmp: Path) -> Path:
    shutil.copytree(CATALOGS, tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(CATALOGS.parent / "glossary", tmp / "glossary")
    return tmp / "catalogs"


def test_a_wrong_digit_in_one_language_fails_the_shipped_campaign(in_tmp: Path) -> None:
    catalogs = _copy_shipped(in_tmp)
    de = catalogs / "de.po"
    de.write_text(de.read_text().replace("unter 078 055 800 an", "unter 078 055 880 an"))
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    errors = {(f["language"], f["code"]) for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"}
    assert errors == {("de", "T102"), ("de", "T163")}
    t163 = next(f for f in json.loads(result.stdout)["findings"] if f["code"] == "T163")
    assert "+3278055880" in t163["message"] and "22 other languages" in t163["message"]

    matrix = json.loads(CliRunner().invoke(main, ["terms", "--format", "json"]).stdout)
    cell = next(c for c in matrix["cells"] if c["term"] == "helpline" and c["language"] == "de")
    assert cell["status"] == "wrong" and "078 055 880" in cell["found"]


def test_shipped_campaign_passes_every_term_check(in_tmp: Path) -> None:
    _copy_shipped(in_tmp)
    result = CliRunner().invoke(main, ["check", "--select", "T", "--format", "json"])
    assert result.exit_code == 0
    findings = json.loads(result.stdout)["findings"]
    assert {f["severity"] for f in findings} <= {"info"}


def test_terms_matrix_text_and_json(in_tmp: Path) -> None:
    _copy_shipped(in_tmp)
    text = CliRunner().invoke(main, ["terms"])
    assert text.exit_code == 0
    rows = text.stdout.splitlines()
    assert rows[0].split()[:3] == ["helpline", "emergency-number", "website"]
    assert len(rows) == 24 and all("WRONG" not in r and "MISSING" not in r for r in rows)
    document = json.loads(CliRunner().invoke(main, ["terms", "--format", "json"]).stdout)
    statuses = {c["status"] for c in document["cells"]}
    assert statuses <= {"ok", "variant"}
    fr = next(c for c in document["cells"] if c["term"] == "website" and c["language"] == "fr")
    assert fr["found"] == ["stoptraite.be"]


def test_glossary_check_on_shipped_and_broken_termbases(in_tmp: Path) -> None:
    _copy_shipped(in_tmp)
    ok = CliRunner().invoke(main, ["glossary", "check"])
    assert ok.exit_code == 0 and "0 problems" in ok.stdout
    broken = in_tmp / "broken.toml"
    broken.write_text(
        '[[terms]]\nid = "t"\nkind = "term"\nsource = "trafficking"\n'
        '[terms.approved]\nfr = "traite"\nxx = "zzz"\n[terms.forbidden]\nfr = "traite"\n'
    )
    result = CliRunner().invoke(main, ["glossary", "check", "--glossary", str(broken)])
    assert result.exit_code == 1
    assert "'xx' is not a language code" in result.stdout
    assert "'traite' is both approved and forbidden for fr" in result.stdout
    assert "no approved form for ar, bg, de" in result.stdout
    bad_phone = in_tmp / "phone.toml"
    bad_phone.write_text('[[terms]]\nid = "h"\nkind = "phone"\nregion = "BE"\nsource = "078 05"\n')
    result = CliRunner().invoke(main, ["glossary", "check", "--glossary", str(bad_phone)])
    assert result.exit_code == 1 and "'078 05' is not a phone number of region BE" in result.stdout
    dup = in_tmp / "dup.toml"
    dup.write_text(
        '[[terms]]\nid = "a"\nkind = "name"\nsource = "X"\n[[terms]]\nid = "a"\nkind = "name"\nsource = "Y"\n'
    )
    result = CliRunner().invoke(main, ["glossary", "check", "--glossary", str(dup)])
    assert result.exit_code == 1 and "duplicate term id 'a'" in result.stdout


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[terms]]\nid = "a"\nkind = "planet"\nsource = "X"\n', "broken.toml:3: term 'a': 'kind' must be one of"),
        (
            '[[terms]]\nid = "a"\nkind = "name"\nsource = "X"\ncolour = "blue"\n',
            "broken.toml:5: term 'a': unknown key 'colour'",
        ),
        ("[[terms]\n", "broken.toml:1: invalid TOML"),
    ],
)
def test_broken_termbase_makes_check_exit_2(in_tmp: Path, text: str, message: str) -> None:
    _copy_shipped(in_tmp)
    (in_tmp / "broken.toml").write_text(text)
    result = CliRunner().invoke(main, ["check", "--glossary", "broken.toml"])
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr


def test_glossary_option_overrides_the_default(in_tmp: Path) -> None:
    _copy_shipped(in_tmp)
    other = in_tmp / "other.toml"
    other.write_text('[[terms]]\nid = "centre"\nkind = "name"\nsource = "Payoke"\napproved = { fr = "PAYOKE" }\n')
    result = CliRunner().invoke(
        main, ["check", "--glossary", str(other), "--select", "T", "--lang", "fr", "--format", "json"]
    )
    assert [(f["code"], f["msgid"]) for f in json.loads(result.stdout)["findings"]] == [
        (
            "T132",
            "Three specialised centres support victims of human trafficking: PAG-ASA in Brussels, Payoke in Antwerp and Sürya in Liège.",
        ),
        ("T132", "Payoke (Antwerp)"),
    ]


@pytest.mark.parametrize(
    "previous, current, summary",
    [
        ("Call the helpline", "Call the helpline!", "only punctuation or spacing changed"),
        ("Open 24 hours", "Open 12 hours", "a number changed"),
        ("Send", "Send the report", "the wording changed"),
        ("Call 078 055 800", "Call 078 055 801", "a critical term changed"),
        ("Visit stoptraite.be", "Visit example.org", "a critical term changed"),
    ],
)
def test_what_changed_under_a_fuzzy_message(previous: str, current: str, summary: str) -> None:
    shipped = load_termbase(CATALOGS.parent / "glossary")
    assert describe_change(previous, current, shipped, "BE").summary == summary


@pytest.mark.parametrize(
    "code, text, form",
    [
        ("fr", "Victimes de la Traite des e\u0302tres humains", "traite des êtres humains"),
        ("fr", "la \u00abtraite\u00bb\u202fdes êtres humains", "traite des êtres humains"),
        ("fr", "l\u2019aide", "l'aide"),
        ("ar", "\u200fالاتجار\u200f بالبشر", "الاتجار بالبشر"),
        ("ru", "жертвы торговли людьми", "торговля людьми"),
        ("zh_Hans", "每一位人口贩运受害者", "人口贩运"),
        ("th", "ผู้เสียหายจากการค้ามนุษย์ทุกคน", "การค้ามนุษย์"),
        ("tr", "İnsan ticareti mağdurları", "insan ticareti"),
        ("fa", "هیچ کس", "هیچ\u200cکس"),
    ],
)
def test_matching_survives_what_real_translations_contain(code: str, text: str, form: str) -> None:
    matcher = matcher_for(language(code))
    assert matcher.find(matcher.prepare(text), form), (text, form, normalize(text))


def test_matching_respects_word_boundaries() -> None:
    matcher = matcher_for(language("fr"))
    assert not matcher.find(matcher.prepare("les trafiquants"), "trafic")


def _t161(in_tmp: Path, template: str, translations: str) -> list[dict]:
    header = (PROJECTS / "lc_messages" / "site.pot").read_text()
    (in_tmp / "site.pot").write_text(header + template)
    catalog = (PROJECTS / "lc_messages" / "fr" / "LC_MESSAGES" / "site.po").read_text()
    (in_tmp / "fr.po").write_text(catalog + translations)
    result = CliRunner().invoke(main, ["check", ".", "--select", "T161", "--format", "json"])
    return json.loads(result.stdout)["findings"]


def test_same_source_translated_differently_in_one_catalog(in_tmp: Path) -> None:
    template = '\nmsgid "Report"\nmsgstr ""\n\nmsgid "&Report"\nmsgstr ""\n\nmsgid "Report?"\nmsgstr ""\n'
    findings = _t161(
        in_tmp,
        template,
        '\nmsgid "Report"\nmsgstr "Signaler"\n\nmsgid "&Report"\nmsgstr "&Rapport"\n\n'
        'msgid "Report?"\nmsgstr "Faut-il signaler ?"\n',
    )
    assert [(f["code"], f["msgid"], f["severity"]) for f in findings] == [("T161", "&Report", "warning")]
    assert "line" in findings[0]["message"]
    translations = (
        '\nmsgid "Report"\nmsgstr "Signaler"\n\nmsgid "&Report"\nmsgstr "&Signaler"\n\n'
        'msgid "Report?"\nmsgstr "Faut-il signaler ?"\n'
    )
    assert _t161(in_tmp, template, translations) == []


def test_regression_contexts_ask_for_different_translations(in_tmp: Path) -> None:
    """T161 compared messages across msgctxt: 571 warnings on Django, all false ("May" the
    month and "May" the abbreviation). A context is how a source asks for another
    translation; messages under different contexts are not compared."""
    template = '\nmsgctxt "menu"\nmsgid "Report"\nmsgstr ""\n\nmsgctxt "page"\nmsgid "Report"\nmsgstr ""\n'
    translations = (
        '\nmsgctxt "menu"\nmsgid "Report"\nmsgstr "Signaler"\n\nmsgctxt "page"\nmsgid "Report"\nmsgstr "Rapport"\n'
    )
    assert _t161(in_tmp, template, translations) == []
    template = '\nmsgid "May"\nmsgstr ""\n\nmsgctxt "abbrev. month"\nmsgid "May"\nmsgstr ""\n'
    assert (
        _t161(in_tmp, template, '\nmsgid "May"\nmsgstr "mai"\n\nmsgctxt "abbrev. month"\nmsgid "May"\nmsgstr "mai."\n')
        == []
    )


def test_term_variants_across_messages_are_info(in_tmp: Path) -> None:
    _copy_shipped(in_tmp)
    result = CliRunner().invoke(main, ["check", "--select", "T162", "--lang", "fr", "--format", "json"])
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["severity"] == "info"
    assert finding["message"].startswith("trafficking is rendered as \u201ctraite des êtres humains\u201d")


def test_term_variants_are_the_same_after_every_check_as_alone(in_tmp: Path) -> None:
    # T162 totals what the term checks kept of each message when they ran, and verifies
    # each message itself when they did not: both ways give one finding.
    _copy_shipped(in_tmp)
    alone = CliRunner().invoke(main, ["check", "--select", "T162", "--lang", "fr", "--format", "json"])
    every = CliRunner().invoke(main, ["check", "--lang", "fr", "--format", "json"])
    variants = [f for f in json.loads(every.stdout)["findings"] if f["code"] == "T162"]
    assert variants == json.loads(alone.stdout)["findings"] and len(variants) == 1


def test_fuzzy_message_says_what_changed_and_critical_change_is_an_error(in_tmp: Path) -> None:
    catalogs = _copy_shipped(in_tmp)
    nl = catalogs / "nl.po"
    text = nl.read_text()
    old = 'msgid "Call 078 055 800"\n'
    assert old in text
    nl.write_text(text.replace(old, '#, fuzzy\n#| msgid "Call 078 055 800"\nmsgid "Call 078 055 800"\n', 1))
    template = catalogs / "campaign.pot"
    template.write_text(template.read_text().replace('msgid "Call 078 055 800"', 'msgid "Call 078 055 801"'))
    nl.write_text(nl.read_text().replace('\nmsgid "Call 078 055 800"\n', '\nmsgid "Call 078 055 801"\n', 1))
    result = CliRunner().invoke(main, ["check", "--lang", "nl", "--format", "json"])
    findings = {f["code"]: f for f in json.loads(result.stdout)["findings"]}
    assert result.exit_code == 1
    assert findings["T171"]["severity"] == "error"
    assert "078 055 800" in findings["T171"]["message"] and "still has" in findings["T171"]["message"]
    assert findings["C103"]["message"].endswith("(a critical term changed)")


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_glossary_export_then_import_gives_the_same_termbase(in_tmp: Path, fmt: str) -> None:
    _copy_shipped(in_tmp)
    exported = CliRunner().invoke(main, ["glossary", "export", "--format", fmt, "-o", f"campaign.{fmt}"])
    assert exported.exit_code == 0, exported.output
    imported = CliRunner().invoke(main, ["glossary", "import", f"campaign.{fmt}", "-o", "back.toml"])
    assert imported.exit_code == 0, imported.output
    original = load_termbase(in_tmp / "glossary" / "campaign.toml")
    again = load_termbase(in_tmp / "back.toml")
    strip = lambda tb: [t.__class__(**{**t.__dict__, "origin": ""}) for t in tb.terms]  # noqa: E731
    assert strip(again) == strip(original)
    refused = CliRunner().invoke(main, ["glossary", "import", f"campaign.{fmt}", "-o", "back.toml"])
    assert refused.exit_code == 2 and "already exists" in refused.stderr


def test_glossary_import_refuses_an_xml_bomb(in_tmp: Path) -> None:
    bomb = DATA / "glossary" / "billion_laughs.tbx"
    result = CliRunner().invoke(main, ["glossary", "import", str(bomb), "-o", "x.toml"])
    assert result.exit_code == 2
    assert "entity declarations are not allowed" in result.stderr
    assert not (in_tmp / "x.toml").exists()


_WORDY = st.text(alphabet=st.sampled_from(list("helpine Hotl-’'.,é ßİı\u200fخط112")), max_size=40)


@given(source=_WORDY, form=_WORDY)
@settings(max_examples=400, deadline=None)
def test_a_source_holds_a_form_exactly_when_it_is_there_as_whole_words(source: str, form: str):
    """The substring test that rules most sources out before the word-boundary search
    agrees with the search alone, on casings and scripts where folding changes lengths."""
    from transkit.terms.match import source_contains

    needle = normalize(form)
    expected = bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", normalize(source)) is not None
    assert source_contains(source, form) is expected


def test_an_english_catalog_of_the_english_template_may_use_the_sources_terms() -> None:
    """msgen's English catalog (each translation its source) of the sentence that tells
    trafficking from smuggling: the smuggling term is the source's own, not a forbidden
    rendering of trafficking; a real wrong rendering still is."""
    from transkit.terms.verify import verify

    shipped = load_termbase(CATALOGS.parent / "glossary")
    english = language("en")
    source = "Human trafficking is not the same as people smuggling: a smuggled person pays to cross a border."
    assert not [use for use in verify(source, None, (source,), english, shipped) if use.problem is not None]
    wrong = verify("Report human trafficking.", None, ("Report people smuggling.",), english, shipped)
    assert any("forbidden rendering" in str(use.message) for use in wrong)


def test_the_expected_numbers_are_those_of_the_template_asked_about():
    """T163's numbers of a template are kept for the next question about the same template;
    another template gets its own, even one that took a freed one's place in memory (its
    id): that is simulated by filing the first one's numbers under the second's id."""
    from transkit.checks import consistency
    from transkit.po.reader import parse_catalog

    def template(number: str):
        text = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Call {number} now"\nmsgstr ""\n'
        return parse_catalog(text, Path("t.pot"), "t.pot", is_template=True)

    first, second = template("078 05 58 00"), template("02 511 11 11")
    assert consistency._expected_numbers(first, "BE") == {(None, "Call 078 05 58 00 now"): ("+3278055800",)}
    assert consistency._expected_numbers(first, "BE") is consistency._expected_numbers(first, "BE")
    ((_, kept),) = consistency._EXPECTED.items()
    consistency._EXPECTED.clear()
    consistency._EXPECTED[(id(second), "BE")] = kept
    assert consistency._expected_numbers(second, "BE") == {(None, "Call 02 511 11 11 now"): ("+3225111111",)}
