"""``messages.csv``: the owner's conversations, the largest file of an export.

Eras: ``From,To,Date,Subject,Content,Direction,Folder`` (2018, capitals in 2020);
``CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,…,FOLDER`` (2021–22);
``RECIPIENT PROFILE URLS`` after ``TO`` (2023); ``IS MESSAGE DRAFT,IS CONVERSATION DRAFT``
appended (late 2024). ``CONTENT`` is never loaded. Group chats list their recipients
comma-joined in ``TO`` and ``RECIPIENT PROFILE URLS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
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
    """Every message row, with what the loader needs; ``counted`` marks real messages.

    ``kinds`` numbers the distinct combinations of everything but the date (sender,
    recipients, folder, flags): what is worked out per message depends on those alone, and
    the messages of a conversation repeat them, so it is worked out once per kind.
    """

    frame: pd.DataFrame
    rows: int
    excluded: dict[str, int] = field(default_factory=dict)
    kinds: np.ndarray | None = None  # per row: its kind, 0, 1, … in order of first use


def read_messages(member: Member, warnings: list[str]) -> Messages:
    """Read the messages (not their content) and flag drafts, spam and sponsored ones."""
    table = read_table(member, COLUMNS, REQUIRED, "messages.csv")
    table_warnings(member.name, table, warnings)
    frame = table.frame
    frame["date"] = date_warnings(member.name, "DATE", frame["date"], warnings)
    kinds, first = _kinds(frame, _KIND_COLUMNS)
    kind = frame.iloc[first]
    draft = kind["message_draft"].str.lower().isin(_YES) | kind[
        "conversation_draft"
    ].str.lower().isin(_YES)
    spam = kind["folder"].str.upper() == "SPAM"
    sponsored = (kind["from"] == SPONSORED_SENDER) & (kind["sender_url"] == "")
    draft, spam, sponsored = (flag.to_numpy()[kinds] for flag in (draft, spam, sponsored))
    frame["counted"] = ~(draft | spam | sponsored)
    excluded = {
        "draft": int(draft.sum()),
        "spam": int((spam & ~draft).sum()),
        "sponsored": int((sponsored & ~draft & ~spam).sum()),
    }
    frame["sender_key"] = _spread(map_unique(kind["sender_url"], normalize_url), kinds, frame)
    frame["from_key"] = _spread(map_unique(kind["from"], normalize_name), kinds, frame)
    return Messages(frame=frame, rows=len(frame), excluded=excluded, kinds=kinds)


_KIND_COLUMNS = (
    "from", "sender_url", "to", "recipient_urls", "direction",
    "folder", "message_draft", "conversation_draft",
)  # fmt: skip


def _kinds(frame: pd.DataFrame, columns) -> tuple[np.ndarray, np.ndarray]:
    """(the kind of each row, numbered 0, 1, … in order of first use; the first row of each
    kind) for the distinct combinations of ``columns``."""
    rows = len(frame)
    cells = [frame[column].tolist() for column in columns]
    first_row: dict[tuple, int] = {}
    first = np.fromiter(
        map(first_row.setdefault, zip(*cells, strict=True), range(rows)), np.intp, rows
    )
    distinct = np.fromiter(first_row.values(), np.intp, len(first_row))
    number = np.empty(rows, np.intp)
    number[distinct] = np.arange(len(distinct))
    return number[first], distinct


def _spread(per_kind: pd.Series, kinds: np.ndarray, frame: pd.DataFrame) -> pd.Series:
    """A value per kind → the value of each row."""
    return pd.Series(per_kind.to_numpy()[kinds], index=frame.index, dtype=per_kind.dtype)


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
    counted messages involved no contact at all. Rows come in this order: senders, then
    recipients listed by URL (single, then several), then by name (likewise), each in
    message order.

    Who took part in a message depends only on its sender and recipient fields, and the
    messages of a conversation repeat them: the participants are worked out once per
    distinct combination (a tenth of the rows at LinkedIn's cap), then spread back over
    the messages.
    """
    counted = messages.frame["counted"].to_numpy()
    frame = messages.frame.loc[counted]
    rows = len(frame)
    if messages.kinds is not None:  # renumbered over the counted messages
        _, distinct, kind = np.unique(
            messages.kinds[counted], return_index=True, return_inverse=True
        )
    else:
        kind, distinct = _kinds(frame, _PARTICIPANT_COLUMNS)

    entries, participants, out = _participants(
        frame.iloc[distinct].reset_index(drop=True), owner, index
    )
    per_kind = np.bincount(entries["kind"].to_numpy(), minlength=len(distinct))
    start = np.cumsum(per_kind) - per_kind
    count = per_kind[kind]
    message = np.repeat(np.arange(rows), count)
    within = np.arange(len(message)) - np.repeat(np.cumsum(count) - count, count)
    entry = np.repeat(start[kind], count) + within
    segment = entries["segment"].to_numpy()[entry]
    order = np.lexsort((within, message, segment))
    message, entry = message[order], entry[order]
    message_kind = kind[message]
    result = pd.DataFrame(
        {
            "person": entries["person"].to_numpy()[entry],
            "date": frame["date"].to_numpy()[message],
            "direction": np.array(["in", "out"], dtype=object)[out[message_kind].astype(int)],
            "group": participants[message_kind] > 2,
        }
    )
    no_contact = int(rows - np.count_nonzero(count))
    return result, no_contact


_PARTICIPANT_COLUMNS = ("direction", "from", "sender_url", "to", "recipient_urls")
_SENDER, _URL_ONE, _URL_SEVERAL, _NAME_ONE, _NAME_SEVERAL = range(5)


def _participants(
    frame: pd.DataFrame, owner: Owner, index: PeopleIndex
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """For messages indexed 0…n-1: the contacts in each (``kind`` = the message, ``segment``
    and ``order`` place it, ``person``), each contact once per message; the number of
    participants of each message; whether the owner sent it."""
    out = sender_is_owner(frame, owner, index).to_numpy()
    owner_key = normalize_name(owner.name)

    sender = pd.DataFrame(
        {
            "kind": frame.index,
            "segment": _SENDER,
            "order": 0,
            "person": index.match(frame["sender_url"], frame["from"]).to_numpy(),
        }
    )
    sender = sender.loc[~out]

    by_url = frame["recipient_urls"] != ""
    url_keys, url_segment = _explode(frame.loc[by_url, "recipient_urls"], _URL_ONE)
    name_keys, name_segment = _explode(frame.loc[~by_url, "to"], _NAME_ONE)
    url_keys = map_unique(url_keys, normalize_url)
    name_keys = map_unique(name_keys, normalize_name)
    recipients = pd.concat(
        [
            pd.DataFrame(
                {
                    "kind": url_keys.index,
                    "segment": url_segment,
                    "person": url_keys.map(index.by_url).to_numpy(),
                    "is_owner": (url_keys == owner.url).to_numpy() if owner.url else False,
                }
            ),
            pd.DataFrame(
                {
                    "kind": name_keys.index,
                    "segment": name_segment,
                    "person": name_keys.map(index.by_name).to_numpy(),
                    "is_owner": (name_keys == owner_key).to_numpy() if owner_key else False,
                }
            ),
        ],
        ignore_index=True,
    )
    recipients["order"] = recipients.groupby(["kind", "segment"]).cumcount()
    counted = np.bincount(recipients["kind"].to_numpy(dtype=np.intp), minlength=len(frame))
    participants = np.where(counted > 0, 1 + counted, 2)
    recipients = recipients.loc[~recipients["is_owner"], ["kind", "segment", "order", "person"]]

    entries = pd.concat([sender, recipients], ignore_index=True).dropna(subset=["person"])
    entries = entries.sort_values(["kind", "segment", "order"], kind="stable")
    entries = entries.drop_duplicates(["kind", "person"]).reset_index(drop=True)
    entries["kind"] = entries["kind"].astype(np.intp)
    entries["segment"] = entries["segment"].astype(np.intp)
    return entries, participants, out


def _explode(lists: pd.Series, single: int) -> tuple[pd.Series, np.ndarray]:
    """Comma-joined recipients → one row per recipient, indexed by message: the single ones
    first (segment ``single``), then those of lists of several (``single + 1``)."""
    one = ~lists.str.contains(",", regex=False)
    many = lists.loc[~one].str.split(",").explode().str.strip()
    many = many[many != ""]
    out = pd.concat([lists.loc[one], many])
    segment = np.repeat([single, single + 1], [int(one.sum()), len(many)])
    return out.astype(str), segment
