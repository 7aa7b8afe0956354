"""``transkit report --history N``: coverage and errors per language over the last N
commits that changed the catalogs, read from git, and what the report says without git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, PROJECTS, ROOT

import transkit
from transkit.cli import main
from transkit.engine.context import Options
from transkit.reporting.history import read_history

NOW = "2026-01-01T00:00:00Z"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")


def git(folder: Path, *args: str, date: str = "2026-03-01T10:00:00+00:00") -> str:
    environment = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        environment.pop(variable, None)
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repository(in_tmp: Path) -> Path:
    """Three commits: the flat project; Dutch translated further; a README only."""
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    git(in_tmp, "init", "-q", "-b", "main")
    git(in_tmp, "add", ".")
    git(in_tmp, "commit", "-q", "-m", "Catalogs as received", date="2026-03-01T10:00:00+00:00")
    dutch = in_tmp / "catalogs" / "nl.po"
    text = dutch.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "You can get help even if you have no residence permit."\nmsgstr ""',
        'msgid "You can get help even if you have no residence permit."\nmsgstr "Ook zonder verblijfsvergunning krijgt u hulp."',
    )
    dutch.write_text(text, encoding="utf-8")
    git(in_tmp, "commit", "-q", "-am", "Dutch: one more message", date="2026-03-02T10:00:00+00:00")
    (in_tmp / "README.md").write_text("not a catalog\n", encoding="utf-8")
    git(in_tmp, "add", "README.md")
    git(in_tmp, "commit", "-q", "-m", "A README", date="2026-03-03T10:00:00+00:00")
    return in_tmp


def test_history_reads_the_commits_that_changed_the_catalogs(repository: Path) -> None:
    project = transkit.load_project(["catalogs"])
    history = read_history(project, Options(), 10)
    assert history.unavailable is None
    assert [point.subject for point in history.points] == ["Catalogs as received", "Dutch: one more message"]
    first, second = history.points
    assert second.percent["nl"] > first.percent["nl"]
    assert first.percent["fr"] == second.percent["fr"] == 100.0
    assert history.last_changed == {"fr": "2026-03-01T10:00:00+00:00", "nl": "2026-03-02T10:00:00+00:00"}
    assert [p.subject for p in read_history(project, Options(), 1).points] == ["Dutch: one more message"]


def test_report_draws_the_trend_as_inline_svg(repository: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--now", NOW, "--history", "5"])
    assert result.exit_code == 0, result.output
    page = Path("report.html").read_text(encoding="utf-8")
    section = page.split('<section id="history"')[1].split("</section>")[0]
    assert section.count("<li><time") == 2 and "Dutch: one more message" in section
    nl = section.split('<tr data-lang="nl">')[1].split("</tr>")[0]
    assert nl.count("<circle") == 2 and "<polyline" in nl  # a line through both commits
    assert 'role="img"' in nl and "33.3 %" in nl and "50.0 %" in nl  # the numbers as text too
    assert '<time datetime="2026-03-02T10:00:00+00:00">2026-03-02</time>' in nl
    assert "<script" not in section


def test_without_git_the_report_says_history_is_unavailable(in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "flat", in_tmp / "catalogs")
    ceiling = {"GIT_CEILING_DIRECTORIES": str(in_tmp.parent)}  # no repository above the folder
    result = CliRunner(env=ceiling).invoke(main, ["report", "--now", NOW, "--history", "3"])
    assert result.exit_code == 0, result.output
    page = Path("report.html").read_text(encoding="utf-8")
    assert "History is unavailable: no git history" in page
    assert any(line.startswith("transkit: --history: no git history (") for line in result.stderr.splitlines())


def test_no_history_section_unless_asked(repository: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--now", NOW])
    assert result.exit_code == 0, result.output
    assert 'id="history"' not in Path("report.html").read_text(encoding="utf-8")


def test_history_of_this_repository_has_the_commits_that_changed_its_catalogs() -> None:
    """The repository's own catalogs: at least the commits that changed them (a copy
    without its .git folder has none, and the test is skipped)."""
    try:
        git(ROOT, "rev-parse", "--git-dir")
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout")
    project = transkit.load_project([CATALOGS])
    files = [os.path.relpath(path, ROOT) for path in (project.template.path, *(c.path for c in project.catalogs))]
    changed = git(ROOT, "log", "-n5", "--format=%h", "--", *files).split()
    if not changed:
        pytest.skip("a shallow clone without the commits that changed the catalogs")
    history = read_history(project, Options(), 5)
    assert history.unavailable is None
    assert {point.commit for point in history.points} >= set(changed)
    assert set(history.points[-1].percent) >= {"fr", "ar", "zh_Hans"}


def test_history_of_several_domains_covers_the_commits_of_each() -> None:
    """The report of every domain (application, site, press) reads the commits that changed
    any of their catalogs, a language's coverage taken over all of its domains."""
    try:
        git(ROOT, "rev-parse", "--git-dir")
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout")
    changed = git(ROOT, "log", "-n3", "--format=%h", "--", "catalogs").split()
    if not changed:
        pytest.skip("a shallow clone without the commits that changed the catalogs")
    editors = transkit.report_paths([CATALOGS], history=3)
    assert len(editors.report.domains) > 1
    history = editors.history
    assert history is not None and history.unavailable is None
    assert {point.commit for point in history.points} >= set(changed)
    assert set(history.points[-1].percent) >= {"fr", "ar", "zh_Hans"}
