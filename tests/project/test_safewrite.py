"""Writes survive a ``kill -9`` at any moment, and two updates never interleave.

These run real processes and real signals: the point is what the file system holds
after a process dies, which no mock can show.
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import CATALOGS, OTHER_DOMAINS, ROOT

from transkit.errors import TranskitError
from transkit.project.safewrite import LOCK_NAME, LockBusy, folder_lock, remove_leftovers, write_atomically

TRANSKIT = [sys.executable, "-m", "transkit"]


def test_write_atomically_replaces_and_keeps_permissions(tmp_path: Path):
    target = tmp_path / "fr.po"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["fr.po"]


def test_write_into_a_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(TranskitError, match="cannot write"):
        write_atomically(tmp_path / "missing" / "fr.po", "x")


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from transkit.project.safewrite import write_atomically
    target = Path(sys.argv[1])
    versions = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
    print("ready", flush=True)
    i = 0
    while True:
        write_atomically(target, versions[i % 2])
        i += 1
    """
)


def test_a_killed_writer_leaves_the_old_or_the_new_file(tmp_path: Path):
    """kill -9 a process that keeps rewriting a 20 MB catalog; after every kill the file
    is exactly one of the two versions, never a truncated or mixed one."""
    first = (CATALOGS / "fr.po").read_bytes() * 90
    second = (CATALOGS / "de.po").read_bytes() * 90
    (tmp_path / "a").write_bytes(first)
    (tmp_path / "b").write_bytes(second)
    target = tmp_path / "folder" / "big.po"
    target.parent.mkdir()
    target.write_bytes(first)
    rng = random.Random(7)
    for _ in range(12):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(tmp_path / "a"), str(tmp_path / "b")],
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        assert process.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert target.read_bytes() in (first, second)
    # what the killed writers left behind is recognisable and cleaned up under the lock
    leftovers = remove_leftovers(target.parent)
    assert all(p.name.startswith(".big.po.") for p in leftovers)
    assert [p.name for p in target.parent.iterdir()] == ["big.po"]


def _with_context(body: str, n: int) -> str:
    """Every message of ``body`` under a context of its own (``copy n``)."""
    lines = []
    previous = ""
    for line in body.split("\n"):
        keyword = re.match(r'^(#~ )?(msgctxt|msgid) "', line)
        if keyword and keyword.group(2) == "msgctxt":
            line = line.replace('msgctxt "', f'msgctxt "copy {n} ', 1)
        elif keyword and not re.match(r'^(#~ )?(msgctxt |")', previous):
            lines.append(f'{keyword.group(1) or ""}msgctxt "copy {n}"')
        lines.append(line)
        previous = line
    return "\n".join(lines)


def _big_project(folder: Path, copies: int = 10) -> None:
    """The campaign with its catalogs 10 times longer (each message once per copy, under
    its own context), and a template that changed, so an update rewrites every file."""
    folder.mkdir()
    for source in sorted(p for p in CATALOGS.iterdir() if p.is_file()):  # the application's domain
        text = source.read_text(encoding="utf-8")
        header, _, body = text.partition("\n\n")
        text = header + "\n\n" + body + "".join("\n" + _with_context(body, n) for n in range(1, copies))
        if source.suffix == ".pot":
            text = text.replace("POT-Creation-Date: 2023-07-10 09:00+0200", "POT-Creation-Date: 2024-03-01 08:00+0100")
            text = text.replace('msgid "Call', 'msgid "Please call')
        (folder / source.name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes], float]:
    """A big project, its files before an update, and after one (run to completion)."""
    base = tmp_path_factory.mktemp("big")
    _big_project(base / "before")
    after = base / "after"
    shutil.copytree(base / "before", after)
    started = time.monotonic()
    done = subprocess.run([*TRANSKIT, "update", str(after)], capture_output=True, text=True, cwd=ROOT)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr

    def read(folder):
        return {p.name: p.read_bytes() for p in folder.glob("*.po")}

    old, new = read(base / "before"), read(after)
    assert old.keys() == new.keys() and all(old[name] != new[name] for name in old)
    return base / "before", old, new, duration


def test_a_killed_update_leaves_every_catalog_old_or_new(big_project, tmp_path: Path):
    """kill -9 an update while it writes (once its first catalog has been replaced, a
    few milliseconds later each time): every catalog is complete, old or new."""
    original, old, new, duration = big_project
    rng = random.Random(11)
    attempts = 3
    written_before_kill = []
    for attempt in range(attempts):
        work = tmp_path / f"run{attempt}"
        shutil.copytree(original, work)
        inodes = {path: path.stat().st_ino for path in work.glob("*.po")}
        process = subprocess.Popen(
            [*TRANSKIT, "update", str(work)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
        )
        deadline = time.monotonic() + 10 * duration + 10
        while time.monotonic() < deadline and all(p.stat().st_ino == i for p, i in inodes.items()):
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait()
        new_ones = 0
        for path in work.glob("*.po"):
            # the revision date is the time of each run: compare the rest, all of it
            text = read_without_date(path)
            assert text in (read_without_date_bytes(old[path.name]), read_without_date_bytes(new[path.name])), path.name
            new_ones += text == read_without_date_bytes(new[path.name])
        written_before_kill.append(new_ones)
    # the kills did land in the writing phase
    assert all(count >= 1 for count in written_before_kill), written_before_kill
    # the next run finishes the job and removes what the killed one left behind
    done = subprocess.run([*TRANSKIT, "update", str(work)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert not list(work.glob(".*.transkit-tmp"))
    for name in old:
        assert read_without_date(work / name) == read_without_date_bytes(new[name]), name


def read_without_date(path: Path) -> str:
    return read_without_date_bytes(path.read_bytes())


def read_without_date_bytes(data: bytes) -> str:
    return re.sub(r'"PO-Revision-Date: [^"]*"', "", data.decode("utf-8"))


def test_a_held_lock_stops_an_update_with_a_clear_error(tmp_path: Path):
    project = tmp_path / "catalogs"
    shutil.copytree(CATALOGS, project, ignore=OTHER_DOMAINS)
    before = {p.name: p.read_bytes() for p in project.iterdir()}
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
            import time
            from pathlib import Path
            from transkit.project.safewrite import folder_lock
            with folder_lock(Path({str(project)!r})):
                print("locked", flush=True)
                time.sleep(30)
            """
            ),
        ],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline() == b"locked\n"
        done = subprocess.run(
            [*TRANSKIT, "update", str(project), "--lock-timeout", "0.5"], capture_output=True, text=True, cwd=ROOT
        )
        assert done.returncode == 2
        assert "another transkit command is updating these catalogs" in done.stderr
        assert "Traceback" not in done.stderr
        after = {p.name: p.read_bytes() for p in project.iterdir() if p.name != LOCK_NAME}
        assert after == before
    finally:
        holder.kill()
        holder.wait()
    # a lock whose holder died is free at once
    with folder_lock(project, timeout=0):
        pass


def test_lock_is_exclusive_within_one_process_too(tmp_path: Path):
    with folder_lock(tmp_path):
        with pytest.raises(LockBusy):
            with folder_lock(tmp_path, timeout=0.1):
                pass


def test_concurrent_updates_do_not_interleave(big_project, tmp_path: Path):
    """Two updates started together: one merges, the other waits for it and then finds
    every catalog up to date; the result is the one a single update gives."""
    original, old, new, _ = big_project
    work = tmp_path / "work"
    shutil.copytree(original, work)
    runs = [
        subprocess.Popen(
            [*TRANSKIT, "update", str(work)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    summaries = sorted(out.strip().splitlines()[-1] for out, _ in outputs)
    assert summaries == [f"Updated 0 of {len(old)} catalogs.", f"Updated {len(old)} of {len(old)} catalogs."]
    for name in old:
        assert read_without_date(work / name) == read_without_date_bytes(new[name]), name
