"""One module per output format; each renders a report to a text stream and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from transkit.model.findings import Report
from transkit.reporting import github, json_report, junit, markdown, sarif, text

CHECK_FORMATS: dict[str, Callable[[Report, TextIO], None]] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
}
