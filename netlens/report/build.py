"""Build the report model from a loaded network: every analyzer, once, into sections.

The sections follow the practices the careers advice recommends — quality over quantity,
follow-up, personalised invitations, diverse perspectives, periodic check-ins — each with
its measured figure and a concrete next step (:mod:`netlens.analyze.health`). With
``redact``, third parties appear by their initials only, with neither URL nor position
(see :func:`initials`); the owner is shown as in the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from netlens import __version__
from netlens.analyze.diversity import diversity
from netlens.analyze.growth import growth
from netlens.analyze.health import health
from netlens.analyze.reach import first_degree_reach, reach, structure_is_telling
from netlens.analyze.reengage import reengage
from netlens.analyze.staleness import TIERS, relationships
from netlens.classify import UNKNOWN, classify_people
from netlens.report.model import Chart, Figure, Report, Section, Table
from netlens.wording import percent, plural

if TYPE_CHECKING:
    from netlens.graph import Team
    from netlens.model import Network

__all__ = ["CHART_KEYS", "STEPS", "build_report", "initials"]

# The steps of :func:`build_report`, in order, for a progress bar.
STEPS = ("growth", "classify", "diversity", "relationships", "reach", "health", "re-engage")
# Every chart a report can have: its key names its file, charts/<key>.png.
CHART_KEYS = (
    "health", "growth", "tiers", "timeline", "industries", "function_seniority", "companies",
    "network",
)  # fmt: skip
DIMENSIONS = ("industry", "company", "function", "seniority")
TOP_REENGAGE = 15
TOP_COMPANIES = 15
TOP_INDUSTRIES = 20  # all of LinkedIn's groups: every bar then has its row in the table
TOP_UNKNOWN = 10
MAX_DRAWN = 400  # contacts in the network drawing: more is a hairball, and slow to lay out
DRAWN_GROUPS = 7  # colours in the drawings; the rest are grouped together


def initials(name: str | None) -> str:
    """``"Maya Cohen"`` → ``"M. C."``: what ``--redact`` shows instead of a name."""
    parts = [part for part in str(name or "").replace("-", " ").split() if part[:1].isalnum()]
    return " ".join(f"{part[0].upper()}." for part in parts) or "?"


def build_report(
    network: Network,
    *,
    as_of: dt.date,
    months: int = 12,
    industry_map: dict[str, str] | None = None,
    team: Team | None = None,
    exports: int = 1,
    redact: bool = False,
    top: int = TOP_REENGAGE,
    progress: Callable[[str], None] | None = None,
    on_chart: Callable[[Chart], None] | None = None,
) -> Report:
    """The full review of ``network`` as it stood on ``as_of``. ``team`` is the merged graph
    of the owner's and teammates' exports (:func:`netlens.graph.build_team`), for reach
    beyond the first degree; ``exports`` says how many went into it. ``progress`` is called
    with each step's name as it starts (see :data:`STEPS`).

    Each section is built as soon as what it shows is known, and ``on_chart`` is called
    with each of its charts then, finished: charts can be drawn while the rest is worked
    out (see :class:`netlens.charts.Drawing`)."""
    step = progress or (lambda name: None)
    listed = len(network.people)
    network = network.until(as_of)
    later = listed - len(network.people)
    person = initials if redact else (lambda name: name)
    summary = network.summary()
    # The file name only: a full path would tell whoever reads the report the user's name.
    summary["source"] = Path(summary["source"]).name
    owner = summary["owner"]

    def done(section: Section) -> Section:
        for chart in section.charts if on_chart else ():
            on_chart(chart)
        return section

    step("growth")
    grown = growth(network, as_of=as_of)
    growth_section = done(_growth(grown, summary["hidden_members"], as_of))
    step("classify")
    people = classify_people(network.people, industry_map=industry_map)
    step("diversity")
    spread = {by: diversity(people, by=by) for by in DIMENSIONS}
    diversity_section = done(_diversity(spread, people, summary["source"]))
    concentration = done(_concentration(spread["company"]))
    step("relationships")
    ties = relationships(network, as_of=as_of, months=months)
    relationships_section = done(_relationships(ties, months))
    step("reach")  # early: its drawing takes longest to draw
    # One export alone needs no graph: beyond the first degree it knows nothing.
    reached = reach(team, exports=exports) if team else first_degree_reach(people)
    reach_section = done(_reach(reached, team, person, redact, people, ties))
    step("health")
    checkup = health(
        network, as_of=as_of, months=months, people=people, ties=ties, spread=spread, grown=grown
    )
    overview = _overview(summary, checkup, ties, spread, grown, months)
    if later:
        overview.notes.insert(
            0,
            f"{plural(later, 'connection')} dated after {as_of.isoformat()} "
            f"{'is' if later == 1 else 'are'} left out: this is the network as it stood then.",
        )
    done(overview)
    habits = done(_habits(checkup))
    step("re-engage")
    ranked = reengage(network, as_of=as_of, months=months, top=top, people=people, ties=ties)
    _reengage_list(
        relationships_section, ties, ranked, months, as_of, person, redact, summary["source"]
    )

    sections = [
        overview,
        growth_section,
        relationships_section,
        habits,
        diversity_section,
        concentration,
        reach_section,
        _changes(summary["source"]),
    ]
    results = {
        "summary": {key: summary[key] for key in _SUMMARY_FIELDS},
        "health": checkup,
        "growth": grown,
        "tiers": {tier: int((ties["tier"] == tier).sum()) for tier in TIERS},
        "diversity": spread,
        "reengage": {
            **ranked,
            "contacts": [_redacted(contact, person, redact) for contact in ranked["contacts"]],
        },
        "reach": {
            **_redacted_reach(reached, person, redact),
            "notes": [_note_source(note, redact) for note in reached["notes"]],
        },
    }
    return Report(
        title=f"Network review of {owner['name']}" if owner["name"] else "Network review",
        source=summary["source"],
        as_of=as_of.isoformat(),
        owner=owner,
        redacted=redact,
        score=checkup["score"],
        status=checkup["status"],
        next_steps=_next_steps(checkup, spread["industry"], reached),
        sections=sections,
        results=results,
        version=__version__,
    )


_SUMMARY_FIELDS = (
    "connections",
    "hidden_members",
    "people",
    "messages",
    "invitations",
    "endorsements",
    "recommendations",
    "first_connected",
    "last_connected",
    "files",
    "warnings",
)


def _redacted(contact: dict[str, Any], person: Callable, redact: bool) -> dict[str, Any]:
    if not redact:
        return contact
    return {**contact, "name": person(contact["name"]), "url": None, "position": None}


def _redacted_reach(result: dict[str, Any], person: Callable, redact: bool) -> dict[str, Any]:
    if not redact:
        return result
    return {
        **result,
        "bridges": [_redacted(bridge, person, redact) for bridge in result["bridges"]],
        "communities": [
            {
                **group,
                "label": _redacted_label(group["label"], person),
                "members": [person(name) for name in group["members"]],
            }
            for group in result["communities"]
        ],
    }


def _redacted_label(label: str, person: Callable) -> str:
    """A community named after a teammate (``around Maya Cohen``) names them by initials."""
    return f"around {person(label[7:])}" if label.startswith("around ") else label


def _next_steps(checkup: dict, industry: dict, reached: dict) -> list[str]:
    """The three most useful things to do: the weakest practices first."""
    weak = sorted(
        (s for s in checkup["sections"] if s["available"] and s["status"] != "good"),
        key=lambda s: s["score"],
    )
    steps = [s["next_step"] for s in weak]
    if industry["total"] and industry["unknown_share"] > 0.2:
        steps.append(
            f"Tell netlens the industry of the companies it could not place "
            f"({percent(industry['unknown_share'])} of contacts): see “How diverse the network "
            "is”."
        )
    if reached["second_degree"] is None:
        steps.append(
            "Ask two teammates for their LinkedIn exports and rerun with --with to see whom "
            "they can introduce you to."
        )
    return steps[:3]


def _overview(
    summary: dict, checkup: dict, ties: pd.DataFrame, spread: dict, grown: dict, months: int
) -> Section:
    people = len(ties)
    engaged = int(ties["engaged"].sum())
    active = int((ties["tier"] == "active").sum())
    score = checkup["score"]
    hidden = summary["hidden_members"]
    dated = int(ties["last_interaction"].notna().sum())
    since = f"since {summary['first_connected']}" if summary["first_connected"] else ""
    has_messages = summary["messages"] > 0
    effective = spread["industry"]["effective_number"]
    figures = [
        Figure(
            "Health score",
            f"{score}/100" if score is not None else "–",
            score,
            f"{checkup['sections_scored']} of {len(checkup['sections'])} practices measured",
            checkup["status"] if score is not None else "",
        ),
        Figure(
            "Connections",
            f"{people:,}",
            people,
            "; ".join(
                part
                for part in (since, f"plus {plural(hidden, 'hidden member')}" if hidden else "")
                if part
            ),
        ),
        Figure(
            "Ever messaged",
            percent(engaged / people if people and has_messages else None),
            round(engaged / people, 4) if people and has_messages else None,
            f"{plural(engaged, 'person')}" if has_messages else "no messages in this export",
        ),
        Figure(
            "Active ties",
            f"{active:,}" if dated else "–",
            active if dated else None,
            f"in touch within {plural(months, 'month')}" if dated else "no dates in this export",
        ),
        Figure(
            "Added in 12 months",
            f"{grown['last_12_months']:,}" if grown["dated"] else "–",
            grown["last_12_months"] if grown["dated"] else None,
            f"{grown['pace_per_week']:.1f} a week"
            + (", hidden members too" if hidden and grown["dated"] else "")
            if grown["dated"]
            else "no connection dates",
        ),
        Figure(
            "Industries",
            _fmt(effective, 1),
            effective,
            "effective number (an even spread over this many)"
            if effective is not None
            else "too few contacts with a known industry",
        ),
    ]
    rows = [
        [
            s["title"],
            s["shown"],
            s["measure"] if s["available"] else s["detail"],
            s["score"] if s["score"] is not None else "–",
            s["status"],
            # A practice in good shape needs no homework.
            "" if s["status"] == "good" else s["next_step"] or "",
        ]
        for s in checkup["sections"]
    ]
    chart = Chart(
        "health",
        "health",
        "Health by practice (0–100)",
        "Horizontal bars: the score of each practice from 0 to 100, coloured by status.",
        {
            "sections": [
                {"title": s["title"], "score": s["score"], "status": s["status"]}
                for s in checkup["sections"]
            ]
        },
    )
    notes = list(summary["warnings"])
    return Section(
        "overview",
        "At a glance",
        intro="How your network does on the practices careers advice recommends: quality "
        "over quantity, follow-up, personal invitations, diverse perspectives and regular "
        "check-ins. Each has a figure, a score from 0 to 100 and one next step.",
        figures=figures,
        charts=[chart],
        tables=[
            Table(
                "health",
                "Health by practice",
                ["Practice", "Figure", "What it measures", "Score", "Status", "Next step"],
                rows,
                numeric=[False, True, False, True, False, False],
            )
        ],
        notes=[f"Loading: {warning}" for warning in notes],
    )


def _growth(grown: dict, hidden: int, as_of: dt.date) -> Section:
    figures = [
        Figure(
            "All connections" if hidden else "Connections",
            f"{grown['connections']:,}",
            grown["connections"],
            f"{plural(hidden, 'hidden member')} included" if hidden else "",
        ),
    ]
    if grown["dated"]:
        figures += [
            Figure("Added in 12 months", f"{grown['last_12_months']:,}", grown["last_12_months"]),
            Figure("Pace", f"{grown['pace_per_week']:.1f}/week", round(grown["pace_per_week"], 2)),
            Figure(
                "Burst days",
                f"{len(grown['bursts']):,}",
                len(grown["bursts"]),
                f"{grown['burst_threshold']}+ in a day",
            ),
        ]
    figures += [
        Figure(
            "Headroom to the cap",
            f"{grown['cap_headroom']:,}",
            grown["cap_headroom"],
            f"LinkedIn stops at {grown['cap']:,}",
        ),
    ]
    section = Section(
        "growth",
        "How the network grew",
        intro="Connections added per month, and the running total. Steady growth with a "
        "follow-up for each new contact builds more real ties than bursts of invitations.",
        figures=figures,
    )
    if not grown["by_month"]:
        section.notes.append("No connection dates in this export.")
        return section
    section.charts.append(
        Chart(
            "growth",
            "growth",
            "Connections over time",
            "Monthly bars of connections added, with a line for the running total.",
            {
                "by_month": grown["by_month"],
                # The month of the review is not over: its bar is drawn lighter.
                "partial_last_month": grown["by_month"][-1]["month"] == f"{as_of:%Y-%m}"
                and (as_of + dt.timedelta(days=1)).month == as_of.month,
            },
        )
    )
    section.tables += [
        Table(
            "by_year",
            "By year",
            ["Year", "Added", "Total"],
            [[str(y["year"]), y["added"], y["total"]] for y in grown["by_year"]],
            numeric=[False, True, True],
        ),
        Table(
            "by_month",
            "By month",
            ["Month", "Added", "Total"],
            [[m["month"], m["added"], m["total"]] for m in grown["by_month"]],
            numeric=[False, True, True],
            collapsed=True,
        ),
    ]
    if grown["bursts"]:
        biggest = sorted(grown["bursts"], key=lambda b: (-b["added"], b["date"]))[:10]
        section.tables.append(
            Table(
                "bursts",
                "Biggest burst days",
                ["Day", "Added"],
                [[b["date"], b["added"]] for b in biggest],
                numeric=[False, True],
            )
        )
    if grown["undated"]:
        section.notes.append(f"{plural(grown['undated'], 'connection')} without a readable date.")
    return section


def _relationships(ties: pd.DataFrame, months: int) -> Section:
    """The tiers and the timeline: all but the re-engage list (:func:`_reengage_list`)."""
    tiers = {tier: int((ties["tier"] == tier).sum()) for tier in TIERS}
    people = len(ties)
    figures = [
        Figure(tier.capitalize(), f"{n:,}", n, percent(n / people) if people else "")
        for tier, n in tiers.items()
    ]
    dated = ties.dropna(subset=["last_interaction"])
    if len(dated):
        median = int(dated["days_since"].median())
        figures.append(
            Figure("Median quiet time", _duration(median), median, "since the last interaction")
        )
    section = Section(
        "relationships",
        "Which ties have gone quiet",
        intro="A tie is active with an interaction (a message, an invitation, an endorsement, "
        f"a recommendation or the connection itself) in the last {plural(months, 'month')}, "
        "fading within three years, dormant after that — ties are commonly called dormant "
        "after three years without contact. Dormant ties are worth reviving: they remember "
        "you, and they know what you do not.",
        figures=figures,
        charts=[
            Chart(
                "tiers",
                "tiers",
                "Ties by staleness",
                "Bars: how many ties are active, fading, dormant or without a date.",
                {"tiers": tiers},
            )
        ],
        tables=[
            Table(
                "tiers",
                "Ties by staleness",
                ["Tier", "People", "Share"],
                [[tier, n, percent(n / people if people else None)] for tier, n in tiers.items()],
                numeric=[False, True, True],
            )
        ],
    )
    if len(dated):
        _timeline(section, dated)
    return section


def _reengage_list(
    section: Section,
    ties: pd.DataFrame,
    ranked: dict,
    months: int,
    as_of: dt.date,
    person: Callable,
    redact: bool,
    source: str,
) -> None:
    """The re-engage list, or why there is none, added to the relationships section."""
    tiers = {tier: int((ties["tier"] == tier).sum()) for tier in TIERS}
    people = len(ties)
    contacts = ranked["contacts"]
    if contacts:
        detail = "Seniority" if redact else "Position"
        more = ranked["candidates"] - len(contacts)
        section.tables.append(
            Table(
                "reengage",
                f"Whom to write to first ({len(contacts)} of {ranked['candidates']:,} "
                "fading or dormant)",
                ["#", "Name", "Company", detail, "Last contact", "Why"],
                [
                    [
                        rank,
                        _clip(person(c["name"])),
                        _clip(c["company"]),
                        _clip(c["seniority"] if redact else c["position"]),
                        c["last_interaction"] or "–",
                        "; ".join(c["reasons"]),
                    ]
                    for rank, c in enumerate(contacts, 1)
                ],
                numeric=[True, False, False, False, False, False],
                note="Send three of them a short, specific note this week: what you remember "
                "about them, and one question about what they do now. Ranked by value (past "
                "exchanges, seniority, how rare their industry is in your network) times how "
                "long it has been"
                + (
                    f"; all {ranked['candidates']:,}: netlens reengage {source} "
                    f"--top {ranked['candidates']}"
                    + (f" --months {months}" if months != 12 else "")
                    + f" --as-of {as_of.isoformat()}."
                    if more > 0
                    else "."
                ),
            )
        )
    elif tiers["fading"] + tiers["dormant"] == 0:
        section.findings.append(
            "No fading or dormant ties: every contact is active."
            if tiers["active"] == people
            else "No fading or dormant ties among the contacts with a date; "
            f"{plural(tiers['unknown'], 'contact')} without any date cannot be placed."
            if tiers["unknown"] < people
            else "No contact has a date (no connection dates, no messages): staleness "
            "cannot be told."
        )


def _timeline(section: Section, dated: pd.DataFrame) -> None:
    """The year of each tie's last interaction, by tier: chart and table."""
    by_year = (
        dated.assign(year=dated["last_interaction"].dt.year)
        .groupby(["year", "tier"], observed=False)
        .size()
        .unstack("tier", fill_value=0)
        .reindex(columns=[t for t in TIERS if t != "unknown"], fill_value=0)
    )
    timeline = [
        {"year": int(year), **{tier: int(row[tier]) for tier in by_year.columns}}
        for year, row in by_year.iterrows()
        if row.sum()
    ]
    section.charts.append(
        Chart(
            "timeline",
            "timeline",
            "Last interaction, by year",
            "Stacked bars: for each year, how many ties had their last interaction then, "
            "coloured by tier.",
            {"by_year": timeline},
        )
    )
    section.tables.append(
        Table(
            "timeline",
            "Last interaction, by year",
            ["Year", *[t.capitalize() for t in TIERS if t != "unknown"]],
            [[str(row["year"]), *[row[t] for t in TIERS if t != "unknown"]] for row in timeline],
            numeric=[False, True, True, True],
            collapsed=len(timeline) > 12,
        )
    )


def _duration(days: int) -> str:
    """``20 months``, ``3.5 years``: months up to two years, then years."""
    months = days / 30.44
    return f"{months:.0f} months" if months < 24 else f"{days / 365.25:.1f} years"


def _clip(text: str | None, limit: int = 60) -> str:
    """A cell cut to ``limit`` characters: a name of hundreds of letters would squeeze
    every other column of its table."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _habits(checkup: dict) -> Section:
    wanted = ("follow_up", "personalisation", "pace", "profile")
    sections = [s for s in checkup["sections"] if s["key"] in wanted]
    section = Section(
        "habits",
        "Follow-up and invitations",
        intro="Habits that turn a connection into a relationship: a message soon after "
        "connecting, a personal note with each invitation, a steady pace rather than bursts.",
        figures=[
            Figure(
                s["title"],
                s["shown"],
                s["figure"],
                s["measure"],
                s["status"] if s["available"] else "",
            )
            for s in sections
        ],
    )
    for s in sections:
        step = s["next_step"] if s["available"] and s["status"] != "good" else None
        section.findings.append(f"{s['title']}: {s['detail']}" + (f" Next: {step}" if step else ""))
    return section


def _diversity(spread: dict, people: pd.DataFrame, source: str) -> Section:
    rows = []
    for by, result in spread.items():
        top = result["categories"][0] if result["categories"] else None
        rows.append(
            [
                by.capitalize(),
                result["present_categories"],
                _fmt(result["shannon"]),
                _fmt(result["evenness"]),
                _fmt(result["iqv"]),
                _fmt(result["effective_number"], 1),
                _fmt(result["hhi"], 0),
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
                _fmt(industry["effective_number"], 1),
                industry["effective_number"],
            ),
            Figure("Industry IQV", _fmt(industry["iqv"]), industry["iqv"], "0 = one, 1 = even"),
            Figure(
                "Functions (effective)",
                _fmt(spread["function"]["effective_number"], 1),
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


def _concentration(company: dict) -> Section:
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
            Figure("HHI", _fmt(company["hhi"], 0), company["hhi"], "over known companies"),
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


def _reach(
    reached: dict,
    team: Team | None,
    person: Callable,
    redact: bool,
    people: pd.DataFrame,
    ties: pd.DataFrame,
) -> Section:
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
            "" if third is None else "as far as the merged data shows",
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
        notes=[_note_source(note, redact) for note in reached["notes"]],
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
                _fmt(structure["effective_size"], 1),
                structure["effective_size"],
                "non-redundant contacts (Burt)",
            ),
            Figure(
                "Constraint",
                _fmt(structure["constraint"]),
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
                    [_clip(person(b["name"])), _clip(b["company"]), b["reach"], b["unique_reach"]]
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
                    [
                        i,
                        c["size"],
                        _redacted_label(c["label"], person) or "–",
                        ", ".join(person(name) for name in c["members"][:5]),
                    ]
                    for i, c in enumerate(reached["communities"], 1)
                ],
                numeric=[True, True, False, False],
            )
        )
    drawing = _drawing(team, reached, person, people, ties)
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


def _drawing(
    team: Team | None, reached: dict, person: Callable, people: pd.DataFrame, ties: pd.DataFrame
) -> Chart | None:
    """The network drawing: the owner's contacts and the ties among them, coloured by
    community; or, when no ties among contacts are known, contacts around the owner grouped
    by industry (the angle) and by how recently you were in touch (the distance)."""
    if team is not None and reached["structure"]:
        return _community_drawing(team, person)
    if people.empty:
        return None
    industry = people.set_index("person_id")["industry"]
    known = industry[industry != UNKNOWN].value_counts()
    shown = list(known.index[:DRAWN_GROUPS])
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


def _community_drawing(team: Team, person: Callable) -> Chart | None:
    from netlens.analyze.reach import (
        COMMUNITY_SEED,
        community_label,
        induced_edges,
        ordered_graph,
    )

    graph, owner = team.graph, team.owner
    among = ordered_graph(induced_edges(graph, list(graph.neighbors(owner))))
    # The best-connected contacts, so the drawing shows the structure, not the fringe.
    kept = sorted(among.nodes, key=lambda n: (-among.degree(n), n))[:MAX_DRAWN]
    among = ordered_graph(induced_edges(among, kept))
    if not among.number_of_edges():
        return None
    import networkx as nx

    communities = nx.community.louvain_communities(among, seed=COMMUNITY_SEED)
    communities = sorted(communities, key=lambda g: (-len(g), min(g)))
    groups = []
    for i, community in enumerate(communities[:DRAWN_GROUPS]):
        label = _redacted_label(community_label(graph, community), person)
        groups.append({"name": f"{i + 1}. {label}", "count": len(community)})
    rest = sum(len(c) for c in communities[DRAWN_GROUPS:])
    if rest:
        groups.append({"name": "Smaller groups", "count": rest})
    group_of = {n: min(i, DRAWN_GROUPS) for i, c in enumerate(communities) for n in c}
    nodes = list(among.nodes)
    position = {node: i for i, node in enumerate(nodes)}
    teammates = [n for n in nodes if graph.nodes[n].get("owner")]
    return Chart(
        "network",
        "network_graph",
        "Your contacts and the ties among them",
        f"A network drawing of {len(nodes):,} of your contacts (the best connected) and the "
        f"{among.number_of_edges():,} ties among them, coloured by community; you are not "
        "drawn (you know them all), teammates whose exports were merged are ringed and named.",
        {"groups": groups},
        points={
            "group": [group_of[n] for n in nodes],
            "edges": [[position[a], position[b]] for a, b in among.edges()],
            "labels": [[position[n], person(graph.nodes[n]["name"])] for n in teammates],
        },
    )


def _note_source(note: str, redact: bool) -> str:
    """A note about a teammate's export names the file, never its folder (a path tells the
    user's name), and under ``redact`` not even the file."""
    head, colon, rest = note.partition(": ")
    names_a_file = head.lower().endswith((".zip", ".csv")) or "/" in head
    if not colon or not names_a_file:
        return note
    shown = "A teammate's export" if redact else Path(head).name
    return f"{shown}: {rest}"


def _changes(source: str) -> Section:
    return Section(
        "changes",
        "What changed",
        intro="Download your export again in a few months and compare: netlens diff "
        f"{source} NEWER-EXPORT.zip lists who joined, who left, and who changed jobs — "
        "a job change is a natural moment to get in touch.",
    )


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


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"
