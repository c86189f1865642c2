"""Every command runs on every era's export and on the bundled sample, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netlens.cli import cli

from conftest import EXPORTS

ROOT = Path(__file__).parent.parent
TARGETS = [
    *sorted(str(p) for p in EXPORTS.iterdir() if p.is_dir()),
    str(ROOT / "sample_exports" / "thomas-johnson.zip"),
]
COMMANDS = {
    "summary": ["text", "json"],
    "diversity": ["text", "json", "csv"],
    "stale": ["text", "json", "csv"],
    "reengage": ["text", "json", "csv"],
    "growth": ["text", "json", "csv"],
}


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: Path(t).name)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_on_export(runner, command, target):
    for fmt in COMMANDS[command]:
        result = runner.invoke(cli, [command, target, "--format", fmt, "--as-of", "2026-11-21"])
        assert result.exit_code == 0, (fmt, result.output)
        assert "Traceback" not in result.output
        if fmt == "json":
            data = json.loads(result.stdout)
            assert data["as_of"] == "2026-11-21"
        elif fmt == "csv":
            assert result.output.count("\n") >= 1


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: Path(t).name)
def test_export_csv_on_export(runner, target, tmp_path):
    out = tmp_path / "people.csv"
    result = runner.invoke(cli, ["export", target, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeffname,url,company,position,connected_on")  # BOM: Excel reads UTF-8


def test_diff_across_eras(runner):
    result = runner.invoke(
        cli, ["diff", str(EXPORTS / "era2023"), str(EXPORTS / "era2025"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["changed"], "the fixtures' recurring contacts changed jobs between eras"
    assert all(c["before"] != c["after"] for c in data["changed"])
    text = runner.invoke(cli, ["diff", str(EXPORTS / "era2023"), str(EXPORTS / "era2025")])
    assert text.exit_code == 0 and "Job changes" in text.output
