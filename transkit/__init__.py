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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what a type checker and an IDE see; at run time each name is imported on first use
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

# Each public name and where it lives: importing ``transkit`` (and so every command) costs
# nothing until a name is used, and then only that name's modules (PEP 562).
_LAZY: dict[str, tuple[str, str]] = {
    "Built": ("transkit.api", "Built"),
    "Compiled": ("transkit.api", "Compiled"),
    "CoverageTable": ("transkit.api", "CoverageTable"),
    "EditorsReport": ("transkit.api", "EditorsReport"),
    "Exported": ("transkit.api", "Exported"),
    "Extracted": ("transkit.api", "Extracted"),
    "Fixed": ("transkit.api", "Fixed"),
    "Imported": ("transkit.api", "Imported"),
    "NewCatalog": ("transkit.api", "NewCatalog"),
    "NoTermbase": ("transkit.api", "NoTermbase"),
    "Pretranslated": ("transkit.api", "Pretranslated"),
    "TermsTable": ("transkit.api", "TermsTable"),
    "Updated": ("transkit.api", "Updated"),
    "build_paths": ("transkit.api", "build_paths"),
    "check_paths": ("transkit.api", "check_paths"),
    "compile_paths": ("transkit.api", "compile_paths"),
    "export_packages": ("transkit.api", "export_packages"),
    "extract_paths": ("transkit.api", "extract_paths"),
    "fix_paths": ("transkit.api", "fix_paths"),
    "import_packages": ("transkit.api", "import_packages"),
    "init_catalog": ("transkit.api", "init_catalog"),
    "pretranslate_paths": ("transkit.api", "pretranslate_paths"),
    "report_paths": ("transkit.api", "report_paths"),
    "stats_paths": ("transkit.api", "stats_paths"),
    "terms_paths": ("transkit.api", "terms_paths"),
    "update_paths": ("transkit.api", "update_paths"),
    "Config": ("transkit.engine.config", "Config"),
    "find_config": ("transkit.engine.config", "find_config"),
    "load_config": ("transkit.engine.config", "load_config"),
    "run_options": ("transkit.engine.config", "run_options"),
    "Options": ("transkit.engine.runner", "Options"),
    "check": ("transkit.engine.runner", "run"),
    "Selection": ("transkit.engine.selection", "Selection"),
    "CatalogError": ("transkit.errors", "CatalogError"),
    "ConfigError": ("transkit.errors", "ConfigError"),
    "ContentError": ("transkit.errors", "ContentError"),
    "ProjectError": ("transkit.errors", "ProjectError"),
    "TranskitError": ("transkit.errors", "TranskitError"),
    "PackageError": ("transkit.handoff.units", "PackageError"),
    "Catalog": ("transkit.model.catalog", "Catalog"),
    "CatalogFailure": ("transkit.model.catalog", "CatalogFailure"),
    "Entry": ("transkit.model.catalog", "Entry"),
    "Project": ("transkit.model.catalog", "Project"),
    "Coverage": ("transkit.model.coverage", "Coverage"),
    "compute_coverage": ("transkit.model.coverage", "compute"),
    "FailOn": ("transkit.model.findings", "FailOn"),
    "Finding": ("transkit.model.findings", "Finding"),
    "Report": ("transkit.model.findings", "Report"),
    "Severity": ("transkit.model.findings", "Severity"),
    "Language": ("transkit.model.languages", "Language"),
    "language": ("transkit.model.languages", "language"),
    "read_catalog": ("transkit.po.reader", "read_catalog"),
    "filter_languages": ("transkit.project.locate", "filter_languages"),
    "load_project": ("transkit.project.locate", "load_project"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
