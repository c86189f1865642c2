"""Measure classification accuracy on a labelled CSV (``company,position,industry,function,
seniority``, optionally ``language``), as recorded in docs/classification.md.

    python -m netlens.classify.evaluate tests/data/classification_longtail.csv

Accuracy counts ``Unknown`` as wrong; coverage is the share given any label but ``Unknown``.
Each row is classified alone (:func:`classify_company`), so the ``colleagues`` layer of
:func:`netlens.classify.classify_people` is not measured here.
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
    """Accuracy and coverage per dimension, industry accuracy per deciding layer, the
    accuracy per language when rows say theirs, and the misses (``(company, position,
    dimension, expected, got)``)."""
    right: Counter[str] = Counter()
    known: Counter[str] = Counter()
    by_layer: dict[str, Counter[str]] = {}
    by_language: dict[str, Counter[str]] = {}
    misses = []
    for row in rows:
        industry = classify_company(row["company"], row["position"])
        function, seniority = classify_position(row["position"], row["company"])
        got = {"industry": industry.label, "function": function, "seniority": seniority}
        layer = by_layer.setdefault(industry.source, Counter())
        layer["rows"] += 1
        layer["right"] += got["industry"] == row["industry"]
        language = by_language.setdefault(row.get("language") or "", Counter())
        language["rows"] += 1
        language["unknown"] += got["industry"] == UNKNOWN
        for dim in DIMENSIONS:
            language[dim] += got[dim] == row[dim]
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
        "by_language": {
            language: {
                "rows": c["rows"],
                "unknown": c["unknown"] / c["rows"],
                **{dim: c[dim] / c["rows"] for dim in DIMENSIONS},
            }
            for language, c in sorted(by_language.items(), key=lambda item: -item[1]["rows"])
            if language
        },
        "misses": misses,
    }


def read_rows(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str]) -> int:
    show_misses = "--no-misses" not in argv
    paths = [arg for arg in argv if arg != "--no-misses"]
    if len(paths) != 1:
        print(
            "usage: python -m netlens.classify.evaluate LABELLED.csv [--no-misses]",
            file=sys.stderr,
        )
        return 2
    result = evaluate(read_rows(paths[0]))
    print(f"{result['rows']} labelled rows")
    print("| dimension | accuracy | coverage |\n|---|---|---|")
    for dim in DIMENSIONS:
        print(f"| {dim} | {result['accuracy'][dim]:.1%} | {result['coverage'][dim]:.1%} |")
    if result["by_language"]:
        print("\n| language | rows | unknown industry | industry | function | seniority |")
        print("|---|---|---|---|---|---|")
        for language, f in result["by_language"].items():
            print(
                f"| {language} | {f['rows']} | {f['unknown']:.0%} | {f['industry']:.0%} | "
                f"{f['function']:.0%} | {f['seniority']:.0%} |"
            )
    print("\n| industry decided by | rows | accuracy |\n|---|---|---|")
    for layer, figures in result["industry_by_layer"].items():
        print(f"| {layer} | {figures['rows']} | {figures['accuracy']:.1%} |")
    if show_misses:  # a held-out set is measured without looking at its misses
        print("\nmisses (company | position | dimension | expected | got):")
        for miss in result["misses"]:
            print("  " + " | ".join(miss))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
