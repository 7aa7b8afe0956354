"""The check plan calls an entry check only on the messages where it can find something;
the report is, to the byte, the one of a run that calls every check on every message
(``Options(plan=False)``): on the shipped catalogs, the check cases, a generated benchmark
corpus and catalogs hypothesis makes up of what the facts are about."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CATALOGS, DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit import Options, check, load_project
from transkit.engine import registry
from transkit.engine.plan import Fact, Plan
from transkit.model.catalog import Catalog, Entry, Project
from transkit.model.findings import Report, Severity
from transkit.model.languages import language
from transkit.reporting import json_report
from transkit.terms import Termbase, load_termbase
from transkit.terms.match import SourceForms

TERMBASE = load_termbase(ROOT / "glossary")


def _json(report: Report) -> str:
    stream = io.StringIO()
    json_report.render(report, stream)
    return stream.getvalue()


def _same_either_way(project: Project, termbase: Termbase) -> Report:
    planned = check(project, Options(termbase=termbase))
    unplanned = check(project, Options(termbase=termbase, plan=False))
    assert _json(planned) == _json(unplanned)
    assert planned == unplanned
    return planned


@pytest.mark.parametrize("folder", [CATALOGS, CATALOGS / "site", CATALOGS / "press"], ids=lambda p: p.name)
def test_the_shipped_catalogs_report_the_same_with_and_without_the_plan(folder: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = _same_either_way(load_project([folder], base=ROOT), TERMBASE)
    assert report.findings


CASES = sorted(p for p in (DATA / "checks").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_the_check_cases_report_the_same_with_and_without_the_plan(folder: Path):
    """Each case folder holds messages made to make its checks fire, and not fire."""
    catalogs = folder / "catalogs" if (folder / "catalogs").is_dir() else folder
    glossary = folder / "glossary"
    termbase = load_termbase(glossary) if glossary.is_dir() else TERMBASE
    report = _same_either_way(load_project([catalogs]), termbase)
    assert report.findings


def test_a_generated_benchmark_corpus_reports_the_same_with_and_without_the_plan(tmp_path: Path):
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), "300", str(tmp_path), "--languages", "fr,ar,fa,zh_Hans,ru"],
        check=True,
        capture_output=True,
    )
    project = load_project([tmp_path / "catalogs"], base=tmp_path)
    report = _same_either_way(project, load_termbase(tmp_path / "glossary"))
    assert {"T102", "P101", "T122"} <= {f.code for f in report.findings}


# --- catalogs made up of what the facts are about ---------------------------------------

PIECES = [
    # words, terms of the campaign's termbase, their translations
    "Call ",
    "the ",
    "the the ",
    "help",
    "helpline ",
    "victims ",
    "human trafficking",
    "traffickers",
    "smuggling ",
    "PAG-ASA",
    "Payoke",
    "Sürya",
    "Blue Heart",
    "la ligne d’assistance ",
    "traite ",
    "trafic ",
    "victimes ",
    "passeurs ",
    "Appelez ",
    "اتصل ",
    "人口贩卖",
    # digits of several scripts, phone numbers, years
    "078 055 800",
    "078 055 880",
    "+32 78 05 58 00",
    "٠٧٨ ٠٥٥ ٨٠٠",
    "۰۷۸ ۰۵۵ ۸۰۰",
    "112",
    "2024",
    "۲۰۲۴",
    "१२३",
    "24",
    "7",
    "1,000",
    "1.000",
    # placeholders and percent signs
    "%(count)d",
    "%(name)s",
    "%s",
    "%d",
    "%2$s",
    "50% ",
    "%%",
    "{name}",
    "{0}",
    "{",
    "}",
    "{{",
    # markup and entities
    "<b>",
    "</b>",
    '<a href="https://stophumantrafficking.be/fr">',
    "</a>",
    "<br/>",
    "&nbsp;",
    "&nbps;",
    "&amp;",
    "& ",
    "<",
    # addresses
    "help@example.org",
    "aide@example.org",
    "https://example.org/help",
    "www.stoptraite.be",
    "stophumantrafficking.be",
    "example.be/fr",
    "@",
    "://",
    "conf.py",
    # whitespace, line breaks, controls, bidi controls
    " ",
    "  ",
    "\u00a0",
    "\u202f",
    "\n",
    "\n  ",
    "\t",
    "\r",
    "\x7f",
    "\x1b",
    "\u2066",
    "\u2069",
    "\u200f",
    "\u061c",
    " \u2067 ",
    "\u2068 ",
    # punctuation
    ".",
    "?",
    "!",
    ":",
    "؟",
    "。",
    "(",
    ")",
    "（",
    "）",
    "«",
    "»",
    '"',
    "'",
    "“",
    "”",
    "\\",
    '\\"',
    "„",
    "‘",
    "’",
    "「",
    "」",
    "‹",
    "›",
    "...",
    "…",
    ":(_D)",
    # lengths: a source of thirty characters or more has a length to compare with
    "The helpline is confidential. You do not have to give your name.",
    "Confidentiel.",
    "abcdefghijklmnopqrstuvwxyz0123",
    # what msgcat leaves, and characters no display shows
    "#-#-#-#-#  fr.po (Project 1.0)  #-#-#-#-#\n",
    "#-#-#-#-#",
    "\ufeff",
    "\uffff",
    "\U0010fffe",
    "\u0085",
]
FLAGS = [(), ("python-format",), ("c-format",), ("python-brace-format",), ("no-python-format",), ("range: 1..5",)]
LANGUAGES = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "fa": "nplurals=2; plural=(n > 1);",
    "zh_Hans": "nplurals=1; plural=0;",
}

texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@st.composite
def messages(draw, number: int) -> tuple[Entry, Entry | None, int]:
    """A message of a catalog, its template entry (None: not in the template), and its
    number of forms."""
    msgid = draw(texts.filter(bool))
    plural = draw(st.one_of(st.none(), texts.filter(bool)))
    flags = draw(st.sampled_from(FLAGS))
    template_flags = draw(st.sampled_from([flags, *FLAGS]))
    state = draw(st.sampled_from(["translated", "translated", "translated", "fuzzy", "empty", "obsolete"]))
    previous = draw(st.one_of(st.none(), st.just(msgid), texts.filter(bool)))
    template = Entry(msgid, ("",) if plural is None else ("", ""), f"case {number}", plural, template_flags)
    in_template = draw(st.booleans()) or state == "obsolete"
    return (
        Entry(
            msgid,
            msgctxt=f"case {number}",
            msgid_plural=plural,
            flags=(*flags, "fuzzy") if state == "fuzzy" else flags,
            previous_msgid=previous,
            obsolete=state == "obsolete",
            line=10 * number,
            # the forms: drawn below, once the catalog's language says how many
            msgstr=() if state != "empty" else ("",),
        ),
        template if in_template else None,
        number,
    )


@st.composite
def projects(draw) -> Project:
    drawn = [draw(messages(number)) for number in range(draw(st.integers(1, 8)))]
    template = Catalog(
        Path("site.pot"),
        "site.pot",
        (("Content-Type", "text/plain; charset=UTF-8"),),
        1,
        tuple(t for _, t, _ in drawn if t is not None),
        is_template=True,
    )
    catalogs = []
    for code, rule in LANGUAGES.items():
        entries = []
        for entry, _, _ in drawn:
            count = 1 if entry.msgid_plural is None else int(rule.split("=")[1].split(";")[0])
            # A form is sometimes its source left as it is, or in another case (S141's copies).
            sources = [entry.msgid, entry.msgid_plural or entry.msgid]
            copies = st.sampled_from([*sources, *(text.upper() for text in sources), *(f" {t}" for t in sources)])
            forms = (
                entry.msgstr if entry.msgstr == ("",) else tuple(draw(st.one_of(texts, copies)) for _ in range(count))
            )
            entries.append(dataclasses.replace(entry, msgstr=forms))
        catalogs.append(
            Catalog(
                Path(f"{code}.po"),
                f"{code}.po",
                (("Language", code), ("Content-Type", "text/plain; charset=UTF-8"), ("Plural-Forms", rule)),
                1,
                tuple(entries),
                language=language(code),
                header_language=code,
                path_language=code,
            )
        )
    return Project(Path("."), template, tuple(catalogs))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects())
def test_made_up_catalogs_report_the_same_with_and_without_the_plan(project: Project):
    _same_either_way(project, TERMBASE)


def test_a_plural_form_left_as_its_source_is_found_with_the_plan():
    """Only ``msgstr[1]`` is ``msgid_plural`` unchanged: the COPY fact must look at every
    form against every source, not at the first ones."""
    singular, plural = "Send one report to the helpline", "Send the reports to the helpline"
    template = Catalog(
        Path("site.pot"),
        "site.pot",
        (("Content-Type", "text/plain; charset=UTF-8"),),
        1,
        (Entry(singular, ("", ""), msgid_plural=plural),),
        is_template=True,
    )
    catalog = Catalog(
        Path("fr.po"),
        "fr.po",
        (("Language", "fr"), ("Content-Type", "text/plain; charset=UTF-8"), ("Plural-Forms", LANGUAGES["fr"])),
        1,
        (Entry(singular, ("Envoyer le signalement à la ligne d’assistance", plural), msgid_plural=plural, line=5),),
        language=language("fr"),
        header_language="fr",
        path_language="fr",
    )
    project = Project(Path("."), template, (catalog,))
    report = _same_either_way(project, TERMBASE)
    assert [f.code for f in report.findings if f.code == "S141"] == ["S141"]


# --- what the plan saves -------------------------------------------------------------------


def _counting(monkeypatch, code: str) -> list[Entry]:
    """The messages the check ``code`` is called on, from now on."""
    info = registry.find(code)
    assert info is not None
    called: list[Entry] = []

    def counted(entry, context):
        called.append(entry)
        return info.function(entry, context)

    monkeypatch.setitem(registry._CHECKS, code, dataclasses.replace(info, function=counted))
    return called


def test_a_check_is_called_only_where_its_facts_hold(monkeypatch):
    """``number-missing`` (``needs=Fact.SOURCE_DIGIT``) is called on the messages whose
    source has a digit, ``repeated-word`` (no facts) on every translated one; without the
    plan, both on every translated message."""
    monkeypatch.chdir(ROOT)
    project = load_project([CATALOGS], base=ROOT)
    numbers, finals = _counting(monkeypatch, "M101"), _counting(monkeypatch, "S122")
    check(project, Options(termbase=TERMBASE))
    assert numbers and all(any(c.isdigit() for c in e.msgid + (e.msgid_plural or "")) for e in numbers)
    assert len(numbers) < len(finals) / 2
    planned = len(numbers)
    numbers.clear(), finals.clear()
    check(project, Options(termbase=TERMBASE, plan=False))
    assert len(numbers) == len(finals) > 2 * planned


def test_checks_sharing_a_gate_are_called_only_where_it_holds(monkeypatch):
    """The placeholder checks report from one comparison (``gate=placeholder_issues``):
    with the plan, ``placeholder-added`` is called only on messages whose comparison found
    something, and the report is the one without the plan, which calls it on every
    flagged message."""
    from transkit.checks.placeholders import placeholder_issues

    project = load_project([DATA / "checks" / "placeholders"])
    seen: list[bool] = []
    info = registry.find("P102")
    assert info is not None and info.gate is placeholder_issues

    def watched(entry, context):
        seen.append(bool(placeholder_issues(entry, context)))
        return info.function(entry, context)

    monkeypatch.setitem(registry._CHECKS, "P102", dataclasses.replace(info, function=watched))
    planned = check(project, Options(termbase=TERMBASE))
    assert any(f.code == "P102" for f in planned.findings)
    assert seen and all(seen)  # called only where the comparison found something
    with_plan = len(seen)
    seen.clear()
    assert check(project, Options(termbase=TERMBASE, plan=False)) == planned
    assert len(seen) > with_plan and not all(seen)  # without the plan: every flagged message


@pytest.mark.parametrize("code", ["P111", "P112", "P113"])
def test_the_format_flag_checks_ask_their_source_once_for_every_language(monkeypatch, code):
    """P111–P113 read only a message's sources and flags and the template: their shared
    gate is worked out once per source and flags for the whole run (every language asks
    it), the checks are called only where it holds, and the report is the one without
    the plan."""
    from transkit.checks import formatflags

    project = load_project([DATA / "checks" / "placeholders"])
    worked: list[tuple] = []
    asked: list[bool] = []
    compute = formatflags._any_flag_problem

    def counted(entry, context):
        worked.append((entry.msgid, entry.msgid_plural, entry.flags, formatflags.template_flags(entry, context)))
        return compute(entry, context)

    def gate(entry, context):
        asked.append(formatflags.flag_problems(entry, context))
        return asked[-1]

    monkeypatch.setattr(formatflags, "_any_flag_problem", counted)
    for other in ("P111", "P112", "P113"):
        found = registry.find(other)
        assert found is not None and found.gate is formatflags.flag_problems
        monkeypatch.setitem(registry._CHECKS, other, dataclasses.replace(found, gate=gate))
    info = registry.find(code)
    assert info is not None
    seen: list[bool] = []

    def watched(entry, context):
        seen.append(formatflags.flag_problems(entry, context))
        return info.function(entry, context)

    monkeypatch.setitem(registry._CHECKS, code, dataclasses.replace(info, function=watched))
    planned = check(project, Options(termbase=TERMBASE))
    assert any(f.code == code for f in planned.findings)
    assert seen and all(seen)  # called only where the gate holds
    assert len(worked) == len(set(worked)) < len(asked)  # once per source and flags
    assert check(project, Options(termbase=TERMBASE, plan=False)) == planned


def test_the_facts_of_a_message():
    plan = Plan(TERMBASE)
    index: dict = {}
    plain = plan.facts(Entry("Send the form", msgstr=("Envoyer le formulaire",)), index)
    assert plain == Fact.NOT_IN_TEMPLATE  # nothing for any planned check but C108
    facts = plan.facts(
        Entry(
            "Call <b>078 055 800</b>", msgstr=("Appelez le\u00a0 ٠٧٨ (", ""), msgid_plural="Call us", flags=("fuzzy",)
        ),
        index,
    )
    assert facts & Fact.MARKUP and facts & Fact.SOURCE_DIGIT and facts & Fact.TRANSLATION_DIGIT
    assert facts & Fact.PHONE_TERM and facts & Fact.PLURAL and facts & Fact.FUZZY and facts & Fact.EMPTY_FORM
    assert facts & Fact.DOUBLE_SPACE and facts & Fact.BRACKET
    assert not facts & (Fact.ENTITY | Fact.LINK | Fact.EDGE_SPACE | Fact.LINE_BREAK | Fact.BACKSLASH)
    assert not facts & (Fact.PHONE_ADDED | Fact.WORD_TERM)  # three digits are no phone number
    spaced = plan.facts(Entry("Name: ", msgstr=("\u2067Nom",)), index)
    assert spaced & Fact.EDGE_SPACE  # a trailing space in the source, a bidi control leading the translation
    # A term of the termbase in the source, none in the translation: the term checks run.
    terms = plan.facts(Entry("Victims of trafficking", msgstr=("Victimes",)), index)
    assert terms & Fact.WORD_TERM and not terms & (Fact.PHONE_TERM | Fact.NAME_TERM | Fact.URL_TERM)
    assert plan.facts(Entry("Go to stophumantrafficking.be", msgstr=("",)), index) & Fact.URL_TERM
    assert plan.facts(Entry("x", msgstr=("Appelez le 078 055 800",)), index) & Fact.PHONE_ADDED
    assert not Plan(Termbase()).facts(Entry("Victims of trafficking", msgstr=("Victimes",)), index) & Fact.WORD_TERM


def test_a_check_without_facts_is_always_called_and_facts_are_for_entry_checks_only():
    assert registry.find("S122").needs is None  # repeated words: any translation may repeat one

    def planned_catalog(context):
        """A catalog check cannot be planned by the facts of one message."""
        return iter(())

    with pytest.raises(ValueError, match="only entry checks"):
        registry.register("X990", "planned-catalog", registry.Scope.CATALOG, Severity.INFO, needs=Fact.MARKUP)(
            planned_catalog
        )
    assert registry.find("X990") is None


@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_the_term_forms_of_a_source_are_found_at_once_as_one_by_one(source: str):
    terms = [(term.id, term.source) for term in TERMBASE.terms]
    assert SourceForms(terms).ids_in(source) == SourceForms(terms, compiled=False).ids_in(source)
    from transkit.terms.match import source_contains

    expected = {term_id for term_id, forms in terms if any(source_contains(source, form) for form in forms)}
    assert SourceForms(terms).ids_in(source) == expected


def test_each_character_gives_the_facts_its_definitions_say():
    """The translation's character facts come from one pattern and a table: for every
    character of the Basic Multilingual Plane (and the digits beyond it), the facts of a
    translation made of it are those the :class:`Fact` definitions say, one by one."""
    import re

    from transkit.text.punctuation import CLOSERS, quote_marks

    control = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    brackets = set(CLOSERS) | set(CLOSERS.values())
    plan = Plan(Termbase())
    checked = [
        Fact.MARKUP,
        Fact.ENTITY,
        Fact.LINE_BREAK,
        Fact.BACKSLASH,
        Fact.CONTROL,
        Fact.BRACKET,
        Fact.QUOTE,
        Fact.TRANSLATION_DIGIT,
    ]
    astral_digits = [chr(c) for c in range(0x10000, 0x20000) if chr(c).isdecimal()]
    for character in [*map(chr, range(1, 0x10000)), *astral_digits]:
        if 0xD800 <= ord(character) <= 0xDFFF:
            continue
        expected = {
            Fact.MARKUP: character == "<",
            Fact.ENTITY: character == "&",
            Fact.LINE_BREAK: character == "\n",
            Fact.BACKSLASH: character == "\\",
            Fact.CONTROL: bool(control.match(character)),
            Fact.BRACKET: character in brackets,
            Fact.QUOTE: bool(quote_marks(f" {character} ")),
            Fact.TRANSLATION_DIGIT: character.isdecimal(),
        }
        facts = plan.facts(Entry("a", (character,)), {})
        assert {fact: bool(facts & fact) for fact in checked} == expected, repr(character)


@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), st.none() | st.sampled_from(PIECES))
def test_the_term_facts_of_a_source_say_whether_it_holds_a_term(msgid: str, msgid_plural: str | None):
    """T162 looks only at the messages whose facts include a term (SOURCE_TERMS): that
    must be every message whose source holds one."""
    from transkit.engine.plan import SOURCE_TERMS
    from transkit.terms.verify import source_term_kinds

    facts = Plan(TERMBASE).source_facts(msgid, msgid_plural)
    assert bool(facts & SOURCE_TERMS) == bool(source_term_kinds(msgid, msgid_plural, TERMBASE))
