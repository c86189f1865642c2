"""What changed between two exports of the same person: added, removed, changed.

People are matched by ``person_id`` (the normalised profile URL, else the folded name);
people an older export knows only by name (before July 2023 there is no URL column) are
then matched by folded name — namesakes pairing first with the namesake at the same
company. A person whose company (compared by normalised company key) or position (compared
folded) differs has **changed** — usually a job change, a good moment to congratulate them.
Job changes come first.

Two exports of different people are refused; exports given newest first are compared as
given, with a note.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from netlens.classify.text import company_key, fold
from netlens.errors import NetlensError
from netlens.model import Network
from netlens.wording import iso_date

__all__ = ["diff"]


def diff(old: Network, new: Network) -> dict[str, Any]:
    """The ``netlens diff`` result: ``added``, ``removed`` and ``changed`` people, and
    ``notes`` on anything odd about the pair of exports."""
    _same_owner(old, new)
    notes = []
    if (old.report.last_connected or "") > (new.report.last_connected or "9999"):
        notes.append(
            f"the OLD export has connections up to {old.report.last_connected}, the NEW one "
            f"only up to {new.report.last_connected}: did you swap them?"
        )
    before = old.people.set_index("person_id")
    after = new.people.set_index("person_id")
    pairs = [(pid, pid) for pid in before.index.intersection(after.index)]
    only_before = before.loc[before.index.difference(after.index)]
    only_after = after.loc[after.index.difference(before.index)]
    pairs += _pair_by_name(only_before, only_after)
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
        "notes": notes,
        "old": {"source": old.report.source, "people": len(before),
                "last_connected": old.report.last_connected},
        "new": {"source": new.report.source, "people": len(after),
                "last_connected": new.report.last_connected},
        "added": _people(added),
        "removed": _people(removed),
        "changed": changed,
    }  # fmt: skip


def _same_owner(old: Network, new: Network) -> None:
    for field in ("url", "name"):
        a, b = getattr(old.owner, field), getattr(new.owner, field)
        if a and b:
            if fold(a) != fold(b):
                raise NetlensError(
                    f"{old.report.source} is {old.owner.name or a}'s export and "
                    f"{new.report.source} is {new.owner.name or b}'s — diff compares two "
                    "exports of the same person"
                )
            return


def _pair_by_name(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[str, str]]:
    """Pair people known by name only on one side with namesakes on the other: within a
    name, those at the same company first, then the rest in file order."""
    pairs = []
    after_by_name = {key: group for key, group in after.groupby("name_key", sort=False) if key}
    for key, group in before.groupby("name_key", sort=False):
        if key not in after_by_name:
            continue
        left = list(group.index)
        right = list(after_by_name[key].index)
        for pid in list(left):
            company = company_key(before.at[pid, "company"])
            same = [q for q in right if company_key(after.at[q, "company"]) == company]
            if same:
                pairs.append((pid, same[0]))
                left.remove(pid)
                right.remove(same[0])
        pairs += list(zip(left, right, strict=False))
    return pairs


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
            "connected_on": iso_date(row["connected_on"]),
        }
        for _, row in frame.iterrows()
    ]
