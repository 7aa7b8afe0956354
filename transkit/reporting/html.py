"""The editors' coverage report: one self-contained HTML file.

Everything the page needs is inline (CSS, SVG, a few lines of plain JavaScript for the
filters); it loads nothing from anywhere, and reads the same with JavaScript off.

Catalog text is untrusted: it reaches the page only through Jinja2's autoescaping, never
marked safe, never in a URL, an event handler or the script. A Content-Security-Policy
allows only the page's own script (by hash), so even a mistake in escaping cannot run one.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from transkit.model.catalog import Catalog, Entry, Project
from transkit.model.coverage import Coverage, compute, index
from transkit.model.findings import Finding, Report
from transkit.model.languages import Language
from transkit.terms.matrix import TermsMatrix
from transkit.terms.verify import Status

TEMPLATES = Path(__file__).parent / "templates"
PAGE = "report.html"

STATUS_LABELS = {
    Status.OK: ("ok", "ok"),
    Status.VARIANT: ("variant", "variant"),
    Status.MISSING: ("missing", "missing"),
    Status.WRONG: ("wrong", "wrong"),
    Status.NOT_USED: ("not-used", "not used"),
}
"""Status → (CSS class, the text label every cell shows: never colour alone)."""

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Message:
    """A message an editor has to look at in one language."""

    state: str
    line: int | None
    msgctxt: str | None
    source: tuple[str, ...]
    translation: tuple[str, ...]
    previous: str | None


@dataclass(frozen=True)
class LanguageView:
    code: str
    tag: str
    english_name: str
    native_name: str
    rtl: bool
    file: str
    coverage: Coverage
    messages: tuple[Message, ...]
    findings: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)
    domain: str | None = None
    """The template this catalog translates, shown when the project has several."""


@dataclass(frozen=True)
class CellView:
    css: str
    label: str
    messages: int
    found: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def title(self) -> str:
        parts = []
        if self.found:
            parts.append("found: " + "; ".join(self.found))
        parts.extend(self.problems)
        return " | ".join(parts)


@dataclass(frozen=True)
class PageCell:
    """One page in one language, as the last build left it."""

    status: str
    """``built``, ``fallback`` or ``held-back``."""
    href: str | None
    """Relative link to the built page (its preview when there is one); None when held back."""
    reasons: tuple[str, ...] = ()
    """Why it was held back, or which segments fall back to the source."""

    @property
    def label(self) -> str:
        return {"built": "published", "fallback": "published, falling back", "held-back": "held back"}.get(
            self.status, self.status
        )


@dataclass(frozen=True)
class PagesView:
    """The pages of a build (``build-report.json``), language by language."""

    source: str
    """The build folder, as shown."""
    names: tuple[str, ...]
    """The pages, in order."""
    rows: tuple[tuple[str, tuple[PageCell | None, ...]], ...]
    """Each language and its cells, one per page (None: not built for that language)."""

    def count(self, status: str) -> int:
        return sum(1 for _, cells in self.rows for cell in cells if cell is not None and cell.status == status)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _messages(catalog: Catalog, template: Catalog) -> tuple[Message, ...]:
    """Missing, untranslated, fuzzy and stale messages, in the template's order."""
    wanted = index(template)
    have = index(catalog)
    rows: list[Message] = []
    for key, source in wanted.items():
        entry = have.get(key)
        if entry is None:
            rows.append(Message("missing", None, source.msgctxt, _source(source), (), None))
            continue
        if entry.has_empty_form:
            state = "untranslated"
        elif entry.fuzzy:
            state = "fuzzy"
        elif entry.source_changed:
            state = "outdated source"
        else:
            continue
        rows.append(Message(state, entry.line, entry.msgctxt, _source(entry), _forms(entry), _previous(entry)))
    for key, entry in have.items():
        if key not in wanted:
            rows.append(
                Message("not in template", entry.line, entry.msgctxt, _source(entry), _forms(entry), _previous(entry))
            )
    for entry in catalog.obsolete_entries:
        rows.append(Message("obsolete", entry.line, entry.msgctxt, _source(entry), _forms(entry), None))
    return tuple(rows)


def _source(entry: Entry) -> tuple[str, ...]:
    return (entry.msgid,) if entry.msgid_plural is None else (entry.msgid, entry.msgid_plural)


def _forms(entry: Entry) -> tuple[str, ...]:
    return tuple(entry.msgstr) if any(entry.msgstr) else ()


def _previous(entry: Entry) -> str | None:
    if entry.previous_msgid is not None and entry.source_changed:
        return entry.previous_msgid
    return None


def _language_view(
    catalog: Catalog, template: Catalog, coverage: Coverage, findings: tuple[Finding, ...]
) -> LanguageView:
    language: Language | None = catalog.language
    counts = {severity: sum(1 for f in findings if f.severity.value == severity) for severity in SEVERITIES}
    return LanguageView(
        code=catalog.code,
        tag=language.tag if language else "",
        english_name=coverage.language_name,
        native_name=coverage.native_name,
        rtl=bool(language and language.rtl),
        file=catalog.display_path,
        coverage=coverage,
        messages=_messages(catalog, template),
        findings=findings,
        counts=counts,
    )


def _cell(matrix: TermsMatrix, term_id: str, code: str) -> CellView:
    cell = matrix.cell(term_id, code)
    css, label = STATUS_LABELS[cell.status]
    return CellView(css, label, cell.messages, tuple(cell.found), tuple(cell.problems))


def render_report(
    project: Project,
    report: Report,
    matrix: TermsMatrix | None,
    *,
    generated_at: str,
    templates: Mapping[str, Catalog] | None = None,
    pages: PagesView | None = None,
) -> str:
    """The whole report as one HTML document (a str, ready to be written as UTF-8).

    ``templates`` gives each catalog's template by display path when the project has
    several domains: the languages are then listed domain by domain (``report.domains``).
    ``pages``: the last build's pages per language, published, falling back or held back.
    """
    templates = templates or {}
    by_file = {coverage.file: coverage for coverage in report.coverage}
    catalog_files = {catalog.display_path for catalog in project.catalogs}
    order = {name: number for number, (name, _) in enumerate(report.domains)}
    several = len(report.domains) > 1

    def place(catalog: Catalog) -> tuple[int, str]:
        coverage = by_file.get(catalog.display_path)
        return (order.get(coverage.domain or "", 0) if coverage else 0, catalog.code.lower())

    languages = []
    for catalog in sorted(project.catalogs, key=place):
        template = templates.get(catalog.display_path, project.template)
        coverage = by_file.get(catalog.display_path) or compute(catalog, template, index(template))
        findings = tuple(f for f in report.findings if f.file == catalog.display_path)
        view = _language_view(catalog, template, coverage, findings)
        languages.append(replace(view, domain=coverage.domain) if several else view)
    other_findings = tuple(f for f in report.findings if f.file not in catalog_files)
    matrix_rows = []
    matrix_languages: list[LanguageView | str] = []
    if matrix is not None:
        views = {view.code: view for view in languages}
        matrix_languages = [views.get(code) or code for code in sorted(matrix.languages, key=str.lower)]
        codes = [item.code if isinstance(item, LanguageView) else item for item in matrix_languages]
        matrix_rows = [
            (term_id, [(code, _cell(matrix, term_id, code)) for code in codes]) for term_id in matrix.term_ids
        ]
    script = _asset("report.js")
    style = _asset("report.css")
    policy = (
        "default-src 'none'; "
        f"style-src '{_hash(style)}'; "
        f"script-src '{_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = _environment().get_template(PAGE)
    return page.render(
        template=report.template or project.template.display_path,
        domains=report.domains if several else (),
        pages=pages,
        generated_at=generated_at,
        languages=languages,
        other_findings=other_findings,
        matrix=matrix,
        matrix_rows=matrix_rows,
        matrix_languages=matrix_languages,
        severities=SEVERITIES,
        failures=project.failures,
        baselined=report.baselined,
        # Our own static assets, never catalog text: safe to include as they are.
        style=Markup(style),
        script=Markup(script),
        csp=policy,
    )
