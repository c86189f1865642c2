"""Render the people table for ``netlens export --format csv``."""

from __future__ import annotations

import pandas as pd

from netlens.output import csv_text

__all__ = ["PEOPLE_CSV_COLUMNS", "render_people_csv"]

PEOPLE_CSV_COLUMNS = [
    "name", "url", "company", "position", "connected_on", "industry", "function", "seniority",
    "tier", "last_interaction", "last_contact", "days_since", "messages", "strength",
]  # fmt: skip


def render_people_csv(people: pd.DataFrame, ties: pd.DataFrame, *, redact: bool = False) -> str:
    """One row per person (classified people joined to their relationship figures); dates
    as ISO dates; strength rounded; formulas neutralised. With ``redact``, names are
    initials and neither profile URL nor position is written."""
    figures = ["tier", "last_interaction", "last_contact", "days_since", "messages", "strength"]
    table = people.merge(ties[["person_id", *figures]], on="person_id", how="left")
    for column in ("connected_on", "last_interaction", "last_contact"):
        dates = pd.to_datetime(table[column])
        table[column] = dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None)
    table["tier"] = table["tier"].astype(str)
    table["strength"] = table["strength"].round(4)
    table["days_since"] = table["days_since"].astype("Int64")
    if redact:
        from netlens.wording import initials

        table["name"] = [initials(name) for name in table["name"]]
        table["url"] = None
        table["position"] = None
    table = table[PEOPLE_CSV_COLUMNS].astype(object)
    table = table.where(table.notna(), None)
    return csv_text(PEOPLE_CSV_COLUMNS, table.itertuples(index=False, name=None))
