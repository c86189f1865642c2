"""The ``netlens team`` results as text or JSON, and as ``--redact`` lets them be shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netlens import __version__
from netlens.text import json_text
from netlens.wording import plural

__all__ = [
    "redact_added", "redact_members", "redact_one_added", "render_added", "render_count",
    "render_members", "render_one_added", "render_parquet",
]  # fmt: skip


def _json(fields: dict[str, Any]) -> str:
    return json_text({"netlens_version": __version__, **fields})


def redact_members(result: dict[str, Any]) -> dict[str, Any]:
    """``netlens team list --redact``: every member is a third party, shown by initials,
    with neither profile URL (their node id is one) nor export file; the workspace by its
    file name."""
    from netlens.wording import initials

    return {
        **result,
        "workspace": Path(result["workspace"]).name,
        "members": [
            {**m, "owner": None, "name": initials(m["name"]), "url": None, "source": None}
            for m in result["members"]
        ],
    }


def redact_added(result: dict[str, Any]) -> dict[str, Any]:
    """``netlens team add --redact``: each member added by initials, without profile URL or
    export file (:func:`redact_one_added`), the workspace by its file name."""
    return {
        **result,
        "workspace": Path(result["workspace"]).name,
        "added": [redact_one_added(done) for done in result["added"]],
    }


def redact_one_added(done: dict[str, Any]) -> dict[str, Any]:
    """One export's result of ``team add`` by initials, without profile URL or export file,
    and the connections that came and went by initials."""
    from netlens.wording import initials

    shown = {**done, "owner": None, "name": initials(done["name"]), "source": None}
    if done["status"] == "skipped":
        shown["reason"] = (
            f"the workspace holds a newer export of this person ({done['newer_snapshot']})"
        )
    if done.get("diff"):
        diff = done["diff"]
        shown["diff"] = {
            **diff,
            "added_names": [initials(n) for n in diff["added_names"]],
            "removed_names": [initials(n) for n in diff["removed_names"]],
        }
    return shown


def render_added(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return _json(result)
    lines = [render_one_added(done) for done in result["added"]]
    return "".join(lines) + render_count(result["workspace"], result["members"])


def render_one_added(done: dict[str, Any]) -> str:
    """The text lines of one export's result of ``team add``."""
    who = done["name"] or done["owner"]
    if done["status"] == "skipped":
        return f"Skipped {done['source'] or 'an export'}: {done['reason']}\n"
    lines = [
        f"{done['status'].capitalize()} {who} ({plural(done['connections'], 'connection')}, "
        f"export of {done['snapshot'] or 'unknown date'})"
        + (f" from {done['source']}" if done["source"] else "")
    ]
    diff = done.get("diff")
    if diff:
        for key, word in (("added", "new since"), ("removed", "gone since")):
            if diff[key]:
                names = ", ".join(diff[f"{key}_names"])
                more = " …" if diff[key] > len(diff[f"{key}_names"]) else ""
                lines.append(
                    f"  {plural(diff[key], 'connection')} {word} the export it replaces: "
                    f"{names}{more}"
                )
        if not diff["added"] and not diff["removed"]:
            lines.append("  the same connections as the export it replaces")
    return "\n".join(lines) + "\n"


def render_count(workspace: str, members: int) -> str:
    return f"{workspace}: {plural(members, 'member')}\n"


def render_members(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return _json(result)
    members = result["members"]
    lines = [
        f"{result['workspace']}: {plural(len(members), 'member')}, "
        f"{result['people']:,} different people in their connections"
    ]
    for m in members:
        lines.append(
            f"  {m['name'] or m['owner']:<28}  export of {m['snapshot'] or 'unknown date':<10}  "
            f"{m['connections']:>6,} connections  {m['source'] or ''}".rstrip()
        )
    return "\n".join(lines) + "\n"


def render_parquet(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return _json(result)
    lines = [f"Wrote the workspace's tables to {result['directory']}:"]
    lines += [f"  {table}.parquet  {rows:,} rows" for table, rows in result["rows"].items()]
    return "\n".join(lines) + "\n"
