"""The catalogs' history from git, for ``transkit report --history N``.

Editors ask "is this language getting better or worse, and when did anyone last touch
it?".  The answer is in the repository: the last N commits that changed the template or a
catalog are read with the ``git`` command (no network: ``git log``, ``git ls-tree`` and
``git archive`` on the local object store), each commit's files are checked with today's
checks and termbase, and the report draws coverage and error counts per language over
those commits, with the date each language's catalog last changed.

Only the ``git`` command is used, so no library is needed; when git is missing or the
catalogs are not in a repository the history says why it is unavailable, and the rest of
the report is unaffected.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from transkit.engine.context import Options
from transkit.engine.runner import run
from transkit.errors import TranskitError
from transkit.model.catalog import Project
from transkit.model.findings import Severity
from transkit.project.locate import load_project

GIT_TIMEOUT = 60
"""Seconds any one git command may take: a local repository answers in far less."""


@dataclass(frozen=True)
class Point:
    """The catalogs as one commit left them."""

    commit: str
    """Abbreviated hash."""
    date: str
    """Committer date, ISO 8601."""
    subject: str
    percent: dict[str, float] = field(default_factory=dict)
    """Messages translated, percent, per language present at that commit."""
    errors: dict[str, int] = field(default_factory=dict)
    """Error findings per language at that commit (today's checks)."""


@dataclass(frozen=True)
class History:
    """The last commits that changed the catalogs, oldest first; or why there are none."""

    points: tuple[Point, ...] = ()
    last_changed: dict[str, str] = field(default_factory=dict)
    """Language code → committer date of the last commit that changed its catalog."""
    unavailable: str | None = None
    """Why no history could be read (no git, not a repository); None when it was read."""

    @property
    def languages(self) -> list[str]:
        codes = {code for point in self.points for code in point.percent} | set(self.last_changed)
        return sorted(codes, key=str.lower)


class _GitError(Exception):
    pass


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
            env=_environment(),
        )
    except FileNotFoundError:
        raise _GitError("the git command is not installed") from None
    except subprocess.TimeoutExpired:
        raise _GitError(f"git {args[0]} took longer than {GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout


def _environment() -> dict[str, str]:
    """git's environment: never a prompt, no lock taken, and no ``GIT_DIR`` and the like
    from a caller (a hook) pointing git at another repository than the catalogs'."""
    environment = {key: value for key, value in os.environ.items() if key not in _REPOSITORY_VARIABLES}
    environment.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return environment


_REPOSITORY_VARIABLES = frozenset({"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"})


def read_history(project: Project | Sequence[Project], options: Options, limit: int) -> History:
    """The last ``limit`` commits that changed the project's template or catalogs, each
    checked with ``options``; an unavailable history (with its reason) when git cannot
    give one.  ``project`` may be several projects, one per domain: a language's coverage
    at a commit is then over all of its domains' messages."""
    projects = [project] if isinstance(project, Project) else list(project)
    groups = [[p.template.path, *(catalog.path for catalog in p.catalogs)] for p in projects]
    files = [path for group in groups for path in group]
    try:
        root = Path(_git(files[0].resolve().parent, "rev-parse", "--show-toplevel").decode().strip())
        domains = [[path.resolve().relative_to(root.resolve()).as_posix() for path in group] for group in groups]
    except _GitError as error:
        return History(unavailable=f"no git history ({error})")
    except ValueError:
        return History(unavailable="no git history (the catalogs are outside the repository)")
    codes = {rel: catalog.code for rels, p in zip(domains, projects) for rel, catalog in zip(rels[1:], p.catalogs)}
    relative = list(dict.fromkeys(rel for rels in domains for rel in rels))
    catalogs = [rel for rel in relative if rel in codes]
    try:
        log = _git(root, "log", f"-n{limit}", "--format=%h%x1f%cI%x1f%s", "--", *relative).decode("utf-8", "replace")
        last = _last_changed(root, catalogs, codes)
        commits = [line.split("\x1f", 2) for line in log.splitlines() if line.count("\x1f") == 2]
        points = [_point(root, commit, date, subject, domains, options) for commit, date, subject in commits]
    except _GitError as error:
        return History(unavailable=f"git could not read the history ({error})")
    if not points:
        return History(last_changed=last, unavailable="no commit has changed the catalogs yet")
    return History(points=tuple(reversed(points)), last_changed=last)


def _last_changed(root: Path, relative: Sequence[str], codes: dict[str, str]) -> dict[str, str]:
    """One ``git log`` over every catalog: the first date each path appears with is its last change."""
    output = _git(root, "log", "--format=\x1e%cI", "--name-only", "--", *relative).decode("utf-8", "replace")
    last: dict[str, str] = {}
    for record in output.split("\x1e")[1:]:
        date, *names = [line for line in record.splitlines() if line.strip()]
        for name in names:
            code = codes.get(name)
            if code is not None and code not in last:
                last[code] = date
    return last


def _point(
    root: Path, commit: str, date: str, subject: str, domains: Sequence[Sequence[str]], options: Options
) -> Point:
    """Check the files as ``commit`` left them, in a scratch folder laid out like the
    repository; ``domains``: each domain's template then catalogs, relative to ``root``."""
    wanted = list(dict.fromkeys(rel for rels in domains for rel in rels))
    present = _git(root, "ls-tree", "-r", "--name-only", commit, "--", *wanted).decode("utf-8").splitlines()
    checked = [
        (rels[0], [path for path in rels[1:] if path in present])
        for rels in domains
        if rels[0] in present and any(path in present for path in rels[1:])
    ]
    if not checked:
        return Point(commit, date, subject)
    archive = _git(root, "archive", "--format=tar", commit, "--", *present)
    weighted: dict[str, list[tuple[float, int]]] = {}
    errors: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="transkit-history-") as scratch:
        base = Path(scratch)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name in present and not PurePosixPath(member.name).is_absolute():
                    target = base / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    if source is not None:
                        target.write_bytes(source.read())
        for template, catalogs in checked:
            try:
                project = load_project([base / path for path in catalogs], template=base / template, base=base)
                report = run(project, options)
            except TranskitError:  # that commit's files cannot be read: a gap in the trend
                continue
            by_file = {catalog.display_path: catalog.code for catalog in project.catalogs}
            for item in report.coverage:
                if item.file in by_file:
                    weighted.setdefault(by_file[item.file], []).append((item.percent, item.total))
                    errors.setdefault(by_file[item.file], 0)
            for finding in report.findings:
                code = by_file.get(finding.file)
                if code is not None and finding.severity is Severity.ERROR:
                    errors[code] = errors.get(code, 0) + 1
    percent = {code: _overall(parts) for code, parts in weighted.items()}
    return Point(commit, date, subject, percent, {code: errors.get(code, 0) for code in percent})


def _overall(parts: Sequence[tuple[float, int]]) -> float:
    """A language's percent over its domains, each weighed by its number of messages."""
    if len(parts) == 1:
        return parts[0][0]
    total = sum(size for _, size in parts)
    if total == 0:
        return sum(value for value, _ in parts) / len(parts)
    return sum(value * size for value, size in parts) / total
