"""Writing files whole or not at all — reports, exports, imported case files — never over a
FIFO, device or link; temporaries of killed processes cleaned up."""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path


class WriteError(OSError):
    """A file of a build could not be written; says which, why, and what was and was not."""

    def __init__(
        self, path: Path, reason: str, written: Sequence[Path], unwritten: Sequence[Path]
    ) -> None:
        super().__init__(reason)
        self.path, self.reason = path, reason
        self.written, self.unwritten = tuple(written), tuple(unwritten)

    def __str__(self) -> str:
        done = (
            "nothing was written"
            if not self.written
            else "written: "
            + ", ".join(map(str, self.written))
            + "; not written: "
            + ", ".join(map(str, self.unwritten))
        )
        return f"cannot write {self.path}: {self.reason}; {done}"


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket, a link or a folder: never replaced."""


def _refuse_special(path: Path) -> None:
    """Only a regular file (or nothing) is replaced: a FIFO, device or link is left alone."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotRegularFile(
            errno.EEXIST, "it is not a regular file, and was left alone", str(path)
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: the file appears whole or not at all.

    The temporary file is `.<name>.<pid>.<random>.tmp` (hidden, never `<name>` itself); one left
    by a killed process is removed by the next write to the same path.
    """
    temporary = _stage(path, data)
    try:
        _refuse_special(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several files: all are staged as temporaries first, then renamed into place, so
    a failure while staging (an unwritable folder, a full disk) leaves nothing written.
    Raises `WriteError` naming the file, the reason, and what was and was not written."""
    staged: list[tuple[Path, str]] = []
    written: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for current, data in files:
            _refuse_special(current)
            staged.append((current, _stage(current, data)))
        for current, temporary in staged:
            _refuse_special(current)
            os.replace(temporary, current)
            written.append(current)
    except OSError as error:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        reason = error.strerror or str(error)
        unwritten = [path for path, _ in files if path not in written]
        raise WriteError(current, reason, written, unwritten) from None
    except BaseException:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
    return written


def _stage(path: Path, data: bytes) -> str:
    """`data` in a synced temporary file beside `path`; returns the temporary's path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of writes to `path` whose process no longer runs."""
    removed = []
    for temporary in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = temporary.name.removeprefix(f".{path.name}.").split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            temporary.unlink(missing_ok=True)
            removed.append(temporary)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
