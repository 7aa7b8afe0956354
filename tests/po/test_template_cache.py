"""The template cache (transkit.engine.template_cache): a template read back from it is the
template the reader makes of its bytes, field for field; a damaged entry is parsed again;
a changed template is never answered by the old one's entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, ROOT
from hypothesis import HealthCheck, given, settings
from po.test_reader_fast import _catalog

from transkit.cli import main
from transkit.engine import template_cache
from transkit.errors import CatalogError
from transkit.po.reader import read_catalog

TEMPLATES = sorted(path for folder in (ROOT / "tests", ROOT / "catalogs") for path in folder.rglob("*.pot"))


def _read_twice(path: Path, folder: Path):
    """The template parsed (a miss, which stores it) and read back (a hit)."""
    return template_cache.read_template(path, path.name, folder), template_cache.read_template(path, path.name, folder)


def test_the_repository_has_templates_to_compare() -> None:
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_template_of_the_repository_reads_back_as_parsed(path: Path, tmp_path: Path) -> None:
    try:
        parsed = read_catalog(path, path.name, is_template=True)
    except CatalogError as error:
        with pytest.raises(CatalogError) as raised:
            template_cache.read_template(path, path.name, tmp_path)
        assert raised.value.message == error.message  # refused alike, and nothing kept
        assert not list(tmp_path.iterdir())
        return
    missed, hit = _read_twice(path, tmp_path)
    assert len(list(tmp_path.glob("template-*.json"))) == 1
    assert missed == parsed and hit == parsed
    assert hit.language == parsed.language and hit.entries == parsed.entries


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(_catalog())
def test_generated_templates_read_back_as_parsed(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("t")
    path = folder / "app.pot"
    path.write_text(text, encoding="utf-8")
    try:
        parsed = read_catalog(path, path.name, is_template=True)
    except CatalogError:
        return
    assert _read_twice(path, folder / "cache") == (parsed, parsed)


def test_a_damaged_entry_is_parsed_again(tmp_path: Path) -> None:
    path = CATALOGS / "campaign.pot"
    parsed, _ = _read_twice(path, tmp_path)
    (kept,) = tmp_path.glob("template-*.json")
    for damage in (b"{", b'{"format": 1}', b"[]", kept.read_bytes().replace(b'"entries":[[', b'"entries":[[1,')):
        kept.write_bytes(damage)
        assert template_cache.read_template(path, path.name, tmp_path) == parsed


def test_a_changed_template_is_never_answered_by_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "app.pot"
    shutil.copy(CATALOGS / "campaign.pot", path)
    before, _ = _read_twice(path, tmp_path / "cache")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "One more"\nmsgstr ""\n', encoding="utf-8")
    after = template_cache.read_template(path, path.name, tmp_path / "cache")
    assert after == read_catalog(path, path.name, is_template=True) != before
    assert after.entries[-1].msgid == "One more"


def test_a_second_check_reads_the_template_from_the_cache(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when a catalog changed (the pre-commit case), the template is not parsed again."""
    shutil.copytree(CATALOGS, in_tmp / "catalogs")
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    parsed: list[str] = []
    parse = template_cache.parse_catalog

    def counted(text, path, shown, **options):
        parsed.append(shown)
        return parse(text, path, shown, **options)

    monkeypatch.setattr(template_cache, "parse_catalog", counted)
    args = ["check", "catalogs/fr.po", "--format", "json"]
    first = CliRunner().invoke(main, args)
    fr = in_tmp / "catalogs" / "fr.po"
    fr.write_text(fr.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = CliRunner().invoke(main, args)
    cold = CliRunner().invoke(main, [*args, "--no-cache"])
    assert parsed == ["catalogs/campaign.pot"]
    assert first.exit_code == second.exit_code == cold.exit_code != 2
    assert second.stdout == cold.stdout
