"""The sections on who is in the network and how far it reaches: diversity, where the
contacts work, reach (bridges, communities) and the network drawing.

Shaped from the results of :mod:`netlens.report.describe` after the redaction pass
(:mod:`netlens.report.redact`): names are shown as they come. The other sections, and the
report they make, are in :mod:`netlens.report.sections`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netlens.analyze.reach import structure_is_telling
from netlens.classify import UNKNOWN
from netlens.report.describe import DRAWN_GROUPS
from netlens.report.formatting import clip, fmt
from netlens.report.model import Chart, Figure, Section, Table
from netlens.wording import percent, plural

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["concentration_section", "diversity_section", "reach_section"]

TOP_COMPANIES = 15
TOP_INDUSTRIES = 20  # all of LinkedIn's groups: every bar then has its row in the table
TOP_UNKNOWN = 10


def reach_section(
    reached: dict[str, Any],
    among: dict[str, Any] | None,
    people: pd.DataFrame,
    ties: pd.DataFrame,
) -> Section:
    """Degrees, redundancy and Burt's measures; the bridges and communities; the drawing
    (of the ties ``among`` the contacts when known, else of contacts around the owner)."""
    second, third = reached["second_degree"], reached["third_degree"]
    figures = [
        Figure("First degree", f"{reached['first_degree']:,}", reached["first_degree"]),
        Figure(
            "Second degree",
            "–" if second is None else f"{second:,}",
            second,
            "needs teammates' exports" if second is None else "friends of friends",
        ),
        Figure(
            "Third degree",
            "–" if third is None else f"{third:,}",
            third,
            "as far as the merged data shows"
            if third is not None
            else "unknown: no export shows whom your 2nd degree knows"
            if second is not None
            else "",
        ),
        Figure(
            "Redundancy",
            percent(reached["redundancy"]),
            reached["redundancy"],
            "2nd degree reachable two ways" if second is not None else "",
        ),
        Figure("Exports merged", f"{reached['exports']}", reached["exports"]),
    ]
    section = Section(
        "reach",
        "How far the network reaches",
        intro="Your connections are the first degree; the people they know are the second. "
        "Bridges are the contacts through whom you reach the most people — the ones to ask "
        "for introductions.",
        figures=figures,
        notes=list(reached["notes"]),
    )
    structure = reached["structure"]
    known = structure["contacts"] - structure["local_bridges"] if structure else 0
    if structure and not structure_is_telling(structure):
        section.notes.append(
            f"Ties among your contacts are known for only {known:,} of your "
            f"{structure['contacts']:,} contacts (those in teammates' exports or the edges "
            "file): too few for Burt's effective size and constraint to mean anything, so they "
            "are left out. Merge more exports to see them."
        )
    elif structure:
        section.figures += [
            Figure(
                "Effective size",
                fmt(structure["effective_size"], 1),
                structure["effective_size"],
                "non-redundant contacts (Burt)",
            ),
            Figure(
                "Constraint",
                fmt(structure["constraint"]),
                structure["constraint"],
                "low = you bridge separate groups",
            ),
        ]
    if reached["bridges"]:
        section.tables.append(
            Table(
                "bridges",
                "Bridges: whom to ask for introductions",
                ["Name", "Company", "Reach", "Only through them"],
                [
                    [clip(b["name"]), clip(b["company"]), b["reach"], b["unique_reach"]]
                    for b in reached["bridges"]
                ],
                numeric=[False, False, True, True],
            )
        )
    if reached["communities"]:
        section.tables.append(
            Table(
                "communities",
                "Communities among your contacts",
                ["Group", "People", "Label", "Some members"],
                [
                    [i, c["size"], c["label"] or "–", ", ".join(c["members"][:5])]
                    for i, c in enumerate(reached["communities"], 1)
                ],
                numeric=[True, True, False, False],
            )
        )
    drawing = _community_drawing(among) if among is not None else _radial_drawing(people, ties)
    if drawing:
        section.charts.append(drawing)
        section.tables.append(
            Table(
                "drawing",
                "In the drawing",
                ["Colour group", "People"],
                [[g["name"], g["count"]] for g in drawing.data["groups"]],
                numeric=[False, True],
            )
        )
    return section


def _radial_drawing(people: pd.DataFrame, ties: pd.DataFrame) -> Chart | None:
    """When no ties among contacts are known: contacts around the owner grouped by
    industry (the angle) and by how recently you were in touch (the distance)."""
    if people.empty:
        return None
    industry = people.set_index("person_id")["industry"]
    known = industry[industry != UNKNOWN].value_counts()
    # Most people first, ties by name: the map's order, so each keeps the map's colour.
    shown = sorted(known.index, key=lambda name: (-known[name], name))[:DRAWN_GROUPS]
    label = industry.where(industry.isin(shown), "Other industries")
    label = label.where(industry != UNKNOWN, UNKNOWN)
    order = [*shown, "Other industries", UNKNOWN]
    counts = label.value_counts()
    groups = [{"name": name, "count": int(counts[name])} for name in order if counts.get(name)]
    group_of = {g["name"]: i for i, g in enumerate(groups)}
    days = ties.set_index("person_id")["days_since"].reindex(label.index)
    return Chart(
        "network",
        "network_radial",
        "Your contacts around you, by industry",
        "Dots around you, one per contact: grouped by industry around the circle, closer to "
        "the centre the more recently you were in touch.",
        {"groups": groups},
        points={
            "group": label.map(group_of).tolist(),
            "days_since": [
                None if d != d else int(d)  # NaN: no date
                for d in days.to_numpy(dtype=float).tolist()
            ],
        },
    )


def _community_drawing(among: dict[str, Any]) -> Chart | None:
    """The owner's contacts and the ties among them, coloured by community (see
    :func:`netlens.report.describe.describe`'s ``among``); none without ties."""
    if not among["edges"]:
        return None
    groups = [
        {"name": f"{i}. {c['label']}", "count": c["size"]}
        for i, c in enumerate(among["communities"], 1)
    ]
    if among["rest"]:
        groups.append({"name": "Smaller groups", "count": among["rest"]})
    return Chart(
        "network",
        "network_graph",
        "Your contacts and the ties among them",
        f"A network drawing of {len(among['group']):,} of your contacts (the best connected) "
        f"and the {len(among['edges']):,} ties among them, coloured by community; you are not "
        "drawn (you know them all), teammates whose exports were merged are ringed and named.",
        {"groups": groups},
        points={"group": among["group"], "edges": among["edges"], "labels": among["teammates"]},
    )


def diversity_section(spread: dict, people: pd.DataFrame, source: str) -> Section:
    """Industry, job function and seniority: the indices, the charts, what is unknown."""
    rows = []
    for by, result in spread.items():
        top = result["categories"][0] if result["categories"] else None
        rows.append(
            [
                by.capitalize(),
                result["present_categories"],
                fmt(result["shannon"]),
                fmt(result["evenness"]),
                fmt(result["iqv"]),
                fmt(result["effective_number"], 1),
                fmt(result["hhi"], 0),
                f"{top['name']} ({percent(top['share'])})" if top else "–",
                percent(result["unknown_share"]),
            ]
        )
    industry = spread["industry"]
    section = Section(
        "diversity",
        "How diverse the network is",
        intro="Industry, job function and seniority are inferred from each contact's "
        "company and position. Diverse ties bring news and perspectives a tight circle does "
        "not. The effective number is the count of equally common categories with the same "
        "diversity; IQV is 0 when everyone is in one category and 1 for an even spread.",
        figures=[
            Figure(
                "Industries (effective)",
                fmt(industry["effective_number"], 1),
                industry["effective_number"],
            ),
            Figure("Industry IQV", fmt(industry["iqv"]), industry["iqv"], "0 = one, 1 = even"),
            Figure(
                "Functions (effective)",
                fmt(spread["function"]["effective_number"], 1),
                spread["function"]["effective_number"],
            ),
            Figure(
                "Unknown industry",
                percent(industry["unknown_share"]),
                round(industry["unknown_share"], 4),
                f"{industry['unknown']:,} contacts",
            ),
        ],
        tables=[
            Table(
                "indices",
                "Diversity indices",
                [
                    "Dimension",
                    "Categories",
                    "Shannon",
                    "Evenness",
                    "IQV",
                    "Effective",
                    "HHI",
                    "Top (share of known)",
                    "Unknown",
                ],
                rows,
                numeric=[False, True, True, True, True, True, True, False, True],
            )
        ],
    )
    top_industries = _top(industry["categories"], TOP_INDUSTRIES)
    section.charts.append(
        Chart(
            "industries",
            "bars",
            "Industries",
            "Horizontal bars: contacts per industry, most common first.",
            {"bars": top_industries, "unit": "contacts"},
        )
    )
    section.charts.append(
        Chart(
            "function_seniority",
            "function_seniority",
            "Job functions and seniority",
            "Two bar charts: contacts per job function, and per seniority level from "
            "unpaid to owner.",
            {
                "function": _top(spread["function"]["categories"], 26),
                "seniority": _seniority_order(spread["seniority"]["categories"]),
            },
        )
    )
    for by in ("industry", "function", "seniority"):
        result = spread[by]
        section.tables.append(
            Table(
                by,
                f"{by.capitalize()} ({result['known']:,} known, "
                f"{percent(result['unknown_share'])} unknown)",
                ["Category", "Contacts", "Share"],
                [[c["name"], c["count"], percent(c["share"], 1)] for c in result["categories"]],
                numeric=[False, True, True],
                collapsed=len(result["categories"]) > 12,  # the chart above shows them all
            )
        )
    unknown = people.loc[
        (people["industry"] == UNKNOWN) & (people["company_key"] != ""), "company_name"
    ].value_counts()
    placeable = int(unknown.sum())
    if placeable:
        section.findings.append(
            f"{plural(placeable, 'contact')} {'works' if placeable == 1 else 'work'} at "
            f"{plural(len(unknown), 'company')} netlens could not place in an industry. To "
            f"place {'it' if len(unknown) == 1 else 'them'}: run netlens diversity {source} "
            "--unknown-out unknown.csv, write each company's industry (one of LinkedIn's 20 "
            "groups), then rerun this report with --industry-map unknown.csv."
        )
    if industry["unknown"] - placeable:
        section.findings.append(
            f"{plural(industry['unknown'] - placeable, 'contact')} "
            f"{'has' if industry['unknown'] - placeable == 1 else 'have'} no company to go by "
            "(self-employed, freelance, or none given) and stay unknown."
        )
    if len(unknown):
        section.tables.append(
            Table(
                "unknown_companies",
                "Companies to place first (most contacts)",
                ["Company", "Contacts"],
                [[name, int(n)] for name, n in unknown.head(TOP_UNKNOWN).items()],
                numeric=[False, True],
            )
        )
    return section


def concentration_section(company: dict) -> Section:
    """The companies the contacts work at, and how concentrated they are."""
    categories = company["categories"]
    top5 = sum(c["count"] for c in categories[:5])
    total = company["total"]
    section = Section(
        "concentration",
        "Where your contacts work",
        intro="A network concentrated at one or two employers hears the same news twice. "
        "Shares are of all contacts; HHI (0–10,000) is high when few companies dominate.",
        figures=[
            Figure(
                "Companies", f"{company['present_categories']:,}", company["present_categories"]
            ),
            Figure(
                "Top company",
                percent(categories[0]["count"] / total if categories else None, 1),
                round(categories[0]["count"] / total, 4) if categories else None,
                categories[0]["name"] if categories else "",
            ),
            Figure(
                "Top 5 companies",
                percent(top5 / total if total else None, 1),
                round(top5 / total, 4) if total else None,
            ),
            Figure("HHI", fmt(company["hhi"], 0), company["hhi"], "over known companies"),
        ],
    )
    if categories:
        bars = [{"name": c["name"], "count": c["count"]} for c in categories[:TOP_COMPANIES]]
        section.charts.append(
            Chart(
                "companies",
                "bars",
                "Top companies",
                f"Horizontal bars: contacts at the {len(bars)} most common companies.",
                {"bars": bars, "unit": "contacts"},
            )
        )
        section.tables.append(
            Table(
                "companies",
                "Top companies",
                ["Company", "Contacts", "Share of all"],
                [
                    [c["name"], c["count"], percent(c["count"] / total, 1)]
                    for c in categories[:TOP_COMPANIES]
                ],
                numeric=[False, True, True],
            )
        )
    return section


def _top(categories: list[dict], n: int) -> list[dict]:
    bars = [{"name": c["name"], "count": c["count"]} for c in categories[:n]]
    rest = sum(c["count"] for c in categories[n:])
    if rest:
        bars.append({"name": f"{len(categories) - n} more", "count": rest})
    return bars


def _seniority_order(categories: list[dict]) -> list[dict]:
    from netlens.classify import categories as levels

    counts = {c["name"]: c["count"] for c in categories}
    return [{"name": level, "count": counts.get(level, 0)} for level in levels("seniority")]
