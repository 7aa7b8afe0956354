"""Suppression markers (family ``N``): a marker that suppresses nothing is itself a finding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from transkit.engine.registry import Problem, Scope, register
from transkit.engine.suppression import Marker, unused_problem
from transkit.model.findings import Severity


@register("N101", "unused-suppression", Scope.CATALOG, Severity.WARNING)
def unused_suppression(unused: Iterable[Marker]) -> Iterator[Problem]:
    """A suppression marker suppresses nothing.

    The problem it silenced was fixed, or the marker names the wrong code; either way it
    now hides nothing but could hide a future problem.  Markers are ``transkit-ignore: CODE``
    in a template's extracted comment (every language) or in a catalog's translator comment,
    or a ``transkit-ignore-CODE`` flag (that language only).  Markers for checks that did not
    run (``--select``) are not judged.

    Bad: ``# transkit-ignore: S103`` above a message that raises no S103.
    Good: the marker removed, or kept only where the finding it names occurs.
    """
    # The engine calls this once suppression is done, with the markers that went unused.
    yield from map(unused_problem, unused)
