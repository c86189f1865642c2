import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlens.loader.dates import _parse, day_month_year, parse_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04 Jul 2023", "2023-07-04 00:00:00"),
        ("23-Nov-21", "2021-11-23 00:00:00"),
        ("04-May-22", "2022-05-04 00:00:00"),
        ("8/3/13", "2013-08-03 00:00:00"),
        ("9/21/16, 3:29 AM", "2016-09-21 03:29:00"),
        ("12/09/22, 07:18 PM", "2022-12-09 19:18:00"),
        ("2023-07-10 15:47:10 UTC", "2023-07-10 15:47:10"),
        ("2024/12/15 08:53:43 UTC", "2024-12-15 08:53:43"),
        ("2024-06-17 06:01:43", "2024-06-17 06:01:43"),
        ("2019-11-06T02:08:20", "2019-11-06 02:08:20"),
        ("Tue Jun 20 12:25:51 UTC 2023", "2023-06-20 12:25:51"),
        ("Jan 2019", "2019-01-01 00:00:00"),
        ("8/3/2013", "2013-08-03 00:00:00"),
    ],
)
def test_every_format_seen_in_real_exports(text, expected):
    parsed, bad = parse_dates(pd.Series([text]))
    assert bad == 0
    assert str(parsed.iloc[0]) == expected


def test_mixed_column_empty_and_unparseable():
    values = pd.Series(["04 Jul 2023", "", "2023-07-10 15:47:10 UTC", "not a date", " 8/3/13 "])
    parsed, bad = parse_dates(values)
    assert bad == 1
    assert parsed.isna().tolist() == [False, True, False, True, False]
    assert parsed.iloc[4] == pd.Timestamp("2013-08-03")


def test_all_empty_column():
    parsed, bad = parse_dates(pd.Series(["", ""]))
    assert bad == 0
    assert parsed.isna().all()


@pytest.mark.parametrize("text", ["01 Jan 1000", "12/31/9999", "1000-01-01 00:00:00 UTC"])
def test_a_date_beyond_what_pandas_holds_is_unreadable_not_fatal(text):
    # Such dates come back from pandas in seconds or microseconds; cast to nanoseconds they
    # used to raise OutOfBoundsDatetime (numpy's own cast wraps round to another year).
    dates, unparseable = parse_dates(pd.Series([text, "04 Jul 2023"]))
    assert pd.isna(dates.iloc[0]) and unparseable == 1
    assert dates.iloc[1] == pd.Timestamp("2023-07-04")


def test_a_connection_made_in_the_year_1000_is_warned_of(tmp_path):
    import netlens

    from conftest import connections_csv, write_folder

    folder = write_folder(
        tmp_path / "export",
        {
            "Connections.csv": connections_csv(
                "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 1000",
                "Maya,Cohen,https://www.linkedin.com/in/maya-cohen,,Acme,Engineer,04 Jul 2023",
            )
        },
    )
    network = netlens.load(folder)
    assert len(network.people) == 2
    assert any("04 Jul 1000" in warning for warning in network.report.warnings)


_SHAPES = st.sampled_from(["%d %b %Y", "%d %b %Y ", "%d %B %Y", "%-d %b %Y", "%d %b %y"])


@settings(max_examples=200, deadline=None)
@given(
    days=st.lists(st.dates(dt.date(1600, 1, 1), dt.date(2300, 12, 31)), min_size=1, max_size=6),
    shape=_SHAPES,
    odd=st.sampled_from(["", "31 Apr 2020", "29 Feb 2023", "19 nov 2026", "00 Nov 2026"]),
)
def test_day_month_year_reads_as_the_formats_do(days, shape, odd):
    """The numpy path for a column of ``DD Mon YYYY`` gives what trying the formats gives,
    and leaves any other column to them."""
    cells = np.array([day.strftime(shape) for day in days] + ([odd] if odd else []), object)
    fast = day_month_year(cells)
    slow, unparsed = _parse(cells)
    if fast is not None:
        assert not unparsed.any()
        assert (fast == slow).all()
    if odd:  # never a real date of that shape
        assert fast is None
    elif shape == "%d %b %Y" and all(1678 <= day.year <= 2261 for day in days):
        assert fast is not None


def test_no_format_parses_a_value_whose_punctuation_is_not_its_own():
    """Pandas is asked only about values with a format's punctuation: values written in
    every format, with a mark swapped, added or dropped, that pandas parses with a format
    (as the sample is scored, and as the column is parsed) all pass that filter."""
    import random
    import warnings

    from netlens.loader.dates import DATE_FORMATS, _marks, _may_fit, _to_datetime

    rng = random.Random(3)
    values = set()
    for _ in range(25):
        when = dt.datetime(rng.randrange(1950, 2100), rng.randrange(1, 13), rng.randrange(1, 29),
                           rng.randrange(24), rng.randrange(60), rng.randrange(60))  # fmt: skip
        for fmt in DATE_FORMATS:
            text = when.strftime(fmt)
            values.update((text, "-" + text, text + "."))
            at, mark = rng.randrange(len(text)), rng.choice("-/:,. ")
            values.update((text[:at] + mark + text[at + 1 :], text[:at] + mark + text[at:]))
            values.add(text[:at] + text[at + 1 :])
    values = sorted(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for fmt in DATE_FORMATS:
            scored = pd.to_datetime(pd.Series(values, dtype=object), format=fmt, errors="coerce")
            parsed = ~np.isnat(_to_datetime(np.array(values, dtype=object), fmt))
            read = [value for value, *ok in zip(values, scored.notna(), parsed, strict=True)
                    if any(ok)]  # fmt: skip
            assert read, fmt
            for value in read:
                assert _may_fit(_marks(value), fmt), (fmt, value)
