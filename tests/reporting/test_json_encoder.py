"""The JSON and SARIF reports are written by orjson, and must read exactly as the standard
library wrote them (``json.dumps(..., ensure_ascii=False, indent=2)`` and a line break):
CI scripts diff these files, and the golden files and baselines hold that text.

The reference here is the standard library itself, so every case compares the two
encoders on the same document: the golden files, generated reports with odd text (control
characters, bidi marks, line separators, astral characters, lone surrogates), floats of
every magnitude, and the values orjson refuses or would write its own way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import io
import json

import pytest
from conftest import GOLDEN
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity
from transkit.reporting import json_report, sarif


def stdlib(document: object) -> str:
    """What the reports were written with before orjson: the reference."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name", ["check.json", "stats.json", "terms.json", "check.sarif"])
def test_golden_documents_are_written_byte_for_byte(name: str) -> None:
    golden = (GOLDEN / name).read_text(encoding="utf-8")
    document = json.loads(golden)
    assert json_report.dumps(document) == golden == stdlib(document)


# Text that exercises every escape rule: C0 and C1 controls, DEL, quotes and backslashes,
# bidi controls, U+2028/2029, BOM, astral characters, and lone surrogates (which orjson
# refuses and the standard library writes as they are).
ODD = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(list('"\\/\x00\x1f\x7f\x85\u2028\u2029\ufeff\u200f\u2066\u2069\U0001f600\ud800\udfff')),
    ),
    max_size=40,
)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    return Finding(
        file=draw(st.sampled_from(["catalogs/fr.po", "catalogs/ar.po", "/abs/zh_Hans.po", "c:\\w\\fa.po"])),
        line=draw(st.one_of(st.none(), st.integers(-1, 10**6))),
        code=draw(st.sampled_from(["C101", "P101", "T102", "S131", "X999"])),
        check=draw(st.sampled_from(["missing-message", "placeholders", "term", "made-up"])),
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(ODD),
        language=draw(st.one_of(st.none(), st.sampled_from(["fr", "ar", "zh_Hans"]))),
        msgctxt=draw(st.one_of(st.none(), ODD)),
        msgid=draw(st.one_of(st.none(), ODD)),
        domain=draw(st.one_of(st.none(), st.sampled_from(["django", "sphinx"]))),
    )


PERCENT = st.floats(allow_nan=True, allow_infinity=True)


@st.composite
def coverages(draw: st.DrawFn) -> Coverage:
    count = st.integers(0, 10**5)
    return Coverage(
        file="catalogs/fr.po",
        language="fr",
        language_name=draw(ODD),
        native_name=draw(ODD),
        total=draw(count),
        translated=draw(count),
        fuzzy=draw(count),
        untranslated=draw(count),
        missing=draw(count),
        obsolete=draw(count),
        extra=draw(count),
        stale=draw(count),
        outdated=draw(st.booleans()),
        words_total=draw(count),
        words_translated=draw(count),
        percent=draw(PERCENT),
        percent_words=draw(PERCENT),
    )


def report_of(found: list[Finding], coverage: list[Coverage]) -> Report:
    return Report(template="catalogs/campaign.pot", findings=tuple(found), coverage=tuple(coverage))


def json_text(report: Report) -> str:
    stream = io.StringIO()
    json_report.render(report, stream)
    return stream.getvalue()


@settings(max_examples=150, deadline=None)
@given(st.lists(findings(), max_size=12), st.lists(coverages(), max_size=3))
def test_json_report_matches_the_standard_library(found: list[Finding], coverage: list[Coverage]) -> None:
    report = report_of(found, coverage)
    assert json_text(report) == stdlib(_reference_document(report))


COVERAGE = Coverage("catalogs/fr.po", "fr", "French", "français", 9, 7, 1, 1, 0, 0, 0, 1, False, 40, 31, 77.8, 77.5)


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 6, 7, 10])
def test_findings_written_a_chunk_at_a_time_read_as_one_document(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's findings are encoded a few thousand at a time (the dicts and JSON of
    120,000 findings at once were the run's peak of memory); chunks of 3 here, so that
    reports of every length around their boundaries are tried, a chunk that only the
    standard library can write (a lone surrogate) among them, to text and to bytes."""
    monkeypatch.setattr(json_report, "STREAMED_CHUNK", 3)
    odd = {4: "\ud800", 5: 'é\n"\x1f'}
    found = [
        Finding("catalogs/fr.po", n, "P101", "placeholders", Severity.ERROR, "m", "fr", None, odd.get(n, f"id {n}"))
        for n in range(count)
    ]
    report = report_of(found, [COVERAGE])
    expected = stdlib(_reference_document(report))
    assert json_text(report) == expected
    if "\ud800" not in expected:  # a lone surrogate cannot be written as UTF-8
        binary = io.BytesIO()
        stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        json_report.render(report, stream)
        stream.flush()
        assert binary.getvalue() == expected.encode("utf-8")


def _reference_document(report: Report) -> dict:
    """The document ``--format json`` has always written (docs/json-format.md)."""
    return {
        "version": json_report.FORMAT_VERSION,
        "template": report.template,
        "domains": json_report.domain_list(report.domains),
        "summary": {
            "catalogs": len(report.coverage),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "baselined": report.baselined,
        },
        "findings": [json_report.finding_dict(f) for f in report.findings],
        "coverage": [c.as_dict() for c in report.coverage],
    }


@example([Finding("catalogs/fr.po", 3, "S102", "trailing-whitespace", Severity.WARNING, "m", "fr", None, "\ud800")])
@settings(max_examples=100, deadline=None)
@given(st.lists(findings(), max_size=12))
def test_sarif_matches_the_standard_library(found: list[Finding]) -> None:
    report = report_of(found, [])
    stream = io.StringIO()
    sarif.render(report, stream)
    assert stream.getvalue() == stdlib(sarif.document(report))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), ODD),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(ODD, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_matches_the_standard_library(value: object) -> None:
    """Floats of every magnitude (orjson writes 1e-05 as 0.00001 and infinity as null),
    integers beyond 64 bits, nesting: the same text, or the fallback gives it."""
    assert json_report.dumps(value) == stdlib(value)


@pytest.mark.parametrize(
    "value",
    [1e-05, -1.5e-07, 5e-324, float("inf"), float("-inf"), float("nan"), 1e16, 1.7976931348623157e308, 0.0001, -0.0],
)
def test_floats_orjson_formats_otherwise_are_written_as_before(value: float) -> None:
    document = {"percent": value, "items": [{"x": [value]}]}
    assert json_report.dumps(document) == stdlib(document)


class Level(enum.Enum):
    HIGH = "high"


class Label(str):
    pass


@dataclasses.dataclass
class Point:
    x: int


@pytest.mark.parametrize(
    "value",
    [
        {7: "integer key", None: "null key", 2.5: "float key", True: "bool key"},
        {"big": 2**70, "small": -(2**64)},
        {"subclass": Label("kept as text"), "tuple": (1, "two")},
        [Severity.ERROR.value, {"nested": ()}],
    ],
)
def test_values_orjson_refuses_or_writes_otherwise_come_out_as_before(value: object) -> None:
    assert json_report.dumps(value) == stdlib(value)


@pytest.mark.parametrize("value", [{"level": Level.HIGH}, {"point": Point(1)}, {"when": dt.datetime(2026, 1, 1)}])
def test_what_the_standard_library_refuses_is_still_refused(value: object) -> None:
    with pytest.raises(TypeError):
        stdlib(value)
    with pytest.raises(TypeError):
        json_report.dumps(value)


@pytest.mark.parametrize(
    "document",
    [
        {"text": 'naïve 中文 ру \t"q"\\ \x01', "n": [1, 2.5, None, True], "empty": {}},
        {"huge": 1 << 70, "tiny": 1e-7},  # json's way, not orjson's
    ],
)
def test_dump_to_a_utf8_stream_writes_the_bytes_of_dumps(document: dict) -> None:
    """dump() hands orjson's bytes straight to a UTF-8 stream's buffer (a large report is
    not turned into text and back); what lands is what writing dumps()'s text writes."""
    binary = io.BytesIO()
    stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    stream.write("before ")
    json_report.dump(document, stream)
    stream.write(" after")
    stream.flush()
    assert binary.getvalue() == ("before " + json_report.dumps(document) + " after").encode("utf-8")
    text = io.StringIO()
    json_report.dump(document, text)
    assert text.getvalue() == json_report.dumps(document)


def test_findings_with_translatable_messages_take_the_fast_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks' messages are :class:`Message` (a ``str`` subclass, translated when shown): the
    document must still hold only plain JSON types, or the whole report falls back to the
    pure-Python encoder (2-4 s for 120,000 findings)."""
    from transkit.i18n import L_, Ln_

    found = [
        Finding("catalogs/fr.po", 3, "P101", "placeholders", Severity.ERROR, L_("missing {name}", name="%s"), "fr"),
        Finding("catalogs/fr.po", 9, "C102", "fuzzy", Severity.WARNING, Ln_("{count} form", "{count} forms", 2), "fr"),
    ]
    report = report_of(found, [])
    expected = stdlib(_reference_document(report))
    assert [f["message"] for f in json.loads(expected)["findings"]] == ["missing %s", "2 forms"]

    def no_fallback(*args: object, **kwargs: object) -> str:
        raise AssertionError("the report fell back to the standard library's encoder")

    monkeypatch.setattr(json_report.json, "dumps", no_fallback)
    assert json_text(report) == expected
