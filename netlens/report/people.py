"""Render the people table for ``netlens export --format csv``."""

from __future__ import annotations

import pandas as pd

from netlens.output import csv_text

__all__ = ["PEOPLE_CSV_COLUMNS", "render_people_csv"]

PEOPLE_CSV_COLUMNS = [
    "name", "url", "company", "position", "connected_on", "industry", "function", "seniority",
]  # fmt: skip


def render_people_csv(people: pd.DataFrame) -> str:
    """One row per person; dates as ISO dates; formulas neutralised."""
    table = people.reindex(columns=PEOPLE_CSV_COLUMNS)
    dates = pd.to_datetime(table["connected_on"])
    table["connected_on"] = dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None)
    table = table.astype(object).where(table.notna(), None)
    return csv_text(PEOPLE_CSV_COLUMNS, table.itertuples(index=False, name=None))
