"""Running a command over every domain (template) of a project and merging the results.

A project may hold several templates (``campaign`` for the application, ``site`` for the
pages); each command runs once per domain, exactly as it would on a one-template project,
and the results are tagged with their domain and concatenated in domain order, so that
every output groups by domain, then by language, and a one-domain project reads as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from transkit.api.locating import Located
from transkit.errors import ProjectError
from transkit.model.coverage import Coverage
from transkit.model.findings import Report, name_domain

T = TypeVar("T")


def each_domain(
    parts: Sequence[Located], languages: Sequence[str], work: Callable[[Located], T]
) -> list[tuple[Located, T]]:
    """``work`` on each domain (``parts``: :meth:`Located.domains`). With ``languages``, a domain without a catalog of a wanted
    language is left out rather than failing the run, unless no domain has one: a page set
    may not be translated into every language the application is."""
    done: list[tuple[Located, T]] = []
    first: ProjectError | None = None
    for part in parts:
        try:
            done.append((part, work(part)))
        except ProjectError as error:
            if not languages or len(parts) == 1 or not str(error.message).startswith("no catalog for language"):
                raise
            first = first or error
    if not done and first is not None:
        raise first
    return done


def tag_coverage(items: Sequence[Coverage], domain: str | None) -> list[Coverage]:
    return [item if item.domain == domain else dataclasses.replace(item, domain=domain) for item in items]


def tag_report(report: Report, domain: str | None) -> Report:
    """The report with every finding and coverage row naming its domain; the findings are
    tagged in place (:func:`name_domain`): ``report`` must be the run's own, just made."""
    name_domain(report.findings, domain)
    return dataclasses.replace(
        report,
        coverage=tuple(tag_coverage(report.coverage, domain)),
        domains=((domain or "", report.template or ""),),
    )


def merge_reports(reports: Sequence[Report]) -> Report:
    """One report of several domains' reports, each domain's findings and coverage in turn.
    ``template`` is the first domain's, for readers of the one-template contract."""
    if len(reports) == 1:
        return reports[0]
    first = reports[0]
    return dataclasses.replace(
        first,
        findings=tuple(f for r in reports for f in r.findings),
        coverage=tuple(c for r in reports for c in r.coverage),
        baselined=sum(r.baselined for r in reports),
        unreadable=sum(r.unreadable for r in reports),
        domains=tuple(d for r in reports for d in r.domains),
    )
