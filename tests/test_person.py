"""``netlens person``: one contact's story, on the fixture exports of 2023 and 2025 (Nadia
Karimi's), whose contents are known: Jonas Weber wrote on 17 June 2024 and Nadia answered
the next day; each endorsed the other; Charlotte Dubois moved from Doctolib to Alan between
the two exports; Emma Johansson changed title at Klarna."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import netlens
from netlens.analyze.person import AmbiguousQuery, find_person, person, redact
from netlens.cli import cli
from netlens.errors import NetlensError

from conftest import EXPORTS

AS_OF = dt.date(2026, 1, 1)
NEW = str(EXPORTS / "era2025")
OLD = str(EXPORTS / "era2023")
JONAS_TEXT = "here is the agenda for Munich"


@pytest.fixture(scope="module")
def network():
    return netlens.load(NEW)


def test_story_of_messages_exchanges_and_tie(network):
    story = person(network, "jonas", as_of=AS_OF)
    assert story["person"]["name"] == "Jonas Weber"
    assert story["connection"]["connected_on"] == "2023-06-20"
    messages = story["messages"]
    assert (messages["sent"], messages["received"], messages["group"]) == (1, 1, 0)
    assert messages["by_month"] == [{"month": "2024-06", "out": 1, "in": 1}]
    assert [m["direction"] for m in messages["dates"]] == ["in", "out"]
    assert messages["dates"][0]["date"].startswith("2024-06-17")
    assert "texts" not in messages
    assert [(e["kind"], e["direction"]) for e in story["exchanges"]] == [
        ("endorsement", "out"),
        ("endorsement", "in"),
    ]
    tie = story["tie"]
    assert tie["tier"] == "fading"
    assert tie["strength"] == pytest.approx(sum(tie["parts"].values()), abs=1e-3)
    assert tie["parts"]["message"] > 0 and tie["parts"]["endorsement"] > 0
    assert "they endorsed your skills" in story["reasons"]


def test_invitation_and_its_note(network):
    story = person(network, "Priyanka Nair", as_of=AS_OF)
    assert story["connection"]["invitations"] == [
        {"date": "2024-12-15", "direction": "out", "note": True}
    ]
    assert story["reasons"] == []  # active: not on the re-engage list


def test_job_changes_against_an_older_export(network):
    old = netlens.load(OLD)
    moved = person(network, "charlotte", as_of=AS_OF, snapshot=old)["job_changes"]
    assert moved == [
        {
            "before": {"company": "Doctolib", "position": "Head of Product"},
            "after": {"company": "Alan", "position": "VP Product"},
        }
    ]
    assert person(network, "Priyanka Nair", as_of=AS_OF, snapshot=old)["job_changes"] == []


def test_query_by_url_prefix_and_folded_name(network):
    people = network.people
    assert find_person(people, "https://www.linkedin.com/in/emmajohansson/")["name"] == (
        "Emma Johansson"
    )
    assert find_person(people, "LUCIA")["name"] == "Lucía Martínez"
    assert find_person(people, "martinez")["name"] == "Lucía Martínez"
    with pytest.raises(AmbiguousQuery) as several:
        find_person(people, "a")
    assert len(several.value.candidates) > 1
    with pytest.raises(NetlensError, match="did you mean Jonas Weber"):
        find_person(people, "Jonsa Weber")
    with pytest.raises(NetlensError, match="Zzyzx' — check the spelling, or give part"):
        find_person(people, "Zzyzx")


def test_a_contact_made_after_as_of_is_said_to_be_so(network):
    """Not 'no contact matches … did you mean someone else': they are there, later."""
    row = find_person(network.people, "Jonas Weber")
    day = row["connected_on"].date()
    with pytest.raises(NetlensError, match=f"Jonas Weber connected on {day.isoformat()}, after"):
        person(network, "Jonas Weber", as_of=day - dt.timedelta(days=1))
    assert person(network, "Jonas Weber", as_of=day)["person"]["name"] == "Jonas Weber"


def test_text_only_when_asked(network):
    story = person(network, "jonas", as_of=AS_OF, show_text=True)
    texts = story["messages"]["texts"]
    assert [t["direction"] for t in texts] == ["in", "out"]
    assert JONAS_TEXT in texts[0]["text"]
    assert "texts" not in redact(story)["messages"]


def test_person_command(runner):
    plain = runner.invoke(cli, ["person", NEW, "jonas", "--as-of", "2026-01-01"])
    assert plain.exit_code == 0, plain.output
    assert "Jonas Weber" in plain.output and JONAS_TEXT not in plain.output
    shown = runner.invoke(cli, ["person", NEW, "jonas", "--show-text", "--as-of", "2026-01-01"])
    assert JONAS_TEXT in shown.output
    hidden = runner.invoke(
        cli, ["person", NEW, "jonas", "--redact", "--format", "json", "--as-of", "2026-01-01"]
    )
    data = json.loads(hidden.stdout)
    assert data["person"] == {
        "name": "J. W.", "url": None, "email": None, "company": "Celonis", "position": None,
    }  # fmt: skip
    assert "jonas-weber" not in hidden.output
    both = runner.invoke(cli, ["person", NEW, "jonas", "--redact", "--show-text"])
    assert both.exit_code == 2
    several = runner.invoke(cli, ["person", NEW, "a"])
    assert several.exit_code == 1
    assert several.output.startswith("Error: 'a' matches") and "Amara Diallo" in several.output
    hidden = runner.invoke(cli, ["person", NEW, "a", "--redact"])
    assert hidden.exit_code == 1
    assert "A. D." in hidden.output and "Amara" not in hidden.output


# One export per era of the files (2013 has no messages; the others each a messages format).
@pytest.mark.parametrize("era", sorted(p.name for p in EXPORTS.glob("era*") if p.is_dir()))
def test_person_on_every_era(runner, era):
    first = netlens.load(EXPORTS / era).people["name"].iloc[0]
    out = runner.invoke(
        cli, ["person", str(EXPORTS / era), first, "--format", "json", "--show-text",
              "--as-of", "2026-11-21"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["person"]["name"] == first
