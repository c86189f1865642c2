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
) -> bytes:
    """The merged graph as GEXF, GraphML or node-link JSON, each node carrying name, url,
    company, position, industry, function, seniority, degree (distance from the first
    owner; -1 when unreachable) and, for the contacts of ``network`` (the first owner's
    export), tier and strength. XML holds only the characters XML allows: others in a
    name become U+FFFD."""
    from netlens.analyze.staleness import relationships
    from netlens.classify import classify_company, classify_position

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}")
    graph = team.graph.copy()
    distance = nx.single_source_shortest_path_length(graph, team.owner)
    ties = relationships(network, as_of=as_of, months=months).set_index("person_id")
    for node, data in graph.nodes(data=True):
        industry = classify_company(data["company"], data["position"], industry_map=industry_map)
        function, seniority = classify_position(data["position"], data["company"])
        data.update(
            industry=industry.label, function=function, seniority=seniority,
            degree=distance.get(node, -1), tier="", strength=0.0,
        )  # fmt: skip
        if node in ties.index:
            data["tier"] = str(ties.at[node, "tier"])
            data["strength"] = round(float(ties.at[node, "strength"]), 4)
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


def _xml_safe(graph: nx.Graph) -> nx.Graph:
    """``graph`` with every text (node ids, attribute values) as XML allows it."""
    for _, data in graph.nodes(data=True):
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = xml_safe(value)
    renamed = {node: xml_safe(node) for node in graph if xml_safe(node) != node}
    return nx.relabel_nodes(graph, renamed, copy=True) if renamed else graph
