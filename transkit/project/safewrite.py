"""Writes that never leave a catalog half-written, and a lock for commands that rewrite.

A catalog holds months of translators' work; a crash, a full disk or a second run in
another terminal must not cost any of it. Every file transkit writes goes to a temporary
file in the same folder, is flushed to disk, and then renamed over the old one: rename
within a folder is atomic, so a reader (or the next run after a ``kill -9``) sees the
old file or the new one, never a mixture.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from transkit.errors import TranskitError
from transkit.i18n import L_
from transkit.project.paths import display_path

TEMPORARY_SUFFIX = ".transkit-tmp"
LOCK_NAME = ".transkit.lock"


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) all at once.

    The new file keeps the old one's permissions, or gets the usual ones for a new file
    (mkstemp alone would leave it readable by its owner only).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, _mode_for(path))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise TranskitError(L_("cannot write: {reason}", reason=str(error.strerror or error)), str(path)) from None


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files a killed transkit left in ``folder``; call under the lock,
    when no other transkit can be writing them."""
    removed = []
    for leftover in folder.glob(f".*{TEMPORARY_SUFFIX}"):
        try:
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


class LockBusy(TranskitError):
    """Another transkit command holds the lock on the folder."""


@contextmanager
def folder_lock(folder: Path, timeout: float = 30.0) -> Iterator[Path]:
    """Hold an exclusive lock on ``folder``: a ``.transkit.lock`` file in it, locked
    with ``flock`` and removed on release, so the folder is left as it was.

    The system releases an ``flock`` when its holder exits, even when killed, so a crash
    never leaves a lock for a person to remove (a lock file left by a killed holder is
    simply locked again). Waits up to ``timeout`` seconds for another holder, then raises
    LockBusy.
    """
    lock_path = folder / LOCK_NAME
    deadline = time.monotonic() + timeout
    while True:
        handle = _open_lock(lock_path)
        try:
            locked = _try_lock(handle, lock_path)
            # The holder before us removes the file as it releases it; a lock on a file
            # no longer at lock_path protects nothing, so open the path again.
            if locked and _same_file(handle, lock_path):
                break
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)
        if not locked and time.monotonic() >= deadline:
            raise LockBusy(
                f"another transkit command is updating these catalogs "
                f"(waited {timeout:g} s for {LOCK_NAME}); try again when it has finished",
                str(folder),
            )
        if not locked:
            time.sleep(0.05)
    try:
        yield lock_path
    finally:
        lock_path.unlink(missing_ok=True)
        os.close(handle)


def _open_lock(lock_path: Path) -> int:
    try:
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise TranskitError(
            L_("cannot create the lock file (nothing written): {reason}", reason=str(error.strerror or error)),
            str(lock_path),
        ) from None


def _try_lock(handle: int, lock_path: Path) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise TranskitError(L_("cannot lock: {reason}", reason=str(error.strerror)), str(lock_path)) from None


def _same_file(handle: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(handle)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) or stop with a one-line reason."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TranskitError(
            L_("cannot create folder: {reason}", reason=str(error.strerror or error)), display_path(folder)
        ) from None


def check_writable(paths: Iterable[Path]) -> None:
    """Refuse before writing anything when a folder cannot take the new files: try it,
    since permission bits do not tell the whole story (root, read-only mounts)."""
    for folder in dict.fromkeys(path.parent for path in paths):
        try:
            handle, probe = tempfile.mkstemp(dir=folder, prefix=".transkit-probe-")
        except OSError as error:
            raise TranskitError(
                L_("folder is not writable (nothing written): {reason}", reason=str(error.strerror or error)),
                display_path(folder),
            ) from None
        os.close(handle)
        os.unlink(probe)


BUILD_MARKER = "build-report.json"
"""The file every folder :func:`replace_folder` writes holds: what tells a folder transkit
built (and may replace) from one it must not touch."""


def replace_folder(target: Path, files: dict[str, str | bytes]) -> None:
    """Make ``target`` hold exactly ``files`` (relative path → content), all at once.

    The files are written into a temporary folder beside ``target``, which is then
    renamed into place; a previous ``target`` is moved aside first and deleted last, so a
    reader sees the old folder or the new one, never a half-built one. A ``target`` that
    exists, is not empty and holds no :data:`BUILD_MARKER` is refused (``-o .`` must not
    delete a working folder).
    """
    shown = display_path(target)
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / BUILD_MARKER).is_file())):
        raise TranskitError(
            L_(
                "exists and is not a folder transkit built (no {marker}); choose another or remove it",
                marker=BUILD_MARKER,
            ),
            shown,
        )
    parent = target.parent
    make_folder(parent)
    try:
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX))
    except OSError as error:
        raise TranskitError(
            L_("folder is not writable (nothing written): {reason}", reason=str(error.strerror or error)), shown
        ) from None
    try:
        for relative, data in sorted(files.items()):
            path = staging / relative
            make_folder(path.parent)
            write_atomically(path, data)
        os.chmod(staging, _mode_for(target) | 0o111 if target.exists() else 0o777 & ~_umask())
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.old.", suffix=TEMPORARY_SUFFIX))
            os.replace(target, old / target.name)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_all(outputs: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write every file atomically, after making sure each folder can take its file (so
    that a read-only folder stops a command before the first file changes), clearing the
    temporary files an interrupted run left beside them."""
    if not outputs:
        return
    check_writable(path for path, _ in outputs)
    for folder in {path.parent for path, _ in outputs}:
        remove_leftovers(folder)
    for path, data in outputs:
        write_atomically(path, data)
