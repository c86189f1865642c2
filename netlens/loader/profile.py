"""``Profile.csv`` (the owner's own row: name, headline, industry) and ``Positions.csv``
(the owner's jobs). Personal details such as address or birth date are never loaded."""

from __future__ import annotations

import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import fix_mojibake, read_table
from netlens.loader.events import date_warnings

__all__ = ["read_positions", "read_profile"]

PROFILE_COLUMNS = {
    "first_name": ["First Name"],
    "last_name": ["Last Name"],
    "headline": ["Headline"],
    "industry": ["Industry"],
    "geo_location": ["Geo Location", "Location"],
}
POSITION_COLUMNS = {
    "company": ["Company Name", "Company"],
    "title": ["Title"],
    "location": ["Location"],
    "started_on": ["Started On"],
    "finished_on": ["Finished On"],
}


def read_profile(member: Member, warnings: list[str]) -> tuple[dict[str, str], int]:
    """The owner's profile row as a dict (empty if the file has no rows), and the row count."""
    table = read_table(member, PROFILE_COLUMNS, ("first_name", "last_name"), "Profile.csv")
    frame = table.frame
    if frame.empty:
        return {}, 0
    row = {key: fix_mojibake(frame[key]).iloc[0] for key in PROFILE_COLUMNS}
    row["name"] = f"{row['first_name']} {row['last_name']}".strip()
    return row, len(frame)


def read_positions(member: Member, warnings: list[str]) -> pd.DataFrame:
    """The owner's positions, newest first as LinkedIn lists them, with parsed dates."""
    frame = read_table(member, POSITION_COLUMNS, ("company", "title"), "Positions.csv").frame
    for column in ("company", "title", "location"):
        frame[column] = fix_mojibake(frame[column])
    frame["started_on"] = date_warnings(member.name, "Started On", frame["started_on"], warnings)
    frame["finished_on"] = date_warnings(member.name, "Finished On", frame["finished_on"], warnings)
    return frame[list(POSITION_COLUMNS)]
