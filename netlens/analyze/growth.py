"""How the network grew: connections per month and year, pace, bursts, headroom to the cap.

Every row of ``Connections.csv`` counts, hidden members included (they are connections too;
``hidden_members`` says how many there were on ``as_of``); rows without a readable date are
reported as ``undated``. Connections dated after ``as_of`` are left out, from every figure.

- ``pace_per_week``: connections added in the twelve months up to ``as_of``, per week
  (÷ 365.25/7).
- A **burst day** is a day on which at least ``max(10, 5 × the average daily pace over the
  whole span)`` connections were added — a conference, a mass-accept of pending invitations.
  ``burst_share`` is the share of dated connections added on burst days: the "quantity over
  quality" signal the health review uses.
- ``cap_headroom``: LinkedIn caps connections at 30,000 (LinkedIn Help, "Connection limit").
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from netlens.model import Network

__all__ = ["CONNECTION_CAP", "growth"]

CONNECTION_CAP = 30_000
BURST_MIN = 10
BURST_FACTOR = 5


def growth(network: Network, *, as_of: dt.date | None = None) -> dict[str, Any]:
    """The ``netlens growth`` result (see the module docstring for each figure), as of
    ``as_of`` (default: the export's own date)."""
    as_of = as_of or network.default_as_of()
    dates = network.connection_dates
    if dates is None:
        dates = network.people["connected_on"]
    as_of_ts = pd.Timestamp(as_of)
    dates = dates[dates.isna() | (dates.dt.normalize() <= as_of_ts)]
    hidden = network.hidden_dates
    if hidden is None:  # a network made by hand: the load report's count
        hidden_members = network.report.hidden_members
    else:
        hidden_members = int((hidden.isna() | (hidden.dt.normalize() <= as_of_ts)).sum())
    dated = dates.dropna().dt.normalize()
    result: dict[str, Any] = {
        "connections": len(dates),
        "hidden_members": hidden_members,
        "dated": len(dated),
        "undated": int(dates.isna().sum()),
        "cap": CONNECTION_CAP,
        "cap_headroom": CONNECTION_CAP - len(dates),
    }
    if dated.empty:
        return {**result, "by_month": [], "by_year": [], "last_12_months": 0,
                "pace_per_week": 0.0, "burst_threshold": BURST_MIN, "bursts": [],
                "burst_share": 0.0}  # fmt: skip

    months = pd.period_range(dated.min().to_period("M"), as_of_ts.to_period("M"), freq="M")
    per_month = dated.dt.to_period("M").value_counts().reindex(months, fill_value=0)
    cumulative = per_month.cumsum()
    per_year = per_month.groupby(per_month.index.year).sum()

    year_ago = as_of_ts - pd.DateOffset(months=12)
    last_12 = int((dated > year_ago).sum())
    span_days = max((as_of_ts - dated.min()).days + 1, 1)
    threshold = max(BURST_MIN, math.ceil(BURST_FACTOR * len(dated) / span_days))
    per_day = dated.value_counts()
    bursts = per_day[per_day >= threshold].sort_index()

    # Plain lists zipped: a lookup by month, or a mask per year, costs more than the sums.
    # The months run without a gap, so a year's running total is the sum of its and the
    # earlier years' additions.
    return {
        **result,
        "first": dated.min().date().isoformat(),
        "by_month": [
            {"month": str(month), "added": added, "total": total}
            for month, added, total in zip(
                months, per_month.tolist(), cumulative.tolist(), strict=True
            )
        ],
        "by_year": [
            {"year": year, "added": added, "total": total}
            for year, added, total in zip(
                per_year.index.tolist(), per_year.tolist(), per_year.cumsum().tolist(), strict=True
            )
        ],
        "last_12_months": last_12,
        "pace_per_week": last_12 / (365.25 / 7),
        "burst_threshold": threshold,
        "bursts": [{"date": day.date().isoformat(), "added": int(n)} for day, n in bursts.items()],
        "burst_share": float(bursts.sum() / len(dated)),
    }
