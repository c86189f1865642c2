"""Classification accuracy on the labelled sets, as recorded in docs/classification.md.

Floors a little under the recorded figures: a change to the tables that makes things worse
fails here.

- ``classification_eval.csv`` and ``classification_longtail_dev.csv`` were used while the
  tables were written (development sets);
- ``classification_holdout.csv`` was written afterwards, by someone who never saw the tables,
  with no company of the development set, and no table was changed by looking at its rows;
- ``classification_longtail.csv`` (issue 17: local firms, municipalities, clinics, schools,
  law offices, NGOs, startups in 13 languages) was labelled and committed before the tables
  were grown for the long tail, and measured without looking at its misses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netlens.classify import UNKNOWN, _known_companies, company_key, is_placeholder
from netlens.classify.evaluate import evaluate, read_rows
from netlens.classify.text import _aliases, name_key

DATA = Path(__file__).parent / "data"
FLOORS = {
    "classification_eval.csv": {"industry": 0.88, "function": 0.88, "seniority": 0.95},
    "classification_longtail_dev.csv": {"industry": 0.87, "function": 0.85, "seniority": 0.94},
    "classification_holdout.csv": {"industry": 0.79, "function": 0.61, "seniority": 0.89},
    "classification_longtail.csv": {"industry": 0.93, "function": 0.76, "seniority": 0.95},
}
DEVELOPMENT = ("classification_eval.csv", "classification_longtail_dev.csv")


@pytest.fixture(scope="module")
def results():
    return {name: evaluate(read_rows(DATA / name)) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_floors(name, results):
    result = results[name]
    assert result["rows"] >= 130
    for dimension, floor in FLOORS[name].items():
        assert result["accuracy"][dimension] >= floor, (dimension, result["accuracy"])


def test_the_long_tail_is_mostly_known(results):
    """Issue 17: at most 15 % Unknown industry on real networks; the held-out long tail
    measures 3.7 %."""
    result = results["classification_longtail.csv"]
    assert 1 - result["coverage"]["industry"] <= 0.06
    assert result["rows"] >= 150 and len(result["by_language"]) >= 13
    for language, figures in result["by_language"].items():
        assert figures["unknown"] <= 0.15, language


def _companies(name: str) -> set[str]:
    """The companies of a labelled set, under both keys (placeholders are no company)."""
    rows = read_rows(DATA / name)
    return {
        key
        for row in rows
        if not is_placeholder(row["company"])
        for key in (name_key(row["company"]), company_key(row["company"]))
    }


def test_the_holdout_shares_no_company_with_the_development_set():
    development = {company_key(r["company"]) for r in read_rows(DATA / "classification_eval.csv")}
    holdout = {company_key(r["company"]) for r in read_rows(DATA / "classification_holdout.csv")}
    assert not development & holdout


def test_the_long_tail_set_is_kept_apart_from_the_tables_and_the_other_sets():
    longtail = _companies("classification_longtail.csv")
    assert len(longtail) >= 150
    assert not longtail & set(_known_companies())
    assert not longtail & set(_aliases())
    for other in (*DEVELOPMENT, "classification_holdout.csv"):
        assert not longtail & _companies(other), other


def test_labels_are_linkedins():
    from netlens.classify import categories

    for name in FLOORS:
        for row in read_rows(DATA / name):
            for dimension in ("industry", "function", "seniority"):
                assert row[dimension] in categories(dimension) and row[dimension] != UNKNOWN
