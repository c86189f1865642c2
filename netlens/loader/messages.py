"""``messages.csv``: the owner's conversations, the largest file of an export.

Eras: ``From,To,Date,Subject,Content,Direction,Folder`` (2018, capitals in 2020);
``CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,…,FOLDER`` (2021–22);
``RECIPIENT PROFILE URLS`` after ``TO`` (2023); ``IS MESSAGE DRAFT,IS CONVERSATION DRAFT``
appended (late 2024). ``CONTENT`` is never loaded. Group chats list their recipients
comma-joined in ``TO`` and ``RECIPIENT PROFILE URLS``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netlens.loader.archive import Member
from netlens.loader.csvfile import read_table, strip_values
from netlens.loader.events import date_warnings, table_warnings
from netlens.loader.identity import PeopleIndex, map_unique, normalize_name, normalize_url
from netlens.model import Owner

__all__ = ["COLUMNS", "Messages", "message_interactions", "message_parts", "read_messages"]

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
    """The messages of an export (not their content), stored once per *kind*.

    A kind is a combination of everything but the date: sender, recipients, folder and
    flags. What is worked out per message depends on those alone, and the messages of a
    conversation repeat them (300,000 messages have about 32,000 kinds at LinkedIn's cap),
    so it is worked out, and kept, once per kind. (Kinds are told apart before their text is
    trimmed: two that differ only by surrounding spaces are kept apart, with equal results.)

    ``kinds`` has a row per kind (numbered 0, 1, … in order of first use) with the columns
    read, trimmed, plus ``counted`` (not a draft, spam or sponsored), ``sender_key`` and
    ``from_key`` (the sender's normalised URL and name). ``kind`` and ``dates`` have a value
    per message, in file order. ``recipients`` lists each kind's recipients, normalised, in
    the order :func:`message_interactions` reads them.
    """

    kinds: pd.DataFrame
    kind: np.ndarray
    dates: np.ndarray  # datetime64[ns]
    recipients: pd.DataFrame  # kind, segment, key (URL or folded name), by_url
    excluded: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return len(self.kind)

    def weights(self) -> np.ndarray:
        """How many messages each kind has."""
        return np.bincount(self.kind, minlength=len(self.kinds))


def read_messages(member: Member, warnings: list[str], parts: Iterator | None = None) -> Messages:
    """Read the messages (not their content) and flag drafts, spam and sponsored ones.

    The reading is done in two parts by :func:`message_parts`, which may run in another
    process (see :mod:`netlens.loader.background`): pass its ``parts`` then. What needs no
    more than the file is done there; the dates, and the normalising of names and URLs
    (whose caches this process has warmed on the connections), here.
    """
    parts = message_parts(member, warnings) if parts is None else parts
    raw_dates = next(parts)
    dates = date_warnings(member.name, "DATE", pd.Series(raw_dates, dtype=object), warnings)
    kind, kinds, recipients, excluded = next(parts)
    kinds["sender_key"] = map_unique(kinds["sender_url"], normalize_url)
    kinds["from_key"] = map_unique(kinds["from"], normalize_name)
    by_url = recipients["by_url"].to_numpy()
    keys = recipients["key"]
    recipients["key"] = pd.concat(
        [map_unique(keys.loc[by_url], normalize_url), map_unique(keys.loc[~by_url], normalize_name)]
    )
    return Messages(
        kinds=kinds,
        kind=kind,
        dates=dates.to_numpy(),
        recipients=recipients,
        excluded=excluded,
    )


def message_parts(member: Member, warnings: list[str]) -> Iterator:
    """The file read, in two parts: the raw dates; then the kind of each message, the
    kinds, their recipients (as written) and the excluded counts."""
    table = read_table(member, COLUMNS, REQUIRED, "messages.csv", dtype=object, strip=False)
    table_warnings(member.name, table, warnings)
    frame = table.frame
    yield frame["date"].to_numpy()
    kind, first = _kinds(frame, _KIND_COLUMNS)
    kinds = pd.DataFrame(
        {
            column: strip_values(pd.Series(frame[column].to_numpy()[first], dtype=object))
            for column in _KIND_COLUMNS
        }
    )
    del frame, table
    draft = kinds["message_draft"].str.lower().isin(_YES) | kinds[
        "conversation_draft"
    ].str.lower().isin(_YES)
    spam = kinds["folder"].str.upper() == "SPAM"
    sponsored = (kinds["from"] == SPONSORED_SENDER) & (kinds["sender_url"] == "")
    kinds["counted"] = ~(draft | spam | sponsored)
    draft, spam, sponsored = (flag.to_numpy()[kind] for flag in (draft, spam, sponsored))
    excluded = {
        "draft": int(draft.sum()),
        "spam": int((spam & ~draft).sum()),
        "sponsored": int((sponsored & ~draft & ~spam).sum()),
    }
    yield kind, kinds, _recipients(kinds), excluded


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


_SENDER, _URL_ONE, _URL_SEVERAL, _NAME_ONE, _NAME_SEVERAL = range(5)


def _recipients(kinds: pd.DataFrame) -> pd.DataFrame:
    """Each kind's recipients as written: by profile URL where the kind lists URLs, else by
    name. Single recipients come first, then those of lists of several (``segment``)."""
    by_url = kinds["recipient_urls"] != ""
    urls, url_segment = _explode(kinds.loc[by_url, "recipient_urls"], _URL_ONE)
    names, name_segment = _explode(kinds.loc[~by_url, "to"], _NAME_ONE)
    return pd.DataFrame(
        {
            "kind": np.concatenate([urls.index, names.index]).astype(np.intp),
            "segment": np.concatenate([url_segment, name_segment]),
            "key": np.concatenate([urls.to_numpy(dtype=object), names.to_numpy(dtype=object)]),
            "by_url": np.repeat([True, False], [len(urls), len(names)]),
        }
    )


def sender_is_owner(kinds: pd.DataFrame, owner: Owner, index: PeopleIndex) -> pd.Series:
    """Whether the owner sent the messages of each kind: by URL where both are known, else
    by name, else by the 2018-era ``Direction`` column; with no owner known, whoever is not
    a contact."""
    owner_key = normalize_name(owner.name)
    direction = map_unique(kinds["direction"], str.upper)
    by_column = direction.isin(("OUTGOING", "INCOMING"))
    if owner.url or owner_key:
        by_name = kinds["from_key"] == owner_key if owner_key else False
        by_name = pd.Series(by_name, index=kinds.index)
        if owner.url:
            has_url = kinds["sender_key"].notna()
            result = (kinds["sender_key"] == owner.url).where(has_url, by_name)
        else:
            result = by_name
    else:
        sender = index.match_keys(kinds["sender_key"], kinds["from_key"])
        result = sender.isna() & (kinds["from"] != SPONSORED_SENDER)
    return (direction == "OUTGOING").where(by_column, result).astype(bool)


def message_interactions(
    messages: Messages, owner: Owner, index: PeopleIndex
) -> tuple[pd.DataFrame, int]:
    """One row per (counted message, participant other than the owner who is a contact).

    Returns the interactions (``person``, ``date``, ``direction``, ``group``) and how many
    counted messages involved no contact at all. Rows come in this order: senders, then
    recipients listed by URL (single, then several), then by name (likewise), each in
    message order. The participants are worked out once per kind of message, then spread
    over the messages.
    """
    counted = messages.kinds["counted"].to_numpy()[messages.kind]
    dates = messages.dates[counted]
    rows = len(dates)
    used, kind = np.unique(messages.kind[counted], return_inverse=True)
    renumber = np.full(len(messages.kinds), -1, dtype=np.intp)
    renumber[used] = np.arange(len(used))
    recipients = messages.recipients
    recipients = recipients.assign(kind=renumber[recipients["kind"].to_numpy(dtype=np.intp)])
    recipients = recipients.loc[recipients["kind"] >= 0]

    entries, participants, out = _participants(
        messages.kinds.iloc[used].reset_index(drop=True), recipients, owner, index
    )
    per_kind = np.bincount(entries["kind"].to_numpy(), minlength=len(used))
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
            "date": dates[message],
            "direction": np.array(["in", "out"], dtype=object)[out[message_kind].astype(int)],
            "group": participants[message_kind] > 2,
        }
    )
    no_contact = int(rows - np.count_nonzero(count))
    return result, no_contact


def _participants(
    kinds: pd.DataFrame, recipients: pd.DataFrame, owner: Owner, index: PeopleIndex
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """For kinds numbered 0…n-1: the contacts in each (``kind`` = the kind, ``segment``
    and ``order`` place it, ``person``), each contact once per kind; the number of
    participants of each kind; whether the owner sent it."""
    out = sender_is_owner(kinds, owner, index).to_numpy()
    owner_key = normalize_name(owner.name)

    sender = pd.DataFrame(
        {
            "kind": kinds.index,
            "segment": _SENDER,
            "order": 0,
            "person": index.match_keys(kinds["sender_key"], kinds["from_key"]).to_numpy(),
        }
    )
    sender = sender.loc[~out]

    recipients = pd.concat(
        [
            pd.DataFrame(
                {
                    "kind": part["kind"].to_numpy(),
                    "segment": part["segment"].to_numpy(),
                    "person": part["key"].map(lookup).to_numpy(),
                    "is_owner": (part["key"] == me).to_numpy() if me else False,
                }
            )
            for part, lookup, me in (
                (recipients.loc[recipients["by_url"]], index.by_url, owner.url),
                (recipients.loc[~recipients["by_url"]], index.by_name, owner_key),
            )
        ],
        ignore_index=True,
    )
    recipients["order"] = recipients.groupby(["kind", "segment"]).cumcount()
    counted = np.bincount(recipients["kind"].to_numpy(dtype=np.intp), minlength=len(kinds))
    participants = np.where(counted > 0, 1 + counted, 2)
    recipients = recipients.loc[~recipients["is_owner"], ["kind", "segment", "order", "person"]]

    entries = pd.concat([sender, recipients], ignore_index=True).dropna(subset=["person"])
    entries = entries.sort_values(["kind", "segment", "order"], kind="stable")
    entries = entries.drop_duplicates(["kind", "person"]).reset_index(drop=True)
    entries["kind"] = entries["kind"].astype(np.intp)
    entries["segment"] = entries["segment"].astype(np.intp)
    return entries, participants, out


def _explode(lists: pd.Series, single: int) -> tuple[pd.Series, np.ndarray]:
    """Comma-joined recipients → one row per recipient, indexed by kind: the single ones
    first (segment ``single``), then those of lists of several (``single + 1``)."""
    one = ~lists.str.contains(",", regex=False)
    many = lists.loc[~one].str.split(",").explode().str.strip()
    many = many[many != ""]
    out = pd.concat([lists.loc[one], many])
    segment = np.repeat([single, single + 1], [int(one.sum()), len(many)])
    return out.astype(str), segment
