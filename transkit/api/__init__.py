"""One library call per command: what ``transkit check`` (and ``check --fix``), ``stats``, ``terms``,
``report``, ``init``, ``update``, ``pretranslate``, ``compile``, ``export``, ``import``, ``extract`` and ``build`` do, returning data and never printing or
exiting. The command line is these calls plus rendering, so a Python user gets exactly
what the command line gets.
"""

from transkit.api.checking import check_paths
from transkit.api.content import Built, Extracted, build_paths, extract_paths
from transkit.api.fixing import Fixed, fix_paths
from transkit.api.handoff import Exported, Imported, export_packages, import_packages
from transkit.api.locating import Located, locate
from transkit.api.maintaining import Compiled, NewCatalog, Updated, compile_paths, init_catalog, update_paths
from transkit.api.pretranslating import Pretranslated, pretranslate_paths
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
    "Built",
    "Compiled",
    "CoverageTable",
    "EditorsReport",
    "Exported",
    "Imported",
    "Extracted",
    "Fixed",
    "Located",
    "NewCatalog",
    "NoTermbase",
    "Pretranslated",
    "TermsTable",
    "Updated",
    "build_paths",
    "check_paths",
    "compile_paths",
    "export_packages",
    "import_packages",
    "extract_paths",
    "fix_paths",
    "init_catalog",
    "locate",
    "pretranslate_paths",
    "report_paths",
    "stats_paths",
    "terms_paths",
    "update_paths",
]
