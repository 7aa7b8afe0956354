"""TBX and CSV exchange of the termbase: third-party files, hostile XML, exact round trips."""

from __future__ import annotations

import dataclasses
import re
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.errors import GlossaryError
from transkit.model.findings import Severity
from transkit.terms import load_termbase
from transkit.terms.csv_format import read_csv, write_csv
from transkit.terms.model import Term, Termbase, TermKind
from transkit.terms.tbx import read_tbx, write_tbx
from transkit.terms.toml_format import load_toml

GLOSSARY = DATA / "glossary"
BOMB_MESSAGE = "entity declarations are not allowed in a termbase (XML bomb or external entity)"


def exact(term: Term) -> dict:
    """A term's fields with the order of every table kept (dicts compare without it)."""
    fields = {f.name: getattr(term, f.name) for f in dataclasses.fields(term) if f.name != "origin"}
    for name in ("approved", "forbidden", "display_forms"):
        fields[name] = list(fields[name].items())
    return fields


def assert_same(first: Termbase, second: Termbase) -> None:
    assert [exact(term) for term in first.terms] == [exact(term) for term in second.terms]


def through(termbase: Termbase, suffix: str, directory: Path) -> Termbase:
    """Export, write to a file and import again through load_termbase's dispatch."""
    path = directory / f"exported{suffix}"
    writer = write_tbx if suffix == ".tbx" else write_csv
    path.write_text(writer(termbase), encoding="utf-8", newline="")
    return load_termbase(path)


# --- third-party TBX -------------------------------------------------------------------


def test_tbx_basic_v2_from_a_cat_tool() -> None:
    termbase = read_tbx(GLOSSARY / "basic_v2.tbx")
    assert [term.id for term in termbase.terms] == ["c1", "victim", "c3"]
    first, second, third = termbase.terms
    assert first.kind is TermKind.TERM and first.severity is Severity.ERROR
    assert first.source == ("human trafficking", "trafficking in human beings")
    assert first.note == "Exploitation of a person; not migrant smuggling."
    # The preferred form comes first, whatever the order in the file; ntig/termGrp counts.
    assert list(first.approved.items()) == [
        ("fr", (("traite des êtres humains",), ("traite",))),
        ("nl", (("mensenhandel",),)),
    ]
    assert list(first.forbidden.items()) == [("fr", ("trafic de migrants",)), ("nl", ("mensensmokkel",))]
    # No id: a slug of the source term; no status: approved.
    assert second.source == ("victim",)
    assert list(second.approved.items()) == [("fr", (("victime",),)), ("nl", (("slachtoffer",),))]
    assert second.forbidden == {"nl": ("gedupeerde",)}
    assert third.source == ("shelter & care",)
    assert third.approved["fr"] == (("accueil et soins",), ("hébergement",))
    assert third.note == "" and third.region is None and third.display is None and not third.display_forms


def test_tbx_v3_with_namespace() -> None:
    termbase = read_tbx(GLOSSARY / "basic_v3.tbx")
    helpline, smuggling = termbase.terms
    assert helpline.id == "helpline-concept" and helpline.kind is TermKind.TERM
    assert helpline.source == ("helpline", "hotline")
    assert list(helpline.approved.items()) == [("fr", (("ligne d'assistance",),)), ("nl", (("hulplijn",),))]
    assert helpline.forbidden == {"fr": ("hotline",)}
    assert smuggling.source == ("migrant smuggling",)
    assert smuggling.approved == {"nl": (("mensensmokkel",),)}
    assert smuggling.forbidden == {"nl": ("mensenhandel",)}


def test_declared_source_language(tmp_path: Path) -> None:
    path = tmp_path / "fr-source.tbx"
    path.write_text(
        '<martif type="TBX-Basic" xml:lang="fr"><text><body><termEntry id="t">'
        '<langSet xml:lang="fr"><tig><term>traite</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>trafficking</term></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    (term,) = read_tbx(path).terms
    assert term.source == ("traite",) and term.approved == {"en": (("trafficking",),)}


# --- hostile and broken XML -------------------------------------------------------------


class OpenedFiles:
    """Files opened while active, seen through the interpreter's audit hook."""

    installed: OpenedFiles | None = None

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.active = False

    @classmethod
    def get(cls) -> OpenedFiles:
        if cls.installed is None:
            cls.installed = cls()
            sys.addaudithook(cls.installed.hook)
        return cls.installed

    def hook(self, event: str, args: tuple) -> None:
        if self.active and event == "open" and isinstance(args[0], (str, bytes, Path)):
            self.paths.append(str(args[0]))


@pytest.mark.parametrize("name", ["billion_laughs.tbx", "external_entity.tbx"])
def test_xml_bombs_and_external_entities_are_refused(name: str) -> None:
    opened = OpenedFiles.get()
    opened.active, opened.paths[:] = True, []
    try:
        with pytest.raises(GlossaryError) as caught:
            read_tbx(GLOSSARY / name)
    finally:
        opened.active = False
    assert caught.value.message == BOMB_MESSAGE
    assert caught.value.path.endswith(name) and caught.value.line == 3
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd
    assert not [path for path in opened.paths if "passwd" in path]


def test_no_file_named_by_the_xml_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ATTLIST termEntry id CDATA "SECRET">', encoding="utf-8")
    documents = {
        "entity": f'<!DOCTYPE martif [<!ENTITY x SYSTEM "{secret.as_uri()}">]><martif><text>&x;</text></martif>',
        "parameter": f'<!DOCTYPE martif [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]><martif/>',
    }
    opened = OpenedFiles.get()
    for name, text in documents.items():
        path = tmp_path / f"{name}.tbx"
        path.write_text(text, encoding="utf-8")
        opened.active, opened.paths[:] = True, []
        try:
            with pytest.raises(GlossaryError, match="entity declarations are not allowed"):
                read_tbx(path)
        finally:
            opened.active = False
        assert opened.paths == [str(path)], name
    # An external DTD (as TBX-Basic files declare) is accepted but never fetched.
    path = tmp_path / "doctype.tbx"
    path.write_text(
        f'<!DOCTYPE martif SYSTEM "{dtd.as_uri()}"><martif xml:lang="en"><text><body>'
        '<termEntry><langSet xml:lang="en"><tig><term>victim</term></tig></langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    opened.active, opened.paths[:] = True, []
    try:
        (term,) = read_tbx(path).terms
    finally:
        opened.active = False
    assert term.id == "victim" and opened.paths == [str(path)]


def test_not_well_formed_xml_names_the_line() -> None:
    with pytest.raises(GlossaryError) as caught:
        read_tbx(GLOSSARY / "not_well_formed.tbx")
    assert caught.value.line == 8
    assert caught.value.message == "not well-formed XML: mismatched tag"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("<html>\n<body/></html>", 1, "not a TBX file: the root element is <html>"),
        ("", 1, "not well-formed XML: no element found"),
        (
            '<martif>\n<text><body>\n<termEntry id="x">\n<langSet xml:lang="fr"><tig><term>a</term></tig></langSet>'
            "</termEntry></body></text></martif>",
            3,
            "entry x: no term in the source language 'en'",
        ),
        (
            '<martif><text><body>\n<termEntry id="x">\n<admin type="x-transkit-kind">word</admin>'
            '<langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry></body></text></martif>',
            2,
            "entry x: unknown kind 'word'",
        ),
        (
            '<martif><text><body><termEntry id="x"><langSet xml:lang="en">\n<tig><term> </term></tig>'
            "</langSet></termEntry></body></text></martif>",
            2,
            "entry x: a term without text",
        ),
        (
            '<martif><text><body><termEntry id="x">\n<langSet><tig><term>a</term></tig>'
            "</langSet></termEntry></body></text></martif>",
            2,
            "a language section without xml:lang",
        ),
    ],
)
def test_bad_tbx_content(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_tbx(path)
    assert caught.value.line == line and caught.value.message.startswith(words), caught.value


# --- what transkit writes -----------------------------------------------------------------

_AUX = "(<descrip>|<descripGrp>|<admin>|<adminGrp>|<transacGrp>|<note>|<ref>|<xref>)*"
TBX_CORE = {  # TBXcoreStructV02.dtd content models of the elements transkit writes
    "martif": "<martifHeader><text>",
    "martifHeader": "<fileDesc>(<encodingDesc>)?(<revisionDesc>)?",
    "fileDesc": "(<titleStmt>)?(<publicationStmt>)?(<sourceDesc>)*",
    "sourceDesc": "(<p>)+",
    "encodingDesc": "(<p>)+",
    "text": "(<front>)?<body>(<back>)?",
    "body": "(<termEntry>)+",
    "termEntry": f"{_AUX}(<langSet>)+",
    "langSet": f"{_AUX}(<tig>|<ntig>)+",
    "tig": f"<term>(<termNote>)*{_AUX}",
}


def assert_tbx_basic(text: str) -> None:
    """Structural TBX-Basic validity: content models, required and ID attributes."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM')
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    ids = [entry.get("id") for entry in root.iter("termEntry")]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z_][\w.-]*", i, re.ASCII) for i in ids)
    for element in root.iter():
        children = "".join(f"<{child.tag}>" for child in element)
        model = TBX_CORE.get(element.tag, "")
        assert re.fullmatch(model, children), (element.tag, children)
        if element.tag == "langSet":
            assert element.get("{http://www.w3.org/XML/1998/namespace}lang")


def features() -> Termbase:
    return load_toml(GLOSSARY / "features.toml")


def test_features_file_uses_every_kind_and_feature() -> None:
    terms = features().terms
    assert {term.kind for term in terms} == set(TermKind)
    assert {term.severity for term in terms} == set(Severity)
    assert any(len(form) > 1 for term in terms for forms in term.approved.values() for form in forms)
    assert any("*" in term.approved for term in terms) and any("*" in term.forbidden for term in terms)
    assert any(term.display_forms for term in terms) and any(term.forbidden for term in terms)


@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_toml_round_trips_exactly(suffix: str, tmp_path: Path) -> None:
    assert_same(through(features(), suffix, tmp_path), features())


@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_campaign_termbase_round_trips_exactly(suffix: str, tmp_path: Path) -> None:
    campaign = ROOT / "glossary" / "campaign.toml"
    if not campaign.is_file():
        pytest.skip("glossary/campaign.toml is not there yet")
    termbase = load_toml(campaign)
    assert_same(through(termbase, suffix, tmp_path), termbase)


def test_tbx_export_is_tbx_basic_and_deterministic() -> None:
    text = write_tbx(features())
    assert_tbx_basic(text)
    assert text == write_tbx(features())
    assert '<admin type="x-transkit-id">112</admin>' in text
    assert '<termNote type="x-transkit-role">inflection</termNote>' in text


def test_third_party_tbx_round_trips_through_transkit(tmp_path: Path) -> None:
    for name in ("basic_v2.tbx", "basic_v3.tbx"):
        termbase = read_tbx(GLOSSARY / name)
        assert_same(through(termbase, ".tbx", tmp_path), termbase)
        assert_same(through(termbase, ".csv", tmp_path), termbase)


# --- CSV ---------------------------------------------------------------------------------

HEADER = "id,kind,language,status,form,severity,region,display,note\n"


def test_csv_layout() -> None:
    lines = write_csv(features()).splitlines()
    assert lines[0] == HEADER.strip()
    assert "helpline,phone,en,source,078 055 800,error,BE,078 055 800,24/7 helpline. Never change a digit." in lines
    assert "human-trafficking,term,uk,inflection,торгівлі людьми,,,," in lines
    assert "112,number,fa,display,۱۱۲,,,," in lines


def test_csv_from_excel_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffid;kind;language;status;form\r\nvictim;term;en;source;victim\r\n"
        "victim;term;fr;approved;victime\r\nvictim;;nl;forbidden;gedupeerde\r\n".encode("utf-8")
    )
    (term,) = read_csv(path).terms
    assert exact(term) == exact(
        Term(
            id="victim",
            kind=TermKind.TERM,
            source=("victim",),
            approved={"fr": (("victime",),)},
            forbidden={"nl": ("gedupeerde",)},
        )
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 1, "empty file"),
        ("id,kind,language,form\n", 1, "missing column(s) status"),
        ("id,kind,language,status,form,comment\n", 1, "unknown column 'comment'"),
        (HEADER + "a,term,en,source,x\nb,word,en,source,y\n", 3, "term 'b': unknown kind 'word'"),
        (HEADER + "a,term,en,source,x\nb,,fr,approved,y\n", 3, "a row for term 'b' before its definition"),
        (HEADER + "a,term,en,source,x\n\na,term,fr,inflection,y\n", 4, "term 'a': an inflection without"),
        (HEADER + 'a,term,en,source,x,,,,"two\nlines"\na,term,fr,preferred,y\n', 4, "term 'a': unknown status"),
        (HEADER + "a,term,en,source,x\na,name,fr,approved,y\n", 3, "term 'a': kind 'name' differs"),
        (HEADER + "a,term,en,source,x\na,term,fr,approved,y,warning\n", 3, "term 'a': severity differs"),
        (HEADER + "a,term,fr,approved,x\n", 2, "term 'a' has no source row"),
        (HEADER + "a,term,en,source,x,loud\n", 2, "term 'a': severity must be"),
        (HEADER + "a,term,en,source,  \n", 2, "term 'a': an empty form"),
        (HEADER + "a,term,fr,source,x\n", 2, "term 'a': source forms are English"),
        (HEADER + "a,phone,en,source,12,,BE\n", 2, "term 'a': '12' is not a phone number of region BE"),
        (HEADER + "a,term,en,source,x,,,,,extra\n", 2, "10 cells but 9 columns"),
    ],
)
def test_bad_csv(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(GlossaryError) as caught:
        read_csv(path)
    assert caught.value.line == line and caught.value.message.startswith(words), caught.value


# --- random termbases ---------------------------------------------------------------------

_TRICKY = st.sampled_from(['"', "'", "&", "<", ">", ",", ";", "]]>", "&amp;", "שלום", "مرحبا", "\u200f", " ", "*"])
_CHAR = st.characters(blacklist_categories=("Cs", "Cc"))
_TEXT = st.lists(_CHAR | _TRICKY, min_size=1, max_size=8).map("".join).filter(str.strip)
_NOTE = st.lists(_CHAR | _TRICKY | st.sampled_from(["\n", "\r\n", "\r", "\t"]), max_size=20).map("".join)
_CODES = (
    st.sampled_from(["fr", "nl", "en", "en-GB", "pt_BR", "pt-BR", "*", "zh_Hans", "ar", "sr@latin", "EN", "mul"])
    | _TEXT
)
_PHONES = st.sampled_from(["078 055 800", "+32 78 05 58 00", "02 555 12 12", "۰۷۸ ۰۵۵ ۸۰۰"])


@st.composite
def terms(draw: st.DrawFn, term_id: str) -> Term:
    kind = draw(st.sampled_from(TermKind))
    phone = kind is TermKind.PHONE
    form = _PHONES if phone else _TEXT
    forms = st.lists(st.lists(_TEXT, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3).map(tuple)
    return Term(
        id=term_id,
        kind=kind,
        source=tuple(draw(st.lists(form, min_size=1, max_size=3))),
        approved=draw(st.dictionaries(_CODES, forms, max_size=4)),
        forbidden=draw(st.dictionaries(_CODES, st.lists(_TEXT, min_size=1, max_size=3).map(tuple), max_size=3)),
        severity=draw(st.sampled_from(Severity)),
        note=draw(_NOTE),
        region="BE" if phone else draw(st.none() | _TEXT),
        display=draw(st.none() | form),
        display_forms=draw(st.dictionaries(_CODES, form, max_size=3)),
    )


@st.composite
def termbases(draw: st.DrawFn) -> Termbase:
    ids = draw(st.lists(_TEXT | st.sampled_from(["t-1", "t-2", "a", "A.b_c-1"]), unique=True, max_size=4))
    return Termbase(terms=tuple(draw(terms(term_id)) for term_id in ids))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(termbases())
def test_random_termbases_round_trip(termbase: Termbase) -> None:
    with tempfile.TemporaryDirectory() as directory:
        for suffix in (".tbx", ".csv"):
            assert_same(through(termbase, suffix, Path(directory)), termbase)
        if termbase.terms:
            assert_tbx_basic(write_tbx(termbase))
