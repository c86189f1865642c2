"""``Recommendations_Received.csv`` and ``Recommendations_Given.csv``.

``First Name,Last Name,Company,Job Title,Text,Creation Date,Status`` in every era; the text
itself is never loaded.
"""

from __future__ import annotations

import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import fix_mojibake, read_table
from netlens.loader.events import Events, date_warnings, events, table_warnings

__all__ = ["COLUMNS", "read_recommendations"]

COLUMNS = {
    "first_name": ["First Name"],
    "last_name": ["Last Name"],
    "company": ["Company"],
    "job_title": ["Job Title"],
    "date": ["Creation Date", "Created On", "Date"],
    "status": ["Status"],
}


def read_recommendations(member: Member, warnings: list[str], received: bool) -> Events:
    """Recommendations received (direction ``in``) or given (``out``); matched by name."""
    table = read_table(
        member,
        COLUMNS,
        ("first_name", "last_name", "date"),
        "Recommendations_Received.csv" if received else "Recommendations_Given.csv",
    )
    table_warnings(member.name, table, warnings)
    frame = table.frame
    names = fix_mojibake((frame["first_name"] + " " + frame["last_name"]).str.strip())
    dates = date_warnings(member.name, "Creation Date", frame["date"], warnings)
    no_url = pd.Series("", index=frame.index, dtype=str)
    return Events(
        frame=events(names, no_url, dates, "in" if received else "out"),
        rows=len(frame),
    )
