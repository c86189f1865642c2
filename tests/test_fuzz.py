"""Property: whatever bytes it is given, the loader loads or raises NetlensError — nothing else."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netlens
from netlens.errors import NetlensError

from conftest import MESSAGES_HEADER, connections_csv, zip_bytes

ROWS = [
    'Ravi,Shah,https://www.linkedin.com/in/ravi-shah-4b2a1930,,Acme Freight,"VP, Sales",'
    "04 Jul 2023",
    ",,,,,,12 Dec 2022",
    "王,芳,https://www.linkedin.com/in/%E7%8E%8B%E8%8A%B3,,Self-employed,顾问 🚀,23 Nov 2021",
    '"  Anna ",Lee,https://www.linkedin.com/in/anna-lee,a@example.com,"Contoso, Inc.",'
    '"The ""Best"" PM",01 Jan 2020',
]
MESSAGES = (
    MESSAGES_HEADER
    + "\n"
    + "c1,,Maya Cohen,https://www.linkedin.com/in/maya,Ravi Shah,"
    + 'https://www.linkedin.com/in/ravi-shah-4b2a1930,2024-06-17 06:01:43 UTC,,"hi, ""you""\n'
    + 'ok",INBOX,,No,No\n'
)
VALID = connections_csv(*ROWS).encode("utf-8")

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_netlens_error(files: dict[str, bytes], as_zip: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if as_zip:
            target = root / "export.zip"
            target.write_bytes(zip_bytes(files))
        else:
            for name, data in files.items():
                (root / name).write_bytes(data)
            target = root / "Connections.csv" if list(files) == ["Connections.csv"] else root
        try:
            network = netlens.load(target)
        except NetlensError:
            return
        assert network.report.connections >= len(network.people)
        assert set(network.interactions["person"]) <= set(network.people["person_id"])


@st.composite
def mangled(draw) -> bytes:
    """A real-format Connections.csv with random damage."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["delete", "insert", "replace", "truncate", "dup"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=12))
        elif action == "replace" and data:
            data[at] = draw(st.sampled_from(b'",\n\r\t\x00\xff;'))
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 80))]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    if encoding == "utf-8":
        return bytes(data)
    return bytes(data).decode("utf-8", errors="replace").encode(encoding, errors="replace")


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_as_connections(data):
    load_or_netlens_error({"Connections.csv": data}, as_zip=False)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_zip(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.zip"
        path.write_bytes(b"PK\x03\x04" + data)
        with contextlib.suppress(NetlensError):
            netlens.load(path)


@SETTINGS
@given(mangled(), st.booleans())
def test_mangled_real_connections(data, as_zip):
    load_or_netlens_error({"Connections.csv": data}, as_zip=as_zip)


@SETTINGS
@given(st.binary(max_size=1500) | mangled())
def test_damaged_messages_never_fail_the_load(data):
    files = {"Connections.csv": VALID, "messages.csv": MESSAGES.encode() + data}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.zip"
        path.write_bytes(zip_bytes(files))
        network = netlens.load(path)  # an optional file never fails the load
        assert len(network.people) == 3
