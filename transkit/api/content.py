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

from transkit.api.checking import check_paths
from transkit.api.locating import Located, PathLike, find_root, locate
from transkit.content.gate import Decision, catalog_errors, decide, source_decision
from transkit.content.model import Page
from transkit.content.pages import DEFAULT_FIELDS, find_sources, read_page
from transkit.content.preview import site
from transkit.content.template import template_text
from transkit.engine.config import Config, load_config
from transkit.errors import ContentError, ProjectError
from transkit.model.languages import to_tag
from transkit.po.reader import CatalogSource, read_catalog, read_catalog_source
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
        raise ContentError("no pages given, and no 'content' in the configuration")
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
            raise ProjectError(f"--source-language {source_language!r} is not a language code")
        source_language = tag.replace("-", "_")
    target = Path(output) if output is not None else settings.template
    if target is None:
        raise ProjectError("no template to write: give -o TEMPLATE.pot or set 'template' in the configuration")
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
class Built:
    """What :func:`build_paths` built and held back, page by page and language by language."""

    output: Path
    decisions: tuple[Decision, ...]
    languages: tuple[str, ...]
    """The languages built, the source language first."""
    preview: bool
    source_language: str = SOURCE_LANGUAGE
    """The pages' own language (the template's ``Language`` header, else the configured
    ``source-language``, else English): where the source pages are copied."""

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
            "summary": counts,
            "pages": [decision.as_dict() for decision in self.decisions],
        }


def _pages_domain(located: Located, pages: Sequence[tuple[Page, str]]) -> Located:
    """The project itself when it has one domain; else the domain whose template holds the
    most of the pages' segments (the pages' ``site`` beside the application's ``campaign``),
    so that ``transkit build content`` finds the pages' catalogs in a project's folder."""
    if located.template is not None:
        return located
    parts = located.domains()
    if len(parts) == 1:
        return located
    wanted = {segment.message for page, _ in pages for segment in page.segments}

    def held(part: Located) -> int:
        template = read_catalog(part.files()[0], display_path(part.files()[0]), is_template=True)
        return len(wanted & {entry.msgid for entry in template.active_entries})

    return max(parts, key=held)


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
    """Write every page under ``paths`` (default: the configured ``content``) in every
    language of the catalogs (``catalogs``, default the configured ones; ``languages``
    to choose), to ``output/<lang>/<path>``, in the page's own format, where the gate
    lets it through (see :mod:`transkit.content.gate`); the source language goes to
    ``output/en/``. ``fallback_source`` writes untranslated or fuzzy segments in the
    source language instead of holding the page back; ``html`` adds the preview site in
    ``output/preview/``. The folder is replaced whole, with ``build-report.json``.
    """
    settings = _settings(config)
    pages = _pages(paths, settings)
    folder: Sequence[PathLike] = [catalogs] if catalogs is not None else []
    located = _pages_domain(locate(folder, template=template, config=config), pages)
    if located.domain is not None:  # one domain of several: check exactly its files
        folder, template = located.paths, located.template
    project = located.load(languages)
    if project.failures:
        raise project.failures[0].error(" (nothing written)")
    report = check_paths(folder, template=template, config=config, glossary=glossary, languages=languages)
    header = project.template.header_language
    source = (to_tag(header) if header else None) or settings.source_language or SOURCE_LANGUAGE
    source = source.replace("-", "_")
    decisions: list[Decision] = [source_decision(page, f"{source}/{relative}", source) for page, relative in pages]
    built_languages = [source]
    for catalog in sorted(project.catalogs, key=lambda c: c.code):
        per_message, whole = catalog_errors(catalog, report.findings)
        built_languages.append(catalog.code)
        for page, relative in pages:
            decisions.append(
                decide(page, f"{catalog.code}/{relative}", catalog, per_message, whole, fallback=fallback_source)
            )
    result = Built(Path(output), tuple(decisions), tuple(built_languages), html, source)
    files: dict[str, str | bytes] = {d.output: d.text for d in decisions if d.text is not None}
    if html:
        rtl = {c.code for c in project.catalogs if c.language is not None and c.language.rtl}
        files.update(site(decisions, rtl))
    files[BUILD_MARKER] = json.dumps(result.report(), ensure_ascii=False, indent=2) + "\n"
    replace_folder(Path(output), files)
    return result
