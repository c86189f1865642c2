"""``messages.csv``: the owner's conversations, the largest file of an export.

Eras: ``From,To,Date,Subject,Content,Direction,Folder`` (2018, capitals in 2020);
``CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,…,FOLDER`` (2021–22);
``RECIPIENT PROFILE URLS`` after ``TO`` (2023); ``IS MESSAGE DRAFT,IS CONVERSATION DRAFT``
appended (late 2024). ``CONTENT`` is never loaded. Group chats list their recipients
comma-joined in ``TO`` and ``RECIPIENT PROFILE URLS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import read_table
from netlens.loader.events import date_warnings, table_warnings
from netlens.loader.identity import PeopleIndex, map_unique, normalize_name, normalize_url
from netlens.model import Owner

__all__ = ["COLUMNS", "Messages", "message_interactions", "read_messages"]

COLUMNS = {
    "from": ["FROM"],
    "sender_url": ["SENDER PROFILE URL"],
    "to": ["TO"],
    "recipient_urls": ["RECIPIENT PROFILE URLS"],
    "date": ["DATE"],
    "folder": ["FOLDER"],
    "direction": ["DIRECTION"],
    "message_draft": ["IS MESSAGE DRAFT"],
    "conversation_draft": ["IS CONVERSATION DRAFT"],
}
REQUIRED = ("from", "to", "date")
SPONSORED_SENDER = "LinkedIn Member"
_YES = ("yes", "true", "1")


@dataclass
class Messages:
    """Every message row, with what the loader needs; ``counted`` marks real messages."""

    frame: pd.DataFrame
    rows: int
    excluded: dict[str, int] = field(default_factory=dict)


def read_messages(member: Member, warnings: list[str]) -> Messages:
    """Read the messages (not their content) and flag drafts, spam and sponsored ones."""
    table = read_table(member, COLUMNS, REQUIRED, "messages.csv")
    table_warnings(member.name, table, warnings)
    frame = table.frame
    frame["date"] = date_warnings(member.name, "DATE", frame["date"], warnings)
    # Flags have a handful of distinct values: case-fold those, not every row.
    draft = map_unique(frame["message_draft"], str.lower).isin(_YES) | map_unique(
        frame["conversation_draft"], str.lower
    ).isin(_YES)
    spam = map_unique(frame["folder"], str.upper) == "SPAM"
    sponsored = (frame["from"] == SPONSORED_SENDER) & (frame["sender_url"] == "")
    frame["counted"] = ~(draft | spam | sponsored)
    excluded = {
        "draft": int(draft.sum()),
        "spam": int((spam & ~draft).sum()),
        "sponsored": int((sponsored & ~draft & ~spam).sum()),
    }
    frame["sender_key"] = map_unique(frame["sender_url"], normalize_url)
    frame["from_key"] = map_unique(frame["from"], normalize_name)
    return Messages(frame=frame, rows=len(frame), excluded=excluded)


def sender_is_owner(frame: pd.DataFrame, owner: Owner, index: PeopleIndex) -> pd.Series:
    """Whether the owner sent each message: by URL where both are known, else by name, else
    by the 2018-era ``Direction`` column; with no owner known, whoever is not a contact."""
    owner_key = normalize_name(owner.name)
    direction = map_unique(frame["direction"], str.upper)
    by_column = direction.isin(("OUTGOING", "INCOMING"))
    if owner.url or owner_key:
        by_name = frame["from_key"] == owner_key if owner_key else False
        by_name = pd.Series(by_name, index=frame.index)
        if owner.url:
            has_url = frame["sender_key"].notna()
            result = (frame["sender_key"] == owner.url).where(has_url, by_name)
        else:
            result = by_name
    else:
        sender = index.match(frame["sender_url"], frame["from"])
        result = sender.isna() & (frame["from"] != SPONSORED_SENDER)
    return (direction == "OUTGOING").where(by_column, result).astype(bool)


def message_interactions(
    messages: Messages, owner: Owner, index: PeopleIndex
) -> tuple[pd.DataFrame, int]:
    """One row per (counted message, participant other than the owner who is a contact).

    Returns the interactions (``person``, ``date``, ``direction``, ``group``) and how many
    counted messages involved no contact at all.
    """
    frame = messages.frame.loc[messages.frame["counted"]]
    out = sender_is_owner(frame, owner, index)
    owner_key = normalize_name(owner.name)

    sender = pd.DataFrame(
        {"message": frame.index, "person": index.match(frame["sender_url"], frame["from"])}
    )
    sender = sender.loc[~out.to_numpy()]

    by_url = frame["recipient_urls"] != ""
    url_list = frame.loc[by_url, "recipient_urls"]
    name_list = frame.loc[~by_url, "to"]
    recipients_url = _explode(url_list)
    recipients_name = _explode(name_list)
    url_keys = map_unique(recipients_url, normalize_url)
    name_keys = map_unique(recipients_name, normalize_name)
    recipients = pd.concat(
        [
            pd.DataFrame(
                {
                    "message": recipients_url.index,
                    "person": url_keys.map(index.by_url).to_numpy(),
                    "is_owner": (url_keys == owner.url).to_numpy() if owner.url else False,
                }
            ),
            pd.DataFrame(
                {
                    "message": recipients_name.index,
                    "person": name_keys.map(index.by_name).to_numpy(),
                    "is_owner": (name_keys == owner_key).to_numpy() if owner_key else False,
                }
            ),
        ]
    )
    participants = 1 + recipients.groupby("message").size()
    recipients = recipients.loc[~recipients["is_owner"], ["message", "person"]]

    pairs = pd.concat([sender, recipients]).dropna().drop_duplicates()
    involved = pairs["message"].unique()
    no_contact = int(len(frame) - len(involved))
    group = participants.reindex(pairs["message"]).fillna(2).to_numpy() > 2
    result = pd.DataFrame(
        {
            "person": pairs["person"].to_numpy(),
            "date": frame["date"].reindex(pairs["message"]).to_numpy(),
            "direction": out.reindex(pairs["message"]).map({True: "out", False: "in"}).to_numpy(),
            "group": group,
        }
    )
    return result, no_contact


def _explode(lists: pd.Series) -> pd.Series:
    """Comma-joined recipients → one row per recipient, indexed by message."""
    single = ~lists.str.contains(",", regex=False)
    many = lists.loc[~single].str.split(",").explode().str.strip()
    out = pd.concat([lists.loc[single], many[many != ""]])
    return out.astype(str)
