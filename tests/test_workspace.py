"""Team workspaces: ingest, the same results as --with, and errors that lose nothing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

import netlens
from netlens import workspace
from netlens.cli import cli
from netlens.errors import NetlensError
from netlens.workspace.ingest import add_network

from conftest import EXPORTS, connections_csv, write_folder

ROOT = Path(__file__).parent.parent
TEAM = sorted((ROOT / "sample_exports" / "team").glob("*.zip"))
AS_OF = "2026-11-21"
IN = "https://www.linkedin.com/in/"


@pytest.fixture(scope="module")
def team_workspace(tmp_path_factory):
    """The bundled sample team in a workspace, added once for the module."""
    path = tmp_path_factory.mktemp("ws") / "team.duckdb"
    result = workspace.add(path, TEAM)
    assert [a["status"] for a in result["added"]] == ["added"] * len(TEAM)
    return path


def run(runner, *args):
    result = runner.invoke(cli, [str(a) for a in args])
    return result


@pytest.mark.parametrize("me", range(len(TEAM)))
def test_reach_team_equals_reach_with(runner, team_workspace, me):
    others = [p for i, p in enumerate(TEAM) if i != me]
    with_args = [a for p in others for a in ("--with", p)]
    common = ["--format", "json", "--as-of", AS_OF]
    merged = run(runner, "reach", TEAM[me], *with_args, *common)
    pooled = run(runner, "reach", TEAM[me], "--team", team_workspace, *common)
    assert merged.exit_code == 0, merged.output
    assert pooled.exit_code == 0, pooled.output
    assert json.loads(pooled.output) == json.loads(merged.output)
    assert json.loads(pooled.output)["second_degree"] > 0


@pytest.mark.parametrize("me", [0, len(TEAM) - 1])
def test_reach_with_equals_the_merged_graphs_reach(runner, me):
    """``reach --with`` works in SQL (an in-memory workspace): the same result as
    :func:`netlens.reach` walking the graph :func:`netlens.merge` makes."""
    others = [p for i, p in enumerate(TEAM) if i != me]
    as_of = dt.date.fromisoformat(AS_OF)
    expected = netlens.reach(
        netlens.merge(netlens.load(TEAM[me]), [netlens.load(p) for p in others], as_of=as_of)
    )
    with_args = [a for p in others for a in ("--with", p)]
    merged = run(runner, "reach", TEAM[me], *with_args, "--format", "json", "--as-of", AS_OF)
    assert merged.exit_code == 0, merged.output
    found = json.loads(merged.output)
    assert found.pop("as_of") == AS_OF and found.pop("netlens_version")
    found.pop("as_of_source")
    assert found == json.loads(json.dumps(expected))
    assert found["second_degree"] > 0


def test_reach_with_the_same_export_twice_says_so(runner):
    for args in ([TEAM[0], "--with", TEAM[0]], [TEAM[0], "--with", TEAM[1], "--with", TEAM[1]]):
        result = run(runner, "reach", *args)
        assert result.exit_code == 1, result.output
        assert "Error: the same person's export was given twice" in result.output


def test_intros_and_export_team_equal_with(runner, team_workspace, tmp_path):
    me, others = TEAM[0], TEAM[1:]
    with_args = [a for p in others for a in ("--with", p)]
    company = ["--company", "Microsoft", "--format", "json", "--as-of", AS_OF]
    merged = run(runner, "intros", me, *with_args, *company)
    pooled = run(runner, "intros", me, "--team", team_workspace, *company)
    assert merged.exit_code == 0, merged.output
    assert json.loads(pooled.output) == json.loads(merged.output)
    assert json.loads(merged.output)["paths"]
    graphs = []
    for source in (with_args, ["--team", team_workspace]):
        out = tmp_path / f"graph{len(graphs)}.json"
        result = run(runner, "export", me, *source, "--format", "json", "-o", out, "--as-of", AS_OF)
        assert result.exit_code == 0, result.output
        graphs.append(json.loads(out.read_text(encoding="utf-8")))
    assert graphs[0] == graphs[1]


def test_intros_with_reads_messages_only_for_first_hops(team_workspace):
    """A lean teammate (connections only) gives the same paths as a fully read one."""
    from netlens.cli.team import first_hop_teammates

    network = netlens.load(TEAM[0])
    full = [netlens.load(p) for p in TEAM[1:]]
    as_of = dt.date.fromisoformat(AS_OF)
    lean = first_hop_teammates(network, tuple(str(p) for p in TEAM[1:]))
    team = netlens.merge(network, full, as_of=as_of)
    for company in full[0].people["company"].value_counts().index[:4]:
        expected = netlens.intros(team, company=company)
        found = netlens.intros(netlens.merge(network, lean, as_of=as_of), company=company)
        assert found == expected


def test_connections_part_reads_the_same_people_and_owner():
    for path in [TEAM[0], EXPORTS / "era2025", EXPORTS / "quirks"]:
        full, lean = netlens.load(path), netlens.load(path, parts="connections")
        assert lean.owner.to_dict() == full.owner.to_dict()
        assert lean.people.equals(full.people)
        assert set(lean.interactions["kind"]) == {"connection"}
        assert lean.report.messages == 0 < full.report.messages or full.report.messages == 0


def test_load_each_reads_what_load_reads_of_each(tmp_path):
    """Keyed in one batch, each export's people, owner, warnings and figures are those of
    its own load: namesakes and repeated URLs are numbered and dropped within each file,
    not across them."""
    twin = write_folder(
        tmp_path / "twin",
        {
            "Connections.csv": connections_csv(
                "Ann,Archer,,,Initech,Founder,01 Jan 2020",
                "Ann,Archer,,,Globex,Buyer,02 Jan 2020",
                f"Bob,Baker,{IN}bob,,Acme,Engineer,01 Jan 2020",
                f"Bob,Baker,{IN}bob/,,Acme,Engineer,03 Jan 2020",
                ",,,,,,04 Jan 2020",
            ),
            "Profile.csv": "First Name,Last Name\nCat,Cole\n",
        },
    )
    paths = [*sorted(p for p in EXPORTS.iterdir() if p.is_dir()), twin, twin, TEAM[0]]
    lone = [netlens.load(path, parts="connections") for path in paths]
    each = netlens.load_each(paths)
    for one, batched in zip(lone, each, strict=True):
        assert batched.people.equals(one.people)
        assert batched.interactions.equals(one.interactions)
        assert batched.connection_dates.equals(one.connection_dates)
        assert batched.owner == one.owner and batched.profile == one.profile
        assert batched.report == one.report
    ids = each[-2].people["person_id"].tolist()
    assert ids == ["name:ann archer", "name:ann archer#2", "linkedin.com/in/bob"]
    assert any("dropped 1 row repeating a person" in w for w in each[-2].report.warnings)
    assert each[-2].report.hidden_members == 1


def test_load_each_names_the_export_it_cannot_read(tmp_path):
    empty = write_folder(tmp_path / "empty", {"Connections.csv": connections_csv()})
    with pytest.raises(NetlensError, match="has a header but no connections"):
        netlens.load_each([TEAM[0], empty])


def test_connections_part_finds_the_owner_without_reading_invitation_dates(tmp_path):
    import shutil

    export = tmp_path / "era2025"
    shutil.copytree(EXPORTS / "era2025", export)
    invitations = export / "Invitations.csv"
    invitations.write_text(invitations.read_text().replace("2025-03-10 19:22:05", "soon"))
    full, lean = netlens.load(export), netlens.load(export, parts="connections")
    assert any("Invitations.csv" in w and "Sent At" in w for w in full.report.warnings)
    assert not any("Invitations.csv" in w for w in lean.report.warnings)
    assert lean.owner.to_dict() == full.owner.to_dict()
    assert lean.owner.url == "linkedin.com/in/nadia-karimi-4b7a21"


@pytest.fixture(scope="module")
def hand_drawn(tmp_path_factory):
    """Ann (owner URL unknown: she joins her node by name), Bob, Cat, whose export knows
    Hal by name only, and Dan, whose export knows Hal by URL."""
    people = {
        "ann": "Ann,Archer,{u}ann,,Initech,Founder,01 Jan 2020",
        "bob": "Bob,Baker,{u}bob,,Acme,Engineer,01 Jan 2020",
        "cat": "Cat,Cole,{u}cat,,Acme,Designer,01 Jan 2020",
        "dan": "Dan,Drew,{u}dan,,Globex,Nurse,01 Jan 2020",
        "hal": "Hal,Hunt,{u}hal,,Globex,Buyer,01 Jan 2024",
    }
    contacts = {
        "ann": ["bob"], "bob": ["ann", "cat"], "cat": ["bob", "hal"], "dan": ["bob", "hal"],
        "hal": ["cat"],
    }  # fmt: skip
    networks = {}
    tmp_path = tmp_path_factory.mktemp("hand-drawn")
    for owner, known in contacts.items():
        rows = [people[p].format(u=IN) for p in known]
        if owner == "cat":
            rows[-1] = rows[-1].replace(f"{IN}hal", "")
        first, last = people[owner].split(",")[:2]
        folder = write_folder(
            tmp_path / owner,
            {
                "Connections.csv": connections_csv(*rows),
                "Profile.csv": f"First Name,Last Name\n{first},{last}\n",
            },
        )
        url = None if owner == "ann" else f"{IN}{owner}"
        networks[owner] = netlens.load(folder, owner_url=url)
    return networks


@pytest.mark.parametrize(
    ("members", "as_of", "degrees"),
    [
        # Hal, by name in Cat's export and by URL in Dan's, is one person.
        (("bob", "cat", "dan"), dt.date(2026, 11, 21), (2, 1)),
        (("bob", "cat", "dan"), dt.date(2022, 1, 1), None),
        (("bob",), dt.date(2026, 11, 21), (1, None)),  # no member beyond: 3rd unknown
        (("bob", "hal"), dt.date(2026, 11, 21), (1, 1)),  # Hal's export, at distance 3
    ],
)
def test_reach_merges_names_and_dates_as_merge_does(hand_drawn, tmp_path, members, as_of, degrees):
    path = tmp_path / "hand.duckdb"
    con = workspace.connect(path, create=True)
    for owner in members:
        add_network(con, hand_drawn[owner], source=owner)
    con.close()
    me = hand_drawn["ann"].until(as_of)
    others = [hand_drawn[o] for o in members]
    expected = netlens.reach(netlens.merge(me, others, as_of=as_of))
    assert workspace.reach(path, me, as_of=as_of) == expected
    assert workspace.reach_exports(me, others, as_of=as_of) == expected
    alone = netlens.reach(netlens.merge(me, as_of=as_of))
    assert workspace.reach_exports(me, [], as_of=as_of) == alone
    assert netlens.load_each([]) == []
    if degrees:
        assert (expected["second_degree"], expected["third_degree"]) == degrees


def test_reach_with_a_teammate_who_knows_only_you_says_what_merge_says(hand_drawn, tmp_path):
    """No one else's ties beyond your contacts: --with says what one export shows, not what a
    workspace holds (it has none)."""
    zed = write_folder(
        tmp_path / "zed",
        {
            "Connections.csv": connections_csv(f"Ann,Archer,{IN}ann,,Initech,Founder,01 Jan 2020"),
            "Profile.csv": "First Name,Last Name\nZed,Zu\n",
        },
    )
    me, as_of = hand_drawn["ann"], dt.date(2026, 11, 21)
    teammate = netlens.load(zed, owner_url=f"{IN}zed")
    expected = netlens.reach(netlens.merge(me, [teammate], as_of=as_of))
    assert workspace.reach_exports(me, [teammate], as_of=as_of) == expected
    assert not any("workspace" in note for note in expected["notes"])


@pytest.fixture
def cat_exports(tmp_path):
    """Cat's export of January 2021 (Bob), then of December 2024 (Bob and Hal)."""
    rows = {"bob": f"Bob,Baker,{IN}bob,,Acme,Engineer,01 Jan 2020",
            "hal": f"Hal,Hunt,{IN}hal,,Globex,Buyer,01 Jan 2024"}  # fmt: skip
    exports = {}
    for date, people in (("01-05-2021", ["bob"]), ("12-01-2024", ["bob", "hal"])):
        exports[date] = write_folder(
            tmp_path / f"Basic_LinkedInDataExport_{date}",
            {
                "Connections.csv": connections_csv(*(rows[p] for p in people)),
                "Profile.csv": "First Name,Last Name\nCat,Cole\n",
            },
        )
    return exports


def test_newer_export_replaces_older_is_skipped(runner, tmp_path, cat_exports):
    """The newer export replaces the older and says who came; the older again is
    skipped."""
    exports = cat_exports
    path = tmp_path / "ws.duckdb"
    added = []
    for date in ("01-05-2021", "12-01-2024", "01-05-2021"):
        result = run(runner, "team", "add", path, exports[date], "--format", "json")
        assert result.exit_code == 0, result.output
        added += json.loads(result.output)["added"]
    first, newer, older = added
    assert (first["status"], first["connections"]) == ("added", 1)
    assert newer["status"] == "replaced"
    assert newer["diff"] == {
        "added": 1, "removed": 0, "added_names": ["Hal Hunt"], "removed_names": [],
    }  # fmt: skip
    assert older["status"] == "skipped" and "newer export" in older["reason"]
    listed = workspace.members(path)["members"]
    assert [(m["source"], m["snapshot"], m["connections"]) for m in listed] == [
        (str(exports["12-01-2024"]), "2024-12-01", 2)
    ]


def test_team_add_and_list_redact_members_and_their_files(runner, tmp_path, cat_exports):
    path = tmp_path / "ws.duckdb"
    shown = []
    for date, fmt in (("01-05-2021", "text"), ("12-01-2024", "text"), ("01-05-2021", "json")):
        added = run(runner, "team", "add", path, cat_exports[date], "--redact", "-q",
                    "--format", fmt)  # fmt: skip
        assert added.exit_code == 0, added.output
        shown.append(added.stdout)
    for fmt in ("text", "json"):
        plain = run(runner, "team", "list", path, "--format", fmt)
        listed = run(runner, "team", "list", path, "--format", fmt, "--redact")
        assert "Cat Cole" in plain.stdout and "C. C." in listed.stdout
        shown.append(listed.stdout)
    assert "C. C." in shown[0] and "H. H." in shown[1]  # Hal came with the newer export
    assert "newer export of this person (2024-12-01)" in json.loads(shown[2])["added"][0]["reason"]
    for output in shown:
        for secret in (
            "Cat",
            "cat cole",
            "Hal Hunt",
            "linkedin.com/in",
            "DataExport",
            str(tmp_path),
        ):
            assert secret not in output


def test_workspace_stores_no_message_text(team_workspace):
    con = duckdb.connect(str(team_workspace), read_only=True)
    columns = con.execute(
        "SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns() "
        "WHERE table_name = 'interactions' GROUP BY 1"
    ).fetchall()
    kinds = {k for (k,) in con.execute("SELECT DISTINCT kind FROM interactions").fetchall()}
    con.close()
    assert columns == [
        ("interactions", ["owner", "person", "kind", "date", "direction", "note", "group"])
    ]
    assert "message" in kinds


def test_team_commands_add_list_parquet(runner, team_workspace, tmp_path):
    listed = run(runner, "team", "list", team_workspace, "--format", "json")
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    assert [m["source"] for m in data["members"]] == [str(p) for p in TEAM]
    assert all(m["snapshot"] == AS_OF for m in data["members"])
    again = run(runner, "team", "add", tmp_path / "new.duckdb", TEAM[0], TEAM[0])
    assert again.exit_code == 0, again.output
    assert (
        "Added" in again.output and "the same connections as the export it replaces" in again.output
    )
    out = tmp_path / "parquet"
    written = run(runner, "team", "export-parquet", team_workspace, out, "--format", "json")
    assert written.exit_code == 0, written.output
    rows = json.loads(written.output)["rows"]
    con = duckdb.connect()
    found = con.execute(f"SELECT count(*) FROM read_parquet('{out / 'connections.parquet'}')")
    assert (
        found.fetchall()[0][0]
        == rows["connections"]
        == sum(m["connections"] for m in data["members"])
    )


def test_team_and_with_together_is_a_usage_error(runner, team_workspace):
    result = run(runner, "reach", TEAM[0], "--team", team_workspace, "--with", TEAM[1])
    assert result.exit_code == 2
    assert "--team takes the place of --with" in result.output


def test_missing_damaged_and_newer_workspaces_say_error(runner, team_workspace, tmp_path):
    missing = run(runner, "team", "list", tmp_path / "none.duckdb")
    assert missing.exit_code == 1 and "no such workspace" in missing.output
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(b"not a database" * 1000)
    before = damaged.read_bytes()
    for args in (["team", "add", damaged, TEAM[0]], ["reach", TEAM[0], "--team", damaged]):
        result = run(runner, *args)
        assert result.exit_code == 1 and result.output.startswith("Error:"), result.output
        assert "Traceback" not in result.output
    assert damaged.read_bytes() == before
    newer = tmp_path / "newer.duckdb"
    newer.write_bytes(team_workspace.read_bytes())
    con = duckdb.connect(str(newer))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    result = run(runner, "team", "add", newer, TEAM[0])
    assert result.exit_code == 1 and "newer netlens" in result.output


def test_a_sqlite_file_is_no_workspace_and_nothing_is_fetched(runner, tmp_path, monkeypatch):
    """DuckDB would load its SQLite reader for such a file, and download it first: netlens
    loads no extension, so it says what the file is and touches no network or home."""
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    lite = tmp_path / "lite.duckdb"
    con = sqlite3.connect(lite)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    before = lite.read_bytes()
    for args in (["team", "list", lite], ["team", "add", lite, TEAM[0]],
                 ["reach", TEAM[0], "--team", lite]):  # fmt: skip
        result = run(runner, *args)
        assert result.exit_code == 1, result.output
        assert "not a netlens workspace (a database file of another kind)" in result.output
    assert lite.read_bytes() == before
    assert list(home.iterdir()) == []  # no ~/.duckdb/extensions made


def test_a_damaged_file_in_a_folder_named_extensions_is_damaged(runner, tmp_path):
    """The word in a path is no DuckDB message about an extension."""
    folder = tmp_path / "my-extensions"
    folder.mkdir()
    junk = folder / "w.duckdb"
    junk.write_bytes(bytes(range(256)) * 80)
    result = run(runner, "team", "list", junk)
    assert result.exit_code == 1 and "another kind" not in result.output, result.output


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        ('Could not write file "w.duckdb.wal": No space left on device', "the disk is full"),
        ('Cannot open file "w.duckdb": Read-only file system', "is not allowed to use this"),
        ('Cannot open file "w.duckdb": Permission denied', "is not allowed to use this"),
    ],
)
def test_a_full_or_closed_disk_is_said_as_such_not_as_damage(failure, said):
    from netlens.workspace.schema import damage_as_error

    with pytest.raises(NetlensError, match=said) as caught, damage_as_error("w.duckdb"):
        raise duckdb.IOException(f"IO Error: {failure}")
    assert "damaged" not in str(caught.value)


@pytest.mark.parametrize("offset", [12_288, 300_000])
def test_a_damaged_block_says_damaged_and_writes_nothing(runner, team_workspace, tmp_path, offset):
    """DuckDB finds a damaged block when the file is opened (the first block) or only
    when a query reaches it: either way the workspace is called damaged — not busy (a
    damaged "block" is no "lock") and not a netlens bug — and nothing is written."""
    damaged = tmp_path / "damaged.duckdb"
    data = bytearray(team_workspace.read_bytes())
    data[offset : offset + 60_000] = b"\xff" * 60_000
    damaged.write_bytes(bytes(data))
    for args in (
        ["reach", TEAM[0], "--team", damaged],
        ["team", "list", damaged],
        ["team", "export-parquet", damaged, tmp_path / "parquet"],
    ):
        result = run(runner, *args)
        assert result.exit_code == 1, result.output
        assert result.output.startswith(f"Error: {damaged}: the workspace file is damaged")
        assert "another process" not in result.output and "unexpected" not in result.output
    assert damaged.read_bytes() == bytes(data)
    assert not (tmp_path / "parquet").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["damaged.duckdb"]  # no staging left


def test_exports_whose_owner_is_unknown_are_refused_not_merged_into_one(runner, tmp_path):
    """Two Connections.csv alone: neither names its owner, so both would be the one node
    "owner:unknown", the second replacing the first in a workspace."""
    alone = [
        write_folder(tmp_path / who, {"Connections.csv": connections_csv(row)})
        for who, row in (("x", f"Bob,Baker,{IN}bob,,Acme,Engineer,01 Jan 2020"),
                         ("y", f"Hal,Hunt,{IN}hal,,Globex,Buyer,01 Jan 2024"))
    ]  # fmt: skip
    path = tmp_path / "ws.duckdb"
    added = run(runner, "team", "add", path, *alone)
    assert added.exit_code == 1, added.output
    assert added.output.startswith(f"Error: {alone[0]}: whose export this is cannot be told")
    assert not path.exists()
    merged = run(runner, "reach", TEAM[0], "--with", alone[0], "--with", alone[1])
    assert merged.exit_code == 1 and "cannot be merged as a teammate's" in merged.output
    # As the user's own export, an unnamed owner is fine: nothing else is merged into them.
    mine = run(runner, "reach", alone[0], "--with", TEAM[0], "--format", "json")
    assert mine.exit_code == 0, mine.output


def test_failed_export_leaves_the_workspace_as_it_was(runner, tmp_path):
    path = tmp_path / "ws.duckdb"
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK not really a zip")
    result = run(runner, "team", "add", path, TEAM[0], bad)
    assert result.exit_code == 1 and "(the 1 export(s) before it were added)" in result.output
    assert [m["source"] for m in workspace.members(path)["members"]] == [str(TEAM[0])]
    empty = tmp_path / "empty.duckdb"
    result = run(runner, "team", "add", empty, bad)
    assert result.exit_code == 1 and not empty.exists()


def test_locked_workspace_says_error(team_workspace, tmp_path):
    path = tmp_path / "locked.duckdb"
    path.write_bytes(team_workspace.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(path)!r})
            print("held", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(NetlensError, match="another process is using this workspace"):
            workspace.members(path)
    finally:
        holder.communicate("")
    assert len(workspace.members(path)["members"]) == len(TEAM)


def test_industries_from_another_classifier_are_inferred_again(team_workspace, tmp_path):
    path = tmp_path / "older.duckdb"
    path.write_bytes(team_workspace.read_bytes())
    con = duckdb.connect(str(path))
    con.execute("UPDATE industries SET industry = 'Stale Industry'")
    con.execute("UPDATE meta SET value = 'older' WHERE key = 'classifier'")
    con.close()
    as_of = dt.date.fromisoformat(AS_OF)
    me = netlens.load(TEAM[0]).until(as_of)
    expected = netlens.reach(netlens.merge(me, [netlens.load(p) for p in TEAM[1:]], as_of=as_of))
    assert workspace.reach(path, me, as_of=as_of) == expected
    workspace.add(path, [TEAM[1]])  # a write infers them again, for every member
    con = duckdb.connect(str(path), read_only=True)
    stale = con.execute("SELECT count(*) FROM industries WHERE industry = 'Stale Industry'")
    assert stale.fetchall() == [(0,)]
    con.close()
    assert workspace.reach(path, me, as_of=as_of) == expected


def test_export_never_writes_over_a_members_export(runner, tmp_path):
    import shutil

    member = tmp_path / "mate.zip"
    shutil.copy(TEAM[1], member)
    path = tmp_path / "ws.duckdb"
    assert run(runner, "team", "add", path, member).exit_code == 0
    before = member.read_bytes()
    result = run(runner, "export", TEAM[0], "--team", path, "--format", "gexf", "-o", member)
    assert result.exit_code == 1 and "never overwrites its inputs" in result.output
    assert member.read_bytes() == before


def test_team_add_says_each_export_as_soon_as_it_is_in(runner, tmp_path):
    """A run stopped by a bad export has already said which exports went in (and they
    stay): one line per export as it is committed, not a report at the end."""
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    path = tmp_path / "ws.duckdb"
    result = run(runner, "team", "add", path, TEAM[0], bad)
    assert result.exit_code == 1
    assert result.stdout.startswith("Added Camille Martin (392 connections")
    assert "(the 1 export(s) before it were added)" in result.stderr
    assert [m["name"] for m in workspace.members(path)["members"]] == ["Camille Martin"]


def test_a_workspace_of_yourself_alone_says_to_add_teammates(runner, tmp_path):
    path = tmp_path / "ws.duckdb"
    assert run(runner, "team", "add", path, TEAM[0]).exit_code == 0
    result = run(runner, "reach", TEAM[0], "--team", path, "--format", "json")
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["notes"]
    assert any("netlens team add WORKSPACE" in note for note in notes)
    assert not any("--with" in note for note in notes)
