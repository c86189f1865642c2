"""Read one export CSV into a DataFrame of named columns, whatever its era and encoding.

The header is found by scanning the first lines (``Connections.csv`` starts with a
``Notes:`` preamble of varying length), columns are matched by name ignoring case, spaces and
underscores, never by position, and only the columns asked for are kept (``CONTENT`` of a
large ``messages.csv`` is never loaded). Encodings seen in real exports: UTF-8 with or
without BOM, UTF-16 with BOM and tabs, and cp1252 from Excel round trips.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import is_not

import numpy as np
import pandas as pd

from netlens.errors import MissingColumnsError, UnreadableExportError
from netlens.loader.archive import READ_BLOCK, Member

__all__ = ["READ_ERRORS", "Table", "column_key", "fix_mojibake", "read_table", "strip_values"]

HEAD_BYTES = 64 * 1024
HEADER_SCAN_LINES = 50
ODD_ROW_SCAN_BYTES = 32 * 1024**2  # count odd rows in all but the largest files

# What reading a damaged file can raise, beyond our own errors; turned into NetlensError.
READ_ERRORS = (
    ValueError,  # includes UnicodeDecodeError and pandas' ParserError
    csv.Error,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    OverflowError,
    MemoryError,
)


# Windows-1252 as Windows and web browsers read it: the five bytes the code page leaves
# undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the control characters of the same number,
# not an error that loses the whole file. A UTF-8 file with a line of Windows-1252 in it
# (one edited on Windows) is read as Windows-1252, and the UTF-8 of letters such as Í or ō
# holds those bytes; :func:`fix_mojibake` turns them back into the letters.
_UNDEFINED_1252 = "\x81\x8d\x8f\x90\x9d"
_CP1252_ERRORS = "netlens-cp1252-controls"


def _cp1252_controls(error: UnicodeError) -> tuple[str | bytes, int]:
    span = error.object[error.start : error.end]
    if isinstance(error, UnicodeDecodeError):
        return span.decode("latin-1"), error.end
    if isinstance(error, UnicodeEncodeError) and all(c in _UNDEFINED_1252 for c in span):
        return span.encode("latin-1"), error.end
    raise error


codecs.register_error(_CP1252_ERRORS, _cp1252_controls)


def _errors(encoding: str) -> str:
    """How text in ``encoding`` is decoded and encoded here."""
    return _CP1252_ERRORS if encoding == "cp1252" else "strict"


def column_key(name: str) -> str:
    """``"Connected On"``, ``"connected_on"`` and ``"ConnectedOn"`` all give ``connectedon``."""
    return re.sub(r"[\s_\"'\ufeff]+", "", str(name)).lower()


@dataclass
class Table:
    """A file read: its rows (columns renamed to their canonical names) and what went wrong."""

    frame: pd.DataFrame
    bad_lines: int = 0  # rows pandas could not read at all, skipped
    short_rows: int = 0  # rows with too few fields, kept with the missing fields empty
    long_rows: int = 0  # rows with too many fields, kept with the extra fields ignored
    encoding: str = "utf-8"


def read_table(
    member: Member,
    columns: Mapping[str, Iterable[str]],
    required: Iterable[str],
    file_label: str,
    dtype: type | str | Mapping[str, type | str] = str,
    strip: bool = True,
) -> Table:
    """Read ``member`` keeping ``columns`` (canonical name → accepted header spellings).

    ``required`` names the canonical columns that must be in the header; the first line of
    the file that holds all of them is the header. Missing optional columns come back empty.
    ``file_label`` names the file LinkedIn exports (``"Connections.csv"``) for error messages.
    ``dtype`` is the columns' dtype: pandas' string dtype, or ``object`` for a large table
    that is only worked on internally (faster to build and to scan), or per canonical
    column (``"category"`` for a column of few distinct values: the parser numbers them as
    it reads). Values are trimmed of
    surrounding spaces unless ``strip`` is false (the caller then trims what it uses).
    """
    aliases = {column_key(alias): canon for canon, names in columns.items() for alias in names}
    required = list(required)
    try:
        with member.open() as fh:
            head = fh.read(HEAD_BYTES)
        encoding, bom = _sniff_encoding(head, member.name)
        text = _decode_head(head[bom:], encoding, complete=len(head) < HEAD_BYTES)
        if text is None:  # not UTF-8 after all: an Excel round trip
            encoding = "cp1252"
            text = head[bom:].decode(encoding, errors=_errors(encoding))
        if not text.strip():
            raise UnreadableExportError(
                f"{member.name}: the file is empty — pass the {file_label} of a complete export"
            )
        found = _find_header(text, aliases, required)
        if found is None:
            wanted = [next(iter(columns[canon])) for canon in required]
            raise MissingColumnsError(
                f"{member.name}: no header line naming {', '.join(wanted[:-1])} and "
                f"{wanted[-1]} in its first {HEADER_SCAN_LINES} lines — is this LinkedIn's "
                f"{file_label}, unedited?"
            )
        offset, delimiter, header = found
        skip = bom + len(text[:offset].encode(encoding, errors=_errors(encoding)))
        try:
            table = _parse(member, skip, encoding, delimiter, header, aliases, dtype, strip)
        except UnicodeDecodeError:
            if encoding != "utf-8":
                raise
            table = _parse(member, skip, "cp1252", delimiter, header, aliases, dtype, strip)
    except UnreadableExportError:
        raise
    except READ_ERRORS as exc:
        damage = member.damage()
        if damage:
            raise UnreadableExportError(
                f"{member.name}: damaged inside the zip ({damage}) — download the export "
                "from LinkedIn again"
            ) from exc
        raise UnreadableExportError(
            f"{member.name}: cannot be read as CSV ({_short(exc)}) — "
            f"check that it is LinkedIn's {file_label}, unedited"
        ) from exc
    for canon in columns:
        if canon not in table.frame.columns:
            table.frame[canon] = ""
    return table


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _sniff_encoding(head: bytes, name: str) -> tuple[str, int]:
    """The codec and BOM length of a file from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    if b"\x00" in head[:4096]:
        sample = head[:4096]
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_nuls > 0.8 * half and even_nuls < 0.05 * half:
            return "utf-16-le", 0
        if even_nuls > 0.8 * half and odd_nuls < 0.05 * half:
            return "utf-16-be", 0
        raise UnreadableExportError(
            f"{name}: not a CSV file (it looks binary) — pass the export zip, its folder, "
            "or Connections.csv"
        )
    return "utf-8", 0


def _decode_head(data: bytes, encoding: str, complete: bool) -> str | None:
    """Decode the first bytes; None if UTF-8 does not fit (the caller falls back to cp1252)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        return decoder.decode(data, final=complete)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            return None
        return data.decode(encoding, errors="replace")


def _find_header(
    text: str, aliases: Mapping[str, str], required: list[str]
) -> tuple[int, str, list[str]] | None:
    """(char offset, delimiter, header cells) of the first line naming the
    required columns; scanning lines, not skipping a fixed count, since preambles vary."""
    offset = 0
    lines = text.splitlines(keepends=True)
    for line in lines[:HEADER_SCAN_LINES]:
        stripped = line.strip("\r\n")
        if stripped.strip():
            # Comma as LinkedIn writes it; tab (UTF-16 files); semicolon (Excel in Europe).
            delimiter = max(",\t;", key=stripped.count)
            try:
                cells = next(csv.reader([stripped], delimiter=delimiter))
            except (csv.Error, StopIteration):
                cells = []
            found = {aliases.get(column_key(cell)) for cell in cells}
            if all(canon in found for canon in required):
                return offset, delimiter, cells
        offset += len(line)
    return None


def _parse(
    member: Member,
    skip: int,
    encoding: str,
    delimiter: str,
    header: list[str],
    aliases: Mapping[str, str],
    dtype: type | str | Mapping[str, type | str],
    strip: bool,
) -> Table:
    keep = {cell for cell in header if column_key(cell) in aliases}
    if isinstance(dtype, Mapping):  # by canonical name → by the header's spelling
        dtype = {cell: dtype[aliases[column_key(cell)]] for cell in keep}
    # Read whole before parsing: a zip member's bytes are then counted against the
    # archive's limits before the parser makes a single row of them (a bomb of short rows
    # would otherwise take many times its bytes in memory first).
    with member.open() as fh:
        fh.read(skip)
        blocks = _read_blocks(fh)
    size = sum(map(len, blocks))
    counted = size <= ODD_ROW_SCAN_BYTES  # counting costs a second pass: all but the largest
    data = b"".join(blocks) if counted else b""
    source = io.BytesIO(data) if counted else io.BufferedReader(_Blocks(blocks), READ_BLOCK)
    del blocks  # the stream lets go of each block once it is parsed
    frame = pd.read_csv(
        source,
        sep=delimiter,
        encoding=encoding,
        encoding_errors=_errors(encoding),
        dtype=dtype,
        # Only the columns asked for: a row with more fields than the header then loses
        # its extra fields rather than the whole row (counted below as a long row).
        usecols=lambda cell: cell in keep,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=True,
        on_bad_lines="skip",
        index_col=False,
        engine="c",
    )
    frame.columns = [aliases[column_key(c)] for c in frame.columns]
    repeated = frame.columns.duplicated()
    if repeated.any():  # two spellings of one column: the first is kept
        frame = frame.loc[:, ~repeated]
    bad_lines = short_rows = long_rows = 0
    if counted:
        rows, short_rows, long_rows = _count_odd_rows(data, encoding, delimiter, len(header))
        bad_lines = max(rows - len(frame), 0)  # rows the parser could not read at all
    for column in frame.columns if strip else ():
        frame[column] = strip_values(frame[column])
    return Table(
        frame=frame,
        bad_lines=bad_lines,
        short_rows=short_rows,
        long_rows=max(long_rows - bad_lines, 0),
        encoding=encoding,
    )


def _read_blocks(fh) -> list[bytes]:
    """The rest of ``fh``, a block at a time (a zip member's limit is checked as each block
    comes)."""
    return list(iter(lambda: fh.read(READ_BLOCK), b""))


class _Blocks(io.RawIOBase):
    """Blocks of bytes read as one stream, without joining them into one copy; each block
    is let go once it has been read."""

    def __init__(self, blocks: list[bytes]):
        super().__init__()
        self._blocks = blocks[::-1]  # the next block last, popped when done
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._blocks:
            block = self._blocks[-1]
            if self._offset < len(block):
                size = min(len(buffer), len(block) - self._offset)
                buffer[:size] = memoryview(block)[self._offset : self._offset + size]
                self._offset += size
                return size
            self._blocks.pop()
            self._offset = 0
        return 0


def strip_values(values: pd.Series) -> pd.Series:
    """``values.str.strip()``, several times faster on Python-backed strings, and the column
    itself when no value has spaces to trim (the usual case)."""
    cells = values.to_numpy()
    try:
        stripped = list(map(str.strip, cells))
    except TypeError:  # not all text: missing values (none are expected with na_filter off)
        return values.fillna("").str.strip()
    if not any(map(is_not, stripped, cells)):  # str.strip returns the very same string
        return values
    return pd.Series(stripped, index=values.index, dtype=values.dtype)


def _count_odd_rows(
    data: bytes | memoryview, encoding: str, delimiter: str, width: int
) -> tuple[int, int, int]:
    """Of the rows of ``data`` (the header, then rows): how many there are (blank lines
    aside), and how many have fewer and more fields than the header. pandas pads the
    first and, when only some columns are read, drops the extra fields of the second
    silently."""
    if encoding not in ("utf-8", "cp1252"):  # where a comma, quote or line break is a byte
        data = bytes(data).decode(encoding, errors="replace").encode("utf-8")
    fields = fields_per_row(data, delimiter.encode())
    if fields is None:  # quotes out of place: as the csv module reads them
        text = bytes(data).decode("utf-8", errors="replace")
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            fields = np.fromiter(map(len, rows), np.intp)
        except csv.Error:  # a field over its limit (128 kB): pandas read the rows, uncounted
            return 0, 0, 0
    fields = fields[1:]  # not the header
    rows = int(np.count_nonzero(fields))
    short = int(np.count_nonzero((fields > 0) & (fields < width)))
    long = int(np.count_nonzero(fields > width))
    return rows, short, long


def fields_per_row(data: bytes | memoryview, delimiter: bytes = b",") -> np.ndarray | None:
    """How many fields each row of CSV ``data`` has (0 for a blank line), as the
    :mod:`csv` module splits them, counted in numpy over the bytes without making the
    fields: a delimiter or line break between double quotes is part of the field (a
    doubled quote closes and opens again). None when a quote opens in mid-field, which
    the csv module takes as a plain character."""
    raw = np.frombuffer(data, np.uint8)
    quotes = np.flatnonzero(raw == ord('"'))
    opening = quotes[::2]  # quotes alternate, opening and closing
    before = raw[opening[opening > 0] - 1]
    if not np.isin(before, np.frombuffer(delimiter + b'\n\r"', np.uint8)).all():
        return None

    def outside(positions: np.ndarray) -> np.ndarray:  # an even number of quotes before
        return positions[np.searchsorted(quotes, positions) % 2 == 0]

    lone_cr = raw == ord("\r")  # a line break of its own when no \n follows
    lone_cr[:-1] &= raw[1:] != ord("\n")
    ends = outside(np.flatnonzero((raw == ord("\n")) | lone_cr))
    if len(raw) and (not len(ends) or ends[-1] != len(raw) - 1):
        ends = np.append(ends, len(raw))  # the last row, with no line break after it
    delimiters = outside(np.flatnonzero(raw == delimiter[0]))
    fields = np.diff(np.searchsorted(delimiters, ends), prepend=0) + 1
    starts = np.concatenate([[0], ends[:-1] + 1])
    content = ends - starts
    crlf = np.zeros(len(ends), bool)  # the \r of a \r\n is no content
    some = content > 0
    crlf[some] = raw[ends[some] - 1] == ord("\r")
    fields[content - crlf == 0] = 0
    return fields


_MOJIBAKE = re.compile("[\u00c2-\u00f0][\u0080-\u00bf\u0152-\u2122]")


def fix_mojibake(values: pd.Series) -> pd.Series:
    """Repair UTF-8 text that was once decoded as cp1252 (``JosÃ©`` → ``José``).

    Only values that look damaged are touched, and only when the repair decodes cleanly, so
    genuine text such as ``Zoë`` is left alone.
    """
    cells = values.to_numpy()
    try:
        # One scan of the whole column, joined by line breaks (which the pattern cannot
        # match), rules out the usual case: nothing to repair.
        if not _MOJIBAKE.search("\n".join(cells)):
            return values
    except TypeError:  # not all text
        pass
    suspect = values.str.contains(_MOJIBAKE, na=False)
    if not suspect.any():
        return values
    repaired = {value: _unmojibake(value) for value in values[suspect].unique()}
    out = values.copy()
    out[suspect] = values[suspect].map(repaired)
    return out


def _unmojibake(value: str) -> str:
    try:
        return value.encode("cp1252", errors=_CP1252_ERRORS).decode("utf-8")
    except UnicodeError:
        return value
