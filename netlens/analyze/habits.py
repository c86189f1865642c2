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


def conversations(messages: pd.DataFrame) -> dict[str, np.ndarray]:
    """The one-to-one ``messages`` (interaction rows: ``person``, ``date``, ``direction``)
    in thread and date order, as arrays: ``thread`` (a number per contact), ``date``
    (datetime64), ``out`` (sent by you), ``opens`` (the first message of its conversation),
    ``conversation`` (numbered 0, 1, … in that order), ``reply`` (the first message of its
    side after the other side wrote) and ``waited`` (the response time of a reply, in
    hours; NaN otherwise)."""
    thread = pd.factorize(messages["person"])[0]  # numbers sort faster than names
    date = messages["date"].to_numpy(dtype="datetime64[ns]")
    order = np.lexsort((date.view(np.int64), thread))
    thread, date = thread[order], date[order]
    out = (messages["direction"] == "out").to_numpy(dtype=bool)[order]
    gap = np.diff(date.view(np.int64), prepend=np.int64(0)) / 3.6e12  # hours
    same_thread = np.r_[False, thread[1:] == thread[:-1]]
    opens = ~same_thread | (gap >= NEW_CONVERSATION_DAYS * 24)
    reply = ~opens & np.r_[False, out[1:] != out[:-1]]
    return {
        "thread": thread,
        "date": date,
        "out": out,
        "opens": opens,
        "conversation": np.cumsum(opens) - 1,
        "reply": reply,
        "waited": np.where(reply, gap, np.nan),
    }


def habits(
    network: Network, *, as_of: dt.date | None = None, tz: str | None = None
) -> dict[str, Any]:
    """Message habits of ``network`` up to ``as_of`` (see the module docstring): ``you_reply``
    and ``they_reply`` (``replies``, ``median_hours``, ``p90_hours``), ``started_by_you`` /
    ``started_by_them``, ``unanswered_by_you`` / ``unanswered_by_them`` / ``waiting``,
    ``heatmap`` (7 rows, Monday first, of 24 hourly counts of the messages you sent) and
    the counts they come from. ``as_of`` defaults to the export's own date."""
    as_of = as_of or network.default_as_of()
    zone = time_zone(tz) if tz else None
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    inter = network.interactions
    messages = inter[(inter["kind"] == "message") & inter["date"].notna() & (inter["date"] < end)]
    group = messages["group"].to_numpy(dtype=bool)
    # A group message is an interaction row per participant: one message per time and side.
    group_messages = len(messages.loc[group, ["date", "direction"]].drop_duplicates())
    threads = conversations(messages[~group])
    conversation, opens = threads["conversation"], threads["opens"]
    count = int(opens.sum())
    # A conversation is two-sided when it has a reply; it ended with its last message.
    two_sided = np.bincount(conversation, weights=threads["reply"], minlength=count) > 0
    last = np.zeros(count, dtype="datetime64[ns]")
    last[conversation] = threads["date"]  # in date order: the last one stays
    settled = last < (end - pd.Timedelta(days=NEW_CONVERSATION_DAYS)).to_datetime64()
    started_out = threads["out"][opens]
    one_sided = ~two_sided

    # Each message you sent once: a group message is a row per participant, at one time.
    sent = messages[messages["direction"] == "out"]
    sent_times = pd.concat(
        [sent.loc[~sent["group"], "date"], sent.loc[sent["group"], "date"].drop_duplicates()]
    )
    return {
        "time_zone": tz,
        "new_conversation_days": NEW_CONVERSATION_DAYS,
        "messages": len(threads["date"]) + group_messages,
        "group_messages": group_messages,
        "threads": len(np.unique(threads["thread"])),
        "conversations": count,
        "you_reply": _delays(threads, out=True),
        "they_reply": _delays(threads, out=False),
        "started_by_you": int(started_out.sum()),
        "started_by_them": int((~started_out).sum()),
        "unanswered_by_you": int((one_sided & settled & ~started_out).sum()),
        "unanswered_by_them": int((one_sided & settled & started_out).sum()),
        "waiting": int((one_sided & ~settled).sum()),
        "sent": len(sent_times),
        "weekdays": list(WEEKDAYS),
        "heatmap": _heatmap(sent_times, zone),
    }


def _delays(threads: dict[str, np.ndarray], *, out: bool) -> dict[str, Any]:
    """The response times of your replies (``out``) or theirs, in hours: how many, median,
    90th percentile (None without replies)."""
    hours = threads["waited"][threads["reply"] & (threads["out"] == out)]
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
