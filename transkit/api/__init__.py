"""One library call per command: what ``transkit check`` (and ``check --fix``), ``stats``, ``terms``,
``report``, ``init``, ``update``, ``pretranslate``, ``compile``, ``export``, ``import``, ``extract`` and ``build`` do, returning data and never printing or
exiting. The command line is these calls plus rendering, so a Python user gets exactly
what the command line gets.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time each name is imported on first use (see transkit/__init__.py)
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

# Each call and the module that holds it: a command imports only the calls it makes (PEP 562).
_LAZY: dict[str, str] = {
    "CoverageTable": "transkit.api.tables",
    "EditorsReport": "transkit.api.tables",
    "NoTermbase": "transkit.api.tables",
    "TermsTable": "transkit.api.tables",
    "report_paths": "transkit.api.tables",
    "stats_paths": "transkit.api.tables",
    "terms_paths": "transkit.api.tables",
    "check_paths": "transkit.api.checking",
    "Built": "transkit.api.content",
    "Extracted": "transkit.api.content",
    "build_paths": "transkit.api.content",
    "extract_paths": "transkit.api.content",
    "Fixed": "transkit.api.fixing",
    "fix_paths": "transkit.api.fixing",
    "Exported": "transkit.api.handoff",
    "Imported": "transkit.api.handoff",
    "export_packages": "transkit.api.handoff",
    "import_packages": "transkit.api.handoff",
    "Located": "transkit.api.locating",
    "locate": "transkit.api.locating",
    "Compiled": "transkit.api.maintaining",
    "NewCatalog": "transkit.api.maintaining",
    "Updated": "transkit.api.maintaining",
    "compile_paths": "transkit.api.maintaining",
    "init_catalog": "transkit.api.maintaining",
    "update_paths": "transkit.api.maintaining",
    "Pretranslated": "transkit.api.pretranslating",
    "pretranslate_paths": "transkit.api.pretranslating",
}


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
