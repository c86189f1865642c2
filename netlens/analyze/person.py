"""One contact's whole story: how you connected, every message date and direction,
endorsements and recommendations both ways, job changes between two exports, the tie's
tier and strength (and what it is made of), and why to re-engage them.

Message *text* is never loaded for this, and is read (from ``messages.csv``, again) only
when asked for with ``show_text``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from netlens.analyze.reengage import CANDIDATE_TIERS, reengage
from netlens.analyze.staleness import HALF_LIFE_DAYS, WEIGHTS, relationships
from netlens.errors import NetlensError, NoMatchError
from netlens.folding import fold
from netlens.identity import normalize_url
from netlens.lookup import lookup, suggest
from netlens.wording import initials, iso_date

if TYPE_CHECKING:
    from netlens.model import Network

__all__ = ["AmbiguousQuery", "find_person", "person", "redact"]

SHOWN_CANDIDATES = 8


class AmbiguousQuery(NetlensError):
    """A query that matches several contacts; ``candidates`` lists them (name, url,
    company, position)."""

    def __init__(self, message: str, candidates: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.candidates = candidates


def find_person(people: pd.DataFrame, query: str) -> pd.Series:
    """The row of ``people`` that ``query`` names: a profile URL, else a name found by
    :func:`netlens.lookup.lookup` (folded: whole, a prefix of it or of a later word, a part).
    Raises :class:`AmbiguousQuery` when several match, NetlensError when none does."""
    if "linkedin.com/" in query.lower() or query.lower().startswith("www."):
        url = normalize_url(query)
        found = people[people["url"] == url]
        if found.empty:
            raise NetlensError(f"no contact has the profile {url} — check the URL")
        return found.iloc[0]
    if not fold(query):
        raise NetlensError("give a name, part of a name or a profile URL")
    found = people[people["name"].isin(lookup(query, people["name"]))]
    if len(found) == 1:
        return found.iloc[0]
    if len(found) > 1:  # several names, or namesakes
        shown = found.head(SHOWN_CANDIDATES)
        candidates = [
            {
                "name": row["name"],
                "url": None if pd.isna(row["url"]) else row["url"],
                "company": row["company"],
                "position": row["position"],
            }
            for _, row in shown.iterrows()
        ]
        listed = "; ".join(
            c["name"] + (f" ({c['company']})" if c["company"] else "") for c in candidates
        )
        more = f" and {len(found) - len(shown)} more" if len(found) > len(shown) else ""
        raise AmbiguousQuery(
            f"{query!r} matches {len(found)} contacts: {listed}{more} — give more of the "
            "name, or the profile URL",
            candidates,
        )
    close = suggest(query, people["name"])

    def say(hide: Any) -> str:
        hint = (
            f"did you mean {' or '.join(map(hide, close))}?"
            if close
            else "check the spelling, or give part of the name or their profile URL"
        )
        return f"no contact matches {hide(query)!r} — {hint}"

    raise NoMatchError(say(str), say(initials))


def _connected_later(people: pd.DataFrame, query: str, as_of: dt.date) -> NoMatchError | None:
    """The error for a contact ``query`` names who connected after ``as_of``, or None."""
    try:
        row = find_person(people, query)
    except NetlensError:
        return None
    day = row["connected_on"].date().isoformat()

    def say(name: str) -> str:
        return (
            f"{name} connected on {day}, after {as_of.isoformat()}, the day this is as of — "
            "pass a later --as-of"
        )

    return NoMatchError(say(row["name"]), say(initials(row["name"])))


def person(
    network: Network,
    query: str,
    *,
    as_of: dt.date | None = None,
    months: int = 12,
    half_life_days: float = HALF_LIFE_DAYS,
    snapshot: Network | None = None,
    show_text: bool = False,
    industry_map: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The story of the contact ``query`` names (:func:`find_person`) as of ``as_of``:
    ``person`` (who they are), ``connection`` (the date and the invitations between you,
    with whether they carried a note), ``messages`` (counts each way, ``by_month``, and the
    ``dates`` of every message with its direction; ``texts`` only with ``show_text``),
    ``exchanges`` (endorsements and recommendations, both ways), ``job_changes`` (against
    ``snapshot``, an older export), ``tie`` (tier, strength and its ``parts`` by kind) and
    ``reasons`` (why to re-engage them; empty when they are not on the list). ``as_of``
    defaults to the export's own date."""
    as_of = as_of or network.default_as_of()
    then = network.until(as_of)
    try:
        row = find_person(then.people, query)
    except NoMatchError as missing:
        raise _connected_later(network.people, query, as_of) or missing from None
    network = then
    pid = row["person_id"]
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    inter = network.interactions
    mine = inter[(inter["person"] == pid) & (inter["date"].isna() | (inter["date"] < end))]
    mine = mine.sort_values("date", kind="stable")
    direction = mine["direction"].astype(str)

    invitations = mine[mine["kind"] == "invitation"]
    messages = mine[(mine["kind"] == "message") & mine["date"].notna()]
    exchanges = mine[mine["kind"].isin(["endorsement", "recommendation"])]
    by_month = (
        messages.assign(month=messages["date"].dt.strftime("%Y-%m"), side=direction)
        .groupby(["month", "side"])
        .size()
        .unstack("side", fill_value=0)
        .reindex(columns=["out", "in"], fill_value=0)
    )

    ties = relationships(network, as_of=as_of, months=months, half_life_days=half_life_days)
    tie = ties.set_index("person_id").loc[pid]
    url = None if pd.isna(row["url"]) else row["url"]
    dated = mine[mine["date"].notna()]
    age = (pd.Timestamp(as_of) - dated["date"]).dt.total_seconds().clip(lower=0) / 86_400
    decayed = dated["kind"].astype(str).map(WEIGHTS).fillna(0.0) * 2.0 ** (-age / half_life_days)
    parts = {kind: round(float(decayed[dated["kind"] == kind].sum()), 4) for kind in WEIGHTS}

    reasons: list[str] = []
    if tie["tier"] in CANDIDATE_TIERS:  # else not on the re-engage list: no need to rank
        ranked = reengage(
            network, as_of=as_of, months=months, half_life_days=half_life_days, top=0,
            industry_map=industry_map, ties=ties,
        )  # fmt: skip
        reasons = next(
            (c["reasons"] for c in ranked["contacts"]
             if c["url"] == url and c["name"] == row["name"]),
            [],
        )  # fmt: skip
    story = {
        "person": {
            "name": row["name"],
            "url": url,
            "email": row["email"] or None,
            "company": row["company"],
            "position": row["position"],
        },
        "connection": {
            "connected_on": iso_date(row["connected_on"]),
            "invitations": [
                {"date": iso_date(d), "direction": str(w), "note": bool(n)}
                for d, w, n in zip(
                    invitations["date"],
                    invitations["direction"],
                    invitations["note"],
                    strict=True,
                )
            ],
        },
        "messages": {
            "sent": int((direction[messages.index] == "out").sum()),
            "received": int((direction[messages.index] == "in").sum()),
            "group": int(messages["group"].sum()),
            "by_month": [
                {"month": month, "out": int(r["out"]), "in": int(r["in"])}
                for month, r in by_month.iterrows()
            ],
            "dates": [
                {"date": d.isoformat(), "direction": str(w), "group": bool(g)}
                for d, w, g in zip(
                    messages["date"], messages["direction"], messages["group"], strict=True
                )
            ],
        },
        "exchanges": [
            {"date": iso_date(d), "kind": str(k), "direction": str(w)}
            for d, k, w in zip(
                exchanges["date"], exchanges["kind"], exchanges["direction"], strict=True
            )
        ],
        "job_changes": _job_changes(snapshot, network, row) if snapshot is not None else [],
        "tie": {
            "tier": str(tie["tier"]),
            "strength": round(float(tie["strength"]), 4),
            "parts": parts,
            "last_interaction": iso_date(tie["last_interaction"]),
            "last_contact": iso_date(tie["last_contact"]),
            "days_since": None if pd.isna(tie["days_since"]) else int(tie["days_since"]),
        },
        "reasons": reasons,
    }
    if show_text:
        story["messages"]["texts"] = _texts(network, row, end)
    return story


def redact(story: dict[str, Any]) -> dict[str, Any]:
    """``story`` with the contact by their initials: no profile URL, e-mail address or
    position, and no message text."""
    shown = {
        **story,
        "person": {
            **story["person"],
            "name": initials(story["person"]["name"]),
            "url": None,
            "email": None,
            "position": None,
        },
        "job_changes": [
            {
                "before": {**c["before"], "position": None},
                "after": {**c["after"], "position": None},
            }
            for c in story["job_changes"]
        ],
    }
    shown["messages"] = {k: v for k, v in story["messages"].items() if k != "texts"}
    return shown


def _job_changes(old: Network, new: Network, row: pd.Series) -> list[dict[str, Any]]:
    """The contact's company or position in ``old`` and now, when either changed."""
    from netlens.analyze.diff import diff

    url = None if pd.isna(row["url"]) else row["url"]
    return [
        {"before": change["before"], "after": change["after"]}
        for change in diff(old, new)["changed"]
        if (change["url"] == url if url else change["name"] == row["name"])
    ]


_TAGS = re.compile(r"<[^>]+>")


def _texts(network: Network, row: pd.Series, end: pd.Timestamp) -> list[dict[str, Any]]:
    """The one-to-one and group messages with the contact, read again from the export's
    ``messages.csv`` with their text (HTML reduced to plain text), oldest first."""
    from netlens.loader.archive import open_export
    from netlens.loader.csvfile import read_table
    from netlens.loader.dates import parse_dates
    from netlens.loader.messages import COLUMNS, REQUIRED, SPONSORED_SENDER

    url = None if pd.isna(row["url"]) else row["url"]
    name = fold(row["name"])
    with open_export(network.report.source) as export:
        member = export.files.get("messages")
        if member is None:
            return []
        columns = {**COLUMNS, "content": ["CONTENT"]}
        frame = read_table(member, columns, REQUIRED, "messages.csv").frame
    yes = ("yes", "true", "1")
    counted = ~(
        frame["message_draft"].str.lower().isin(yes)
        | frame["conversation_draft"].str.lower().isin(yes)
        | (frame["folder"].str.upper() == "SPAM")
        | ((frame["from"] == SPONSORED_SENDER) & (frame["sender_url"] == ""))
    )
    frame = frame[counted]

    def is_them(urls: str, names: str) -> bool:
        if url and urls:
            return any(normalize_url(u.strip()) == url for u in urls.split(","))
        return any(fold(n) == name for n in names.split(","))

    sent_by_them = [is_them(u, n) for u, n in zip(frame["sender_url"], frame["from"], strict=True)]
    sent_to_them = [
        is_them(u, n) for u, n in zip(frame["recipient_urls"], frame["to"], strict=True)
    ]
    owner = network.owner
    by_owner = [
        (bool(owner.url) and normalize_url(u) == owner.url) or fold(n) == fold(owner.name)
        for u, n in zip(frame["sender_url"], frame["from"], strict=True)
    ]
    frame = frame.assign(
        _in=sent_by_them, _out=sent_to_them, _owner=by_owner, _date=parse_dates(frame["date"])[0]
    )
    frame = frame[(frame["_in"] | frame["_out"]) & (frame["_date"] < end)]
    frame = frame.sort_values("_date", kind="stable")
    return [
        {
            "date": iso_date(date),
            # In a group chat, a message to them may come from someone else.
            "direction": "in" if came else "out" if mine else "other",
            "text": " ".join(html.unescape(_TAGS.sub(" ", text)).split()),
        }
        for date, came, mine, text in zip(
            frame["_date"], frame["_in"], frame["_owner"], frame["content"], strict=True
        )
    ]
