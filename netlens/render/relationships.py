"""Render the relationship analyzers — stale, reengage, growth, diff, health — as text,
JSON or CSV. Pure functions: plain results in, text out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netlens.output import csv_text
from netlens.render.summary import render_json
from netlens.wording import fit, plural, stated

__all__ = [
    "render_diff",
    "render_growth",
    "render_health_text",
    "render_reengage",
    "render_stale",
]

STALE_ROWS = 20
TIER_MEANING = {
    "active": "in contact within {months}",
    "fading": "no contact for {months} to 3 years",
    "dormant": "no contact for over 3 years",
    "new": "connected within {months}, no contact yet",
    "never": "connected earlier, never in contact",
    "unknown": "no date at all",
}
STALE_CSV_COLUMNS = [
    "name", "url", "company", "position", "connected_on", "last_interaction", "last_contact",
    "days_since", "tier", "engaged", "messages", "strength",
]  # fmt: skip


def _header(title: str, source: str, as_of: dt.date) -> list[str]:
    return [f"{title} — {source} (as of {stated(as_of)})", ""]


def render_stale(result: dict[str, Any], fmt: str, as_of: dt.date, source: str) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    if fmt == "csv":
        rows = [[c[col] for col in STALE_CSV_COLUMNS] for c in result["contacts"]]
        return csv_text(STALE_CSV_COLUMNS, rows)
    months = result["months"]
    lines = _header("Stale ties", source, as_of)
    total = result["people"] or 1
    for tier, count in result["tiers"].items():
        meaning = TIER_MEANING[tier].format(months=plural(months, "month"))
        lines.append(f"  {tier:<8} {count:>6,}  {count / total:>4.0%}  {meaning}")
    valuable = [
        c for c in result["contacts"] if c["tier"] in ("dormant", "fading") and c["engaged"]
    ]
    lines += [
        "",
        "Fading and dormant ties you once talked with, the strongest first "
        "(messages, recommendations ×3, endorsements ×½):",
    ]
    if not valuable:
        lines.append(
            "  none — every conversation partner is still active (or there are no messages)"
        )
    for c in valuable[:STALE_ROWS]:
        lines.append(
            f"  {fit(c['name'], 28)} {c['tier']:<8} last {c['last_contact']}  "
            f"{plural(c['messages'], 'message'):>13}  {_role(c)}"
        )
    if len(valuable) > STALE_ROWS:
        lines.append(f"  … and {len(valuable) - STALE_ROWS:,} more (--format csv lists everyone)")
    return "\n".join(lines) + "\n"


def _role(contact: dict[str, Any]) -> str:
    """``Director at Acme``; a placeholder company (``Freelance``) is no employer."""
    from netlens.classify import is_placeholder

    position, company = contact["position"], contact["company"]
    if company and is_placeholder(company):
        return f"{position} ({company})" if position and company.strip("-. ") else position or ""
    return " at ".join(part for part in (position, company) if part)


def render_reengage(result: dict[str, Any], fmt: str, as_of: dt.date, source: str) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    if fmt == "csv":
        columns = ["rank", "name", "url", "company", "position", "tier", "connected_on",
                   "last_contact", "score", "days_since", "reasons"]  # fmt: skip
        rows = [
            [rank, c["name"], c["url"], c["company"], c["position"], c["tier"],
             c["connected_on"], c["last_contact"], c["score"], c["days_since"],
             "; ".join(c["reasons"])]
            for rank, c in enumerate(result["contacts"], start=1)
        ]  # fmt: skip
        return csv_text(columns, rows)
    lines = _header("Whom to re-engage", source, as_of)
    if not result["contacts"]:
        lines.append("No fading, dormant or never-contacted ties: every tie is active or new.")
        return "\n".join(lines) + "\n"
    shown, total = len(result["contacts"]), result["candidates"]
    lines.append(
        f"All {total:,} fading, dormant or never-contacted ties, best first:"
        if shown == total
        else f"The {shown} most valuable of {total:,} fading, dormant or never-contacted ties, "
        "best first:"
    )
    for rank, c in enumerate(result["contacts"], start=1):
        lines += ["", f"{rank:>3}. {c['name']}" + (f" — {_role(c)}" if _role(c) else "")]
        lines += [f"       · {reason}" for reason in c["reasons"]]
    return "\n".join(lines) + "\n"


def render_growth(result: dict[str, Any], fmt: str, as_of: dt.date, source: str) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    if fmt == "csv":
        rows = [[m["month"], m["added"], m["total"]] for m in result["by_month"]]
        return csv_text(["month", "added", "total"], rows)
    lines = _header("Growth", source, as_of)
    if not result["by_year"]:
        return "\n".join([*lines, "No dated connections."]) + "\n"
    top = max(year["added"] for year in result["by_year"]) or 1
    lines.append("  year    added    total")
    for year in result["by_year"]:
        bar = "█" * max(1, round(30 * year["added"] / top)) if year["added"] else ""
        partial = " (so far)" if year["year"] == as_of.year else ""
        lines.append(f"  {year['year']}  {year['added']:>7,}  {year['total']:>7,}  {bar}{partial}")
    lines += [
        "",
        f"Last 12 months: {plural(result['last_12_months'], 'connection')} "
        f"({result['pace_per_week']:.1f} a week).",
        f"Burst days (≥ {result['burst_threshold']} connections in a day): "
        + (
            ", ".join(f"{b['date']} ({b['added']})" for b in result["bursts"][:8])
            + (f" and {len(result['bursts']) - 8} more" if len(result["bursts"]) > 8 else "")
            + f" — {result['burst_share']:.0%} of your connections."
            if result["bursts"]
            else "none."
        ),
        f"Headroom to LinkedIn's {result['cap']:,}-connection cap: {result['cap_headroom']:,}.",
    ]
    if result["undated"]:
        lines.append(f"{plural(result['undated'], 'connection')} without a readable date.")
    return "\n".join(lines) + "\n"


def render_diff(result: dict[str, Any], fmt: str, as_of: dt.date) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    old, new = result["old"], result["new"]
    lines = [
        f"What changed between {old['source']} ({old['people']:,} people) and "
        f"{new['source']} ({new['people']:,} people), as of {stated(as_of)}",
        "",
    ]
    lines += [f"Note: {note}" for note in result.get("notes", [])]
    if result.get("notes"):
        lines.append("")
    moves = [c for c in result["changed"] if c["job_change"]]
    titles = [c for c in result["changed"] if not c["job_change"]]
    if moves:
        lines.append(f"Job changes — a good moment to congratulate ({len(moves)}):")
        for c in moves:
            was, now = _role(c["before"]), _role(c["after"])
            lines.append(f"  {c['name']}: {was or '?'} → {now or '?'}")
        lines.append("")
    if titles:
        lines.append(f"New titles at the same company ({len(titles)}):")
        for c in titles:
            before, after = c["before"]["position"], c["after"]["position"]
            moved = f"{before or '?'} → {after or '?'}: " if before or after else ""
            lines.append(f"  {c['name']}: {moved}{c['after']['company']}")
        lines.append("")
    if not (result["changed"] or result["added"] or result["removed"]):
        lines.append(
            f"Nothing changed: the same {plural(new['people'], 'person')}, with the same "
            "companies and titles."
        )
    for key, title in (("added", "New connections"), ("removed", "No longer connected")):
        people = result[key]
        if not people:
            continue
        lines.append(f"{title} ({len(people):,}):")
        for p in people[:25]:
            role = _role(p)
            lines.append(f"  {p['name']}" + (f" — {role}" if role else ""))
        if len(people) > 25:
            lines.append(f"  … and {len(people) - 25:,} more (--format json lists everyone)")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_health_text(result: dict[str, Any]) -> str:
    """A few lines for ``netlens summary``: the overall score and each section's figure."""
    total = len(result["sections"])
    if result["score"] is None:
        lines = [
            f"Network health: no overall score — only {result['sections_scored']} of {total} "
            "sections have the data they need (a complete export has messages and invitations)"
        ]
        for s in result["sections"]:
            if s["available"]:
                lines.append(f"  {s['score']:>3}  {s['title']:<36} {s['shown']:>5} {s['measure']}")
        return "\n".join(lines) + "\n"
    basis = (
        "" if result["sections_scored"] == total
        else f", from {result['sections_scored']} of {total} sections — the rest need data "
        "this export lacks"
    )  # fmt: skip
    lines = [f"Network health {result['score']}/100 ({result['status']}{basis})"]
    for s in result["sections"]:
        score = f"{s['score']:>3}" if s["available"] else "  –"
        figure = f"{s['shown']:>5} {s['measure']}" if s["available"] else f"      {s['detail']}"
        lines.append(f"  {score}  {s['title']:<36} {figure}")
    weakest = min(
        (s for s in result["sections"] if s["available"]), key=lambda s: s["score"], default=None
    )
    if weakest and weakest["score"] < 70:
        lines.append(f"Next step: {weakest['next_step']}")
    return "\n".join(lines) + "\n"
