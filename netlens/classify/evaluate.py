"""Measure classification accuracy on a labelled CSV (``company,position,industry,function,
seniority``), as recorded in docs/classification.md.

    python -m netlens.classify.evaluate tests/data/classification_eval.csv

Accuracy counts ``Unknown`` as wrong; coverage is the share given any label but ``Unknown``.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from netlens.classify import UNKNOWN, classify_company, classify_position

__all__ = ["evaluate"]

DIMENSIONS = ("industry", "function", "seniority")


def evaluate(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Accuracy and coverage per dimension, industry accuracy per deciding layer, and the
    misses (``(company, position, dimension, expected, got)``)."""
    right: Counter[str] = Counter()
    known: Counter[str] = Counter()
    by_layer: dict[str, Counter[str]] = {}
    misses = []
    for row in rows:
        industry = classify_company(row["company"], row["position"])
        function, seniority = classify_position(row["position"], row["company"])
        got = {"industry": industry.label, "function": function, "seniority": seniority}
        layer = by_layer.setdefault(industry.source, Counter())
        layer["rows"] += 1
        layer["right"] += got["industry"] == row["industry"]
        for dim in DIMENSIONS:
            known[dim] += got[dim] != UNKNOWN
            if got[dim] == row[dim]:
                right[dim] += 1
            else:
                misses.append((row["company"], row["position"], dim, row[dim], got[dim]))
    n = len(rows)
    return {
        "rows": n,
        "accuracy": {dim: right[dim] / n for dim in DIMENSIONS},
        "coverage": {dim: known[dim] / n for dim in DIMENSIONS},
        "industry_by_layer": {
            layer: {"rows": c["rows"], "accuracy": c["right"] / c["rows"]}
            for layer, c in sorted(by_layer.items(), key=lambda item: -item[1]["rows"])
        },
        "misses": misses,
    }


def read_rows(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m netlens.classify.evaluate LABELLED.csv", file=sys.stderr)
        return 2
    result = evaluate(read_rows(argv[0]))
    print(f"{result['rows']} labelled rows")
    print("| dimension | accuracy | coverage |\n|---|---|---|")
    for dim in DIMENSIONS:
        print(f"| {dim} | {result['accuracy'][dim]:.1%} | {result['coverage'][dim]:.1%} |")
    print("\n| industry decided by | rows | accuracy |\n|---|---|---|")
    for layer, figures in result["industry_by_layer"].items():
        print(f"| {layer} | {figures['rows']} | {figures['accuracy']:.1%} |")
    print("\nmisses (company | position | dimension | expected | got):")
    for miss in result["misses"]:
        print("  " + " | ".join(miss))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
