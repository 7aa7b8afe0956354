"""The preview site: every built page as an HTML page an editor opens from disk, with a
language switcher and ``hreflang`` alternates.

Self-contained and offline: styles inline, no script, and a Content-Security-Policy that
lets the pages load nothing from anywhere, so that a preview never calls out and never
runs anything, whatever the pages say. Jinja2 escapes every value it is given; the page
bodies are HTML that transkit built (Markdown rendered by markdown-it-py, HTML pages
serialized by lxml), where translated text is already escaped.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from lxml import etree
from markupsafe import Markup

from transkit.content.gate import Decision
from transkit.content.html import read_tree
from transkit.content.markdown import render_html

FOLDER = "preview"

_PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
{% for alt in alternates %}<link rel="alternate" hreflang="{{ alt.hreflang }}" href="{{ alt.href }}">
{% endfor %}<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }
nav.languages { border-bottom: 1px solid #ccc; padding-bottom: .5rem; margin-bottom: 1rem; font-size: .9rem; }
nav.languages a, nav.languages strong { margin-inline-end: .6rem; }
.fallback { background: #fff3cd; padding: .5rem; border: 1px solid #e0c060; }
</style>
</head>
<body>
<nav class="languages" aria-label="Languages">{% for alt in alternates %}{% if alt.current %}<strong>{{ alt.hreflang }}</strong>{% else %}<a href="{{ alt.href }}" hreflang="{{ alt.hreflang }}" lang="{{ alt.hreflang }}">{{ alt.hreflang }}</a>{% endif %}{% endfor %} · <a href="{{ index }}">all pages</a></nav>
{% if fallback %}<p class="fallback" dir="ltr" lang="en">Some sentences of this page are not translated yet and are shown in the source language.</p>
{% endif %}<main>
{{ body }}
</main>
</body>
</html>
"""

_INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Preview: pages by language</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; } td, th { padding: .2rem .6rem; text-align: start; }</style>
</head>
<body>
<h1>Pages by language</h1>
<table>
<tr><th>page</th>{% for lang in languages %}<th>{{ lang }}</th>{% endfor %}</tr>
{% for row in rows %}<tr><td>{{ row.page }}</td>{% for cell in row.cells %}<td>{% if cell.href %}<a href="{{ cell.href }}">{{ cell.status }}</a>{% else %}{{ cell.status }}{% endif %}</td>{% endfor %}</tr>
{% endfor %}</table>
</body>
</html>
"""


@functools.cache
def _environment() -> Any:
    """The one Jinja environment of the previews, made (and Jinja imported) on first use."""
    import jinja2

    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def preview_path(output: str) -> str:
    """Where a built page's preview goes: ``fr/help.md`` → ``preview/fr/help.html``."""
    return str(PurePosixPath(FOLDER) / PurePosixPath(output).with_suffix(".html"))


def _body(decision: Decision) -> str:
    assert decision.text is not None
    if not decision.output.endswith((".html", ".htm")):
        return render_html(decision.text)
    root = read_tree(decision.text, decision.page).getroot()
    body = root.find("body")
    if body is None:
        return ""
    parts = [str(Markup.escape(body.text or ""))]
    parts += [etree.tostring(child, method="html", encoding="unicode") for child in body]
    return "".join(parts)


def site(decisions: Sequence[Decision], rtl: set[str]) -> dict[str, str]:
    """The preview site's files (path in the output folder → text) for the published
    pages: one per page and language, and an index of every page and language."""
    published = [d for d in decisions if d.published]
    by_page: dict[str, list[Decision]] = {}
    for decision in published:
        by_page.setdefault(decision.page, []).append(decision)
    files: dict[str, str] = {}
    page_template = _environment().from_string(_PAGE)
    for decision in published:
        here = PurePosixPath(preview_path(decision.output))
        up = "../" * (len(here.parts) - 2)
        alternates = [
            {
                "hreflang": other.language.replace("_", "-"),
                "href": up + "/".join(PurePosixPath(preview_path(other.output)).parts[1:]),
                "current": other.language == decision.language,
            }
            for other in by_page[decision.page]
        ]
        files[str(here)] = page_template.render(
            lang=decision.language.replace("_", "-"),
            dir="rtl" if decision.language in rtl else "ltr",
            title=decision.title,
            alternates=alternates,
            index=up + "index.html",
            fallback=decision.status == "fallback",
            body=Markup(_body(decision)),
        )
    languages = sorted({d.language for d in decisions})
    rows = []
    for page in sorted({d.page for d in decisions}):
        cells = []
        for language in languages:
            found = next((d for d in decisions if d.page == page and d.language == language), None)
            href = "/".join(PurePosixPath(preview_path(found.output)).parts[1:]) if found and found.published else None
            cells.append({"status": found.status if found else "", "href": href})
        rows.append({"page": page, "cells": cells})
    files[f"{FOLDER}/index.html"] = _environment().from_string(_INDEX).render(languages=languages, rows=rows)
    return files
