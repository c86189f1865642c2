"""``Connections.csv``: the people of the network, one row each.

Every era is read: ``FirstName,LastName,EmailAddress,Company,Position,ConnectedOn,Tags``
(~2013), the spaced headers of 2014–2023, and the ``URL`` column added in July 2023. Hidden
members (every field empty but the date) are counted and left out of the people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netlens.errors import UnreadableExportError
from netlens.folding import fold_all
from netlens.identity import normalize_url
from netlens.loader.archive import Member
from netlens.loader.csvfile import fix_mojibake, read_table
from netlens.loader.events import date_warnings, table_warnings
from netlens.loader.identity import map_unique
from netlens.wording import plural

__all__ = ["COLUMNS", "Connections", "Rows", "key_people", "read_connections", "read_rows"]

COLUMNS = {
    "first_name": ["First Name", "FirstName"],
    "last_name": ["Last Name", "LastName"],
    "url": ["URL", "Profile URL", "ProfileUrl"],
    "email": ["Email Address", "EmailAddress", "Email", "E-mail Address"],
    "company": ["Company"],
    "position": ["Position"],
    "connected_on": ["Connected On", "ConnectedOn"],
}
REQUIRED = ("first_name", "last_name", "connected_on")
TEXT_COLUMNS = ("first_name", "last_name", "url", "email", "company", "position")
PEOPLE_COLUMNS = [
    "person_id", "name", "first_name", "last_name", "url", "email",
    "company", "position", "connected_on", "name_key",
]  # fmt: skip


@dataclass
class Connections:
    people: pd.DataFrame
    rows: int
    hidden_members: int
    first_connected: pd.Timestamp | None
    last_connected: pd.Timestamp | None
    dates: pd.Series  # every row's Connected On, hidden members included
    hidden_dates: pd.Series  # the hidden members' Connected On


def read_connections(member: Member, warnings: list[str]) -> Connections:
    """Read the people of ``Connections.csv``; append one line per kind of problem found."""
    return key_people([read_rows(member, warnings)])[0]


@dataclass
class Rows:
    """A ``Connections.csv`` read, its people not yet keyed (:func:`key_people`)."""

    frame: pd.DataFrame  # the columns of COLUMNS, as text
    dates: pd.Series  # Connected On, parsed
    name: str  # the file's, for warnings
    warnings: list[str]


def read_rows(member: Member, warnings: list[str]) -> Rows:
    """The rows of ``Connections.csv`` and their dates; the warnings of the file itself."""
    table = read_table(member, COLUMNS, REQUIRED, "Connections.csv")
    frame = table.frame
    if frame.empty:
        raise UnreadableExportError(
            f"{member.name}: has a header but no connections — if LinkedIn is still preparing "
            "your archive, download it again when their e-mail says it is complete"
        )
    dates = date_warnings(member.name, "Connected On", frame["connected_on"], warnings)
    table_warnings(member.name, table, warnings)
    return Rows(frame=frame, dates=dates, name=member.name, warnings=warnings)


def key_people(reads: Sequence[Rows]) -> list[Connections]:
    """The people of each file read: text repaired, hidden members left out, keyed by
    profile URL or folded name. The work is done once over all the files' rows: for a
    team's exports of a few thousand rows each, most of it would be pandas' cost per call."""
    frame = pd.concat([read.frame for read in reads], ignore_index=True)
    dates = pd.concat([read.dates for read in reads], ignore_index=True)
    sizes = np.array([len(read.frame) for read in reads])
    for column in TEXT_COLUMNS:
        frame[column] = fix_mojibake(frame[column])
    # Column by column in numpy: pandas' own string comparisons cost several times more.
    empty = [frame[column].to_numpy(dtype=object) == "" for column in TEXT_COLUMNS]
    hidden = np.logical_and.reduce(empty)

    people = frame.loc[~hidden].copy()
    people["file"] = np.repeat(np.arange(len(reads)), sizes)[~hidden]
    people["connected_on"] = dates[~hidden]
    # pandas' text dtype, NaN where unknown, whether or not any row has a URL (a file of
    # no URL alone would make a column of None, and one of many files another dtype).
    people["url"] = map_unique(people["url"], normalize_url).astype("str")
    people["name"] = pd.Series(
        [
            f"{first} {last}".strip()
            for first, last in zip(
                people["first_name"].tolist(), people["last_name"].tolist(), strict=True
            )
        ],
        index=people.index,
        dtype=people["first_name"].dtype,
    )
    people["name_key"] = map_unique(people["name"], fold_all, batch=True)
    people = _assign_ids(people, reads)

    # The files' rows, and their people, lie one file after another.
    rows_at = np.concatenate([[0], np.cumsum(sizes)])
    kept = np.bincount(people["file"].to_numpy(), minlength=len(reads))
    people_at = np.concatenate([[0], np.cumsum(kept)])
    people = people[PEOPLE_COLUMNS].reset_index(drop=True)
    found = []
    for i in range(len(reads)):
        file_dates = dates.iloc[rows_at[i] : rows_at[i + 1]].reset_index(drop=True)
        file_hidden = hidden[rows_at[i] : rows_at[i + 1]]
        known = file_dates.dropna()
        found.append(
            Connections(
                people=people.iloc[people_at[i] : people_at[i + 1]].reset_index(drop=True),
                rows=int(sizes[i]),
                hidden_members=int(file_hidden.sum()),
                first_connected=known.min() if len(known) else None,
                last_connected=known.max() if len(known) else None,
                dates=file_dates,
                hidden_dates=file_dates[file_hidden].reset_index(drop=True),
            )
        )
    return found


def _assign_ids(people: pd.DataFrame, reads: Sequence[Rows]) -> pd.DataFrame:
    """person_id: the URL; else ``name:<folded name>``, numbered for namesakes — each
    within its own file (``file``)."""
    repeated = people["url"].notna() & people.duplicated(["file", "url"])
    if repeated.any():
        for i, count in enumerate(np.bincount(people["file"][repeated], minlength=len(reads))):
            if count:
                reads[i].warnings.append(
                    f"{reads[i].name}: dropped {plural(int(count), 'row')} repeating a person "
                    "listed earlier (same profile URL)"
                )
        people = people.loc[~repeated]
    people["person_id"] = people["url"]
    no_url = people["url"].isna()
    if no_url.any():  # numbered among all namesakes, with a URL or not
        by_name = "name:" + people["name_key"]
        nth = by_name.groupby([people["file"], by_name]).cumcount()
        by_name = by_name.where(nth == 0, by_name + "#" + (nth + 1).astype(str))
        people["person_id"] = people["url"].where(~no_url, by_name)
    return people
