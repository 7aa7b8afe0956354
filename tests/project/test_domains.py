"""Projects of several domains (templates): every command covers each domain in one run,
grouped by domain and language, in the LC_MESSAGES layout and in one folder per domain."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECTS

from transkit.cli import main

FLAT = PROJECTS / "flat"
LC = PROJECTS / "lc_messages"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lc_layout(root: Path) -> Path:
    """``app`` (the flat fixture) and ``site`` (the LC_MESSAGES fixture) side by side."""
    folder = root / "locale"
    folder.mkdir()
    shutil.copy(FLAT / "site.pot", folder / "app.pot")
    shutil.copy(LC / "site.pot", folder / "site.pot")
    for code in ("fr", "nl"):
        (folder / code / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(FLAT / f"{code}.po", folder / code / "LC_MESSAGES" / "app.po")
    for code in ("de", "fr"):
        (folder / code / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
        shutil.copy(LC / code / "LC_MESSAGES" / "site.po", folder / code / "LC_MESSAGES" / "site.po")
    return folder


def folder_layout(root: Path) -> Path:
    """``app`` flat in the catalogs folder (as a one-domain project has it) and ``site`` in
    a folder of its own with its template inside."""
    folder = root / "catalogs"
    folder.mkdir()
    shutil.copy(FLAT / "site.pot", folder / "app.pot")
    for code in ("fr", "nl"):
        shutil.copy(FLAT / f"{code}.po", folder / f"{code}.po")
    (folder / "site").mkdir()
    shutil.copy(LC / "site.pot", folder / "site" / "site.pot")
    for code in ("de", "fr"):
        shutil.copy(LC / code / "LC_MESSAGES" / "site.po", folder / "site" / f"{code}.po")
    return folder


def only_folders_layout(root: Path) -> Path:
    """Each domain in a folder of its own (``catalogs/app/``, ``catalogs/site/``), nothing
    in the catalogs folder itself."""
    folder = folder_layout(root)
    (folder / "app").mkdir()
    (folder / "app.pot").rename(folder / "app" / "app.pot")
    for code in ("fr", "nl"):
        (folder / f"{code}.po").rename(folder / "app" / f"{code}.po")
    return folder


LAYOUTS = {"lc_messages": lc_layout, "folders": folder_layout, "only_folders": only_folders_layout}


@pytest.fixture(params=sorted(LAYOUTS))
def project(request: pytest.FixtureRequest, in_tmp: Path) -> Path:
    return LAYOUTS[request.param](in_tmp)


def test_check_covers_every_domain_grouped_by_domain(project: Path) -> None:
    result = invoke("check", project.name, "--format", "json")
    document = json.loads(result.stdout)
    assert [d["domain"] for d in document["domains"]] == ["app", "site"]
    assert [(c["domain"], c["language"]) for c in document["coverage"]] == [
        ("app", "fr"),
        ("app", "nl"),
        ("site", "de"),
        ("site", "fr"),
    ]
    domains = [f["domain"] for f in document["findings"]]
    assert domains == sorted(domains) and set(domains) == {"app", "site"}
    assert all(f["file"].endswith(("app.po", "nl.po", "fr.po", "site.po", "de.po")) for f in document["findings"])


def test_check_text_summarises_each_domain(project: Path) -> None:
    result = invoke("check", project.name)
    assert result.stdout.count("Coverage against ") == 2
    assert "in 4 catalogs" in result.stdout


def test_stats_has_a_table_per_domain(project: Path) -> None:
    result = invoke("stats", project.name)
    assert result.exit_code == 0, result.output
    assert "app.pot: 6 messages, 2 catalogs" in result.stdout
    assert "site.pot: 2 messages, 2 catalogs" in result.stdout
    csv_lines = invoke("stats", project.name, "--format", "csv").stdout.splitlines()
    assert csv_lines[0].endswith(",domain") and len(csv_lines) == 5


def test_a_language_only_one_domain_has(project: Path) -> None:
    document = json.loads(invoke("stats", project.name, "--lang", "nl", "--format", "json").stdout)
    assert [(c["domain"], c["language"]) for c in document["coverage"]] == [("app", "nl")]
    result = invoke("stats", project.name, "--lang", "it")
    assert result.exit_code == 2 and "no catalog for language 'it'" in result.stderr


def test_terms_has_one_column_per_language(project: Path) -> None:
    glossary = project.parent / "glossary"
    shutil.copytree(Path(__file__).parents[1] / "data" / "glossary", glossary, dirs_exist_ok=True)
    result = invoke("terms", project.name, "--format", "json")
    languages = json.loads(result.stdout)["languages"]
    assert sorted(languages) == ["de", "fr", "nl"]


def test_report_has_a_section_per_domain(project: Path) -> None:
    result = invoke("report", project.name, "-o", "report.html", "--now", "2026-01-01T00:00:00Z")
    assert result.exit_code == 0, result.output
    page = (project.parent / "report.html").read_text()
    assert "Domain <code>app</code>" in page and "Domain <code>site</code>" in page
    assert page.index("Domain <code>app</code>") < page.index("Domain <code>site</code>")


def test_update_and_compile_cover_every_domain(project: Path) -> None:
    result = invoke("update", project.name, "--dry-run")
    assert result.exit_code == 0, result.output
    result = invoke("compile", project.name, "-o", "build")
    assert result.exit_code == 0, result.output
    built = sorted(p.relative_to(project.parent / "build").as_posix() for p in (project.parent / "build").rglob("*.mo"))
    assert built == [
        "de/LC_MESSAGES/site.mo",
        "fr/LC_MESSAGES/app.mo",
        "fr/LC_MESSAGES/site.mo",
        "nl/LC_MESSAGES/app.mo",
    ]


def test_a_template_without_catalogs_is_a_usage_error(in_tmp: Path) -> None:
    folder = lc_layout(in_tmp)
    shutil.copy(FLAT / "site.pot", folder / "help.pot")
    for command in ("check", "stats", "update", "compile"):
        result = invoke(command, "locale")
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            "locale: several templates (app.pot, help.pot, site.pot): no catalogs for help.pot "
            "(<lang>/LC_MESSAGES/help.po or help/<lang>.po)"
        ]
    assert not list(in_tmp.rglob("*.mo"))


def test_flat_catalogs_beside_several_unclaimed_templates_are_ambiguous(in_tmp: Path) -> None:
    folder = in_tmp / "catalogs"
    folder.mkdir()
    for name in ("a.pot", "b.pot"):
        shutil.copy(FLAT / "site.pot", folder / name)
    shutil.copy(FLAT / "fr.po", folder / "fr.po")
    result = invoke("check")
    assert result.exit_code == 2
    assert result.stderr.startswith("catalogs: several templates (a.pot, b.pot) and catalogs <lang>.po")
    assert len(result.stderr.splitlines()) == 1


def test_a_named_template_picks_one_domain(project: Path) -> None:
    template = next(project.rglob("site.pot"))
    document = json.loads(invoke("stats", project.name, "--template", str(template), "--format", "json").stdout)
    assert {c["domain"] for c in document["coverage"]} == {"site"}
    # The site's own catalogs (German and French), never the application's beside them.
    assert sorted(c["language"] for c in document["coverage"]) == ["de", "fr"]
