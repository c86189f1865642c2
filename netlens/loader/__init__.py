"""Load a LinkedIn data export into a :class:`~netlens.model.Network`.

``load(path)`` takes any form of EXPORT (SPEC §2): a connections CSV under any name, an
extracted export folder (files at its root or one folder down), or the export zip, whatever
its name. Only ``Connections.csv`` is required; every other file is read when present, and a
damaged optional file is skipped with a warning rather than failing the whole load.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy as np
import pandas as pd

from netlens.errors import NetlensError
from netlens.loader import background
from netlens.loader.archive import Export, Member, open_export
from netlens.loader.connections import read_connections
from netlens.loader.endorsements import read_endorsements
from netlens.loader.events import Events
from netlens.loader.identity import PeopleIndex
from netlens.loader.invitations import read_invitations
from netlens.loader.messages import (
    MessageContacts,
    Messages,
    message_contacts,
    message_parts,
    message_senders,
    read_messages,
)
from netlens.loader.owner import identify_owner
from netlens.loader.profile import read_positions, read_profile
from netlens.loader.recommendations import read_recommendations
from netlens.model import DIRECTIONS, INTERACTION_KINDS, LoadReport, Network, Owner
from netlens.wording import iso_date

__all__ = ["load"]

T = TypeVar("T")


def load(
    path: str | os.PathLike[str],
    *,
    owner_url: str | None = None,
    owner_name: str | None = None,
    idle: Callable[[], object] | None = None,
) -> Network:
    """Read a LinkedIn export. ``owner_url`` / ``owner_name`` override who the owner is.

    ``idle`` is called at most once, when this process has read all it can and waits for
    the helper still parsing ``messages.csv`` (see :mod:`netlens.loader.background`): work
    to do meanwhile, such as importing what comes next.

    Raises :class:`~netlens.errors.NetlensError` (and nothing else) when the export cannot be
    read; rows that cannot be read are skipped or kept incomplete and listed in
    ``network.report.warnings``.
    """
    with _collector_paused(), open_export(path) as export:
        return _load(export, str(path), owner_url, owner_name, idle)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an export is read: the load makes hundreds of
    thousands of objects (tuples, small frames) and no cycles worth collecting, and the
    collector would walk them again and again as they pile up."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _load(
    export: Export,
    source: str,
    owner_url: str | None,
    owner_name: str | None,
    idle: Callable[[], object] | None = None,
) -> Network:
    report = LoadReport(source=source, ignored_files=list(export.ignored))
    helper = background.start(export, "messages", message_parts)
    try:
        return _read(export, report, owner_url, owner_name, helper, idle)
    finally:
        if helper is not None:
            helper.stop()


def _read(
    export: Export,
    report: LoadReport,
    owner_url: str | None,
    owner_name: str | None,
    helper: background.Helper | None,
    idle: Callable[[], object] | None,
) -> Network:
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

    messages_at = len(warnings)  # where the warnings of messages.csv go, read last
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

    # The interactions that need no messages, made before the helper's parts come.
    connection_part = _part("connection", people["person_id"], people["connected_on"])
    event_parts, unmatched_events = [], {}
    for kind, frames in matched.items():
        for frame, unmatched in frames:
            unmatched_events[kind] = unmatched_events.get(kind, 0) + unmatched
            event_parts.append(
                _part(kind, frame["person"], frame["date"], frame["direction"], note=frame["note"])
            )

    contact_urls = set(people["url"].dropna().tolist())  # a Series iterates value by value

    def find_owner(messages: Messages | None) -> Owner:
        return identify_owner(profile, messages, invitations, contact_urls, owner_url, owner_name)

    messages: Messages | None = None
    if "messages" in export.files:
        theirs: list[str] = []  # the warnings of messages.csv, put where they would have been
        read = None if helper is None else helper.parts(theirs, idle)
        try:
            messages, owner, contacts = _read_messages(
                export.files["messages"], theirs, read, find_owner, index
            )
        except NetlensError as exc:
            theirs.append(f"{exc} (skipped)")
        warnings[messages_at:messages_at] = theirs
    if messages is None:
        owner = find_owner(None)

    parts = [connection_part]
    if messages is not None:
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
    interactions = pd.concat([*parts, *event_parts], ignore_index=True)
    return Network(
        owner=owner,
        people=people,
        interactions=interactions,
        report=report,
        profile=profile,
        positions=positions,
        connection_dates=connections.dates,
    )


def _read_messages(
    member: Member,
    warnings: list[str],
    parts: Iterator | None,
    find_owner: Callable[[Messages | None], Owner],
    index: PeopleIndex,
) -> tuple[Messages, Owner, MessageContacts]:
    """The messages, their owner and their contacts, each stage worked on as soon as it is
    read (see :func:`~netlens.loader.messages.read_messages`): with a helper reading the
    file, the owner and the senders are found while it reads the recipients, and the
    contacts while it reads the dates."""
    stages = read_messages(member, warnings, parts)
    messages = next(stages)
    owner = find_owner(messages)
    senders = message_senders(messages, owner, index)
    next(stages)
    contacts = message_contacts(messages, owner, index, senders)
    next(stages)
    return messages, owner, contacts


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
