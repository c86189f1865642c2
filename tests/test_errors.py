"""Every bad input ends with one ``Error:`` line naming the file and what to do, exit 1."""

from __future__ import annotations

import hashlib
import re
import zipfile

import pytest

from netlens.cli import cli

from conftest import CONNECTIONS_HEADER, connections_csv, zip_bytes

GOOD_ROW = "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 2023"


def run_error(runner, path) -> str:
    result = runner.invoke(cli, ["summary", str(path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_missing_path(runner, tmp_path):
    missing = tmp_path / "nope.zip"
    assert run_error(runner, missing) == (
        f"Error: {missing}: no such file or folder — pass the LinkedIn export zip, "
        "its extracted folder, or Connections.csv"
    )


def test_empty_file(runner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"")
    assert run_error(runner, path) == (
        "Error: Connections.csv: the file is empty — pass the Connections.csv of a complete export"
    )


def test_whitespace_only_file(runner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\r\n\n  \n")
    assert "the file is empty" in run_error(runner, path)


def test_binary_file(runner, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    assert run_error(runner, path) == (
        "Error: photo.csv: not a CSV file (it looks binary) — pass the export zip, its folder, "
        "or Connections.csv"
    )


def test_header_only_file(runner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(connections_csv(), encoding="utf-8")
    assert run_error(runner, path).startswith(
        "Error: Connections.csv: has a header but no connections — "
    )


def test_csv_without_required_columns(runner, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("Name,Company,Email\nRavi Shah,Acme,r@example.com\n", encoding="utf-8")
    assert run_error(runner, path) == (
        "Error: contacts.csv: no header line naming First Name, Last Name and Connected On in "
        "its first 50 lines — is this LinkedIn's Connections.csv, unedited?"
    )


def test_messages_csv_passed_as_connections(runner, tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text("FROM,TO,DATE,CONTENT\nA,B,2024-01-01 10:00:00 UTC,hi\n", encoding="utf-8")
    assert "is this LinkedIn's Connections.csv" in run_error(runner, path)


def test_zip_without_connections(runner, tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_11-21-2026.zip"
    path.write_bytes(zip_bytes({"messages.csv": "FROM,TO,DATE\n", "Profile.csv": "x"}))
    assert run_error(runner, path) == (
        f"Error: zip {path}: no Connections.csv found (it holds "
        "messages.csv, Profile.csv) — pass the export LinkedIn sent you (Settings → Data "
        "privacy → Get a copy of your data)"
    )


def test_truncated_zip(runner, tmp_path):
    whole = zip_bytes({"Connections.csv": connections_csv(GOOD_ROW) * 50})
    path = tmp_path / "export.zip"
    path.write_bytes(whole[: len(whole) // 2])
    assert run_error(runner, path).startswith(
        f"Error: {path}: not a readable zip file (File is not a zip file) — it may be "
        "truncated; download the export from LinkedIn again"
    )


def test_fake_zip(runner, tmp_path):
    path = tmp_path / "export.zip"
    path.write_text("<html>Sign in to LinkedIn</html>", encoding="utf-8")
    assert run_error(runner, path) == (
        f"Error: {path}: not a valid zip file (it may be a partial download) — "
        "download the export from LinkedIn again"
    )


def test_folder_without_export(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert run_error(runner, tmp_path) == (
        f"Error: folder {tmp_path}: no Connections.csv found (it holds notes.txt) — pass the "
        "export LinkedIn sent you (Settings → Data privacy → Get a copy of your data)"
    )


def test_zip_bomb_is_refused(runner, tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", CONNECTIONS_HEADER + "\n" + "0" * 20_000_000)
    assert re.fullmatch(
        f"Error: {re.escape(str(path))}: Connections.csv unpacks to more than [0-9]+ MB from "
        r"[0-9,]+ bytes, which no real export does \(a zip bomb\?\) — refusing to read it",
        run_error(runner, path),
    )


def test_zip_total_size_limit(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("netlens.loader.archive.MAX_TOTAL_BYTES", 1000)
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Connections.csv": connections_csv(*[GOOD_ROW] * 40)}))
    assert run_error(runner, path) == (
        f"Error: {path}: unpacks to more than 0 GiB, more than a LinkedIn export holds — "
        "refusing to read it"
    )


def test_unterminated_quote_in_connections(runner, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(connections_csv(GOOD_ROW, 'Ann,"Lee,,,,,01 Jan 2020'), encoding="utf-8")
    assert run_error(runner, path).startswith("Error: Connections.csv: cannot be read as CSV (")


def test_input_is_never_modified(runner, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Connections.csv": connections_csv(GOOD_ROW)}))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = runner.invoke(cli, ["summary", str(path)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.zip"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("messages.csv", "No conversations found"),
        ("messages.csv", b"\x00\x01\x02\xff" * 100),
        ("Invitations.csv", "From,To\nA,B\n"),
    ],
)
def test_a_damaged_optional_file_is_a_warning_not_an_error(runner, tmp_path, name, content):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Connections.csv": connections_csv(GOOD_ROW), name: content}))
    result = runner.invoke(cli, ["summary", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f'"{name}: ' in result.output
    assert "(skipped)" in result.output


def test_debug_shows_the_traceback(runner, tmp_path):
    result = runner.invoke(cli, ["--debug", "summary", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.exception is not None
    assert type(result.exception).__name__ == "ExportNotFoundError"


def test_usage_error_exits_2(runner):
    result = runner.invoke(cli, ["summary"])
    assert result.exit_code == 2
    assert "Missing argument 'EXPORT'" in result.output
