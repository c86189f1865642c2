"""Which ties are alive? Last interaction, staleness tier and tie strength, per person.

An interaction is a counted message either way (drafts, spam and sponsored messages are
not; in a group chat every participant counts), an invitation between you, an endorsement
or recommendation either way, and the connection date itself (SPEC §3); a *contact* is only
a message, an endorsement or a recommendation: accepting a connection is not being in touch.
Interactions dated after ``as_of`` are ignored, so a review "as of" a past date sees what was
known then.

Tiers, from the last contact (Levin, Walter & Murnighan 2011 call ties dormant after three
years without contact):

- ``active``: last contact within ``months`` months of ``as_of`` (default 12);
- ``fading``: older, but within 36 months;
- ``dormant``: older than 36 months;
- ``new``: never in contact, connected within ``months`` months;
- ``never``: never in contact, connected earlier;
- ``unknown``: never in contact and no date at all.

Tie strength is a recency-weighted count of interactions (Granovetter 1973 on frequency and
recency as components of tie strength; the exponential decay is Marsden & Campbell's 1984
"recency" measure made continuous):

    strength = Σ weight(kind) · 2 ** (−age_days / half_life_days)

with the weights of :data:`WEIGHTS` — the one place they are set — and a half-life of
365 days by default: a message today counts 1, a year ago ½, two years ago ¼.

References: Levin, D. Z., Walter, J. & Murnighan, J. K. (2011). Dormant ties: the value of
reconnecting. *Organization Science* 22(4). Granovetter, M. (1973). The strength of weak
ties. *American Journal of Sociology* 78(6). Marsden, P. V. & Campbell, K. E. (1984).
Measuring tie strength. *Social Forces* 63(2).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from netlens.model import Network
from netlens.wording import iso_date

__all__ = [
    "CONTACT_KINDS",
    "DORMANT_MONTHS",
    "TIERS",
    "TOUCHED",
    "UNTOUCHED",
    "WEIGHTS",
    "relationships",
    "stale",
    "tie_figures",
]

# Weight of one interaction of each kind in tie strength. Invitations and the connection
# itself mark a date (last interaction) but carry no weight: they say little about a tie.
WEIGHTS = {"message": 1.0, "endorsement": 0.5, "recommendation": 3.0}
TIERS = ("active", "fading", "dormant", "new", "never", "unknown")
# The tiers by last contact, of people never in contact, and the kinds that are contact.
TOUCHED = ("active", "fading", "dormant")
UNTOUCHED = ("new", "never", "unknown")
CONTACT_KINDS = ("message", "endorsement", "recommendation")
DORMANT_MONTHS = 36
HALF_LIFE_DAYS = 365.0

RELATIONSHIP_COLUMNS = [
    "person_id", "name", "url", "company", "position", "connected_on", "last_interaction",
    "last_contact", "days_since", "tier", "engaged", "messages", "group_messages", "sent",
    "received", "last_message",
    "strength", "weight",
]  # fmt: skip


def relationships(
    network: Network,
    *,
    as_of: dt.date | None = None,
    months: int = 12,
    half_life_days: float = HALF_LIFE_DAYS,
) -> pd.DataFrame:
    """One row per person of ``network.people`` with:

    ``last_interaction`` and ``last_contact`` (timestamps, see the module docstring),
    ``days_since`` (whole days from the day of the last contact to ``as_of``; for people never
    in contact, from their last interaction, the connection: how long the tie has been quiet),
    ``tier``, ``engaged`` (at least one message ever, either way),
    ``messages`` / ``sent`` / ``received`` (counted messages; ``group_messages`` of them in
    group chats), ``last_message``,
    ``strength`` (recency-weighted, see the module docstring) and ``weight`` (the same
    sum without decay: how much there ever was). ``as_of`` defaults to the export's own
    date (:meth:`~netlens.model.Network.default_as_of`).
    """
    as_of = as_of or network.default_as_of()
    if not 1 <= months < DORMANT_MONTHS:
        raise ValueError(f"months must be from 1 to {DORMANT_MONTHS - 1}: older ties are dormant")
    network = network.until(as_of)  # no one connected later
    as_of_ts = pd.Timestamp(as_of)
    end = as_of_ts + pd.Timedelta(days=1)
    people = network.people
    inter = network.interactions
    inter = inter[inter["date"].notna() & (inter["date"] < end)]

    weight, decayed = _weights(inter, as_of_ts, half_life_days)
    # Each interaction's person as their row in people (the ids hashed once, not once per
    # grouping); counted with bincount, latest dates with maximum.at, row by row in C.
    row = pd.Index(people["person_id"]).get_indexer(inter["person"])
    ours = row >= 0
    row = row[ours]
    size = len(people)
    dates = inter["date"].to_numpy(dtype="datetime64[ns]")[ours]
    kind = inter["kind"]
    is_message = (kind == "message").to_numpy()[ours]
    is_contact = kind.isin(CONTACT_KINDS).to_numpy()[ours]
    group = inter["group"].to_numpy(dtype=bool)[ours]
    direction = inter["direction"].to_numpy(dtype=object)[ours]

    def count(where: np.ndarray) -> np.ndarray:
        return np.bincount(row[where], minlength=size)

    def latest(where: np.ndarray | slice) -> np.ndarray:
        last = np.full(size, np.iinfo(np.int64).min)  # NaT
        np.maximum.at(last, row[where], dates[where].view(np.int64))
        return last.view("datetime64[ns]")

    def total(values: pd.Series) -> np.ndarray:
        # pandas sums with compensation: the same figures as a groupby by person id.
        sums = pd.Series(values.to_numpy()[ours]).groupby(row).sum()
        out = np.zeros(size)
        out[sums.index.to_numpy()] = sums.to_numpy()
        return out

    last_interaction = pd.Series(latest(slice(None)))
    last_contact = pd.Series(latest(is_contact))
    quiet_since = last_contact.fillna(last_interaction)
    messages = count(is_message)
    # Connected when: the connection date, else (undated) the last interaction there is.
    connected = pd.Series(people["connected_on"].to_numpy()).fillna(last_interaction)
    # Built in one go, in column order: each column added to a frame, and the frame put in
    # order after, would copy it again and again.
    columns = {
        "last_interaction": last_interaction,
        "last_contact": last_contact,
        "days_since": (as_of_ts - quiet_since.dt.normalize()).dt.days,
        "tier": _tiers(last_contact, connected, as_of_ts, months),
        "engaged": messages > 0,
        "messages": messages,
        "group_messages": count(is_message & group),
        "sent": count(is_message & (direction == "out")),
        "received": count(is_message & (direction == "in")),
        "last_message": latest(is_message),
        "strength": total(decayed),
        "weight": total(weight),
    }
    for column in ("person_id", "name", "url", "company", "position", "connected_on"):
        columns[column] = people[column].to_numpy()
    return pd.DataFrame({column: columns[column] for column in RELATIONSHIP_COLUMNS})


def tie_figures(
    network: Network, *, as_of: dt.date, half_life_days: float = HALF_LIFE_DAYS
) -> tuple[dict[str, float], dict[str, int]]:
    """Just tie strength and message count per person (those with any), as dicts: what
    merging many exports needs, without the rest of :func:`relationships`."""
    as_of_ts = pd.Timestamp(as_of)
    inter = network.interactions
    inter = inter.loc[inter["date"] < as_of_ts + pd.Timedelta(days=1), ["person", "kind", "date"]]
    _, decayed = _weights(inter, as_of_ts, half_life_days)
    # Grouped by a number per person (as in relationships); plain dicts built from lists:
    # Series.to_dict boxes value by value, slowly for a hundred exports.
    codes, persons = pd.factorize(inter["person"])
    persons = list(persons)
    strength = decayed.groupby(codes).sum()
    messages = np.bincount(codes[(inter["kind"] == "message").to_numpy()], minlength=len(persons))
    return (
        {
            persons[code]: value
            for code, value in zip(strength.index, strength.tolist(), strict=True)
        },
        {persons[code]: int(n) for code, n in enumerate(messages.tolist()) if n},
    )


def _weights(
    inter: pd.DataFrame, as_of: pd.Timestamp, half_life_days: float
) -> tuple[pd.Series, pd.Series]:
    """Each interaction's weight, and that weight decayed by its age (the strength terms)."""
    age_days = (as_of - inter["date"]).dt.total_seconds().clip(lower=0) / 86_400
    kind = inter["kind"]
    if isinstance(kind.dtype, pd.CategoricalDtype):  # as loaded: weigh the few categories
        by_code = [WEIGHTS.get(str(c), np.nan) for c in kind.cat.categories] + [np.nan]
        codes = kind.cat.codes.to_numpy()  # -1 (missing) takes the last, NaN
        weight = pd.Series(np.asarray(by_code)[codes], index=inter.index, name=kind.name)
        weight = weight.fillna(0.0)
    else:
        weight = kind.astype(str).map(WEIGHTS).fillna(0.0)
    return weight, weight * 2.0 ** (-age_days / half_life_days)


def _tiers(
    contact: pd.Series, connected: pd.Series, as_of: pd.Timestamp, months: int
) -> pd.Categorical:
    active_since = as_of - pd.DateOffset(months=months)
    fading_since = as_of - pd.DateOffset(months=DORMANT_MONTHS)
    day = contact.dt.normalize()
    touched = contact.notna()
    recent = connected.dt.normalize() >= active_since
    tier = np.select(
        [
            touched & (day >= active_since),
            touched & (day >= fading_since),
            touched,
            recent,
            connected.notna(),
        ],
        ["active", "fading", "dormant", "new", "never"],
        default="unknown",
    )
    return pd.Categorical(tier, categories=TIERS)


_STALE_ORDER = {"dormant": 0, "fading": 0, "active": 1, "never": 2, "new": 2, "unknown": 3}


def stale(
    network: Network,
    *,
    as_of: dt.date | None = None,
    months: int = 12,
    half_life_days: float = HALF_LIFE_DAYS,
) -> dict[str, Any]:
    """The ``netlens stale`` result: tier counts and every contact — the fading and dormant
    first, the strongest past ties (``weight``) first among them, then the longest quiet; then
    the active; then those never in contact (the longest quiet first); then those without a
    date."""
    as_of = as_of or network.default_as_of()
    table = relationships(network, as_of=as_of, months=months, half_life_days=half_life_days)
    tiers = {tier: int((table["tier"] == tier).sum()) for tier in TIERS}
    order = table.assign(_tier=table["tier"].map(_STALE_ORDER).astype(int)).sort_values(
        ["_tier", "weight", "days_since", "name"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return {
        "months": months,
        "half_life_days": half_life_days,
        "people": len(table),
        "tiers": tiers,
        "contacts": [_contact(row) for row in order.itertuples(index=False)],
    }


def _contact(row: Any) -> dict[str, Any]:
    return {
        "name": row.name,
        "url": None if pd.isna(row.url) else row.url,
        "company": row.company,
        "position": row.position,
        "connected_on": iso_date(row.connected_on),
        "last_interaction": iso_date(row.last_interaction),
        "last_contact": iso_date(row.last_contact),
        "days_since": None if pd.isna(row.days_since) else int(row.days_since),
        "tier": str(row.tier),
        "engaged": bool(row.engaged),
        "messages": int(row.messages),
        "strength": round(float(row.strength), 4),
    }
