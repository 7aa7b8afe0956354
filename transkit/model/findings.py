"""Findings, their severities, and the exit-status policy a CI gate relies on."""

from __future__ import annotations

import dataclasses
import enum
import operator
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from transkit.i18n import Message
from transkit.model.coverage import Coverage


class Severity(enum.Enum):
    """How bad a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __ge__(self, other: Severity) -> bool:
        return self.rank >= other.rank

    def __gt__(self, other: Severity) -> bool:
        return self.rank > other.rank

    def __le__(self, other: Severity) -> bool:
        return self.rank <= other.rank

    def __lt__(self, other: Severity) -> bool:
        return self.rank < other.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FailOn(enum.Enum):
    """The lowest severity that makes ``transkit check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


@dataclass(frozen=True)
class Finding:
    """One problem at one place; immutable so reporters and baselines can share it."""

    file: str
    line: int | None
    code: str
    check: str
    severity: Severity
    message: str
    language: str | None = None
    msgctxt: str | None = field(default=None)
    msgid: str | None = field(default=None)
    domain: str | None = None
    """The template (gettext domain) the file is a catalog of; set by the run, once per
    domain, so that a project of several templates reports each on its own."""
    fix: Fix | None = field(default=None, compare=False)
    """What ``check --fix`` would write; not part of what the finding is (baselines,
    reports and equality ignore it)."""

    def sort_key(self) -> tuple[str, int, str]:
        """File, line, code; the sort is stable, so findings of one check on one line
        (messages missing from a catalog have none) keep the template's order."""
        return (self.file, self.line or 0, self.code)


FINDING_FIELDS = tuple(item.name for item in dataclasses.fields(Finding))
"""A finding's fields in order: what a row of :func:`finding_rows` (and of the run cache) holds."""
_VALUES = operator.itemgetter(*FINDING_FIELDS)


def finding_rows(findings: Iterable[Finding]) -> list[tuple[Any, ...]]:
    """The findings as tuples of their fields, what worker processes send back: pickled,
    a tuple is a third smaller than the object, and read back in half the time
    (:func:`findings_of_rows`), on the serial path of a parallel run."""
    return [_VALUES(finding.__dict__) for finding in findings]


def findings_of_rows(rows: Sequence[tuple[Any, ...]]) -> tuple[Finding, ...]:
    """The findings :func:`finding_rows` gave, equal to them, each built with its fields
    put in place at once (as unpickling a finding does)."""
    made = []
    for row in rows:
        finding = object.__new__(Finding)
        finding.__dict__.update(zip(FINDING_FIELDS, row))
        made.append(finding)
    return tuple(made)


def name_domain(findings: Iterable[Finding], domain: str | None) -> None:
    """Make these findings name ``domain``, in place.

    For findings new to their caller, who alone holds them: a run's or a cache load's, on
    their way to the report of one domain (a copy of each, 113,000 on the real corpus,
    took 0.16 s of the run). Every finding becomes equal to what
    ``dataclasses.replace(finding, domain=domain)`` would give (hence the write to a
    frozen dataclass); anything else it holds is untouched.
    """
    for finding in findings:
        finding.__dict__["domain"] = domain


def share_values(findings: Iterable[Finding]) -> None:
    """Make the equal values of these findings one object each, in place.

    A catalog's findings say the same few things about the same messages again and again:
    of the real corpus's 113,000 findings (24 catalogs), a catalog's 4,700 hold a few
    hundred distinct messages and msgids, yet each was built on its own, the message with
    its arguments (about 700 bytes) and the msgid taken from one entry or another. Shared,
    they are held once, and pickled once (to the process that gathers the report, to the
    cache), which made the gathered findings a third of their size. Only the objects'
    identity changes: every finding stays equal to what it was, and is still new to its
    caller, who alone holds it (hence the writes to a frozen dataclass).
    """
    seen: dict[Hashable, Any] = {}
    for finding in findings:
        for name in ("line", "msgctxt", "msgid"):
            value = getattr(finding, name)
            if value is not None:
                shared = seen.setdefault((type(value), value), value)
                if shared is not value:
                    object.__setattr__(finding, name, shared)
        message = finding.message
        key = _message_key(message)
        if key is not None:
            shared = seen.setdefault(key, message)
            if shared is not message:
                object.__setattr__(finding, "message", shared)


def _message_key(value: Any) -> Hashable | None:
    """What makes two messages the same message: their text, and for a translatable one
    also how it was made (what translating it uses), arguments' types included. None for
    what is not shared (types of plugins' own)."""
    kind = type(value)
    if kind is str or kind is int or kind is float:
        return (kind, value)
    if kind is Message:
        args = []
        for name, argument in value.args.items():
            key = _message_key(argument)
            if key is None:
                return None
            args.append((name, key))
        return (kind, str.__str__(value), value.template, value.plural, value.number, tuple(args))
    return None


GATE_CODES = frozenset({"C109", "F001"})
"""Codes that fail the run whatever ``--fail-on`` says and that no baseline hides: a
coverage gate, an unreadable catalog."""


@dataclass(frozen=True)
class Report:
    """Everything one run of the checks found, in a fixed order."""

    template: str | None
    """The template as shown; None when each catalog was checked on its own, its own
    messages standing for the template (no template was named or found)."""
    findings: tuple[Finding, ...]
    coverage: tuple[Coverage, ...]
    baselined: int = 0
    """Findings left out because the baseline already knew them."""
    unreadable: int = 0
    """Catalogs that could not be read: the run fails whatever is selected or baselined."""
    fail_on: FailOn = FailOn.ERROR
    """The configured fail level: what :meth:`exit_code` applies when given none."""
    notes: tuple[str, ...] = ()
    """What the user must be told that is not a finding (the command prints it on
    stderr): a termbase that is missing, so that the critical-term checks did not run."""
    selected: tuple[str, ...] = ()
    """Codes of the checks the run's selection enables (every language), when known."""
    domains: tuple[tuple[str, str], ...] = ()
    """Each domain the run covered and its template as shown, in report order; the
    findings and coverage are grouped by domain in this order."""
    skipped: tuple[str, ...] = ()
    """Codes of selected checks that did not run because they need a template that
    the run did not have (each catalog checked on its own)."""

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def exit_code(self, fail_on: FailOn | str | None = None) -> int:
        """0 when nothing reaches the fail level (``fail_on``: a :class:`FailOn` or its
        value, ``"error"``; default: the configured one), every coverage gate holds and
        every catalog could be read, else 1."""
        policy = self.fail_on if fail_on is None else FailOn(fail_on)
        if self.unreadable or any(fails(finding, policy) for finding in self.findings):
            return 1
        return 0

    def failing_files(self, fail_on: FailOn = FailOn.ERROR) -> set[str]:
        """The files with a finding that fails the gate: what ``compile --only-passing``
        leaves out."""
        return {finding.file for finding in self.findings if fails(finding, fail_on)}


def fails(finding: Finding, fail_on: FailOn) -> bool:
    """Whether ``finding`` fails a run at ``fail_on``: one rule for the exit code and for
    the reporters that mark failures (JUnit), so the two never disagree."""
    if finding.code in GATE_CODES:
        return True
    if fail_on is FailOn.NEVER:
        return False
    threshold = Severity.ERROR if fail_on is FailOn.ERROR else Severity.WARNING
    return finding.severity >= threshold


@dataclass(frozen=True)
class Fix:
    """How a check repairs what it found, when a machine can do it safely.

    The new text of whole translation forms (``msgstr`` index and text) or of header
    fields: whole values rather than edits at offsets, so that a fix computed on one
    version of a message can be checked against it, and applying it twice is the same as
    once. ``transkit check --fix`` writes fixes; nothing else does.
    """

    msgstr: tuple[tuple[int, str], ...] = ()
    """``(form index, new text)`` for each form the fix rewrites."""
    header: tuple[tuple[str, str], ...] = ()
    """``(field, value)`` for each header field the fix sets."""


@dataclass(frozen=True)
class Problem:
    """What a check yields; the engine adds code, file, language and severity.

    Entry checks may leave ``line``, ``msgctxt`` and ``msgid`` unset: they default to
    the entry's.  ``severity`` overrides the check's default for this one problem.
    """

    message: str
    line: int | None = None
    msgctxt: str | None = None
    msgid: str | None = None
    severity: Severity | None = None
    file: str | None = None
    language: str | None = None
    fix: Fix | None = None
    """The repair, from a check registered with ``fixes``; ignored from other checks."""
