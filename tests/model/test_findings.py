"""Finding.in_domain: the fast copy a run makes of every finding must be the finding
dataclasses.replace would make (reports, baselines and the cache compare them)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transkit.model.findings import Finding, Fix, Severity

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
def test_in_domain_is_replace(
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
    tagged, replaced = finding.in_domain(after), dataclasses.replace(finding, domain=after)
    assert tagged == replaced and hash(tagged) == hash(replaced)
    assert tagged.__dict__ == replaced.__dict__  # fix too, which equality ignores
    assert finding.domain == before  # the original is untouched
    if before == after:
        assert tagged is finding
    with pytest.raises(dataclasses.FrozenInstanceError):
        tagged.domain = "other"  # type: ignore[misc]
