"""A keep-in-touch plan as an iCalendar file (RFC 5545), for Google Calendar, Apple
Calendar and Outlook.

One all-day ``VEVENT`` per entry (calendars import events everywhere; to-dos only some
of them): a one-off on its day, a cadence repeating by ``RRULE`` every few months. The
``UID`` is a hash of the person and the date, so importing a new plan again updates the
entries it shares with the last one instead of duplicating them. Written by hand: the
format is small — CRLF line ends, lines folded at 75 octets, ``TEXT`` values escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from netlens import __version__

__all__ = ["escape_text", "fold", "render_ics"]

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 forbids controls but HTAB


def escape_text(value: str) -> str:
    """A ``TEXT`` value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks
    escaped, other control characters dropped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", value)


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets (RFC 5545 §3.1), never inside a
    UTF-8 character; each continuation starts with a space."""
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > (75 if not pieces else 74):
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _profile(url: str | None) -> str | None:
    """The profile's address, percent-encoded (a URI holds ASCII only)."""
    from urllib.parse import quote

    return f"https://www.{quote(url, safe='/:@')}" if url else None


def render_ics(result: dict[str, Any], *, as_of: dt.date) -> str:
    """The plan ``result`` (:func:`netlens.analyze.plan.plan`) as an iCalendar file;
    ``as_of`` dates it (``DTSTAMP``), so the same plan gives the same file."""
    stamp = f"{as_of:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//netlens//netlens {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:netlens plan",
    ]
    for entry in result["entries"]:
        start = dt.date.fromisoformat(entry["due"])
        what = "Keep in touch with" if entry["every_months"] else "Get back in touch with"
        details = [f"Why now: {'; '.join(entry['reasons'])}.", f"Opening: {entry['opening']}"]
        role = " at ".join(part for part in (entry["position"], entry["company"]) if part)
        if role:
            details.insert(0, role)
        url = _profile(entry["url"])
        if url:
            details.append(f"Profile: {url}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry['uid']}@netlens",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(what + ' ' + entry['name'])}",
            f"DESCRIPTION:{escape_text(chr(10).join(details))}",
            "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it keeps the day free
            "CATEGORIES:netlens plan",
        ]
        if url:
            lines.append(f"URL;VALUE=URI:{url}")
        if entry["every_months"]:
            lines.append(f"RRULE:FREQ=MONTHLY;INTERVAL={entry['every_months']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
