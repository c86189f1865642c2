"""Render reach and intros results as text or JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netlens.analyze.reach import structure_is_telling
from netlens.render.summary import render_json
from netlens.wording import fit, plural, stated

__all__ = ["render_intros", "render_reach"]


def render_reach(result: dict[str, Any], fmt: str, as_of: dt.date, source: str) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    lines = [f"Reach — {source} (as of {stated(as_of)})", ""]
    exports = result["exports"]
    merged = (
        f"merging {plural(exports, 'export')}"
        if exports > 1
        else "from your export and the edges file"
        if result["second_degree"] is not None
        else "from your export alone"
    )
    lines.append(f"How far your network reaches, {merged}:")
    for label, key in (("1st degree", "first_degree"), ("2nd degree", "second_degree"),
                       ("3rd degree", "third_degree")):  # fmt: skip
        value = result[key]
        shown = (
            f"{value:,}"
            if value is not None
            else "unknown (needs --with, --team or --edges)"
            if key == "second_degree" or result["second_degree"] is None
            else "unknown (no export or edges file shows who your 2nd degree knows)"
        )
        lines.append(f"  {label}  {shown}")
    if result["redundancy"] is not None and result["second_degree"]:
        share = result["redundancy"]
        rest = "" if share >= 1 else "; the rest hang on a single one"
        lines.append(
            f"\n{share:.0%} of your second-degree people can be reached through two or more "
            f"of your contacts{rest}."
        )
    if result["bridges"]:
        lines += ["", "Bridges — the contacts who open the most doors:"]
        width = max(len(b["name"]) for b in result["bridges"])
        for b in result["bridges"]:
            lines.append(
                f"  {fit(b['name'], min(width, 28))}  reaches {b['reach']:>5,} "
                f"{'person' if b['reach'] == 1 else 'people'}, "
                f"{b['unique_reach']:>5,} only through them"
            )
    structure = result["structure"]
    if structure and not structure_is_telling(structure):
        known = structure["contacts"] - structure["local_bridges"]
        lines += [
            "",
            f"Ties among your contacts are known for only {known:,} of your "
            f"{structure['contacts']:,} contacts (those in the merged exports or the edges "
            "file): too few for effective size, constraint or local bridges to mean anything. "
            "Merge more exports to see the structure of your circle.",
        ]
    elif structure:
        lines += [
            "",
            f"Structure of your own circle ({structure['ties_among_contacts']:,} known ties "
            "among your contacts):",
            f"  effective size {structure['effective_size']:.1f} of {structure['contacts']:,} "
            f"contacts (efficiency {structure['efficiency']:.2f}): "
            "how many non-redundant contacts you have",
            f"  constraint {structure['constraint']:.3f}: low means your contacts do not know "
            "each other — you broker between circles",
            f"  {plural(structure['local_bridges'], 'contact')} know none of your other "
            "contacts, as far as these exports show: your ties to them are local bridges",
        ]
    if result["communities"]:
        lines += ["", "Groups among your contacts (who knows whom):"]
        for c in result["communities"][:8]:
            label = f" — {c['label']}" if c["label"] else ""
            lines.append(f"  {plural(c['size'], 'person')}{label}")
    second = result["companies_by_degree"].get("2")
    if second and second["top"]:
        lines += [
            "",
            f"Companies of your second degree: {second['distinct']:,}. Most present:",
        ]
        lines += [f"  {c['company']} ({c['people']:,})" for c in second["top"][:5]]
    industries = result["industries_by_degree"].get("2")
    known = {k: v for k, v in (industries or {}).items() if k != "Unknown"}
    if known:
        lines.append(
            f"Industries of your second degree: {len(known)} of LinkedIn's 20, most of all "
            f"{next(iter(known))}."
        )
    if result["unresolved_edges"]:
        lines.append(
            f"\n{plural(result['unresolved_edges'], 'tie')} in the edges file named the same "
            "person twice, or a name several people share, and "
            f"{'was' if result['unresolved_edges'] == 1 else 'were'} left out."
        )
    for note in result["notes"]:
        lines += ["", note]
    return "\n".join(lines) + "\n"


def render_intros(result: dict[str, Any], fmt: str, as_of: dt.date) -> str:
    if fmt == "json":
        return render_json(result, as_of)
    query = result["query"]
    wanted = query["to"]
    if query["company"]:
        meant = result["companies"]
        named = ", ".join(meant[:3]) + (f" and {len(meant) - 3} more" if len(meant) > 3 else "")
        wanted = f"anyone at {named or query['company']}"
    lines = [
        f"Introductions to {wanted}: {result['reachable']} of "
        f"{plural(result['targets'], 'person')} reachable, best paths first",
        "",
    ]
    if not result["paths"]:
        lines.append("No path: no one in the merged exports links you to them.")
    for number, path in enumerate(result["paths"], start=1):
        lines.append(f"{number:>3}. {path['advice']}")
    return "\n".join(lines) + "\n"
