"""Which checks run: ``--select`` and ``--ignore`` by code, code prefix or name.

Like ruff, the most specific selector wins: ``--ignore C --select C103`` runs only C103
of the C family, and ``--select C --ignore C103`` runs all of it but C103.  A name or a
whole code is the most specific; ``ALL`` the least.  On a tie, ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transkit.errors import TranskitError
from transkit.registry import CheckInfo, all_checks


class SelectionError(TranskitError):
    """A selector that names no check."""


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def validate(self, checks: Sequence[CheckInfo] | None = None) -> None:
        """Refuse selectors that match nothing: a typo must not silently select nothing."""
        known = list(checks) if checks is not None else all_checks()
        for selector in (*self.select, *self.ignore):
            if _specificity(selector, known[0]) is None and not any(
                _specificity(selector, info) is not None for info in known
            ):
                raise SelectionError(
                    f"unknown check code, prefix or name {selector!r} (see `transkit checks`)"
                )

    def enabled(self, info: CheckInfo) -> bool:
        selected = _best(self.select or ("ALL",), info)
        ignored = _best(self.ignore, info)
        if selected is None:
            return False
        return ignored is None or selected > ignored

    def apply(self, checks: Iterable[CheckInfo]) -> list[CheckInfo]:
        return [info for info in checks if self.enabled(info)]


def _best(selectors: Iterable[str], info: CheckInfo) -> int | None:
    scores = [score for score in (_specificity(s, info) for s in selectors) if score is not None]
    return max(scores, default=None)


def _specificity(selector: str, info: CheckInfo) -> int | None:
    text = selector.strip()
    if text.upper() == "ALL":
        return 0
    if text.lower() == info.name:
        return len(info.code) + 1
    upper = text.upper()
    if upper and info.code.startswith(upper):
        return len(upper)
    return None
