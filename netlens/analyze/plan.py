"""A keep-in-touch plan: whom to write to, week by week, and whom to keep close.

Two kinds of entries, each with the person, why now (plain reasons) and a suggested
opening line built from what the export knows — a job change seen between two exports, a
message of theirs you never answered, a company you both worked at, an endorsement or
recommendation they gave you, the last time you talked (never the text of a message):

- **re-engage**: the :func:`netlens.reengage` list, best first, spread over ``weeks`` weeks
  at ``per_week`` a week — weekdays of the weeks starting the Monday after ``as_of``;
- **cadence**: the strongest active ties (by tie strength), kept warm on a rhythm: the
  first :data:`CADENCES` rows say how many and how often (by default the top 5 every 3
  months, the next 10 every 6), each first due that many months after the last contact
  (or in the first week when that date has passed).

:func:`redact` returns a plan that names third parties by their initials only, with no
profile URL, e-mail address or position.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

import pandas as pd

from netlens.analyze.reengage import reengage
from netlens.analyze.staleness import HALF_LIFE_DAYS, relationships
from netlens.classify import classify_people, is_placeholder
from netlens.classify.text import company_key
from netlens.errors import NetlensError
from netlens.wording import iso_date

if TYPE_CHECKING:
    from netlens.model import Network

__all__ = ["CADENCES", "plan", "redact"]

# (how many of the strongest active ties, every how many months), strongest first.
CADENCES = ((5, 3), (10, 6))
WORKDAYS = 5


def plan(
    network: Network,
    *,
    as_of: dt.date | None = None,
    weeks: int = 8,
    per_week: int = 5,
    months: int = 12,
    cadences: tuple[tuple[int, int], ...] = CADENCES,
    industry_map: dict[str, str] | None = None,
    snapshot: Network | None = None,
) -> dict[str, Any]:
    """The keep-in-touch plan of ``network`` as of ``as_of`` (see the module docstring).
    ``snapshot`` is an older export of the same person: contacts who changed jobs since
    then say so. Returns ``start`` (the first Monday), ``weeks``, ``per_week``,
    ``candidates`` (how many the re-engage list ranked) and ``entries``: one per contact,
    re-engage entries first in date order, then cadences; each with ``kind``, ``due``
    (ISO date), ``every_months`` (None for a one-off), ``name``, ``first_name``,
    ``last_name``, ``url``, ``email``, ``company``, ``position``, ``tier``, ``reasons``,
    ``opening`` and ``uid`` (stable for the person and the date). ``as_of`` defaults to the
    export's own date."""
    as_of = as_of or network.default_as_of()
    if weeks < 1 or per_week < 1:
        raise NetlensError("a plan needs at least one week and one contact a week")
    network = network.until(as_of)
    ties = relationships(network, as_of=as_of, months=months, half_life_days=HALF_LIFE_DAYS)
    people = classify_people(network.people, industry_map=industry_map)
    ranked = reengage(
        network, as_of=as_of, months=months, top=weeks * per_week, people=people, ties=ties
    )
    table = ties.set_index("person_id").join(_exchanges(network, as_of))
    table = table.fillna({"endorsement_in": 0, "recommendation_in": 0, "recommendation_out": 0})
    table = table.join(network.people.set_index("person_id")[["first_name", "last_name", "email"]])
    ids = _person_ids(network.people, ranked["contacts"])
    moves = _job_changes(snapshot, network) if snapshot is not None else {}
    shared = _owner_companies(network)
    start = as_of + dt.timedelta(days=7 - as_of.weekday())  # the next Monday

    entries = []
    for place, (contact, pid) in enumerate(zip(ranked["contacts"], ids, strict=True)):
        week, slot = divmod(place, per_week)
        due = start + dt.timedelta(days=7 * week + slot % WORKDAYS)
        reasons = list(contact["reasons"])
        if pid in moves:
            reasons.insert(0, moves[pid])
        entries.append(_entry(table.loc[pid], pid, "reengage", due, None, reasons, moves, shared))

    planned = set(ids)
    strongest = table[(table["tier"] == "active") & (table["strength"] > 0)]
    strongest = strongest[~strongest.index.isin(planned)]
    strongest = strongest.sort_values(["strength", "name"], ascending=[False, True], kind="stable")
    taken = 0
    for count, every in cadences:
        for pid, row in strongest.iloc[taken : taken + count].iterrows():
            last = row["last_contact"]
            due = start if pd.isna(last) else max(start, _add_months(last.date(), every))
            reasons = [
                f"one of your {taken + count} strongest active ties"
                + (f" ({_messages(row)}, last contact in {last:%B %Y})" if pd.notna(last) else ""),
                f"keep in touch every {every} months",
            ]
            if pid in moves:
                reasons.insert(0, moves[pid])
            entries.append(_entry(row, pid, "cadence", due, every, reasons, moves, shared))
        taken += count
    return {
        "start": start.isoformat(),
        "weeks": weeks,
        "per_week": per_week,
        "months": months,
        "candidates": ranked["candidates"],
        "snapshot": snapshot.report.source if snapshot is not None else None,
        "entries": entries,
    }


def redact(result: dict[str, Any]) -> dict[str, Any]:
    """``result`` naming third parties by their initials only: no profile URL, e-mail
    address or position (the opening lines never quote any of them)."""
    from netlens.wording import initials

    return {
        **result,
        "snapshot": None,
        "entries": [
            {
                **entry,
                "name": initials(entry["name"]),
                "first_name": initials(entry["first_name"]),
                "last_name": initials(entry["last_name"]),
                "url": None,
                "email": None,
                "position": None,
            }
            for entry in result["entries"]
        ],
    }


def _entry(
    row: pd.Series,
    pid: str,
    kind: str,
    due: dt.date,
    every: int | None,
    reasons: list[str],
    moves: dict[str, str],
    shared: set[str],
) -> dict[str, Any]:
    url = row["url"]
    return {
        "kind": kind,
        "due": due.isoformat(),
        "every_months": every,
        "name": row["name"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "url": None if pd.isna(url) else url,
        "email": row["email"] or None,
        "company": row["company"],
        "position": row["position"],
        "tier": str(row["tier"]),
        "last_contact": iso_date(row["last_contact"]),
        "reasons": reasons,
        "opening": _opening(row, pid in moves, shared)
        if every is None
        else _check_in(row, pid in moves, every),
        "uid": hashlib.sha256(f"{pid}|{due.isoformat()}".encode()).hexdigest()[:24],
    }


def _check_in(row: pd.Series, moved: bool, every: int) -> str:
    """A first line for a tie kept warm on a rhythm: you are in touch, so no apology for a
    silence and no "it has been a while" — a job change, else a plain check-in."""
    company = row["company"] if row["company"] and not is_placeholder(row["company"]) else ""
    there = f" at {company}" if company else ""
    if moved:
        return f"Congratulations on the new role{there}! How are the first months going?"
    return f"Time for our catch-up — it has been {every} months. How are things{there}?"


def _opening(row: pd.Series, moved: bool, shared: set[str]) -> str:
    """A first line to send, from the most specific thing the export knows about the two of
    you; it never quotes a message, and names no position (redaction removes those)."""
    company = row["company"] if row["company"] and not is_placeholder(row["company"]) else ""
    there = f" at {company}" if company else ""
    if moved:
        return f"Congratulations on the new role{there}! How are the first months going?"
    if pd.notna(row["last_in"]) and (pd.isna(row["last_out"]) or row["last_out"] < row["last_in"]):
        return (
            f"I'm sorry I never answered your message from {row['last_in']:%B %Y} — "
            "is it still something I can help with?"
        )
    if company and company_key(company) in shared:
        return f"We both know {company} from the inside — how are things there these days?"
    if row["recommendation_in"]:
        return "I still value the recommendation you wrote me — what are you working on now?"
    if row["endorsement_in"]:
        return "Thank you again for endorsing my skills — what are you working on these days?"
    if row["recommendation_out"]:
        return f"I enjoyed writing your recommendation back then — how are things{there}?"
    last = row["last_message"]
    if pd.notna(last) and row["sent"] and row["received"]:
        return f"It has been a while since we last talked ({last:%B %Y}) — how are things{there}?"
    if pd.notna(last):
        return f"We last wrote in {last:%B %Y} — I'd love to hear what you are up to{there}."
    year = f" in {row['connected_on']:%Y}" if pd.notna(row["connected_on"]) else ""
    return f"We connected{year} but never really talked — what are you working on{there}?"


def _exchanges(network: Network, as_of: dt.date) -> pd.DataFrame:
    """Per person: endorsements and recommendations they gave you, recommendations you
    gave them, and the dates of the latest one-to-one message each way (``last_in``,
    ``last_out``)."""
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    inter = network.interactions
    inter = inter[inter["date"].notna() & (inter["date"] < end)]
    incoming = inter[inter["direction"] == "in"]
    # One-to-one messages only: a group message reaches everyone in it, whoever wrote it.
    messages = inter[(inter["kind"] == "message") & ~inter["group"]]
    given = inter[(inter["direction"] == "out") & (inter["kind"] == "recommendation")]
    out = pd.DataFrame(
        {
            "endorsement_in": incoming[incoming["kind"] == "endorsement"].groupby("person").size(),
            "recommendation_in": incoming[incoming["kind"] == "recommendation"]
            .groupby("person")
            .size(),
            "recommendation_out": given.groupby("person").size(),
            "last_in": messages[messages["direction"] == "in"].groupby("person")["date"].max(),
            "last_out": messages[messages["direction"] == "out"].groupby("person")["date"].max(),
        }
    )
    return out


def _person_ids(people: pd.DataFrame, contacts: list[dict[str, Any]]) -> list[str]:
    """The person_id of each contact (a dict with ``name`` and ``url``): by URL, else the
    first namesake not taken yet."""
    by_url = dict(zip(people["url"], people["person_id"], strict=True))
    unnamed = people[people["url"].isna()]
    free: dict[str, list[str]] = {}
    for name, pid in zip(unnamed["name"], unnamed["person_id"], strict=True):
        free.setdefault(name, []).append(pid)
    ids = []
    for contact in contacts:
        url = contact.get("url")
        ids.append(by_url[url] if url else free[contact["name"]].pop(0))
    return ids


def _job_changes(old: Network, new: Network) -> dict[str, str]:
    """person_id → a reason, for contacts whose company changed since ``old``."""
    from netlens.analyze.diff import diff

    changed = [c for c in diff(old, new)["changed"] if c["job_change"]]
    matched = _match_changed(new.people, changed)
    since = old.report.last_connected or "the older export"
    return {
        pid: f"changed jobs since your export of {since}: now at "
        f"{change['after']['company'] or 'no company listed'}"
        + (f" (was {change['before']['company']})" if change["before"]["company"] else "")
        for pid, change in matched
    }


def _match_changed(people: pd.DataFrame, changed: list[dict]) -> list[tuple[str, dict]]:
    by_url = dict(zip(people["url"], people["person_id"], strict=True))
    by_name = dict(zip(people["name"], people["person_id"], strict=False))
    pairs = []
    for change in changed:
        pid = by_url.get(change["url"]) if change["url"] else by_name.get(change["name"])
        if pid is not None:
            pairs.append((pid, change))
    return pairs


def _owner_companies(network: Network) -> set[str]:
    """The companies the owner worked at (``Positions.csv``), as company keys."""
    positions = network.positions
    if positions is None or positions.empty:
        return set()
    return {key for key in map(company_key, positions["company"]) if key} - {
        company_key(c) for c in positions["company"] if is_placeholder(c)
    }


def _add_months(day: dt.date, months: int) -> dt.date:
    return (pd.Timestamp(day) + pd.DateOffset(months=months)).date()


def _messages(row: pd.Series) -> str:
    n = int(row["messages"])
    return "1 message" if n == 1 else f"{n} messages"
