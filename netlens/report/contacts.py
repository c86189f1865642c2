"""Everyone in the network, one row each: what the report's map and contacts table show.

:func:`columns` joins the classified people and their relationships into plain columns
(lists, one entry per contact, in the order of the export). It redacts as the report's
redaction pass does (:mod:`netlens.report.redact`): with ``redact``, names are initials and
there is neither position nor profile URL. When ties among the contacts are
known (``--with``, ``--edges``), each contact in a Leiden community of at least
:data:`MIN_GROUP` people carries its number (``community``, else −1), with the same seed
as the reach section's communities.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from netlens.analyze.reach import communities, community_label, induced_edges, ordered_graph
from netlens.report.redact import initials, redact_label

if TYPE_CHECKING:
    from netlens.graph import Team
    from netlens.report.describe import Description

__all__ = ["MAX_TIES", "MIN_GROUP", "columns", "profile_link"]

MIN_GROUP = 3  # a community smaller than this is drawn with its industry instead
MAX_TIES = 50_000  # ties among contacts drawn on the map: more is a grey fog, and heavy
_PROFILE = "linkedin.com/in/"
_PLAIN = re.compile(r"[A-Za-z0-9._~-]+")
_PLAIN_URL = re.compile(r"linkedin\.com/in/[A-Za-z0-9._~-]+")


def profile_link(url: str | None) -> str | None:
    """The address of a LinkedIn profile (``https://www.linkedin.com/in/<slug>``) from a
    normalised profile URL (:func:`netlens.identity.normalize_url`); None for anything else,
    so that no other address (``javascript:``, another site) can become a link."""
    if not isinstance(url, str) or not url.startswith(_PROFILE):
        return None
    slug = url[len(_PROFILE) :]
    if not slug or "/" in slug:
        return None
    if not _PLAIN.fullmatch(slug):  # most are plain already, and quoting is slow
        slug = quote(slug, safe="-_.~")
    return f"https://www.{_PROFILE}{slug}"


def columns(described: Description, team: Team | None, *, redact: bool) -> dict[str, Any]:
    """The columns of every contact (see the module docstring): ``name``, ``company``,
    ``position``, ``industry``, ``link`` (:func:`profile_link`), ``connected_on`` and
    ``last_contact`` (ISO dates or None), ``tier``, ``strength``, ``teammate`` and
    ``community``; beside them ``reasons`` (by position: why those on the re-engage list
    are there), ``reengage`` (the position of each contact of that list, in its order),
    ``communities`` (label and size of each), ``ties`` (known ties among contacts, as pairs
    of positions) and ``owner`` (the owner's name). ``described`` is the review before
    redaction."""
    people, ties = described.people, described.ties
    last = "last_contact" if "last_contact" in ties.columns else "last_interaction"
    joined = people[["person_id", "name", "url", "company", "position", "industry"]].merge(
        ties[["person_id", "connected_on", last, "tier", "strength"]],
        on="person_id",
        how="left",
        sort=False,
    )
    ids = joined["person_id"].tolist()
    names = joined["name"].fillna("").astype(str).tolist()
    position = {person: i for i, person in reversed(list(enumerate(ids)))}
    companies = _texts(joined["company"])
    by_name = {pair: i for i, pair in reversed(list(enumerate(zip(names, companies, strict=True))))}
    ranked = [
        position.get(c.get("url"), by_name.get((c["name"], c["company"] or "")))
        for c in described.ranked["contacts"]
    ]
    reasons = {i: c["reasons"] for i, c in zip(ranked, described.ranked["contacts"], strict=True)}
    owners = set(team.owners[1:]) if team is not None else set()
    shown_names = [initials(n) for n in names] if redact else names
    groups, communities, ties_among = _communities(team, ids)
    return {
        "owner": described.summary["owner"]["name"] or "",
        "name": shown_names,
        "company": companies,
        "position": [""] * len(ids) if redact else _texts(joined["position"]),
        "industry": _texts(joined["industry"]),
        "link": [None] * len(ids) if redact else _links(_texts(joined["url"])),
        "connected_on": _dates(joined["connected_on"]),
        "last_contact": _dates(joined[last]),
        "tier": _texts(joined["tier"].astype(object)),
        "strength": joined["strength"].fillna(0.0).astype(float).round(2).tolist(),
        "reasons": {i: r for i, r in reasons.items() if i is not None},
        "reengage": ranked,
        "teammate": [i in owners for i in ids],
        "community": groups,
        "ties": ties_among,
        "communities": [
            {**c, "label": redact_label(c["label"]) if redact else c["label"]} for c in communities
        ],
    }


def _links(urls: list[str | None]) -> list[str | None]:
    """:func:`profile_link` of each URL; the usual spelling at once."""
    return [
        f"https://www.{url}" if url and _PLAIN_URL.fullmatch(url) else profile_link(url)
        for url in urls
    ]


def _texts(column: Any) -> list[str]:
    return column.fillna("").astype(str).tolist()


def _dates(column: Any) -> list[str | None]:
    import numpy as np

    days = np.datetime_as_string(column.to_numpy(dtype="datetime64[ns]"), unit="D")
    return [None if day == "NaT" else day for day in days.tolist()]


def _communities(
    team: Team | None, ids: list[str]
) -> tuple[list[int], list[dict[str, Any]], list[list[int]]]:
    """The community of each contact (−1 for none), each community's label and size, and
    the known ties among the contacts (pairs of positions, at most :data:`MAX_TIES`)."""
    if team is None:
        return [-1] * len(ids), [], []
    among = ordered_graph(induced_edges(team.graph, ids))
    if not among.number_of_edges():
        return [-1] * len(ids), [], []
    found = [group for group in communities(among.edges()) if len(group) >= MIN_GROUP]
    number = {node: i for i, group in enumerate(found) for node in group}
    labels = [
        {"label": community_label(team.graph.nodes, g, team.graph.degree), "size": len(g)}
        for g in found
    ]
    position = {node: i for i, node in enumerate(ids)}
    ties = [[position[a], position[b]] for a, b in among.edges()][:MAX_TIES]
    return [number.get(i, -1) for i in ids], labels, ties
