"""Who can introduce you to whom: shortest paths from the owner through the merged graph.

``intros(team, to=…)`` or ``intros(team, company=…)`` finds the shortest paths from the
owner to that person, or to anyone at that company (compared by normalised company name),
best first: shorter first, then the stronger first hop (the owner's tie strength with the
person to ask, then messages), then by name. Each path reads as advice: "Ask Maya Cohen to
introduce you to Ravi Shah (VP of Sales, Acme Freight)".
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Any

import networkx as nx

from netlens.classify import company_key
from netlens.errors import NetlensError, NoMatchError
from netlens.graph import Team
from netlens.identity import normalize_url
from netlens.lookup import lookup, suggest
from netlens.wording import initials

__all__ = ["intros"]

PATHS_PER_TARGET = 5
MAX_LENGTH = 4


def intros(
    team: Team, *, to: str | None = None, company: str | None = None, top: int = 10
) -> dict[str, Any]:
    """The ``netlens intros`` result: ``paths`` [{``target``, ``length``, ``via``, ``advice``}]."""
    if (to is None) == (company is None):
        raise NetlensError("say whom to reach: --to PERSON or --company NAME (one of them)")
    graph, owner = team.graph, team.owner
    targets = _targets(graph, to=to, company=company)
    if not targets:
        field = "company" if company else "name"
        known = [data[field] for node, data in graph.nodes(data=True) if node != owner]
        raise _no_match(company or to or "", suggest(company or to or "", known), company)
    if targets == [owner]:
        raise NetlensError(f"{to!r} is you: say whom else to reach")
    paths = []
    for target in targets:
        if target == owner:
            continue
        try:
            found = list(islice(nx.all_shortest_paths(graph, owner, target), PATHS_PER_TARGET))
        except nx.NetworkXNoPath:
            continue
        paths += [p for p in found if len(p) - 1 <= MAX_LENGTH]
    paths.sort(key=lambda p: (len(p), *_first_hop(graph, p), graph.nodes[p[-1]]["name"]))
    shown = paths[:top]
    return {
        "query": {"to": to, "company": company},
        # The companies the query was taken to mean ("delta": Delta Air Lines), most
        # people first; for a person, none (their names are in the paths).
        "companies": [
            name for name, _ in Counter(graph.nodes[t]["company"] for t in targets).most_common()
        ]
        if company
        else [],
        "targets": len(targets),
        "reachable": len({p[-1] for p in paths}),
        "paths": [
            {
                "target": graph.nodes[p[-1]]["name"],
                "target_url": graph.nodes[p[-1]]["url"] or None,
                "length": len(p) - 1,
                "via": [graph.nodes[n]["name"] for n in p[1:-1]],
                "advice": _advice(graph, p),
            }
            for p in shown
        ],
    }


def _no_match(wanted: str, close: list[str], company: str | None) -> NoMatchError:
    """No one matches: what was typed and the names close to it; for ``--redact``, a
    person's name as initials (a company is no one's name)."""

    def say(hide: Any) -> str:
        asked, shown = (wanted, close) if company else (hide(wanted), [hide(n) for n in close])
        asked = f"anyone at {asked!r}" if company else repr(asked)
        hint = (
            f"did you mean {' or '.join(repr(name) for name in shown)}? Or add"
            if shown
            else "check the spelling, or add"
        )
        return (
            f"no one in the merged exports matches {asked} — {hint} the export of someone "
            "who knows them (--with, or netlens team add to the workspace)"
        )

    return NoMatchError(say(str), say(initials))


def _targets(graph: nx.Graph, *, to: str | None, company: str | None) -> list[str]:
    """The people meant: everyone at the company named (its legal suffixes aside), else at
    those it names in part (``delta`` → Delta Air Lines); the person of the profile URL;
    the people of that name, else those it names in part (:func:`netlens.lookup.lookup`)."""
    nodes = graph.nodes(data=True)
    if company is not None:
        key = company_key(company)
        exact = sorted(n for n, d in nodes if key and company_key(d["company"]) == key)
        if exact:
            return exact
        # Matched on the name without its legal form: "inc" is no company's name.
        keys = {company_key(d["company"]) for _, d in nodes}
        meant = set(lookup(key, keys)) if key else set()
        return sorted(n for n, d in nodes if company_key(d["company"]) in meant)
    url = normalize_url(to) if "linkedin.com" in str(to).lower() else None
    if url:
        return [url] if url in graph else []
    meant = set(lookup(to, (d["name"] for _, d in nodes)))
    return sorted(n for n, d in nodes if d["name"] in meant)


def _first_hop(graph: nx.Graph, path: list[str]) -> tuple[float, int]:
    if len(path) < 2:
        return (0.0, 0)
    edge = graph.edges[path[0], path[1]]
    return (-edge.get("strength", 0.0), -edge.get("messages", 0))


def _who(graph: nx.Graph, node: str) -> str:
    data = graph.nodes[node]
    role = ", ".join(part for part in (data["position"], data["company"]) if part)
    return f"{data['name']} ({role})" if role else data["name"]


def _advice(graph: nx.Graph, path: list[str]) -> str:
    return advice([graph.nodes[n]["name"] for n in path[1:-1]], _who(graph, path[-1]))


def advice(via: list[str], target: str) -> str:
    """Whom to ask, in words: ``via`` the people between you and ``target``."""
    stop = "" if target.endswith(".") else "."  # "… to M. C." ends once
    if not via:
        return f"You are already connected to {target}{stop}"
    if len(via) == 1:
        return f"Ask {via[0]} to introduce you to {target}{stop}"
    chain = ", who knows ".join(via[1:])
    return f"Ask {via[0]} to introduce you to {chain}, who knows {target}{stop}"
