"""Third-party checks, as flake8 plugins are: a distribution lists its module in the
``transkit.checks`` entry-point group, and ``transkit`` runs its checks with its own.

The plugin of ``tests/plugin`` is installed into a temporary folder, without network: its
package copied and its ``.dist-info`` written from its own ``pyproject.toml``, which is
what an installer writes and all that ``importlib.metadata`` reads. (``pip install
--no-build-isolation --target`` would need setuptools and wheel in the environment, which
a test cannot count on offline.) transkit then runs in a subprocess that has the folder
on its path, as it would see a plugin installed beside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PLUGIN = Path(__file__).parent.parent / "plugin"

TEMPLATE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Call us"
msgstr ""
"""
CATALOG = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Call us"
msgstr "APPELEZ-NOUS"
"""


def install_by_hand(source: Path, site: Path) -> None:
    """Install the distribution at ``source`` into ``site`` as an installer would: its
    package copied, and a ``.dist-info`` holding its metadata and entry points."""
    metadata = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))
    project = metadata["project"]
    for package in metadata["tool"]["setuptools"]["packages"]:
        shutil.copytree(source / package, site / package)
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8"
    )
    groups = project.get("entry-points", {})
    lines = [
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in points.items())
        for group, points in groups.items()
    ]
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")


def transkit(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``transkit ARGS`` in a new interpreter that sees the plugins installed in ``site``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    env["TRANSKIT_CACHE_DIR"] = str(cwd / ".cache")
    return subprocess.run(
        [sys.executable, "-m", "transkit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "catalogs").mkdir(parents=True)
    (folder / "catalogs" / "site.pot").write_text(TEMPLATE, encoding="utf-8")
    (folder / "catalogs" / "fr.po").write_text(CATALOG, encoding="utf-8")
    return folder


def test_an_installed_plugin_check_runs_lists_and_explains(tmp_path: Path, project: Path) -> None:
    site = tmp_path / "site"
    install_by_hand(PLUGIN, site)

    found = transkit(site, "check", "--no-cache", "catalogs", cwd=project)
    assert "X901" in found.stdout and "shouting-translation" in found.stdout, found.stdout + found.stderr
    assert "the translation is in capitals" in found.stdout
    assert found.returncode == 0  # a warning does not fail the run by default

    listed = transkit(site, "checks", cwd=project)
    assert listed.returncode == 0
    assert any(line.startswith("X901  shouting-translation") for line in listed.stdout.splitlines())

    explained = transkit(site, "explain", "X901", cwd=project)
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("X901 shouting-translation (warning, entry)")
    assert "Bad:" in explained.stdout and "Good:" in explained.stdout

    selected = transkit(site, "check", "--no-cache", "--ignore", "X901", "catalogs", cwd=project)
    assert "X901" not in selected.stdout


def test_a_plugin_that_fails_to_import_is_one_line_and_exit_2(tmp_path: Path, project: Path) -> None:
    site = tmp_path / "site"
    broken = tmp_path / "broken"
    (broken / "transkit_broken").mkdir(parents=True)
    (broken / "transkit_broken" / "__init__.py").write_text("import transkit_no_such_module\n", encoding="utf-8")
    (broken / "pyproject.toml").write_text(
        '[project]\nname = "transkit-broken"\nversion = "0.1"\n\n'
        '[project.entry-points."transkit.checks"]\nbroken = "transkit_broken"\n\n'
        '[tool.setuptools]\npackages = ["transkit_broken"]\n',
        encoding="utf-8",
    )
    install_by_hand(broken, site)

    for args in (("check", "--no-cache", "catalogs"), ("checks",), ("explain", "X901")):
        result = transkit(site, *args, cwd=project)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "check plugin 'broken' (transkit_broken) cannot be loaded" in result.stderr
        assert "ModuleNotFoundError" in result.stderr and "transkit_no_such_module" in result.stderr
