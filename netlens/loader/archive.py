"""Find the export's files, whatever form EXPORT takes: a CSV file, a folder, or a zip.

A zip is read in place, never extracted to disk, with limits on its total uncompressed size
and on each member's compression ratio (a zip bomb is refused, not unpacked). LinkedIn's
``….zip.zip`` downloads are ordinary zips; a zip whose only content is another zip is
opened one level down too.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from netlens.errors import ExportNotFoundError, UnreadableExportError
from netlens.loader import inflate

__all__ = ["FILE_KINDS", "Export", "Member", "file_kind", "open_export"]

# Normalised file name (lower case, no spaces, underscores or extension) → file kind.
FILE_KINDS = {
    "connections": "connections",
    "messages": "messages",
    "invitations": "invitations",
    "endorsementreceivedinfo": "endorsements_received",
    "endorsementgiveninfo": "endorsements_given",
    "recommendationsreceived": "recommendations_received",
    "recommendationsgiven": "recommendations_given",
    "profile": "profile",
    "positions": "positions",
}

MAX_TOTAL_BYTES = 4 * 1024**3  # real exports with years of messages stay far below this
MAX_RATIO = 200  # CSV deflates about 5-20×; far beyond that is a bomb, not an export
RATIO_FLOOR_BYTES = 1024**2  # tiny members may compress oddly well; judge ratio above this
MAX_INNER_ZIP_BYTES = 1024**3
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def file_kind(name: str) -> str | None:
    """The kind of export file ``name`` is (``"messages"``, …), or None if netlens ignores it."""
    stem = PurePosixPath(name).name
    if not stem.lower().endswith(".csv"):
        return None
    key = re.sub(r"[\s_]+", "", stem[:-4].lower())
    return FILE_KINDS.get(key)


@dataclass
class Member:
    """One file of the export. ``open()`` gives a fresh binary stream each time;
    ``damage()`` says what is wrong with a zip member whose data is corrupt (else None)."""

    name: str  # path relative to the export root, '/'-separated
    size: int
    open: Callable[[], BinaryIO]
    damage: Callable[[], str | None] = lambda: None


@dataclass
class Export:
    """The files of one export: recognised ones by kind, and the rest, ignored."""

    source: Path
    files: dict[str, Member] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    single_file: bool = False  # EXPORT was a CSV file, read as Connections.csv


@contextmanager
def open_export(path: str | os.PathLike[str]) -> Iterator[Export]:
    """Open EXPORT (a CSV file, an export folder or an export zip) and list its files."""
    source = Path(path).expanduser()
    if not source.exists():
        raise ExportNotFoundError(
            f"{source}: no such file or folder — pass the LinkedIn export zip, "
            "its extracted folder, or Connections.csv"
        )
    if source.is_dir():
        yield _classify(source, _folder_members(source), where=f"folder {source}")
        return
    if _is_zip(source):
        with _open_zip(source) as members:
            yield _classify(source, members, where=f"zip {source}")
        return
    if source.suffix.lower() == ".zip":
        raise UnreadableExportError(
            f"{source}: not a valid zip file (it may be a partial download) — "
            "download the export from LinkedIn again"
        )
    size = source.stat().st_size
    yield Export(
        source=source,
        files={"connections": Member(source.name, size, lambda: source.open("rb"))},
        single_file=True,
    )


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) in ZIP_MAGIC
    except OSError as exc:
        raise UnreadableExportError(f"{path}: cannot be read ({exc.strerror})") from exc


def _folder_members(root: Path) -> list[Member]:
    members = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            full = Path(dirpath, filename)
            rel = full.relative_to(root).as_posix()
            members.append(Member(rel, full.stat().st_size, _opener(full)))
    return members


def _opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: path.open("rb")


@contextmanager
def _open_zip(
    path: Path | PurePosixPath, data: bytes | None = None, depth: int = 0
) -> Iterator[list[Member]]:
    name = str(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UnreadableExportError(
            f"{name}: not a readable zip file ({exc}) — it may be truncated; "
            "download the export from LinkedIn again"
        ) from exc
    with archive:
        infos = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and not PurePosixPath(info.filename).name.startswith(".")
        ]
        _check_zip_limits(name, infos)
        inner = [info for info in infos if info.filename.lower().endswith(".zip")]
        if depth == 0 and len(inner) == 1 and not any(file_kind(i.filename) for i in infos):
            # A zip that only wraps the real export zip: open that one, in memory.
            if inner[0].file_size > MAX_INNER_ZIP_BYTES:
                raise UnreadableExportError(f"{name}: the zip inside it is too large to read")
            blob = _read_member(archive, inner[0], name)
            with _open_zip(PurePosixPath(inner[0].filename), blob, depth + 1) as members:
                yield members
            return
        yield [
            Member(
                info.filename,
                info.file_size,
                _zip_opener(archive, info, name),
                _zip_damage(archive, info),
            )
            for info in infos
        ]


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str) -> bytes:
    try:
        with archive.open(info) as fh:
            return fh.read()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise UnreadableExportError(
            f"{zip_name}: {info.filename} cannot be unpacked ({exc}) — "
            "download the export from LinkedIn again"
        ) from exc


def _zip_opener(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str
) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        try:
            return inflate.open_member(archive, info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableExportError(
                f"{zip_name}: {info.filename} cannot be unpacked ({exc}) — "
                "download the export from LinkedIn again"
            ) from exc

    return open_member


def _zip_damage(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], str | None]:
    def damage() -> str | None:
        try:
            with archive.open(info) as fh:
                while fh.read(1024**2):
                    pass
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            return str(exc) or type(exc).__name__
        return None

    return damage


def _check_zip_limits(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise UnreadableExportError(
            f"{name}: unpacks to {total / 1024**3:.1f} GiB, more than the "
            f"{MAX_TOTAL_BYTES / 1024**3:.0f} GiB a LinkedIn export can hold — refusing to read it"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise UnreadableExportError(
                f"{name}: {info.filename} is compressed {ratio:.0f}-fold, which no real "
                "export is (a zip bomb?) — refusing to read it"
            )


def _classify(source: Path, members: list[Member], where: str) -> Export:
    """Pick the export's root (where Connections.csv is: top level or one folder down)."""
    candidates = [
        m
        for m in members
        if file_kind(m.name) == "connections" and len(PurePosixPath(m.name).parts) <= 2
    ]
    if not candidates:
        found = ", ".join(m.name for m in members[:6]) or "nothing"
        more = f" and {len(members) - 6} more" if len(members) > 6 else ""
        zips = [m.name for m in members if m.name.lower().endswith(".zip")]
        if zips and where.startswith("folder"):
            raise ExportNotFoundError(
                f"{where}: no Connections.csv found, but it holds {zips[0]} — pass that zip itself"
            )
        raise ExportNotFoundError(
            f"{where}: no Connections.csv found (it holds {found}{more}) — pass the export "
            "LinkedIn sent you (Settings → Data privacy → Get a copy of your data)"
        )
    connections = min(candidates, key=lambda m: (len(PurePosixPath(m.name).parts), m.name))
    root = PurePosixPath(connections.name).parent
    export = Export(source=source)
    for member in members:
        path = PurePosixPath(member.name)
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else member.name
        kind = file_kind(member.name) if path.parent == root else None
        if kind and kind not in export.files:
            export.files[kind] = Member(rel, member.size, member.open, member.damage)
        else:
            export.ignored.append(rel)
    export.ignored.sort()
    return export
