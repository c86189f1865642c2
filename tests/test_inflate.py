"""Zip members inflated by ISA-L give zipfile's bytes, and zipfile's errors when damaged."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

import netlens
from netlens.loader import inflate

from conftest import EXPORTS, zip_folder

SAMPLE = EXPORTS.parent.parent.parent / "sample_exports" / "thomas-johnson.zip"
needs_isal = pytest.mark.skipif(inflate.isal_zlib is None, reason="isal is not installed")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, chunk: int = 65536) -> bytes:
    with inflate.open_member(archive, info) as fh:
        parts = []
        while part := fh.read(chunk):
            parts.append(part)
    return b"".join(parts)


@needs_isal
@pytest.mark.parametrize("chunk", [1, 4096, 1 << 20])
def test_every_member_of_the_sample_reads_as_zipfile_reads_it(chunk):
    with zipfile.ZipFile(SAMPLE) as archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        for info in members if chunk > 1 else members[:3]:
            with inflate.open_member(archive, info) as fh:
                assert isinstance(fh, inflate._Inflated)
            assert _read(archive, info, chunk) == archive.read(info), info.filename


def _damaged(tmp_path, change) -> tuple[str, zipfile.ZipInfo]:
    """The sample with one change made to its bytes, and the messages.csv member's info."""
    blob = bytearray(SAMPLE.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(blob))) as archive:
        info = archive.getinfo("messages.csv")
    change(blob, info)
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(blob))
    return str(path), info


def _data_start(blob: bytearray, info: zipfile.ZipInfo) -> int:
    name, extra = struct.unpack("<HH", blob[info.header_offset + 26 : info.header_offset + 30])
    return info.header_offset + 30 + name + extra


def _scramble(blob: bytearray, info: zipfile.ZipInfo) -> None:
    start = _data_start(blob, info) + info.compress_size // 2
    for at in range(start, start + 64):
        blob[at] ^= 0xFF


def _wrong_crc(blob: bytearray, info: zipfile.ZipInfo) -> None:
    # The central directory's CRC of messages.csv, which both readers check against.
    entry = bytes(blob).rindex(b"PK\x01\x02", 0, bytes(blob).rindex(b"messages.csv"))
    crc = struct.unpack("<L", blob[entry + 16 : entry + 20])[0]
    blob[entry + 16 : entry + 20] = struct.pack("<L", crc ^ 1)


@needs_isal
@pytest.mark.parametrize("change", [_scramble, _wrong_crc])
def test_a_damaged_member_fails_as_zipfile_fails(tmp_path, change):
    path, _ = _damaged(tmp_path, change)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("messages.csv")
        with pytest.raises((zipfile.BadZipFile, zlib.error, EOFError)) as ours:
            _read(archive, info)
        with pytest.raises((zipfile.BadZipFile, zlib.error, EOFError)) as theirs:
            archive.read(info)
    assert type(ours.value) is type(theirs.value)


@needs_isal
def test_a_damaged_messages_file_is_skipped_with_the_zip_named(tmp_path):
    path, _ = _damaged(tmp_path, _scramble)
    network = netlens.load(path)
    assert network.report.messages == 0
    assert any(
        "messages.csv: damaged inside the zip" in warning for warning in network.report.warnings
    )


def test_without_isal_zipfile_reads_the_members(monkeypatch, tmp_path):
    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    fast = netlens.load(path)
    monkeypatch.setattr(inflate, "isal_zlib", None)
    with zipfile.ZipFile(path) as archive:
        info = archive.infolist()[0]
        with inflate.open_member(archive, info) as fh:
            assert isinstance(fh, zipfile.ZipExtFile)
    slow = netlens.load(path)
    assert slow.interactions.equals(fast.interactions) and slow.people.equals(fast.people)
