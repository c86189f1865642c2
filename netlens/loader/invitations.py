"""``Invitations.csv``: connection invitations sent and received (LinkedIn keeps recent ones).

Eras: ``From,To,Sent At,Message,Direction``; 2023 adds ``inviterProfileUrn,inviteeProfileUrn``
(URNs match nobody, so names are used); 2024 has ``inviterProfileUrl,inviteeProfileUrl``.
"""

from __future__ import annotations

import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import read_table
from netlens.loader.events import Events, date_warnings, events, table_warnings

__all__ = ["COLUMNS", "read_invitations"]

COLUMNS = {
    "from": ["From"],
    "to": ["To"],
    "sent_at": ["Sent At", "SentAt", "Date"],
    "message": ["Message"],
    "direction": ["Direction"],
    "inviter_url": ["inviterProfileUrl", "inviterProfileUrn"],
    "invitee_url": ["inviteeProfileUrl", "inviteeProfileUrn"],
}
REQUIRED = ("from", "to", "sent_at")


def read_invitations(member: Member, warnings: list[str], *, dated: bool = True) -> Events:
    """Invitations with the counterpart (the invitee of outgoing ones, the inviter of others)
    and, as ``self_name`` / ``self_url``, the owner's side. Without ``dated``, the dates are
    not read (all NaT): for finding the owner alone, which needs none."""
    table = read_table(member, COLUMNS, REQUIRED, "Invitations.csv")
    table_warnings(member.name, table, warnings)
    frame = table.frame
    outgoing = frame["direction"].str.upper() == "OUTGOING"
    if dated:
        dates = date_warnings(member.name, "Sent At", frame["sent_at"], warnings)
    else:
        dates = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    result = events(
        names=frame["to"].where(outgoing, frame["from"]),
        urls=frame["invitee_url"].where(outgoing, frame["inviter_url"]),
        dates=dates,
        direction=outgoing.map({True: "out", False: "in"}),
        note=frame["message"] != "",
    )
    # The other side of every invitation is the owner: evidence for who they are.
    result["self_name"] = frame["from"].where(outgoing, frame["to"])
    result["self_url"] = frame["inviter_url"].where(outgoing, frame["invitee_url"])
    return Events(frame=result, rows=len(frame))
