"""Writing outputs safely: atomically, and with spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from netlens.errors import NetlensError
from netlens.text import neutralise

__all__ = ["BOM", "check_not_input", "csv_text", "write_atomic"]

BOM = "\ufeff"


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row; text cells neutralised (:func:`netlens.text.neutralise`);
    None as empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue()


def check_not_input(
    target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse to write ``target`` when it is one of ``inputs`` or a file inside an input
    folder (an extracted export), however either is spelled: both are resolved through
    symbolic links first."""
    where = Path(target).expanduser().resolve()
    for source in inputs:
        source_path = Path(source).expanduser().resolve()
        inside = source_path.is_dir() and where.is_relative_to(source_path) and where.exists()
        if where == source_path or inside:
            raise NetlensError(
                f"{_short(target)} is one of this command's inputs"
                + (f" (inside {_short(source)})" if inside else "")
                + "; netlens never overwrites its inputs — write to another file"
            )


def _short(path: str | os.PathLike[str]) -> str:
    text = str(path)
    return text if len(text) <= 100 else f"…{text[-99:]}"


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write a file so that it is either complete or untouched: a temporary file in the same
    folder, then an atomic rename. A symbolic link is followed: the file it points to is
    replaced, the link kept. What is written in place, appended, is listed by
    :func:`_in_place`."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _in_place(target):
        try:
            # Appended: /dev/stdout of `netlens … >> log.txt` is log.txt, opened to append.
            with open(target, "ab") as fh:
                fh.write(payload)
        except OSError as exc:
            raise NetlensError(f"{target}: cannot be written ({exc.strerror})") from exc
        return target
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.is_dir():
        raise NetlensError(f"{target}: the folder {folder} does not exist — create it first")
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{real.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as fh:
            fh.write(payload)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        os.replace(temp, real)
    except OSError as exc:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        raise NetlensError(f"{target}: cannot be written ({exc.strerror})") from exc
    return target


def _in_place(target: Path) -> bool:
    """Whether ``target`` is written to as it is rather than replaced: a device or a named
    pipe (a FIFO), which holds nothing to keep whole and which a rename would put a file
    in the place of; and an open file of a process (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``, or a link to one), which the shell opened for netlens, whatever it
    is — replacing it would cut it off from what already wrote to it."""
    try:
        mode = target.stat().st_mode  # through any link
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return True
    if os.path.abspath(target).startswith(("/dev/", "/proc/")):
        return True
    try:
        return target.is_symlink() and os.readlink(target).startswith(("/dev/", "/proc/"))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
