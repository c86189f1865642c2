"""Message habits: how fast you answer and others answer you, when you write, which threads
were left unanswered, and who starts conversations.

Read from the counted messages of ``Network.interactions`` (drafts, spam and sponsored
messages are not there), and never from their text. A *thread* is the one-to-one
exchange between you and one contact (the pair of participants). Group chats are left out
of threads: the loaded export records that a group message reached each participant but
not which of them wrote it, so no reply in a group can be timed. Their messages you sent
still count in *when you write*, once each.

Within a thread, a message after :data:`NEW_CONVERSATION_DAYS` days of silence opens a new
*conversation*; whoever writes it **started** it. A **reply** is the first message of one
side after the other side wrote; its **response time** is the time since the other side's
last message. Medians and 90th percentiles are taken over every reply of every
conversation (linear interpolation between the closest ranks). A conversation in which
only one side wrote is **unanswered** — by you when only they wrote, by them when only you
did — once it has been quiet for :data:`NEW_CONVERSATION_DAYS` days (before that an answer
may still come; those are counted as ``waiting``).

*When you write* counts the messages you sent by weekday (Monday first) and hour, on the
clock of ``tz`` (an IANA time zone such as ``Europe/Berlin``: export times are read as UTC,
which LinkedIn writes since 2021) or, without ``tz``, on the clock the export was written
in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from netlens.errors import NetlensError
from netlens.model import Network

__all__ = ["NEW_CONVERSATION_DAYS", "WEEKDAYS", "conversations", "habits", "time_zone"]

NEW_CONVERSATION_DAYS = 30
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def time_zone(name: str) -> Any:
    """The :class:`zoneinfo.ZoneInfo` called ``name``; NetlensError for an unknown name."""
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise NetlensError(
            f"{name!r} is not a time zone — use an IANA name such as Europe/Berlin or "
            "America/New_York"
        ) from None


def conversations(messages: pd.DataFrame) -> pd.DataFrame:
    """The one-to-one ``messages`` (interaction rows: ``person``, ``date``, ``direction``)
    sorted by thread and date, with ``conversation`` (a number, per thread in date order),
    ``opens`` (the first message of its conversation), ``reply`` (the first message of its
    side after the other side wrote) and ``waited`` (the response time of a reply, as a
    Timedelta; NaT otherwise)."""
    frame = messages[["person", "date", "direction"]].sort_values(["person", "date"], kind="stable")
    frame = frame.reset_index(drop=True)
    person = frame["person"].to_numpy(dtype=object)
    dates = frame["date"]
    direction = frame["direction"].astype(str).to_numpy()
    same_thread = np.r_[False, person[1:] == person[:-1]]
    gap = dates.diff()
    opens = ~same_thread | (gap >= pd.Timedelta(days=NEW_CONVERSATION_DAYS)).to_numpy()
    turned = np.r_[False, direction[1:] != direction[:-1]]
    reply = ~opens & turned
    frame["conversation"] = np.cumsum(opens) - 1
    frame["opens"] = opens
    frame["reply"] = reply
    frame["waited"] = gap.where(reply)
    return frame


def habits(network: Network, *, as_of: dt.date, tz: str | None = None) -> dict[str, Any]:
    """Message habits of ``network`` up to ``as_of`` (see the module docstring): ``you_reply``
    and ``they_reply`` (``replies``, ``median_hours``, ``p90_hours``), ``started_by_you`` /
    ``started_by_them``, ``unanswered_by_you`` / ``unanswered_by_them`` / ``waiting``,
    ``heatmap`` (7 rows, Monday first, of 24 hourly counts of the messages you sent) and
    the counts they come from."""
    zone = time_zone(tz) if tz else None
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    inter = network.interactions
    messages = inter[(inter["kind"] == "message") & inter["date"].notna() & (inter["date"] < end)]
    group = messages["group"].to_numpy(dtype=bool)
    single = messages[~group]
    # A group message is an interaction row per participant: one message per time and side.
    group_messages = len(messages.loc[group, ["date", "direction"]].drop_duplicates())
    threads = conversations(single)
    per_conversation = threads.groupby("conversation").agg(
        first=("direction", "first"),
        sides=("direction", "nunique"),
        last=("date", "max"),
    )
    one_sided = per_conversation[per_conversation["sides"] == 1]
    settled = one_sided["last"] < end - pd.Timedelta(days=NEW_CONVERSATION_DAYS)
    first = per_conversation["first"].astype(str)

    # Each message you sent once: a group message is a row per participant, at one time.
    sent = messages[messages["direction"] == "out"]
    sent_times = pd.concat(
        [sent.loc[~sent["group"], "date"], sent.loc[sent["group"], "date"].drop_duplicates()]
    )
    return {
        "time_zone": tz,
        "new_conversation_days": NEW_CONVERSATION_DAYS,
        "messages": len(single) + group_messages,
        "group_messages": group_messages,
        "threads": int(threads["person"].nunique()),
        "conversations": len(per_conversation),
        "you_reply": _delays(threads, "out"),
        "they_reply": _delays(threads, "in"),
        "started_by_you": int((first == "out").sum()),
        "started_by_them": int((first == "in").sum()),
        "unanswered_by_you": int(((one_sided["first"].astype(str) == "in") & settled).sum()),
        "unanswered_by_them": int(((one_sided["first"].astype(str) == "out") & settled).sum()),
        "waiting": int((~settled).sum()),
        "sent": len(sent_times),
        "weekdays": list(WEEKDAYS),
        "heatmap": _heatmap(sent_times, zone),
    }


def _delays(threads: pd.DataFrame, side: str) -> dict[str, Any]:
    """The response times of ``side``'s replies, in hours: how many, median, 90th
    percentile (None without replies)."""
    waited = threads.loc[threads["reply"] & (threads["direction"].astype(str) == side), "waited"]
    hours = waited.dt.total_seconds().to_numpy() / 3600
    if not len(hours):
        return {"replies": 0, "median_hours": None, "p90_hours": None}
    median, p90 = np.percentile(hours, [50, 90])
    return {
        "replies": len(hours),
        "median_hours": round(float(median), 1),
        "p90_hours": round(float(p90), 1),
    }


def _heatmap(times: pd.Series, zone: Any) -> list[list[int]]:
    """Counts by weekday (rows, Monday first) and hour (columns) of ``times``, shown on the
    clock of ``zone`` (times read as UTC) or as written."""
    if zone is not None and len(times):
        times = times.dt.tz_localize("UTC").dt.tz_convert(zone)
    cells = times.dt.day_of_week.to_numpy(dtype=np.int64) * 24 + times.dt.hour.to_numpy(np.int64)
    counts = np.bincount(cells, minlength=7 * 24)
    return counts.reshape(7, 24).tolist()
