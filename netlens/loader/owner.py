"""Whose export is this? The owner's name and profile URL, from the evidence at hand.

In order: what the user says (``--owner``); the name in ``Profile.csv``; the profile URL the
owner sends messages from (``SENDER PROFILE URL`` of messages sent under the owner's name),
else the inviter URL of outgoing invitations, else the one URL that is in the most messages
while belonging to no contact (the owner is in every conversation and is nobody's
connection in their own export).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from netlens.identity import normalize_name, normalize_url
from netlens.loader.events import Events
from netlens.loader.identity import map_unique
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
    kinds = messages.kinds if messages is not None and messages.rows else None
    weights = messages.weights() if kinds is not None else None

    if url is None and kinds is not None and name:
        mine = kinds["from_key"] == normalize_name(name)
        url = _most_common(kinds["sender_key"], weights, mine, exclude=contact_urls)
        if url:
            found_by.append("messages sent")
    if url is None and invitations is not None:
        self_urls = map_unique(invitations.frame["self_url"], normalize_url)
        url = _most_common(self_urls, None, None, exclude=contact_urls)
        if url:
            found_by.append("invitations sent")
    if url is None and kinds is not None and (kinds["recipient_urls"] != "").any():
        url = _most_present(kinds, weights, exclude=contact_urls)
        if url:
            found_by.append("messages")

    if name is None and kinds is not None and url:
        name = _most_common(kinds["from"], weights, kinds["sender_key"] == url) or None
    if name is None and kinds is not None:
        outgoing = kinds["direction"].str.upper() == "OUTGOING"
        name = _most_common(kinds["from"], weights, outgoing) or None
    if name is None and invitations is not None:
        name = _most_common(invitations.frame["self_name"], None, None)
    return Owner(name=name, url=url, found_by=", ".join(found_by) or "unknown")


def _most_common(
    values: pd.Series,
    weights: np.ndarray | None,
    where: pd.Series | None,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> str | None:
    """The most frequent value (ties: as ``value_counts`` orders them) that is neither
    empty, nor excluded, nor LinkedIn's sponsored sender. ``weights`` counts each value that
    many times (messages per kind); ``where`` picks the values to count."""
    keep = values.notna() & (values != "")
    if where is not None:
        keep &= where
    counts = _counts(values[keep], None if weights is None else weights[keep.to_numpy()])
    for value, _ in counts.items():
        if value not in exclude and value != SPONSORED_SENDER:
            return str(value)
    return None


def _counts(values: pd.Series, weights: np.ndarray | None) -> pd.Series:
    """``values.value_counts()``, each value counted ``weights`` times: sorted the way
    ``value_counts`` sorts them."""
    if weights is None:
        return values.value_counts()
    return _weighted(values, weights).sort_values(ascending=False)


def _weighted(values: pd.Series, weights: np.ndarray) -> pd.Series:
    """The sum of ``weights`` per value, the values in order of first appearance."""
    return pd.Series(weights, index=values.index).groupby(values, sort=False).sum()


def _most_present(kinds: pd.DataFrame, weights: np.ndarray, exclude: set[str]) -> str | None:
    """The profile URL in the most messages, as sender or recipient, that is no contact's."""
    senders = kinds["sender_key"].notna().to_numpy()
    by_sender = _weighted(kinds.loc[senders, "sender_key"], weights[senders])
    counts: Counter[str] = Counter(dict(by_sender.items()))  # in order of first use
    for urls, n in _counts(kinds["recipient_urls"], weights).items():
        for url in {normalize_url(u) for u in str(urls).split(",")}:
            if url:
                counts[url] += int(n)
    for url, _ in counts.most_common():
        if url not in exclude:
            return url
    return None
