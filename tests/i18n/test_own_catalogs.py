"""transkit's own catalogs pass transkit's own gate, and GNU gettext agrees.

A new message in the sources that is not in the template, or not translated in French
and Dutch, fails here: run ``python tools/i18n_template.py``, ``transkit update
transkit/locale``, translate, then ``transkit compile transkit/locale -o transkit/locale``.
"""

from __future__ import annotations

import ast
import gettext
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import click
import polib
import pytest
from click.testing import CliRunner
from conftest import ROOT, needs_msgfmt

from transkit.cli import click_text, main
from transkit.i18n import LOCALEDIR

SHIPPED = ("fr", "nl")
TOOL = ROOT / "tools" / "i18n_template.py"
KEYWORDS = ["_", "N_", "L_", "ngettext:1,2", "Ln_:1,2", "Nn_:1,2"]


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_template", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_transkit_passes_its_own_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["check", "transkit/locale", "--min-coverage", "100", "--format", "json", "--fail-on", "warning"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    coverage = {item["language"]: item for item in report["coverage"]}
    assert sorted(coverage) == list(SHIPPED)
    for language in SHIPPED:
        assert coverage[language]["translated"] == coverage[language]["total"] > 300, language
    severities = {finding["severity"] for finding in report["findings"]}
    assert severities <= {"info"}, [f for f in report["findings"] if f["severity"] != "info"]


def test_the_template_is_generated_from_the_sources() -> None:
    tool = _tool()
    committed = (LOCALEDIR / "transkit.pot").read_text(encoding="utf-8")
    assert tool.body(tool.render("")) == tool.body(committed), "run: python tools/i18n_template.py"


def test_every_catalog_has_every_message_of_the_template() -> None:
    template = {entry.msgid for entry in polib.pofile(str(LOCALEDIR / "transkit.pot"))}
    for language in SHIPPED:
        catalog = polib.pofile(str(LOCALEDIR / f"{language}.po"))
        assert {entry.msgid for entry in catalog if not entry.obsolete} == template, language
        assert catalog.percent_translated() == 100 and not catalog.fuzzy_entries(), language


def test_the_compiled_catalogs_are_the_catalogs() -> None:
    for language in SHIPPED:
        compiled = LOCALEDIR / language / "LC_MESSAGES" / "transkit.mo"
        with compiled.open("rb") as stream:
            shipped = gettext.GNUTranslations(stream)
        for entry in polib.pofile(str(LOCALEDIR / f"{language}.po")).translated_entries():
            if entry.msgid_plural:
                for form, text in entry.msgstr_plural.items():
                    assert shipped._catalog[(entry.msgid, form)] == text, (language, entry.msgid)
            else:
                assert shipped.gettext(entry.msgid) == entry.msgstr, (language, entry.msgid)
        assert shipped.info()["language"] == language


def test_real_plural_rules() -> None:
    french = gettext.translation("transkit", str(LOCALEDIR), languages=["fr"])
    dutch = gettext.translation("transkit", str(LOCALEDIR), languages=["nl"])
    assert [french.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2)] == [
        "{count} erreur",
        "{count} erreur",
        "{count} erreurs",
    ]
    assert [dutch.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2)] == [
        "{count} fouten",
        "{count} fout",
        "{count} fouten",
    ]


@needs_msgfmt
@pytest.mark.parametrize("language", SHIPPED)
def test_msgfmt_check_accepts_the_catalogs(language: str, tmp_path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(LOCALEDIR / f"{language}.po")],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr
    assert "error" not in result.stderr


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU xgettext is not installed")
def test_xgettext_finds_nothing_the_template_lacks(tmp_path: Path) -> None:
    """GNU xgettext, given the same keywords, as an oracle for the template's extractor
    (which also reads click's help texts and the report's templates)."""
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "transkit").rglob("*.py"))
    output = tmp_path / "xgettext.pot"
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "-k", *(f"--keyword={k}" for k in KEYWORDS)]
        + ["-o", str(output), *sources],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found = {(e.msgid, e.msgid_plural or None) for e in polib.pofile(str(output)) if e.msgid}
    ours = {(e.msgid, e.msgid_plural or None) for e in polib.pofile(str(LOCALEDIR / "transkit.pot"))}
    assert len(found) > 150
    assert found <= ours, found - ours


def test_the_click_messages_are_those_click_translates() -> None:
    singular: set[str] = set()
    plural: set[tuple[str, str]] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id == "_" and texts:
                    singular.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) >= 2:
                    plural.add((texts[0], texts[1]))
    singular.add("required")  # click passes it through a variable
    assert set(click_text.MESSAGES) <= singular, set(click_text.MESSAGES) - singular
    assert set(click_text.PLURALS) <= plural, set(click_text.PLURALS) - plural
