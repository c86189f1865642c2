"""The command line as a user meets it: help, version, summary output, python -m netlens."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import netlens
from netlens import __version__
from netlens.cli import cli

from conftest import EXPORTS

ROOT = Path(__file__).parent.parent


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"netlens, version {__version__}\n"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example_and_docs(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"netlens {name}" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


def test_summary_json_fields(runner):
    result = runner.invoke(
        cli, ["summary", str(EXPORTS / "era2025"), "--format", "json", "--as-of", "2026-01-31"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["netlens_version"] == __version__
    assert data["as_of"] == "2026-01-31"
    for field in [
        "connections", "hidden_members", "people", "messages", "invitations", "endorsements",
        "recommendations", "first_connected", "last_connected", "owner", "files",
        "ignored_files", "warnings",
    ]:  # fmt: skip
        assert field in data
    assert data["owner"] == {"name": "Nadia Karimi", "url": "linkedin.com/in/nadia-karimi-4b7a21"}


def test_summary_text(runner):
    result = runner.invoke(cli, ["summary", str(EXPORTS / "era2025"), "--as-of", "2025-04-30"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"netlens summary of {EXPORTS / 'era2025'} (as of 2025-04-30, given with --as-of)"
    )
    assert "  Newest record    2025-03-12" in lines
    assert not result.stderr  # 49 days after the newest record: no warning
    assert "  Owner            Nadia Karimi · linkedin.com/in/nadia-karimi-4b7a21" in lines
    assert "  Connections      18 rows: 16 people, 2 hidden members" in lines
    assert "  Connected        2011-02-03 → 2025-03-11" in lines
    assert "  Messages         16  (not counted: 2 drafts, 1 spam, 1 sponsored)" in lines
    assert (
        "Ignored (4 files netlens does not use): Ad_Targeting.csv, Jobs/Job Applications.csv, "
        "Learning.csv, Rich_Media.csv" in lines
    )


def test_bad_as_of_is_a_usage_error(runner):
    result = runner.invoke(cli, ["summary", str(EXPORTS / "era2013"), "--as-of", "21/11/2026"])
    assert result.exit_code == 2
    assert "Invalid value for '--as-of'" in result.output


def test_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "netlens", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"netlens, version {__version__}"


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from netlens.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'networkx', 'matplotlib') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_summary_says_what_a_past_as_of_leaves_out(runner):
    sample = str(ROOT / "sample_exports" / "thomas-johnson.zip")
    text = runner.invoke(cli, ["summary", sample, "--as-of", "2026-06-01"]).output
    assert "57 connections dated after 2026-06-01: counted above" in text
    result = runner.invoke(cli, ["summary", sample, "--as-of", "2026-06-01", "--format", "json"])
    assert json.loads(result.stdout)["connected_after_as_of"] == 57
    today = runner.invoke(cli, ["summary", sample, "--as-of", "2026-11-21", "--format", "json"])
    assert json.loads(today.stdout)["connected_after_as_of"] == 0


def test_the_default_as_of_is_the_exports_own_date_not_today(runner, tmp_path):
    # An old export judged against today would show no active tie and no growth: the
    # review is of the day the export was made, and says so.
    result = runner.invoke(cli, ["summary", str(EXPORTS / "era2025"), "--format", "json"])
    data = json.loads(result.stdout)
    assert (data["as_of"], data["as_of_source"]) == (
        "2025-03-12",
        "the newest record in the export",
    )
    assert data["newest_record"] == "2025-03-12" and data["export_date"] is None
    assert not result.stderr
    # LinkedIn's archive name carries the day it was made: that wins, in the zip's name …
    archive = tmp_path / "Basic_LinkedInDataExport_04-02-2025 (1).zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in (EXPORTS / "era2025").rglob("*.csv"):
            zf.write(file, file.relative_to(EXPORTS / "era2025").as_posix())
    result = runner.invoke(cli, ["stale", str(archive)])
    assert result.stdout.startswith(
        f"Stale ties — {archive} (as of 2025-04-02, the date in the export's name)"
    )
    # … or in the folder inside it, whatever the zip is called now.
    renamed = tmp_path / "mine.zip"
    with zipfile.ZipFile(renamed, "w") as zf:
        for file in (EXPORTS / "era2025").rglob("*.csv"):
            name = file.relative_to(EXPORTS / "era2025").as_posix()
            zf.write(file, f"Complete_LinkedInDataExport_04-02-2025/{name}")
    assert netlens.load(renamed).default_as_of() == dt.date(2025, 4, 2)


def test_an_as_of_long_after_the_newest_record_is_warned_about(runner):
    result = runner.invoke(cli, ["stale", str(EXPORTS / "era2025"), "--as-of", "2026-12-07"])
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: as of 2026-12-07 is 635 days after the newest record in the export "
        "(2025-03-12): ties will look staler than they were then; --as-of 2025-03-12 reviews "
        "the export as it stood.\n"
    )
    report = netlens.review(netlens.load(EXPORTS / "era2025"), as_of=dt.date(2026, 12, 7))
    assert report.sections[0].notes[0].startswith("Warning: as of 2026-12-07 is 635 days")
    assert netlens.review(netlens.load(EXPORTS / "era2025")).as_of == "2025-03-12"


def test_a_name_dated_before_the_records_is_not_believed(runner, tmp_path):
    # A zip renamed by hand: its records run past the date in its name.
    archive = tmp_path / "Basic_LinkedInDataExport_06-01-2022.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in (EXPORTS / "era2025").rglob("*.csv"):
            zf.write(file, file.relative_to(EXPORTS / "era2025").as_posix())
    day = netlens.load(archive).default_as_of()
    assert day == dt.date(2025, 3, 12)
    assert day.why == "the newest record in the export, later than its name's 2022-06-01"


def test_diff_is_as_of_the_newer_export_and_says_so(runner):
    out = runner.invoke(cli, ["diff", str(EXPORTS / "era2023"), str(EXPORTS / "era2025")])
    assert "as of 2025-03-12, the newest record in the export" in out.stdout.splitlines()[0]
    data = json.loads(
        runner.invoke(
            cli, ["diff", str(EXPORTS / "era2023"), str(EXPORTS / "era2025"), "--format", "json"]
        ).stdout
    )
    assert (data["as_of"], data["as_of_source"]) == (
        "2025-03-12",
        "the newest record in the export",
    )
