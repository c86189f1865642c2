"""The command line protects the user's files and refuses nonsense before doing any work."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import zipfile
from pathlib import Path

import pytest

from netlens.cli import cli

from conftest import EXPORTS, connections_csv, write_folder, zip_bytes

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "sample_exports" / "thomas-johnson.zip"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_never_overwrites_the_export(runner, tmp_path):
    export = tmp_path / "export.zip"
    export.write_bytes(SAMPLE.read_bytes())
    before = digest(export)
    result = runner.invoke(cli, ["export", str(export), "-o", str(export)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {export} is one of this command's inputs; netlens never overwrites its inputs "
        "— write to another file\n"
    )
    assert digest(export) == before


def test_unknown_out_never_overwrites_the_industry_map(runner, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("company,industry\nAcme,Retail\n", encoding="utf-8")
    before = digest(mapping)
    result = runner.invoke(
        cli,
        ["diversity", str(EXPORTS / "quirks"), "--industry-map", str(mapping),
         "--unknown-out", str(mapping)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "is one of this command's inputs" in result.output
    assert "Diversity" not in result.output  # refused before printing anything
    assert digest(mapping) == before


def test_output_into_a_missing_folder_fails_before_printing(runner, tmp_path):
    result = runner.invoke(
        cli, ["diversity", str(EXPORTS / "quirks"), "--unknown-out", str(tmp_path / "no" / "u.csv")]
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "does not exist — create it first" in result.stderr


def test_export_to_standard_output(runner):
    result = runner.invoke(cli, ["export", str(EXPORTS / "era2013"), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("name,url,company,position,connected_on,industry")


def test_written_files_have_ordinary_permissions(runner, tmp_path):
    out = tmp_path / "people.csv"
    assert runner.invoke(cli, ["export", str(EXPORTS / "era2013"), "-o", str(out)]).exit_code == 0
    assert out.stat().st_mode & 0o044  # readable by group/others as the umask allows, not 0600


def test_output_through_a_link_keeps_the_link(runner, tmp_path):
    link, target = tmp_path / "link.csv", tmp_path / "target.csv"
    link.symlink_to(target.name)
    args = ["export", str(EXPORTS / "era2013"), "-o", str(link)]
    assert runner.invoke(cli, args).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8-sig").startswith("name,url")
    null = tmp_path / "null.csv"  # a link to a device: written to, neither replaced
    null.symlink_to(os.devnull)
    assert runner.invoke(cli, [*args[:-1], str(null)]).exit_code == 0
    assert null.is_symlink() and stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_output_to_dev_stdout_appends_to_what_the_shell_opened(tmp_path):
    """`netlens export E -o /dev/stdout >> log.txt`: /dev/stdout is log.txt there, opened to
    append by the shell; it is written to, not replaced by a file of the CSV alone."""
    import subprocess
    import sys

    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    inode = log.stat().st_ino
    with open(log, "ab") as out:
        subprocess.run(
            [sys.executable, "-m", "netlens", "export", str(EXPORTS / "era2013"),
             "-o", "/dev/stdout", "-q"],
            stdout=out, check=True,
        )  # fmt: skip
    text = log.read_text(encoding="utf-8")
    assert text.startswith("before\n\ufeffname,url") and log.stat().st_ino == inode


def test_output_to_a_named_pipe_goes_down_the_pipe(runner, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(cli, ["export", str(EXPORTS / "era2013"), "-o", str(pipe)])
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert received and received[0].decode("utf-8-sig").startswith("name,url")
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still a pipe, not a file in its place


@pytest.mark.parametrize("months", ["36", "100000", "0"])
def test_months_outside_1_to_35_is_a_usage_error(runner, months):
    result = runner.invoke(cli, ["stale", str(EXPORTS / "era2025"), "--months", months])
    assert result.exit_code == 2
    assert "Invalid value for '--months'" in result.output


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "21/11/2026", "2026-13-01"])
def test_impossible_as_of_is_a_usage_error(runner, as_of):
    result = runner.invoke(cli, ["stale", str(EXPORTS / "era2025"), "--as-of", as_of])
    assert result.exit_code == 2
    assert "Invalid value for '--as-of'" in result.output


def test_as_of_before_the_first_connection(runner):
    result = runner.invoke(cli, ["stale", str(EXPORTS / "era2025"), "--as-of", "2005-01-01"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2005-01-01 is before your first connection (2011-02-03) — nothing to review "
        "as of then; pick a later --as-of\n"
    )


def test_as_of_in_the_past_reviews_the_network_as_it_was(runner):
    import json

    then = json.loads(
        runner.invoke(
            cli, ["stale", str(SAMPLE), "--as-of", "2020-01-01", "--format", "json"]
        ).output
    )
    now = json.loads(
        runner.invoke(
            cli, ["stale", str(SAMPLE), "--as-of", "2026-11-21", "--format", "json"]
        ).output
    )
    assert then["people"] < now["people"]
    assert then["tiers"]["unknown"] == 0
    assert all(c["connected_on"] <= "2020-01-01" for c in then["contacts"])


@pytest.mark.parametrize(
    ("value", "ok"),
    [("https://www.linkedin.com/in/Maya-Cohen/", True), ("maya-cohen", True),
     ("https://example.com/maya", False), ("foo/bar", False)],
)  # fmt: skip
def test_owner_url_is_checked(runner, value, ok):
    result = runner.invoke(cli, ["summary", str(EXPORTS / "era2013"), "--owner-url", value])
    assert (result.exit_code == 0) is ok, result.output
    if not ok:
        assert result.exit_code == 2 and "is not a LinkedIn profile URL" in result.output


def test_damaged_zip_member_is_named_as_such(runner, tmp_path):
    blob = bytearray(zip_bytes({"Connections.csv": connections_csv(
        *[f"P{i},X,https://www.linkedin.com/in/p{i},,Acme,Engineer,04 Jul 2023" for i in range(400)]
    )}))  # fmt: skip
    with zipfile.ZipFile(__import__("io").BytesIO(bytes(blob))) as archive:
        start = archive.infolist()[0].header_offset + 30 + len("Connections.csv")
    for at in range(start + 200, start + 260):
        blob[at] ^= 0xFF
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(blob))
    result = runner.invoke(cli, ["summary", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Connections.csv: damaged inside the zip (")
    assert result.output.endswith("— download the export from LinkedIn again\n")


def test_a_folder_holding_only_the_zip_points_at_it(runner, tmp_path):
    (tmp_path / "Basic_LinkedInDataExport_11-21-2026.zip").write_bytes(SAMPLE.read_bytes())
    result = runner.invoke(cli, ["summary", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: folder {tmp_path}: no Connections.csv found, but it holds "
        "Basic_LinkedInDataExport_11-21-2026.zip — pass that zip itself\n"
    )


def test_diff_refuses_two_different_peoples_exports(runner):
    team = sorted((ROOT / "sample_exports" / "team").glob("*.zip"))
    result = runner.invoke(cli, ["diff", str(team[0]), str(team[1])])
    assert result.exit_code == 1
    assert "diff compares two exports of the same person" in result.output


def test_excel_semicolon_connections(tmp_path):
    import netlens

    text = connections_csv("Ravi,Shah,,,Acme,Engineer,04 Jul 2023").replace(",", ";")
    folder = write_folder(tmp_path / "e", {"Connections.csv": text.encode("cp1252")})
    network = netlens.load(folder)
    assert network.people["company"].tolist() == ["Acme"]


def test_rows_with_extra_fields_are_kept_and_counted(tmp_path):
    import netlens

    rows = ["A,B,,,Acme,Engineer,04 Jul 2023,oops,again", "C,D,,,Acme,Engineer,05 Jul 2023"]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    network = netlens.load(folder)
    assert len(network.people) == 2
    assert network.report.warnings[0] == (
        "Connections.csv: 1 row with more fields than the header; the extra fields were ignored"
    )


def test_a_spreadsheet_instead_of_messages_csv_is_named_and_explained(tmp_path, runner):
    from netlens.cli import cli

    rows = ["A,B,,,Acme,Engineer,04 Jul 2023"]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    (folder / "Messages.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result = runner.invoke(cli, ["summary", str(folder)])
    assert result.exit_code == 0
    assert (
        "  ! Messages.xlsx is not read: netlens reads Messages.csv, the CSV file LinkedIn "
        "sends, not a .xlsx — save it as CSV UTF-8 named Messages.csv, or use the file from "
        "LinkedIn's zip"
    ) in result.stdout.splitlines()
    assert "  ! no messages.csv in this export, so every tie looks untouched" in result.stdout
    assert "Messages.xlsx" in result.stdout.split("Ignored")[1]
    # Every command says so, on standard error (-q silences it); summary lists it once.
    stale = runner.invoke(cli, ["stale", str(folder)])
    assert stale.stderr.count("Warning: ") == 2 and "Messages.xlsx is not read" in stale.stderr
    assert runner.invoke(cli, ["stale", str(folder), "-q"]).stderr == ""
    assert result.stderr == ""
    # A Connections.csv given alone is not told to put messages.csv beside it: it is told to
    # pass the whole export (test_connections_csv_alone_says_every_tie_only_looks_untouched).
    alone = runner.invoke(cli, ["summary", str(folder / "Connections.csv")])
    assert "no messages.csv" not in alone.stdout and "only Connections.csv" in alone.stdout


def test_connections_csv_alone_says_every_tie_only_looks_untouched(tmp_path, runner):
    """Without messages every tie reads 'never in touch': given Connections.csv alone,
    every command says why, as for an export folder without messages.csv."""
    rows = ["A,B,,,Acme,Engineer,04 Jul 2023"]
    folder = write_folder(tmp_path / "e", {"Connections.csv": connections_csv(*rows)})
    for command in ("stale", "reengage", "summary"):
        result = runner.invoke(cli, [command, str(folder / "Connections.csv")])
        assert result.exit_code == 0, result.output
        assert "only Connections.csv was given, so every tie looks untouched" in result.output
