"""The library is usable without the command line, and every module imports."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

from conftest import CATALOGS

import transkit


def test_every_module_imports() -> None:
    imported = set()
    for module in pkgutil.walk_packages(transkit.__path__, "transkit."):
        importlib.import_module(module.name)
        imported.add(module.name.split(".")[1])
    # The walk reached every package (an empty walk would import nothing and pass).
    assert imported >= {
        "model",
        "po",
        "project",
        "terms",
        "text",
        "engine",
        "checks",
        "reporting",
        "maintenance",
        "cli",
    }


def test_library_does_not_import_click() -> None:
    code = "import sys, transkit; transkit.load_project; assert 'click' not in sys.modules, 'click imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_python_user_can_check_and_read_coverage() -> None:
    project = transkit.load_project([CATALOGS])
    report = transkit.check(project, transkit.Options(min_coverage=85))
    gated = {f.language for f in report.findings if f.code == "C109"}
    assert gated == {"ti"}  # 80 % < 85 %; ps and tl are at 90 %
    assert report.exit_code(transkit.FailOn.NEVER) == 1
    fa = next(c for c in project.catalogs if c.code == "fa")
    assert fa.language.rtl and fa.language.native_name == "فارسی"
    cov = transkit.compute_coverage(fa, project.template)
    assert cov.percent == 100.0


def test_the_readme_python_example_runs_as_written(tmp_path, monkeypatch) -> None:
    """The README's "Python API" example, run from the project root as a user would."""
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-3:] == ["0", "1", "()"]  # exit codes with the configured and a stricter fail-on, no notes
    assert any(" T162 " in line or " C105 " in line for line in lines)


def test_read_catalog_takes_a_path_as_text() -> None:
    catalog = transkit.read_catalog(str(CATALOGS / "fr.po"))
    assert catalog.code == "fr" and catalog.display_path.endswith("fr.po")
