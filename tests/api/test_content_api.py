"""``extract`` and ``build`` as library calls: a Python user gets what the command line
does, as data, and the configuration's ``content`` and ``template`` are the defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import content_project

import transkit
from transkit.cli import main


def test_extract_and_build_use_the_configured_content_and_template(in_tmp: Path) -> None:
    content_project(in_tmp)
    (in_tmp / "catalogs" / "site.pot").unlink()
    (in_tmp / "transkit.toml").write_text(
        'content = "content"\ntemplate = "catalogs/site.pot"\ncatalogs = "catalogs"\nfront-matter = ["title"]\n',
        encoding="utf-8",
    )
    extracted = transkit.extract_paths()
    assert extracted.template == in_tmp / "catalogs" / "site.pot"
    assert extracted.pages == ("content/help.md", "content/index.html")
    assert extracted.written
    text = extracted.template.read_text(encoding="utf-8")
    assert 'msgid "Call the helpline"' in text
    assert "Free and anonymous, day and night." not in text  # description is not a configured field
    built = transkit.build_paths(output="site")
    assert built.exit_code() == 0
    assert built.languages == ("en", "ar", "fr")
    assert [(d.page, d.language, d.status) for d in built.decisions][:3] == [
        ("content/help.md", "en", "built"),
        ("content/index.html", "en", "built"),
        ("content/help.md", "ar", "built"),
    ]


def test_the_command_line_reports_what_the_library_returns(in_tmp: Path) -> None:
    content_project(in_tmp)
    fr = in_tmp / "catalogs" / "fr.po"
    fr.write_text(fr.read_text(encoding="utf-8").replace('msgstr "Qui répond"', 'msgstr ""'), encoding="utf-8")
    built = transkit.build_paths(["content"], catalogs="catalogs", output="library")
    result = CliRunner().invoke(main, ["build", "content", "--catalogs", "catalogs", "-o", "cli"])
    assert result.exit_code == built.exit_code() == 1
    from_cli = json.loads((in_tmp / "cli" / "build-report.json").read_text(encoding="utf-8"))
    assert from_cli == built.report()
    assert [(d.page, d.language) for d in built.held_back] == [("content/help.md", "fr")]


def test_a_configuration_with_a_bad_content_key_is_refused(in_tmp: Path) -> None:
    (in_tmp / "transkit.toml").write_text("content = 3\n", encoding="utf-8")
    with pytest.raises(transkit.ConfigError, match="'content' must be a path or a list of paths"):
        transkit.extract_paths(output="x.pot")
