"""The gate: which page is published in which language, and the page itself.

A page is built for a language only when every segment it uses is translated and not
fuzzy (or the build falls back to the source, and says so), no segment it uses has an
error finding in that language's catalog, its translation's placeholders are exactly the
source's, and the language meets its minimum coverage. Anything else holds the page back,
with every reason; a page held back is not written at all, so that a reader never sees a
wrong helpline, a stale sentence, or markup that nobody reviewed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from transkit.content.messages import Element, MarkupRejected, escape_text, parse, plain, validate
from transkit.content.model import Page, Tree
from transkit.model.catalog import Catalog, Entry
from transkit.model.findings import Finding, Severity

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
PHONE = re.compile(rf"\+?{_DIGIT}+(?:[ \u00a0\u202f./-]{_DIGIT}+)+")
"""Digit groups with separators between them: what a right-to-left paragraph shows in
reversed group order unless it is isolated."""
LRI, PDI = "\u2066", "\u2069"
_MARKS = "\u2066\u2067\u2068\u200e\u202a\u202d"
COVERAGE_CODE = "C109"
"""The check whose finding (coverage below the configured minimum) holds back a language."""


@dataclass(frozen=True)
class Reason:
    """Why a page is held back: the segment (None for the whole language), what is wrong."""

    code: str
    message: str
    segment: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "segment": self.segment, "line": self.line}


@dataclass(frozen=True)
class Decision:
    """One page in one language: built or held back, and what the reader will see."""

    page: str
    """The page's path as shown."""
    output: str
    """Where the page goes in the output folder (``fr/help.md``)."""
    language: str
    status: str
    """``built``, ``fallback`` (built, with segments in the source language) or ``held-back``."""
    reasons: tuple[Reason, ...] = ()
    fallbacks: tuple[tuple[str, int], ...] = ()
    """Segments written in the source language: (message, line)."""
    isolated: tuple[str, ...] = ()
    """Numbers isolated for right-to-left display on output."""
    text: str | None = field(default=None, repr=False)
    """The built page; None when held back."""
    title: str = ""
    """The page's title in its language (the source's when held back)."""
    domain: str | None = None
    """The domain (template) whose catalogs the page was built from."""

    @property
    def published(self) -> bool:
        return self.text is not None

    def as_dict(self) -> dict[str, object]:
        return {
            "page": self.page,
            "domain": self.domain,
            "language": self.language,
            "status": self.status,
            "output": self.output if self.published else None,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "fallback_segments": [{"segment": message, "line": line} for message, line in self.fallbacks],
            "isolated_numbers": list(self.isolated),
        }


def catalog_errors(catalog: Catalog, findings: Sequence[Finding]) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """(error findings per msgid, findings that hold back the whole language) of a catalog."""
    per_message: dict[str, list[Finding]] = {}
    whole: list[Finding] = []
    for finding in findings:
        if finding.file != catalog.display_path or finding.severity is not Severity.ERROR:
            continue
        if finding.msgid is not None and finding.msgctxt is None:
            per_message.setdefault(finding.msgid, []).append(finding)
        elif finding.code == COVERAGE_CODE:
            whole.append(finding)
    return per_message, whole


def decide(
    page: Page,
    output: str,
    catalog: Catalog,
    findings: Mapping[str, list[Finding]],
    language_findings: Sequence[Finding],
    *,
    fallback: bool,
    domain: str | None = None,
) -> Decision:
    """Build ``page`` in ``catalog``'s language, or say why not."""
    index: dict[str, Entry] = {e.msgid: e for e in catalog.entries if not e.obsolete and e.msgctxt is None}
    reasons = [Reason(f.code, f.message) for f in language_findings]
    trees: dict[str, Tree] = {}
    fallbacks: list[tuple[str, int]] = []
    seen: set[str] = set()
    for segment in page.segments:
        message = segment.message
        if message in seen:
            continue  # one verdict per message, at its first use in the page
        seen.add(message)
        entry = index.get(message)
        if entry is None or not entry.translated:
            state = "missing from the catalog" if entry is None else "fuzzy" if entry.fuzzy else "untranslated"
            if fallback:
                fallbacks.append((message, segment.line))
                trees[message] = parse(message)
            else:
                reasons.append(Reason("untranslated", f"segment is {state}", message, segment.line))
            continue
        for finding in findings.get(message, []):
            reasons.append(Reason(finding.code, finding.message, message, segment.line))
        try:
            trees[message] = validate(message, entry.msgstr[0])
        except MarkupRejected as error:
            reasons.append(Reason("markup", str(error), message, segment.line))
    code = catalog.code
    if reasons:
        return Decision(page.shown, output, code, "held-back", tuple(reasons), title=page.title, domain=domain)
    rtl = catalog.language is not None and catalog.language.rtl
    isolated: list[str] = []
    if rtl:
        trees = {message: _isolate(tree, isolated) for message, tree in trees.items()}
    text = page.build(lambda message: trees[message], code, "rtl" if rtl else "ltr")
    status = "fallback" if fallbacks else "built"
    title_tree = trees.get(escape_text(page.title))
    title = plain(title_tree) if title_tree is not None else page.title
    return Decision(page.shown, output, code, status, (), tuple(fallbacks), tuple(isolated), text, title, domain)


def source_decision(page: Page, output: str, language: str, domain: str | None = None) -> Decision:
    """The page in its own language, as written."""
    return Decision(page.shown, output, language, "built", text=page.source, title=page.title, domain=domain)


def isolate_numbers(text: str, found: list[str]) -> str:
    """``text`` with every phone-like number that is not already isolated wrapped in
    LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE, so that a right-to-left paragraph
    shows its digit groups in order; each number isolated is added to ``found``."""

    def wrap(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before and before in _MARKS) or after == PDI:
            return match.group()
        found.append(match.group())
        return LRI + match.group() + PDI

    return PHONE.sub(wrap, text)


def _isolate(tree: Tree, found: list[str]) -> Tree:
    isolated: Tree = []
    for node in tree:
        if isinstance(node, str):
            isolated.append(isolate_numbers(node, found))
        else:
            isolated.append(Element(node.name, node.paired, _isolate(node.children, found)))
    return isolated
