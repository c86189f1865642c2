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

from netlens.folding import fold_all
from netlens.identity import normalize_name, normalize_url
from netlens.loader.archive import Member
from netlens.loader.csvfile import read_table, strip_values
from netlens.loader.dates import utc_seconds
from netlens.loader.events import date_warnings, table_warnings
from netlens.loader.identity import PeopleIndex, map_unique
from netlens.model import DIRECTIONS, Owner

__all__ = [
    "COLUMNS",
    "MessageContacts",
    "Messages",
    "Senders",
    "message_contacts",
    "message_senders",
    "read_messages",
]

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

    ``kinds`` has a row per kind (numbered 0, 1, … in order of first use) with the sender
    (``from``, ``sender_url``), ``recipient_urls`` and ``direction`` as read, trimmed, plus
    ``counted`` (not a draft, spam or sponsored), ``sender_key`` and
    ``from_key`` (the sender's normalised URL and name). ``kind`` and ``dates`` have a value
    per message, in file order. ``recipients`` lists each kind's recipients, normalised, in
    the order :func:`message_contacts` reads them.
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


def read_messages(member: Member, warnings: list[str]) -> Messages:
    """Read the messages (not their content): the kinds with their senders, recipients
    (normalised) and whether they are counted, the kind and date of each message, and how
    many were excluded as drafts, spam or sponsored."""
    # The columns of a kind as categories: the parser numbers their values as it reads,
    # which is most of the work of telling the kinds apart.
    dtypes = {column: "category" for column in COLUMNS} | {"date": object}
    table = read_table(member, COLUMNS, REQUIRED, "messages.csv", dtype=dtypes, strip=False)
    table_warnings(member.name, table, warnings)
    frame = table.frame
    kind, first = _kinds(frame, _KIND_COLUMNS)
    kinds = pd.DataFrame(
        {column: strip_values(pd.Series(frame[column].iloc[first].to_numpy(), dtype=object))
         for column in _KIND_COLUMNS}
    )  # fmt: skip
    dates = frame["date"].to_numpy(dtype=object)
    del frame, table
    # A handful of distinct values each: cased once per value.
    draft = map_unique(kinds["message_draft"], str.lower).isin(_YES) | map_unique(
        kinds["conversation_draft"], str.lower
    ).isin(_YES)
    spam = map_unique(kinds["folder"], str.upper) == "SPAM"
    sponsored = (kinds["from"] == SPONSORED_SENDER) & (kinds["sender_url"] == "")
    draft, spam, sponsored = (flag.to_numpy() for flag in (draft, spam, sponsored))
    counted = ~(draft | spam | sponsored)
    each_draft, each_spam, each_sponsored = draft[kind], spam[kind], sponsored[kind]
    excluded = {
        "draft": int(each_draft.sum()),
        "spam": int((each_spam & ~each_draft).sum()),
        "sponsored": int((each_sponsored & ~each_draft & ~each_spam).sum()),
    }
    recipients = _recipients(kinds)
    senders = pd.DataFrame(
        {
            **{column: kinds[column] for column in _SENDER_COLUMNS},
            "counted": counted,
            "sender_key": map_unique(kinds["sender_url"], normalize_url),
            "from_key": map_unique(kinds["from"], fold_all, batch=True),
        }
    )
    parsed = utc_seconds(dates)
    if parsed is None:  # not the usual format: parsed one by one, with warnings
        parsed = date_warnings(member.name, "DATE", pd.Series(dates, dtype=object), warnings)
    return Messages(
        kinds=senders,
        kind=kind,
        dates=np.asarray(parsed, dtype="datetime64[ns]"),
        recipients=recipients,
        excluded=excluded,
    )


_SENDER_COLUMNS = ("from", "sender_url", "recipient_urls", "direction")
_KIND_COLUMNS = (
    "from", "sender_url", "to", "recipient_urls", "direction",
    "folder", "message_draft", "conversation_draft",
)  # fmt: skip


def _kinds(frame: pd.DataFrame, columns) -> tuple[np.ndarray, np.ndarray]:
    """(the kind of each row, numbered 0, 1, … in order of first use; the first row of each
    kind) for the distinct combinations of ``columns``: each column's values numbered (a
    categorical column's codes are that already), and the numbers combined column by
    column (factorised again, so they never overflow)."""
    combined = np.zeros(len(frame), np.int64)
    for column in columns:
        values = frame[column]
        if not isinstance(values.dtype, pd.CategoricalDtype):
            continue  # a column the file lacks, filled in: the same value in every row
        codes, distinct = values.cat.codes.to_numpy(), len(values.cat.categories)
        combined = pd.factorize(combined * distinct + codes)[0]
    # pd.factorize numbers in order of first use: a kind's first row is where it appears.
    first = np.flatnonzero(np.diff(np.maximum.accumulate(combined), prepend=-1) > 0)
    return combined.astype(np.int32), first


_SENDER, _URL_ONE, _URL_SEVERAL, _NAME_ONE, _NAME_SEVERAL = range(5)


def _recipients(kinds: pd.DataFrame) -> pd.DataFrame:
    """Each kind's recipients, normalised: by profile URL where the kind lists URLs, else by
    name. Single recipients come first, then those of lists of several (``segment``)."""
    by_url = kinds["recipient_urls"] != ""
    urls, url_segment = _explode(kinds.loc[by_url, "recipient_urls"], _URL_ONE)
    names, name_segment = _explode(kinds.loc[~by_url, "to"], _NAME_ONE)
    return pd.DataFrame(
        {
            "kind": np.concatenate([urls.index, names.index]).astype(np.intp),
            "segment": np.concatenate([url_segment, name_segment]),
            "key": np.concatenate(
                [
                    map_unique(urls, normalize_url).to_numpy(dtype=object),
                    map_unique(names, fold_all, batch=True).to_numpy(dtype=object),
                ]
            ),
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


@dataclass
class Senders:
    """Per kind of message: whether the owner sent it (``out``), else who did (``person``,
    the contact's person_id, or None)."""

    out: np.ndarray
    person: np.ndarray


def message_senders(messages: Messages, owner: Owner, index: PeopleIndex) -> Senders:
    """Who sent each kind of ``messages`` (which need no recipients yet)."""
    kinds = messages.kinds
    return Senders(
        out=sender_is_owner(kinds, owner, index).to_numpy(),
        person=index.match_keys(kinds["sender_key"], kinds["from_key"]).to_numpy(dtype=object),
    )


@dataclass
class MessageContacts:
    """The interactions of messages, but for their dates: one row per (counted message,
    participant other than the owner who is a contact), with the message's place in the
    file (``message``), the contact (``person``), ``direction`` and ``group``."""

    message: np.ndarray
    person: pd.api.extensions.ExtensionArray
    direction: pd.Categorical
    group: np.ndarray
    no_contact: int  # how many counted messages involved no contact at all


def message_contacts(
    messages: Messages, owner: Owner, index: PeopleIndex, senders: Senders
) -> MessageContacts:
    """The contacts of each counted message of ``messages`` (which need no dates yet), sent
    by ``senders`` (:func:`message_senders`).

    Rows come in this order: senders, then recipients listed by URL (single, then several),
    then by name (likewise), each in message order. The participants are worked out once
    per kind of message, then spread over the messages.
    """
    counted_kinds = messages.kinds["counted"].to_numpy(dtype=bool)
    counted = np.flatnonzero(counted_kinds[messages.kind])
    rows = len(counted)
    # The counted kinds, renumbered 0, 1, … in the same order (every kind has a message).
    used = np.flatnonzero(counted_kinds)
    renumber = np.full(len(messages.kinds), -1, dtype=np.intp)
    renumber[used] = np.arange(len(used))
    kind = renumber[messages.kind[counted]]
    recipients = messages.recipients
    recipients = recipients.assign(kind=renumber[recipients["kind"].to_numpy(dtype=np.intp)])
    recipients = recipients.loc[recipients["kind"] >= 0]

    out = senders.out[used]
    entries, participants = _participants(
        out, senders.person[used], len(used), recipients, owner, index
    )
    per_kind = np.bincount(entries["kind"], minlength=len(used))
    start = np.cumsum(per_kind) - per_kind
    count = per_kind[kind]
    message = np.repeat(np.arange(rows), count)
    within = np.arange(len(message)) - np.repeat(np.cumsum(count) - count, count)
    entry = np.repeat(start[kind], count) + within
    # Already in (message, within) order: a stable sort by segment (a radix sort of
    # small numbers) gives the (segment, message, within) order.
    order = np.argsort(entries["segment"][entry].astype(np.int8), kind="stable")
    message, entry = message[order], entry[order]
    message_kind = kind[message]
    return MessageContacts(
        message=counted[message],
        person=pd.array(entries["person"], dtype="str").take(entry),
        direction=pd.Categorical.from_codes(
            out[message_kind].astype(np.int8), categories=DIRECTIONS
        ),
        group=participants[message_kind] > 2,
        no_contact=int(rows - np.count_nonzero(count)),
    )


def _participants(
    out: np.ndarray,
    senders: np.ndarray,
    kinds: int,
    recipients: pd.DataFrame,
    owner: Owner,
    index: PeopleIndex,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """For ``kinds`` kinds numbered 0…n-1, sent by the owner (``out``) or by ``senders``:
    the contacts in each (``kind``, ``segment``, ``person``; by kind, then segment, then as
    listed), each contact once per kind; and the number of participants of each kind."""
    owner_key = normalize_name(owner.name)

    by_url = recipients["by_url"].to_numpy()
    keys = recipients["key"].to_numpy(dtype=object)
    person = np.empty(len(keys), dtype=object)
    is_owner = np.zeros(len(keys), dtype=bool)
    for rows, people, me in (
        (by_url, index.by_url, owner.url),
        (~by_url, index.by_name, owner_key),
    ):
        person[rows] = list(map(people.get, keys[rows]))
        if me:
            is_owner[rows] = keys[rows] == me
    recipient_kind = recipients["kind"].to_numpy(dtype=np.intp)
    counted = np.bincount(recipient_kind, minlength=kinds)
    participants = np.where(counted > 0, 1 + counted, 2)

    # Senders first, then recipients as listed: a stable sort by (kind, segment) keeps
    # that order within each segment of a kind.
    sent = np.flatnonzero(~out)
    kept = ~is_owner
    kind = np.concatenate([sent, recipient_kind[kept]])
    segment = np.concatenate(
        [np.full(len(sent), _SENDER), recipients["segment"].to_numpy(dtype=np.intp)[kept]]
    )
    who = np.concatenate([senders[sent], person[kept]])
    known = pd.notna(who)
    kind, segment, who = kind[known], segment[known], who[known]
    order = np.lexsort((segment, kind))
    kind, segment, who = kind[order], segment[order], who[order]
    # Each contact once per kind: the first place they appear.
    codes, uniques = pd.factorize(who)
    first = np.unique(kind * max(len(uniques), 1) + codes, return_index=True)[1]
    first.sort()
    entries = {"kind": kind[first], "segment": segment[first], "person": who[first]}
    return entries, participants


def _explode(lists: pd.Series, single: int) -> tuple[pd.Series, np.ndarray]:
    """Comma-joined recipients → one row per recipient, indexed by kind: the single ones
    first (segment ``single``), then those of lists of several (``single + 1``)."""
    one = ~lists.str.contains(",", regex=False)
    many = lists.loc[~one].str.split(",").explode().str.strip()
    many = many[many != ""]
    out = pd.concat([lists.loc[one], many])
    segment = np.repeat([single, single + 1], [int(one.sum()), len(many)])
    return out.astype(str), segment
