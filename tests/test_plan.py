"""``netlens plan``: the schedule, the opening lines, the calendar (read back by the
``icalendar`` package) and the contacts file, on a hand-made export and an older one.

as_of = 2026-06-30, a Tuesday: the plan starts on Monday 2026-07-06. Maya Cohen owns the
export and worked at Contoso (Positions.csv). Ravi moved from Acme Freight to Umbrella
since the older export; Ann's message of May 2022 was never answered; Mei, at Contoso,
endorsed Maya; Tom is an active tie (messages in May 2026); "Bo; Smith, Jr." has a name
full of calendar syntax and a company that is a spreadsheet formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

import netlens
from netlens.analyze.plan import plan, redact
from netlens.cli import cli
from netlens.render.calendar import fold, render_ics
from netlens.render.contacts import STYLES, render_contacts

from conftest import EXPORTS, MESSAGES_HEADER, write_folder

AS_OF = dt.date(2026, 6, 30)
IN = "https://www.linkedin.com/in/"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
NEW = "\n".join(
    [
        HEADER,
        f"Ravi,Shah,{IN}ravi-shah,ravi@example.com,Umbrella,VP Sales,01 Jan 2019",
        f"Mei,Lin,{IN}mei-lin,,Contoso,Engineer,01 Mar 2018",
        f"Ann,Lee,{IN}ann-lee,,Globex Bank,Analyst,01 Jun 2018",
        f"Tom,Baker,{IN}tom-baker,,Initech,Designer,30 Jun 2017",
        f'"Bo;","Smith, Jr.",{IN}bo-smith,,"=HYPERLINK(""http://x"")",Chef,01 Feb 2017',
    ]
)
OLD = NEW.replace("Umbrella,VP Sales", "Acme Freight,VP Sales")
MAYA = f"{IN}maya-cohen"


def message(sender: str, to: str, time: str) -> str:
    urls = {"Maya Cohen": MAYA, "Ravi Shah": f"{IN}ravi-shah", "Ann Lee": f"{IN}ann-lee",
            "Tom Baker": f"{IN}tom-baker"}  # fmt: skip
    return f"c,,{sender},{urls[sender]},{to},{urls[to]},{time} UTC,,hi,INBOX,,No,No"


MESSAGES = "\n".join(
    [
        MESSAGES_HEADER,
        message("Ravi Shah", "Maya Cohen", "2022-03-01 10:00:00"),
        message("Maya Cohen", "Ravi Shah", "2022-03-01 12:00:00"),
        message("Ann Lee", "Maya Cohen", "2022-05-10 10:00:00"),
        message("Maya Cohen", "Tom Baker", "2026-05-10 10:00:00"),
        message("Tom Baker", "Maya Cohen", "2026-05-11 10:00:00"),
    ]
)
FILES = {
    "Profile.csv": "First Name,Last Name,Headline\nMaya,Cohen,Operations\n",
    "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Contoso Ltd.,Analyst,,,Jan 2015,Dec 2018\n",
    "Endorsement_Received_Info.csv": "Endorsement Date,Skill Name,Endorser First Name,"
    "Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    "2021/03/01 10:00:00 UTC,SQL,Mei,Lin,www.linkedin.com/in/mei-lin,ACCEPTED\n",
    "messages.csv": MESSAGES,
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    root = tmp_path_factory.mktemp("plan")
    new = write_folder(root / "new", {"Connections.csv": NEW, **FILES})
    old = write_folder(root / "old", {"Connections.csv": OLD, **FILES})
    return new, old


@pytest.fixture(scope="module")
def network(exports):
    return netlens.load(exports[0])


@pytest.fixture(scope="module")
def result(exports, network):
    return plan(network, as_of=AS_OF, weeks=2, per_week=2, snapshot=netlens.load(exports[1]))


def by_name(result: dict) -> dict:
    return {entry["name"]: entry for entry in result["entries"]}


def test_schedule_spreads_the_best_first_over_weekdays_of_the_weeks(result, network):
    once = [e for e in result["entries"] if e["kind"] == "reengage"]
    ranked = netlens.reengage(network, as_of=AS_OF, top=4)["contacts"]
    assert [e["name"] for e in once] == [c["name"] for c in ranked]
    assert result["start"] == "2026-07-06"
    assert [e["due"] for e in once] == ["2026-07-06", "2026-07-07", "2026-07-13", "2026-07-14"][
        : len(once)
    ]
    assert all(e["every_months"] is None for e in once)


def test_strongest_active_tie_gets_a_cadence(result):
    tom = by_name(result)["Tom Baker"]
    assert (tom["kind"], tom["every_months"]) == ("cadence", 3)
    assert tom["due"] == "2026-08-11"  # three months after the last contact, Tom's of 11 May
    assert "keep in touch every 3 months" in tom["reasons"]
    # An active tie is in touch: a check-in, no apology for a silence there was not.
    assert tom["opening"] == (
        "Time for our catch-up — it has been 3 months. How are things at Initech?"
    )


def test_opening_lines_use_what_the_export_knows(result):
    people = by_name(result)
    assert people["Ravi Shah"]["opening"].startswith("Congratulations on the new role at Umbrella")
    assert people["Ravi Shah"]["reasons"][0].startswith("changed jobs since your export")
    assert "never answered your message from May 2022" in people["Ann Lee"]["opening"]
    assert people["Mei Lin"]["opening"].startswith("We both know Contoso")


def test_calendar_reads_back_as_rfc_5545(result):
    icalendar = pytest.importorskip("icalendar")
    text = render_ics(result, as_of=AS_OF)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == len(result["entries"])
    summaries = {str(e["SUMMARY"]): e for e in events}
    bo = summaries["Get back in touch with Bo; Smith, Jr."]  # escaped, read back whole
    assert bo.decoded("DTSTART") == dt.date.fromisoformat(by_name(result)["Bo; Smith, Jr."]["due"])
    assert "https://www.linkedin.com/in/bo-smith" in str(bo["DESCRIPTION"])
    tom = summaries["Keep in touch with Tom Baker"]
    assert tom["RRULE"]["FREQ"] == ["MONTHLY"] and tom["RRULE"]["INTERVAL"] == [3]
    assert "RRULE" not in bo
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_uid_is_stable_for_a_person_and_date(result, network):
    again = plan(network, as_of=AS_OF, weeks=2, per_week=2)
    uids = {e["name"]: e["uid"] for e in again["entries"]}
    for entry in result["entries"]:
        assert uids[entry["name"]] == entry["uid"]
    # A week later the one-off entries move a week; the cadence's date stays.
    later = plan(network, as_of=AS_OF + dt.timedelta(days=7), weeks=2, per_week=2)
    moved = {e["uid"] for e in later["entries"] if e["kind"] == "reengage"}
    assert moved.isdisjoint(uids.values())
    assert by_name(later)["Tom Baker"]["uid"] == uids["Tom Baker"]


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "é—" * 60
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize("style", sorted(STYLES))
def test_contacts_file_has_the_importers_headers(result, style):
    rows = list(csv.reader(io.StringIO(render_contacts(result, style=style))))
    assert rows[0] == STYLES[style]
    people = {(r[0], r[1]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert len(people) == len(result["entries"])
    bo = people[("Bo;", "Smith, Jr.")]
    company = bo["Organization Name" if style == "google" else "Company Name"]
    assert company == '\'=HYPERLINK("http://x")'  # neutralised, shown as text
    ravi = people[("Ravi", "Shah")]
    assert ravi["E-mail 1 - Value" if style == "google" else "Email"] == "ravi@example.com"
    assert ravi["Labels" if style == "google" else "netlens label"] == "netlens plan"
    notes = ravi["Notes" if style == "google" else "netlens notes"]
    assert "changed jobs" in notes and "Opening: Congratulations" in notes


def test_redacted_plan_names_no_one(result):
    shown = json.dumps(redact(result), ensure_ascii=False)
    for secret in ("Ravi", "ravi-shah", "ravi@example.com", "VP Sales"):
        assert secret not in shown
    assert by_name(redact(result))["R. S."]["company"] == "Umbrella"


def test_plan_command_writes_calendar_and_contacts(runner, exports, tmp_path):
    new, old = exports
    ics, contacts = tmp_path / "plan.ics", tmp_path / "plan.csv"
    out = runner.invoke(
        cli, ["plan", str(new), "--as-of", "2026-06-30", "--weeks", "2", "--per-week", "2",
              "--ics", str(ics), "--csv", str(contacts), "--csv-style", "hubspot",
              "--with-snapshot", str(old), "--format", "json"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["as_of"] == "2026-06-30" and data["entries"]
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert contacts.read_text(encoding="utf-8").startswith("First Name,Last Name,Email,")
    quiet = runner.invoke(cli, ["plan", str(new), "-q", "--as-of", "2027-06-30", "--ics", str(ics)])
    assert quiet.exit_code == 0 and quiet.stderr == ""  # no warning, no "Wrote …"
    assert quiet.stdout.startswith("Keep-in-touch plan — ")


def test_plan_refuses_to_write_over_its_input(runner, exports):
    new, _ = exports
    target = new / "Connections.csv"
    before = target.read_bytes()
    out = runner.invoke(cli, ["plan", str(new), "--ics", str(target)])
    assert out.exit_code == 1
    assert "never overwrites its inputs" in out.output
    assert target.read_bytes() == before


# One export per era of the files (2013 has no messages; the others each a messages format).
@pytest.mark.parametrize("era", sorted(p.name for p in EXPORTS.glob("era*") if p.is_dir()))
def test_plan_runs_on_every_era(runner, era, tmp_path):
    ics = tmp_path / "plan.ics"
    out = runner.invoke(
        cli, ["plan", str(EXPORTS / era), "--as-of", "2026-11-21", "--ics", str(ics),
              "--redact"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "linkedin.com" not in ics.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_redacted_plan_command_names_no_one(runner, fmt):
    export = EXPORTS / "era2025"
    people = netlens.load(export).people
    args = ["plan", str(export), "--format", fmt, "--as-of", "2026-01-01"]
    plain, hidden = runner.invoke(cli, args), runner.invoke(cli, [*args, "--redact"])
    assert hidden.exit_code == 0, hidden.output
    assert [n for n in people["name"] if n in plain.stdout], "the check below means something"
    assert [n for n in people["name"] if n in hidden.stdout] == []
    assert "linkedin.com" not in hidden.stdout and str(EXPORTS) not in hidden.stdout
