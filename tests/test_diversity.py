"""Diversity indices against values computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from netlens.analyze.diversity import diversity, diversity_indices


def test_indices_on_a_hand_computed_distribution():
    # shares 1/2, 1/4, 1/4 out of k = 4 possible categories
    result = diversity_indices([2, 1, 1], k=4)
    assert result["shannon"] == pytest.approx(0.5 * math.log(2) + 0.5 * math.log(4))  # 1.0397
    assert result["shannon"] == pytest.approx(1.039721, abs=1e-6)
    assert result["evenness"] == pytest.approx(1.039721 / math.log(3), abs=1e-6)  # 0.9464
    assert result["blau"] == pytest.approx(0.625)
    assert result["iqv"] == pytest.approx(4 / 3 * 0.625)  # 0.8333
    assert result["effective_number"] == pytest.approx(2**1.5)  # 2.8284
    assert result["hhi"] == pytest.approx(3750)
    assert result["top_share"] == pytest.approx(0.5)


def test_even_distribution_is_maximally_diverse():
    result = diversity_indices([5, 5, 5, 5], k=4)
    assert result["evenness"] == pytest.approx(1.0)
    assert result["iqv"] == pytest.approx(1.0)
    assert result["effective_number"] == pytest.approx(4.0)
    assert result["hhi"] == pytest.approx(2500)


def test_one_category_and_none():
    one = diversity_indices([7], k=20)
    assert one["shannon"] == 0 and one["blau"] == 0 and one["iqv"] == 0
    assert one["evenness"] is None
    assert one["effective_number"] == pytest.approx(1.0)
    assert one["hhi"] == pytest.approx(10_000)
    assert all(value is None for value in diversity_indices([], k=20).values())


def test_diversity_excludes_unknown_from_indices_but_reports_its_share():
    people = pd.DataFrame(
        {
            "industry": ["Retail", "Retail", "Utilities", "Education", "Unknown"],
            "company_key": ["a", "a", "b", "c", ""],
            "company_name": ["A", "A", "B", "C", ""],
            "function": ["Sales"] * 5,
            "seniority": ["Entry"] * 5,
        }
    )
    result = diversity(people, by="industry")
    assert result["total"] == 5 and result["known"] == 4 and result["unknown"] == 1
    assert result["unknown_share"] == pytest.approx(0.2)
    assert result["categories"] == [
        {"name": "Retail", "count": 2, "share": 0.5},
        {"name": "Education", "count": 1, "share": 0.25},
        {"name": "Utilities", "count": 1, "share": 0.25},
    ]
    assert result["iqv"] == pytest.approx(20 / 19 * 0.625)  # k = LinkedIn's 20 industries
    companies = diversity(people, by="company")
    assert companies["iqv"] == pytest.approx(3 / 2 * 0.625)  # k = the 3 companies observed
    assert companies["unknown"] == 1


def test_small_shares_and_long_names_are_shown_honestly():
    from netlens.wording import fit, percent

    assert percent(4 / 980) == "<1%"  # four people are not "0%"
    assert percent(976 / 980) == ">99%" and percent(1.0) == "100%" and percent(0.0) == "0%"
    assert percent(0.0004, 1) == "<0.1%"
    assert fit("Turner Construction Company", 12) == "Turner Cons…"  # cut, and says so
    assert fit("東京海上日動火災保険", 7) == "東京海…"  # wide characters: 6 columns and "…"
    assert fit("Acme", 6) == "Acme  "
