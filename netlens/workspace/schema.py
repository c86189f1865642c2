"""The workspace file: one DuckDB database (embedded, no server), its tables and version.

Tables:

- ``meta`` (``key``, ``value``): ``schema_version`` and the netlens version that made it.
- ``exports``: one row per member, keyed by ``owner`` (the owner's node id, as
  :func:`netlens.graph.owner_node` makes it): ``seq`` (the order members were first added),
  ``name``, ``url``, ``name_key`` (the folded name), ``source`` (the file added),
  ``snapshot`` (the date of the latest dated entry in that export), ``added_at``,
  ``connections`` and ``interactions`` (rows kept).
- ``connections``: the edge table, one row per person in a member's ``Connections.csv``:
  ``owner``, ``row`` (its place in the file), ``person`` (``person_id``), ``name``,
  ``url``, ``company``, ``position``, ``connected_on``, ``name_key``, and ``owner_id`` and
  ``person_id``, the numbers of ``owner`` and ``person`` in ``nodes``.
- ``nodes``: a number (``id``) for each node id (``node``: a profile URL, ``name:…`` or
  ``owner:…``) — the edge table's joins are on numbers — and ``name_only`` (no URL).
- ``industries``: the inferred industry of each (``company``, ``position``) met, worked out
  once, when its export was added — by the classifier whose digest ``meta`` keeps
  (``classifier``); a netlens with another classifier infers them again.
- ``interactions``: ``owner``, ``person``, ``kind``, ``date``, ``direction``, ``note``,
  ``group`` — what tie strength is computed from. No message text, subject or email
  address is stored: only that a message was sent, when, and which way.
- ``people`` (a view): one row per person, with the first name, company and position the
  members' exports give them.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from netlens import __version__
from netlens.errors import NetlensError

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "SCHEMA_VERSION", "classifier_fingerprint", "classifier_matches", "connect",
    "damage_as_error", "discard", "in_memory", "reports_damage",
]  # fmt: skip

T = TypeVar("T")

SCHEMA_VERSION = 1

# DuckDB loads an extension it knows of when a file or a query calls for one — a SQLite
# file given as a workspace calls for sqlite_scanner — and downloads it when missing:
# netlens never goes on the network, so it loads none.
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

_TABLES = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE exports (
    owner VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, name VARCHAR, url VARCHAR,
    name_key VARCHAR NOT NULL, source VARCHAR NOT NULL, snapshot DATE,
    added_at TIMESTAMP NOT NULL, connections INTEGER NOT NULL, interactions INTEGER NOT NULL
);
CREATE TABLE connections (
    owner VARCHAR NOT NULL, "row" INTEGER NOT NULL, person VARCHAR NOT NULL,
    name VARCHAR NOT NULL, url VARCHAR, company VARCHAR NOT NULL, position VARCHAR NOT NULL,
    connected_on TIMESTAMP, name_key VARCHAR NOT NULL, owner_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL
);
CREATE TABLE nodes (
    id INTEGER PRIMARY KEY, node VARCHAR UNIQUE NOT NULL, name_only BOOLEAN NOT NULL
);
CREATE TABLE industries (
    company VARCHAR NOT NULL, position VARCHAR NOT NULL, industry VARCHAR NOT NULL,
    PRIMARY KEY (company, position)
);
CREATE TABLE interactions (
    owner VARCHAR NOT NULL, person VARCHAR NOT NULL, kind VARCHAR NOT NULL, date TIMESTAMP,
    direction VARCHAR, note BOOLEAN NOT NULL, "group" BOOLEAN NOT NULL
);
CREATE VIEW people AS
SELECT c.person,
       arg_min(c.name, (e.seq, c."row")) FILTER (WHERE c.name <> '') AS name,
       arg_min(c.url, (e.seq, c."row")) FILTER (WHERE c.url <> '') AS url,
       arg_min(c.company, (e.seq, c."row")) FILTER (WHERE c.company <> '') AS company,
       arg_min(c.position, (e.seq, c."row")) FILTER (WHERE c.position <> '') AS position,
       count(*) AS known_by
FROM connections c JOIN exports e USING (owner)
GROUP BY c.person;
"""


def connect(path: str | os.PathLike[str], *, create: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the workspace at ``path`` (made when ``create`` and missing); read-only unless
    ``create``. Raises NetlensError when it is missing, locked by another process, damaged,
    not a workspace, or made by a newer netlens."""
    import duckdb

    where = Path(path)
    if where.is_dir():
        raise NetlensError(f"{path}: is a folder — a workspace is one file, e.g. team.duckdb")
    new = not where.exists()
    if new and not create:
        raise NetlensError(
            f"{path}: no such workspace — make one with: netlens team add {path} EXPORT…"
        )
    if new and not where.parent.is_dir():
        raise NetlensError(f"{path}: the folder {where.parent} does not exist — create it first")
    try:
        con = duckdb.connect(str(where), read_only=not create, config=_CONFIG)
    except duckdb.Error as exc:
        if new:  # DuckDB may have begun the file before it failed: leave nothing behind
            discard(where)
        if _is_locked(exc):
            raise NetlensError(
                f"{path}: another process is using this workspace — wait for it to finish "
                "and try again"
            ) from exc
        raise _io_error(path, exc) or NetlensError(
            f"{path}: not a readable netlens workspace ({_first_line(exc)}) — it is left "
            "as it is; add the exports to a new workspace file"
        ) from exc
    try:
        con.execute("SET enable_progress_bar = false")
        if new:
            con.execute("BEGIN")
            con.execute(_TABLES)
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("netlens_version", __version__),
                    ("classifier", classifier_fingerprint()),
                ],
            )
            con.execute("COMMIT")
        else:
            _check_version(con, path)
    except BaseException:
        con.close()
        if new:
            discard(where)
        raise
    return con


def discard(path: str | os.PathLike[str]) -> None:
    """Remove the workspace file at ``path`` and its write-ahead log: what a workspace that
    failed to begin left behind (on a read-only disk there is nothing to remove)."""
    for leftover in (Path(path), Path(f"{path}.wal")):
        with contextlib.suppress(OSError):
            if leftover.exists():
                leftover.unlink()


def in_memory() -> duckdb.DuckDBPyConnection:
    """An empty workspace held in memory, for exports read just now (``reach --with``): the
    same tables, and no classifier named in ``meta``, so that no stored industry is
    trusted."""
    import duckdb

    con = duckdb.connect(config=_CONFIG)
    con.execute("SET enable_progress_bar = false")
    con.execute(_TABLES)
    return con


def _check_version(con: duckdb.DuckDBPyConnection, path: str | os.PathLike[str]) -> None:
    import duckdb

    try:
        found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = found[0] if found else None
    except duckdb.Error as exc:
        if _is_damage(exc):
            raise _damaged(path, exc) from exc
        raise NetlensError(
            f"{path}: a DuckDB file, but not a netlens workspace — it is left as it is"
        ) from exc
    version = int(row[0]) if row and str(row[0]).isdigit() else None
    if version is None:
        raise NetlensError(f"{path}: the workspace has no schema version — it is left as it is")
    if version > SCHEMA_VERSION:
        raise NetlensError(
            f"{path}: made by a newer netlens (workspace version {version}; this netlens "
            f"{__version__} reads up to {SCHEMA_VERSION}) — upgrade netlens to use it"
        )


def classifier_fingerprint() -> str:
    """A digest of the industry classifier (its code and keyword tables): the industries a
    workspace stores hold only for the classifier that inferred them."""
    import hashlib

    import netlens.classify

    digest = hashlib.sha256()
    code = Path(netlens.classify.__file__).parent
    tables = Path(netlens.__file__).parent / "data" / "classify"
    for folder, pattern in ((code, "*.py"), (tables, "*.csv")):
        for file in sorted(folder.glob(pattern)):
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def classifier_matches(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the workspace's industries come from this netlens' classifier."""
    found = con.execute("SELECT value FROM meta WHERE key = 'classifier'").fetchall()
    return bool(found) and found[0][0] == classifier_fingerprint()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@contextlib.contextmanager
def damage_as_error(path: str | os.PathLike[str]) -> Iterator[None]:
    """DuckDB's errors on a damaged file met while the block reads or writes the workspace
    at ``path``, as a NetlensError that says so (DuckDB reads a damaged block only when a
    query reaches it, long after the file was opened)."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        found = _io_error(path, exc)
        if found:
            raise found from exc
        raise


def reports_damage(func: Callable[..., T]) -> Callable[..., T]:
    """``func(path, …)``, a function that opens the workspace at ``path``, with
    :func:`damage_as_error` around it."""

    @functools.wraps(func)
    def wrapper(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> T:
        with damage_as_error(path):
            return func(path, *args, **kwargs)

    return wrapper


def _damaged(path: str | os.PathLike[str], exc: BaseException) -> NetlensError:
    return NetlensError(
        f"{path}: the workspace file is damaged ({_first_line(exc)}) — it is left as it is; "
        "add the exports to a new workspace file"
    )


def _io_error(path: str | os.PathLike[str], exc: BaseException) -> NetlensError | None:
    """The NetlensError for DuckDB failing to read or write the file at ``path``: a full
    disk, a place netlens may not write to, a damaged file; None for any other error."""
    text = str(exc).lower()
    if "no space left on device" in text or "disk quota exceeded" in text:
        return NetlensError(
            f"{path}: the disk is full ({_first_line(exc)}) — free some space and try "
            "again; what the workspace held is kept"
        )
    if "read-only file system" in text or "permission denied" in text:
        return NetlensError(
            f"{path}: netlens is not allowed to use this file or its folder "
            f"({_first_line(exc)}) — check their permissions, or choose a folder you can "
            "write to"
        )
    # Another database's file: DuckDB asks for its reader, an extension netlens never loads
    # ("Extension … not found … Install it first"; the path may hold any word).
    if "install it first" in text or "is an existing extension" in text:
        return NetlensError(
            f"{path}: not a netlens workspace (a database file of another kind) — it is left "
            "as it is; add the exports to a new workspace file"
        )
    return _damaged(path, exc) if _is_damage(exc) else None


def _is_damage(exc: BaseException) -> bool:
    import duckdb

    return isinstance(exc, duckdb.IOException | duckdb.SerializationException) or (
        "corrupt" in str(exc).lower()
    )


def _is_locked(exc: BaseException) -> bool:
    """DuckDB's "Could not set lock on file …: Conflicting lock is held", not any message
    that holds the letters (a damaged *block* is no lock)."""
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text
