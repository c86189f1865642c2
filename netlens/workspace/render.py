"""The ``netlens team`` results as text or JSON."""

from __future__ import annotations

from typing import Any

from netlens import __version__
from netlens.text import json_text
from netlens.wording import plural

__all__ = ["render_added", "render_members", "render_parquet"]


def _json(fields: dict[str, Any]) -> str:
    return json_text({"netlens_version": __version__, **fields})


def render_added(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return _json(result)
    lines = []
    for done in result["added"]:
        who = done["name"] or done["owner"]
        if done["status"] == "skipped":
            lines.append(f"Skipped {done['source']}: {done['reason']}")
            continue
        lines.append(
            f"{done['status'].capitalize()} {who} ({plural(done['connections'], 'connection')}, "
            f"export of {done['snapshot'] or 'unknown date'}) from {done['source']}"
        )
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
    lines.append(f"{result['workspace']}: {plural(result['members'], 'member')}")
    return "\n".join(lines) + "\n"


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
            f"{m['connections']:>6,} connections  {m['source']}"
        )
    return "\n".join(lines) + "\n"


def render_parquet(result: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return _json(result)
    lines = [f"Wrote the workspace's tables to {result['directory']}:"]
    lines += [f"  {table}.parquet  {rows:,} rows" for table, rows in result["rows"].items()]
    return "\n".join(lines) + "\n"
