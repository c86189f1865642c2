"""The workspace's tables as Parquet files, for engines beyond one machine (docs/scale.md)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from netlens.errors import NetlensError
from netlens.workspace.schema import connect, reports_damage

__all__ = ["TABLES", "export_parquet"]

TABLES = ("exports", "connections", "interactions", "people")


@reports_damage
def export_parquet(
    path: str | os.PathLike[str], directory: str | os.PathLike[str]
) -> dict[str, Any]:
    """Write each table of the workspace at ``path`` to ``directory/<table>.parquet`` (the
    folder is made when missing; its parent must exist), all of them or none: they are
    written beside it first, and moved in once every table is written. Returns
    ``directory`` and the rows written per table."""
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise NetlensError(f"{directory}: is a file — give a folder for the Parquet files")
    if not folder.expanduser().resolve().parent.is_dir():
        raise NetlensError(f"{directory}: the folder {folder.parent} does not exist")
    con = connect(path)
    staging = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=".netlens-parquet-", dir=folder.parent))
        rows = {}
        for table in TABLES:
            target = str(staging / f"{table}.parquet").replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
            rows[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        folder.mkdir(exist_ok=True)
        for table in TABLES:
            os.replace(staging / f"{table}.parquet", folder / f"{table}.parquet")
    except OSError as exc:
        raise NetlensError(f"{directory}: cannot write there ({exc.strerror})") from exc
    finally:
        con.close()
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return {"directory": str(folder), "rows": rows}
