"""Shared shape of the smaller interaction files (invitations, endorsements, recommendations).

Each reader returns an :class:`Events` table — one row per event with the counterpart's name
and profile URL as written, the parsed date, the direction and whether a personal note came
with it — which the loader then matches to people.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import Table, fix_mojibake, read_table
from netlens.loader.dates import parse_dates
from netlens.wording import plural

__all__ = [
    "EVENT_COLUMNS",
    "Events",
    "date_warnings",
    "events",
    "read_person_events",
    "table_warnings",
]

EVENT_COLUMNS = ["name", "url", "date", "direction", "note"]


@dataclass
class Events:
    frame: pd.DataFrame  # EVENT_COLUMNS
    rows: int


def table_warnings(name: str, table: Table, warnings: list[str]) -> None:
    """One line per kind of damaged row in a table just read."""
    if table.bad_lines:
        warnings.append(f"{name}: skipped {plural(table.bad_lines, 'row')} with too many fields")
    if table.long_rows:
        warnings.append(
            f"{name}: {plural(table.long_rows, 'row')} with more fields than the header; the "
            "extra fields were ignored"
        )
    if table.short_rows:
        warnings.append(
            f"{name}: {plural(table.short_rows, 'row')} with too few fields; the missing "
            "fields were left empty"
        )


class Quoting(str):
    """A warning that quotes the export (a cell, for an example), with ``redacted``: the
    same warning without the quote, for a report shared with ``--redact`` (the cell may
    be anything: a name, an e-mail address, a position shifted into the date column)."""

    redacted: str

    def __new__(cls, text: str, redacted: str) -> Quoting:
        warning = super().__new__(cls, text)
        warning.redacted = redacted
        return warning

    def __reduce__(self) -> tuple:
        return Quoting, (str(self), self.redacted)


def date_warnings(name: str, column: str, values: pd.Series, warnings: list[str]) -> pd.Series:
    """Parse a date column, with one summarised warning for the dates that cannot be read."""
    dates, unparseable = parse_dates(values)
    if unparseable:
        example = values[dates.isna() & (values.str.strip() != "")].iloc[0].strip()
        said = f"{name}: unreadable {column} date in {plural(unparseable, 'row')}"
        warnings.append(
            Quoting(
                f"{said} (e.g. {example!r}); kept without a date", f"{said}; kept without a date"
            )
        )
    return dates


def events(
    names: pd.Series,
    urls: pd.Series,
    dates: pd.Series,
    direction: pd.Series | str,
    note: pd.Series | bool = False,
) -> pd.DataFrame:
    # One constructor, the columns in order: no column added and no frame copied after.
    columns = (names, urls, dates, direction, note)
    return pd.DataFrame(dict(zip(EVENT_COLUMNS, columns, strict=True)))


def read_person_events(
    member: Member,
    warnings: list[str],
    *,
    columns: dict[str, list[str]],
    file_label: str,
    date_label: str,
    received: bool,
) -> Events:
    """Read a file of events with one person each (``first_name``, ``last_name``, ``date``,
    and ``url`` where the file has one): received ones are ``in``, given ones ``out``."""
    table = read_table(member, columns, ("first_name", "last_name", "date"), file_label)
    table_warnings(member.name, table, warnings)
    frame = table.frame
    names = fix_mojibake((frame["first_name"] + " " + frame["last_name"]).str.strip())
    dates = date_warnings(member.name, date_label, frame["date"], warnings)
    urls = frame["url"] if "url" in frame else pd.Series("", index=frame.index, dtype=str)
    return Events(frame=events(names, urls, dates, "in" if received else "out"), rows=len(frame))
