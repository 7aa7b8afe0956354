"""Built-in checks, one module per family; importing this package registers them all."""

from transkit.checks import (  # noqa: F401
    consistency,
    content,
    coverage,
    files,
    formatflags,
    header,
    language,
    markup,
    placeholders,
    plural_forms,
    plurals,
    punctuation,
    suppressions,
    terms,
    typography,
)
