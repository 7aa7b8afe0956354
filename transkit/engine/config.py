"""Project configuration: ``transkit.toml`` or ``[tool.transkit]`` in ``pyproject.toml``.

Read from the working directory (or the file given with ``--config``); paths in it are
relative to the file's folder.  Every key is validated and an unknown one is an error,
so a typo never silently changes what CI checks.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transkit.engine.context import DEFAULT_SOURCE_LANGUAGE, Options
from transkit.engine.selection import Selection, names_a_check
from transkit.errors import ConfigError
from transkit.model.findings import FailOn, Severity
from transkit.model.languages import to_tag
from transkit.project.paths import display_path
from transkit.project.tomlfile import line_of, read_toml
from transkit.terms.model import Termbase

_TOP_KEYS = {
    "catalogs",
    "template",
    "glossary",
    "fail-on",
    "min-coverage",
    "select",
    "ignore",
    "languages",
    "severity",
    "baseline",
    "content",
    "front-matter",
    "source-language",
}
_LANGUAGE_KEYS = {"min-coverage", "select", "ignore"}


@dataclass(frozen=True)
class Config:
    """Settings from the configuration file; None where the file says nothing."""

    source: Path | None = None
    catalogs: Path | None = None
    template: Path | None = None
    glossary: Path | None = None
    fail_on: FailOn | None = None
    min_coverage: float | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language_min_coverage: Mapping[str, float] = field(default_factory=dict)
    language_select: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    language_ignore: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    """Severity overrides by check code or name."""
    baseline: Path | None = None
    content: tuple[Path, ...] = ()
    """Page files and folders ``transkit extract`` and ``build`` read when given none."""
    front_matter: tuple[str, ...] | None = None
    """Front-matter fields of Markdown pages that are segments (None: the default ones)."""
    source_language: str | None = None
    """The language the templates' msgids are written in when a template's ``Language``
    header does not say (None: English)."""


def find_config(folder: Path) -> Path | None:
    """``transkit.toml``, else a ``pyproject.toml`` with a ``[tool.transkit]`` table."""
    candidate = folder / "transkit.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
            return pyproject  # let load_config report it properly
        if isinstance(data.get("tool"), dict) and "transkit" in data["tool"]:
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    data, text = read_toml(path, ConfigError)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("transkit", {}) if isinstance(data.get("tool"), dict) else {}
        prefix = "tool.transkit"
    else:
        table, prefix = data, ""
    return _validate(table, path, text, prefix)


def _validate(table: Any, path: Path, text: str, prefix: str) -> Config:
    shown = display_path(path)
    start = _table_line(text, prefix)

    def fail(key: str, message: str, after: int | None = None) -> ConfigError:
        # Look for the key inside our table only: [tool.ruff] may set "ignore" too.
        return ConfigError(
            message, shown, line_of(text, key.split(".")[-1], after=after if after is not None else start)
        )

    if not isinstance(table, dict):
        raise ConfigError(f"[{prefix}] must be a table", shown)
    for key in table:
        if key not in _TOP_KEYS:
            where = f" in [{prefix}]" if prefix else ""
            raise fail(key, f"unknown key {key!r}{where}; known keys: {', '.join(sorted(_TOP_KEYS))}")
    folder = path.parent

    def path_value(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"{key!r} must be a path (a non-empty string)")
        return folder / value

    def selectors(key: str, source: dict | None = None, where: str = "", after: int | None = None) -> tuple[str, ...]:
        value = (table if source is None else source).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"{where}{key!r} must be a list of check codes or names", after)
        for selector in value:
            if not names_a_check(selector):
                raise fail(key, f"{where}{key!r}: {selector!r} names no check (see `transkit checks`)", after)
        return tuple(value)

    fail_on = None
    if "fail-on" in table:
        try:
            fail_on = FailOn(table["fail-on"])
        except ValueError:
            raise fail("fail-on", "'fail-on' must be one of error, warning, never") from None

    per_language: dict[str, float] = {}
    language_select: dict[str, tuple[str, ...]] = {}
    language_ignore: dict[str, tuple[str, ...]] = {}
    languages = table.get("languages", {})
    if not isinstance(languages, dict):
        raise fail("languages", "'languages' must be a table of per-language tables")
    for code, overrides in languages.items():
        if to_tag(code) is None:
            raise fail(code, f"[languages.{code}]: {code!r} is not a language code")
        if not isinstance(overrides, dict):
            raise fail(code, f"[languages.{code}] must be a table")
        section = _table_line(text, f"{prefix}.languages.{code}".lstrip(".")) or start
        for key in overrides:
            if key not in _LANGUAGE_KEYS:
                raise fail(
                    key, f"unknown key {key!r} in [languages.{code}]; known keys: {', '.join(sorted(_LANGUAGE_KEYS))}"
                )
        if "select" in overrides:
            language_select[code] = selectors("select", overrides, f"[languages.{code}] ", section)
        if "ignore" in overrides:
            language_ignore[code] = selectors("ignore", overrides, f"[languages.{code}] ", section)
        if "min-coverage" in overrides:
            per_language[code] = _percent(
                overrides["min-coverage"], lambda m: fail("min-coverage", f"[languages.{code}] {m}", section)
            )

    severities: dict[str, Severity] = {}
    overrides = table.get("severity", {})
    if not isinstance(overrides, dict):
        raise fail("severity", "'severity' must be a table of check code or name = error | warning | info")
    if overrides:
        from transkit.engine.registry import find  # the checks are loaded only when a configuration names one
    for check, level in overrides.items():
        info = find(check)
        if info is None:
            raise fail(check, f"[severity] {check!r} is not a check code or name (see `transkit checks`)")
        try:
            severities[info.code] = Severity(level)
        except ValueError:
            raise fail(check, f"[severity] {check}: {level!r} is not error, warning or info") from None

    content = table.get("content", [])
    if isinstance(content, str):
        content = [content]
    if not isinstance(content, list) or not all(isinstance(v, str) and v.strip() for v in content):
        raise fail("content", "'content' must be a path or a list of paths (pages or folders of pages)")
    front_matter = table.get("front-matter")
    if front_matter is not None and (
        not isinstance(front_matter, list) or not all(isinstance(v, str) and v for v in front_matter)
    ):
        raise fail("front-matter", "'front-matter' must be a list of field names (title, description, ...)")

    source_language = table.get("source-language")
    if source_language is not None and (not isinstance(source_language, str) or to_tag(source_language) is None):
        raise fail("source-language", "'source-language' must be a language code (en, fr, ...)")

    min_coverage = None
    if "min-coverage" in table:
        min_coverage = _percent(table["min-coverage"], lambda m: fail("min-coverage", m))

    return Config(
        source=path,
        catalogs=path_value("catalogs"),
        template=path_value("template"),
        glossary=path_value("glossary"),
        fail_on=fail_on,
        min_coverage=min_coverage,
        select=selectors("select"),
        ignore=selectors("ignore"),
        language_min_coverage=per_language,
        language_select=language_select,
        language_ignore=language_ignore,
        severities=severities,
        baseline=path_value("baseline"),
        content=tuple(folder / value for value in content),
        front_matter=tuple(front_matter) if front_matter is not None else None,
        source_language=source_language,
    )


def _table_line(text: str, name: str) -> int:
    """The line of a ``[name]`` table header, 0 for the top level."""
    if not name:
        return 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().replace(" ", "") == f"[{name}]":
            return number
    return 0


def _percent(value: Any, fail: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise fail("'min-coverage' must be a number from 0 to 100")
    return float(value)


def run_options(
    config: Config,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    min_coverage: float | None = None,
    termbase: Termbase | None = None,
    baseline: Counter[str] | None = None,
) -> Options:
    """The engine options a configuration gives, with command-line values winning.

    A library user with a ``transkit.toml`` gets the same run as ``transkit check``.
    """
    return Options(
        selection=Selection(tuple(select) or config.select, tuple(ignore) or config.ignore),
        language_selection={
            code: Selection(config.language_select.get(code, ()), config.language_ignore.get(code, ()))
            for code in {*config.language_select, *config.language_ignore}
        },
        severities=config.severities,
        min_coverage=min_coverage if min_coverage is not None else config.min_coverage,
        language_min_coverage=config.language_min_coverage,
        termbase=termbase if termbase is not None else Termbase(),
        baseline=baseline,
        source_language=config.source_language or DEFAULT_SOURCE_LANGUAGE,
    )
