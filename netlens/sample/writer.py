"""LinkedIn's file formats: headers, each file's date format, the CSV quirks, the zip.

``Connections.csv`` starts with a ``Notes:`` preamble; no file ends with a newline; every
file writes its dates its own way. The zip is written to a temporary name and moved into
place, with fixed timestamps and attributes so that the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from netlens.sample.world import DAY

__all__ = [
    "AD_TARGETING_HEADER",
    "CONNECTIONS_HEADER",
    "INVITATIONS_HEADER",
    "JOB_APPLICATIONS_HEADER",
    "LEARNING_HEADER",
    "MESSAGES_HEADER",
    "MONTHS",
    "MONTH_NAMES",
    "NOTE",
    "POSITIONS_HEADER",
    "PROFILE_HEADER",
    "RECOMMENDATIONS_HEADER",
    "Stamps",
    "clock",
    "endorsement_date",
    "endorsement_header",
    "invitation_date",
    "learning_date",
    "month_year",
    "recommendation_date",
    "split",
    "write_csv",
    "write_zip",
]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
NOTE = (
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: "
    'https://www.linkedin.com/help/linkedin/answer/261"'
)

CONNECTIONS_HEADER = (
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
)  # fmt: skip
MESSAGES_HEADER = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
)  # fmt: skip
INVITATIONS_HEADER = (
    "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
)  # fmt: skip
RECOMMENDATIONS_HEADER = (
    "First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status",
)  # fmt: skip
PROFILE_HEADER = (
    "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
    "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
)  # fmt: skip
POSITIONS_HEADER = (
    "Company Name", "Title", "Description", "Location", "Started On", "Finished On",
)  # fmt: skip

AD_TARGETING_HEADER = (
    "Member Age", "Company Names", "Degrees", "Job Functions", "Job Titles", "Member Interests",
    "Interface Locales", "Profile Locations", "Member Skills", "Years of Experience",
)  # fmt: skip
LEARNING_HEADER = (
    "Content Title", "Content Description", "Content Type",
    "Content Last Watched Date (if viewed)", "Content Completed At (if completed)",
    "Content Saved", "Notes taken on videos (if taken)",
)  # fmt: skip
JOB_APPLICATIONS_HEADER = (
    "Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
    "Job Url", "Resume Name", "Question And Answers",
)  # fmt: skip


def endorsement_header(role: str) -> tuple[str, ...]:
    return (
        "Endorsement Date",
        "Skill Name",
        f"{role} First Name",
        f"{role} Last Name",
        f"{role} Public Url",
        "Endorsement Status",
    )


# --------------------------------------------------------------------------------------
# Dates, each file its own format


class Stamps:
    """Date formatting with a per-day cache: the exports have few distinct days."""

    def __init__(self) -> None:
        self.days: dict[int, str] = {}
        self.long: dict[int, str] = {}

    def message(self, time: int) -> str:
        """``2024-06-17 06:01:43 UTC``"""
        day, rest = divmod(time, DAY)
        text = self.days.get(day)
        if text is None:
            text = self.days[day] = datetime.date.fromordinal(day).isoformat()
        hour, rest = divmod(rest, 3600)
        return f"{text} {hour:02d}:{rest // 60:02d}:{rest % 60:02d} UTC"

    def connected(self, day: int) -> str:
        """``04 Jul 2023``"""
        text = self.long.get(day)
        if text is None:
            d = datetime.date.fromordinal(day)
            text = self.long[day] = f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
        return text


def split(time: int) -> tuple[datetime.date, int, int, int]:
    day, rest = divmod(time, DAY)
    hour, rest = divmod(rest, 3600)
    return datetime.date.fromordinal(day), hour, rest // 60, rest % 60


def clock(hour: int, minute: int, pad: bool = False) -> str:
    """``8:12 AM`` (``08:12 AM`` with ``pad``)."""
    twelve = (hour + 11) % 12 + 1
    return f"{twelve:0{2 if pad else 1}d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def invitation_date(time: int) -> str:
    """``10/29/24, 8:12 AM``"""
    d, hour, minute, _ = split(time)
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {clock(hour, minute)}"


def recommendation_date(time: int) -> str:
    """``09/21/16, 03:29 AM``"""
    d, hour, minute, _ = split(time)
    return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}, {clock(hour, minute, pad=True)}"


def endorsement_date(time: int) -> str:
    """``2023/07/10 15:47:10 UTC``"""
    d, hour, minute, second = split(time)
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d} {hour:02d}:{minute:02d}:{second:02d} UTC"


def learning_date(time: int) -> str:
    """``2023-05-04 13:22 UTC``"""
    d, hour, minute, _ = split(time)
    return f"{d.isoformat()} {hour:02d}:{minute:02d} UTC"


def month_year(month: tuple[int, int]) -> str:
    """``Jan 2019``"""
    year, index = month
    return f"{MONTHS[index]} {year}"


# --------------------------------------------------------------------------------------
# Writing


def write_csv(out: TextIO, header: Iterable[str], rows: Iterable[list[str]]) -> None:
    """Header and rows, LF line ends, and no newline after the last row (as LinkedIn)."""
    writer = csv.writer(out, lineterminator="\n")
    pending: Iterable[str] = header
    for row in rows:
        writer.writerow(pending)
        pending = row
    last = io.StringIO()
    csv.writer(last, lineterminator="\n").writerow(pending)
    out.write(last.getvalue()[:-1])


def write_zip(
    path: Path,
    members: list[tuple[str, Callable[[TextIO], None]]],
    stamp: tuple[int, int, int, int, int, int],
) -> None:
    """Stream every member into a zip beside ``path``, then move it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, write in members:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # the same bytes on every platform
                info.external_attr = 0o644 << 16
                with io.TextIOWrapper(
                    archive.open(info, "w"), encoding="utf-8", newline=""
                ) as text:
                    write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
