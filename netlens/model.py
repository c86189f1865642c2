"""The loaded network: the owner, a people table, an interactions table and the load report.

Tables, not an object per row: messages run to hundreds of thousands, and every analyzer
works column-wise.

``Network.people`` — one row per person in ``Connections.csv`` (hidden members left out):

=================  ===============  ===================================================
column             dtype            meaning
=================  ===============  ===================================================
``person_id``      str              stable key: the normalised profile URL
                                    (``linkedin.com/in/<slug>``), else ``name:<folded
                                    name>`` (``#2``, ``#3`` … for namesakes)
``name``           str              display name, ``First Last``, trimmed
``first_name``     str              as in the export, trimmed
``last_name``      str              as in the export, trimmed
``url``            str or NA        normalised profile URL
``email``          str              empty when the contact does not share it
``company``        str              as in the export, trimmed
``position``       str              as in the export, trimmed
``connected_on``   datetime64       the connection date (NaT when unparseable)
``name_key``       str              folded name used for matching files without URLs
=================  ===============  ===================================================

``Network.interactions`` — one row per interaction with a person of ``people``:

=================  ===============  ===================================================
column             dtype            meaning
=================  ===============  ===================================================
``person``         str              ``person_id`` of the contact
``kind``           category         ``connection``, ``message``, ``invitation``,
                                    ``endorsement``, ``recommendation``
``date``           datetime64       when it happened (NaT when unparseable)
``direction``      category         ``out`` (the owner acted), ``in``, or NA for the
                                    connection itself
``note``           bool             an invitation carried a personal message
``group``          bool             a message in a group chat (3+ participants)
=================  ===============  ===================================================

Messages that are drafts, in the ``SPAM`` folder or sponsored (from ``LinkedIn Member``
without a profile URL) are not interactions; they are counted in the load report. A message
in a group chat is an interaction with every participant but the owner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from netlens.errors import NetlensError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DIRECTIONS", "INTERACTION_KINDS", "LoadReport", "Network", "Owner"]

INTERACTION_KINDS = ("connection", "message", "invitation", "endorsement", "recommendation")
DIRECTIONS = ("in", "out")  # of an interaction, seen from the owner


@dataclass
class Owner:
    """The person whose export this is. ``url`` is normalised (``linkedin.com/in/<slug>``)."""

    name: str | None = None
    url: str | None = None
    found_by: str = "unknown"  # how the owner was identified, for the curious and for --debug

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url}


@dataclass
class LoadReport:
    """What was read, what was left out and why."""

    source: str
    files: dict[str, int] = field(default_factory=dict)  # recognised file → data rows
    ignored_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    connections: int = 0  # every data row of Connections.csv, hidden members included
    hidden_members: int = 0
    messages: int = 0  # every message row, drafts, spam and sponsored included
    invitations: int = 0
    endorsements: int = 0
    recommendations: int = 0
    first_connected: str | None = None  # ISO dates over every row with a date
    last_connected: str | None = None
    excluded_messages: dict[str, int] = field(default_factory=dict)  # draft/spam/sponsored
    unmatched: dict[str, int] = field(default_factory=dict)  # kind → rows with non-contacts


@dataclass
class Network:
    """One person's LinkedIn export, loaded. See the module docstring for the columns."""

    owner: Owner
    people: pd.DataFrame
    interactions: pd.DataFrame
    report: LoadReport
    profile: dict[str, str] = field(default_factory=dict)  # Profile.csv, the owner's row
    positions: pd.DataFrame | None = None  # Positions.csv: company, title, started_on, …
    # Connected On of every row of Connections.csv, hidden members included (for growth).
    connection_dates: pd.Series | None = None

    def until(self, as_of: dt.date) -> Network:
        """The network as it stood on ``as_of``: people connected by then (and those without
        a readable date), interactions up to the end of that day. The load report is
        unchanged: it describes the files.

        Raises NetlensError when ``as_of`` is before the first connection."""
        import pandas as pd

        end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
        connected = self.people["connected_on"]
        people = self.people[connected.isna() | (connected < end)]
        if people.empty and not self.people.empty:
            raise NetlensError(
                f"{as_of.isoformat()} is before your first connection "
                f"({self.report.first_connected}) — nothing to review as of then; pick a "
                "later --as-of"
            )
        if len(people) == len(self.people) and not (self.interactions["date"] >= end).any():
            return self
        inter = self.interactions
        inter = inter[
            (inter["date"].isna() | (inter["date"] < end))
            & inter["person"].isin(people["person_id"])
        ]
        dates = self.connection_dates
        if dates is not None:
            dates = dates[dates.isna() | (dates < end)]
        return replace(self, people=people, interactions=inter, connection_dates=dates)

    def summary(self) -> dict[str, Any]:
        """The figures of ``netlens summary``, as plain data (SPEC §4 field names)."""
        report = self.report
        return {
            "source": report.source,
            "connections": report.connections,
            "hidden_members": report.hidden_members,
            "people": len(self.people),
            "messages": report.messages,
            "invitations": report.invitations,
            "endorsements": report.endorsements,
            "recommendations": report.recommendations,
            "first_connected": report.first_connected,
            "last_connected": report.last_connected,
            "owner": self.owner.to_dict(),
            "files": dict(report.files),
            "ignored_files": list(report.ignored_files),
            "excluded_messages": dict(report.excluded_messages),
            "unmatched": dict(report.unmatched),
            "warnings": list(report.warnings),
        }
