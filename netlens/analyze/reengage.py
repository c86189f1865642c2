"""Whom to re-engage first, and why.

Dormant ties that were once real are the most valuable to revive: they combine the trust of
a past relationship with the fresh information of a contact who has moved on (Levin,
Walter & Murnighan 2011). Every fading or dormant contact, and every connection never in
contact since connecting over ``months`` ago, gets

    score = value × staleness,   staleness = 1 − 2 ** (−days_since / half_life_days)

where ``value`` adds up, with the points of :data:`VALUE_POINTS` (the one place they are
set):

- ``tie``: log2(1 + past interaction weight) — how much there ever was (messages 1,
  endorsements ½, recommendations 3, undecayed);
- ``two_way``: a conversation went both ways;
- ``seniority``: Director and above (LinkedIn's levels);
- ``rare_industry``: 1 − the share of their industry among your classified contacts, doubled
  when they are your only contact there;
- ``only_at_company``: your only contact at their company;

and the whole value is multiplied by ``never_messaged`` (½) for someone you never
exchanged a message with: a connection that never was a conversation is an acquaintance,
not a dormant tie.

Staleness grows from 0 (just talked) towards 1, reaching ½ after one half-life, so a tie
gone quiet for years outranks one that faded last season, at equal value.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from netlens.analyze.staleness import HALF_LIFE_DAYS, relationships
from netlens.classify import UNKNOWN, classify_people
from netlens.model import Network
from netlens.wording import iso_date

__all__ = ["CANDIDATE_TIERS", "VALUE_POINTS", "reengage"]

CANDIDATE_TIERS = ("fading", "dormant", "never")

VALUE_POINTS = {
    "base": 1.0,
    "two_way": 1.0,
    "rare_industry": 1.0,
    "only_at_company": 0.25,
    "never_messaged": 0.5,  # a factor, not points
}
SENIORITY_POINTS = {
    "Manager": 0.25,
    "Director": 0.5,
    "VP": 1.0,
    "CXO": 1.0,
    "Partner": 1.0,
    "Owner": 0.75,
}
SENIOR_LEVELS = ("Director", "VP", "CXO", "Partner", "Owner")
SENIORITY_WORDS = {
    "Director": "director level",
    "VP": "vice-president level",
    "CXO": "C-level",
    "Partner": "partner",
    "Owner": "founder or owner",
}


def reengage(
    network: Network,
    *,
    as_of: dt.date | None = None,
    top: int = 25,
    months: int = 12,
    half_life_days: float = HALF_LIFE_DAYS,
    industry_map: dict[str, str] | None = None,
    people: pd.DataFrame | None = None,
    ties: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The ``netlens reengage`` result: the ``top`` non-active contacts by score, best
    first, each with plain-language reasons. ``people`` may pass an already classified
    people table (see :func:`netlens.classify.classify_people`) and ``ties`` the table of
    :func:`~netlens.analyze.staleness.relationships` for the same ``as_of``, ``months`` and
    ``half_life_days``, when already computed (a report computes it once for every
    section). ``as_of`` defaults to the export's own date."""
    as_of = as_of or network.default_as_of()
    network = network.until(as_of)  # no one connected later
    if ties is None:
        ties = relationships(network, as_of=as_of, months=months, half_life_days=half_life_days)
    if people is None:
        people = classify_people(network.people, industry_map=industry_map)
    info = people.set_index("person_id")[["industry", "seniority", "company_key", "company_name"]]
    ties = ties.join(info, on="person_id")
    ties = ties.assign(**_kind_counts(network, as_of, ties["person_id"]))

    known = ties[ties["industry"] != UNKNOWN]
    industry_size = known["industry"].value_counts()
    company_size = ties[ties["company_key"] != ""]["company_key"].value_counts()

    candidates = ties[ties["tier"].isin(CANDIDATE_TIERS)].copy()
    candidates["industry_peers"] = candidates["industry"].map(industry_size).fillna(0)
    candidates["company_peers"] = candidates["company_key"].map(company_size).fillna(0)
    candidates["value"] = _values(candidates, len(known))
    candidates["staleness"] = 1 - 2.0 ** (-candidates["days_since"] / half_life_days)
    candidates["score"] = candidates["value"] * candidates["staleness"]
    best = candidates.sort_values(["score", "name"], ascending=[False, True], kind="stable")
    best = best.head(top) if top else best
    return {
        "months": months,
        "half_life_days": half_life_days,
        "candidates": len(candidates),
        "contacts": [_contact(row, as_of) for row in best.itertuples()],
    }


def _kind_counts(network: Network, as_of: dt.date, person_ids: pd.Series) -> dict[str, Any]:
    """Endorsements and recommendations each way, up to ``as_of``, per person of
    ``person_ids`` in that order (``endorsement_in``, …): counted with bincount, each
    interaction's person as their row, as in :func:`~netlens.analyze.staleness.relationships`."""
    inter = network.interactions
    date = inter["date"]
    kept = inter["kind"].isin(["endorsement", "recommendation"]) & (
        date.isna() | (date < pd.Timestamp(as_of) + pd.Timedelta(days=1))
    )
    inter = inter.loc[kept, ["person", "kind", "direction"]]
    row = pd.Index(person_ids).get_indexer(inter["person"])
    ours = row >= 0
    kind = inter["kind"].to_numpy(dtype=object)
    direction = inter["direction"].to_numpy(dtype=object)
    return {
        f"{of}_{way}": np.bincount(
            row[ours & (kind == of) & (direction == way)], minlength=len(person_ids)
        )
        for of in ("endorsement", "recommendation")
        for way in ("in", "out")
    }


def _values(candidates: pd.DataFrame, known: int) -> np.ndarray:
    """Each candidate's value: base points plus log2(1 + past weight), plus points for a
    two-way exchange, seniority, a rare industry (doubled when they are the only one) and
    being the only contact at their company; halved when never messaged."""
    weight = candidates["weight"].to_numpy(dtype=float)
    # math.log2 per value: numpy's own log2 may differ in the last bit between machines.
    value = VALUE_POINTS["base"] + np.array([math.log2(1 + w) for w in weight], dtype=float)
    two_way = (candidates["sent"].to_numpy() > 0) & (candidates["received"].to_numpy() > 0)
    value = value + np.where(two_way, VALUE_POINTS["two_way"], 0.0)
    value = value + candidates["seniority"].map(SENIORITY_POINTS).fillna(0.0).to_numpy(float)
    peers = candidates["industry_peers"].to_numpy(dtype=float)
    if known:
        rarity = 1 - peers / known
        rare = VALUE_POINTS["rare_industry"] * rarity * np.where(peers == 1, 2, 1)
        value = value + np.where(candidates["industry"].to_numpy() != UNKNOWN, rare, 0.0)
    value = value + np.where(
        candidates["company_peers"].to_numpy() == 1, VALUE_POINTS["only_at_company"], 0.0
    )
    never = candidates["messages"].to_numpy() == 0
    return value * np.where(never, VALUE_POINTS["never_messaged"], 1.0)


def _contact(row: Any, as_of: dt.date) -> dict[str, Any]:
    return {
        "name": row.name,
        "url": None if pd.isna(row.url) else row.url,
        "company": row.company,
        "position": row.position,
        "tier": str(row.tier),
        "connected_on": iso_date(row.connected_on),
        "score": round(float(row.score), 3),
        "days_since": int(row.days_since),
        "last_interaction": iso_date(row.last_interaction),
        "last_contact": iso_date(row.last_contact),
        "messages": int(row.messages),
        "industry": row.industry,
        "seniority": row.seniority,
        "reasons": _reasons(row),
    }


def _reasons(row: Any) -> list[str]:
    reasons = []
    if row.messages:
        last = pd.Timestamp(row.last_message).strftime("%B %Y")
        if row.group_messages == row.messages:
            reasons.append(
                f"you were in a group chat with them ({_count(row.messages)}), last in {last}"
            )
        elif row.sent and row.received:
            reasons.append(
                f"you exchanged {row.messages} messages ({row.sent} from you), last in {last}"
            )
        elif row.sent:
            reasons.append(f"you wrote {_times(row.sent)} and got no reply, last in {last}")
        else:
            reasons.append(f"they wrote you {_times(row.received)}, unanswered, last in {last}")
    if row.recommendation_in:
        reasons.append("they wrote you a recommendation")
    if row.recommendation_out:
        reasons.append("you wrote them a recommendation")
    if row.endorsement_in and not row.recommendation_in:
        reasons.append("they endorsed your skills")
    if row.seniority in SENIOR_LEVELS:
        reasons.append(f"a senior contact ({SENIORITY_WORDS[row.seniority]})")
    if row.industry != UNKNOWN:
        if row.industry_peers == 1:
            reasons.append(f"your only contact in {row.industry}")
        elif row.industry_peers <= 3:
            reasons.append(f"one of only {int(row.industry_peers)} contacts in {row.industry}")
    if row.company_peers == 1 and row.company_name:
        reasons.append(f"your only contact at {row.company_name}")
    if row.tier == "never":
        # Nothing but the connection itself: "no contact" would suggest there once was some.
        reasons.append(f"connected {_duration(int(row.days_since))} ago, never in touch")
    else:
        reasons.append(f"no contact for {_duration(int(row.days_since))}")
    return reasons


def _count(n: int) -> str:
    return "1 message" if n == 1 else f"{n} messages"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _duration(days: int) -> str:
    """Whole years and months, rounded down (7 years 11 months is not yet 8 years), with a
    day or two of slack for the months' uneven lengths (365 days are a year)."""
    years, months = divmod(int(days / 30.4375 + 0.05), 12)
    if years == 0:
        months = max(months, 1)
        return f"{months} month{'s' if months != 1 else ''}"
    text = f"{years} year{'s' if years != 1 else ''}"
    return text + (f" {months} month{'s' if months != 1 else ''}" if months else "")
