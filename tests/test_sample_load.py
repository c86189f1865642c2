"""The samples `netlens sample` writes load cleanly, and the bundled ones are as documented."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import netlens
from netlens.cli import cli
from netlens.sample import write_samples

ROOT = Path(__file__).parent.parent
AS_OF = dt.date(2026, 11, 21)


def test_a_sample_loads_without_warnings(tmp_path):
    (path,) = write_samples(tmp_path, connections=300, messages=1500, seed=3, as_of=AS_OF)
    network = netlens.load(path)
    report = network.report
    assert report.warnings == []
    assert report.connections == 300
    assert len(network.people) == 300 - report.hidden_members
    assert report.messages == 1500
    assert network.owner.url == "linkedin.com/in/" + path.stem
    assert network.owner.name
    assert report.ignored_files == [
        "Ad_Targeting.csv",
        "Jobs/Job Applications.csv",
        "Learning.csv",
        "Rich_Media.csv",
    ]
    kinds = set(network.interactions["kind"])
    assert kinds == {"connection", "message", "invitation", "endorsement", "recommendation"}
    assert network.interactions["date"].max() <= dt.datetime(2026, 11, 22)


def test_a_team_shares_people_and_knows_each_other(tmp_path):
    paths = write_samples(tmp_path, connections=200, messages=600, team=3, seed=5, as_of=AS_OF)
    networks = [netlens.load(p) for p in paths]
    owners = {n.owner.url for n in networks}
    assert len(owners) == 3
    for network in networks:
        urls = set(network.people["url"])
        assert owners - {network.owner.url} <= urls  # every teammate is a connection
    shared = set(networks[0].people["url"]) & set(networks[1].people["url"])
    assert len(shared) > 10


def test_sample_command(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["sample", str(tmp_path), "--connections", "50", "--seed", "1", "--as-of", "2026-11-21"],
    )
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert Path(line).parent == tmp_path and Path(line).suffix == ".zip"
    assert zipfile.is_zipfile(line)


def test_bundled_samples_are_the_documented_ones():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    solo = ROOT / "sample_exports" / "thomas-johnson.zip"
    assert f"netlens report {solo.relative_to(ROOT)}" in readme
    summary = netlens.load(solo).summary()
    assert summary["connections"] == 1000
    assert summary["warnings"] == []
    team = sorted((ROOT / "sample_exports" / "team").glob("*.zip"))
    assert len(team) == 3


def test_bundled_samples_regenerate_byte_for_byte(tmp_path):
    """The README's sample commands reproduce the committed files exactly."""
    (solo,) = write_samples(tmp_path / "solo", connections=1000, seed=7, as_of=AS_OF)
    assert solo.read_bytes() == (ROOT / "sample_exports" / solo.name).read_bytes()
    team = write_samples(
        tmp_path / "team", connections=400, messages=2000, team=3, seed=11, as_of=AS_OF
    )
    for path in team:
        assert path.read_bytes() == (ROOT / "sample_exports" / "team" / path.name).read_bytes()
