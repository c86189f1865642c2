"""Message habits on a hand-made export whose figures are counted by hand, in two eras: with
conversation ids and profile URLs (2024) and without either (2018).

as_of = 2026-06-30. Maya Cohen owns the export. One-to-one conversations:
- Ravi writes Mon 5 Jan 09:00; Maya answers 11:00 (2 h); Ravi 15:00 (4 h); Maya Tue 6 Jan
  15:00 (24 h). Maya writes Ravi again Mon 4 May 09:00 (a new conversation: over 30 days
  later), never answered.
- Maya writes Mei Mon 2 Feb 08:00, never answered.
- Ann writes Mon 2 Mar 10:00, never answered; Ann again Thu 25 Jun 10:00 (still waiting).
- Maya writes Tom Mon 6 Apr 10:00; Tom answers Wed 8 Apr 10:00 (48 h).
A group chat of Maya, Mei and Tom: Mei writes Tue 10 Feb 12:00, Maya 13:00. A draft, a
spam and a sponsored message count nowhere.

You answer in 2 h and 24 h: median 13 h, 90th percentile 2 + 0.9 × 22 = 21.8 h. They answer
in 4 h and 48 h: median 26 h, 90th percentile 4 + 0.9 × 44 = 43.6 h.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import netlens
from netlens.analyze.habits import habits
from netlens.cli import cli
from netlens.errors import NetlensError

from conftest import MESSAGES_HEADER, connections_csv, write_folder

AS_OF = dt.date(2026, 6, 30)
IN = "https://www.linkedin.com/in/"
CONNECTIONS = connections_csv(
    f"Ravi,Shah,{IN}ravi-shah,,Acme Freight,VP Sales,01 Jan 2020",
    f"Mei,Lin,{IN}mei-lin,,Contoso,Engineer,01 Mar 2021",
    f"Ann,Lee,{IN}ann-lee,,Globex Bank,Analyst,01 Jun 2022",
    f"Tom,Baker,{IN}tom-baker,,Initech,Designer,30 Jun 2019",
)
PROFILE = "First Name,Last Name,Headline\nMaya,Cohen,Operations\n"
PEOPLE = {
    "Maya Cohen": f"{IN}maya-cohen",
    "Ravi Shah": f"{IN}ravi-shah",
    "Mei Lin": f"{IN}mei-lin",
    "Ann Lee": f"{IN}ann-lee",
    "Tom Baker": f"{IN}tom-baker",
    "LinkedIn Member": "",
}
CONTENT = "private words"
# (conversation, sender, recipients, time, folder, draft)
MESSAGES = [
    ("r", "Ravi Shah", ["Maya Cohen"], "2026-01-05 09:00:00", "INBOX", "No"),
    ("r", "Maya Cohen", ["Ravi Shah"], "2026-01-05 11:00:00", "INBOX", "No"),
    ("r", "Ravi Shah", ["Maya Cohen"], "2026-01-05 15:00:00", "INBOX", "No"),
    ("r", "Maya Cohen", ["Ravi Shah"], "2026-01-06 15:00:00", "INBOX", "No"),
    ("r", "Maya Cohen", ["Ravi Shah"], "2026-05-04 09:00:00", "INBOX", "No"),
    ("m", "Maya Cohen", ["Mei Lin"], "2026-02-02 08:00:00", "INBOX", "No"),
    ("a", "Ann Lee", ["Maya Cohen"], "2026-03-02 10:00:00", "INBOX", "No"),
    ("a", "Ann Lee", ["Maya Cohen"], "2026-06-25 10:00:00", "INBOX", "No"),
    ("t", "Maya Cohen", ["Tom Baker"], "2026-04-06 10:00:00", "INBOX", "No"),
    ("t", "Tom Baker", ["Maya Cohen"], "2026-04-08 10:00:00", "INBOX", "No"),
    ("g", "Mei Lin", ["Maya Cohen", "Tom Baker"], "2026-02-10 12:00:00", "INBOX", "No"),
    ("g", "Maya Cohen", ["Mei Lin", "Tom Baker"], "2026-02-10 13:00:00", "INBOX", "No"),
    ("d", "Maya Cohen", ["Ann Lee"], "2026-06-20 00:00:00", "DRAFT", "Yes"),
    ("s", "Ann Lee", ["Maya Cohen"], "2026-06-21 00:00:00", "SPAM", "No"),
    ("x", "LinkedIn Member", ["Maya Cohen"], "2026-06-22 00:00:00", "INBOX", "No"),
]


def messages_2024() -> str:
    rows = [MESSAGES_HEADER]
    for conversation, sender, to, time, folder, draft in MESSAGES:
        names = ",".join(to)
        urls = ",".join(PEOPLE[name] for name in to)
        rows.append(
            f'{conversation},,{sender},{PEOPLE[sender]},"{names}","{urls}",{time} UTC,,'
            f"{CONTENT},{folder},,{draft},No"
        )
    return "\n".join(rows)


def messages_2018() -> str:
    """No conversation ids, no URLs, no draft flags: the 2018 file."""
    rows = ["From,To,Date,Subject,Content,Direction,Folder"]
    for _, sender, to, time, folder, draft in MESSAGES:
        if draft == "Yes":
            continue
        direction = "OUTGOING" if sender == "Maya Cohen" else "INCOMING"
        rows.append(f'{sender},"{",".join(to)}",{time} UTC,,{CONTENT},{direction},{folder}')
    return "\n".join(rows)


def load(tmp_path_factory, era: str) -> netlens.Network:
    text = messages_2024() if era == "2024" else messages_2018()
    folder = write_folder(
        tmp_path_factory.mktemp(f"habits{era}"),
        {"Connections.csv": CONNECTIONS, "messages.csv": text, "Profile.csv": PROFILE},
    )
    return netlens.load(folder)


@pytest.fixture(scope="module", params=["2024", "2018"])
def network(request, tmp_path_factory):
    return load(tmp_path_factory, request.param)


@pytest.fixture(scope="module")
def today(tmp_path_factory):
    """Today's format only: the report is the same whatever the era (tested above)."""
    return load(tmp_path_factory, "2024")


def test_response_times_both_ways(network):
    result = habits(network, as_of=AS_OF)
    assert result["you_reply"] == {"replies": 2, "median_hours": 13.0, "p90_hours": 21.8}
    assert result["they_reply"] == {"replies": 2, "median_hours": 26.0, "p90_hours": 43.6}


def test_who_starts_and_what_is_left_unanswered(network):
    result = habits(network, as_of=AS_OF)
    assert result["threads"] == 4
    assert result["conversations"] == 6
    assert (result["started_by_you"], result["started_by_them"]) == (3, 3)
    assert result["unanswered_by_you"] == 1  # Ann in March; June is still waiting
    assert result["unanswered_by_them"] == 2  # Mei, and Ravi in May
    assert result["waiting"] == 1
    # Drafts, spam and sponsored messages count nowhere; the group chat's two messages once.
    assert (result["messages"], result["group_messages"]) == (12, 2)


def test_heatmap_on_the_exports_clock_and_in_a_time_zone(network):
    as_written = habits(network, as_of=AS_OF)["heatmap"]
    assert sum(map(sum, as_written)) == 6  # Maya's messages, the group one once
    assert as_written[0][11] == 1 and as_written[0][8] == 1  # Mon 11:00 and 08:00 UTC
    assert as_written[1][13] == 1 and as_written[1][15] == 1  # Tue: group 13:00, Ravi 15:00
    berlin = habits(network, as_of=AS_OF, tz="Europe/Berlin")["heatmap"]
    # 5 Jan 11:00 and 2 Feb 08:00 UTC in winter (UTC+1); 6 Apr 10:00 and 4 May 09:00 UTC
    # in summer time (UTC+2).
    assert (berlin[0][12], berlin[0][9], berlin[0][11]) == (2, 1, 1)
    assert sum(map(sum, berlin)) == 6


def test_as_of_leaves_out_later_messages(network):
    early = habits(network, as_of=dt.date(2026, 2, 15))
    assert early["you_reply"]["replies"] == 2 and early["they_reply"]["replies"] == 1
    # Mei may still answer the message of 2 February: waiting, not yet unanswered.
    assert (early["waiting"], early["unanswered_by_them"]) == (1, 0)


def test_unknown_time_zone_is_refused(network):
    with pytest.raises(NetlensError, match="not a time zone"):
        habits(network, as_of=AS_OF, tz="Mars/Olympus")


def test_report_shows_habits_without_names_or_text(today):
    review = netlens.review(today, as_of=AS_OF, tz="Europe/Berlin")
    data = review.to_dict()
    assert data["message_habits"]["you_reply"]["median_hours"] == 13.0
    section = next(s for s in review.sections if s.key == "message_habits")
    assert [f.value for f in section.figures[:2]] == ["13.0 h", "26.0 h"]
    assert section.charts[0].kind == "heatmap"
    table = section.tables[0]
    assert table.rows[12][1] == 2  # 12:00 on Monday, Berlin
    shown = json.dumps(data["sections"], ensure_ascii=False)
    assert "Ravi" not in shown and CONTENT not in shown


def test_report_command_takes_tz(runner, today, tmp_path):
    source = today.report.source
    out = runner.invoke(
        cli, ["report", source, "--format", "json", "-o", "-", "--as-of", "2026-06-30",
              "--tz", "America/New_York"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["message_habits"]["time_zone"] == "America/New_York"
    bad = runner.invoke(cli, ["report", source, "--tz", "Nowhere/Else", "-o", str(tmp_path)])
    assert bad.exit_code == 2
    assert "not a time zone" in bad.output
