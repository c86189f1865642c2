"""The merged graph as a file for other tools: GEXF (Gephi), GraphML (Cytoscape, yEd) and
networkx's node-link JSON, each node carrying the figures ``netlens export`` promises."""

from __future__ import annotations

import datetime as dt
import io
import json

import networkx as nx

from netlens.graph import Team
from netlens.model import Network
from netlens.text import xml_safe

__all__ = ["GRAPH_FORMATS", "write_graph"]

GRAPH_FORMATS = ("gexf", "graphml", "json")


def write_graph(
    team: Team,
    fmt: str,
    *,
    network: Network,
    as_of: dt.date,
    months: int = 12,
    industry_map: dict[str, str] | None = None,
    redact: bool = False,
) -> bytes:
    """The merged graph as GEXF, GraphML or node-link JSON. Each node's ``label`` is the
    person's name (what Gephi, Cytoscape and yEd show), and it carries name, url, company,
    position, industry, function, seniority, degree (distance from the first owner; -1 when
    unreachable), community (Leiden, seeded, among the people with a known tie besides
    their tie to the first owner; -1 otherwise) and, for the contacts of ``network`` (the
    first owner's export), connected_on, last_contact (ISO dates, empty when none), tier
    and strength. With ``redact``, people appear by initials, without URL or position, and
    node ids are numbers. XML holds only the characters XML allows: others in a name become
    U+FFFD."""
    from netlens.analyze.staleness import relationships
    from netlens.wording import initials, iso_date

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}")
    graph = team.graph.copy()
    distance = nx.single_source_shortest_path_length(graph, team.owner)
    ties = relationships(network, as_of=as_of, months=months).set_index("person_id")
    community = _communities(graph, team.owner)
    classified = _classified(graph, network.until(as_of), industry_map)
    for node, data in graph.nodes(data=True):
        industry, function, seniority = classified[node]
        data.update(
            industry=industry, function=function, seniority=seniority,
            degree=distance.get(node, -1), community=community.get(node, -1),
            connected_on="", last_contact="", tier="", strength=0.0,
        )  # fmt: skip
        if node in ties.index:
            data["connected_on"] = iso_date(ties.at[node, "connected_on"]) or ""
            data["last_contact"] = iso_date(ties.at[node, "last_contact"]) or ""
            data["tier"] = str(ties.at[node, "tier"])
            data["strength"] = round(float(ties.at[node, "strength"]), 4)
        if redact and node != team.owner:  # teammates are third parties too
            data.update(name=initials(data["name"]), url="", position="")
        data["label"] = data["name"]
    if redact:
        graph = nx.convert_node_labels_to_integers(graph, label_attribute=None)
        graph = nx.relabel_nodes(graph, {n: f"p{n}" for n in graph}, copy=True)
    if fmt == "json":
        return json.dumps(
            nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=1
        ).encode()
    graph = _xml_safe(graph)
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer)
    else:
        nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def _classified(
    graph: nx.Graph, network: Network, industry_map: dict[str, str] | None
) -> dict[str, tuple[str, str, str]]:
    """Industry, function and seniority of every node: the contacts of ``network`` as
    ``netlens diversity`` classifies them (their colleagues in that network included), and
    everyone else together in the same way."""
    import pandas as pd

    from netlens.classify import classify_people

    def triples(people: pd.DataFrame) -> list[tuple[str, str, str]]:
        found = classify_people(people, industry_map=industry_map)
        return list(zip(found["industry"], found["function"], found["seniority"], strict=True))

    contacts = network.people
    known = dict(zip(contacts["person_id"], triples(contacts), strict=True))
    rest = [node for node in graph if node not in known]
    others = pd.DataFrame(
        {
            "company": [graph.nodes[node]["company"] for node in rest],
            "position": [graph.nodes[node]["position"] for node in rest],
        }
    )
    return {**known, **dict(zip(rest, triples(others), strict=True))}


def _communities(graph: nx.Graph, owner: str) -> dict[str, int]:
    """Node → Leiden community, among the people with a known tie besides their tie to
    the owner (a star around the owner has no communities to tell)."""
    from netlens.analyze.reach import communities

    among = ((a, b) for a, b in graph.edges() if owner not in (a, b))
    return {node: index for index, group in enumerate(communities(among)) for node in group}


def _xml_safe(graph: nx.Graph) -> nx.Graph:
    """``graph`` with every text (node ids, attribute values) as XML allows it."""
    for _, data in graph.nodes(data=True):
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = xml_safe(value)
    renamed = {node: xml_safe(node) for node in graph if xml_safe(node) != node}
    return nx.relabel_nodes(graph, renamed, copy=True) if renamed else graph
