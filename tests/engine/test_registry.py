"""The check registry and selection: metadata as data, duplicates refused, ruff-like selection."""

from __future__ import annotations

import pytest

from transkit.engine.registry import Scope, all_checks, find, register
from transkit.engine.selection import Selection, SelectionError
from transkit.model.findings import Severity


def test_every_check_is_documented_with_bad_and_good_examples() -> None:
    for info in all_checks():
        assert info.summary and info.summary.endswith(".")
        assert "Bad:" in info.doc and "Good:" in info.doc, info.code


def test_registration_refuses_duplicates_and_bad_metadata() -> None:
    def dummy(entry, context):
        """Doc."""
        yield from ()

    with pytest.raises(ValueError, match="already registered"):
        register("C101", "some-other-name", Scope.ENTRY, Severity.INFO)(dummy)
    with pytest.raises(ValueError, match="already registered"):
        register("Z998", "missing-message", Scope.ENTRY, Severity.INFO)(dummy)
    with pytest.raises(ValueError, match="three digits"):
        register("c1", "lower-code", Scope.ENTRY, Severity.INFO)(dummy)
    with pytest.raises(ValueError, match="kebab-case"):
        register("Z997", "Not_Kebab", Scope.ENTRY, Severity.INFO)(dummy)


def test_find_by_code_or_name() -> None:
    assert find("c103") is find("fuzzy-message") is not None
    assert find("nothing") is None


@pytest.mark.parametrize(
    "select, ignore, enabled",
    [
        ((), (), {"C101", "C103", "H101", "F001"}),
        (("C",), (), {"C101", "C103"}),
        (("ALL",), ("C",), {"H101", "F001"}),
        (("C103",), ("C",), {"C103"}),  # more specific select wins
        (("C",), ("C103",), {"C101"}),  # more specific ignore wins
        (("C103",), ("C103",), set()),  # a tie goes to ignore
        (("fuzzy-message",), (), {"C103"}),
    ],
)
def test_selection_most_specific_wins(select, ignore, enabled) -> None:
    sample = {find(code) for code in ("C101", "C103", "H101", "F001")}
    chosen = {info.code for info in Selection(select, ignore).apply(sample)}
    assert chosen == enabled


def test_unknown_selector_is_refused() -> None:
    with pytest.raises(SelectionError, match="'X1'"):
        Selection(("X1",)).validate()
