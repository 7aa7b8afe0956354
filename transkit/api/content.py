"""``transkit extract`` and ``transkit build`` as library calls: pages into a template,
and catalogs back into pages behind the QA gate.

Both read and check everything before they write anything: a page that does not parse,
an unknown file type or a catalog folder without catalogs raises
:class:`~transkit.errors.TranskitError` (the command's exit 2) with nothing written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transkit.api.domains import each_domain
from transkit.api.locating import Located, PathLike, find_root, locate
from transkit.api.pagesets import PageSet, assign, named_sources, read_domains
from transkit.content.gate import Decision, catalog_errors, decide, source_decision
from transkit.content.model import Page
from transkit.content.pages import DEFAULT_FIELDS, find_sources, read_page
from transkit.content.preview import site
from transkit.content.template import template_text
from transkit.engine.config import Config, load_config
from transkit.errors import ContentError, ProjectError
from transkit.i18n import L_
from transkit.model.languages import to_tag
from transkit.po.reader import CatalogSource, read_catalog_source
from transkit.project.paths import display_path
from transkit.project.safewrite import BUILD_MARKER, make_folder, replace_folder, write_atomically

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Extracted:
    """What :func:`extract_paths` did."""

    template: Path
    pages: tuple[str, ...]
    """The pages read, as shown."""
    messages: int
    written: bool
    """False when the template already said exactly this (it is left untouched)."""


def _settings(config: PathLike | None) -> Config:
    return load_config(Path(config) if config is not None else find_root(Path.cwd())[0])


def _pages(paths: Sequence[PathLike], settings: Config) -> list[tuple[Page, str]]:
    given = [Path(p) for p in paths] or list(settings.content)
    if not given:
        raise ContentError(L_("no pages given, and no 'content' in the configuration"))
    fields = settings.front_matter if settings.front_matter is not None else DEFAULT_FIELDS
    return [(read_page(source.path, fields), source.relative.as_posix()) for source in find_sources(given)]


def extract_paths(
    paths: Sequence[PathLike] = (),
    *,
    output: PathLike | None = None,
    config: PathLike | None = None,
    now: dt.datetime | None = None,
    source_language: str | None = None,
) -> Extracted:
    """Take the pages under ``paths`` (default: the configured ``content``) apart into
    segments and write them as the template ``output`` (default: the configured
    template), written like ``msgcat`` writes a POT. Extracting the same pages again
    leaves the template as it is; after an edit, only what changed differs.
    ``source_language`` (``fr``) is the pages' language when it is not English: it goes in
    the template's ``Language`` header, where the checks and ``build`` read it."""
    settings = _settings(config)
    if source_language is not None:
        tag = to_tag(source_language)
        if tag is None:
            raise ProjectError(L_("--source-language {code} is not a language code", code=repr(source_language)))
        source_language = tag.replace("-", "_")
    target = Path(output) if output is not None else settings.template
    if target is None:
        raise ProjectError(L_("no template to write: give -o TEMPLATE.pot or set 'template' in the configuration"))
    pages = [page for page, _ in _pages(paths, settings)]
    previous: CatalogSource | None = None
    if target.is_file():
        previous = read_catalog_source(target, display_path(target), is_template=True)
    text = template_text(pages, previous, now or dt.datetime.now(dt.UTC).astimezone(), source_language)
    written = previous is None or text != previous.text
    if written:
        make_folder(target.parent)
        write_atomically(target, text)
    count = len({segment.message for page in pages for segment in page.segments})
    return Extracted(target, tuple(page.shown for page in pages), count, written)


@dataclass(frozen=True)
class BuiltDomain:
    """One domain of a build: its template, the language its pages are written in, and the
    languages built from its catalogs (the source language first)."""

    name: str
    template: str
    """The template, as shown."""
    source_language: str
    languages: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "domain": self.name,
            "template": self.template,
            "source_language": self.source_language,
            "languages": list(self.languages),
        }


@dataclass(frozen=True)
class Built:
    """What :func:`build_paths` built and held back, page by page and language by language."""

    output: Path
    decisions: tuple[Decision, ...]
    languages: tuple[str, ...]
    """The languages built, each domain's source language first, in domain order."""
    preview: bool
    source_language: str = SOURCE_LANGUAGE
    """The pages' own language (the template's ``Language`` header, else the configured
    ``source-language``, else English): where the source pages are copied. With several
    domains, the first domain's; each domain's is in :attr:`domains`."""
    domains: tuple[BuiltDomain, ...] = ()
    """The content domains built, in order (one per template)."""

    @property
    def held_back(self) -> tuple[Decision, ...]:
        return tuple(decision for decision in self.decisions if not decision.published)

    def exit_code(self) -> int:
        """0 when every page was built in every language asked for, 1 when one was held back."""
        return 1 if self.held_back else 0

    def report(self) -> dict[str, object]:
        """The contents of ``build-report.json``."""
        counts = {
            status: sum(1 for d in self.decisions if d.status == status)
            for status in ("built", "fallback", "held-back")
        }
        return {
            "source_language": self.source_language,
            "languages": list(self.languages),
            "domains": [domain.as_dict() for domain in self.domains],
            "summary": counts,
            "pages": [decision.as_dict() for decision in self.decisions],
        }


def _page_sets(
    paths: Sequence[PathLike], settings: Config, located: Located, root: Path
) -> tuple[list[PageSet], list[tuple[Page, str]]]:
    """The pages to build, grouped by the domain whose catalogs translate them: the pages
    given (or configured) assigned to domains, else every content domain's own pages."""
    domains = read_domains(located, root)
    if paths or settings.content:
        pages = _pages(paths, settings)
        return assign(domains, pages), pages
    named = named_sources(domains, settings.content)
    if not named:
        raise ContentError(
            "no pages given, no 'content' in the configuration, and no template here was extracted from pages"
        )
    fields = settings.front_matter if settings.front_matter is not None else DEFAULT_FIELDS
    sets = [
        PageSet(domain, tuple((read_page(s.path, fields), s.relative.as_posix()) for s in sources))
        for domain, sources in named
    ]
    return sets, [page for page_set in sets for page in page_set.pages]


def build_paths(
    paths: Sequence[PathLike] = (),
    *,
    output: PathLike,
    catalogs: PathLike | None = None,
    languages: Sequence[str] = (),
    fallback_source: bool = False,
    html: bool = False,
    template: PathLike | None = None,
    config: PathLike | None = None,
    glossary: PathLike | None = None,
) -> Built:
    """Write every page under ``paths`` (default: the configured ``content``, else every
    page the project's content domains were extracted from) in every language of its
    domain's catalogs (``catalogs``, default the configured ones; ``languages`` to choose),
    to ``output/<lang>/<path>``, in the page's own format, where the gate lets it through
    (see :mod:`transkit.content.gate`); each domain's source language gets its pages as
    written. ``fallback_source`` writes untranslated or fuzzy segments in the source
    language instead of holding the page back; ``html`` adds the preview site in
    ``output/preview/`` over every domain's pages. The folder is replaced whole, with
    ``build-report.json``; nothing is written when any page or catalog is bad input.
    """
    settings = _settings(config)
    folder: Sequence[PathLike] = [catalogs] if catalogs is not None else []
    located = locate(folder, template=template, config=config)
    root = find_root(Path.cwd())[1] if config is None else Path(config).parent
    sets, _ = _page_sets(paths, settings, located, root)
    by_name = {page_set.domain.name: page_set for page_set in sets}
    parts = [page_set.domain.located for page_set in sets]
    done = each_domain(parts, languages, lambda part: part.load(languages))
    for _, project in done:
        if project.failures:
            raise project.failures[0].error(" (nothing written)")
    from transkit.api.checking import check_paths  # the checks: loaded by build, not by extract

    decisions: list[Decision] = []
    built_domains: list[BuiltDomain] = []
    rtl: set[str] = set()
    for part, project in done:
        page_set = by_name[part.domain or project.template.path.stem]
        name = page_set.domain.name
        if len(sets) == 1 and part.domain is None:
            report = check_paths(folder, template=template, config=config, glossary=glossary, languages=languages)
        else:
            report = check_paths(
                part.paths, template=part.template, config=config, glossary=glossary, languages=languages
            )
        header = project.template.header_language
        source = (to_tag(header) if header else None) or settings.source_language or SOURCE_LANGUAGE
        source = source.replace("-", "_")
        decisions += [source_decision(page, f"{source}/{relative}", source, name) for page, relative in page_set.pages]
        codes = [source]
        for catalog in sorted(project.catalogs, key=lambda c: c.code):
            per_message, whole = catalog_errors(catalog, report.findings)
            codes.append(catalog.code)
            if catalog.language is not None and catalog.language.rtl:
                rtl.add(catalog.code)
            for page, relative in page_set.pages:
                decisions.append(
                    decide(
                        page,
                        f"{catalog.code}/{relative}",
                        catalog,
                        per_message,
                        whole,
                        fallback=fallback_source,
                        domain=name,
                    )
                )
        built_domains.append(BuiltDomain(name, project.template.display_path, source, tuple(codes)))
    all_languages = tuple(dict.fromkeys(code for domain in built_domains for code in domain.languages))
    result = Built(
        Path(output), tuple(decisions), all_languages, html, built_domains[0].source_language, tuple(built_domains)
    )
    files: dict[str, str | bytes] = {d.output: d.text for d in decisions if d.text is not None}
    if html:
        files.update(site(decisions, rtl))
    files[BUILD_MARKER] = json.dumps(result.report(), ensure_ascii=False, indent=2) + "\n"
    replace_folder(Path(output), files)
    return result
