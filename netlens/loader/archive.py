"""Find the export's files, whatever form EXPORT takes: a CSV file, a folder, or a zip.

A zip is read in place, never extracted to disk, with limits on what it unpacks to: the
whole export, each member, and each member's compression ratio. The limits are enforced on
the bytes actually inflated, as they are read (:class:`_Limited`), never on the sizes the
zip declares, which a zip bomb can fake: a bomb fails with an error after at most its limit
of bytes, whatever decoder reads it. LinkedIn's ``….zip.zip`` downloads are ordinary zips;
a zip whose only content is another zip is opened one level down too.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from netlens.errors import ExportNotFoundError, UnreadableExportError
from netlens.text import one_line

__all__ = [
    "FILE_KINDS", "READ_BLOCK", "Export", "Member", "file_kind", "misfiled", "open_export",
]  # fmt: skip

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

# Limits on the bytes a zip unpacks to, counted as they are inflated. At LinkedIn's cap,
# messages.csv is 80 MB, deflated 13-fold; real CSV deflates 3-20-fold.
MAX_TOTAL_BYTES = 2 * 1024**3  # the whole export
MAX_MEMBER_BYTES = 1024**3  # one file
MAX_RATIO = 100  # bytes out per byte in: far beyond what CSV gives; a bomb gives ~1,000
RATIO_FLOOR_BYTES = 1024**2  # tiny members may compress oddly well: up to this, any ratio
READ_BLOCK = 4 * 1024**2  # how much of a member is inflated, and counted, at a time
# What reading a damaged or hostile member raises (RuntimeError: an encrypted member).
ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
    RuntimeError,
)  # fmt: skip
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def file_kind(name: str) -> str | None:
    """The kind of export file ``name`` is (``"messages"``, …), or None if netlens ignores it."""
    stem = PurePosixPath(name).name
    if not stem.lower().endswith(".csv"):
        return None
    key = re.sub(r"[\s_]+", "", stem[:-4].lower())
    return FILE_KINDS.get(key)


def misfiled(name: str) -> str | None:
    """Why a file that looks like one netlens reads is not read (``Messages.xlsx``: a
    spreadsheet; ``messages.txt``), or None."""
    path = PurePosixPath(name)
    stem, suffix = path.stem, path.suffix.lower()
    kind = FILE_KINDS.get(re.sub(r"[\s_]+", "", stem.lower()))
    if kind is None or suffix == ".csv":
        return None
    wanted = f"{stem}.csv"
    return (
        f"{name} is not read: netlens reads {wanted}, the CSV file LinkedIn sends, not a "
        f"{suffix or 'file without an extension'} — save it as CSV UTF-8 named {wanted}, or "
        "use the file from LinkedIn's zip"
    )


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
    warnings: list[str] = field(default_factory=list)  # files skipped, and why
    root: str = ""  # the folder the files are in, when one down (LinkedIn's archive name)


@contextmanager
def open_export(path: str | os.PathLike[str]) -> Iterator[Export]:
    """Open EXPORT (a CSV file, an export folder or an export zip) and list its files."""
    source = Path(path).expanduser()
    if source.is_symlink() and not source.exists():
        raise ExportNotFoundError(
            f"{_shown(source)}: a link to nothing (or to itself) — pass the export itself"
        )
    if not source.exists():
        raise ExportNotFoundError(
            f"{source}: no such file or folder — pass the LinkedIn export zip, "
            "its extracted folder, or Connections.csv"
        )
    if source.is_dir():
        members, skipped = _folder_members(source)
        export = _classify(source, members, where=f"folder {source}")
        export.warnings.extend(skipped)
        yield export
        return
    if not source.is_file():
        raise UnreadableExportError(
            f"{_shown(source)}: not a regular file (a pipe or a device?) — pass the export "
            "zip, its extracted folder, or Connections.csv"
        )
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


def _folder_members(root: Path) -> tuple[list[Member], list[str]]:
    """The regular files of an export folder (and one level of folders down), and a warning
    for each file skipped: a pipe or a device (reading one could wait forever), a link to
    nothing or in a loop, a link leading out of the folder (an export holds its own
    files; a link out could make netlens read, and a report show, any file)."""
    members, skipped = [], []
    inside = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):  # links to folders are not followed
        # An export is the folder or one folder down, with folders of its own (Jobs/): no
        # deeper (given a home folder by mistake, netlens must not walk the whole disk).
        deep = len(Path(dirpath).relative_to(root).parts) >= 2
        dirnames[:] = (
            [] if deep else sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        )
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            full = Path(dirpath, filename)
            rel = full.relative_to(root).as_posix()
            try:
                real = full.resolve(strict=True)
                status = real.stat()
            except (OSError, RuntimeError):  # a link to nothing, or a loop
                skipped.append(f"{_shown(rel)}: a link to nothing (or in a loop) (skipped)")
                continue
            if not real.is_relative_to(inside):
                skipped.append(f"{_shown(rel)}: a link leading out of the export (skipped)")
            elif not stat.S_ISREG(status.st_mode):
                skipped.append(f"{_shown(rel)}: not a regular file (skipped)")
            else:
                members.append(Member(rel, status.st_size, _file_opener(real)))
    return members, skipped


def _shown(name: str | os.PathLike[str]) -> str:
    """A file name as an error or a warning shows it (a name in a zip can hold anything):
    one line of at most 100 characters, control characters escaped."""
    return one_line(str(name), limit=100)


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: path.open("rb")


@contextmanager
def _open_zip(
    path: Path | PurePosixPath,
    data: bytes | None = None,
    budget: _Budget | None = None,
) -> Iterator[list[Member]]:
    name = str(path)
    budget = budget or _Budget(name)
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
        inner = [info for info in infos if info.filename.lower().endswith(".zip")]
        if data is None and len(inner) == 1 and not any(file_kind(i.filename) for i in infos):
            # A zip that only wraps the real export zip: open that one, in memory.
            with _opener(archive, inner[0], name, budget)() as fh:
                blob = fh.read()
            with _open_zip(PurePosixPath(inner[0].filename), blob, budget) as members:
                yield members
            return
        yield [
            Member(
                info.filename,
                info.file_size,
                _opener(archive, info, name, budget),
                _damage(archive, info, name, budget),
            )
            for info in infos
        ]


class _Budget:
    """What the members of one zip have unpacked to so far: the most bytes read from each
    (a member read twice counts once), against :data:`MAX_TOTAL_BYTES` for them all."""

    def __init__(self, zip_name: str):
        self.zip_name = zip_name
        self._read: dict[int, int] = {}

    def reached(self, member: int, position: int) -> None:
        if position <= self._read.get(member, 0):
            return
        self._read[member] = position
        total = sum(self._read.values())
        if total > MAX_TOTAL_BYTES:
            raise UnreadableExportError(
                f"{self.zip_name}: unpacks to more than {MAX_TOTAL_BYTES / 1024**3:.0f} GiB, "
                "more than a LinkedIn export holds — refusing to read it"
            )


class _Limited(io.BufferedIOBase):
    """A zip member's inflated bytes (zipfile's own stream, which is buffered), failing as
    soon as they pass the member's limit: what the zip declares is not trusted, only what
    comes out of the decoder is counted."""

    def __init__(self, stream: BinaryIO, info: zipfile.ZipInfo, zip_name: str, budget: _Budget):
        super().__init__()
        self._stream = stream
        self._info = info
        self._zip_name = zip_name
        self._budget = budget
        self._limit = min(MAX_MEMBER_BYTES, max(RATIO_FLOOR_BYTES, MAX_RATIO * info.compress_size))
        self._position = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:  # all of it, a block at a time: each block counted
            return b"".join(iter(lambda: self.read(READ_BLOCK), b""))
        data = self._stream.read(size)
        self._position += len(data)
        if self._position > self._limit:
            raise UnreadableExportError(
                f"{self._zip_name}: {self._info.filename} unpacks to more than "
                f"{self._limit / 1024**2:,.0f} MB from {self._info.compress_size:,} bytes, "
                "which no real export does (a zip bomb?) — refusing to read it"
            )
        self._budget.reached(id(self._info), self._position)
        return data

    read1 = read

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()


def _opener(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str, budget: _Budget
) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        try:
            stream = archive.open(info)
        except ZIP_ERRORS as exc:
            raise UnreadableExportError(
                f"{zip_name}: {info.filename} cannot be unpacked ({_reason(exc)}) — "
                "download the export from LinkedIn again"
            ) from exc
        return _Limited(stream, info, zip_name, budget)

    return open_member


def _damage(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str, budget: _Budget
) -> Callable[[], str | None]:
    def damage() -> str | None:
        try:
            with _opener(archive, info, zip_name, budget)() as fh:
                while fh.read(1024**2):
                    pass
        except ZIP_ERRORS as exc:
            return _reason(exc)
        return None

    return damage


def _reason(exc: BaseException) -> str:
    """What went wrong, in a few words (an encrypted member says so)."""
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return "it is encrypted"
    return text.splitlines()[0][:120]


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
    top = [m for m in candidates if len(PurePosixPath(m.name).parts) == 1]
    if not top and len(candidates) > 1:
        folders = ", ".join(f"{PurePosixPath(m.name).parent}/" for m in candidates[:6])
        raise ExportNotFoundError(
            f"{where} holds several exports ({folders}) — pass one of them, and a "
            "teammate's with --with"
        )
    connections = min(candidates, key=lambda m: (len(PurePosixPath(m.name).parts), m.name))
    root = PurePosixPath(connections.name).parent
    export = Export(source=source, root="" if root == PurePosixPath(".") else str(root))
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
