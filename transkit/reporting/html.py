"""The editors' coverage report: one self-contained HTML file.

Everything the page needs is inline (CSS, SVG, a few lines of plain JavaScript for the
filters, sorting and keyboard); it loads nothing from anywhere, and reads the same with
JavaScript off.  The CSV and JSON downloads are data URLs built here, not fetched.

The editor's first question is "which languages are behind or broken?", so the page opens
with a status board sorted worst first: unreadable catalogs, then languages with errors
(never shown as complete, whatever their percentage), then by work left.

Catalog text is untrusted: it reaches the page only through Jinja2's autoescaping, never
marked safe, never in a URL, an event handler or the script. A Content-Security-Policy
allows only the page's own script (by hash), so even a mistake in escaping cannot run one.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from transkit.model.catalog import Catalog, CatalogFailure, Entry, Project
from transkit.model.coverage import Coverage, compute, index
from transkit.model.findings import Finding, Report
from transkit.model.languages import Language, language
from transkit.reporting.history import History
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

SHORT_LABELS = {"ok": "ok", "variant": "var", "missing": "miss", "wrong": "wrong", "not used": "n/u"}
"""What a matrix cell shows, so that 23 languages fit 1366 px and an A4 landscape page;
screen readers get the full label, and the legend above the matrix spells them out."""

SEVERITIES = ("error", "warning", "info")

TERM_PROBLEMS = frozenset({Status.WRONG, Status.MISSING})
"""Matrix outcomes the status board counts as critical-term problems of a language."""

STATE_LABELS = {
    "unreadable": "unreadable",
    "blocked": "errors",
    "incomplete": "incomplete",
    "review": "warnings",
    "ready": "ready",
}
"""Overall state of a language → its label; a language with an error is ``blocked`` (red)
whatever its coverage, so that 100 % never reads as done while something is wrong."""

# Characters a reviewer must see: bidi controls reorder what follows them (U+202E shows a
# helpline backwards), zero-width ones hide inside words and numbers.
INVISIBLE = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2060": "WJ",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\ufeff": "BOM",
    "\u061c": "ALM",
}
NUMBER_SPACES = {"\u00a0": "NO-BREAK SPACE", "\u202f": "NARROW NO-BREAK SPACE"}
"""Spaces shown only inside numbers: there a no-break space decides how a helpline wraps and
whether tools find it, while elsewhere (French « », before : ; ! ?) it is ordinary typography."""

_LEFT_TO_RIGHT = re.compile(
    r"%\([^)\s]*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(count)d
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"  # %d, %s
    r"|\{[A-Za-z0-9_.\[\]!:]*\}"  # {name}
    r"|(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:/[^\s]*)?"  # stophumantrafficking.be
    r"|\+?\d+(?:[ \u00a0\u202f./-]\d+)*"  # 078 055 800, +32 78 05 58 00
)
"""Runs that must read left to right inside right-to-left text: placeholders, web
addresses and numbers.  Unisolated, ``%(count)d`` shows as ``d(count)%`` in Pashto and a
phone number's digit groups show in reverse order."""


def _mark(char: str) -> Markup:
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return Markup('<span class="inv" title="{0} {1}">⟨{2}⟩</span>').format(code, name, INVISIBLE[char])


def _visible(text: str, *, in_number: bool = False) -> Markup:
    """``text`` escaped, with each invisible character replaced by a visible label (and so
    unable to reorder the text around it)."""
    parts: list[Markup | str] = []
    for char in text:
        if char in INVISIBLE:
            parts.append(_mark(char))
        elif in_number and char in NUMBER_SPACES:
            parts.append(
                Markup('<span class="nbsp" title="U+{0:04X} {1}">{2}</span>').format(
                    ord(char), NUMBER_SPACES[char], char
                )
            )
        else:
            parts.append(escape(char))
    return Markup("").join(parts)


def show(text: object) -> Markup:
    """Catalog text for the page: escaped, invisible characters made visible, and
    placeholders, numbers and addresses isolated left to right (``<bdi dir="ltr">``) so
    that they read in order inside right-to-left text.  The only way catalog text becomes
    markup: every piece goes through :func:`markupsafe.escape`."""
    value = "" if text is None else str(text)
    parts: list[Markup] = []
    position = 0
    for match in _LEFT_TO_RIGHT.finditer(value):
        parts.append(_visible(value[position : match.start()]))
        parts.append(Markup('<bdi dir="ltr">{0}</bdi>').format(_visible(match.group(0), in_number=True)))
        position = match.end()
    parts.append(_visible(value[position:]))
    return Markup("").join(parts)


def reveal(text: object) -> Markup:
    """Left-to-right text for the page (sources, transkit's own messages): escaped, with
    invisible characters made visible; no isolation needed, so none added."""
    return _visible("" if text is None else str(text))


def plain(text: object) -> str:
    """Catalog text for an attribute (a tooltip), where markup cannot go: invisible
    characters spelled out as text, so they cannot reorder the tooltip either."""
    value = "" if text is None else str(text)
    return "".join(f"⟨{INVISIBLE[c]}⟩" if c in INVISIBLE else c for c in value)


@dataclass(frozen=True)
class SourceLanguage:
    """The language a domain's msgids are written in, as the page marks its source text:
    ``lang`` and ``dir`` on every source cell, the name in the domain's heading."""

    tag: str
    rtl: bool
    english_name: str
    native_name: str

    @classmethod
    def of(cls, code: str | None) -> SourceLanguage:
        found = language(code or "en") or language("en")
        assert found is not None
        return cls(found.tag, found.rtl, found.english_name, found.native_name)


ENGLISH = SourceLanguage("en", False, "English", "English")


@dataclass(frozen=True)
class DomainView:
    """A domain's section of the report: its languages and the findings on its template."""

    name: str
    template: str
    source: SourceLanguage
    languages: tuple[LanguageView, ...]
    other_findings: tuple[Finding, ...] = ()


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
    translations: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """The translation each finding (by position) is about, shown beside it: a reviewer
    needs the text itself to see, say, the U+202E that reverses a helpline."""
    term_problems: int = 0
    """Critical terms wrong or missing in this language (matrix cells)."""
    index: int = 0
    """Position of the language's section (``#lang-N``), for links from the board."""
    source: SourceLanguage = ENGLISH
    """The language of the template's msgids (a French press release's, say)."""

    @property
    def state(self) -> str:
        """``blocked`` with any error or wrong critical term, else ``incomplete`` while
        messages are untranslated, ``review`` with warnings, else ``ready``."""
        if self.counts.get("error") or self.term_problems:
            return "blocked"
        if self.coverage.translated < self.coverage.total:
            return "incomplete"
        if self.counts.get("warning") or self.coverage.stale:
            return "review"
        return "ready"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def rank(self) -> tuple[int, int, int, int, float, str]:
        """Worst first: errors, term problems, untranslated work, warnings, then code."""
        return (
            -self.counts.get("error", 0),
            -self.term_problems,
            -(self.coverage.total - self.coverage.translated),
            -self.counts.get("warning", 0),
            self.coverage.percent,
            self.code.lower(),
        )

    @property
    def bar(self) -> tuple[tuple[str, int], ...]:
        """The template's messages split by state, summing to the total: translated,
        fuzzy (not empty), untranslated (empty, fuzzy or not) and missing."""
        c = self.coverage
        fuzzy = max(c.total - c.translated - c.untranslated - c.missing, 0)
        return (
            ("translated", c.translated),
            ("fuzzy", fuzzy),
            ("untranslated", c.untranslated),
            ("missing", c.missing),
        )


@dataclass(frozen=True)
class CellView:
    css: str
    label: str
    messages: int
    found: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def short(self) -> str:
        return SHORT_LABELS[self.label]

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
    domain: str | None = None
    """The domain the page was built from, when the build recorded it."""

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

    def of_language(self, code: str, domain: str | None = None) -> tuple[int, int] | None:
        """(published, held back) pages of a language (of ``domain`` only, when given);
        None when the build has none of it."""
        cells = [
            cell
            for language, row in self.rows
            if language == code
            for cell in row
            if cell is not None and (domain is None or cell.domain == domain)
        ]
        if not cells:
            return None
        held = sum(1 for cell in cells if cell.status == "held-back")
        return len(cells) - held, held


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["show"] = show
    environment.filters["plain"] = plain
    environment.filters["reveal"] = reveal
    return environment


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
    target: Language | None = catalog.language
    counts = {severity: sum(1 for f in findings if f.severity.value == severity) for severity in SEVERITIES}
    entries = index(catalog)
    translations = {}
    for position, finding in enumerate(findings):
        entry = entries.get((finding.msgctxt, finding.msgid)) if finding.msgid is not None else None
        if entry is not None and any(entry.msgstr):
            translations[position] = tuple(entry.msgstr)
    return LanguageView(
        code=catalog.code,
        tag=target.tag if target else "",
        english_name=coverage.language_name,
        native_name=coverage.native_name,
        rtl=bool(target and target.rtl),
        file=catalog.display_path,
        coverage=coverage,
        messages=_messages(catalog, template),
        findings=findings,
        counts=counts,
        translations=translations,
    )


def _bar_geometry(view: LanguageView, width: int = 120) -> list[tuple[str, int, float, float]]:
    """(state, count, x, width) of each segment of the language's bar, in SVG units."""
    total = max(view.coverage.total, 1)
    x = 0.0
    segments = []
    for state, count in view.bar:
        w = round(width * count / total, 2)
        segments.append((state, count, round(x, 2), w))
        x += w
    return segments


def _data_url(media_type: str, text: str) -> str:
    """A download built into the page: the bytes percent-encoded, so no character of the
    data (catalog text included) can end the attribute or change the media type."""
    return f"data:{media_type};charset=utf-8," + quote(text, safe="")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell_text(value: object) -> str:
    """A CSV cell that a spreadsheet will not run: text starting like a formula gets a
    leading apostrophe (OWASP's advice against CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell_text(value) for value in row])
    return stream.getvalue()


def _exports(
    languages: Sequence[LanguageView], findings: Sequence[Finding], *, several: bool = False
) -> dict[str, str]:
    """The status board and the findings as CSV and JSON data URLs; with several domains,
    each row names its domain."""
    columns: tuple[str, ...] = ("language", "name", "state", "translated", "total", "percent", "fuzzy")
    columns += ("untranslated", "missing", "stale", "errors", "warnings", "info", "term_problems", "file")
    board: list[tuple[object, ...]] = [
        (
            v.code,
            v.english_name,
            v.state_label,
            v.coverage.translated,
            v.coverage.total,
            round(v.coverage.percent, 1),
            v.coverage.fuzzy,
            v.coverage.untranslated,
            v.coverage.missing,
            v.coverage.stale,
            v.counts.get("error", 0),
            v.counts.get("warning", 0),
            v.counts.get("info", 0),
            v.term_problems,
            v.file,
        )
        for v in languages
    ]
    finding_columns: tuple[str, ...] = ("file", "line", "severity", "code", "check", "language", "msgctxt", "msgid")
    finding_columns += ("message",)
    finding_rows: list[tuple[object, ...]] = [
        (f.file, f.line, f.severity.value, f.code, f.check, f.language, f.msgctxt, f.msgid, f.message) for f in findings
    ]
    if several:
        columns = ("domain", *columns)
        board = [(v.domain, *row) for v, row in zip(languages, board)]
        finding_columns = ("domain", *finding_columns)
        finding_rows = [(f.domain, *row) for f, row in zip(findings, finding_rows)]
    return {
        "coverage_csv": _data_url("text/csv", _csv(columns, board)),
        "coverage_json": _data_url(
            "application/json", json.dumps([dict(zip(columns, row)) for row in board], ensure_ascii=False, indent=1)
        ),
        "findings_csv": _data_url("text/csv", _csv(finding_columns, finding_rows)),
        "findings_json": _data_url(
            "application/json",
            json.dumps([dict(zip(finding_columns, row)) for row in finding_rows], ensure_ascii=False, indent=1),
        ),
    }


def _cell(matrix: TermsMatrix, term_id: str, code: str) -> CellView:
    cell = matrix.cell(term_id, code)
    css, label = STATUS_LABELS[cell.status]
    return CellView(css, label, cell.messages, tuple(cell.found), tuple(cell.problems))


SPARK_WIDTH = 160
SPARK_HEIGHT = 28


@dataclass(frozen=True)
class TrendView:
    """One language's row of the history: a coverage line and error bars over the commits,
    drawn as inline SVG (readable without script), with the same numbers as text."""

    code: str
    line: str
    """The polyline's points (``x,y x,y``)."""
    dots: tuple[tuple[float, float, str], ...]
    bars: tuple[tuple[float, float, float, float, str], ...]
    coverage_text: str
    errors_text: str
    last_changed: str


def _history_view(history: History | None) -> dict[str, object] | None:
    """What the template draws for ``--history``; None when it was not asked for."""
    if history is None:
        return None
    points = history.points
    step = (SPARK_WIDTH - 12) / (len(points) - 1) if len(points) > 1 else 0.0
    xs = [round(6 + step * i, 1) if len(points) > 1 else SPARK_WIDTH / 2 for i in range(len(points))]
    most = max((n for point in points for n in point.errors.values()), default=0) or 1
    bar = max(min(step * 0.6, 10.0), 3.0) if len(points) > 1 else 8.0
    rows = []
    for code in history.languages:
        dots, bars, coverage, errors = [], [], [], []
        for x, point in zip(xs, points):
            label = f"{point.commit} {point.date[:10]}"
            if code in point.percent:
                y = round(5 + (100 - point.percent[code]) / 100 * (SPARK_HEIGHT - 10), 1)  # clear of the frame
                dots.append((x, y, f"{label}: {point.percent[code]:.1f} %"))
                coverage.append(f"{label}: {point.percent[code]:.1f} %")
                count = point.errors.get(code, 0)
                height = round((SPARK_HEIGHT - 2) * count / most, 1)
                bars.append(
                    (round(x - bar / 2, 1), round(SPARK_HEIGHT - height, 1), round(bar, 1), height, f"{label}: {count}")
                )
                errors.append(f"{label}: {count}")
            else:
                coverage.append(f"{label}: no catalog")
        rows.append(
            TrendView(
                code=code,
                line=" ".join(f"{x},{y}" for x, y, _ in dots),
                dots=tuple(dots),
                bars=tuple(bars),
                coverage_text="; ".join(coverage),
                errors_text="; ".join(errors),
                last_changed=history.last_changed.get(code, ""),
            )
        )
    return {
        "unavailable": history.unavailable,
        "commits": points,
        "rows": rows,
        "width": SPARK_WIDTH,
        "height": SPARK_HEIGHT,
    }


def _unreadable(failures: Sequence[CatalogFailure]) -> list[tuple[str, str]]:
    """(file, reason) of each catalog that could not be read: the top of the board."""
    return [(f.display_path + (f":{f.line}" if f.line else ""), f.message) for f in failures]


def render_report(
    project: Project,
    report: Report,
    matrix: TermsMatrix | None,
    *,
    generated_at: str,
    templates: Mapping[str, Catalog] | None = None,
    pages: PagesView | None = None,
    history: History | None = None,
    source_language: str | None = None,
) -> str:
    """The whole report as one HTML document (a str, ready to be written as UTF-8).

    ``templates`` gives each catalog's template by display path when the project has
    several domains: the languages are then listed domain by domain (``report.domains``)
    and each status-board row names its domain.  ``pages``: the last build's pages per
    language, published, falling back or held back.  ``history`` (``--history``) adds the
    trend section.  Source text is marked in each template's language (its ``Language``
    header, else ``source_language``, else English).
    """
    templates = templates or {}
    by_file = {coverage.file: coverage for coverage in report.coverage}
    catalog_files = {catalog.display_path for catalog in project.catalogs}
    order = {name: number for number, (name, _) in enumerate(report.domains)}
    several = len(report.domains) > 1

    def place(catalog: Catalog) -> tuple[int, str]:
        coverage = by_file.get(catalog.display_path)
        return (order.get(coverage.domain or "", 0) if coverage else 0, catalog.code.lower())

    sources: dict[str, SourceLanguage] = {}

    def source_of(template: Catalog) -> SourceLanguage:
        code = template.header_language or source_language or ""
        if code not in sources:
            sources[code] = SourceLanguage.of(code)
        return sources[code]

    languages = []
    for position, catalog in enumerate(sorted(project.catalogs, key=place), start=1):
        template = templates.get(catalog.display_path, project.template)
        coverage = by_file.get(catalog.display_path) or compute(catalog, template, index(template))
        findings = tuple(f for f in report.findings if f.file == catalog.display_path)
        view = _language_view(catalog, template, coverage, findings)
        problems = 0
        if matrix is not None and catalog.code in matrix.languages:
            problems = sum(1 for t in matrix.term_ids if matrix.cell(t, catalog.code).status in TERM_PROBLEMS)
        view = replace(view, term_problems=problems, index=position, source=source_of(template))
        languages.append(replace(view, domain=coverage.domain) if several else view)
    # With several domains the board is grouped by domain (a heading row each), worst first within.
    board = sorted(languages, key=lambda view: (order.get(view.domain or "", 0) if several else 0, view.rank))
    # Pages are the editor's "what can we publish?": on the language's first (worst) row,
    # or on each domain's row when the build says which domain each page is from.
    page_counts: dict[int, tuple[int, int] | None] = {}
    if pages is not None:
        by_domain = several and any(cell is not None and cell.domain for _, row in pages.rows for cell in row)
        seen: set[str] = set()
        for view in board:
            if by_domain:
                page_counts[view.index] = pages.of_language(view.code, view.domain)
            elif view.code not in seen:
                seen.add(view.code)
                page_counts[view.index] = pages.of_language(view.code)
    other_findings = tuple(f for f in report.findings if f.file not in catalog_files)
    source = source_of(project.template)
    domain_views = []
    for name, shown in report.domains if several else ():
        own = tuple(view for view in languages if view.domain == name)
        mine = tuple(f for f in other_findings if f.domain == name)
        domain_views.append(DomainView(name, shown, own[0].source if own else source, own, mine))
    if domain_views:  # each domain's template findings are in its section; the rest after them
        other_findings = tuple(f for f in other_findings if f.domain not in {d.name for d in domain_views})
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
        domain_views=domain_views,
        source=source,
        sources={view.name: view.source for view in domain_views},
        pages=pages,
        page_counts=page_counts,
        generated_at=generated_at,
        languages=languages,
        board=board,
        bars={view.index: _bar_geometry(view) for view in languages},
        unreadable=_unreadable(project.failures),
        history=_history_view(history),
        exports=_exports(board, report.findings, several=several),
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
