"""What changed between two exports of the same person: added, removed, changed.

People are matched by ``person_id`` (the normalised profile URL, else the folded name);
people an older export knows only by name (before July 2023 there is no URL column) are
then matched by folded name when it is unique in both. A person whose company (compared by
normalised company key) or position (compared folded) differs has **changed** — usually a
job change, a good moment to congratulate them. Job changes come first.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from netlens.classify.text import company_key, fold
from netlens.model import Network

__all__ = ["diff"]


def diff(old: Network, new: Network) -> dict[str, Any]:
    """The ``netlens diff`` result: ``added``, ``removed`` and ``changed`` people."""
    before = old.people.set_index("person_id")
    after = new.people.set_index("person_id")
    pairs = [(pid, pid) for pid in before.index.intersection(after.index)]
    only_before = before.index.difference(after.index)
    only_after = after.index.difference(before.index)
    by_name_before = _unique_names(before.loc[only_before])
    by_name_after = _unique_names(after.loc[only_after])
    for name_key, pid_before in by_name_before.items():
        if name_key in by_name_after:
            pairs.append((pid_before, by_name_after[name_key]))
    matched_before = {b for b, _ in pairs}
    matched_after = {a for _, a in pairs}

    changed = []
    for pid_before, pid_after in pairs:
        was, now = before.loc[pid_before], after.loc[pid_after]
        company_moved = company_key(was["company"]) != company_key(now["company"])
        title_moved = fold(was["position"]) != fold(now["position"])
        if company_moved or title_moved:
            changed.append(
                {
                    "name": now["name"],
                    "url": _url(now["url"]),
                    "job_change": bool(company_moved),
                    "before": {"company": was["company"], "position": was["position"]},
                    "after": {"company": now["company"], "position": now["position"]},
                }
            )
    changed.sort(key=lambda c: (not c["job_change"], c["name"]))
    added = after.loc[[pid for pid in after.index if pid not in matched_after]]
    removed = before.loc[[pid for pid in before.index if pid not in matched_before]]
    return {
        "old": {"source": old.report.source, "people": len(before),
                "last_connected": old.report.last_connected},
        "new": {"source": new.report.source, "people": len(after),
                "last_connected": new.report.last_connected},
        "added": _people(added),
        "removed": _people(removed),
        "changed": changed,
    }  # fmt: skip


def _unique_names(people: pd.DataFrame) -> dict[str, str]:
    keys = people["name_key"]
    counts = keys.value_counts()
    return {key: pid for pid, key in keys.items() if key and counts[key] == 1}


def _url(value: Any) -> str | None:
    return None if pd.isna(value) else value


def _people(frame: pd.DataFrame) -> list[dict[str, Any]]:
    frame = frame.sort_values("connected_on", ascending=False, kind="stable", na_position="last")
    return [
        {
            "name": row["name"],
            "url": _url(row["url"]),
            "company": row["company"],
            "position": row["position"],
            "connected_on": None
            if pd.isna(row["connected_on"])
            else row["connected_on"].date().isoformat(),
        }
        for _, row in frame.iterrows()
    ]
