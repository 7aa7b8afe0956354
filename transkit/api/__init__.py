"""One library call per command: what ``transkit check``, ``stats``, ``terms``,
``report``, ``init``, ``update``, ``compile``, ``export`` and ``import`` do, returning data and never printing or
exiting. The command line is these calls plus rendering, so a Python user gets exactly
what the command line gets.
"""

from transkit.api.checking import check_paths
from transkit.api.handoff import Exported, Imported, export_packages, import_packages
from transkit.api.locating import Located, locate
from transkit.api.maintaining import Compiled, NewCatalog, Updated, compile_paths, init_catalog, update_paths
from transkit.api.tables import (
    CoverageTable,
    EditorsReport,
    NoTermbase,
    TermsTable,
    report_paths,
    stats_paths,
    terms_paths,
)

__all__ = [
    "Compiled",
    "CoverageTable",
    "EditorsReport",
    "Exported",
    "Imported",
    "Located",
    "NewCatalog",
    "NoTermbase",
    "TermsTable",
    "Updated",
    "check_paths",
    "compile_paths",
    "export_packages",
    "import_packages",
    "init_catalog",
    "locate",
    "report_paths",
    "stats_paths",
    "terms_paths",
    "update_paths",
]
