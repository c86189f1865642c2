"""Writing outputs safely: atomically, and with spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io
import os
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
    folder, then an atomic rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise NetlensError(f"{target}: the folder {folder} does not exist — create it first")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as fh:
            fh.write(payload)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        raise NetlensError(f"{target}: cannot be written ({exc.strerror})") from exc
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
