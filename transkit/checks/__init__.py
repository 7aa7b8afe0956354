"""Built-in checks, one module per family; importing this package registers them all."""

from transkit.checks import coverage, files, language  # noqa: F401
