"""Parse the many date formats one LinkedIn archive mixes, column-wise.

Seen in real exports (SPEC §2): ``04 Jul 2023``, ``23-Nov-21``, ``8/3/13``,
``9/21/16, 3:29 AM``, ``12/09/22, 07:18 PM``, ``2023-07-10 15:47:10 UTC``,
``2024/12/15 08:53:43 UTC``, ``2024-06-17 06:01:43``, ``2019-11-06T02:08:20``,
``Tue Jun 20 12:25:51 UTC 2023``; ``Positions.csv`` uses ``Jan 2019`` and ``2019``.
Slashed dates are American (month first), as LinkedIn writes them. Times are kept naive, in
the export's own clock (UTC where stated).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import is_not

import numpy as np
import pandas as pd

__all__ = ["DATE_FORMATS", "day_month_year", "parse_dates", "utc_seconds"]

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
    in one format costs one vectorised pass. A column with many repeated values (connection
    dates) is parsed once per distinct value.
    """
    fast = _one_shape(values.to_numpy())
    text = _stripped(values) if fast is None else None
    if fast is None:  # the same with spaces around the values
        fast = _one_shape(text)
    if fast is not None:
        return pd.Series(fast, index=values.index), 0
    if len(text) > _DEDUPE_FROM and len(set(text[:_DEDUPE_FROM])) < _DEDUPE_FROM // 2:
        codes, uniques = pd.factorize(text)
        parsed, pending = _parse(uniques.astype(object))
        dates, unparsed = parsed[codes], pending[codes]
    else:
        dates, unparsed = _parse(text)
    return pd.Series(dates, index=values.index), int(unparsed.sum())


_DEDUPE_FROM = 2000


def _stripped(values: pd.Series) -> np.ndarray:
    cells = values.to_numpy(dtype=object, na_value="")
    try:
        return np.array(list(map(str.strip, cells)), dtype=object).reshape(len(cells))
    except TypeError:  # not all text
        return values.astype("string").fillna("").str.strip().to_numpy(dtype=object)


def _parse(text: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(datetime64[ns] per value, whether a non-empty value found no format)."""
    result = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[ns]")
    pending = text != ""
    if not pending.any():
        return result, pending
    for fmt in _formats_by_fit(text[pending]):
        where = np.flatnonzero(pending)
        if len(where) <= _SAMPLE:  # a few left (cells that are no date, often): pandas is
            # asked only about those that may fit, and not at all when none may
            where = where[np.array([_may_fit(_marks(text[i]), fmt) for i in where.tolist()])]
            if not len(where):
                continue
        parsed = _to_datetime(text[where], fmt)
        hit = ~np.isnat(parsed)
        if hit.any():
            result[where[hit]] = parsed[hit]
            pending[where[hit]] = False
            if not pending.any():
                break
    return result, pending


# Formats that are ISO 8601 but for a literal " UTC": pandas parses the ISO part in C, many
# times faster than its strptime. Values the fast path misses get the full format.
_ISO_BEFORE_UTC = {
    "%Y-%m-%d %H:%M:%S UTC": "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S UTC": "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f UTC": "%Y-%m-%d %H:%M:%S.%f",
}


def _to_datetime(cells: np.ndarray, fmt: str) -> np.ndarray:
    iso = _ISO_BEFORE_UTC.get(fmt)
    if iso is None:
        return _coerce(cells, fmt)
    bodies = list(map(str.removesuffix, cells, repeat(" UTC")))
    had_suffix = np.fromiter(map(is_not, bodies, cells), dtype=bool, count=len(cells))
    bodies = np.array(bodies, dtype=object).reshape(len(cells))
    bodies[~had_suffix] = ""
    parsed = _coerce(bodies, iso)
    missed = np.isnat(parsed)
    if missed.any():
        parsed[missed] = _coerce(cells[missed], fmt)
    return parsed


_UTC_SHAPE = np.frombuffer(b"0000-00-00 00:00:00 UTC\0", dtype=np.uint8)
_UTC_DIGIT = np.equal(_UTC_SHAPE, ord("0"))


def utc_seconds(cells: np.ndarray) -> np.ndarray | None:
    """A whole column of ``YYYY-MM-DD HH:MM:SS UTC`` (``messages.csv`` since 2021) parsed by
    numpy's C parser; None unless every value has exactly that shape and is a real date and
    time (then the formats are tried as usual, with the same result for these values)."""
    if not len(cells):
        return None
    try:
        # One byte more than the shape: a longer value leaves it non-zero.
        fixed = cells.astype(f"S{len(_UTC_SHAPE)}")
    except (UnicodeError, TypeError, ValueError):  # not ASCII, or not all text
        return None
    chars = fixed.view(np.uint8).reshape(len(fixed), len(_UTC_SHAPE))
    digits = (chars >= ord("0")) & (chars <= ord("9"))
    if not (
        digits[:, _UTC_DIGIT].all() and (chars[:, ~_UTC_DIGIT] == _UTC_SHAPE[~_UTC_DIGIT]).all()
    ):
        return None
    try:
        seconds = fixed.astype("S19").astype("datetime64[s]")
    except ValueError:  # a month 13, a 25th hour…
        return None
    nanoseconds = seconds.astype("datetime64[ns]")
    if (nanoseconds.astype("datetime64[s]") != seconds).any():  # beyond 1677–2262
        return None
    return nanoseconds


def day_month_year(cells: np.ndarray) -> np.ndarray | None:
    """A whole column of ``DD Mon YYYY`` (``Connected On``) parsed in numpy, as ``%d %b
    %Y`` parses it; None unless every value has exactly that shape, with an English month
    as LinkedIn writes it (``Nov``) and a real day of that month in 1678–2261 (then the
    formats are tried as usual)."""
    if not len(cells):
        return None
    try:
        fixed = cells.astype(f"S{len(_DMY_SHAPE)}")  # one byte more than the shape
    except (UnicodeError, TypeError, ValueError):
        return None
    chars = fixed.view(np.uint8).reshape(len(fixed), len(_DMY_SHAPE))
    digits = chars[:, _DMY_DIGIT] - ord("0")
    if not (
        (digits <= 9).all()
        and (chars[:, ~_DMY_DIGIT & ~_DMY_MONTH] == _DMY_SHAPE[~_DMY_DIGIT & ~_DMY_MONTH]).all()
    ):
        return None
    letters = chars[:, _DMY_MONTH].astype(np.int64)
    codes = (letters[:, 0] << 16) | (letters[:, 1] << 8) | letters[:, 2]
    month = np.searchsorted(_MONTH_CODES, codes)
    if (month >= 12).any() or (_MONTH_CODES[np.minimum(month, 11)] != codes).any():
        return None
    digits = digits.astype(np.int64)
    day = digits[:, 0] * 10 + digits[:, 1]
    year = digits[:, 2] * 1000 + digits[:, 3] * 100 + digits[:, 4] * 10 + digits[:, 5]
    if ((year < 1678) | (year > 2261) | (day < 1)).any():
        return None
    first = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + _MONTH_ORDER[month]
    dates = first.astype("datetime64[D]") + (day - 1)
    if (dates.astype("datetime64[M]") != first).any():  # 31 Apr, 29 Feb 2023
        return None
    return dates.astype("datetime64[ns]")


_DMY_SHAPE = np.frombuffer(b"00 Aaa 0000\0", dtype=np.uint8)
_DMY_DIGIT = np.equal(_DMY_SHAPE, ord("0"))
_DMY_MONTH = np.equal(_DMY_SHAPE, ord("a")) | np.equal(_DMY_SHAPE, ord("A"))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BY_CODE = sorted(
    ((ord(m[0]) << 16) | (ord(m[1]) << 8) | ord(m[2]), i) for i, m in enumerate(_MONTHS)
)
_MONTH_CODES = np.array([code for code, _ in _BY_CODE], dtype=np.int64)
_MONTH_ORDER = np.array([i for _, i in _BY_CODE], dtype=np.int64)


def _one_shape(cells: np.ndarray) -> np.ndarray | None:
    """The column parsed by :func:`utc_seconds` or :func:`day_month_year`, or None."""
    fast = utc_seconds(cells)
    return day_month_year(cells) if fast is None else fast


def _coerce(cells: np.ndarray, fmt: str) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(cells, dtype=object), format=fmt, errors="coerce")
    values = parsed.to_numpy(copy=True)
    if values.dtype != np.dtype("datetime64[ns]"):
        # A date pandas keeps in a coarser unit (year 1000, year 9999) has no nanosecond
        # value: not read, like any other unreadable date. (Bounds cast down, never up: a
        # cast to a finer unit would wrap round silently.)
        low, high = (bound.astype(values.dtype) for bound in _NS_BOUNDS)
        values[(values < low) | (values >= high)] = np.datetime64("NaT")
    return values.astype("datetime64[ns]")


# A day inside the range nanoseconds can hold (1677-09-21 to 2262-04-11).
_NS_BOUNDS = (np.datetime64("1677-09-22", "ns"), np.datetime64("2262-04-11", "ns"))


def _formats_by_fit(values: np.ndarray) -> Iterator[str]:
    """The formats, those that fit more of a sample of the values first (ties in the order
    of DATE_FORMATS). Lazily: the first format to fit the whole sample comes first whatever
    the others score, and usually parses the whole column, so the rest are rarely scored."""
    sample = [(value, *_marks(value)) for value in _first_distinct(values, _SAMPLE)]
    scores = {}
    for fmt in DATE_FORMATS:
        scores[fmt] = _score(sample, fmt)
        if scores[fmt] == len(sample):
            yield fmt
            break
    else:
        fmt = None
    for other in DATE_FORMATS:
        if other not in scores:
            scores[other] = _score(sample, other)
    fitting = sorted((f for f in DATE_FORMATS if scores[f]), key=lambda f: -scores[f])
    yield from (f for f in fitting + [f for f in DATE_FORMATS if not scores[f]] if f != fmt)


def _score(sample: list[tuple[str, frozenset[str], frozenset[str]]], fmt: str) -> int:
    """How many of the sample (each value with its :func:`_marks`) ``fmt`` parses. A value
    cannot fit a format unless its punctuation (``-``, ``/``, ``:``, ``,``, ``.``) is the
    format's: pandas is asked only about the others, and not at all when there are none
    (most formats, most of the time)."""
    fitting = [value for value, *marks in sample if _may_fit(marks, fmt)]
    if not fitting:
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(fitting, dtype=object), format=fmt, errors="coerce")
    return int(parsed.notna().sum())


_MARKS = frozenset("-/:,.")
_PUNCTUATION = {fmt: frozenset(re.sub("%.", "", fmt)) & _MARKS for fmt in DATE_FORMATS}


def _may_fit(marks: Sequence[frozenset[str]], fmt: str) -> bool:
    """Whether a value of these :func:`_marks` may fit ``fmt``: pandas parses none that
    does not, with the format or (:func:`_to_datetime`) its ISO part."""
    has, own = marks
    return _PUNCTUATION[fmt] <= has and own <= _PUNCTUATION[fmt]


def _marks(value: str) -> tuple[frozenset[str], frozenset[str]]:
    """The punctuation of ``value``, and the same but for a leading minus: each format's
    marks must be in the first, and the second in the format's marks (with ``%Y`` pandas
    reads ``-3`` as a year; nowhere else does it take a mark the format does not spell
    out)."""
    return _MARKS.intersection(value), _MARKS.intersection(value.removeprefix("-"))


def _first_distinct(values: np.ndarray, count: int) -> list[str]:
    """The first ``count`` distinct values, in order, reading no more of the column than
    needed."""
    seen: dict[str, None] = {}
    size = 256
    start = 0
    while len(seen) < count and start < len(values):
        seen.update(dict.fromkeys(values[start : start + size]))
        start += size
        size *= 2
    return list(seen)[:count]
