"""Built-in checks, one module per family; importing this package registers them all."""

from transkit.checks import consistency, coverage, files, language, terms  # noqa: F401
