"""Render ``netlens plan`` and ``netlens person`` as text or JSON. Pure functions: plain
results in, text out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netlens.render.summary import render_json
from netlens.wording import plural, stated

__all__ = ["render_person", "render_plan"]


def _role(entry: dict[str, Any]) -> str:
    return " at ".join(part for part in (entry.get("position"), entry.get("company")) if part)


def render_plan(result: dict[str, Any], fmt: str, as_of: dt.date, source: str) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    lines = [f"Keep-in-touch plan — {source} (as of {stated(as_of)})", ""]
    once = [e for e in result["entries"] if not e["every_months"]]
    every = [e for e in result["entries"] if e["every_months"]]
    lines.append(
        f"Re-engage: {plural(len(once), 'contact')} of {result['candidates']:,} fading, "
        f"dormant or never in contact, {result['per_week']} a week over "
        f"{plural(result['weeks'], 'week')} from {result['start']}, the most valuable first."
    )
    if not once:
        lines.append("  none — no fading, dormant or never-contacted ties")
    for entry in once:
        lines += _entry_lines(entry)
    lines += ["", "Keep close: your strongest active ties, on a rhythm."]
    if not every:
        lines.append("  none — no active ties with messages, endorsements or recommendations")
    for entry in every:
        lines += _entry_lines(entry)
    return "\n".join(lines) + "\n"


def _entry_lines(entry: dict[str, Any]) -> list[str]:
    when = (
        f"every {entry['every_months']} months from {entry['due']}"
        if entry["every_months"]
        else entry["due"]
    )
    role = _role(entry)
    return [
        f"  {when}  {entry['name']}" + (f" — {role}" if role else ""),
        f"      why: {'; '.join(entry['reasons'])}",
        f"      say: {entry['opening']}",
    ]


def render_person(result: dict[str, Any], fmt: str, as_of: dt.date) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    if result.get("candidates") is not None:
        lines = [f"{plural(len(result['candidates']), 'contact')} match — which one?"]
        lines += [f"  {c['name']}" + (f" — {_role(c)}" if _role(c) else "")
                  for c in result["candidates"]]  # fmt: skip
        lines.append("Give more of the name, or the profile URL.")
        return "\n".join(lines) + "\n"
    p = result["person"]
    lines = [p["name"] + (f" — {_role(p)}" if _role(p) else "")]
    if p["url"]:
        lines.append(f"  https://www.{p['url']}")
    t = result["tie"]
    lines += [
        "",
        f"Tie: {t['tier']}, strength {t['strength']:.2f} (messages {t['parts']['message']:.2f}, "
        f"endorsements {t['parts']['endorsement']:.2f}, recommendations "
        f"{t['parts']['recommendation']:.2f}); last contact {t['last_contact'] or 'never'}",
    ]
    c = result["connection"]
    lines += ["", f"Connected: {c['connected_on'] or 'date unknown'}"]
    for invitation in c["invitations"]:
        who = "you invited them" if invitation["direction"] == "out" else "they invited you"
        lines.append(
            f"  {invitation['date'] or 'undated'}: {who}"
            + (" with a note" if invitation["note"] else ", no note")
        )
    m = result["messages"]
    lines += [
        "",
        f"Messages: {m['sent']:,} from you, {m['received']:,} from them"
        + (f" ({m['group']:,} in group chats)" if m["group"] else ""),
    ]
    for month in m["by_month"]:
        lines.append(f"  {month['month']}  {month['out']:>3} out  {month['in']:>3} in")
    for message in m.get("texts") or []:
        arrow = {"out": "→", "in": "←"}.get(message["direction"], "·")
        lines.append(f"  {message['date']} {arrow} {message['text']}")
    lines += ["", "Endorsements and recommendations:"]
    if not result["exchanges"]:
        lines.append("  none")
    for event in result["exchanges"]:
        who = "you → them" if event["direction"] == "out" else "them → you"
        lines.append(f"  {event['date'] or 'undated'}  {event['kind']:<14} {who}")
    if result["job_changes"]:
        lines += ["", "Job changes:"]
        for change in result["job_changes"]:
            lines.append(f"  {_role(change['before']) or '–'} → {_role(change['after']) or '–'}")
    lines += ["", "Why re-engage:" if result["reasons"] else "Not on the re-engage list."]
    lines += [f"  - {reason}" for reason in result["reasons"]]
    return "\n".join(lines) + "\n"
