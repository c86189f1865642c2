"""Smoke test of the benchmark script: it runs end to end on tiny inputs and prints its
table. No timing is asserted (SPEC §6: benchmarks, not timed tests)."""

import json
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_benchmark_runs_on_tiny_inputs(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--sizes", "tiny", "--out", str(tmp_path), "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].split() == [
        "what",
        "size",
        "seconds",
        "peak",
        "MB",
        "ratio",
        "target",
        "result",
    ]
    rows = [re.split(r"\s{2,}", line.strip())[0] for line in lines[3:] if line.strip()]
    for what in (
        "floor: pandas read_csv",
        "load",
        "load peak memory",
        "stage classify_people",
        "stage diversity",
        "stage relationships",
        "stage reengage",
        "stage growth",
        "stage health",
        "netlens summary (process)",
        "netlens report (process)",
        "team load (2 exports)",
        "stage build_team",
        "stage reach",
        "build_team + reach",
        "netlens reach --with ×1 (process)",
        "python -c 'import click'",
        "netlens --help",
    ):
        assert what in rows, f"no row {what!r} in\n{done.stdout}"
    assert any(word in done.stdout for word in ("PASS", "FAIL"))
    results = json.loads((tmp_path / "results.json").read_text())
    assert {row["what"].strip() for row in results} >= {"load", "netlens --help"}
    assert (tmp_path / "inputs" / "tiny-single").is_dir()
