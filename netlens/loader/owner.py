"""Whose export is this? The owner's name and profile URL, from the evidence at hand.

In order: what the user says (``--owner``); the name in ``Profile.csv``; the profile URL the
owner sends messages from (``SENDER PROFILE URL`` of messages sent under the owner's name),
else the inviter URL of outgoing invitations, else the one URL that is in the most messages
while belonging to no contact (the owner is in every conversation and is nobody's
connection in their own export).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from netlens.loader.events import Events
from netlens.loader.identity import map_unique, normalize_name, normalize_url
from netlens.loader.messages import SPONSORED_SENDER, Messages
from netlens.model import Owner

__all__ = ["identify_owner"]


def identify_owner(
    profile: dict[str, str],
    messages: Messages | None,
    invitations: Events | None,
    contact_urls: set[str],
    override_url: str | None = None,
    override_name: str | None = None,
) -> Owner:
    name = override_name or profile.get("name") or None
    url = normalize_url(override_url)
    found_by = []
    if override_name or override_url:
        found_by.append("command line")
    if name and not override_name:
        found_by.append("Profile.csv")
    frame = messages.frame if messages is not None else None
    if frame is not None and frame.empty:
        frame = None

    if url is None and frame is not None and name:
        mine = frame.loc[frame["from_key"] == normalize_name(name), "sender_key"].dropna()
        url = _most_common(mine, exclude=contact_urls)
        if url:
            found_by.append("messages sent")
    if url is None and invitations is not None:
        self_urls = map_unique(invitations.frame["self_url"], normalize_url)
        url = _most_common(self_urls, exclude=contact_urls)
        if url:
            found_by.append("invitations sent")
    if url is None and frame is not None and (frame["recipient_urls"] != "").any():
        url = _most_present(frame, exclude=contact_urls)
        if url:
            found_by.append("messages")

    if name is None and frame is not None and url:
        senders = frame.loc[frame["sender_key"] == url, "from"]
        name = _most_common(senders, exclude=set()) or None
    if name is None and frame is not None:
        outgoing = frame.loc[frame["direction"].str.upper() == "OUTGOING", "from"]
        name = _most_common(outgoing, exclude=set()) or None
    if name is None and invitations is not None:
        name = _most_common(invitations.frame["self_name"], exclude=set())
    return Owner(name=name, url=url, found_by=", ".join(found_by) or "unknown")


def _most_common(values: pd.Series, exclude: set[str]) -> str | None:
    values = values[values.notna() & (values != "")]
    counts = values.value_counts()
    for value, _ in counts.items():
        if value not in exclude and value != SPONSORED_SENDER:
            return str(value)
    return None


def _most_present(frame: pd.DataFrame, exclude: set[str]) -> str | None:
    """The profile URL in the most messages, as sender or recipient, that is no contact's."""
    counts: Counter[str] = Counter(frame["sender_key"].dropna())
    for urls, n in frame["recipient_urls"].value_counts().items():
        for url in {normalize_url(u) for u in str(urls).split(",")}:
            if url:
                counts[url] += n
    for url, _ in counts.most_common():
        if url not in exclude:
            return url
    return None
