"""Questions asked of a workspace: its members, reach (SQL over the edge table), and the
teammates' exports as networks for the commands that walk a graph (intros, export).

:func:`reach` gives what :func:`netlens.reach` gives on :func:`netlens.merge` of the same
exports — the same merging rules (people by profile URL; a person known by name only joins
the one person with a URL and that name), the same breadth-first order for the tie-breaks —
but the degrees, bridges and redundancy are SQL over the whole team's edges, and only the
ties among the owner's own contacts come into Python (structure and communities).

One difference, in order only: where a person known by name only joins a person with a
URL, the graph lists the ties that come with them after all of that person's own (networkx
contracts the two nodes so), while the SQL keeps each tie where an export first lists it.
People met at the same step may then come in another order, and companies or industries
of equal size with them; every count is the same.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from netlens import collector
from netlens.errors import NetlensError
from netlens.folding import fold
from netlens.identity import GIVEN_TWICE, owner_node
from netlens.model import DIRECTIONS, INTERACTION_KINDS, LoadReport, Network, Owner
from netlens.workspace.schema import classifier_matches, connect, in_memory, reports_damage

if TYPE_CHECKING:
    import duckdb

__all__ = ["members", "reach", "reach_exports", "teammates"]

LONE_MEMBER_NOTE = (
    "The workspace holds no one else's ties to you or your contacts. To see who they can "
    "introduce you to, add teammates' exports to it (netlens team add WORKSPACE "
    "EXPORT…; each teammate downloads their own)."
)
ROWS = 100_000_000  # "seen": a place in the merge order, export by export, row by row
ORDER = 1_000_000_000_000  # > any "seen": a BFS place, then the place in that node's ties


@reports_damage
def members(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The ``netlens team list`` result: ``workspace`` and its ``members``, in the order
    they were first added."""
    con = connect(path)
    try:
        rows = con.execute(
            "SELECT owner, name, url, source, snapshot, added_at, connections, interactions "
            "FROM exports ORDER BY seq"
        ).fetchall()
        people = con.execute("SELECT count(DISTINCT person) FROM connections").fetchall()[0][0]
    finally:
        con.close()
    return {
        "workspace": str(path),
        "people": people,
        "members": [
            {
                "owner": owner, "name": name, "url": url, "source": source,
                "snapshot": snapshot.isoformat() if snapshot else None,
                "added_at": added.isoformat(timespec="seconds"),
                "connections": connections, "interactions": interactions,
            }
            for owner, name, url, source, snapshot, added, connections, interactions in rows
        ],
    }  # fmt: skip


@reports_damage
def reach(path: str | os.PathLike[str], network: Network, *, as_of: dt.date) -> dict[str, Any]:
    """The :func:`netlens.reach` result for ``network`` (as it stood on ``as_of``) merged
    with every other member of the workspace at ``path``, as of ``as_of``."""
    with collector.paused():
        con = connect(path)
        try:
            return _reach(con, network, as_of=as_of)
        finally:
            con.close()


def reach_exports(
    network: Network, teammates: Sequence[Network], *, as_of: dt.date
) -> dict[str, Any]:
    """``netlens.reach(netlens.merge(network, teammates, as_of=as_of))``, worked out as
    :func:`reach` works out a workspace's: the teammates (their connections are enough)
    in a workspace held in memory, then the same SQL (``netlens reach --with``). A
    teammate who joined after ``as_of`` adds nobody, where :func:`netlens.merge` says that
    ``as_of`` is before their first connection. Without teammates, the graph of
    ``network`` alone is walked, as :func:`netlens.reach` does."""
    from netlens.analyze.reach import ONE_EXPORT_NOTE
    from netlens.workspace.ingest import add_teammates

    if not teammates:  # nobody to merge: reach says what one export shows, not a workspace
        import netlens

        return netlens.reach(netlens.merge(network, as_of=as_of))
    mine = network.until(as_of)
    with collector.paused():
        con = in_memory()
        try:
            add_teammates(con, teammates, me=owner_node(mine))
            return _reach(con, mine, as_of=as_of, alone=ONE_EXPORT_NOTE)
        finally:
            con.close()


def _reach(
    con: duckdb.DuckDBPyConnection,
    network: Network,
    *,
    as_of: dt.date,
    alone: str = LONE_MEMBER_NOTE,
) -> dict:
    """The reach of ``network``'s owner over the workspace ``con``; ``alone``, the note when
    no one else's ties reach beyond the owner's own contacts."""
    from netlens.analyze.reach import (
        THIRD_DEGREE_NOTE,
        TOP_BRIDGES,
        company_reach,
        structure,
    )

    me = owner_node(network)
    sources = _merge_tables(con, network, me, as_of)
    exports = len(sources)
    q = con.execute
    owners = [
        row[0] for row in q("SELECT coalesce(target, node) FROM owners ORDER BY ord").fetchall()
    ]
    if len(set(owners)) < len(owners):
        raise NetlensError(GIVEN_TWICE)
    me = owners[0]
    q(
        "CREATE TEMP TABLE adj AS SELECT a AS u, b AS v, seen FROM edges "
        "UNION ALL SELECT b, a, seen FROM edges"
    )
    q(
        "CREATE TEMP TABLE l1 AS SELECT v AS node, row_number() OVER (ORDER BY seen) AS rank "
        "FROM adj WHERE u = $me",
        {"me": me},
    )
    _layer(con, "l2", "l1", ["l1"], me)
    counts = {d: q(f"SELECT count(*) FROM l{d}").fetchall()[0][0] for d in (1, 2)}
    beyond_star = q("SELECT count(*) FROM edges").fetchall()[0][0] > counts[1]
    if beyond_star:
        _layer(con, "l3", "l2", ["l1", "l2"], me)
        counts[3] = q("SELECT count(*) FROM l3").fetchall()[0][0]
    # As in netlens.reach: the third degree is seen through the export of a member at
    # distance 2 or 3; without one it is unknown, not 0.
    third_seen = beyond_star and (
        counts[3] > 0
        or q(
            "SELECT count(*) FROM l2 JOIN owners o ON l2.node = coalesce(o.target, o.node)"
        ).fetchall()[0][0]
        > 0
    )
    result: dict[str, Any] = {
        "exports": exports,
        "first_degree": counts[1],
        "second_degree": counts[2] if beyond_star else None,
        "third_degree": counts[3] if third_seen else None,
        "bridges": [],
        "redundancy": None,
        "companies_by_degree": {"1": company_reach(_companies(con, "l1"))},
        "industries_by_degree": {"1": _industries(con, "l1")},
        "unresolved_edges": 0,
        "notes": [
            f"{source}: the owner's profile URL is unknown, so other exports can only find "
            "them by name — pass --owner-url if they do not"
            for node, source in sources
            if node.startswith("owner:") and exports > 1
        ],
        "structure": None,
        "communities": [],
    }
    if not beyond_star:
        result["notes"].append(alone)
        return result
    q(
        "CREATE TEMP TABLE through AS SELECT l2.node AS node, a.v AS contact, "
        "count(*) OVER (PARTITION BY l2.node) AS n "
        "FROM l2 JOIN adj a ON a.u = l2.node JOIN l1 ON l1.node = a.v"
    )
    bridges = q(
        "SELECT t.contact, n.name, n.url, n.company, count(*) AS reach, "
        "count(*) FILTER (WHERE t.n = 1) AS unique_reach "
        "FROM through t JOIN attrs n ON n.node = t.contact "
        "GROUP BY t.contact, n.name, n.url, n.company "
        "ORDER BY reach DESC, unique_reach DESC, n.name LIMIT $top",
        {"top": TOP_BRIDGES},
    ).fetchall()
    result["bridges"] = [
        {"name": name, "url": url or None, "company": company, "reach": r, "unique_reach": u}
        for _, name, url, company, r, u in bridges
    ]
    shared = q("SELECT count(DISTINCT node) FROM through WHERE n >= 2").fetchall()[0][0]
    result["redundancy"] = shared / counts[2] if counts[2] else 0.0
    for d in ("2", "3") if third_seen else ("2",):
        result["companies_by_degree"][d] = company_reach(_companies(con, f"l{d}"))
        result["industries_by_degree"][d] = _industries(con, f"l{d}")
    if not third_seen:
        result["notes"].append(THIRD_DEGREE_NOTE)
    result["structure"], result["communities"] = _circle(con, structure)
    return result


def _layer(
    con: duckdb.DuckDBPyConnection, layer: str, previous: str, earlier: list[str], me: int
) -> None:
    """The next breadth-first layer, each node ranked where the search meets it first: by
    the rank of the first node before it that has a tie to it, then that tie's place."""
    excluded = " ".join(f"AND a.v NOT IN (SELECT node FROM {e})" for e in earlier)
    con.execute(
        f"CREATE TEMP TABLE {layer} AS SELECT node, row_number() OVER (ORDER BY k) AS rank "
        f"FROM (SELECT a.v AS node, min(CAST(p.rank AS HUGEINT) * {ORDER} + a.seen) AS k "
        f"FROM {previous} p JOIN adj a ON a.u = p.node WHERE a.v <> $me {excluded} "
        "GROUP BY a.v)",
        {"me": me},
    )


def _merge_tables(
    con: duckdb.DuckDBPyConnection, network: Network, me: str, as_of: dt.date
) -> list[tuple[str, str]]:
    """Temporary tables of the merged team, nodes as numbers (``ids``: the workspace's
    ``nodes``, and numbers for the people only ``network`` knows): ``owners`` (each
    export's owner node and the node it merged into), ``edges`` (a, b, seen: the ties, each
    pair once, a < b, and where it was first met), ``attrs`` (each node's name, url,
    company, position, industry when known, owner flag).
    Returns each export's (owner node, source), the given network's first."""
    people = network.people
    mine = pd.DataFrame(
        {
            "row": range(len(people)),
            "person": people["person_id"].astype(str).to_numpy(),
            "name": people["name"].astype(str).to_numpy(),
            "url": people["url"].astype(object).where(people["url"].notna(), "").to_numpy(),
            "company": people["company"].astype(str).to_numpy(),
            "position": people["position"].astype(str).to_numpy(),
            "name_key": people["name_key"].astype(str).to_numpy(),
        }
    )
    con.register("mine", mine)
    q = con.execute
    q(
        "CREATE TEMP TABLE new_ids AS SELECT (SELECT coalesce(max(id), 0) FROM nodes) "
        "+ row_number() OVER (ORDER BY node) AS id, node, "
        "node LIKE 'name:%' OR node LIKE 'owner:%' AS name_only FROM ("
        "SELECT DISTINCT person AS node FROM mine UNION SELECT $me) "
        "WHERE node NOT IN (SELECT node FROM nodes)",
        {"me": me},
    )
    q("CREATE TEMP VIEW ids AS SELECT * FROM nodes UNION ALL SELECT * FROM new_ids")
    q(
        "CREATE TEMP TABLE members AS SELECT row_number() OVER (ORDER BY seq) AS ord, owner, "
        "coalesce(nullif(name, ''), 'you') AS name, coalesce(url, '') AS url, name_key, source "
        "FROM exports WHERE owner <> $me",
        {"me": me},
    )
    q(
        "INSERT INTO members VALUES (0, $me, $name, $url, $key, $source)",
        {
            "me": me, "name": network.owner.name or "you", "url": network.owner.url or "",
            "key": fold(network.owner.name or "you"), "source": network.report.source,
        },
    )  # fmt: skip
    q(
        "CREATE TEMP TABLE member_ids AS "
        "SELECT m.*, i.id FROM members m JOIN ids i ON i.node = m.owner"
    )
    q(
        "CREATE TEMP TABLE mine_rows AS SELECT CAST(r.row AS BIGINT) AS seen, o.id AS owner, "
        "p.id AS person, r.name, r.url, r.company, r.position, r.name_key "
        "FROM mine r JOIN ids p ON p.node = r.person, (SELECT id FROM member_ids WHERE ord = 0) o"
    )
    con.unregister("mine")
    # Every connection in merge order: a view, read once for the people and once for the
    # ties, not a copy of the whole team's texts. (A view takes no parameters: the date is
    # written out, from a date.)
    end = (as_of + dt.timedelta(days=1)).isoformat()
    q(
        "CREATE TEMP VIEW raw AS SELECT * FROM mine_rows "
        f"UNION ALL SELECT m.ord * {ROWS} + c.row, c.owner_id, c.person_id, c.name, "
        "coalesce(c.url, ''), c.company, c.position, c.name_key "
        "FROM connections c JOIN member_ids m ON m.id = c.owner_id AND m.ord > 0 "
        f"WHERE c.connected_on IS NULL OR c.connected_on < DATE '{end}'"
    )
    # Every mention of a node in merge order: each export's owner, then its people.
    q(
        f"CREATE TEMP VIEW mentions AS SELECT ord * {ROWS} - 1 AS seen, id AS node, name, "
        "url, '' AS company, '' AS position, name_key, true AS is_owner FROM member_ids "
        "UNION ALL SELECT seen, person, name, url, company, position, name_key, false FROM raw"
    )
    # A node's attributes: the first non-empty of each, in merge order.
    q(
        "CREATE TEMP TABLE nattrs AS SELECT node, "
        "coalesce(arg_min(name, seen) FILTER (WHERE name <> ''), '') AS name, "
        "coalesce(arg_min(name_key, seen) FILTER (WHERE name <> ''), '') AS name_key, "
        "coalesce(arg_min(url, seen) FILTER (WHERE url <> ''), '') AS url, "
        "coalesce(arg_min(company, seen) FILTER (WHERE company <> ''), '') AS company, "
        "coalesce(arg_min(position, seen) FILTER (WHERE position <> ''), '') AS position, "
        "bool_or(is_owner) AS is_owner, min(seen) AS seen FROM mentions GROUP BY node"
    )
    # A node known by name only joins the one node with a URL and the same name.
    q(
        "CREATE TEMP TABLE merged AS SELECT n.node, u.target FROM nattrs n "
        "JOIN ids i ON i.id = n.node AND i.name_only JOIN ("
        "SELECT name_key, any_value(node) AS target FROM nattrs WHERE url <> '' "
        "GROUP BY name_key HAVING count(*) = 1) u USING (name_key)"
    )
    q(
        "CREATE TEMP TABLE owners AS SELECT m.ord, m.owner, m.id AS node, g.target, m.source "
        "FROM member_ids m LEFT JOIN merged g ON g.node = m.id"
    )
    q(
        "CREATE TEMP TABLE edges AS "
        "SELECT least(a, b) AS a, greatest(a, b) AS b, min(seen) AS seen FROM ("
        "SELECT coalesce(go.target, r.owner) AS a, coalesce(gp.target, r.person) AS b, r.seen "
        "FROM raw r LEFT JOIN merged go ON go.node = r.owner "
        "LEFT JOIN merged gp ON gp.node = r.person) WHERE a <> b GROUP BY 1, 2"
    )
    # Merged nodes: the kept node's name and URL; company and position filled in; the
    # industries stored, unless another classifier inferred them.
    industries = "industries" if classifier_matches(con) else "(FROM industries LIMIT 0)"
    # Only a node that others merged into is grouped again, with them: its own name and
    # URL, the first company and position its mentions give.
    columns = "n.name, n.url, n.company, n.position, n.is_owner, n.seen"
    q(
        "CREATE TEMP TABLE attrs AS SELECT a.*, i.industry FROM ("
        "SELECT node, name, url, company, position, is_owner FROM nattrs "
        "WHERE node NOT IN (SELECT node FROM merged) AND node NOT IN (SELECT target FROM merged) "
        "UNION ALL SELECT target, arg_min(name, other), arg_min(url, other), "
        f"coalesce(arg_min(company, other * {ORDER} + seen) FILTER (WHERE company <> ''), ''), "
        f"coalesce(arg_min(position, other * {ORDER} + seen) FILTER (WHERE position <> ''), ''), "
        f"bool_or(is_owner) FROM (SELECT g.target, 1 AS other, {columns} FROM nattrs n "
        "JOIN merged g ON g.node = n.node "
        f"UNION ALL SELECT n.node, 0, {columns} FROM nattrs n "
        "WHERE n.node IN (SELECT target FROM merged)) GROUP BY target) a "
        f"LEFT JOIN {industries} i ON i.company = a.company AND i.position = a.position"
    )
    return [
        (owner, source)
        for owner, source in q("SELECT owner, source FROM owners ORDER BY ord").fetchall()
    ]


def _companies(con: duckdb.DuckDBPyConnection, layer: str) -> list[tuple[str, int]]:
    """(company, people) of a layer, in the order the breadth-first search meets them."""
    return [
        (company, n)
        for company, n in con.execute(
            f"SELECT a.company, count(*) FROM {layer} l JOIN attrs a USING (node) "
            "GROUP BY a.company ORDER BY min(l.rank)"
        ).fetchall()
    ]


def _industries(con: duckdb.DuckDBPyConnection, layer: str) -> dict[str, int]:
    """People per inferred industry in a layer, largest first, ties in the order the
    breadth-first search meets them (as :func:`netlens.analyze.reach.industry_reach`):
    the industries worked out when the exports were added, the rest here."""
    from netlens.classify import industries_of

    found: dict[str, list[int]] = {}  # industry → [people, first place met]
    rows = con.execute(
        f"SELECT a.industry, NULL, NULL, count(*), min(l.rank) FROM {layer} l "
        "JOIN attrs a USING (node) WHERE a.industry IS NOT NULL GROUP BY a.industry "
        f"UNION ALL SELECT NULL, a.company, a.position, count(*), min(l.rank) FROM {layer} l "
        "JOIN attrs a USING (node) WHERE a.industry IS NULL GROUP BY a.company, a.position"
    ).fetchall()
    inferred = iter(industries_of((c, p) for stored, c, p, _, _ in rows if stored is None))
    for industry, _, _, n, first in rows:
        if industry is None:
            industry = next(inferred)
        known = found.setdefault(industry, [0, first])
        known[0] += n
        known[1] = min(known[1], first)
    ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[1][1]))
    return {industry: n for industry, (n, _) in ranked}


def _circle(con: duckdb.DuckDBPyConnection, structure: Any) -> tuple[Any, list]:
    """Structure and communities of the owner's circle, from the ties among the owner's
    contacts (layer ``l1``) alone."""
    q = con.execute
    q(
        "CREATE TEMP TABLE circle AS SELECT l.node AS id, i.node, a.name, a.company, "
        "a.is_owner FROM l1 l JOIN ids i ON i.id = l.node JOIN attrs a ON a.node = l.node"
    )
    names, nodes = {}, {}
    for ident, node, name, company, is_owner in q(
        "SELECT id, node, name, company, is_owner FROM circle"
    ).fetchall():
        names[ident] = node
        nodes[node] = {"name": name, "company": company, "owner": is_owner}
    among = [
        (names[a], names[b])
        for a, b in q(
            "SELECT a, b FROM edges WHERE a IN (SELECT id FROM circle) "
            "AND b IN (SELECT id FROM circle)"
        ).fetchall()
    ]
    degree = {
        names[ident]: n
        for ident, n in q(
            "SELECT u, count(*) FROM adj WHERE u IN (SELECT id FROM circle WHERE is_owner) "
            "GROUP BY u"
        ).fetchall()
    }
    return structure(list(nodes), among, nodes, lambda node: degree.get(node, 0))


@reports_damage
def teammates(
    path: str | os.PathLike[str], network: Network, *, interactions: str = "all"
) -> list[Network]:
    """Every member of the workspace but ``network``'s owner, as networks for
    :func:`netlens.merge`. ``interactions``: ``all``, or ``first hop`` — only for the
    members with a tie to ``network``'s owner, whose strength orders the paths of
    :func:`netlens.intros`; the others' interactions are their connections alone."""
    if interactions not in ("all", "first hop"):
        raise ValueError(f"interactions must be 'all' or 'first hop', not {interactions!r}")
    me = owner_node(network)
    con = connect(path)
    try:
        exports = con.execute(
            "SELECT owner, name, url, source FROM exports WHERE owner <> ? ORDER BY seq", [me]
        ).fetchall()
        people = con.execute(
            "SELECT owner, person AS person_id, name, url, company, position, connected_on, "
            'name_key FROM connections WHERE owner <> ? ORDER BY owner, "row"',
            [me],
        ).df()
        if interactions == "all":
            wanted = [owner for owner, *_ in exports]
        else:
            contacts = set(network.people["person_id"])
            listing_me = {
                row[0]
                for row in con.execute(
                    "SELECT DISTINCT owner FROM connections WHERE person = ?", [me]
                ).fetchall()
            }
            wanted = [o for o, *_ in exports if o in contacts or o in listing_me]
        inter = con.execute(
            'SELECT owner, person, kind, date, direction, note, "group" FROM interactions '
            "WHERE owner IN (SELECT unnest($wanted::VARCHAR[]))",
            {"wanted": wanted},
        ).df()
    finally:
        con.close()
    by_owner = dict(iter(people.groupby("owner", sort=False)))
    inter_by_owner = dict(iter(inter.groupby("owner", sort=False)))
    found = []
    for owner, name, url, source in exports:
        rows = by_owner.get(owner, people.iloc[:0]).drop(columns="owner").reset_index(drop=True)
        rows["url"] = rows["url"].where(rows["url"].notna(), None)
        rows["connected_on"] = rows["connected_on"].astype("datetime64[ns]")
        if owner in inter_by_owner:
            frame = inter_by_owner[owner].drop(columns="owner").reset_index(drop=True)
        else:
            frame = pd.DataFrame(
                {
                    "person": rows["person_id"],
                    "kind": "connection",
                    "date": rows["connected_on"],
                    "direction": None,
                    "note": False,
                    "group": False,
                }
            )
        frame["kind"] = pd.Categorical(frame["kind"], categories=INTERACTION_KINDS)
        frame["direction"] = pd.Categorical(frame["direction"], categories=DIRECTIONS)
        frame["date"] = frame["date"].astype("datetime64[ns]")
        dates = rows["connected_on"].dropna()
        report = LoadReport(
            source=source,
            connections=len(rows),
            first_connected=dates.min().date().isoformat() if len(dates) else None,
            last_connected=dates.max().date().isoformat() if len(dates) else None,
        )
        found.append(
            Network(
                owner=Owner(name=name, url=url, found_by="workspace"),
                people=rows,
                interactions=frame,
                report=report,
                connection_dates=rows["connected_on"],
            )
        )
    return found
