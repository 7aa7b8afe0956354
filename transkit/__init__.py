"""transkit: translation QA for gettext catalogs.

The library API, one call per command (importing it does not import click)::

    import transkit

    report = transkit.check_paths(["catalogs"])  # what `transkit check catalogs` does
    for finding in report.findings:
        print(finding.file, finding.line, finding.code, finding.message)
    for item in report.coverage:
        print(item.language, item.percent)
    status = report.exit_code()  # 0, or 1 when something reaches the fail level

The same for ``stats_paths``, ``terms_paths``, ``report_paths``, ``init_catalog``,
``fix_paths``, ``update_paths``, ``pretranslate_paths``, ``compile_paths``, ``export_packages``, ``import_packages``, ``extract_paths`` and ``build_paths``. Lower-level pieces (``load_project``, ``check``
with explicit :class:`Options`) are here for callers that build a run themselves.
"""

from __future__ import annotations

__version__ = "0.2.0"

from transkit.api import (
    Built,
    Compiled,
    CoverageTable,
    EditorsReport,
    Exported,
    Extracted,
    Fixed,
    Imported,
    NewCatalog,
    NoTermbase,
    Pretranslated,
    TermsTable,
    Updated,
    build_paths,
    check_paths,
    compile_paths,
    export_packages,
    extract_paths,
    fix_paths,
    import_packages,
    init_catalog,
    pretranslate_paths,
    report_paths,
    stats_paths,
    terms_paths,
    update_paths,
)
from transkit.engine.config import Config, find_config, load_config, run_options
from transkit.engine.runner import Options
from transkit.engine.runner import run as check
from transkit.engine.selection import Selection
from transkit.errors import CatalogError, ConfigError, ContentError, ProjectError, TranskitError
from transkit.handoff.units import PackageError
from transkit.model.catalog import Catalog, CatalogFailure, Entry, Project
from transkit.model.coverage import Coverage
from transkit.model.coverage import compute as compute_coverage
from transkit.model.findings import FailOn, Finding, Report, Severity
from transkit.model.languages import Language, language
from transkit.po.reader import read_catalog
from transkit.project.locate import filter_languages, load_project

__all__ = [
    "Built",
    "Catalog",
    "CatalogError",
    "CatalogFailure",
    "Compiled",
    "Config",
    "ConfigError",
    "ContentError",
    "Coverage",
    "CoverageTable",
    "EditorsReport",
    "Entry",
    "Exported",
    "Extracted",
    "Fixed",
    "FailOn",
    "Finding",
    "Imported",
    "Language",
    "NewCatalog",
    "NoTermbase",
    "Options",
    "PackageError",
    "Pretranslated",
    "Project",
    "ProjectError",
    "Report",
    "Selection",
    "Severity",
    "TermsTable",
    "TranskitError",
    "Updated",
    "__version__",
    "build_paths",
    "check",
    "check_paths",
    "compile_paths",
    "compute_coverage",
    "export_packages",
    "extract_paths",
    "fix_paths",
    "filter_languages",
    "find_config",
    "import_packages",
    "init_catalog",
    "language",
    "load_config",
    "load_project",
    "pretranslate_paths",
    "read_catalog",
    "report_paths",
    "run_options",
    "stats_paths",
    "terms_paths",
    "update_paths",
]
