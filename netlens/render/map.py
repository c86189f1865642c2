"""The network map of the HTML page: where everyone sits, and what the page's script draws.

Every contact is a dot, in clusters: Leiden communities where ties among the contacts are
known (``--with``, ``--edges``; :mod:`netlens.report.contacts`), else industries; inside a
cluster, each company with at least :data:`MIN_COMPANY` people is a group of its own (the
largest :data:`MAX_GROUPS`), the rest share one. A group is a sunflower (Vogel 1979: dot
*k* at radius √k, turned by the golden angle), strongest ties in the middle; groups are
packed into their cluster and the clusters around the owner, the largest in the middle
(:func:`pack`). It is vectorised numpy and has no randomness: the same export gives the
same map, in a few hundred milliseconds at LinkedIn's 30,000 connections, where a force
layout takes minutes.

The browser only draws (sigma.js on WebGL, vendored in ``vendor/``): :func:`map_data` is the
JSON the page reads, columns of numbers; the texts (names, companies, positions, links,
dates) are read from the contacts table of the page, which holds them once for both.
:func:`map_png` draws the same dots as a picture, for a browser without JavaScript.

Reference: Vogel, H. (1979). A better way to construct the sunflower head. *Mathematical
Biosciences* 44(3–4).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from netlens.analyze.staleness import TIERS
from netlens.charts import GROUP_COLOURS, OTHER, TIER_COLOURS, UNKNOWN

__all__ = [
    "MIN_COMPANY",
    "OTHER",
    "TIER_COLOURS",
    "Layout",
    "layout",
    "map_data",
    "map_png",
    "pack",
]

MIN_COMPANY = 3  # people of one company who make a group of their own in their cluster
GOLDEN = math.pi * (3 - math.sqrt(5))  # the golden angle, in radians
GAP = 1.5  # between groups and between clusters, in dot spacings
OWNER_RADIUS = 3.0
ROUNDS = 25  # of pulling packed circles together and pushing them apart
MAX_ROUNDS = 400  # then of pushing them apart, until none overlaps by more than SLACK
SLACK = 0.01
PULL = 0.01  # how much nearer the middle each circle is pulled in a round
MAX_GROUPS = 30  # companies drawn as groups of their own in one cluster; the rest share one
PNG_SIZE = 720


class Layout:
    """Where each contact sits (``x``, ``y``: arrays in dot spacings, the owner at 0, 0)
    and each cluster's ``label``, centre, radius and size (``clusters``)."""

    def __init__(self, x: np.ndarray, y: np.ndarray, clusters: list[dict[str, Any]]):
        self.x, self.y, self.clusters = x, y, clusters


def pack(radii: list[float], *, around: float = 0.0, gap: float = GAP) -> np.ndarray:
    """Centres for circles of ``radii`` (largest first), packed around the origin without
    overlapping: first each on a sunflower of their areas (the largest in the middle), then
    for :data:`ROUNDS` rounds pulled towards the middle and pushed apart, pair by pair
    (the smaller circle of a pair moving more), then pushed apart alone until no two
    overlap by more than :data:`SLACK` (or for :data:`MAX_ROUNDS` rounds in all). With
    ``around``, a circle of that radius is kept free among them, and moved to the origin.
    Returns an array of (x, y)."""
    radius = np.asarray(radii, dtype=float)
    if around:
        radius = np.concatenate(([around], radius))
    count = len(radius)
    if count == 0:
        return np.zeros((0, 2))
    area = (radius + gap / 2) ** 2
    distance = np.sqrt(np.cumsum(area) - area) * 1.05
    angle = np.arange(count) * GOLDEN
    x, y = distance * np.cos(angle), distance * np.sin(angle)
    need = radius[:, None] + radius[None, :] + gap
    np.fill_diagonal(need, 0.0)
    mass = radius**2 + 1e-9
    share = mass[None, :] / (mass[:, None] + mass[None, :])  # how much of a push i takes
    for round_ in range(MAX_ROUNDS):
        pulling = round_ < ROUNDS  # then pushing alone, until nothing overlaps
        if pulling:
            x *= 1 - PULL  # towards the middle, closing the gaps
            y *= 1 - PULL
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        length = np.maximum(np.hypot(dx, dy), 1e-9)
        overlap = need - length
        if not pulling and overlap.max() <= SLACK:
            break
        weight = np.maximum(overlap, 0.0) * share / length
        x += (weight * dx).sum(axis=1)
        y += (weight * dy).sum(axis=1)
    centres = np.column_stack((x, y))
    # The kept circle is pushed out of the largest to the edge of the crowd: the middle.
    return centres[1:] - centres[0] if around else centres


def _sunflower(k: np.ndarray) -> np.ndarray:
    """Where dot ``k`` of Vogel's sunflower sits (dots one spacing apart, the first in the
    middle)."""
    radius = np.sqrt(k + 0.5) * 0.95
    return np.column_stack((radius * np.cos(k * GOLDEN), radius * np.sin(k * GOLDEN)))


def _radius(count: int) -> float:
    return math.sqrt(count + 0.5) * 0.95 + 0.5


def layout(contacts: dict[str, Any]) -> Layout:
    """The map of ``contacts`` (:func:`netlens.report.contacts.columns`)."""
    import pandas as pd

    count = len(contacts["name"])
    labels = [c["label"] for c in contacts["communities"]]
    strength = np.asarray(contacts["strength"], dtype=float)
    # Numbers for texts: a company, an industry, a cluster (a community, else an industry).
    company, companies = pd.factorize(pd.Series(contacts["company"], dtype="object"))
    industry, industries = pd.factorize(
        pd.Series(contacts["industry"], dtype="object").replace("", "Unknown")
    )
    community = np.asarray(contacts["community"], dtype=np.int64)
    cluster = np.where(community >= 0, community, len(labels) + industry)
    # The companies drawn as groups of their own: the largest of each cluster.
    width = len(companies) + 1
    pair, pair_of, pair_size = np.unique(
        cluster * width + company, return_inverse=True, return_counts=True
    )
    pair_cluster, pair_company = pair // width, pair % width
    blank = np.asarray([name == "" for name in companies] + [True])
    order = np.lexsort((pair_company, -pair_size, pair_cluster))
    first = np.searchsorted(pair_cluster[order], pair_cluster[order], side="left")
    rank = np.empty(len(pair), dtype=np.int64)
    rank[order] = np.arange(len(pair)) - first
    own = (pair_size >= MIN_COMPANY) & ~blank[pair_company] & (rank < MAX_GROUPS)
    group_of = cluster * width + np.where(own[pair_of], company, width - 1)
    # Each one's place in their group's sunflower: strongest ties first.
    order = np.lexsort((np.arange(count), -strength, group_of))
    group, start, size = np.unique(group_of[order], return_index=True, return_counts=True)
    k = np.empty(count, dtype=np.int64)
    k[order] = np.arange(count) - np.repeat(start, size)
    group_cluster, group_company = group // width, group % width
    centre = np.zeros((len(group), 2))
    extents: dict[int, float] = {}
    for key in np.unique(group_cluster).tolist():
        rows = np.flatnonzero(group_cluster == key)
        rows = rows[np.lexsort((group_company[rows], -size[rows]))]
        radii = [_radius(n) for n in size[rows].tolist()]
        centre[rows] = pack(radii)
        extents[key] = float(np.max(np.hypot(centre[rows, 0], centre[rows, 1]) + radii))
    clusters_size = np.bincount(cluster, minlength=len(labels) + len(industries))
    names = sorted(extents, key=lambda key: (-clusters_size[key], key))
    middle = np.zeros((len(clusters_size), 2))
    middle[names] = pack([extents[key] for key in names], around=OWNER_RADIUS)
    place = np.searchsorted(group, group_of)
    at = centre[place] + middle[cluster] + _sunflower(k)
    clusters = [
        {
            "label": labels[key] if key < len(labels) else str(industries[key - len(labels)]),
            "x": float(middle[key, 0]),
            "y": float(middle[key, 1]),
            "r": extents[key],
            "n": int(clusters_size[key]),
        }
        for key in names
    ]
    return Layout(at[:, 0], at[:, 1], clusters)


def _industries(contacts: dict[str, Any]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Each contact's industry as a number, the industries by number of contacts (most
    first, "Unknown" last), and how many each has."""
    import pandas as pd

    codes, names = pd.factorize(
        pd.Series(contacts["industry"], dtype="object").replace("", "Unknown")
    )
    counts = np.bincount(codes, minlength=len(names))
    names = [str(name) for name in names]
    order = sorted(range(len(names)), key=lambda i: (names[i] == "Unknown", -counts[i], names[i]))
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    return rank[codes], [names[i] for i in order], counts[order]


def industry_colours(names: list[str]) -> list[str]:
    """A colour for each industry of ``names`` (most common first, ties by name): the
    charts' colours (:data:`netlens.charts.GROUP_COLOURS`), so that an industry has one
    colour on the map and in the drawings beside it, then grey, as their "Other
    industries"."""
    return [
        UNKNOWN if name == "Unknown" else OTHER if i >= len(GROUP_COLOURS) else GROUP_COLOURS[i]
        for i, name in enumerate(names)
    ]


def map_data(contacts: dict[str, Any], where: Layout) -> dict[str, Any]:
    """The JSON the page's script reads: a column per field; ``x``, ``y`` (y pointing up, as
    in the browser's graph), cluster centres and radii in tenths of a dot spacing, and
    ``strength`` in tenths, all whole numbers; industries and tiers as positions in
    ``industries`` and ``tiers``; ``industry_count`` and ``tier_count`` the people of
    each."""
    industry, industries, counts = _industries(contacts)
    tier = {name: i for i, name in enumerate(TIERS)}
    tiers = np.asarray([tier.get(t, -1) for t in contacts["tier"]], dtype=np.int64)
    return {
        "n": len(contacts["name"]),
        "owner": contacts["owner"],
        "x": _tenths(where.x),
        "y": _tenths(where.y),
        "strength": _tenths(np.asarray(contacts["strength"], dtype=float)),
        "industry": industry.tolist(),
        "industries": industries,
        "industry_count": counts.tolist(),
        "industry_colours": industry_colours(industries),
        "tier": tiers.tolist(),
        "tiers": list(TIERS),
        "tier_count": np.bincount(tiers[tiers >= 0], minlength=len(TIERS)).tolist(),
        "tier_colours": [TIER_COLOURS[t] for t in TIERS],
        "teammates": [i for i, mate in enumerate(contacts["teammate"]) if mate],
        "reasons": {str(i): r for i, r in contacts["reasons"].items()},
        "ties": [i for pair in contacts["ties"] for i in pair],
        "clusters": [
            {**c, "x": round(c["x"] * 10), "y": round(c["y"] * 10), "r": round(c["r"] * 10)}
            for c in where.clusters
        ],
    }


def _tenths(values: np.ndarray) -> list[int]:
    return np.round(values * 10).astype(np.int64).tolist()


def map_png(data: dict[str, Any], size: int = PNG_SIZE) -> bytes:
    """The map of :func:`map_data` as a PNG picture: every contact a dot in the colour of
    their industry, the owner a black dot. No labels: the page's legend names the colours."""
    from netlens.pngfile import encode

    pixels = np.full((size, size, 4), 255, dtype=np.uint8)
    xs = np.append(np.asarray(data["x"], dtype=float), 0.0)
    ys = np.append(np.asarray(data["y"], dtype=float), 0.0)
    middle_x, middle_y = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
    span = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 20.0) / 2 + 10.0
    scale = (size / 2 - 4) / span
    columns = np.round(size / 2 + (xs - middle_x) * scale).astype(int)
    rows = np.round(size / 2 - (ys - middle_y) * scale).astype(int)
    rgb = np.array(
        [[int(c[k : k + 2], 16) for k in (1, 3, 5)] for c in data["industry_colours"]]
        + [[31, 35, 40]],  # the owner
        dtype=np.uint8,
    )
    colour = rgb[np.append(np.asarray(data["industry"], dtype=np.int64), len(rgb) - 1)]
    dot = max(1, min(3, int(scale * 4.5)))  # 0.45 dot spacings, in pixels
    for dy in range(-dot, dot + 1):
        for dx in range(-dot, dot + 1):
            if dx * dx + dy * dy > dot * dot:
                continue
            r = np.clip(rows + dy, 0, size - 1)
            c = np.clip(columns + dx, 0, size - 1)
            pixels[r, c, :3] = colour
    return encode(pixels, dpi=96)
