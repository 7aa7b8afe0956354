"""Files that cannot be read (family ``F``)."""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Problem, ProjectFacts, Severity, project_check


@project_check("F001", "unreadable-catalog", Severity.ERROR)
def unreadable_catalog(project: ProjectFacts, options: object) -> Iterator[Problem]:
    """A catalog cannot be read: bad PO syntax, bad encoding, no header, not a PO file.

    The catalog is left out of every other check and of coverage, and the run fails,
    while the other catalogs are still checked.  The message says what is wrong and where,
    in the words GNU msgfmt would use.

    Bad: an unterminated string, ``msgstr "078 055 800`` with no closing quote.
    Good: a file that ``msgfmt --check`` accepts.
    """
    for failure in project.failures:
        yield Problem(
            failure.message,
            line=failure.line,
            file=failure.display_path,
            language=failure.path_language,
        )
