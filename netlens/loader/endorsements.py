"""``Endorsement_Received_Info.csv`` and ``Endorsement_Given_Info.csv``.

``Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,
Endorsement Status`` (``Endorsee`` in the given file); no URL column before 2023; the 2022
``Endorsement Received Info.csv`` is UTF-16 with tabs and an extra ``Display Status``.
"""

from __future__ import annotations

from netlens.loader.archive import Member
from netlens.loader.events import Events, read_person_events

__all__ = ["read_endorsements"]


def _columns(role: str) -> dict[str, list[str]]:
    return {
        "date": ["Endorsement Date"],
        "first_name": [f"{role} First Name"],
        "last_name": [f"{role} Last Name"],
        "url": [f"{role} Public Url", f"{role} Profile Url"],
    }


def read_endorsements(member: Member, warnings: list[str], received: bool) -> Events:
    """Endorsements received (direction ``in``, from the endorser) or given (``out``)."""
    return read_person_events(
        member,
        warnings,
        columns=_columns("Endorser" if received else "Endorsee"),
        file_label="Endorsement_Received_Info.csv" if received else "Endorsement_Given_Info.csv",
        date_label="Endorsement Date",
        received=received,
    )
