"""Shared test helpers: writing small exports the way LinkedIn does, and running the CLI."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = FIXTURES / "exports"

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT"
)


def connections_csv(*rows: str) -> str:
    """Today's Connections.csv: the Notes preamble, the header, rows, no final newline."""
    return NOTES + CONNECTIONS_HEADER + "\n" + "\n".join(rows)


def write_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def zip_bytes(files: dict[str, str | bytes], prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(prefix + name, data)
    return buffer.getvalue()


def lying_zip(
    files: dict[str, str | bytes],
    bomb: str,
    head: bytes,
    row: bytes,
    inflated: int,
    declared: int,
) -> bytes:
    """A zip of ``files`` plus member ``bomb``: ``head`` then ``row`` again and again,
    about ``inflated`` bytes in all, deflated (several hundredfold), whose headers declare
    it ``declared`` bytes long, as a zip bomb made to slip past checks of the declared
    sizes does."""
    import struct
    import zlib

    # A block deflated once and repeated: after a full flush the stream starts afresh, so
    # the same bytes may follow again and again.
    block = row * (1024**2 // len(row))
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflater.compress(head) + deflater.flush(zlib.Z_FULL_FLUSH)
    again = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
    count = max(0, (inflated - len(head)) // len(block))
    crc = _repeated_crc32(head, block, count)
    parts = [first, again * count, deflater.flush()]
    members = [(name, content, None) for name, content in files.items()]
    members.append((bomb, b"".join(parts), crc))
    out, central = io.BytesIO(), []
    for name, content, bomb_crc in members:
        encoded = name.encode()
        if bomb_crc is None:
            raw = content.encode() if isinstance(content, str) else content
            payload, size, crc32 = zlib.compress(raw, 6)[2:-4], len(raw), zlib.crc32(raw)
        else:
            payload, size, crc32 = content, declared, bomb_crc
        fields = (20, 0, 8, 0, 0x5821, crc32, len(payload), size, len(encoded), 0)
        central.append(
            b"PK\x01\x02" + struct.pack("<6H3L5H2L", 20, *fields, 0, 0, 0, 0, out.tell()) + encoded
        )
        out.write(b"PK\x03\x04" + struct.pack("<5H3L2H", *fields) + encoded + payload)
    start = out.tell()
    out.write(b"".join(central))
    count, length = len(central), out.tell() - start
    out.write(b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, count, count, length, start, 0))
    return out.getvalue()


@functools.cache
def _repeated_crc32(head: bytes, block: bytes, count: int) -> int:
    """The CRC-32 of ``head`` then ``count`` times ``block``: 400 MB take half a second, and
    a bomb declaring its true size and one declaring 200 bytes hold the same bytes."""
    import zlib

    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return crc


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    target.write_bytes(zip_bytes(files, prefix))
    return target


def pytest_collection_finish(session):
    """The garbage collector, tuned for a test session (3 s of a run's CPU otherwise).
    Everything the test modules imported (pandas, hypothesis, netlens…) lives until the
    session ends: frozen, it is left out of the full passes, which walked those few hundred
    thousand objects again and again. And the session makes millions of short-lived
    objects: collecting the youngest every 20,000 allocations, not every 700, makes the
    full passes rarer too. Nothing a test checks depends on when garbage is collected."""
    import gc

    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


READ_ONLY_INPUTS = (EXPORTS, Path(__file__).parent.parent / "sample_exports")


@pytest.fixture(scope="session", autouse=True)
def read_only_inputs_loaded_once():
    """The bundled samples and the fixture exports are read once per test session, however
    many tests run commands on them: the loader is a pure function of the files, and these
    never change (loading itself is tested in test_loader.py and on files tests write,
    which are read every time)."""
    import netlens
    import netlens.loader

    real = netlens.loader.load
    loaded: dict = {}

    def load(path, *, owner_url=None, owner_name=None, parts="all"):
        where = Path(path).expanduser().resolve()
        if not any(where.is_relative_to(root) for root in READ_ONLY_INPUTS):
            return real(path, owner_url=owner_url, owner_name=owner_name, parts=parts)
        key = (where, owner_url, owner_name, parts)
        if key not in loaded:
            loaded[key] = real(path, owner_url=owner_url, owner_name=owner_name, parts=parts)
        network = loaded[key]
        # As given (the report names the export by the path the user typed).
        return dataclasses.replace(
            network, report=dataclasses.replace(network.report, source=str(path))
        )

    netlens.load = load
    yield
    netlens.load = real


@pytest.fixture(scope="session", autouse=True)
def each_chart_drawn_once():
    """A chart with the same content is drawn once per test session, however many tests
    write reports that show it: drawing is a pure function of the chart's content, and
    takes most of a report's time. Each distinct chart is still drawn for real, by the
    first test that shows it (test_pngfile.py compares that drawing with matplotlib's own
    savefig; test_every_chart_kind_draws has every kind drawn)."""
    import pickle

    from netlens import charts

    real = charts.chart_png
    drawn: dict[bytes, bytes] = {}

    def chart_png(chart):
        key = pickle.dumps((chart.kind, chart.title, chart.data, chart.points))
        if key not in drawn:
            drawn[key] = real(chart)
        return drawn[key]

    charts.chart_png = chart_png
    yield
    charts.chart_png = real


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((EXPORTS / "expected.json").read_text(encoding="utf-8"))


HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_COMPANY = '"><img src=x onerror=alert(2)>'


def html_hostile_export(folder: Path) -> Path:
    """era2025 copied to ``folder``, plus a contact whose name and company are HTML, and a
    conversation with them in March 2022: a dormant tie, high on the re-engage list."""
    import shutil

    shutil.copytree(EXPORTS / "era2025", folder)
    url = "https://www.linkedin.com/in/hostile-person"
    connections = folder / "Connections.csv"
    company = HOSTILE_COMPANY.replace('"', '""')
    connections.write_text(
        connections.read_text(encoding="utf-8").rstrip("\n")
        + f'\n"{HOSTILE_NAME}",Smith,{url},,"{company}",Chief Executive Officer,01 Jan 2019',
        encoding="utf-8",
    )
    messages = folder / "messages.csv"
    text = messages.read_text(encoding="utf-8").rstrip("\n")
    for day in ("2022-03-01", "2022-03-02", "2022-03-05"):
        text += (
            f'\n2-hostile,,"{HOSTILE_NAME} Smith",{url},Nadia Karimi,'
            f"https://www.linkedin.com/in/nadia-karimi-4b7a21,{day} 10:00:00 UTC,,Hello,"
            "INBOX,,No,No"
        )
    messages.write_text(text + "\n", encoding="utf-8")
    return folder
