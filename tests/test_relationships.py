"""Relationship analytics on a hand-made export whose figures are counted by hand.

as_of = 2026-06-30. Twelve months back is 2025-06-30 (active from that day on); 36 months
back is 2023-06-30 (fading from that day on, dormant before).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import netlens
from netlens.analyze.diff import diff
from netlens.analyze.growth import growth
from netlens.analyze.health import health
from netlens.analyze.reengage import reengage
from netlens.analyze.staleness import TIERS, relationships, stale
from netlens.cli import cli

from conftest import EXPORTS, MESSAGES_HEADER, connections_csv, write_folder

AS_OF = dt.date(2026, 6, 30)
IN = "https://www.linkedin.com/in/"
CONNECTIONS = connections_csv(
    f"Ravi,Shah,{IN}ravi-shah,,Acme Freight,VP Sales,01 Jan 2020",
    f"Mei,Lin,{IN}%E6%A2%85-lin,,Contoso,Engineer,01 Mar 2021",
    f"Ann,Lee,{IN}ann-lee,,Globex Bank,Analyst,01 Jun 2026",
    f"Tom,Baker,{IN}tom-baker,,Initech,Designer,30 Jun 2019",
    f"Zoë,Müller,{IN}zoe-muller,,Umbrella Hospital,Nurse,01 Jan 2015",
    f"Sam,Ortiz,{IN}sam-ortiz,,Initech,Engineer,15 Jan 2024",
    f"Lena,Graf,{IN}lena-graf,,Hooli,Recruiter,29 Jun 2023",
    ",,,,,,12 Dec 2022",
)
MAYA = f"{IN}maya-cohen"
MESSAGES = "\n".join(
    [
        MESSAGES_HEADER,
        f"c1,,Maya Cohen,{MAYA},Ravi Shah,{IN}ravi-shah,2025-06-30 00:00:00 UTC,,hi,INBOX,,No,No",
        f"c1,,Ravi Shah,{IN}ravi-shah,Maya Cohen,{MAYA},2025-06-29 00:00:00 UTC,,yo,INBOX,,No,No",
        # a group chat: Mei writes to Maya and Tom — both Mei and Tom count
        f'c2,Team,Mei Lin,{IN}%E6%A2%85-lin,"Maya Cohen,Tom Baker","{MAYA},{IN}tom-baker",'
        "2023-06-30 00:00:00 UTC,,lunch?,INBOX,,No,No",
        # a draft, a spam message and a sponsored one: none of them count
        f"c3,,Maya Cohen,{MAYA},Ann Lee,{IN}ann-lee,2026-06-20 00:00:00 UTC,,draft,DRAFT,,Yes,No",
        f"c4,,Ann Lee,{IN}ann-lee,Maya Cohen,{MAYA},2026-06-21 00:00:00 UTC,,buy,SPAM,,No,No",
        f"c5,,LinkedIn Member,,Maya Cohen,{MAYA},2026-06-22 00:00:00 UTC,,ad,INBOX,,No,No",
    ]
)
ENDORSEMENTS = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,"
    "Endorsement Status\n"
    # URL without scheme, percent-encoded slug
    "2024/12/15 08:53:43 UTC,Python,Mei,Lin,www.linkedin.com/in/%E6%A2%85-lin,ACCEPTED\n"
)
RECOMMENDATIONS = (
    "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    'Tom,Baker,Initech,Designer,"Great, truly","06/29/23, 07:18 PM",VISIBLE\n'
)
PROFILE = "First Name,Last Name,Headline,Industry\nMaya,Cohen,Ops lead,Logistics\n"


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return write_folder(
        tmp_path_factory.mktemp("relationships") / "export",
        {
            "Connections.csv": CONNECTIONS,
            "messages.csv": MESSAGES,
            "Endorsement_Received_Info.csv": ENDORSEMENTS,
            "Recommendations_Received.csv": RECOMMENDATIONS,
            "Profile.csv": PROFILE,
        },
    )


@pytest.fixture(scope="module")
def network(export):
    """The export, loaded once for the module (the analyses only read it)."""
    return netlens.load(export)


@pytest.fixture(scope="module")
def ties(network):
    table = relationships(network, as_of=AS_OF)
    return table.set_index("name")


def test_tiers_either_side_of_their_boundaries(ties, network):
    assert ties.loc["Ravi Shah", "tier"] == "active"  # last 2025-06-30: exactly 12 months
    assert ties.loc["Tom Baker", "tier"] == "fading"  # last 2023-06-30: exactly 36 months
    assert ties.loc["Mei Lin", "tier"] == "fading"  # endorsement 2024-12-15
    assert ties.loc["Ravi Shah", "days_since"] == 365
    assert ties.loc["Tom Baker", "days_since"] == 1096
    later = relationships(network, as_of=AS_OF + dt.timedelta(days=1))
    later = later.set_index("name")
    assert later.loc["Tom Baker", "tier"] == "dormant"  # a day past 36 months
    assert later.loc["Ravi Shah", "tier"] == "fading"  # a day past 12 months


def test_accepting_a_connection_is_not_contact(ties):
    # Connected, and nothing since (a draft to Ann and spam from her are not contact):
    # new within 12 months of connecting, never after that, however recent the connection.
    assert ties.loc["Ann Lee", "tier"] == "new"  # connected 2026-06-01
    assert ties.loc["Sam Ortiz", "tier"] == "never"  # connected 2024-01-15
    assert ties.loc["Lena Graf", "tier"] == "never"
    assert ties.loc["Zoë Müller", "tier"] == "never"
    assert ties.loc[["Ann Lee", "Sam Ortiz", "Zoë Müller"], "last_contact"].isna().all()
    assert ties.loc["Lena Graf", "days_since"] == 1097  # quiet since connecting
    # The active are only those in contact: a message here, not the connection.
    assert ties.index[ties["tier"] == "active"].tolist() == ["Ravi Shah"]


def test_messages_group_chat_draft_spam_sponsored(ties):
    assert ties.loc["Ravi Shah", ["messages", "sent", "received"]].tolist() == [2, 1, 1]
    assert ties.loc["Mei Lin", "messages"] == 1  # the sender of the group message
    assert ties.loc["Tom Baker", "messages"] == 1  # a recipient of the group message
    assert ties.loc["Ann Lee", "messages"] == 0  # a draft to her and spam from her
    assert not ties.loc["Ann Lee", "engaged"]
    assert ties["engaged"].sum() == 3


def test_endorsement_url_without_scheme_and_recommendation_by_name(ties):
    assert str(ties.loc["Mei Lin", "last_interaction"]) == "2024-12-15 08:53:43"
    assert ties.loc["Mei Lin", "days_since"] == 562
    # Tom's recommendation (06/29/23, 07:18 PM) is older than the group chat (2023-06-30)
    assert str(ties.loc["Tom Baker", "last_interaction"]) == "2023-06-30 00:00:00"


def test_tie_strength_is_recency_weighted(ties):
    # messages weigh 1, halving every 365 days: ages 365 and 366 days
    assert ties.loc["Ravi Shah", "strength"] == pytest.approx(0.5 + 2 ** (-366 / 365))
    # a message 1,096 days old, and a recommendation (3) from 2023-06-29 19:18
    rec_age = (dt.datetime(2026, 6, 30) - dt.datetime(2023, 6, 29, 19, 18)).total_seconds() / 86400
    assert ties.loc["Tom Baker", "strength"] == pytest.approx(
        2 ** (-1096 / 365) + 3 * 2 ** (-rec_age / 365)
    )
    assert ties.loc["Tom Baker", "weight"] == pytest.approx(4.0)
    assert ties.loc["Zoë Müller", "strength"] == 0


def test_interactions_after_as_of_are_ignored(network):
    early = relationships(network, as_of=dt.date(2024, 1, 1)).set_index("name")
    assert pd_str(early.loc["Mei Lin", "last_interaction"]) == "2023-06-30"
    assert early.loc["Ravi Shah", "messages"] == 0
    assert "Ann Lee" not in early.index  # connected after that date: not yet in the network


def pd_str(value) -> str:
    return str(value)[:10]


def test_stale_result_and_command(export, network, runner):
    result = stale(network, as_of=AS_OF)
    assert result["tiers"] == {
        "active": 1, "fading": 2, "dormant": 0, "new": 1, "never": 3, "unknown": 0,
    }  # fmt: skip
    # the fading and dormant first, the most talked-with first: Tom (a message and a
    # recommendation: weight 4), Mei (1.5); the active; then those never in contact,
    # longest quiet first
    order = [c["name"] for c in result["contacts"]]
    assert order == [
        "Tom Baker", "Mei Lin", "Ravi Shah", "Zoë Müller", "Lena Graf", "Sam Ortiz", "Ann Lee",
    ]  # fmt: skip
    out = runner.invoke(cli, ["stale", str(export), "--as-of", "2026-06-30", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["months"] == 12 and data["tiers"]["fading"] == 2
    mei = next(c for c in data["contacts"] if c["name"] == "Mei Lin")
    assert mei == {
        "name": "Mei Lin",
        "url": "linkedin.com/in/梅-lin",
        "company": "Contoso",
        "position": "Engineer",
        "connected_on": "2021-03-01",
        "last_interaction": "2024-12-15",
        "last_contact": "2024-12-15",
        "days_since": 562,
        "tier": "fading",
        "engaged": True,
        "messages": 1,
        "strength": round(
            2 ** (-1096 / 365) + 0.5 * 2 ** (-(561 + (15 * 3600 + 6 * 60 + 17) / 86400) / 365), 4
        ),
    }


def test_months_option_moves_the_active_boundary(network):
    result = stale(network, as_of=AS_OF, months=24)
    assert result["tiers"] == {  # + Mei; Sam, connected 2024-01-15, is still "never"
        "active": 2, "fading": 1, "dormant": 0, "new": 1, "never": 3, "unknown": 0,
    }  # fmt: skip


def test_reengage_ranks_past_conversations_first_with_reasons(network):
    result = reengage(network, as_of=AS_OF)
    names = [c["name"] for c in result["contacts"]]
    assert result["candidates"] == 5  # the fading, and the never in contact
    assert set(names) == {"Tom Baker", "Mei Lin", "Sam Ortiz", "Lena Graf", "Zoë Müller"}
    assert names[0] == "Tom Baker"  # a recommendation and a message, quiet for 3 years
    assert set(names[:2]) == {"Tom Baker", "Mei Lin"}  # talked before: ahead of strangers
    tom = result["contacts"][0]
    assert tom["reasons"][0] == "you were in a group chat with them (1 message), last in June 2023"
    assert "they wrote you a recommendation" in tom["reasons"]
    assert tom["reasons"][-1] == "no contact for 3 years"
    scores = [c["score"] for c in result["contacts"]]
    assert scores == sorted(scores, reverse=True)


def test_growth_by_month_pace_and_cap(tmp_path):
    rows = [f"P{i},X,{IN}p{i},,Acme,Engineer,{day}" for i, day in enumerate(
        ["05 Jan 2025"] * 12 + ["20 Feb 2025", "01 Jul 2025", "30 Jun 2026", "not a date"]
    )] + [",,,,,,03 Mar 2025"]  # fmt: skip
    folder = write_folder(tmp_path / "g", {"Connections.csv": connections_csv(*rows)})
    result = growth(netlens.load(folder), as_of=AS_OF)
    assert result["connections"] == 17 and result["undated"] == 1 and result["dated"] == 16
    months = {m["month"]: (m["added"], m["total"]) for m in result["by_month"]}
    assert months["2025-01"] == (12, 12)
    assert months["2025-02"] == (1, 13)
    assert months["2025-03"] == (1, 14)  # the hidden member counts as a connection
    assert months["2026-06"] == (1, 16)
    assert len(result["by_month"]) == 18  # Jan 2025 … Jun 2026, empty months included
    assert result["by_year"] == [
        {"year": 2025, "added": 15, "total": 15},
        {"year": 2026, "added": 1, "total": 16},
    ]
    assert result["last_12_months"] == 2  # 2025-07-01 and 2026-06-30
    assert result["pace_per_week"] == pytest.approx(2 / (365.25 / 7))
    assert result["bursts"] == [{"date": "2025-01-05", "added": 12}]
    assert result["burst_share"] == pytest.approx(12 / 16)
    assert result["cap_headroom"] == 30_000 - 17
    assert result["hidden_members"] == 1
    # As of a past day every figure leaves out what came later, the hidden member too
    # (the CLI passes the export as loaded, the report the network as it stood then).
    network = netlens.load(folder)
    for given in (network, network.until(dt.date(2025, 2, 28))):
        then = growth(given, as_of=dt.date(2025, 2, 28))
        assert (then["connections"], then["hidden_members"], then["undated"]) == (14, 0, 1)
        assert then["cap_headroom"] == 30_000 - 14 and then["dated"] == 13


def test_health_sections(network):
    result = health(network, as_of=AS_OF)
    sections = {s["key"]: s for s in result["sections"]}
    assert sections["engagement"]["figure"] == pytest.approx(3 / 7, abs=1e-4)
    assert sections["engagement"]["score"] == round(100 * (3 / 7) / 0.5)  # 86
    assert sections["freshness"]["figure"] == pytest.approx(1 / 3, abs=1e-4)  # Ravi of 3
    assert sections["freshness"]["score"] == 56
    assert not sections["follow_up"][
        "available"
    ]  # no connection of the last 24 months is 30 days old
    assert not sections["personalisation"]["available"]  # no invitations
    assert not sections["diversity"]["available"]  # too few classified contacts
    scored = [s["score"] for s in result["sections"] if s["available"]]
    assert result["score"] == round(sum(scored) / len(scored))
    for section in result["sections"]:
        assert (section["next_step"] is None) == (not section["available"])


def test_diff_name_only_old_export_against_a_new_one(tmp_path):
    old = write_folder(
        tmp_path / "old",
        {
            "Connections.csv": "First Name,Last Name,Email Address,Company,Position,Connected On\n"
            "Ravi,Shah,,Acme Freight,VP Sales,01 Jan 2020\n"
            "Mei,Lin,,Contoso,Engineer,01 Mar 2021\n"
            "Zoë,Müller,,Umbrella Hospital,Nurse,01 Jan 2015\n"
            "Tom,Baker,,Initech,Designer,30 Jun 2019\n"
        },
    )
    new = write_folder(
        tmp_path / "new",
        {
            "Connections.csv": connections_csv(
                f"Ann,Lee,{IN}ann-lee,,Globex Bank,Analyst,01 Jun 2026",
                f"Ravi,Shah,{IN}ravi-shah,,Northwind Logistics,VP Sales,01 Jan 2020",
                f'Mei,Lin,{IN}mei-lin,,"Contoso, Inc.",Engineer,01 Mar 2021',
                f"Tom,Baker,{IN}tom-baker,,Initech,Design Lead,30 Jun 2019",
            )
        },
    )
    result = diff(netlens.load(old), netlens.load(new))
    assert [p["name"] for p in result["added"]] == ["Ann Lee"]
    assert [p["name"] for p in result["removed"]] == ["Zoë Müller"]
    assert [(c["name"], c["job_change"]) for c in result["changed"]] == [
        ("Ravi Shah", True),  # job changes first
        ("Tom Baker", False),
    ]  # Mei's "Contoso, Inc." is the same company
    assert result["changed"][0]["after"] == {
        "company": "Northwind Logistics",
        "position": "VP Sales",
    }


@pytest.mark.parametrize("name", ["era2016", "era2018", "era2020", "era2022", "era2023", "era2025"])
def test_message_counts_in_every_era(name, expected):
    """Exports without URLs match by name; the counts are the fixtures' hand counts."""
    table = relationships(netlens.load(EXPORTS / name), as_of=dt.date(2026, 11, 21))
    counted = {row.name: row.messages for row in table.itertuples() if row.messages}
    assert counted == expected[name]["message_interactions"]
    assert set(table["tier"]) <= set(TIERS)


def test_diff_pairs_namesakes_by_company(tmp_path):
    old = write_folder(
        tmp_path / "old",
        {
            "Connections.csv": "First Name,Last Name,Email Address,Company,Position,Connected On\n"
            "John,Smith,,Acme,Engineer,01 Jan 2020\n"
            "John,Smith,,Globex,Designer,01 Feb 2020\n"
        },
    )
    new = write_folder(
        tmp_path / "new",
        {
            "Connections.csv": connections_csv(
                f"John,Smith,{IN}john-smith-globex,,Globex,Design Lead,01 Feb 2020",
                f"John,Smith,{IN}john-smith-acme,,Acme,Engineer,01 Jan 2020",
            )
        },
    )
    result = diff(netlens.load(old), netlens.load(new))
    assert result["added"] == [] and result["removed"] == []
    assert [(c["before"]["position"], c["after"]["position"]) for c in result["changed"]] == [
        ("Designer", "Design Lead")
    ]


def test_diff_notes_swapped_exports(tmp_path):
    older = write_folder(tmp_path / "a", {"Connections.csv": connections_csv(
        f"Ravi,Shah,{IN}ravi-shah,,Acme,Engineer,01 Jan 2020")})  # fmt: skip
    newer = write_folder(tmp_path / "b", {"Connections.csv": connections_csv(
        f"Ann,Lee,{IN}ann-lee,,Globex,Analyst,01 Jun 2026",
        f"Ravi,Shah,{IN}ravi-shah,,Acme,Engineer,01 Jan 2020")})  # fmt: skip
    result = diff(netlens.load(newer), netlens.load(older))
    assert result["notes"] == [
        "the OLD export has connections up to 2026-06-01, the NEW one only up to 2020-01-01: "
        "did you swap them?"
    ]


@pytest.mark.parametrize(
    ("days", "shown"),
    [(10, "1 month"), (31, "1 month"), (365, "1 year"), (400, "1 year 1 month"),
     (2912, "7 years 11 months"), (2922, "8 years")],
)  # fmt: skip
def test_durations_in_reasons_round_down(days, shown):
    from netlens.analyze.reengage import _duration

    assert _duration(days) == shown


def test_reengage_with_ties_given_is_the_same(network):
    ties = relationships(network, as_of=AS_OF)
    assert reengage(network, as_of=AS_OF, ties=ties) == reengage(network, as_of=AS_OF)


def _value_by_rules(row, known: int) -> float:
    """The value of a re-engage candidate, rule by rule: the reference for the vectorised
    computation."""
    import math

    from netlens.analyze.reengage import SENIORITY_POINTS, VALUE_POINTS

    value = VALUE_POINTS["base"] + math.log2(1 + row.weight)
    if row.sent and row.received:
        value += VALUE_POINTS["two_way"]
    value += SENIORITY_POINTS.get(row.seniority, 0.0)
    if row.industry != "Unknown" and known:
        rarity = 1 - row.industry_peers / known
        value += VALUE_POINTS["rare_industry"] * rarity * (2 if row.industry_peers == 1 else 1)
    if row.company_peers == 1:
        value += VALUE_POINTS["only_at_company"]
    if not row.messages:
        value *= VALUE_POINTS["never_messaged"]
    return value


def test_reengage_values_are_the_rules_to_the_last_bit(monkeypatch):
    from netlens.analyze import reengage as module

    compute = module._values
    checked = []

    def compare(candidates, known):
        values = compute(candidates, known)
        expected = [_value_by_rules(row, known) for row in candidates.itertuples()]
        assert values.tolist() == expected
        checked.append(len(expected))
        return values

    monkeypatch.setattr(module, "_values", compare)
    root = Path(__file__).parent.parent
    for path in (root / "sample_exports" / "thomas-johnson.zip", EXPORTS / "era2025"):
        module.reengage(netlens.load(path), as_of=dt.date(2026, 11, 21))
    assert sum(checked) > 500
