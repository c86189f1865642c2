"""Hostile and damaged exports, and the user's own files (the defects an attack on netlens
found, each reproduced here): nothing from an export takes over a terminal or breaks an
output, ``--redact`` hides everything, and no file netlens did not write is touched."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import netlens
from netlens.cli import cli

from conftest import connections_csv, write_folder, zip_bytes

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "sample_exports" / "thomas-johnson.zip"
TEAM = sorted((ROOT / "sample_exports" / "team").glob("*.zip"))
AS_OF = "2026-11-21"
ROW = "{first},{last},https://www.linkedin.com/in/{slug},,{company},Engineer,04 Jul 2023"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write "evil" to the terminal's clipboard
RLO = "\u202e"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hostile_export(tmp_path: Path, *extra_rows: str) -> Path:
    rows = [
        ROW.format(first="Ann", last="Lee", slug="ann-lee", company="Acme"),
        ROW.format(first=f"Eve{CLIPBOARD}", last=f"{RLO}Mallory", slug="eve", company="Evil\x01Co"),
        ROW.format(
            first="Bob", last="http://evil.example/x", slug="bob", company="bob@evil.example"
        ),
        *extra_rows,
    ]
    path = tmp_path / "hostile.zip"
    path.write_bytes(zip_bytes({"Connections.csv": connections_csv(*rows)}))
    return path


@pytest.mark.parametrize("command", ["stale", "reengage", "summary", "diversity"])
def test_no_escape_sequence_from_an_export_reaches_the_terminal(runner, tmp_path, command):
    args = [command, str(hostile_export(tmp_path)), "--as-of", "2026-01-01"]
    if command == "diversity":
        args += ["--by", "company"]
    result = runner.invoke(cli, args, color=True)
    assert result.exit_code == 0, result.output
    # Colours and bold of netlens' own are the only escape sequences left.
    assert not re.sub(r"\x1b\[[0-9;]*m", "", result.output).count("\x1b")
    assert RLO not in result.output and "\x01" not in result.output


def test_an_error_line_is_one_short_line(runner, tmp_path):
    folder = write_folder(tmp_path / "export", {"notes.txt": "x"})
    name = "Connections\nError: fake.csv"  # recognised as Connections.csv, with a line break
    (folder / name).write_bytes(b"\xff\xfe\x00garbage")
    long_zip = tmp_path / ("x" * 200 + ".zip")
    long_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    for path in (folder, long_zip):
        result = runner.invoke(cli, ["summary", str(path)])
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
        assert len(lines[0]) <= 310


def test_redact_hides_what_warnings_quote(runner, tmp_path):
    """An unquoted comma shifts the position into the date column; an e-mail in a bad
    date cell: both once showed in a redacted report's warnings."""
    export = hostile_export(
        tmp_path,
        "Zoe,Park,https://www.linkedin.com/in/zoe,,Acme, Inc,Secret Project Lead,04 Jul 2023",
        "Jane,Doe,https://www.linkedin.com/in/jane,,Acme,Engineer,jane.doe@private.example",
    )
    out = tmp_path / "shared"
    args = ["report", str(export), "-o", str(out), "--redact", "--as-of", AS_OF, "-q"]
    assert runner.invoke(cli, args).exit_code == 0
    for name in ("index.html", "report.md", "report.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "Secret Project Lead" not in text, name
        assert "jane.doe@private.example" not in text, name
        assert "unreadable Connected On date" in text, name  # the warning itself stays


def test_markdown_makes_no_links_and_no_bidi_override(runner, tmp_path):
    out = tmp_path / "out"
    args = ["report", str(hostile_export(tmp_path)), "-o", str(out), "--as-of", AS_OF, "-q"]
    assert runner.invoke(cli, [*args, "--format", "md"]).exit_code == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "http://evil" not in text and "bob@evil" not in text
    assert "evil.example" in text.replace("&#46;", ".")  # still shown, as text
    assert RLO not in text and "\x1b" not in text


def test_graph_files_are_valid_xml_whatever_the_names(runner, tmp_path):
    export = hostile_export(tmp_path)
    for fmt in ("graphml", "gexf"):
        target = tmp_path / f"graph.{fmt}"
        result = runner.invoke(cli, ["export", str(export), "--format", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        ET.parse(target)  # raises on a character XML forbids


def test_export_never_writes_over_a_teammates_export_or_into_an_export_folder(runner, tmp_path):
    me, maya = tmp_path / "me.zip", tmp_path / "maya.zip"
    me.write_bytes(TEAM[0].read_bytes())
    maya.write_bytes(TEAM[1].read_bytes())
    before = digest(maya)
    result = runner.invoke(
        cli, ["export", str(me), "--with", str(maya), "--format", "graphml", "-o", str(maya)]
    )
    assert result.exit_code == 1
    assert "is one of this command's inputs" in result.output
    assert digest(maya) == before

    folder = tmp_path / "folder"
    with zipfile.ZipFile(SAMPLE) as archive:
        archive.extractall(folder)
    target = folder / "Connections.csv"
    before = digest(target)
    result = runner.invoke(cli, ["export", str(folder), "-o", str(target)])
    assert result.exit_code == 1
    assert "is one of this command's inputs" in result.output
    assert digest(target) == before


def test_a_report_never_replaces_the_users_own_files(runner, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("<html>my page</html>")
    result = runner.invoke(cli, ["report", str(SAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "not written by netlens" in result.output
    assert (out / "index.html").read_text() == "<html>my page</html>"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # nothing else written


def test_the_users_own_pictures_in_a_charts_folder_stay(runner, tmp_path):
    out = tmp_path / "out"
    (out / "charts").mkdir(parents=True)
    (out / "charts" / "holiday.png").write_bytes(b"\x89PNG mine")
    args = ["report", str(SAMPLE), "-o", str(out), "-q", "--as-of", AS_OF]
    assert runner.invoke(cli, args).exit_code == 0
    assert runner.invoke(cli, [*args, "--format", "json"]).exit_code == 0  # removes its charts
    assert (out / "charts" / "holiday.png").read_bytes() == b"\x89PNG mine"
    assert sorted(p.name for p in (out / "charts").iterdir()) == ["holiday.png"]


def test_a_charts_folder_that_links_elsewhere_is_refused(runner, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "growth.png").write_bytes(b"precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "charts").symlink_to(elsewhere)
    result = runner.invoke(cli, ["report", str(SAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert (elsewhere / "growth.png").read_bytes() == b"precious"
    assert sorted(p.name for p in out.iterdir()) == ["charts"]


def test_a_failed_report_leaves_the_previous_one_as_it_was(runner, tmp_path, monkeypatch):
    out = tmp_path / "out"
    args = ["report", str(SAMPLE), "-o", str(out), "-q", "--as-of", AS_OF]
    assert runner.invoke(cli, args).exit_code == 0
    before = {p: digest(p) for p in out.rglob("*") if p.is_file()}

    from netlens.render import files

    real = Path.write_bytes

    def disk_full(self, data):
        if self.name == "report.json":
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(files.Path, "write_bytes", disk_full)
    result = runner.invoke(cli, [*args, "--redact"])
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert {p: digest(p) for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def _load_warnings(path: str) -> list[str]:
    return netlens.load(path).report.warnings


def test_files_that_are_no_files_are_skipped(tmp_path):
    folder = write_folder(
        tmp_path / "export", {"Connections.csv": connections_csv(ROW.format(
            first="Ann", last="Lee", slug="ann-lee", company="Acme"))}
    )  # fmt: skip
    secret = tmp_path / "secret.csv"
    secret.write_text("FROM,TO,DATE\nAnn Lee,Me,2024-01-01\n")
    os.mkfifo(folder / "messages.csv")
    (folder / "Invitations.csv").symlink_to(secret)  # leads out of the export
    (folder / "Positions.csv").symlink_to(folder / "nowhere.csv")  # leads nowhere
    (folder / "Profile.csv").symlink_to(folder / "Profile.csv")  # a loop
    # In a forked worker, which is ended if the load hangs on the pipe (a fresh interpreter
    # would import pandas again for nothing).
    with multiprocessing.get_context("fork").Pool(1) as pool:
        warnings = pool.apply_async(_load_warnings, (str(folder),)).get(timeout=60)
    assert "messages.csv: not a regular file (skipped)" in warnings
    assert "Invitations.csv: a link leading out of the export (skipped)" in warnings
    assert "Positions.csv: a link to nothing (or in a loop) (skipped)" in warnings
    assert "Profile.csv: a link to nothing (or in a loop) (skipped)" in warnings


def test_a_pipe_as_the_export_is_an_error(tmp_path):
    fifo = tmp_path / "Connections.csv"
    os.mkfifo(fifo)
    with pytest.raises(netlens.NetlensError, match="not a regular file"):
        netlens.load(fifo)
