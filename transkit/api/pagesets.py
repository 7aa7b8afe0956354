"""Which pages belong to which domain: what ``transkit build`` writes from whose catalogs.

A project may have several content domains (the microsite's ``site`` in English, the
press release's ``press`` in French), each with its own template, catalogs and source
language. A template that ``transkit extract`` wrote names its pages in its references
(``#: content/help.md:12``), so the template itself says which pages it holds: ``build``
with no pages given builds every such domain from the pages its template names, and pages
given on the command line go each to the domain whose template names it (else to the one
that holds most of its segments), so that no page is ever built from another domain's
catalogs.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.api.locating import Located
from transkit.content.model import Page
from transkit.content.pages import SUFFIXES, Source
from transkit.errors import ContentError
from transkit.model.catalog import Catalog
from transkit.po.reader import read_catalog
from transkit.project.paths import display_path

EXTRACTED_BY = "transkit"
"""How the ``X-Generator`` header of a template ``transkit extract`` wrote begins."""


@dataclass(frozen=True)
class Domain:
    """One domain of the project as the build sees it: where it is, its template, and the
    page files its template's references name (empty for application strings)."""

    located: Located
    template: Catalog
    pages: tuple[Path, ...]

    @property
    def name(self) -> str:
        return self.located.domain or self.template.path.stem


@dataclass(frozen=True)
class PageSet:
    """A domain and the pages built from its catalogs, each with its path in the output."""

    domain: Domain
    pages: tuple[tuple[Page, str], ...]


def read_domains(located: Located, root: Path) -> list[Domain]:
    """The project's domains (one when a template is named), each with its template read
    and, when ``transkit extract`` wrote it, the existing page files its references name:
    a reference is read relative to the project folder ``root``, else the working folder."""
    parts = [located] if located.template is not None else located.domains()
    domains = []
    for part in parts:
        path = part.files()[0]
        template = read_catalog(path, display_path(path), is_template=True)
        pages = _referenced(template, root) if _extracted(template) else ()
        domains.append(Domain(part, template, pages))
    return domains


def _extracted(template: Catalog) -> bool:
    return (template.header_field("X-Generator") or "").startswith(EXTRACTED_BY)


def _referenced(template: Catalog, root: Path) -> tuple[Path, ...]:
    found: dict[Path, Path] = {}
    for entry in template.active_entries:
        for reference in entry.references:
            name = reference.rsplit(":", 1)[0] if reference.rpartition(":")[2].isdigit() else reference
            if Path(name).suffix.lower() not in SUFFIXES:
                continue
            for base in (root, Path.cwd()):
                candidate = base / name
                if candidate.is_file():
                    found.setdefault(candidate.resolve(), Path(os.path.relpath(candidate)))
                    break
    return tuple(found.values())


def named_sources(domains: Sequence[Domain], settings_content: Sequence[Path]) -> list[tuple[Domain, list[Source]]]:
    """Each content domain's pages as sources, placed relative to the configured content
    folder that holds them, else to the folder all of the domain's pages are in
    (``content/help.md`` → ``help.md``). A page placed where another domain's page goes
    is bad input, as it is for pages given on the command line."""
    sets = []
    placed: dict[str, Path] = {}
    for domain in domains:
        if not domain.pages:
            continue
        common = Path(os.path.commonpath([p.resolve().parent for p in domain.pages]))
        sources = []
        for path in domain.pages:
            absolute = path.resolve()
            base = next((f.resolve() for f in settings_content if f.resolve() in absolute.parents), common)
            relative = absolute.relative_to(base)
            other = placed.setdefault(relative.as_posix(), path)
            if other != path:
                raise ContentError(
                    f"would be built to the same place as {display_path(other)} ({relative.as_posix()}); "
                    "build the domains one at a time",
                    display_path(path),
                )
            sources.append(Source(path, relative))
        sets.append((domain, sources))
    return sets


def assign(domains: Sequence[Domain], pages: Sequence[tuple[Page, str]]) -> list[PageSet]:
    """Pages given by path, each to its domain: the one whose template names the page,
    else the one whose template holds most of its segments; a page none of them knows
    (not extracted yet) goes with the domain most of the other pages went to."""
    if len(domains) == 1:
        return [PageSet(domains[0], tuple(pages))]
    named = [{p.resolve() for p in d.pages} for d in domains]
    held = [{e.msgid for e in d.template.active_entries} for d in domains]
    owners: list[int | None] = []
    for page, _ in pages:
        messages = {segment.message for segment in page.segments}
        scores = [
            (page.path.resolve() in named[i], len(messages & held[i]), bool(domains[i].pages))
            for i in range(len(domains))
        ]
        best = max(range(len(domains)), key=lambda i: scores[i])
        owners.append(best if scores[best][:2] != (False, 0) else None)
    votes = Counter(owner for owner in owners if owner is not None)
    if votes:
        fallback = votes.most_common(1)[0][0]
    else:
        messages = {s.message for page, _ in pages for s in page.segments}
        fallback = max(range(len(domains)), key=lambda i: len(messages & held[i]))
    grouped: dict[int, list[tuple[Page, str]]] = {}
    for item, owner in zip(pages, owners):
        grouped.setdefault(fallback if owner is None else owner, []).append(item)
    return [PageSet(domains[i], tuple(grouped[i])) for i in sorted(grouped)]
