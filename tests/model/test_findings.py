"""name_domain: the findings a run tags in place must be the findings
dataclasses.replace would make (reports, baselines and the cache compare them)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transkit.i18n import L_, Ln_, Message
from transkit.model.findings import Finding, Fix, Severity, finding_rows, findings_of_rows, name_domain, share_values

texts = st.one_of(st.none(), st.text(max_size=8))


@given(
    line=st.one_of(st.none(), st.integers(1, 10**6)),
    severity=st.sampled_from(list(Severity)),
    language=texts,
    msgctxt=texts,
    msgid=texts,
    before=texts,
    after=texts,
    fixed=st.booleans(),
)
def test_naming_the_domain_in_place_is_replace(
    line: int | None,
    severity: Severity,
    language: str | None,
    msgctxt: str | None,
    msgid: str | None,
    before: str | None,
    after: str | None,
    fixed: bool,
) -> None:
    fix = Fix(msgstr=((0, "x"),)) if fixed else None
    finding = Finding("fr.po", line, "C101", "missing-message", severity, "m", language, msgctxt, msgid, before, fix)
    replaced = dataclasses.replace(finding, domain=after)
    name_domain([finding], after)
    assert finding == replaced and hash(finding) == hash(replaced)
    assert finding.__dict__ == replaced.__dict__  # fix too, which equality ignores
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.domain = "other"  # type: ignore[misc]


def _made(message: object) -> object:
    """Everything translating a message uses: its text and how it was made."""
    if isinstance(message, Message):
        args = {name: _made(value) for name, value in message.args.items()}
        return (str(message), message.template, message.plural, message.number, args)
    return (type(message), message)


def test_shared_values_leave_every_finding_as_it_was() -> None:
    """A run makes the equal messages and msgids of a catalog's findings one object each
    (the parent process held 113,000 findings of the real corpus in 120 MB, 40 once
    shared): each finding must stay equal to what it was and translate as before, even
    where two messages read the same in English but were made otherwise."""

    def found(n: int, message: object, msgid: str | None) -> Finding:
        return Finding("catalogs/fr.po", n, "T101", "term", Severity.ERROR, message, "fr", None, msgid)  # type: ignore[arg-type]

    messages = [
        L_("{count} left", count=3),
        L_("{count} left", count=3),
        L_("{count} left", count="3"),  # the same English, another argument type
        L_("3 left"),  # the same English, another template
        Ln_("{count} left", "{count} left", 3),
        "3 left",  # a plugin's plain text
        L_("{inner} or not", inner=L_("{count} left", count=3)),
        L_("{inner} or not", inner=L_("3 left")),
    ]
    findings = [
        found(n, message, "".join(["Save", " all"]) if n % 3 else None)
        for n, message in enumerate(messages * 2, start=1000)
    ]
    before = [(dataclasses.replace(f), _made(f.message)) for f in findings]
    share_values(findings)
    assert [(f, _made(f.message)) for f in findings] == before
    assert [type(f.message) for f in findings] == [type(f.message) for f, _ in before]
    assert findings[0].message is findings[1].message is findings[8].message
    assert len({id(f.message) for f in findings}) == len(messages) - 1
    assert len({id(f.msgid) for f in findings if f.msgid is not None}) == 1


def test_findings_travel_as_rows_and_come_back_the_same() -> None:
    """Worker processes send their findings as rows: what the parent rebuilds must be the
    very findings, fix included (which equality ignores)."""
    import pickle

    findings = [
        Finding("fr.po", 3, "S101", "x", Severity.WARNING, L_("a {n}", n=1), "fr", None, "Hi", None, Fix(((0, "y"),))),
        Finding("nl.po", None, "C101", "y", Severity.ERROR, "plain", None, "ctx", "Bye", "site"),
    ]
    back = findings_of_rows(pickle.loads(pickle.dumps(finding_rows(findings))))
    assert list(back) == findings
    assert [f.__dict__ for f in back] == [f.__dict__ for f in findings]
