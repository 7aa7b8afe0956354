"""Built-in checks, one module (or folder) per family.

Nothing here lists them: :func:`transkit.engine.registry.load_checks` imports every module
of this package, and each check registers itself with its decorator.
"""
