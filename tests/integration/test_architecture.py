"""The package's layers, as the README's development map draws them, hold in the code.

Each layer may import itself and the layers listed before it, never one after it: a
catalog reader that imported a check, or a check that imported the command line, would
tie together what must change apart. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import transkit

PACKAGE = Path(transkit.__file__).parent

LAYERS: list[tuple[str, ...]] = [
    ("errors",),
    ("i18n",),
    ("model",),
    ("po",),
    ("project",),
    ("terms",),
    ("text",),
    ("engine",),
    ("checks",),
    ("reporting", "maintenance", "handoff", "content"),
    ("api",),
    ("cli",),
    ("__main__",),
]
"""Bottom to top; packages on one line are peers and do not import each other."""
PUBLIC = "__init__"
"""``transkit/__init__.py`` re-exports the API: it may import any layer but the CLI."""


def _layer_of(module: str) -> int:
    top = module.split(".")[1] if "." in module else PUBLIC
    for number, names in enumerate(LAYERS):
        if top in names:
            return number
    raise AssertionError(f"{module}: in no layer; add its package to LAYERS and the README")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "transkit":
                found.update(f"transkit.{alias.name}" for alias in node.names if alias.name != "__version__")
            elif node.module.startswith("transkit."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("transkit."))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer() -> None:
    layers = {_layer_of(_module_name(path)) for path in _modules() if _module_name(path) != "transkit"}
    assert len(layers) >= 9, layers  # the walk saw the package, not an empty folder


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward: list[str] = []
    for path in _modules():
        name = _module_name(path)
        for imported in _imports(path):
            if name == "transkit":  # the public API: anything but the command line
                if imported.split(".")[1] == "cli":
                    upward.append(f"{name} -> {imported}")
                continue
            mine, theirs = _layer_of(name), _layer_of(imported)
            peer = mine == theirs and name.split(".")[1] != imported.split(".")[1]
            if theirs > mine or peer:
                upward.append(f"{name} -> {imported}")
    assert upward == []


def test_at_most_eight_modules_directly_in_the_package() -> None:
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules


def test_the_walk_sees_a_planted_upward_import(tmp_path: Path) -> None:
    planted = tmp_path / "x.py"
    planted.write_text("def f():\n    from transkit.cli.common import main\n", encoding="utf-8")
    assert _imports(planted) == {"transkit.cli.common"}
    assert _layer_of("transkit.cli.common") > _layer_of("transkit.model.catalog")
