"""Built-in checks, one module per family; importing this package registers them all."""

from transkit.checks import (  # noqa: F401
    consistency,
    content,
    coverage,
    files,
    header,
    language,
    placeholders,
    plurals,
    suppressions,
    terms,
    typography,
)
