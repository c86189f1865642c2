"""Zip bombs and damaged members: limits hold on the bytes actually inflated.

A bomb whose headers lie about its size must not get past the limits (issue: a 1 MB zip
declaring 200 bytes inflated to 1 GiB and the process grew until the kernel killed it).
The bombs run in a child process so that its peak memory can be read.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import pytest

import netlens
from netlens.errors import NetlensError

from conftest import CONNECTIONS_HEADER, connections_csv, lying_zip, zip_bytes

GOOD_ROW = "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 2023"
CONNECTION_ROW = b"Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Engineer,04 Jul 2023\n"
MESSAGE_ROW = b"Ann Lee,Ravi Shah,2024-01-01 10:00:00 UTC\n"
INFLATED = 400 * 1024**2  # deflates to about 1 MB
MAX_SECONDS = 10
MAX_MEGABYTES = 300


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, str]:
    """Bombs in Connections.csv and in messages.csv, declaring 200 bytes or the truth."""
    folder = tmp_path_factory.mktemp("bombs")
    good = {"Connections.csv": connections_csv(GOOD_ROW)}
    made = {}
    for declared in (200, INFLATED):
        made[f"connections-{declared}"] = lying_zip(
            {}, "Connections.csv", (CONNECTIONS_HEADER + "\n").encode(), CONNECTION_ROW,
            INFLATED, declared,
        )  # fmt: skip
        made[f"messages-{declared}"] = lying_zip(
            good, "messages.csv", b"FROM,TO,DATE\n", MESSAGE_ROW, INFLATED, declared
        )
    paths = {}
    for name, data in made.items():
        paths[name] = str(folder / f"{name}.zip")
        with open(paths[name], "wb") as fh:
            fh.write(data)
    return paths


CHILD = r"""
import json, sys, time
from click.testing import CliRunner
from netlens.cli import cli

results = {}
for name, path in json.loads(sys.argv[1]).items():
    start = time.perf_counter()
    done = CliRunner().invoke(cli, ["summary", path, "--format", "json"])
    results[name] = {"exit": done.exit_code, "stdout": done.stdout, "stderr": done.stderr,
                     "seconds": time.perf_counter() - start}
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def summaries(bombs) -> dict[str, dict]:
    """``netlens summary --format json`` of each bomb, one after the other in a child
    process: its result and time, and the child's peak memory (MB) over all of them, which
    no one bomb's can exceed (one child, not one per bomb: each imports pandas again)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, json.dumps(bombs)], stdout=out, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak
        out.seek(0)
        err.seek(0)
        assert os.waitstatus_to_exitcode(status) == 0, err.read().decode()[-2000:]
        results = json.loads(out.read())
    assert set(results) == set(bombs)
    return {
        name: {**result, "megabytes": usage.ru_maxrss / 1024} for name, result in results.items()
    }


def test_the_bombs_are_what_they_claim(bombs):
    with zipfile.ZipFile(bombs["messages-200"]) as archive:
        info = archive.getinfo("messages.csv")
    assert info.file_size == 200
    assert info.compress_size < 1.5 * 1024**2


def test_no_bomb_takes_more_than_its_limit(summaries):
    for name, result in summaries.items():
        assert result["megabytes"] < MAX_MEGABYTES, name
        assert result["seconds"] < MAX_SECONDS, name


@pytest.mark.parametrize("declared", [200, INFLATED])
def test_a_bomb_in_connections_is_an_error(summaries, declared):
    result = summaries[f"connections-{declared}"]
    assert result["exit"] == 1, result
    lines = result["stderr"].strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "Connections.csv" in lines[0]
    assert "zip bomb" in lines[0] or "damaged inside the zip" in lines[0]


@pytest.mark.parametrize("declared", [200, INFLATED])
def test_a_bomb_in_messages_is_skipped_with_a_warning(summaries, declared):
    result = summaries[f"messages-{declared}"]
    assert result["exit"] == 0, result
    summary = json.loads(result["stdout"])
    assert summary["connections"] == 1
    assert summary["messages"] == 0
    assert any("messages.csv" in w and "(skipped)" in w for w in summary["warnings"])


def _encrypted(files: dict[str, str], encrypted: str) -> bytes:
    """A zip whose member ``encrypted`` is flagged as encrypted (zipfile writes no
    encrypted members; the flag is all a reader sees before asking for the password)."""
    data = bytearray(zip_bytes(files))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(encrypted)
    data[info.header_offset + 6] |= 0x1  # the local header's flags
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encrypted)] != encrypted.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x1  # the central directory entry's flags
    return bytes(data)


def test_an_encrypted_optional_file_is_skipped(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(
        _encrypted(
            {"Connections.csv": connections_csv(GOOD_ROW), "messages.csv": "FROM,TO,DATE\n"},
            "messages.csv",
        )
    )
    network = netlens.load(path)
    assert len(network.people) == 1
    assert any(
        "messages.csv cannot be unpacked (it is encrypted)" in w for w in network.report.warnings
    )


def test_an_encrypted_connections_file_is_an_error(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(_encrypted({"Connections.csv": connections_csv(GOOD_ROW)}, "Connections.csv"))
    with pytest.raises(
        NetlensError, match=r"Connections.csv cannot be unpacked \(it is encrypted\)"
    ):
        netlens.load(path)
