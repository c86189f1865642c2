"""netlens.sample: synthetic exports, checked with the csv module only (no loader)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from netlens.sample import write_samples

AS_OF = dt.date(2024, 6, 30)
NOTE_START = '"When exporting your connection data, you may notice'
CONNECTIONS_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                      "Connected On"]  # fmt: skip
MESSAGES_HEADER = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
]  # fmt: skip
EXPECTED_FILES = {
    "Connections.csv", "messages.csv", "Invitations.csv", "Endorsement_Received_Info.csv",
    "Endorsement_Given_Info.csv", "Recommendations_Received.csv", "Recommendations_Given.csv",
    "Profile.csv", "Positions.csv", "Ad_Targeting.csv", "Learning.csv", "Rich_Media.csv",
    "Jobs/Job Applications.csv",
}  # fmt: skip
# (file, column, strptime format) for every dated column netlens reads.
DATED = [
    ("messages.csv", "DATE", "%Y-%m-%d %H:%M:%S UTC"),
    ("Invitations.csv", "Sent At", "%m/%d/%y, %I:%M %p"),
    ("Endorsement_Received_Info.csv", "Endorsement Date", "%Y/%m/%d %H:%M:%S UTC"),
    ("Endorsement_Given_Info.csv", "Endorsement Date", "%Y/%m/%d %H:%M:%S UTC"),
    ("Recommendations_Received.csv", "Creation Date", "%m/%d/%y, %I:%M %p"),
    ("Recommendations_Given.csv", "Creation Date", "%m/%d/%y, %I:%M %p"),
    ("Positions.csv", "Started On", "%b %Y"),
    ("Positions.csv", "Finished On", "%b %Y"),
]


# -- helpers --------------------------------------------------------------------------------


def text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def table(path: Path, name: str) -> tuple[list[str], list[list[str]]]:
    content = text(path, name)
    if name == "Connections.csv":
        content = content.split("\n", 3)[3]  # after Notes:, the note and the blank line
    rows = list(csv.reader(io.StringIO(content)))
    return rows[0], rows[1:]


def records(path: Path, name: str) -> list[dict[str, str]]:
    header, rows = table(path, name)
    return [dict(zip(header, row, strict=True)) for row in rows]


def connected_on(row: dict[str, str]) -> dt.date:
    return dt.datetime.strptime(row["Connected On"], "%d %b %Y").date()


def owner_of(path: Path) -> tuple[str, str]:
    """(full name, profile URL) of an export's owner, from Profile.csv and the file name."""
    (profile,) = records(path, "Profile.csv")
    return f"{profile['First Name']} {profile['Last Name']}", (
        "https://www.linkedin.com/in/" + path.stem
    )


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single")
    (path,) = write_samples(out, connections=1000, messages=3000, seed=11, as_of=AS_OF)
    return path


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("team")
    return write_samples(out, connections=300, messages=900, team=3, seed=5, as_of=AS_OF)


# -- determinism and arguments -------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    options = {"connections": 200, "messages": 500, "team": 2, "as_of": AS_OF}
    first = write_samples(tmp_path / "a", seed=3, **options)
    second = write_samples(tmp_path / "b", seed=3, **options)
    other = write_samples(tmp_path / "c", seed=4, **options)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_returns_one_zip_per_owner_named_by_slug(single, team):
    assert single.suffix == ".zip" and single.exists()
    assert len(team) == 3 and len({p.name for p in team}) == 3
    for path in [single, *team]:
        assert path.stem.isascii() and path.stem == path.stem.lower()
        assert not list(path.parent.glob(".*.tmp"))  # written atomically, nothing left over


def test_creates_out_dir(tmp_path):
    (path,) = write_samples(tmp_path / "new" / "dir", connections=5, as_of=AS_OF)
    assert path.parent == tmp_path / "new" / "dir"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"connections": 0}, "connections must be at least 1"),
        ({"connections": -5}, "connections must be at least 1"),
        ({"messages": -1}, "messages must be 0 or more"),
        ({"team": 0}, "team must be at least 1"),
        ({"connections": 2, "team": 5}, "connections must be at least team - 1"),
    ],
)
def test_bad_arguments(tmp_path, options, message):
    with pytest.raises(ValueError, match=message):
        write_samples(tmp_path, as_of=AS_OF, **options)
    assert not list(tmp_path.iterdir())


def test_module_does_not_import_pandas():
    code = "import sys, netlens.sample; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_data_tables_cover_every_industry():
    def read(name):
        folder = resources.files("netlens").joinpath("data").joinpath("sample")
        return list(csv.DictReader(io.StringIO(folder.joinpath(name).read_text("utf-8"))))

    industries = [row["industry"] for row in read("industries.csv")]
    assert len(industries) == 20
    for name in ("companies.csv", "company_keywords.csv"):
        assert {row["industry"] for row in read(name)} == set(industries), name
    assert len({row["seniority"] for row in read("seniorities.csv")}) == 10
    assert len({row["function"] for row in read("functions.csv")}) == 26


# -- archive layout ------------------------------------------------------------------------


def test_archive_holds_todays_files(single):
    with zipfile.ZipFile(single) as archive:
        names = set(archive.namelist())
        stamps = {info.date_time for info in archive.infolist()}
    assert names == EXPECTED_FILES
    assert stamps == {(AS_OF.year, AS_OF.month, AS_OF.day, 0, 0, 0)}
    assert table(single, "Invitations.csv")[0] == [
        "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"
    ]  # fmt: skip
    assert table(single, "Endorsement_Given_Info.csv")[0][2:5] == [
        "Endorsee First Name", "Endorsee Last Name", "Endorsee Public Url"
    ]  # fmt: skip
    assert text(single, "Rich_Media.csv").startswith("You uploaded a ")  # not a CSV at all


def test_every_file_utf8_lf_no_bom_no_final_newline(single):
    for name in EXPECTED_FILES:
        raw = zipfile.ZipFile(single).read(name)
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in raw, name
        assert not raw.endswith(b"\n"), name
        raw.decode("utf-8")


# -- Connections.csv -----------------------------------------------------------------------


def test_connections_preamble(single):
    lines = text(single, "Connections.csv").split("\n")
    assert lines[0] == "Notes:"
    assert lines[1].startswith(NOTE_START) and lines[1].endswith('answer/261"')
    assert lines[2] == ""
    assert lines[3] == ",".join(CONNECTIONS_HEADER)


def test_connections_row_count_includes_hidden_members(single, team):
    header, rows = table(single, "Connections.csv")
    assert header == CONNECTIONS_HEADER
    assert len(rows) == 1000
    for path in team:
        assert len(table(path, "Connections.csv")[1]) == 300


def test_connections_newest_first_and_not_after_as_of(single):
    dates = [connected_on(row) for row in records(single, "Connections.csv")]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] <= AS_OF
    assert (AS_OF - dates[-1]).days > 3 * 365 - 31


def test_hidden_members_one_to_three_percent(tmp_path):
    for seed in (1, 2, 3):
        (path,) = write_samples(tmp_path / str(seed), connections=1000, messages=50, seed=seed,
                                as_of=AS_OF)  # fmt: skip
        rows = table(path, "Connections.csv")[1]
        hidden = [row for row in rows if not any(row[:6])]
        assert 10 <= len(hidden) <= 30
        assert all(row[6] for row in hidden)


def test_connections_quirks(single):
    rows = records(single, "Connections.csv")
    people = [row for row in rows if row["URL"]]
    urls = [row["URL"] for row in people]
    assert len(set(urls)) == len(urls)
    assert all(url.startswith("https://www.linkedin.com/in/") for url in urls)
    assert any("%" in url for url in urls)  # percent-encoded non-Latin slugs
    assert any(url.rsplit("-", 1)[-1].isalnum() and "-" in url[28:] for url in urls)
    emails = sum(1 for row in people if row["Email Address"])
    assert 0.005 < emails / len(people) < 0.05
    names = [row["First Name"] + row["Last Name"] for row in people]
    assert any(not name.isascii() for name in names)
    companies = {row["Company"] for row in people}
    assert companies & {"Self-employed", "Freelance", "Confidential", "N/A", "-", "."}
    assert "" in companies
    assert any("," in company for company in companies)


def test_connections_include_conversation_partners(single):
    connected = {row["URL"] for row in records(single, "Connections.csv") if row["URL"]}
    _, owner_url = owner_of(single)
    messages = records(single, "messages.csv")
    partners = {m["SENDER PROFILE URL"] for m in messages} - {owner_url, ""}
    assert len(partners & connected) > 0.9 * len(partners)
    given = records(single, "Endorsement_Given_Info.csv")
    assert {"https://" + row["Endorsee Public Url"] for row in given} <= connected


# -- messages.csv --------------------------------------------------------------------------


@pytest.mark.parametrize("messages", [0, 1, 37, 1234])
def test_messages_row_count_is_exact(tmp_path, messages):
    (path,) = write_samples(tmp_path, connections=120, messages=messages, seed=2, as_of=AS_OF)
    header, rows = table(path, "messages.csv")
    assert header == MESSAGES_HEADER
    assert len(rows) == messages


def test_messages_default_ten_per_connection(tmp_path):
    (path,) = write_samples(tmp_path, connections=40, seed=2, as_of=AS_OF)
    assert len(table(path, "messages.csv")[1]) == 400


def test_messages_row_count_exact_in_team(team):
    for path in team:
        assert len(table(path, "messages.csv")[1]) == 900


def test_messages_quirks(single):
    messages = records(single, "messages.csv")
    name, url = owner_of(single)
    senders = [m["SENDER PROFILE URL"] for m in messages]
    assert max(set(senders), key=senders.count) == url  # the owner writes the most
    assert any(m["FROM"] == name for m in messages)
    assert any("," in m["RECIPIENT PROFILE URLS"] for m in messages)  # group chats
    sponsored = [m for m in messages if m["FROM"] == "LinkedIn Member"]
    assert sponsored and all(m["SENDER PROFILE URL"] == "" for m in sponsored)
    assert {m["FOLDER"] for m in messages} <= {"INBOX", "SENT", "SPAM"}
    assert "SPAM" in {m["FOLDER"] for m in messages}
    assert any(m["IS MESSAGE DRAFT"] == "Yes" for m in messages)
    assert {m["IS MESSAGE DRAFT"] for m in messages} == {"Yes", "No"}
    assert any("\n" in m["CONTENT"] for m in messages)


def test_messages_never_before_connecting(single):
    connected = {
        row["URL"]: connected_on(row) for row in records(single, "Connections.csv") if row["URL"]
    }
    for message in records(single, "messages.csv"):
        day = dt.datetime.strptime(message["DATE"], "%Y-%m-%d %H:%M:%S UTC").date()
        urls = [message["SENDER PROFILE URL"], *message["RECIPIENT PROFILE URLS"].split(",")]
        for url in urls:
            if url in connected:
                assert day >= connected[url], (message, url)


# -- other files ---------------------------------------------------------------------------


def test_no_date_after_as_of(single, team):
    for path in [single, *team]:
        for name, column, fmt in DATED:
            values = [row[column] for row in records(path, name) if row[column]]
            assert values or name == "Recommendations_Given.csv", (name, column)
            for value in values:
                assert dt.datetime.strptime(value, fmt).date() <= AS_OF, (name, value)


def test_invitations_are_recent(single):
    invitations = records(single, "Invitations.csv")
    assert {row["Direction"] for row in invitations} == {"INCOMING", "OUTGOING"}
    assert any(row["Message"] for row in invitations)
    for row in invitations:
        sent = dt.datetime.strptime(row["Sent At"], "%m/%d/%y, %I:%M %p").date()
        assert (AS_OF - sent).days <= 731


def test_endorsement_urls_have_no_scheme(single):
    for row in records(single, "Endorsement_Received_Info.csv"):
        assert row["Endorser Public Url"].startswith("www.linkedin.com/in/")
        assert row["Endorsement Status"] in {"ACCEPTED", "REJECTED"}


def test_profile_and_positions(single):
    (profile,) = records(single, "Profile.csv")
    assert profile["First Name"] and profile["Last Name"] and profile["Industry"]
    positions = records(single, "Positions.csv")
    assert 2 <= len(positions) <= 5
    assert positions[0]["Finished On"] == ""
    assert all(row["Finished On"] for row in positions[1:])


# -- teams ---------------------------------------------------------------------------------


def test_team_owners_all_connected_with_same_name_and_url(team):
    owners = [owner_of(path) for path in team]
    for path, (_, url) in zip(team, owners, strict=True):
        rows = {row["URL"]: row for row in records(path, "Connections.csv") if row["URL"]}
        assert url not in rows  # nobody is their own connection
        for other_name, other_url in owners:
            if other_url != url:
                assert rows[other_url]["First Name"] + " " + rows[other_url]["Last Name"] == (
                    other_name
                )


def test_team_owners_message_each_other(team):
    owners = [owner_of(path) for path in team]
    for path, (_, url) in zip(team, owners, strict=True):
        senders = {m["SENDER PROFILE URL"] for m in records(path, "messages.csv")}
        assert {u for _, u in owners if u != url} <= senders


def test_team_networks_overlap_partly(team):
    networks = []
    for path in team:
        rows = [row for row in records(path, "Connections.csv") if row["URL"]]
        networks.append({row["URL"]: (row["First Name"], row["Last Name"], row["Company"],
                                      row["Position"]) for row in rows})  # fmt: skip
    owner_urls = {owner_of(path)[1] for path in team}
    for i, mine in enumerate(networks):
        for theirs in networks[i + 1 :]:
            shared = (set(mine) & set(theirs)) - owner_urls
            assert 0.05 < len(shared) / len(mine) < 0.5
            assert all(mine[url] == theirs[url] for url in shared)  # the same person
