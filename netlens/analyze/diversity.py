"""How diverse is the network? Diversity indices over industry, company, function, seniority.

All indices are computed over the *known* categories; people left ``Unknown`` are reported
as ``unknown_share`` and otherwise left out, so a poorly classified network does not look
diverse (or concentrated) by accident. With ``p_i`` the share of category ``i`` among the
known, ``S`` the number of categories present and ``k`` the number possible:

- Shannon entropy ``H = −Σ p_i ln p_i`` (Shannon 1948), in nats;
- Pielou evenness ``J = H / ln S`` (Pielou 1966), 1 when the present categories are equal;
- Blau index ``1 − Σ p_i²`` (Blau 1977): the chance two people picked at random differ;
- index of qualitative variation ``IQV = k/(k−1) · Blau`` (Agresti & Agresti 1978), the
  Blau index as a share of its maximum for ``k`` categories;
- effective number ``exp(H)`` (Hill 1973): how many equally common categories give the
  same entropy;
- Herfindahl–Hirschman index ``HHI = Σ p_i² · 10,000``;
- top share ``max p_i``.

``k`` is the number of LinkedIn categories (20 industries, 26 functions, 10 seniorities); for
companies, which have no fixed list, it is the number observed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from netlens.classify import UNKNOWN, categories, classify_people
from netlens.model import Network

__all__ = ["DIMENSIONS", "diversity", "diversity_indices"]

DIMENSIONS = ("industry", "company", "function", "seniority")


def diversity_indices(counts: Iterable[int], k: int | None = None) -> dict[str, float | None]:
    """The indices of the module docstring for category ``counts`` (known categories only).

    ``k`` defaults to the number of categories present. Values that are undefined (no known
    category; evenness with one category; IQV with ``k`` < 2) are None.

    >>> diversity_indices([2, 1, 1], k=4)["blau"]
    0.625
    """
    values = [c for c in counts if c > 0]
    total = sum(values)
    present = len(values)
    k = present if k is None else k
    if total == 0:
        return dict.fromkeys(
            ("shannon", "evenness", "blau", "iqv", "effective_number", "hhi", "top_share")
        )
    shares = [c / total for c in values]
    shannon = -sum(p * math.log(p) for p in shares)
    sum_sq = sum(p * p for p in shares)
    blau = 1 - sum_sq
    return {
        "shannon": shannon,
        "evenness": shannon / math.log(present) if present > 1 else None,
        "blau": blau,
        "iqv": k / (k - 1) * blau if k > 1 else None,
        "effective_number": math.exp(shannon),
        "hhi": sum_sq * 10_000,
        "top_share": max(shares),
    }


def diversity(
    people: pd.DataFrame | Network,
    by: str = "industry",
    *,
    industry_map: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Diversity of the contacts along ``by``: categories with counts and shares, best
    first, and every index. ``people`` is a loaded network, or its people table; they are
    classified here (:func:`netlens.classify.classify_people`, with ``industry_map``)
    unless the table already is.

    Shares are over the known categories; ``unknown_share`` is over everyone.
    """
    if by not in DIMENSIONS:
        raise ValueError(f"by must be one of {', '.join(DIMENSIONS)}")
    if isinstance(people, Network):
        people = people.people
    if "industry" not in people.columns:
        people = classify_people(people, industry_map=industry_map)
    if by == "company":
        labels = people["company_name"].where(people["company_key"] != "", UNKNOWN)
        possible = None
    else:
        labels = people[by]
        possible = len(categories(by))
    total = len(labels)
    known = labels[labels != UNKNOWN]
    counts = known.value_counts(sort=False)
    order = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    known_n = len(known)
    indices = diversity_indices(counts.tolist(), k=possible or len(counts))
    return {
        "by": by,
        "total": total,
        "known": known_n,
        "unknown": total - known_n,
        "unknown_share": (total - known_n) / total if total else 0.0,
        "possible_categories": possible,
        "present_categories": len(counts),
        "categories": [{"name": name, "count": int(n), "share": n / known_n} for name, n in order],
        **indices,
    }
