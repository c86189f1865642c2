"""The loader against hand-made exports of every era and quirk (tests/fixtures/exports).

Expected values were counted by hand when the fixtures were made (see make_fixtures.py).
"""

from __future__ import annotations

import pytest

import netlens

from conftest import EXPORTS, MESSAGES_HEADER, connections_csv, write_folder, zip_bytes, zip_folder

FOLDERS = sorted(p.name for p in EXPORTS.iterdir() if p.is_dir())
WITH_MESSAGES = ["era2016", "era2018", "era2020", "era2022", "era2023", "era2025"]
ROW_RAVI = "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 2023"
SUMMARY_FIELDS = [
    "connections", "hidden_members", "people", "messages", "invitations", "endorsements",
    "recommendations", "first_connected", "last_connected", "owner", "files", "ignored_files",
]  # fmt: skip


def test_every_fixture_has_expectations(expected):
    assert sorted(expected) == FOLDERS


@pytest.mark.parametrize("name", FOLDERS)
def test_summary_counts_of_every_era(name, expected):
    summary = netlens.load(EXPORTS / name).summary()
    want = expected[name]
    assert {field: summary[field] for field in SUMMARY_FIELDS} == {
        field: want[field] for field in SUMMARY_FIELDS
    }


@pytest.mark.parametrize("name", FOLDERS)
def test_names_are_clean_and_in_file_order(name, expected):
    network = netlens.load(EXPORTS / name)
    assert network.people["name"].tolist() == expected[name]["names"]


@pytest.mark.parametrize("name", [n for n in FOLDERS if n != "nested"])
def test_zip_of_the_folder_reads_the_same(name, expected, tmp_path):
    folder = netlens.load(EXPORTS / name).summary()
    for prefix, zip_name in [
        ("", "Basic_LinkedInDataExport_11-21-2026.zip"),
        (f"{name}/", "Complete_LinkedInDataExport_11-21-2026.zip.zip"),
    ]:
        path = zip_folder(EXPORTS / name, tmp_path / zip_name, prefix=prefix)
        zipped = netlens.load(path).summary()
        for field in SUMMARY_FIELDS:
            assert zipped[field] == folder[field], (zip_name, field)


def test_zip_wrapping_the_export_zip(tmp_path):
    inner = zip_bytes({"Connections.csv": connections_csv(ROW_RAVI)})
    path = tmp_path / "Basic_LinkedInDataExport_11-21-2026.zip.zip"
    path.write_bytes(zip_bytes({"Basic_LinkedInDataExport_11-21-2026.zip": inner}))
    assert netlens.load(path).summary()["people"] == 1


@pytest.mark.parametrize("name", FOLDERS)
def test_connections_csv_alone_under_any_name(name, expected, tmp_path):
    root = EXPORTS / name
    source = next(root.rglob("Connections.csv"))
    target = tmp_path / "my contacts (2).csv"
    target.write_bytes(source.read_bytes())
    summary = netlens.load(target).summary()
    assert summary["connections"] == expected[name]["connections"]
    assert summary["people"] == expected[name]["people"]
    assert summary["files"] == {target.name: expected[name]["connections"]}


@pytest.mark.parametrize("name", WITH_MESSAGES)
def test_counted_messages_per_contact(name, expected):
    """Drafts, SPAM and sponsored messages excluded; every group-chat participant counts."""
    network = netlens.load(EXPORTS / name)
    messages = network.interactions[network.interactions["kind"] == "message"]
    names = network.people.set_index("person_id")["name"]
    counted = messages["person"].map(names).value_counts().to_dict()
    assert counted == expected[name]["message_interactions"]


def test_profile_urls_in_every_spelling(expected):
    network = netlens.load(EXPORTS / "quirks")
    urls = network.people.set_index("name")["url"].to_dict()
    for name, url in expected["quirks"]["urls"].items():
        assert urls[name] == url


def test_quirks_warn_once_per_kind_of_problem():
    warnings = netlens.load(EXPORTS / "quirks").report.warnings
    assert any("unreadable Connected On date in 1 row" in w for w in warnings)
    assert any("too few fields" in w for w in warnings)
    assert any("repeating a person listed earlier" in w for w in warnings)
    assert len(warnings) == len(set(warnings))


def test_interaction_table_shape_and_directions():
    network = netlens.load(EXPORTS / "era2025")
    frame = network.interactions
    assert list(frame.columns) == ["person", "kind", "date", "direction", "note", "group"]
    assert set(frame["person"]) <= set(network.people["person_id"])
    connection_rows = frame[frame["kind"] == "connection"]
    assert len(connection_rows) == len(network.people)
    assert connection_rows["direction"].isna().all()
    others = frame[frame["kind"] != "connection"]
    assert set(others["direction"].dropna()) <= {"in", "out"}
    assert others["direction"].notna().all()
    # both directions of messages are present, and group-chat messages are flagged
    messages = frame[frame["kind"] == "message"]
    assert set(messages["direction"]) == {"in", "out"}
    assert messages["group"].any() and not messages["group"].all()


def test_excluded_messages_are_counted_in_the_report():
    report = netlens.load(EXPORTS / "era2025").report
    assert report.excluded_messages == {"draft": 2, "spam": 1, "sponsored": 1}


def test_invitation_notes():
    frame = netlens.load(EXPORTS / "era2025").interactions
    invitations = frame[frame["kind"] == "invitation"]
    assert invitations["note"].any() and not invitations["note"].all()


def test_owner_override(tmp_path):
    folder = write_folder(tmp_path / "export", {"Connections.csv": connections_csv(ROW_RAVI)})
    network = netlens.load(
        folder, owner_url="https://www.linkedin.com/in/Maya-Cohen/", owner_name="Maya Cohen"
    )
    assert network.owner.to_dict() == {"name": "Maya Cohen", "url": "linkedin.com/in/maya-cohen"}


def test_owner_from_outgoing_invitations_when_nothing_else_says(tmp_path):
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        'Maya Cohen,Ravi Shah,"10/29/24, 8:12 AM",,OUTGOING,'
        "https://www.linkedin.com/in/maya-cohen,https://www.linkedin.com/in/ravi-shah\n"
    )
    folder = write_folder(
        tmp_path / "export",
        {"Connections.csv": connections_csv(ROW_RAVI), "Invitations.csv": invitations},
    )
    owner = netlens.load(folder).owner
    assert owner.to_dict() == {"name": "Maya Cohen", "url": "linkedin.com/in/maya-cohen"}


def test_namesakes_are_two_people_and_match_nothing_by_name(tmp_path):
    rows = [
        "John,Smith,,,Acme,Engineer,04 Jul 2023",
        "John,Smith,,,Globex,Designer,05 Jul 2023",
        "Ann,Lee,,,Initech,PM,06 Jul 2023",
    ]
    recommendation = (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        'John,Smith,Acme,Engineer,"Great, really","09/21/16, 03:29 AM",VISIBLE\n'
        'Ann,Lee,Initech,PM,Superb,"09/21/16, 03:29 AM",VISIBLE\n'
    )
    folder = write_folder(
        tmp_path / "export",
        {"Connections.csv": connections_csv(*rows), "Recommendations_Received.csv": recommendation},
    )
    network = netlens.load(folder)
    assert network.people["person_id"].tolist() == [
        "name:john smith",
        "name:john smith#2",
        "name:ann lee",
    ]
    recs = network.interactions[network.interactions["kind"] == "recommendation"]
    assert recs["person"].tolist() == ["name:ann lee"]
    assert str(recs["date"].iloc[0]) == "2016-09-21 03:29:00"
    assert network.report.unmatched["recommendation"] == 1


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_as_the_load_found_it(enabled, tmp_path):
    """load() pauses Python's cycle collector while it reads, and gives it back as it was,
    whether the export could be read or not."""
    import gc

    (gc.enable if enabled else gc.disable)()
    try:
        netlens.load(EXPORTS / "era2025")
        assert gc.isenabled() == enabled
        with pytest.raises(netlens.NetlensError):
            netlens.load(tmp_path / "no-such-export.zip")
        assert gc.isenabled() == enabled
    finally:
        gc.enable()


def test_a_utf8_file_with_a_late_windows_1252_line_is_read_whole(tmp_path):
    """A file edited on Windows: UTF-8, with one line saved in Windows-1252 after the first
    64 kB. It is read as Windows-1252, whose five undefined bytes (0x8D here, in the UTF-8
    of Í and ō) decode as control characters rather than failing the file, and the UTF-8
    names are repaired."""
    filler = [f"Person{i},Last{i},,,Company {i},Engineer,04 Jul 2023" for i in range(1500)]
    connections = connections_csv(
        "Íñigo,Gōmez,https://www.linkedin.com/in/inigo,,Acme,Engineer,04 Jul 2023", *filler
    ).encode("utf-8") + "\nRené,Dubois,,,Café Ltd,Chef,05 Jul 2023".encode("cp1252")
    message = (
        "1-a,,{who},{url},Maya Cohen,https://www.linkedin.com/in/maya,"
        "2024-05-01 10:00:00 UTC,,{text},INBOX,,No,No"
    )
    messages = "\n".join(
        [MESSAGES_HEADER]
        + [
            message.format(
                who="Íñigo Gōmez", url="https://www.linkedin.com/in/inigo", text="x" * 60
            )
        ]
        * 1200
    ).encode("utf-8") + ("\n" + message.format(who="René Dubois", url="", text="Merci")).encode(
        "cp1252"
    )
    assert len(connections) > 64 * 1024 and len(messages) > 64 * 1024
    folder = write_folder(
        tmp_path / "export", {"Connections.csv": connections, "messages.csv": messages}
    )
    network = netlens.load(folder)
    names = network.people["name"].tolist()
    assert names[0] == "Íñigo Gōmez" and names[-1] == "René Dubois" and len(names) == 1502
    assert network.report.messages == 1201
    assert network.report.warnings == []
    inigo, rene = network.people["person_id"].iloc[[0, -1]]
    sent = network.interactions.query("kind == 'message'")["person"]
    assert sent.value_counts().to_dict() == {inigo: 1200, rene: 1}


def test_a_folder_of_several_exports_is_refused_by_name(tmp_path):
    from netlens.errors import NetlensError

    from conftest import connections_csv, write_folder

    for who in ("camille", "oskar"):
        write_folder(tmp_path / "downloads" / who, {"Connections.csv": connections_csv()})
    with pytest.raises(NetlensError, match=r"holds several exports \(camille/, oskar/\)"):
        netlens.load(tmp_path / "downloads")


def test_a_folder_is_read_two_levels_down_and_no_deeper(tmp_path):
    from conftest import connections_csv, write_folder

    row = "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Engineer,04 Jul 2023"
    export = write_folder(tmp_path / "export", {"Connections.csv": connections_csv(row)})
    (export / "Jobs").mkdir()
    (export / "Jobs" / "Job Applications.csv").write_text("a,b\n", encoding="utf-8")
    deep = export / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "lost.csv").write_text("a,b\n", encoding="utf-8")
    ignored = netlens.load(export).report.ignored_files
    assert "Jobs/Job Applications.csv" in ignored
    assert not any("lost" in name for name in ignored)  # never walked
