"""Render the result of ``netlens summary`` as a short table or as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netlens import __version__
from netlens.text import json_text
from netlens.wording import as_of_reason, plural, stated

__all__ = ["render_json", "render_summary"]


def render_json(fields: dict[str, Any], as_of: dt.date) -> str:
    """One JSON object: ``netlens_version``, ``as_of`` and ``as_of_source`` (where that date
    came from), then the command's fields."""
    payload = {
        "netlens_version": __version__,
        "as_of": as_of.isoformat(),
        "as_of_source": as_of_reason(as_of),
        **fields,
    }
    return json_text(payload)


def render_summary(
    summary: dict[str, Any], fmt: str, as_of: dt.date, health: dict[str, Any] | None = None
) -> str:
    """The summary as text (with the health check after it) or JSON (with a ``health``
    field)."""
    if fmt == "json":
        return render_json({**summary, "health": health} if health else summary, as_of)
    text = render_summary_text(summary, as_of)
    if health:
        from netlens.render.relationships import render_health_text

        text += "\n" + render_health_text(health)
    return text


def render_summary_text(s: dict[str, Any], as_of: dt.date) -> str:
    owner = s["owner"]
    who = " · ".join(part for part in (owner["name"], owner["url"]) if part) or "not identified"
    excluded = {k: v for k, v in s.get("excluded_messages", {}).items() if v}
    messages = f"{s['messages']:,}"
    if excluded:
        left_out = ", ".join(plural(n, kind) for kind, n in excluded.items())
        messages += f"  (not counted: {left_out})"
    span = f"{s['first_connected']} → {s['last_connected']}" if s["first_connected"] else "unknown"
    rows = [
        ("Owner", who),
        (
            "Connections",
            f"{plural(s['connections'], 'row')}: {plural(s['people'], 'person')}, "
            + plural(s["hidden_members"], "hidden member"),
        ),
        ("Connected", span),
        ("Newest record", s.get("newest_record") or "none dated"),
        ("Messages", messages),
        ("Invitations", f"{s['invitations']:,}"),
        ("Endorsements", f"{s['endorsements']:,}"),
        ("Recommendations", f"{s['recommendations']:,}"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"netlens summary of {s['source']} (as of {stated(as_of)})", ""]
    lines += [f"  {label:<{width}}  {value}" for label, value in rows]
    lines += ["", "Files read"]
    name_width = max((len(name) for name in s["files"]), default=0)
    lines += [
        f"  {name:<{name_width}}  {plural(rows, 'row'):>12}" for name, rows in s["files"].items()
    ]
    outside = {kind: n for kind, n in s.get("unmatched", {}).items() if n}
    if outside:
        shown = ", ".join(plural(n, kind) for kind, n in outside.items())
        lines += ["", f"With people who are not your connections (left out): {shown}"]
    if s["ignored_files"]:
        ignored = s["ignored_files"]
        shown = ", ".join(ignored[:5]) + (
            f" and {len(ignored) - 5} more" if len(ignored) > 5 else ""
        )
        lines += [
            "",
            f"Ignored ({plural(len(ignored), 'file')} netlens does not use): " + shown,
        ]
    later = s.get("connected_after_as_of")
    if later:
        lines += [
            "",
            f"{plural(later, 'connection')} dated after {as_of.isoformat()}: counted above "
            "(they are in the files), left out of the health check below.",
        ]
    if s["warnings"]:
        lines += ["", "Warnings"]
        lines += [f"  ! {warning}" for warning in s["warnings"]]
    return "\n".join(lines) + "\n"
