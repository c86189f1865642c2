"""Render a diversity result (:func:`netlens.analyze.diversity.diversity`) as text, JSON or CSV."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netlens.output import csv_text
from netlens.render.summary import render_json
from netlens.wording import fit, percent, plural, stated, width

__all__ = ["render_diversity", "render_unknown_companies"]

NOUNS = {
    "industry": ("industry", "industries"),
    "company": ("company", "companies"),
    "function": ("job function", "job functions"),
    "seniority": ("seniority level", "seniority levels"),
}
TOP_ROWS = 15
BAR_WIDTH = 28


def render_diversity(
    result: dict[str, Any], fmt: str, as_of: dt.date, source: str = "", *, hint: bool = True
) -> str:
    """The result as text, JSON or CSV; ``hint``: end the text with how to fill in unknown
    industries (not when the command is already writing the file for it)."""
    if fmt == "json":
        return render_json(result, as_of)
    if fmt == "csv":
        rows = [(c["name"], c["count"], round(c["share"], 6)) for c in result["categories"]]
        if result["unknown"]:
            rows.append(("Unknown", result["unknown"], None))
        return csv_text(["name", "count", "share"], rows)
    return _text(result, as_of, source, hint)


def _text(r: dict[str, Any], as_of: dt.date, source: str, hint: bool) -> str:
    one, many = NOUNS[r["by"]]
    lines = [
        f"Diversity by {one} — {source} (as of {stated(as_of)})",
        "",
        f"{plural(r['total'], 'person')}: {r['known']:,} classified, "
        f"{r['unknown']:,} unknown ({percent(r['unknown_share'])}).",
        "",
    ]
    shown = r["categories"][:TOP_ROWS]
    if shown:
        name_width = min(max(width(c["name"]) for c in shown), 40)
        top = shown[0]["share"]
        for c in shown:
            bar = "█" * max(1, round(BAR_WIDTH * c["share"] / top))
            lines.append(
                f"  {fit(c['name'], name_width)}  {c['count']:>6,}  {percent(c['share']):>4}  {bar}"
            )
        rest = r["categories"][TOP_ROWS:]
        if rest:
            lines.append(
                f"  … and {len(rest):,} more {many} with {sum(c['count'] for c in rest):,} people"
            )
        lines.append("")
    lines += _explain(r, one, many, hint)
    return "\n".join(lines) + "\n"


def _explain(r: dict[str, Any], one: str, many: str, hint: bool) -> list[str]:
    if not r["categories"]:
        return [f"No {one} could be inferred for anyone; see below how to fill it in."]
    top = r["categories"][0]
    present, possible = r["present_categories"], r["possible_categories"]
    out = [
        f"Your network behaves like one spread evenly over {r['effective_number']:.1f} {many} "
        f"(effective number, e^H); {percent(r['top_share'])} of it sits in {top['name']}.",
        f"Shannon entropy H = {r['shannon']:.2f}"
        + (
            f"; evenness {r['evenness']:.2f} (1 would mean all {present} {many} present were "
            "equally common)."
            if r["evenness"] is not None
            else "."
        ),
        f"Blau index {r['blau']:.2f}: two people picked at random differ in {one} "
        f"{percent(r['blau'])} of the time.",
    ]
    if r["iqv"] is not None:
        over = f"LinkedIn's {possible} {many}" if possible else f"the {present} {many} present"
        out.append(
            f"IQV {r['iqv']:.2f}: {percent(r['iqv'])} of the diversity possible over {over}."
        )
    k = possible or present
    out.append(
        f"HHI {r['hhi']:,.0f}: on a scale where 10,000 means everyone in one {one} and "
        f"{10_000 / k:,.0f} an even spread over all {k}."
    )
    if r["unknown"] and r["by"] == "industry" and hint:
        out += [
            "",
            f"{percent(r['unknown_share'])} of people have no known industry. To fill it in: "
            "netlens diversity EXPORT --unknown-out unknown.csv, write an industry in the rows "
            "you know, then pass --industry-map unknown.csv.",
        ]
    elif r["unknown"] and r["by"] == "company":
        out += [
            "",
            f"{percent(r['unknown_share'])} of people name no employer (Self-employed, "
            "Freelance, Confidential, or nothing).",
        ]
    return out


def render_unknown_companies(people) -> tuple[str, str]:
    """The companies whose people are left without an industry, most frequent first, as a
    CSV with an empty ``industry`` column to fill in and pass back with --industry-map; and
    a note on what it holds, for ``Wrote <note>`` (people who name no employer cannot be
    mapped)."""
    unknown = people[people["industry"] == "Unknown"]
    named = unknown[unknown["company_key"] != ""]
    counts = (
        named.groupby("company_key")
        .agg(company=("company_name", "first"), people=("company_key", "size"))
        .sort_values(["people", "company"], ascending=[False, True], kind="stable")
    )
    rows = [(row.company, "", row.people) for row in counts.itertuples()]
    note = f"{plural(len(counts), 'company')} ({plural(len(named), 'person')} without an industry)"
    no_employer = len(unknown) - len(named)
    if no_employer:
        note += (
            f"; {plural(no_employer, 'more person')} name no employer (Self-employed, "
            "Freelance, Confidential…), which a map cannot classify"
        )
    return csv_text(["company", "industry", "people"], rows), note
