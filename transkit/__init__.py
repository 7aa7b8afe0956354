"""transkit: translation QA for gettext catalogs.

The library API; importing it does not import click::

    from pathlib import Path

    import transkit
    project = transkit.load_project(["catalogs"])
    config = transkit.load_config(transkit.find_config(Path(".")))
    report = transkit.check(project, transkit.run_options(config))
    for item in report.coverage:
        print(item.language, item.percent)
"""

from __future__ import annotations

__version__ = "0.1.0"

from transkit.engine.config import Config, find_config, load_config, run_options
from transkit.engine.runner import Options
from transkit.engine.runner import run as check
from transkit.engine.selection import Selection
from transkit.errors import CatalogError, ConfigError, ProjectError, TranskitError
from transkit.model.catalog import Catalog, CatalogFailure, Entry, Project
from transkit.model.coverage import Coverage
from transkit.model.coverage import compute as compute_coverage
from transkit.model.findings import FailOn, Finding, Report, Severity
from transkit.model.languages import Language, language
from transkit.po.reader import read_catalog
from transkit.project.locate import filter_languages, load_project

__all__ = [
    "Catalog",
    "Config",
    "find_config",
    "load_config",
    "run_options",
    "CatalogError",
    "CatalogFailure",
    "ConfigError",
    "Coverage",
    "Entry",
    "FailOn",
    "Finding",
    "Language",
    "Options",
    "Project",
    "ProjectError",
    "Report",
    "Selection",
    "Severity",
    "TranskitError",
    "__version__",
    "check",
    "compute_coverage",
    "filter_languages",
    "language",
    "load_project",
    "read_catalog",
]
