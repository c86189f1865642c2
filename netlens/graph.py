"""From loaded exports to one networkx graph: people as nodes, known ties as edges.

One export shows its owner's ties only: a star around the owner. Several exports — a team
pooling theirs (``--with``) — are merged by normalised profile URL, with the name as
fallback (a person an older export knows by name only joins the node that has that name,
when the name is unique); each export's owner joins the node the other exports know them
by. An edges file (``--edges``) adds ties between people known from elsewhere. Hidden
members never appear: they are not in ``people``.

Node attributes: ``name``, ``url`` (empty when unknown), ``company``, ``position``,
``owner`` (whether the node is one of the exports' owners), ``known_by`` (how many of the
exports list them). Edge attributes: ``strength`` (the tie strength the owner of an export
has with that contact — the strongest where several exports know the tie), ``messages``,
``source`` (``export`` or ``edges file``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from netlens import collector
from netlens.errors import NetlensError
from netlens.folding import fold
from netlens.identity import GIVEN_TWICE, normalize_url, owner_node, require_owner
from netlens.model import Network

__all__ = ["Team", "build_team", "merge", "owner_node", "read_edges"]


@dataclass
class Team:
    """The merged graph, the node of each export's owner (the first export's first), and
    what could not be placed."""

    graph: nx.Graph
    owners: list[str]
    unresolved_edges: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def owner(self) -> str:
        return self.owners[0]


def build_team(
    networks: Sequence[Network],
    *,
    as_of: dt.date,
    edges: Iterable[tuple[str, str]] = (),
) -> Team:
    """Merge exports (and extra ties) into one graph; see the module docstring."""
    with collector.paused():
        return _build_team(networks, as_of=as_of, edges=edges)


def merge(
    network: Network,
    teammates: Sequence[Network] = (),
    *,
    edges: Iterable[tuple[str, str]] = (),
    as_of: dt.date | None = None,
) -> Team:
    """The owner's ``network`` merged with ``teammates``' exports and known ``edges``
    (pairs of profile URLs or names, :func:`read_edges`), each as it stood on ``as_of``
    (default: the owner's export's own date): the graph that :func:`netlens.reach` and
    :func:`netlens.intros` walk."""
    as_of = as_of or network.default_as_of()
    networks = [network.until(as_of), *(other.until(as_of) for other in teammates)]
    return build_team(networks, as_of=as_of, edges=edges)


def _build_team(
    networks: Sequence[Network],
    *,
    as_of: dt.date,
    edges: Iterable[tuple[str, str]],
) -> Team:
    from netlens.analyze.staleness import tie_figures

    # People and ties are gathered in plain dicts first (a person or a tie that several
    # exports list is merged there), then the graph is made of them in bulk.
    # Both dicts keep the order things were first met, and so does the graph: the order of
    # the outputs (reach's breadth-first tie-breaks, the map) follows it.
    nodes: dict[str, dict[str, Any]] = {}  # node → its attributes
    ties: dict[tuple[str, str], tuple[float, int]] = {}  # sorted pair → strength, messages
    owners = []
    notes = []
    for i, network in enumerate(networks):
        if i:
            require_owner(network, "merged as a teammate's")
        owner = owner_node(network)
        if owner.startswith("owner:") and len(networks) > 1:
            notes.append(
                f"{network.report.source}: the owner's profile URL is unknown, so other "
                "exports can only find them by name — pass --owner-url if they do not"
            )
        owners.append(owner)
        _note_person(nodes, owner, network.owner.name or "you", network.owner.url, "", "", True)
        strength, messages = tie_figures(network, as_of=as_of)
        people = network.people
        for pid, name, url, company, position in zip(
            people["person_id"].tolist(), people["name"].tolist(), people["url"].tolist(),
            people["company"].tolist(), people["position"].tolist(), strict=True,
        ):  # fmt: skip
            _note_person(nodes, pid, name, url, company, position, False)
            _note_tie(ties, owner, pid, strength.get(pid, 0.0), messages.get(pid, 0))
    graph = nx.Graph()
    # The nodes, then their attributes: add_nodes_from(nodes.items()) makes the same graph,
    # but slower (it takes each (node, attributes) pair through a caught TypeError).
    graph.add_nodes_from(nodes)
    for node, data in graph.nodes(data=True):
        data.update(nodes[node])
    del nodes  # the graph holds copies: free these before the ties' dicts are made
    graph.add_edges_from(
        (a, b, {"strength": s, "messages": m, "source": "export"})
        for (a, b), (s, m) in ties.items()
    )
    merged = _merge_name_only_nodes(graph)
    owners = [merged.get(owner, owner) for owner in owners]
    for owner in owners:
        graph.nodes[owner]["owner"] = True
    if len(set(owners)) < len(owners):
        raise NetlensError(GIVEN_TWICE)
    unresolved = 0
    names = _name_index(graph)
    for left, right in edges:
        a, b = _place(graph, names, left), _place(graph, names, right)
        if a is None or b is None or a == b:
            unresolved += 1
            continue
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, strength=0.0, messages=0, source="edges file")
    return Team(graph=graph, owners=owners, unresolved_edges=unresolved, notes=notes)


def _note_person(
    nodes: dict[str, dict[str, Any]],
    node: str,
    name: str,
    url: Any,
    company: str,
    position: str,
    owner: bool,
) -> None:
    """Add a person to ``nodes`` (node id → attributes), or fill in what an earlier export
    left empty and count one more export that knows them."""
    url = "" if url is None or url != url else str(url)  # NaN-safe
    data = nodes.get(node)
    if data is not None:
        data["known_by"] += 0 if owner else 1
        for key, value in (("name", name), ("url", url), ("company", company),
                           ("position", position)):  # fmt: skip
            if value and not data[key]:
                data[key] = value
        data["owner"] = data["owner"] or owner
        return
    nodes[node] = {
        "name": name or "", "url": url, "company": company or "", "position": position or "",
        "owner": owner, "known_by": 0 if owner else 1,
    }  # fmt: skip


def _note_tie(
    ties: dict[tuple[str, str], tuple[float, int]],
    a: str,
    b: str,
    strength: float,
    messages: int,
) -> None:
    """Add the tie between ``a`` and ``b`` to ``ties`` (keyed by the sorted pair, so that
    either way round is the same tie), or keep the stronger figures of a tie already
    there."""
    pair = (a, b) if a <= b else (b, a)
    known = ties.get(pair)
    if known is not None:
        strength, messages = max(known[0], strength), max(known[1], messages)
    ties[pair] = (strength, messages)  # a tie already there keeps its place in the order


def _name_index(graph: nx.Graph) -> dict[str, str | None]:
    """Folded name → the one node with that name (None when several have it)."""
    index: dict[str, str | None] = {}
    for node, data in graph.nodes(data=True):
        key = fold(data["name"])
        if key:
            index[key] = None if key in index and index[key] != node else node
    return index


def _merge_name_only_nodes(graph: nx.Graph) -> dict[str, str]:
    """A node known by name only (``name:…`` / ``owner:…``) joins the node with a URL that
    has the same unique name. Returns {merged node → the node it joined}."""
    merged: dict[str, str] = {}
    name_only = [n for n in graph.nodes if n.startswith(("name:", "owner:"))]
    if not name_only:
        return merged
    by_url_name: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data["url"]:
            by_url_name.setdefault(fold(data["name"]), []).append(node)
    for node in name_only:
        key = fold(graph.nodes[node]["name"])
        targets = by_url_name.get(key, [])
        if len(targets) == 1:
            kept, gone = graph.nodes[targets[0]], dict(graph.nodes[node])
            nx.contracted_nodes(graph, targets[0], node, self_loops=False, copy=False)
            kept.pop("contraction", None)
            kept["known_by"] += gone["known_by"]
            kept["owner"] = kept["owner"] or gone["owner"]
            for key in ("company", "position"):
                kept[key] = kept[key] or gone[key]
            merged[node] = targets[0]
            for _, _, edge in graph.edges(targets[0], data=True):
                edge.pop("contraction", None)
    return merged


def _place(graph: nx.Graph, names: dict[str, str | None], ref: str) -> str | None:
    """The node an edges file means by ``ref`` — a profile URL (any spelling), a node id or
    a name — added to the graph when no export knows them: a tie to someone outside the
    exports still shows who reaches whom. None when ``ref`` is a name that several people
    share (which one is meant cannot be told) or names no one."""
    if ref in graph:
        return ref
    if "linkedin.com" in ref.lower():
        url = normalize_url(ref)
        if not url:
            return None
        if url not in graph:
            slug = url.rsplit("/", 1)[-1]
            graph.add_node(url, name=slug, url=url, company="", position="", owner=False,
                           known_by=0)  # fmt: skip
        return url
    key = fold(ref)
    if not key:
        return None
    if key in names:
        return names[key]  # None when ambiguous
    node = f"name:{key}"
    graph.add_node(node, name=ref.strip(), url="", company="", position="", owner=False,
                   known_by=0)  # fmt: skip
    names[key] = node
    return node


def read_edges(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """Pairs of people from a CSV of two columns (profile URLs or names); a header row is
    skipped when it does not look like people."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = [row for row in csv.reader(fh) if len(row) >= 2]
    except FileNotFoundError as exc:
        raise NetlensError(
            f"{path}: no such file — pass a CSV of two profile URLs or names per row"
        ) from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise NetlensError(f"{path}: cannot be read ({exc}) — save it as UTF-8 CSV") from exc
    pairs = [(row[0].strip(), row[1].strip()) for row in rows if row[0].strip() and row[1].strip()]
    if (
        pairs
        and not any("linkedin.com" in cell.lower() for cell in pairs[0])
        and fold(pairs[0][0])
        in {"source", "from", "a", "person", "person 1", "url", "profile url", "name"}
    ):
        pairs = pairs[1:]
    if not pairs:
        raise NetlensError(f"{path}: no pairs of people found — one tie per row: URL,URL")
    return pairs
