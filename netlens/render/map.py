"""The network map of the HTML page: where everyone sits, and what the page's script draws.

Every contact is a dot, in clusters: Louvain communities where ties among the contacts are
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
from collections import Counter
from typing import Any

import numpy as np

from netlens.analyze.staleness import TIERS

__all__ = [
    "INDUSTRY_COLOURS",
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
ROUNDS = 40  # of pulling packed circles together and pushing them apart; as many to push
PULL = 0.01  # how much nearer the middle each circle is pulled in a round
MAX_GROUPS = 60  # companies drawn as groups of their own in one cluster; the rest share one
# Colour-blind safe first (Okabe & Ito), then Tol's muted scheme.
INDUSTRY_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255",
    "#44AA99", "#999933", "#332288", "#AA4499",
)  # fmt: skip
OTHER = "#B8BEC4"  # industries beyond the palette, and "Unknown"
TIER_PALETTE = ("#009E73", "#E69F00", "#D55E00", "#56B4E9", "#8C959F", "#CC79A7")
TIER_COLOURS = dict(zip(TIERS, TIER_PALETTE, strict=False))
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
    overlap (or as many rounds again). With ``around``, a circle of that radius is
    kept free among them, and moved to the origin. Returns an array of (x, y)."""
    radius = np.asarray(radii, dtype=float)
    if around:
        radius = np.concatenate(([around], radius))
    count = len(radius)
    if count == 0:
        return np.zeros((0, 2))
    area = (radius + gap / 2) ** 2
    distance = np.sqrt(np.cumsum(area) - area) * 1.05
    angle = np.arange(count) * GOLDEN
    centres = np.column_stack((distance * np.cos(angle), distance * np.sin(angle)))
    mobile = np.ones(count)
    need = radius[:, None] + radius[None, :] + gap
    np.fill_diagonal(need, 0.0)
    mass = radius**2 + 1e-9
    share = mass[None, :] / (mass[:, None] + mass[None, :])  # how much of a push i takes
    for round_ in range(2 * ROUNDS):
        pulling = round_ < ROUNDS  # then pushing alone, until nothing overlaps
        if pulling:
            centres *= 1 - PULL * mobile[:, None]  # towards the middle, closing the gaps
        apart = centres[:, None, :] - centres[None, :, :]
        length = np.hypot(apart[..., 0], apart[..., 1])
        overlap = np.clip(need - length, 0.0, None)
        if not pulling and not (overlap > 0.01).any():
            break
        length[length == 0] = 1e-9
        push = (overlap * share / length)[..., None] * apart
        centres += push.sum(axis=1) * 0.55
    # The kept circle is pushed out of the largest to the edge of the crowd: the middle.
    return centres[1:] - centres[0] if around else centres


def _sunflower(count: int) -> np.ndarray:
    """Vogel's sunflower of ``count`` dots one spacing apart, the first in the middle."""
    k = np.arange(count)
    radius = np.sqrt(k + 0.5) * 0.95
    return np.column_stack((radius * np.cos(k * GOLDEN), radius * np.sin(k * GOLDEN)))


def _radius(count: int) -> float:
    return math.sqrt(count + 0.5) * 0.95 + 0.5


def layout(contacts: dict[str, Any]) -> Layout:
    """The map of ``contacts`` (:func:`netlens.report.contacts.contacts`)."""
    count = len(contacts["name"])
    community = contacts["community"]
    labels = [c["label"] for c in contacts["communities"]]
    # The cluster of each contact: its community, else its industry.
    cluster = [
        f"c{g}" if g >= 0 else f"i{industry or 'Unknown'}"
        for g, industry in zip(community, contacts["industry"], strict=True)
    ]
    strength = np.asarray(contacts["strength"], dtype=float)
    sizes = Counter(cluster)
    companies = Counter(zip(cluster, contacts["company"], strict=True))
    # Members of each group of each cluster, strongest ties first.
    order = np.argsort(-strength, kind="stable").tolist()
    ranked = sorted(
        (pair for pair, n in companies.items() if pair[1] and n >= MIN_COMPANY),
        key=lambda pair: (-companies[pair], pair),
    )
    kept: Counter[str] = Counter()
    own = set()
    for pair in ranked:
        if kept[pair[0]] < MAX_GROUPS:
            kept[pair[0]] += 1
            own.add(pair)
    groups: dict[str, dict[str, list[int]]] = {}
    for i in order:
        pair = (cluster[i], contacts["company"][i])
        groups.setdefault(pair[0], {}).setdefault(pair[1] if pair in own else "", []).append(i)
    x, y = np.zeros(count), np.zeros(count)
    names = sorted(groups, key=lambda key: (-sizes[key], key))
    shapes = []  # per cluster: its radius, and the members' positions around its centre
    for key in names:
        parts = sorted(groups[key].values(), key=lambda members: (-len(members), members[0]))
        radii = [_radius(len(members)) for members in parts]
        centres = pack(radii)
        members = np.concatenate([np.asarray(m) for m in parts])
        local = np.concatenate(
            [_sunflower(len(m)) + centre for m, centre in zip(parts, centres, strict=True)]
        )
        extent = float(np.max(np.hypot(centres[:, 0], centres[:, 1]) + radii))
        shapes.append((extent, members, local))
    centres = pack([extent for extent, _, _ in shapes], around=OWNER_RADIUS)
    clusters = []
    for key, (extent, members, local), centre in zip(names, shapes, centres, strict=True):
        x[members] = local[:, 0] + centre[0]
        y[members] = local[:, 1] + centre[1]
        label = labels[int(key[1:])] if key.startswith("c") else key[1:]
        clusters.append(
            {"label": label, "x": centre[0], "y": centre[1], "r": extent, "n": sizes[key]}
        )
    return Layout(x, y, clusters)


def _industries(contacts: dict[str, Any]) -> list[str]:
    """Industries by number of contacts, most first; "Unknown" last."""
    counts = Counter(i or "Unknown" for i in contacts["industry"])
    return sorted(counts, key=lambda name: (name == "Unknown", -counts[name], name))


def industry_colours(names: list[str]) -> list[str]:
    """A colour for each industry of ``names`` (most common first): the palette, then grey."""
    palette = list(INDUSTRY_COLOURS)
    return [
        OTHER if name == "Unknown" or i >= len(palette) else palette[i]
        for i, name in enumerate(names)
    ]


def map_data(contacts: dict[str, Any], where: Layout) -> dict[str, Any]:
    """The JSON the page's script reads: a column per field, ``x``/``y`` rounded to a tenth
    of a dot spacing (y pointing up, as in the browser's graph), industries and tiers as
    positions in ``industries`` and ``tiers``."""
    industries = _industries(contacts)
    industry = {name: i for i, name in enumerate(industries)}
    tier = {name: i for i, name in enumerate(TIERS)}
    return {
        "n": len(contacts["name"]),
        "owner": contacts["owner"],
        "x": [round(v, 1) for v in where.x.tolist()],
        "y": [round(v, 1) for v in where.y.tolist()],
        "strength": [round(s, 1) for s in contacts["strength"]],
        "industry": [industry[i or "Unknown"] for i in contacts["industry"]],
        "industries": industries,
        "industry_colours": industry_colours(industries),
        "tier": [tier.get(t, -1) for t in contacts["tier"]],
        "tiers": list(TIERS),
        "tier_colours": [TIER_COLOURS[t] for t in TIERS],
        "teammates": [i for i, mate in enumerate(contacts["teammate"]) if mate],
        "reasons": {str(i): r for i, r in enumerate(contacts["reasons"]) if r},
        "ties": [i for pair in contacts["ties"] for i in pair],
        "clusters": [
            {**c, "x": round(c["x"], 1), "y": round(c["y"], 1), "r": round(c["r"], 1)}
            for c in where.clusters
        ],
    }


def map_png(contacts: dict[str, Any], where: Layout, size: int = PNG_SIZE) -> bytes:
    """The map as a PNG picture: every contact a dot in the colour of their industry, the
    owner a black dot in the middle. No labels: the page's legend names the colours."""
    from netlens.pngfile import encode

    pixels = np.full((size, size, 4), 255, dtype=np.uint8)
    xs = np.append(where.x, 0.0)
    ys = np.append(where.y, 0.0)
    middle_x, middle_y = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
    span = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 2.0) / 2 + 1.0
    scale = (size / 2 - 4) / span
    columns = np.round(size / 2 + (xs - middle_x) * scale).astype(int)
    rows = np.round(size / 2 - (ys - middle_y) * scale).astype(int)
    industries = _industries(contacts)
    colour_of = dict(zip(industries, industry_colours(industries), strict=True))
    rgb = np.array(
        [[int(c[k : k + 2], 16) for k in (1, 3, 5)] for c in industry_colours(industries)]
        + [[31, 35, 40]],  # the owner
        dtype=np.uint8,
    )
    index = {name: i for i, name in enumerate(colour_of)}
    colour = np.array([index[i or "Unknown"] for i in contacts["industry"]] + [len(industries)])
    dot = max(1, min(3, int(scale * 0.45)))
    for dy in range(-dot, dot + 1):
        for dx in range(-dot, dot + 1):
            if dx * dx + dy * dy > dot * dot:
                continue
            r = np.clip(rows + dy, 0, size - 1)
            c = np.clip(columns + dx, 0, size - 1)
            pixels[r, c, :3] = rgb[colour]
    return encode(pixels, dpi=96)
