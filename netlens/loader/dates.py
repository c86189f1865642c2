"""Parse the many date formats one LinkedIn archive mixes, column-wise.

Seen in real exports (SPEC §2): ``04 Jul 2023``, ``23-Nov-21``, ``8/3/13``,
``9/21/16, 3:29 AM``, ``12/09/22, 07:18 PM``, ``2023-07-10 15:47:10 UTC``,
``2024/12/15 08:53:43 UTC``, ``2024-06-17 06:01:43``, ``2019-11-06T02:08:20``,
``Tue Jun 20 12:25:51 UTC 2023``; ``Positions.csv`` uses ``Jan 2019`` and ``2019``.
Slashed dates are American (month first), as LinkedIn writes them. Times are kept naive, in
the export's own clock (UTC where stated).
"""

from __future__ import annotations

import warnings

import pandas as pd

__all__ = ["DATE_FORMATS", "parse_dates"]

DATE_FORMATS = (
    "%d %b %Y",
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y/%m/%d %H:%M:%S UTC",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%a %b %d %H:%M:%S UTC %Y",
    "%Y-%m-%dT%H:%M:%S.%fZ",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%d %H:%M:%S.%f UTC",
    "%b %Y",
    "%B %Y",
    "%Y",
)
_SAMPLE = 25


def parse_dates(values: pd.Series) -> tuple[pd.Series, int]:
    """Parse a column of date strings; return (datetime64 series, count of unparseable).

    Empty strings become NaT without counting as unparseable. Each format is tried in turn on
    the values still unparsed, the formats that fit a sample of the column first, so a column
    in one format costs one vectorised pass.
    """
    text = values.astype("string").fillna("").str.strip()
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    pending = text != ""
    if not pending.any():
        return result, 0
    for fmt in _formats_by_fit(text[pending]):
        todo = text[pending]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(todo, format=fmt, errors="coerce")
        hit = parsed.notna()
        if hit.any():
            result[hit[hit].index] = parsed[hit].astype("datetime64[ns]")
            pending[hit[hit].index] = False
            if not pending.any():
                break
    return result, int(pending.sum())


def _formats_by_fit(values: pd.Series) -> list[str]:
    sample = values.drop_duplicates().head(_SAMPLE)
    scores = {}
    for fmt in DATE_FORMATS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores[fmt] = int(pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum())
    fitting = sorted((f for f in DATE_FORMATS if scores[f]), key=lambda f: -scores[f])
    return fitting + [f for f in DATE_FORMATS if not scores[f]]
