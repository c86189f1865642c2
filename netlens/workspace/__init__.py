"""A team workspace: many members' exports in one embedded DuckDB file (no server).

``netlens team add team.duckdb maya.zip ravi.zip`` reads each export once and keeps what
merging needs — people, the connections as an edge table, the interactions without any
message text — so that ``netlens reach me.zip --team team.duckdb`` answers in seconds
without reading a hundred zips again. Re-adding a member's newer export replaces the older
one (and reports who came and went); an older one is skipped.

- :func:`add` — add exports (:mod:`netlens.workspace.ingest`); :func:`adding`, one at a
  time;
- :func:`members` — who is in it;
- :func:`reach` — :func:`netlens.reach` over the workspace, in SQL
  (:mod:`netlens.workspace.queries`); :func:`reach_exports`, the same over exports read
  just now, in a workspace held in memory (``netlens reach --with``);
- :func:`teammates` — the members as networks, for :func:`netlens.merge` (intros, export);
- :func:`export_parquet` — the tables as Parquet files (docs/scale.md).

Tables and versioning: :mod:`netlens.workspace.schema`.
"""

from __future__ import annotations

from netlens.workspace.ingest import add, adding
from netlens.workspace.parquet import export_parquet
from netlens.workspace.queries import members, reach, reach_exports, teammates
from netlens.workspace.schema import SCHEMA_VERSION, connect

__all__ = [
    "SCHEMA_VERSION", "add", "adding", "connect", "export_parquet", "members", "reach",
    "reach_exports", "teammates",
]  # fmt: skip
