"""``Recommendations_Received.csv`` and ``Recommendations_Given.csv``.

``First Name,Last Name,Company,Job Title,Text,Creation Date,Status`` in every era; the text
itself is never loaded.
"""

from __future__ import annotations

from netlens.loader.archive import Member
from netlens.loader.events import Events, read_person_events

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
    return read_person_events(
        member,
        warnings,
        columns=COLUMNS,
        file_label="Recommendations_Received.csv" if received else "Recommendations_Given.csv",
        date_label="Creation Date",
        received=received,
    )
