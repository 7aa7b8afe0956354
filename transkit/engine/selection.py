"""Which checks run: ``--select`` and ``--ignore`` by code, code prefix or name.

Like ruff, the most specific selector wins: ``--ignore C --select C103`` runs only C103
of the C family, and ``--select C --ignore C103`` runs all of it but C103.  A name or a
whole code is the most specific; ``ALL`` the least.  On a tie, ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from transkit.errors import TranskitError

if TYPE_CHECKING:
    from transkit.engine.registry import CheckInfo


class SelectionError(TranskitError):
    """A selector that names no check."""


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def validate(self, checks: Sequence[CheckInfo] | None = None) -> None:
        """Refuse selectors that match nothing: a typo must not silently select nothing."""
        for selector in (*self.select, *self.ignore):
            if not names_a_check(selector, checks):
                raise SelectionError(f"unknown check code, prefix or name {selector!r} (see `transkit checks`)")

    def enabled(self, info: CheckInfo) -> bool:
        selected = _best(self.select or ("ALL",), info)
        ignored = _best(self.ignore, info)
        if selected is None:
            return False
        return ignored is None or selected > ignored

    def apply(self, checks: Iterable[CheckInfo]) -> list[CheckInfo]:
        return [info for info in checks if self.enabled(info)]


def names_a_check(selector: str, checks: Sequence[CheckInfo] | None = None) -> bool:
    """Whether a selector matches at least one check."""
    from transkit.engine.registry import all_checks  # the checks are loaded only when a selector is checked

    known = list(checks) if checks is not None else all_checks()
    return any(specificity(selector, info) is not None for info in known)


def _best(selectors: Iterable[str], info: CheckInfo) -> int | None:
    scores = [score for score in (specificity(s, info) for s in selectors) if score is not None]
    return max(scores, default=None)


def specificity(selector: str, info: CheckInfo) -> int | None:
    """How precisely a selector names a check, or None when it does not name it.

    ``ALL`` scores 0, a code prefix its length, a whole code or the check's name the
    length of the code: a name is as specific as its code, so ties go to ignore.
    """
    text = selector.strip()
    if text.upper() == "ALL":
        return 0
    if text.lower() == info.name:
        return len(info.code)
    upper = text.upper()
    if upper and info.code.startswith(upper):
        return len(upper)
    return None
