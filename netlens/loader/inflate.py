"""A zip member's bytes, inflated by ISA-L (the ``isal`` package) where it is installed.

Inflating is about a third of parsing ``messages.csv`` out of the export zip (80 MB at
LinkedIn's cap: 0.18 s with zlib, 0.08 s with ISA-L). :func:`open_member` reads a deflated
member itself, from its own file handle, and checks its CRC-32 at the end as
:mod:`zipfile` does; errors come out as zipfile's and zlib's (``BadZipFile``,
``zlib.error``), so callers handle them alike. Anything else (a stored member, an
encrypted one, a zip read from memory, no ``isal``) is opened by :mod:`zipfile`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import BinaryIO

try:
    from isal import isal_zlib
except ImportError:  # optional: zipfile's own zlib reads the same bytes
    isal_zlib = None

__all__ = ["open_member"]

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
_SIGNATURE = b"PK\x03\x04"
_RAW_BLOCK = 256 * 1024
_ENCRYPTED = 0x1


def open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> BinaryIO:
    """``archive.open(info)``, inflated by ISA-L when it can be."""
    if (
        isal_zlib is None
        or info.compress_type != zipfile.ZIP_DEFLATED
        or info.flag_bits & _ENCRYPTED
        or not isinstance(archive.filename, str)  # a zip in memory (inside another zip)
    ):
        return archive.open(info)  # type: ignore[return-value]
    return _Inflated(archive.filename, info)


class _Inflated(io.RawIOBase):
    def __init__(self, path: str, info: zipfile.ZipInfo):
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 (closed by close())
        try:
            self._file.seek(info.header_offset)
            header = self._file.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size or header[:4] != _SIGNATURE:
                raise zipfile.BadZipFile(f"Bad magic number for file header of {info.filename!r}")
            fields = _LOCAL_HEADER.unpack(header)
            self._file.seek(fields[10] + fields[11], io.SEEK_CUR)  # name and extra field
        except BaseException:
            self._file.close()
            raise
        self._info = info
        self._raw_left = info.compress_size
        self._inflater = isal_zlib.decompressobj(-15)
        self._crc = 0
        self._block = memoryview(b"")
        self._offset = 0
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._offset >= len(self._block):
            if self._ended:
                return 0
            self._next_block()
        size = min(len(buffer), len(self._block) - self._offset)
        buffer[:size] = self._block[self._offset : self._offset + size]
        self._offset += size
        return size

    def _next_block(self) -> None:
        raw = self._file.read(min(_RAW_BLOCK, self._raw_left))
        if not raw and self._raw_left:
            raise EOFError(f"{self._info.filename!r} is cut short (the zip is truncated)")
        self._raw_left -= len(raw)
        try:
            block = self._inflater.decompress(raw)
            if not self._raw_left:
                block += self._inflater.flush()
        except isal_zlib.error as exc:  # as zipfile's zlib would say it
            raise zlib.error(str(exc)) from exc
        self._crc = zlib.crc32(block, self._crc)  # (not ISA-L's: see docs/performance.md)
        self._block, self._offset = memoryview(block), 0  # sliced without copying
        if self._raw_left and not self._inflater.eof:
            return
        self._ended = True
        if self._crc != self._info.CRC:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {self._info.filename!r}")

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()
