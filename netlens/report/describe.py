"""Computing the review: every analyzer, once, on the network as it stood on a day.

:func:`describe` returns the analyzers' plain results in a :class:`Description` — numbers,
tables and names as the export has them. What they are called in the report, how they are
formatted and what of third parties is shown are for :mod:`netlens.report.sections` and
:mod:`netlens.report.redact`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netlens.analyze.diversity import diversity
from netlens.analyze.growth import growth
from netlens.analyze.habits import habits
from netlens.analyze.health import health
from netlens.analyze.reach import (
    communities,
    community_label,
    first_degree_reach,
    induced_edges,
    ordered_graph,
    reach,
)
from netlens.analyze.reengage import reengage
from netlens.analyze.staleness import relationships
from netlens.charts import DRAWN_GROUPS
from netlens.classify import classify_people

if TYPE_CHECKING:
    import pandas as pd

    from netlens.graph import Team
    from netlens.model import Network

__all__ = ["DIMENSIONS", "DRAWN_GROUPS", "MAX_DRAWN", "Description", "describe"]

DIMENSIONS = ("industry", "company", "function", "seniority")
MAX_DRAWN = 400  # contacts in the network drawing: more is a hairball, and slow to lay out


@dataclass
class Description:
    """The analyzers' results for one review, as they computed them.

    ``summary`` is :meth:`netlens.model.Network.summary` (``source`` the path as given);
    ``later`` counts the connections dated after ``as_of``, left out; ``people`` are the
    classified contacts, ``spread`` the diversity of each of :data:`DIMENSIONS`, ``ties``
    the relationships (:func:`netlens.analyze.staleness.relationships`), ``reached`` the
    reach, ``checkup`` the health, ``ranked`` the re-engage list. ``among`` is what the
    network drawing shows when ties among the contacts are known (see :func:`_among`),
    else None."""

    as_of: dt.date
    months: int
    summary: dict[str, Any]
    later: int
    grown: dict[str, Any]
    people: pd.DataFrame
    spread: dict[str, dict[str, Any]]
    ties: pd.DataFrame
    reached: dict[str, Any]
    among: dict[str, Any] | None
    checkup: dict[str, Any]
    ranked: dict[str, Any]
    messaging: dict[str, Any] | None = None  # message habits (netlens.analyze.habits)


def describe(
    network: Network,
    *,
    as_of: dt.date,
    months: int = 12,
    industry_map: dict[str, str] | None = None,
    team: Team | None = None,
    exports: int = 1,
    top: int = 15,
    tz: str | None = None,
) -> Description:
    """Every analyzer on ``network`` as it stood on ``as_of``. ``team`` is the merged graph
    of the owner's and teammates' exports (:func:`netlens.graph.build_team`), for reach
    beyond the first degree; ``exports`` says how many went into it. ``top`` is the length
    of the re-engage list; ``tz`` the time zone of the message habits."""
    listed = len(network.people)
    network = network.until(as_of)
    grown = growth(network, as_of=as_of)
    people = classify_people(network.people, industry_map=industry_map)
    spread = {by: diversity(people, by=by) for by in DIMENSIONS}
    ties = relationships(network, as_of=as_of, months=months)
    # One export alone needs no graph: beyond the first degree it knows nothing.
    reached = reach(team, exports=exports) if team else first_degree_reach(people)
    checkup = health(
        network, as_of=as_of, months=months, people=people, ties=ties, spread=spread, grown=grown
    )
    ranked = reengage(network, as_of=as_of, months=months, top=top, people=people, ties=ties)
    return Description(
        as_of=as_of,
        months=months,
        summary=network.summary(),
        later=listed - len(network.people),
        grown=grown,
        people=people,
        spread=spread,
        ties=ties,
        reached=reached,
        among=_among(team) if team is not None and reached["structure"] else None,
        checkup=checkup,
        ranked=ranked,
        messaging=habits(network, as_of=as_of, tz=tz),
    )


def _among(team: Team) -> dict[str, Any]:
    """The owner's best-connected contacts (at most :data:`MAX_DRAWN`) and the ties among
    them, in Leiden communities: ``edges`` as pairs of positions in the list of contacts,
    ``group`` the community of each (the largest :data:`DRAWN_GROUPS` first, the rest
    together), ``communities`` the label and size of those largest, ``rest`` how many
    contacts the others hold, ``teammates`` the position and name of each teammate drawn.
    No ties among them: no ``edges``, and nothing else."""
    graph, owner = team.graph, team.owner
    among = ordered_graph(induced_edges(graph, list(graph.neighbors(owner))))
    # The best-connected contacts, so the drawing shows the structure, not the fringe.
    kept = sorted(among.nodes, key=lambda n: (-among.degree(n), n))[:MAX_DRAWN]
    among = ordered_graph(induced_edges(among, kept))
    if not among.number_of_edges():
        return {"edges": []}
    groups = communities(among.edges())
    group_of = {n: min(i, DRAWN_GROUPS) for i, c in enumerate(groups) for n in c}
    nodes = list(among.nodes)
    position = {node: i for i, node in enumerate(nodes)}
    return {
        "edges": [[position[a], position[b]] for a, b in among.edges()],
        "group": [group_of[n] for n in nodes],
        "communities": [
            {"label": community_label(graph.nodes, community, graph.degree), "size": len(community)}
            for community in groups[:DRAWN_GROUPS]
        ],
        "rest": sum(len(c) for c in groups[DRAWN_GROUPS:]),
        "teammates": [
            [position[n], graph.nodes[n]["name"]] for n in nodes if graph.nodes[n].get("owner")
        ],
    }
