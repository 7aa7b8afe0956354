"""Suppression markers (family ``N``): a marker that suppresses nothing is itself a finding."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from transkit.checks.api import Marker, Problem, Severity, unused_marker_check
from transkit.i18n import L_


@unused_marker_check("N101", "unused-suppression", Severity.WARNING)
def unused_suppression(unused: Sequence[Marker]) -> Iterator[Problem]:
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
    for marker in unused:
        unknown = marker.unknown_selectors()
        selectors = ", ".join(marker.selectors)
        yield Problem(
            L_(
                "suppression of {selectors} names no check ({unknown}); remove it",
                selectors=selectors,
                unknown=", ".join(unknown),
            )
            if unknown
            else L_("suppression of {selectors} suppresses nothing; remove it", selectors=selectors),
            line=marker.line,
            msgctxt=marker.msgctxt,
            msgid=marker.msgid,
        )
