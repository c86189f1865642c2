"""Adding exports to a workspace: one member per export owner, the newest export kept."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netlens.errors import NetlensError
from netlens.folding import fold
from netlens.identity import GIVEN_TWICE, owner_node, require_owner
from netlens.workspace.schema import (
    classifier_fingerprint,
    classifier_matches,
    connect,
    damage_as_error,
    discard,
    reports_damage,
)

if TYPE_CHECKING:
    import duckdb

    from netlens.model import Network

__all__ = ["add", "add_network", "add_teammates", "adding", "connection_rows", "count_members"]

SHOWN_NAMES = 5  # of the people added or gone, in a diff


def add(
    path: str | os.PathLike[str],
    exports: Sequence[str | os.PathLike[str]],
    *,
    reading: Callable[[str], AbstractContextManager[Any]] | None = None,
) -> dict[str, Any]:
    """Read each export and add it to the workspace at ``path`` (made when missing), each
    in its own transaction: an export that cannot be read stops the run with NetlensError,
    and leaves the workspace as the exports before it made it.

    The result: ``workspace``, ``members`` (after), and ``added`` — per export ``source``,
    ``owner``, ``name``, ``status`` (``added``, ``replaced`` or ``skipped``), ``snapshot``,
    ``connections`` and, when replaced, ``diff`` (``added``/``removed`` counts and names).
    ``reading(export)``, when given, wraps the reading of each export (a status line)."""
    added = list(adding(path, exports, reading=reading))
    return {"workspace": str(path), "members": count_members(path), "added": added}


@reports_damage
def count_members(path: str | os.PathLike[str]) -> int:
    """How many members the workspace at ``path`` has."""
    con = connect(path)
    try:
        return con.execute("SELECT count(*) FROM exports").fetchall()[0][0]
    finally:
        con.close()


def adding(
    path: str | os.PathLike[str],
    exports: Sequence[str | os.PathLike[str]],
    *,
    reading: Callable[[str], AbstractContextManager[Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`add`, one export at a time: each export's result as soon as it is committed
    (``netlens team add`` prints a line for each while a long run goes on)."""
    import netlens

    new = not Path(path).exists()
    done = 0
    with damage_as_error(path):
        con = connect(path, create=True)
        try:
            for export in exports:
                try:
                    with reading(str(export)) if reading else nullcontext():
                        network = netlens.load(export)
                    result = add_network(con, network, source=str(export))
                except NetlensError as exc:
                    if done:
                        raise NetlensError(
                            f"{exc} (the {done} export(s) before it were added)"
                        ) from exc
                    raise
                done += 1
                yield result
        except BaseException:
            con.close()
            if new and not done:  # nothing was added: leave no empty workspace behind
                discard(path)
            raise
        con.close()


def add_network(con: duckdb.DuckDBPyConnection, network: Network, *, source: str) -> dict:
    """Add one loaded export to an open workspace, in one transaction (see :func:`add`)."""
    require_owner(network, "a member of a workspace")
    owner = owner_node(network)
    snapshot = _snapshot(network)
    result: dict[str, Any] = {
        "source": source,
        "owner": owner,
        "name": network.owner.name,
        "snapshot": snapshot.isoformat() if snapshot else None,
        "connections": len(network.people),
    }
    known = con.execute(
        "SELECT seq, snapshot, source FROM exports WHERE owner = ?", [owner]
    ).fetchall()
    known = known[0] if known else None
    if known and known[1] and snapshot and known[1] > snapshot:
        return {
            **result,
            "status": "skipped",
            "reason": f"the workspace holds a newer export of this person "
            f"({known[1].isoformat()}, {known[2]})",
            "newer_snapshot": known[1].isoformat(),
        }
    rows = connection_rows(network.people, owner, range(len(network.people)))
    inter = network.interactions
    interactions = pd.DataFrame(
        {
            "owner": owner,
            "person": inter["person"].astype(str).to_numpy(),
            "kind": inter["kind"].astype(str).to_numpy(),
            "date": inter["date"].to_numpy(),
            "direction": inter["direction"].astype(object).where(inter["direction"].notna(), None),
            "note": inter["note"].to_numpy(),
            "group": inter["group"].to_numpy(),
        }
    )
    con.execute("BEGIN")
    try:
        if known:
            before = con.execute(
                "SELECT person, name FROM connections WHERE owner = ?", [owner]
            ).fetchall()
            result["diff"] = _diff(dict(before), rows)
            con.execute("DELETE FROM connections WHERE owner = ?", [owner])
            con.execute("DELETE FROM interactions WHERE owner = ?", [owner])
            con.execute("DELETE FROM exports WHERE owner = ?", [owner])
            seq = known[0]
        else:
            seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM exports").fetchall()[0][0]
        con.execute(
            "INSERT INTO exports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                owner, seq, network.owner.name, network.owner.url,
                fold(network.owner.name or "you"), source, snapshot,
                dt.datetime.now(dt.UTC).replace(tzinfo=None), len(rows), len(interactions),
            ],
        )  # fmt: skip
        con.register("new_rows", rows)
        _number_nodes(con, owner)
        con.execute(
            "INSERT INTO connections SELECT r.*, o.id, p.id FROM new_rows r "
            "JOIN nodes o ON o.node = r.owner JOIN nodes p ON p.node = r.person"
        )
        _classify_new(con)
        con.unregister("new_rows")
        con.register("new_interactions", interactions)
        con.execute("INSERT INTO interactions SELECT * FROM new_interactions")
        con.unregister("new_interactions")
        con.execute("COMMIT")
    except BaseException:
        import duckdb

        # A COMMIT that failed (a full disk) has ended the transaction already: its error,
        # not ROLLBACK's "no transaction is active", is the one to tell.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    result["status"] = "replaced" if known else "added"
    return result


def add_teammates(con: duckdb.DuckDBPyConnection, teammates: Sequence[Network], *, me: str) -> None:
    """Add the exports of ``me``'s ``teammates`` (their connections: ``load(path,
    parts="connections")`` reads enough) to the empty workspace ``con`` at once, members in
    the order given, as :func:`netlens.merge` takes them: each must name its owner, and no
    one's export may come twice (``me``'s included). Nothing is skipped or replaced and no
    industry is inferred: :func:`~netlens.workspace.queries.reach` infers those it counts."""
    owners = []
    for network in teammates:
        require_owner(network, "merged as a teammate's")
        owners.append(owner_node(network))
    if len({me, *owners}) <= len(owners):
        raise NetlensError(GIVEN_TWICE)
    sizes = [len(network.people) for network in teammates]
    people = pd.concat([network.people for network in teammates], ignore_index=True)
    rows = connection_rows(
        people,
        np.repeat(np.array(owners, dtype=object), sizes),
        np.concatenate([np.arange(size) for size in sizes]),
    )
    ids, nodes = pd.factorize(pd.concat([pd.Series(owners, dtype=object), rows["person"]]))
    numbered = pd.DataFrame(
        {
            "id": np.arange(1, len(nodes) + 1),
            "node": nodes,
            "name_only": nodes.str.startswith(("name:", "owner:")),
        }
    )
    owner_ids, person_ids = ids[: len(owners)] + 1, ids[len(owners) :] + 1
    rows["owner_id"] = np.repeat(owner_ids, sizes)
    rows["person_id"] = person_ids
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    exports = pd.DataFrame(
        {
            "owner": owners,
            "seq": np.arange(1, len(owners) + 1),
            "name": [network.owner.name for network in teammates],
            "url": [network.owner.url for network in teammates],
            "name_key": [fold(network.owner.name or "you") for network in teammates],
            "source": [network.report.source for network in teammates],
            "snapshot": [_snapshot(network) for network in teammates],
            "added_at": now,
            "connections": sizes,
            "interactions": 0,
        }
    )
    for table, frame in (("nodes", numbered), ("exports", exports), ("connections", rows)):
        con.register("new_rows", frame)
        con.execute(f"INSERT INTO {table} SELECT * FROM new_rows")
        con.unregister("new_rows")


def connection_rows(people: pd.DataFrame, owner: Any, row: Any) -> pd.DataFrame:
    """The rows of the ``connections`` table (but the node numbers) for ``people``, a
    :attr:`Network.people` frame or several of them end to end: ``owner`` (one node id, or
    one per person) and ``row`` (each person's place in their export)."""
    return pd.DataFrame(
        {
            "owner": owner,
            "row": row,
            "person": people["person_id"].astype(str).to_numpy(),
            "name": people["name"].astype(str).to_numpy(),
            "url": people["url"].astype(object).where(people["url"].notna(), None).to_numpy(),
            "company": people["company"].astype(str).to_numpy(),
            "position": people["position"].astype(str).to_numpy(),
            "connected_on": people["connected_on"].to_numpy(),
            "name_key": people["name_key"].astype(str).to_numpy(),
        }
    )


def _number_nodes(con: duckdb.DuckDBPyConnection, owner: str) -> None:
    """Number the owner and the people of ``new_rows`` that ``nodes`` does not hold yet."""
    con.execute(
        "INSERT INTO nodes SELECT (SELECT coalesce(max(id), 0) FROM nodes) "
        "+ row_number() OVER (ORDER BY node), node, "
        "node LIKE 'name:%' OR node LIKE 'owner:%' FROM ("
        "SELECT DISTINCT person AS node FROM new_rows UNION SELECT $owner) "
        "WHERE node NOT IN (SELECT node FROM nodes)",
        {"owner": owner},
    )


def _classify_new(con: duckdb.DuckDBPyConnection) -> None:
    """Infer the industry of each (company, position) of ``new_rows`` not seen before —
    of every member's, when the stored ones come from another classifier."""
    from netlens.classify import industries_of

    if not classifier_matches(con):
        con.execute("DELETE FROM industries")
        con.execute("DELETE FROM meta WHERE key = 'classifier'")
        con.execute("INSERT INTO meta VALUES ('classifier', ?)", [classifier_fingerprint()])
        pairs = con.execute("SELECT DISTINCT company, position FROM connections").df()
        if not pairs.empty:
            pairs["industry"] = industries_of(zip(pairs["company"], pairs["position"], strict=True))
            con.register("all_industries", pairs)
            con.execute(
                "INSERT INTO industries SELECT company, position, industry FROM all_industries"
            )
            con.unregister("all_industries")
    pairs = con.execute(
        "SELECT DISTINCT company, position FROM new_rows "
        "WHERE (company, position) NOT IN (SELECT (company, position) FROM industries)"
    ).df()
    if pairs.empty:
        return
    pairs["industry"] = industries_of(zip(pairs["company"], pairs["position"], strict=True))
    con.register("new_industries", pairs)
    con.execute("INSERT INTO industries SELECT company, position, industry FROM new_industries")
    con.unregister("new_industries")


def _snapshot(network: Network) -> dt.date | None:
    """The date of the export: in its file name, else its newest record."""
    if not (network.report.export_date or network.report.newest_record):
        return None
    return dt.date.fromisoformat(network.default_as_of().isoformat())


def _diff(before: dict[str, str], rows: pd.DataFrame) -> dict[str, Any]:
    after = dict(zip(rows["person"], rows["name"], strict=True))
    added = [after[p] for p in after if p not in before]
    removed = [before[p] for p in before if p not in after]
    return {
        "added": len(added),
        "removed": len(removed),
        "added_names": sorted(added)[:SHOWN_NAMES],
        "removed_names": sorted(removed)[:SHOWN_NAMES],
    }
