"""A cached ``check`` gives the very report a run without the cache gives, whatever was
edited between runs.

Hypothesis edits a small project's catalogs in turn (a translation rewritten, a comment or
marker added, lines shifted, a message added, dropped, moved or written twice, a header
field changed, a catalog broken, removed or put back as it was) and after
each edit compares, as written in JSON, SARIF and French text, the report of a run that
uses the cache (the changed catalogs checked again, the others' results and the run's
index read back), of a second cached run (answered by the index alone) and of a run
without the cache. A changed catalog's unchanged messages are not checked again by the
entry-local checks: their findings come from the cache, at the messages' new lines.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import CATALOGS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.api.checking import check_paths
from transkit.errors import TranskitError
from transkit.model.findings import Report
from transkit.reporting import json_report, sarif, text

LANGUAGES = ("fr", "ru", "ar")
PIECES = ("%s", "%(name)s", "{count}", "<b>", "</b>", " ", "  ", "078 055 800", "…", "!", "Appel", "ligne", "\\n")
"""What a rewritten translation is made of: pieces that placeholder, markup, whitespace,
number and punctuation checks look at."""

HEADERS = (
    "Language-Team: another team",
    "Plural-Forms: nplurals=1; plural=0;",
    "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);",
    "Language: ps",
)
"""Header lines an edit puts in place of the header's line of the same field."""

texts = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
edits = st.one_of(
    st.tuples(st.just("translate"), st.sampled_from(LANGUAGES), st.integers(0, 200), texts),
    st.tuples(st.just("comment"), st.sampled_from(LANGUAGES), st.integers(0, 200), st.just("")),
    st.tuples(st.just("marker"), st.sampled_from(LANGUAGES), st.integers(0, 200), st.sampled_from(("S", "P", "all"))),
    st.tuples(st.just("shift"), st.sampled_from(LANGUAGES), st.just(0), st.just("")),
    st.tuples(st.just("add"), st.sampled_from(LANGUAGES), st.integers(0, 200), texts),
    st.tuples(st.just("drop"), st.sampled_from(LANGUAGES), st.integers(0, 200), st.just("")),
    st.tuples(st.just("move"), st.sampled_from(LANGUAGES), st.integers(0, 200), st.just("")),
    st.tuples(st.just("duplicate"), st.sampled_from(LANGUAGES), st.integers(0, 200), st.just("")),
    st.tuples(st.just("header"), st.sampled_from(LANGUAGES), st.just(0), st.sampled_from(HEADERS)),
    st.tuples(st.just("break"), st.sampled_from(LANGUAGES), st.just(0), st.just("")),
    st.tuples(st.just("remove"), st.sampled_from(LANGUAGES), st.just(0), st.just("")),
    st.tuples(st.just("restore"), st.sampled_from(LANGUAGES), st.just(0), st.just("")),
)


def _apply(edit: tuple[str, str, int, str], folder: Path) -> None:
    kind, language, number, value = edit
    path = folder / f"{language}.po"
    original = (CATALOGS / f"{language}.po").read_text(encoding="utf-8")
    if kind == "restore":
        path.write_text(original, encoding="utf-8")
        return
    if kind == "remove":
        path.unlink(missing_ok=True)
        return
    if kind == "break":
        path.write_text('msgid "unterminated\n', encoding="utf-8")
        return
    if not path.exists() or not path.read_text(encoding="utf-8").startswith(original[:20]):
        path.write_text(original, encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if kind == "shift":
        lines.insert(0, "# a translator's note\n")
    elif kind == "header":
        field = value.split(":")[0]
        lines = [f'"{value}\\n"\n' if line.startswith(f'"{field}:') else line for line in lines]
    elif kind in ("add", "drop", "move", "duplicate"):
        # The n-th message block (its comments included) after the header, counting round.
        blocks = [i for i, line in enumerate(lines) if line.startswith("msgid ") and line != 'msgid ""\n']
        at = blocks[number % len(blocks)]
        start = max(i for i in range(at + 1) if i == 0 or lines[i - 1].strip() == "")
        end = next((i + 1 for i in range(at, len(lines)) if lines[i].strip() == ""), len(lines))
        block = lines[start:end]
        if not block[-1].endswith("\n"):
            block[-1] += "\n"
        if kind == "add":
            new = [f'msgid "{value} ({number})"\n' if line.startswith("msgid ") else line for line in block]
            lines[end:end] = [*new[:-1], new[-1] if new[-1].strip() == "" else new[-1] + "\n"]
        elif kind == "drop":
            del lines[start:end]
        elif kind == "move":
            del lines[start:end]
            lines.extend(["\n", *block])
        else:
            lines.extend(["\n", *block])
    else:
        # The n-th translated message (after the header), counting round.
        translations = [i for i, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""\n']
        at = translations[number % len(translations)]
        if kind == "translate":
            lines[at] = f'msgstr "{value}"\n'
        else:
            start = max(i for i in range(at + 1) if i == 0 or lines[i - 1].strip() == "")
            comment = "# edited\n" if kind == "comment" else f"# transkit-ignore: {value}\n"
            lines.insert(start, comment)
    path.write_text("".join(lines), encoding="utf-8")


def _written(report: Report | str) -> tuple[str, ...]:
    if isinstance(report, str):
        return (report,)
    written = []
    for render in (json_report.render, sarif.render, text.render):
        stream = io.StringIO()
        render(report, stream)
        written.append(stream.getvalue())
    return tuple(written)


def _check(cache: bool) -> tuple[str, ...]:
    try:
        return _written(check_paths(cache=cache, jobs=1))
    except TranskitError as error:  # every catalog unreadable: the same error either way
        return (str(error),)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(edits, min_size=1, max_size=5))
def test_a_cached_report_is_the_report_of_a_fresh_run(steps, monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "catalogs").mkdir()
        shutil.copy(CATALOGS / "campaign.pot", root / "catalogs")
        for language in LANGUAGES:
            shutil.copy(CATALOGS / f"{language}.po", root / "catalogs")
        shutil.copytree(ROOT / "glossary", root / "glossary")
        monkeypatch.chdir(root)
        monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(root / "cache"))
        monkeypatch.setenv("LANGUAGE", "fr")  # the text report speaks French: the messages' templates are used
        _check(cache=True)
        (index,) = (root / "cache").glob("check-*.json")
        assert "catalogs" in json.loads(index.read_bytes())  # the report is stored as an index of its catalogs
        for step in steps:
            _apply(step, root / "catalogs")
            warm = _check(cache=True)
            again = _check(cache=True)
            fresh = _check(cache=False)
            assert warm == fresh, step
            assert again == fresh, step
        assert os.listdir(root / "cache")
