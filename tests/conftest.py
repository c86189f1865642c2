"""Shared test helpers: writing small exports the way LinkedIn does, and running the CLI."""

from __future__ import annotations

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


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    target.write_bytes(zip_bytes(files, prefix))
    return target


def helpers_started(monkeypatch: pytest.MonkeyPatch) -> list:
    """From now on, messages.csv goes to the loader's forked helper whatever its size (the
    fixtures are small), and each ``background.start`` records what it returned (None
    where no helper was forked)."""
    from netlens.loader import background

    monkeypatch.setattr(background, "MIN_BYTES", 0)
    helpers = []
    real_start = background.start

    def start(*args):
        helpers.append(real_start(*args))
        return helpers[-1]

    monkeypatch.setattr(background, "start", start)
    return helpers


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((EXPORTS / "expected.json").read_text(encoding="utf-8"))
