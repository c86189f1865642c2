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

__all__ = ["DIRECTIONS", "INTERACTION_KINDS", "AsOf", "LoadReport", "Network", "Owner"]

INTERACTION_KINDS = ("connection", "message", "invitation", "endorsement", "recommendation")
# An as-of date this long after the newest record judges the export by days it cannot know.
STALE_AS_OF_DAYS = 90


class AsOf(dt.date):
    """The day a review is of, and where that day came from (``why``): "given", "the date
    in the export's name", "the newest record in the export", or "today" for an export
    without any date. A plain date everywhere a date is expected; outputs state ``why``."""

    why: str

    def __new__(cls, year: int, month: int, day: int, why: str = "given") -> AsOf:
        self = super().__new__(cls, year, month, day)
        self.why = why
        return self

    @classmethod
    def of(cls, day: dt.date, why: str) -> AsOf:
        return cls(day.year, day.month, day.day, why)

    def __reduce__(self) -> tuple:  # pickles (and copies) with its reason
        return (AsOf, (self.year, self.month, self.day, self.why))


DIRECTIONS = ("in", "out")  # of an interaction, seen from the owner


def _day_after(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def as_of_warning(as_of: dt.date, newest_record: str | None) -> str | None:
    """A warning when ``as_of`` is over 90 days past the newest record (an ISO date): every
    tie would look staler than it was."""
    if not newest_record:
        return None
    days = (as_of - dt.date.fromisoformat(newest_record)).days
    if days <= STALE_AS_OF_DAYS:
        return None
    return (
        f"as of {as_of.isoformat()} is {days:,} days after the newest record in the export "
        f"({newest_record}): ties will look staler than they were then; --as-of "
        f"{newest_record} reviews the export as it stood."
    )


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
    # Of the warnings, those about files the export lacks (or has in a form netlens cannot
    # read): what every command says, since every figure is poorer for it.
    missing: list[str] = field(default_factory=list)
    connections: int = 0  # every data row of Connections.csv, hidden members included
    hidden_members: int = 0
    messages: int = 0  # every message row, drafts, spam and sponsored included
    invitations: int = 0
    endorsements: int = 0
    recommendations: int = 0
    first_connected: str | None = None  # ISO dates over every row with a date
    last_connected: str | None = None
    # The date in LinkedIn's archive name (Basic_LinkedInDataExport_MM-DD-YYYY…), and the
    # newest dated record of any file (not after the day it was loaded): ISO dates or None.
    export_date: str | None = None
    newest_record: str | None = None
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
    # Connected On of every row of Connections.csv, hidden members included (for growth),
    # and of the hidden members alone (how many there were on a past day).
    connection_dates: pd.Series | None = None
    hidden_dates: pd.Series | None = None

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
        dates, hidden = self.connection_dates, self.hidden_dates
        if dates is not None:
            dates = dates[dates.isna() | (dates < end)]
        if hidden is not None:
            hidden = hidden[hidden.isna() | (hidden < end)]
        return replace(
            self, people=people, interactions=inter, connection_dates=dates, hidden_dates=hidden
        )

    def default_as_of(self) -> AsOf:
        """The day to review this export as of when none is given: the date in the
        archive's name, else the newest dated record — never today, which would judge an
        old export by days it could not know (only an export without any date gets
        today)."""
        named, newest = self.report.export_date, self.report.newest_record
        if named and not (newest and newest > _day_after(named)):
            return AsOf.of(dt.date.fromisoformat(named), "the date in the export's name")
        if named:  # records after the day the archive was made: the name is not its own
            day = dt.date.fromisoformat(newest)
            return AsOf.of(day, f"the newest record in the export, later than its name's {named}")
        if self.report.newest_record:
            day = dt.date.fromisoformat(self.report.newest_record)
            return AsOf.of(day, "the newest record in the export")
        return AsOf.of(dt.date.today(), "today: the export has no dates")

    def as_of_warning(self, as_of: dt.date) -> str | None:
        """See :func:`as_of_warning`."""
        return as_of_warning(as_of, self.report.newest_record)

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
            "export_date": report.export_date,
            "newest_record": report.newest_record,
            "owner": self.owner.to_dict(),
            "files": dict(report.files),
            "ignored_files": list(report.ignored_files),
            "excluded_messages": dict(report.excluded_messages),
            "unmatched": dict(report.unmatched),
            "warnings": list(report.warnings),
        }
