"""What of third parties a report shows: one pass over the review's results.

:func:`redacted` takes a :class:`~netlens.report.describe.Description` and returns the one
the report is shaped from. An export — the owner's, a teammate's — is named by its file,
never its folder (a path tells the user's name). With ``redact``, every third party —
contacts, teammates — appears by their initials (:func:`initials`), with neither profile
URL nor position, a teammate's export is not named at all, and the load's warnings do not
quote the export; the owner is shown as in the export.

Names reach the report only through the results this pass covers: the re-engage list
(``ranked``), the bridges, communities and notes of the reach (``reached``), and the
labels of the network drawing (``among``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from netlens.report.describe import Description
from netlens.wording import initials

__all__ = [
    "initials", "note_source", "redact_contact", "redact_label", "redact_result", "redacted",
]  # fmt: skip


def redacted(description: Description, *, redact: bool = False) -> Description:
    """``description`` as a report may show it (see the module docstring); the original
    is left as it was."""
    summary = {**description.summary, "source": Path(description.summary["source"]).name}
    reached = description.reached
    reached = {**reached, "notes": [note_source(note, redact) for note in reached["notes"]]}
    if not redact:
        return dataclasses.replace(description, summary=summary, reached=reached)
    # A warning that quotes the export has a form without the quote (Quoting).
    summary["warnings"] = [getattr(w, "redacted", w) for w in summary["warnings"]]
    ranked = description.ranked
    among = description.among
    return dataclasses.replace(
        description,
        summary=summary,
        ranked={**ranked, "contacts": [redact_contact(c) for c in ranked["contacts"]]},
        reached={
            **reached,
            "bridges": [redact_contact(bridge) for bridge in reached["bridges"]],
            "communities": [
                {
                    **group,
                    "label": redact_label(group["label"]),
                    "members": [initials(name) for name in group["members"]],
                }
                for group in reached["communities"]
            ],
        },
        among=among
        if not among or "communities" not in among
        else {
            **among,
            "communities": [
                {**group, "label": redact_label(group["label"])} for group in among["communities"]
            ],
            "teammates": [[position, initials(name)] for position, name in among["teammates"]],
        },
    )


def redact_contact(contact: dict[str, Any]) -> dict[str, Any]:
    """A contact (of the re-engage list, a bridge) by initials, without URL or position."""
    return {**contact, "name": initials(contact["name"]), "url": None, "position": None}


def redact_label(label: str) -> str:
    """A community named after a teammate (``around Maya Cohen``) names them by initials."""
    return f"around {initials(label[7:])}" if label.startswith("around ") else label


def note_source(note: str, redact: bool) -> str:
    """A note about a teammate's export names the file, never its folder (a path tells the
    user's name), and under ``redact`` not even the file."""
    head, colon, rest = note.partition(": ")
    names_a_file = head.lower().endswith((".zip", ".csv")) or "/" in head
    if not colon or not names_a_file:
        return note
    shown = "A teammate's export" if redact else Path(head).name
    return f"{shown}: {rest}"


def redact_result(value: Any, key: str = "") -> Any:
    """A command's result (``stale``, ``reengage``, ``reach``, ``intros``, ``diff``) as
    ``--redact`` shows it: every person by initials, without profile URL or position
    (a job change keeps its companies), communities and intros named by initials, and
    exports by file name only — never a folder, which tells the user's name."""
    if isinstance(value, list):
        if key in ("members", "via"):
            return [initials(name) for name in value]
        if key == "notes":
            return [note_source(note, True) for note in value]
        return [redact_result(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "target" in value and "via" in value:  # a path of intros
        via = [initials(name) for name in value["via"]]
        target = initials(value["target"])
        from netlens.analyze.intros import advice

        return {**value, "target": target, "target_url": None, "via": via,
                "advice": advice(via, target)}  # fmt: skip
    out = {name: redact_result(item, name) for name, item in value.items()}
    if "name" in value and ("url" in value or "position" in value):
        out.update(name=initials(value["name"]), url=None)
        if "position" in value:
            out["position"] = None
    if key in ("before", "after") and "position" in value:
        out["position"] = None
    if "label" in value and isinstance(value["label"], str):
        out["label"] = redact_label(value["label"])
    if isinstance(value.get("source"), str):
        out["source"] = Path(value["source"]).name
    if key == "query" and value.get("to"):  # a name, or a profile URL (whose slug is one)
        to = value["to"]
        out["to"] = "a profile URL" if "linkedin.com" in to.lower() else initials(to)
    return out
