"""``Connections.csv``: the people of the network, one row each.

Every era is read: ``FirstName,LastName,EmailAddress,Company,Position,ConnectedOn,Tags``
(~2013), the spaced headers of 2014–2023, and the ``URL`` column added in July 2023. Hidden
members (every field empty but the date) are counted and left out of the people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from netlens.errors import UnreadableExportError
from netlens.folding import fold_all
from netlens.identity import normalize_url
from netlens.loader.archive import Member
from netlens.loader.csvfile import fix_mojibake_in, read_table
from netlens.loader.events import date_warnings, table_warnings
from netlens.loader.identity import map_unique
from netlens.wording import plural

__all__ = ["COLUMNS", "Connections", "read_connections"]

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


def read_connections(member: Member, warnings: list[str]) -> Connections:
    """Read the people of ``Connections.csv``; append one line per kind of problem found."""
    table = read_table(member, COLUMNS, REQUIRED, "Connections.csv")
    frame = table.frame
    if frame.empty:
        raise UnreadableExportError(
            f"{member.name}: has a header but no connections — if LinkedIn is still preparing "
            "your archive, download it again when their e-mail says it is complete"
        )
    fix_mojibake_in(frame, TEXT_COLUMNS)
    dates = date_warnings(member.name, "Connected On", frame["connected_on"], warnings)
    # Column by column in numpy: pandas' own string comparisons cost several times more.
    empty = [frame[column].to_numpy(dtype=object) == "" for column in TEXT_COLUMNS]
    hidden = pd.Series(np.logical_and.reduce(empty), index=frame.index)
    table_warnings(member.name, table, warnings)

    people = frame.loc[~hidden].copy()
    people["connected_on"] = dates[~hidden]
    people["url"] = map_unique(people["url"], normalize_url)
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
    people = _assign_ids(people, member.name, warnings)

    known = dates.dropna()
    return Connections(
        people=people[PEOPLE_COLUMNS].reset_index(drop=True),
        rows=len(frame),
        hidden_members=int(hidden.sum()),
        first_connected=known.min() if len(known) else None,
        last_connected=known.max() if len(known) else None,
        dates=dates.reset_index(drop=True),
    )


def _assign_ids(people: pd.DataFrame, name: str, warnings: list[str]) -> pd.DataFrame:
    """person_id: the URL; else ``name:<folded name>``, numbered for namesakes."""
    repeated = people["url"].notna() & people["url"].duplicated()
    if repeated.any():
        warnings.append(
            f"{name}: dropped {plural(int(repeated.sum()), 'row')} repeating a person "
            "listed earlier (same profile URL)"
        )
        people = people.loc[~repeated]
    people["person_id"] = people["url"]
    no_url = people["url"].isna()
    if no_url.any():  # numbered among all namesakes, with a URL or not
        by_name = "name:" + people["name_key"]
        nth = by_name.groupby(by_name).cumcount()
        by_name = by_name.where(nth == 0, by_name + "#" + (nth + 1).astype(str))
        people["person_id"] = people["url"].where(~no_url, by_name)
    return people
