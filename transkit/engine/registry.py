"""The one registry of checks: metadata as data, filled at import, duplicates refused.

A check is a plain generator function; its decorator (:mod:`transkit.checks.api`, built
on :func:`register`) records its stable code, its kebab-case name (which names the
problem, not the fix), its scope and default severity. Its docstring is the user
documentation shown by ``transkit checks`` and ``transkit explain``.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from transkit.engine.plan import Fact
from transkit.errors import TranskitError
from transkit.model.findings import Problem, Severity

if TYPE_CHECKING:
    from transkit.model.catalog import Entry

F = TypeVar("F", bound=Callable[..., Iterable[Problem]])
CODE_PATTERN = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Applies(enum.Enum):
    """Which entries an entry check sees, so that checks need not re-test it themselves.

    Translate Toolkit's lesson: an untranslated message is not also a placeholder error.
    """

    ALL = "all"
    """Every entry, obsolete ones included (coverage checks)."""
    ACTIVE = "active"
    """Entries that are not obsolete."""
    FILLED = "filled"
    """Active entries with every form filled, fuzzy or not."""
    TRANSLATED = "translated"
    """Active entries with every form filled and not fuzzy: what ships."""

    def accepts(self, entry: Entry) -> bool:
        return _LEVEL[self] < level_of(entry)


def level_of(entry: Entry) -> int:
    """How many of the preconditions accept ``entry``, in :class:`Applies` order: each
    accepts a part of the entries the one before it accepts (1: obsolete or the header,
    ALL only; 4: translated, all four). The engine asks this once per entry, not once
    per precondition."""
    if entry.obsolete or entry.msgid == "":
        return 1
    msgstr = entry.msgstr
    if not msgstr or "" in msgstr:  # Entry.has_empty_form, without the property call
        return 2
    return 3 if "fuzzy" in entry.flags else 4


_LEVEL = {applies: number for number, applies in enumerate(Applies)}


class Scope(enum.Enum):
    """What a check looks at: one message, one catalog, or the whole project."""

    ENTRY = "entry"
    CATALOG = "catalog"
    PROJECT = "project"


@dataclass(frozen=True)
class CheckInfo:
    code: str
    name: str
    scope: Scope
    severity: Severity
    function: Callable[..., Iterable[Problem]]
    applies: Applies = Applies.ALL
    facts: Callable[..., object] | None = None
    """Project checks only: what the check needs from one catalog, gathered while that
    catalog is checked (JSON-able, so that it can be cached with the catalog's result)."""
    after_suppression: bool = False
    """Catalog checks only: the check runs once suppression is done, on the markers that
    suppressed nothing (of each catalog, and of the template), instead of on a catalog."""
    fixes: str = ""
    """What the check's fix does (``check --fix``), or empty: the check fixes nothing."""
    needs_template: bool = False
    """The check compares a catalog with its template (or with the other catalogs of
    that template): it cannot run on a catalog checked on its own, without a template."""
    needs: Fact | None = None
    """Entry checks only: the facts of a message (:class:`~transkit.engine.plan.Fact`) one
    of which must hold for the check to report anything; the check plan calls it only
    then. None: called for every message its ``applies`` accepts."""
    gate: Callable[..., object] | None = None
    """Entry checks only: the shared computation the check reports from; where it is false
    for a message (an empty tuple), the check finds nothing and the check plan does not
    call it. Checks that share a gate ask it once per message."""
    local: bool = False
    """Entry checks only: the check is *entry-local*. Its problems for a message depend
    on nothing but that message (every field but its line), the catalog's header data
    (every :class:`~transkit.model.catalog.Catalog` field but ``entries``), the template,
    the options and termbase, and the run's and the message's memos (``per_run``,
    ``for_source``, ``for_entry``, and ``per_catalog`` memos marked
    :func:`~transkit.engine.context.header_only`); it writes no memo another check reads,
    and its problems carry no line but the message's own, nor mention it. The engine may
    then reuse a message's problems from an earlier version of the catalog
    (:mod:`transkit.engine.runner`). False, the default, is always safe: the check runs
    on every message whenever the catalog changed. The engine's tests run every local
    check on catalogs that refuse these reads (tests/engine/test_entry_local.py)."""

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.function.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


_CHECKS: dict[str, CheckInfo] = {}


def register(
    code: str,
    name: str,
    scope: Scope,
    severity: Severity,
    *,
    applies: Applies = Applies.ALL,
    facts: Callable[..., object] | None = None,
    after_suppression: bool = False,
    fixes: str = "",
    needs_template: bool = False,
    needs: Fact | None = None,
    gate: Callable[..., object] | None = None,
    local: bool = False,
) -> Callable[[F], F]:
    """Decorator that adds a check to the registry; codes and names are never reused.

    Checks use the typed decorators of :mod:`transkit.checks.api`, which call this one.
    ``applies`` (entry checks only) is the check's precondition: the engine calls it only
    for entries it accepts. ``facts`` (project checks only) takes a catalog's context and
    returns what the check needs of that catalog: the project check then sees those facts,
    never the catalogs themselves, so catalogs can be checked one at a time, in other
    processes, or not at all when a cached result is still valid. ``after_suppression``
    (catalog checks only) makes a check of the markers that suppressed nothing. ``fixes``
    says what the check's :class:`~transkit.model.findings.Fix` does, for a check that
    attaches one to its problems when the repair is safe; only such checks' fixes apply.
    ``needs_template`` says that the check has nothing to judge without a template (a
    catalog checked on its own is its own source): such a run skips it and says so.
    ``needs`` (entry checks only) names the facts of a message one of which must hold for
    the check to find anything (see :mod:`transkit.engine.plan`); ``gate`` (entry checks
    only) a computation the check finds nothing without (:attr:`CheckInfo.gate`);
    ``local`` (entry checks only) that the check is entry-local (:attr:`CheckInfo.local`).
    """

    def decorate(function: F) -> F:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"check code {code!r} is not letters followed by three digits")
        if not NAME_PATTERN.match(name):
            raise ValueError(f"check name {name!r} is not kebab-case")
        if code in _CHECKS:
            raise ValueError(f"check code {code} is already registered")
        if any(info.name == name for info in _CHECKS.values()):
            raise ValueError(f"check name {name} is already registered")
        if not (function.__doc__ or "").strip():
            raise ValueError(f"check {code} has no docstring: it is the user documentation")
        if facts is not None and scope is not Scope.PROJECT:
            raise ValueError(f"check {code}: only project checks gather facts")
        if after_suppression and scope is not Scope.CATALOG:
            raise ValueError(f"check {code}: only catalog checks run after suppression")
        if fixes and scope is Scope.PROJECT:
            raise ValueError(f"check {code}: a project check sees no catalog to fix")
        if (needs is not None or gate is not None) and scope is not Scope.ENTRY:
            raise ValueError(f"check {code}: only entry checks are planned by the facts of a message")
        if local and scope is not Scope.ENTRY:
            raise ValueError(f"check {code}: only entry checks are entry-local")
        _CHECKS[code] = CheckInfo(
            code,
            name,
            scope,
            severity,
            function,
            applies,
            facts,
            after_suppression,
            fixes,
            needs_template,
            needs,
            gate,
            local,
        )
        return function

    return decorate


def all_checks() -> list[CheckInfo]:
    """Every registered check, by code."""
    load_checks()
    return sorted(_CHECKS.values(), key=lambda info: info.code)


def template_checks() -> list[CheckInfo]:
    """The checks that need a template (:attr:`CheckInfo.needs_template`), by code: what
    a catalog checked on its own skips."""
    return [info for info in all_checks() if info.needs_template]


def find(code_or_name: str) -> CheckInfo | None:
    """A check by its exact code (any case) or name."""
    load_checks()
    wanted = code_or_name.strip()
    info = _CHECKS.get(wanted.upper())
    if info is not None:
        return info
    return next((info for info in _CHECKS.values() if info.name == wanted.lower()), None)


BUILTIN_CHECKS = "transkit.checks"
"""The package whose every module is imported for its checks: adding a check is adding a
module, with no list of imports to keep."""
ENTRY_POINT_GROUP = "transkit.checks"
"""Where a distribution declares modules of its own checks (``[project.entry-points."transkit.checks"]``)."""
_loaded = False


def load_checks() -> None:
    """Import every module of :data:`BUILTIN_CHECKS` and every plugin module, once: the
    checks register themselves as their modules are imported."""
    global _loaded
    if _loaded:
        return
    package = importlib.import_module(BUILTIN_CHECKS)
    for module in pkgutil.walk_packages(package.__path__, f"{BUILTIN_CHECKS}."):
        importlib.import_module(module.name)
    from importlib import metadata  # 20-40 ms to import: only when the checks are loaded

    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry_point.load()
        except Exception as error:  # noqa: BLE001 - any failure of a plugin is the user's to fix
            raise TranskitError(
                f"the check plugin {entry_point.name!r} ({entry_point.value}) cannot be loaded: "
                f"{type(error).__name__}: {error}"
            ) from None
    _loaded = True
