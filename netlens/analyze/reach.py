"""How far the network reaches: first, second and third degree, bridges, redundancy,
structural holes and communities.

One export shows only the first degree: beyond it the export says nothing, so second and
third degree are ``None`` — never an estimate dressed as a measurement. Merged with
teammates' exports or an edges file (see :mod:`netlens.graph`), the degrees are the counts
of people at distance exactly 1, 2 and 3 from the owner (one breadth-first search).

- **Bridges**: first-degree contacts through whom second-degree people are reachable —
  ``reach`` counts them, ``unique_reach`` those reachable through that contact only.
- **Redundancy**: the share of second-degree people reachable through two or more contacts.
- **Structural holes** of the owner's ego network (Burt 1992), when ties among contacts
  are known: effective size (the number of contacts minus their average ties to each
  other), efficiency (effective size ÷ contacts) and constraint (how much the owner's ties
  lead to the same people; low is brokerage).
- **Local bridges**: ties to contacts who know none of your other contacts (Granovetter
  1973).
- **Communities** among the contacts: Leiden (Traag et al. 2019), maximising modularity as
  Louvain does (Blondel et al. 2008) but with every community well connected, with a fixed
  seed; each labelled by its most common company.
- **Company and industry reach by degree**: distinct companies and people per inferred
  industry at each distance.

References: Burt, R. S. (1992). *Structural Holes*. Harvard University Press. Blondel, V.
D. et al. (2008). Fast unfolding of communities in large networks. *J. Stat. Mech.* P10008.
Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing
well-connected communities. *Scientific Reports* 9, 5233.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from netlens import collector
from netlens.classify import company_key, industries_of, is_placeholder
from netlens.folding import fold_all

if TYPE_CHECKING:
    import networkx as nx

    from netlens.graph import Team

# networkx is imported by the functions that need it: a report on one export alone uses
# only first_degree_reach, and need not pay for importing it.

__all__ = [
    "communities", "community_label", "company_reach", "constraint", "first_degree_reach",
    "induced_edges", "industry_reach", "numbered", "ordered_graph", "reach", "structure",
    "structure_is_telling",
]  # fmt: skip

TOP_BRIDGES = 10
TOP_COMPANIES = 10
COMMUNITY_SEED = 42
MIN_COMMUNITY = 3
MIN_KNOWN_SHARE = 0.5  # of contacts with a known tie to another, for Burt's measures to tell
ONE_EXPORT_NOTE = (
    "One export shows only your own connections. To see who they can introduce you to, "
    "merge teammates' exports with --with (each teammate downloads their own), or pass known "
    "ties between people with --edges ties.csv."
)
THIRD_DEGREE_NOTE = (
    "Third degree: unknown, not zero. The merged exports show your contacts' contacts, but "
    "not who those people know: that takes the export of someone who is not your own "
    "contact, or an edges file with their ties."
)


def reach(team: Team, *, exports: int | None = None, top: int = TOP_BRIDGES) -> dict[str, Any]:
    """The ``netlens reach`` result for the first owner of ``team``
    (:func:`netlens.merge`); ``exports`` is how many were merged (by default, one per
    owner in the team)."""
    with collector.paused():
        return _reach(team, exports=len(team.owners) if exports is None else exports, top=top)


def _reach(team: Team, *, exports: int, top: int) -> dict[str, Any]:
    graph, owner = team.graph, team.owner
    import networkx as nx

    distance = nx.single_source_shortest_path_length(graph, owner, cutoff=3)
    layers = {d: [n for n, dd in distance.items() if dd == d] for d in (1, 2, 3)}
    beyond_star = graph.number_of_edges() > graph.degree(owner)
    # The third degree is seen only through the ties of someone at distance 2: the export
    # of a teammate who is not your contact, or an edges file's tie from such a person to
    # someone further. Without either it is not 0: unknown.
    third_seen = beyond_star and (bool(layers[3]) or any(node in team.owners for node in layers[2]))
    result: dict[str, Any] = {
        "exports": exports,
        "first_degree": len(layers[1]),
        "second_degree": len(layers[2]) if beyond_star else None,
        "third_degree": len(layers[3]) if third_seen else None,
        "bridges": [],
        "redundancy": None,
        "companies_by_degree": {"1": _companies(graph, layers[1])},
        "industries_by_degree": {"1": _industries(graph, layers[1])},
        "unresolved_edges": team.unresolved_edges,
        "notes": list(team.notes),
        "structure": None,
        "communities": [],
    }
    if not beyond_star:
        result["notes"].append(ONE_EXPORT_NOTE)
        return result

    through: dict[str, list[str]] = {}
    first = set(layers[1])
    for node in layers[2]:
        through[node] = [m for m in graph.neighbors(node) if m in first]
    counts = Counter(m for contacts in through.values() for m in contacts)
    unique = Counter(contacts[0] for contacts in through.values() if len(contacts) == 1)
    ranked = sorted(counts, key=lambda m: (-counts[m], -unique[m], graph.nodes[m]["name"]))
    result["bridges"] = [
        {
            "name": graph.nodes[m]["name"],
            "url": graph.nodes[m]["url"] or None,
            "company": graph.nodes[m]["company"],
            "reach": counts[m],
            "unique_reach": unique[m],
        }
        for m in ranked[:top]
    ]
    second = len(layers[2])
    result["redundancy"] = (
        sum(1 for contacts in through.values() if len(contacts) >= 2) / second if second else 0.0
    )
    result["companies_by_degree"]["2"] = _companies(graph, layers[2])
    result["industries_by_degree"]["2"] = _industries(graph, layers[2])
    if third_seen:
        result["companies_by_degree"]["3"] = _companies(graph, layers[3])
        result["industries_by_degree"]["3"] = _industries(graph, layers[3])
    else:
        result["notes"].append(THIRD_DEGREE_NOTE)
    result["structure"], result["communities"] = structure(
        layers[1], induced_edges(graph, layers[1]), graph.nodes, graph.degree
    )
    return result


def first_degree_reach(people: pd.DataFrame) -> dict[str, Any]:
    """The :func:`reach` result for one export alone, without building a graph: the first
    degree, its companies and industries, and ``None`` for everything beyond. ``people`` is
    classified (:func:`netlens.classify.classify_people`)."""
    # As in the graph: companies by normalised key, each under its most common spelling,
    # the largest first, ties in order of appearance.
    placed = people[(people["company_key"] != "")]
    spellings = placed.groupby(["company_key", "company"], sort=False).size()
    size = spellings.groupby(level=0, sort=False).sum()
    name = spellings.groupby(level=0, sort=False).idxmax().str[1]
    by_key = pd.DataFrame({"size": size, "name": name})
    ranked = by_key.sort_values("size", ascending=False, kind="stable")
    return {
        "exports": 1,
        "first_degree": len(people),
        "second_degree": None,
        "third_degree": None,
        "bridges": [],
        "redundancy": None,
        "companies_by_degree": {
            "1": {
                "distinct": len(by_key),
                "top": [
                    {"company": name, "people": int(n)}
                    for n, name in ranked.head(TOP_COMPANIES).itertuples(index=False)
                ],
            }
        },
        "industries_by_degree": {"1": people["industry"].value_counts().to_dict()},
        "unresolved_edges": 0,
        "notes": [ONE_EXPORT_NOTE],
        "structure": None,
        "communities": [],
    }


def _companies(graph: nx.Graph, nodes: list[str]) -> dict[str, Any]:
    return company_reach(Counter(graph.nodes[node]["company"] for node in nodes).items())


def company_reach(counts: Iterable[tuple[str, int]]) -> dict[str, Any]:
    """Distinct companies and the largest, from (company as written, people) pairs in the
    order the people were met: companies by normalised key, each under its most common
    spelling; ties in the order met."""
    counts = list(counts)
    fold_all([company for company, _ in counts])  # folded together, found below
    names: dict[str, Counter[str]] = {}
    for company, n in counts:
        if not company or is_placeholder(company):
            continue
        key = company_key(company)
        if key not in names:
            names[key] = Counter()
        names[key][company] += n
    ranked = sorted(names.values(), key=lambda c: -sum(c.values()))
    return {
        "distinct": len(names),
        "top": [
            {"company": spelled.most_common(1)[0][0], "people": sum(spelled.values())}
            for spelled in ranked[:TOP_COMPANIES]
        ],
    }


def structure_is_telling(structure: dict[str, Any] | None) -> bool:
    """Whether Burt's measures say something: ties among contacts are known for at least
    half of them. Exports show only the ties of the people who exported; a contact whose
    ties are unknown looks like a local bridge, and the owner like a broker, only because
    of what is missing."""
    if not structure:
        return False
    known = structure["contacts"] - structure["local_bridges"]
    return known >= structure["contacts"] * MIN_KNOWN_SHARE


def constraint(contacts: Collection[str], among: Iterable[tuple[str, str]]) -> float:
    """Burt's constraint of the owner of an unweighted ego network, from the owner's
    ``contacts`` and the ties ``among`` them:
    Σ_j (p_ij + Σ_q p_iq · p_qj)² over the contacts j, with p_xy = 1 / degree(x) in the ego
    network — ``networkx.constraint`` on that network, in time linear in its ties
    (networkx's general version takes minutes on a 2,000-contact ego network)."""
    return _constraint(len(contacts), *numbered(among))


def _constraint(contacts: int, nodes: list[str], low: Any, high: Any) -> float:
    """:func:`constraint` with the ties among ``contacts`` contacts as :func:`numbered`
    gives them. The sums run in that fixed order, so the value is the same to the last
    digit whatever order the ties came in."""
    import numpy as np

    if not contacts:
        return 0.0
    knowing = len(nodes)
    degree = np.bincount(low, minlength=knowing) + np.bincount(high, minlength=knowing) + 1
    share = 1.0 / degree  # + 1: every contact's tie to the owner
    indirect = np.bincount(low, weights=share[high], minlength=knowing) + np.bincount(
        high, weights=share[low], minlength=knowing
    )
    # p_ij = 1/n for each of the n contacts, Σ_q p_iq · p_qj = (1/n) · Σ_q 1/degree(q), and
    # a contact who knows no other contact adds (1/n)².
    return (float(np.sum((1.0 + indirect) ** 2)) + contacts - knowing) / contacts**2


def numbered(edges: Iterable[tuple[str, str]]) -> tuple[list[str], Any, Any]:
    """The nodes of ``edges`` in sorted order, and each edge once as two arrays of
    positions in them (the lower first), in sorted order: one order however the edges
    come, for sums and communities that do not change with it."""
    import numpy as np

    pairs = list(edges)
    nodes = sorted({node for pair in pairs for node in pair})
    position = {node: i for i, node in enumerate(nodes)}
    ends = np.fromiter(
        (position[node] for pair in pairs for node in pair), dtype=np.int64, count=2 * len(pairs)
    ).reshape(-1, 2)
    # Each edge as one number, lower end first: sorted and made unique in one pass.
    keys = np.unique(ends.min(axis=1) * len(nodes) + ends.max(axis=1))
    return nodes, keys // len(nodes), keys % len(nodes)


def _industries(graph: nx.Graph, nodes: list[str]) -> dict[str, int]:
    return industry_reach(
        Counter((graph.nodes[n]["company"], graph.nodes[n]["position"]) for n in nodes).items()
    )


def industry_reach(counts: Iterable[tuple[tuple[str, str], int]]) -> dict[str, int]:
    """People per inferred industry (``Unknown`` included), largest first (ties in the order
    met), from ((company, position), people) pairs in the order the people were met."""
    counts = list(counts)
    totals: Counter[str] = Counter()
    for label, (_, n) in zip(industries_of(pair for pair, _ in counts), counts, strict=True):
        totals[label] += n
    return dict(totals.most_common())


def induced_edges(graph: nx.Graph, nodes: list[str]) -> list[tuple[str, str]]:
    """The edges of ``graph.subgraph(nodes)``, each pair once, in the order of ``nodes``.
    networkx's own order follows a set of the node ids, which changes with Python's string
    hash seed from one run to the next; its filtered views also test every node of the
    subgraph against each node's neighbours."""
    keep = dict.fromkeys(node for node in nodes if node in graph)
    edges = []
    seen: set[str] = set()
    for node in keep:
        edges += [(node, nbr) for nbr in graph.neighbors(node) if nbr in keep and nbr not in seen]
        seen.add(node)
    return edges


def ordered_graph(edges: Iterable[tuple[str, str]]) -> nx.Graph:
    """A plain graph of ``edges`` (no attributes), nodes and edges in sorted order: a graph
    built from sets orders them by string hash, which changes from run to run
    (``PYTHONHASHSEED``), and the drawings and tables made from it would too."""
    import networkx as nx

    ordered = nx.Graph()
    pairs = sorted(tuple(sorted(edge)) for edge in edges)
    ordered.add_nodes_from(sorted({node for pair in pairs for node in pair}))
    ordered.add_edges_from(pairs)
    return ordered


def community_label(
    nodes: Mapping[str, Mapping[str, Any]], group: Iterable[str], degree: Callable[[str], int]
) -> str:
    """``around <teammate>`` when the group holds the owner of a merged export (their
    contacts cluster around them; the best-connected one by ``degree`` in the whole merged
    graph); else ``mostly <company>`` when one company holds at least a quarter of the group
    (and two people); else ``mixed companies``. ``nodes`` maps each node to its attributes
    (``graph.nodes``)."""
    members = sorted(group)
    hubs = [n for n in members if nodes[n].get("owner")]
    if hubs:
        return f"around {nodes[max(hubs, key=degree)]['name']}"
    companies = Counter(nodes[n]["company"] for n in members if nodes[n]["company"])
    if companies:
        company, n = companies.most_common(1)[0]
        if n >= 2 and n >= len(members) / 4:
            return f"mostly {company}"
    return "mixed companies"


def structure(
    contacts: list[str],
    among: list[tuple[str, str]],
    nodes: Mapping[str, Mapping[str, Any]],
    degree: Callable[[str], int],
) -> tuple[Any, list[Any]]:
    """Burt's measures for the owner and Leiden communities among the owner's
    ``contacts``, from the ties ``among`` them (:func:`induced_edges`), when there are any
    (else None and []). ``nodes`` maps each node to its attributes and ``degree`` gives its
    degree in the whole merged graph, for the communities' labels."""
    knowing, low, high = numbered(among)
    if not knowing:
        return None, []
    n, ties = len(contacts), len(low)
    # networkx.effective_size for one node of an unweighted graph (Borgatti's form, n − 2t/n
    # over the n contacts and the t ties among them), without building its ego graph.
    size = n - (2 * ties) / n
    measures = {
        "contacts": n,
        "ties_among_contacts": ties,
        "effective_size": size,
        "efficiency": size / n,
        "constraint": _constraint(n, knowing, low, high),
        # A tie to a contact who knows none of your other contacts is a local bridge
        # (Granovetter 1973): the only short way between you and their circle.
        "local_bridges": n - len(knowing),
    }
    found = [
        {
            "size": len(group),
            "label": community_label(nodes, group, degree),
            "members": sorted(nodes[node]["name"] for node in group)[:10],
        }
        for group in _leiden(knowing, low, high)
        if len(group) >= MIN_COMMUNITY
    ]
    return measures, found


def communities(edges: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Leiden communities (Traag et al. 2019) of the graph of ``edges``, maximising
    modularity with a fixed seed, largest first, ties by their first member: the same
    groups, in the same order, in every output (the reach section, the map, the drawing,
    the graph files), whatever order the edges come in."""
    return _leiden(*numbered(edges))


def _leiden(nodes: list[str], low: Any, high: Any) -> list[set[str]]:
    """:func:`communities` of the edges as :func:`numbered` gives them."""
    from graspologic_native import leiden

    if not len(low):
        return []
    edges = [(nodes[a], nodes[b], 1.0) for a, b in zip(low.tolist(), high.tolist(), strict=True)]
    _, community = leiden(edges, seed=COMMUNITY_SEED)
    groups: dict[int, set[str]] = {}
    for node, number in community.items():
        groups.setdefault(number, set()).add(node)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))
