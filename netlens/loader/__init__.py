"""Load a LinkedIn data export into a :class:`~netlens.model.Network`.

``load(path)`` takes any form of EXPORT (SPEC §2): a connections CSV under any name, an
extracted export folder (files at its root or one folder down), or the export zip, whatever
its name. Only ``Connections.csv`` is required; every other file is read when present, and a
damaged optional file is skipped with a warning rather than failing the whole load.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

from netlens.errors import NetlensError
from netlens.loader.archive import Export, open_export
from netlens.loader.connections import read_connections
from netlens.loader.endorsements import read_endorsements
from netlens.loader.events import Events
from netlens.loader.identity import PeopleIndex
from netlens.loader.invitations import read_invitations
from netlens.loader.messages import Messages, message_interactions, read_messages
from netlens.loader.owner import identify_owner
from netlens.loader.profile import read_positions, read_profile
from netlens.loader.recommendations import read_recommendations
from netlens.model import INTERACTION_KINDS, LoadReport, Network
from netlens.wording import iso_date

__all__ = ["load"]

T = TypeVar("T")
INTERACTION_COLUMNS = ["person", "kind", "date", "direction", "note", "group"]


def load(
    path: str | os.PathLike[str],
    *,
    owner_url: str | None = None,
    owner_name: str | None = None,
) -> Network:
    """Read a LinkedIn export. ``owner_url`` / ``owner_name`` override who the owner is.

    Raises :class:`~netlens.errors.NetlensError` (and nothing else) when the export cannot be
    read; rows that cannot be read are skipped or kept incomplete and listed in
    ``network.report.warnings``.
    """
    with open_export(path) as export:
        return _load(export, str(path), owner_url, owner_name)


def _load(export: Export, source: str, owner_url: str | None, owner_name: str | None) -> Network:
    report = LoadReport(source=source, ignored_files=list(export.ignored))
    warnings = report.warnings

    def optional(kind: str, reader: Callable[..., T], **options) -> T | None:
        member = export.files.get(kind)
        if member is None:
            return None
        try:
            return reader(member, warnings, **options)
        except NetlensError as exc:
            warnings.append(f"{exc} (skipped)")
            return None

    member = export.files["connections"]
    connections = read_connections(member, warnings)
    report.files[member.name] = connections.rows
    report.connections = connections.rows
    report.hidden_members = connections.hidden_members
    report.first_connected = iso_date(connections.first_connected)
    report.last_connected = iso_date(connections.last_connected)
    people = connections.people

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
    for file_kind, read in (("messages", messages), ("invitations", invitations)):
        if read is not None:
            report.files[export.files[file_kind].name] = read.rows
    report.endorsements = sum(read.rows for read in events["endorsement"])
    report.recommendations = sum(read.rows for read in events["recommendation"])

    contact_urls = set(people["url"].dropna())
    owner = identify_owner(profile, messages, invitations, contact_urls, owner_url, owner_name)
    index = PeopleIndex(people)

    parts = [
        pd.DataFrame(
            {"person": people["person_id"], "kind": "connection", "date": people["connected_on"]}
        )
    ]
    if messages is not None:
        report.messages = messages.rows
        report.excluded_messages = messages.excluded
        found, no_contact = message_interactions(messages, owner, index)
        found["kind"] = "message"
        parts.append(found)
        report.unmatched["message"] = no_contact
    if invitations is not None:
        report.invitations = invitations.rows
        parts.append(_matched("invitation", invitations, index, report))
    for kind, reads in events.items():
        parts += [_matched(kind, read, index, report) for read in reads]

    interactions = pd.concat(parts, ignore_index=True).reindex(columns=INTERACTION_COLUMNS)
    for flag in ("note", "group"):
        interactions[flag] = interactions[flag].astype("boolean").fillna(False).astype(bool)
    interactions["kind"] = pd.Categorical(interactions["kind"], categories=INTERACTION_KINDS)
    interactions["direction"] = pd.Categorical(interactions["direction"], categories=["in", "out"])
    interactions["date"] = interactions["date"].astype("datetime64[ns]")
    return Network(
        owner=owner,
        people=people,
        interactions=interactions,
        report=report,
        profile=profile,
        positions=positions,
        connection_dates=connections.dates,
    )


def _matched(kind: str, read: Events, index: PeopleIndex, report: LoadReport) -> pd.DataFrame:
    """The events of one file with a contact, as interaction rows; the rest counted."""
    frame = read.frame
    person = index.match(frame["url"], frame["name"])
    report.unmatched[kind] = report.unmatched.get(kind, 0) + int(person.isna().sum())
    matched = frame.loc[person.notna(), ["date", "direction", "note"]]
    matched.insert(0, "person", person[person.notna()])
    matched["kind"] = kind
    return matched
