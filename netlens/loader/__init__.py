"""Load a LinkedIn data export into a :class:`~netlens.model.Network`.

``load(path)`` takes any form of EXPORT (SPEC §2): a connections CSV under any name, an
extracted export folder (files at its root or one folder down), or the export zip, whatever
its name. Only ``Connections.csv`` is required; every other file is read when present, and a
damaged optional file is skipped with a warning rather than failing the whole load.

``load(path, parts="connections")`` reads only what merging exports into a graph needs
(``netlens reach --with``): the connections and who the owner is. Messages, endorsements and
recommendations are left unread; the owner is found from ``Profile.csv`` and the invitations
(their names and URLs: the dates are not read), and the messages are read only when those do
not tell the owner's profile URL.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from netlens import collector
from netlens.errors import NetlensError
from netlens.loader.archive import Export, misfiled, open_export
from netlens.loader.connections import Connections, Rows, key_people, read_rows
from netlens.loader.endorsements import read_endorsements
from netlens.loader.events import Events
from netlens.loader.identity import PeopleIndex
from netlens.loader.invitations import read_invitations
from netlens.loader.messages import Messages, message_contacts, message_senders, read_messages
from netlens.loader.owner import identify_owner
from netlens.loader.profile import read_positions, read_profile
from netlens.loader.recommendations import read_recommendations
from netlens.model import DIRECTIONS, INTERACTION_KINDS, LoadReport, Network
from netlens.wording import iso_date

__all__ = ["PARTS", "load", "load_each"]

T = TypeVar("T")

PARTS = ("all", "connections")


def load(
    path: str | os.PathLike[str],
    *,
    owner_url: str | None = None,
    owner_name: str | None = None,
    parts: str = "all",
) -> Network:
    """Read a LinkedIn export. ``owner_url`` / ``owner_name`` override who the owner is.
    ``parts="connections"`` reads only the connections and the owner (see the module
    docstring): ``interactions`` then holds the connections alone.

    Raises :class:`~netlens.errors.NetlensError` (and nothing else) when the export cannot be
    read; rows that cannot be read are skipped or kept incomplete and listed in
    ``network.report.warnings``.
    """
    if parts not in PARTS:
        raise ValueError(f"parts must be one of {PARTS}, not {parts!r}")
    with collector.paused(), open_export(path) as export:
        if parts == "connections":
            return _read_connections(export, str(path), owner_url, owner_name)
        return _read(export, str(path), owner_url, owner_name)


def load_each(
    paths: Sequence[str | os.PathLike[str]],
    *,
    reading: Callable[[str], AbstractContextManager[Any]] | None = None,
) -> list[Network]:
    """``[load(path, parts="connections") for path in paths]``: the same networks, the
    rows of all the exports keyed at once (for many exports, ``netlens reach --with``: a
    team's exports of a few thousand connections each cost pandas' overhead per call more
    than their rows). ``reading(path)``, when given, wraps the reading of each export (a
    status line). Raises NetlensError at the first export that cannot be read."""
    if not paths:
        return []
    with collector.paused():
        begun = []
        for path in paths:
            with reading(str(path)) if reading else nullcontext(), open_export(path) as export:
                begun.append(_begin_rows(export, str(path)))
        keyed = key_people([rows for _, rows in begun])
        networks = []
        for path, (report, rows), connections in zip(paths, begun, keyed, strict=True):
            _note_connections(report, rows, connections)
            # Opened again for the owner's files: a hundred exports are not held open.
            with open_export(path) as export:
                networks.append(_connections_network(export, report, connections, None, None))
        return networks


def _begin(export: Export, source: str) -> tuple[LoadReport, Connections]:
    """The load report, with what the export lacks, and the connections: where every
    load starts."""
    report, rows = _begin_rows(export, source)
    connections = key_people([rows])[0]
    _note_connections(report, rows, connections)
    return report, connections


def _begin_rows(export: Export, source: str) -> tuple[LoadReport, Rows]:
    """:func:`_begin` up to the connections' rows, read but not yet keyed."""
    report = LoadReport(source=source, ignored_files=list(export.ignored))
    report.warnings.extend(export.warnings)
    report.missing.extend(filter(None, (misfiled(name) for name in export.ignored)))
    report.warnings.extend(report.missing)
    return report, read_rows(export.files["connections"], report.warnings)


def _note_connections(report: LoadReport, rows: Rows, connections: Connections) -> None:
    report.files[rows.name] = connections.rows
    report.connections = connections.rows
    report.hidden_members = connections.hidden_members
    report.first_connected = iso_date(connections.first_connected)
    report.last_connected = iso_date(connections.last_connected)


def _optional(
    export: Export, warnings: list[str], kind: str, reader: Callable[..., T], **options
) -> T | None:
    """An optional file read, or None when it is absent or cannot be read (a warning)."""
    member = export.files.get(kind)
    if member is None:
        return None
    try:
        return reader(member, warnings, **options)
    except NetlensError as exc:
        warnings.append(f"{exc} (skipped)")
        return None


def _read_connections(
    export: Export, source: str, owner_url: str | None, owner_name: str | None
) -> Network:
    """The connections and the owner alone (``load(path, parts="connections")``)."""
    report, connections = _begin(export, source)
    return _connections_network(export, report, connections, owner_url, owner_name)


def _connections_network(
    export: Export,
    report: LoadReport,
    connections: Connections,
    owner_url: str | None,
    owner_name: str | None,
) -> Network:
    """:func:`_read_connections` once the connections are read: the owner, the network."""
    people = connections.people

    def optional(kind: str, reader: Callable[..., T], **options) -> T | None:
        return _optional(export, report.warnings, kind, reader, **options)

    profile_read = optional("profile", read_profile)
    profile = profile_read[0] if profile_read else {}
    contact_urls = set(people["url"].dropna().tolist())
    # The invitations only say who the owner is: their dates are not read.
    invitations: Events | None = optional("invitations", read_invitations, dated=False)
    owner = identify_owner(profile, None, invitations, contact_urls, owner_url, owner_name)
    if (owner.url is None or owner.name is None) and "messages" in export.files:
        messages = optional("messages", read_messages)
        owner = identify_owner(profile, messages, invitations, contact_urls, owner_url, owner_name)
    report.export_date = iso_date(_archive_date([export.source.name, export.root]))
    # Of the connections only: neither the messages nor the invitations' dates are read.
    report.newest_record = iso_date(_newest(connections.dates))
    return Network(
        owner=owner,
        people=people,
        interactions=_part("connection", people["person_id"], people["connected_on"]),
        report=report,
        profile=profile,
        connection_dates=connections.dates,
        hidden_dates=connections.hidden_dates,
    )


def _read(export: Export, source: str, owner_url: str | None, owner_name: str | None) -> Network:
    report, connections = _begin(export, source)
    warnings = report.warnings
    people = connections.people

    def optional(kind: str, reader: Callable[..., T], **options) -> T | None:
        return _optional(export, warnings, kind, reader, **options)

    profile_read = optional("profile", read_profile)
    profile = profile_read[0] if profile_read else {}
    if profile_read:
        report.files[export.files["profile"].name] = profile_read[1]
    positions = optional("positions", read_positions)
    if positions is not None:
        report.files[export.files["positions"].name] = len(positions)
    messages: Messages | None = optional("messages", read_messages)

    invitations: Events | None = optional("invitations", read_invitations)
    events: dict[str, list[Events]] = {"endorsement": [], "recommendation": []}
    for file_kind, kind, reader, received in (
        ("endorsements_received", "endorsement", read_endorsements, True),
        ("endorsements_given", "endorsement", read_endorsements, False),
        ("recommendations_received", "recommendation", read_recommendations, True),
        ("recommendations_given", "recommendation", read_recommendations, False),
    ):
        read = optional(file_kind, reader, received=received)
        if read is not None:
            report.files[export.files[file_kind].name] = read.rows
            events[kind].append(read)
    report.endorsements = sum(read.rows for read in events["endorsement"])
    report.recommendations = sum(read.rows for read in events["recommendation"])
    index = PeopleIndex(people)
    matched = {
        kind: [_matched(read, index) for read in reads]
        for kind, reads in (
            ("invitation", [] if invitations is None else [invitations]),
            *events.items(),
        )
    }

    connection_part = _part("connection", people["person_id"], people["connected_on"])
    event_parts, unmatched_events = [], {}
    for kind, frames in matched.items():
        for frame, unmatched in frames:
            unmatched_events[kind] = unmatched_events.get(kind, 0) + unmatched
            event_parts.append(
                _part(kind, frame["person"], frame["date"], frame["direction"], note=frame["note"])
            )

    contact_urls = set(people["url"].dropna().tolist())  # a Series iterates value by value
    owner = identify_owner(profile, messages, invitations, contact_urls, owner_url, owner_name)
    parts = [connection_part]
    if messages is not None:
        senders = message_senders(messages, owner, index)
        contacts = message_contacts(messages, owner, index, senders)
        report.files[export.files["messages"].name] = messages.rows
        report.messages = messages.rows
        report.excluded_messages = messages.excluded
        parts.append(
            _part(
                "message",
                contacts.person,
                messages.dates[contacts.message],
                contacts.direction,
                group=contacts.group,
            )
        )
        report.unmatched["message"] = contacts.no_contact
    if invitations is not None:
        report.files[export.files["invitations"].name] = invitations.rows
        report.invitations = invitations.rows
    report.unmatched.update(unmatched_events)
    if "messages" not in export.files and export.single_file:
        report.missing.append(
            "only Connections.csv was given, so every tie looks untouched: pass the whole "
            "export zip LinkedIn sent you (its messages show who you are in touch with)"
        )
        warnings.append(report.missing[-1])
    elif "messages" not in export.files:
        report.missing.append(
            "no messages.csv in this export, so every tie looks untouched: LinkedIn puts "
            "messages.csv at the top of the zip it e-mails you (Settings → Data privacy → "
            "Get a copy of your data); pass that zip, or put messages.csv beside "
            "Connections.csv"
        )
        warnings.append(report.missing[-1])
    interactions = pd.concat([*parts, *event_parts], ignore_index=True)
    report.export_date = iso_date(_archive_date([export.source.name, export.root]))
    report.newest_record = iso_date(
        _newest(
            interactions["date"],
            connections.dates,
            None if messages is None else messages.dates,
        )
    )
    return Network(
        owner=owner,
        people=people,
        interactions=interactions,
        report=report,
        profile=profile,
        positions=positions,
        connection_dates=connections.dates,
        hidden_dates=connections.hidden_dates,
    )


# LinkedIn names its archives Basic_LinkedInDataExport_MM-DD-YYYY.zip (or Complete_…), and
# the folder inside them alike; a browser may add " (1)".
ARCHIVE_NAME = re.compile(r"LinkedInDataExport_(\d{1,2})-(\d{1,2})-(\d{4})", re.IGNORECASE)


def _archive_date(names: list[str]) -> dt.date | None:
    """The date in LinkedIn's archive name: of EXPORT itself, else of a folder in it."""
    for name in names:
        found = ARCHIVE_NAME.search(name)
        if found:
            month, day, year = (int(part) for part in found.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def _newest(*dates: pd.Series | np.ndarray | None) -> dt.date | None:
    """The newest of any dates given, ignoring those after today (a clock gone wrong)."""
    tomorrow = np.datetime64(dt.date.today() + dt.timedelta(days=1), "ns")
    newest = None
    for values in dates:
        if values is None:
            continue
        values = np.asarray(values, dtype="datetime64[ns]")
        values = values[~np.isnat(values) & (values < tomorrow)]
        if len(values):
            top = values.max()
            newest = top if newest is None else max(newest, top)
    return None if newest is None else pd.Timestamp(newest).date()


def _part(
    kind: str,
    person: pd.Series,
    date: pd.Series,
    direction: pd.Series | None = None,
    note: pd.Series | None = None,
    group: pd.Series | None = None,
) -> pd.DataFrame:
    """Interaction rows of one kind with the final columns and dtypes, so that joining the
    kinds is a plain concatenation (``note`` and ``group`` are False where not given)."""
    rows = len(person)
    flags = {
        name: np.zeros(rows, bool) if flag is None else np.asarray(flag, dtype=bool)
        for name, flag in (("note", note), ("group", group))
    }
    return pd.DataFrame(
        {
            "person": pd.Series(person).astype("str").array,
            "kind": pd.Categorical.from_codes(
                np.full(rows, INTERACTION_KINDS.index(kind), dtype=np.int8),
                categories=INTERACTION_KINDS,
            ),
            "date": np.asarray(date, dtype="datetime64[ns]"),
            "direction": pd.Categorical(
                [None] * rows if direction is None else direction, categories=DIRECTIONS
            ),
            **flags,
        }
    )


def _matched(read: Events, index: PeopleIndex) -> tuple[pd.DataFrame, int]:
    """The events of one file with a contact, as interaction rows; how many had none."""
    frame = read.frame
    person = index.match(frame["url"], frame["name"])
    matched = frame.loc[person.notna(), ["date", "direction", "note"]]
    matched.insert(0, "person", person[person.notna()])
    return matched, int(person.isna().sum())
