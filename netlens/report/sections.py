"""Shaping the review: from its results to the sections of the report.

:func:`report` turns a :class:`~netlens.report.describe.Description` — after the
redaction pass (:func:`netlens.report.redact.redacted`), so names are shown as they come —
into a :class:`~netlens.report.model.Report`: the prose, the figures as shown, the tables
and the data of each chart. The sections follow the practices the career advice
recommends — quality over quantity, follow-up, personalised invitations, diverse
perspectives, periodic check-ins — each with its measured figure and a concrete next step
(:mod:`netlens.analyze.health`). The reach section is in
:mod:`netlens.report.network_sections`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from netlens import __version__
from netlens.analyze.staleness import TIERS, TOUCHED
from netlens.model import as_of_warning
from netlens.report.describe import Description
from netlens.report.formatting import clip, duration, fmt
from netlens.report.habits import habits_section
from netlens.report.model import Chart, Figure, Report, Section, Table
from netlens.report.network_sections import (
    concentration_section,
    diversity_section,
    reach_section,
)
from netlens.wording import as_of_reason, percent, plural

__all__ = ["CHART_KEYS", "report"]

# Every chart a report can have: its key names its file, charts/<key>.png.
CHART_KEYS = (
    "health", "growth", "tiers", "timeline", "industries", "function_seniority", "companies",
    "network", "message_habits",
)  # fmt: skip
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
    "export_date",
    "newest_record",
    "files",
    "warnings",
)


def report(shown: Description, *, redacted: bool) -> Report:
    """The report of the review ``shown``: as :func:`netlens.report.redact.redacted` left
    it, ``redacted`` when that pass redacted it."""
    summary, checkup, spread, ties = shown.summary, shown.checkup, shown.spread, shown.ties
    as_of, months, source, owner = shown.as_of, shown.months, summary["source"], summary["owner"]
    overview = _overview(summary, checkup, ties, spread, shown.grown, months)
    warning = as_of_warning(as_of, summary["newest_record"])
    if warning:
        overview.notes.insert(0, f"Warning: {warning}")
    if shown.later:
        overview.notes.insert(
            0,
            f"{plural(shown.later, 'connection')} dated after {as_of.isoformat()} "
            f"{'is' if shown.later == 1 else 'are'} left out: this is the network as it stood "
            "then.",
        )
    relationships = _relationships(ties, months)
    _reengage_list(relationships, ties, shown.ranked, months, as_of, redacted, source)
    sections = [
        overview,
        _growth(shown.grown, as_of),
        relationships,
        _habits(checkup),
        *([habits_section(shown.messaging)] if shown.messaging else []),
        diversity_section(spread, shown.people, source),
        concentration_section(spread["company"]),
        reach_section(shown.reached, shown.among, shown.people, ties),
        _changes(source),
    ]
    results = {
        "summary": {key: summary[key] for key in _SUMMARY_FIELDS},
        "health": checkup,
        "growth": shown.grown,
        "tiers": {tier: int((ties["tier"] == tier).sum()) for tier in TIERS},
        "diversity": spread,
        "reengage": shown.ranked,
        "reach": shown.reached,
        "message_habits": shown.messaging,
    }
    return Report(
        title=f"Network review of {owner['name']}" if owner["name"] else "Network review",
        source=source,
        as_of=as_of.isoformat(),
        as_of_source=as_of_reason(as_of),
        owner=owner,
        redacted=redacted,
        score=checkup["score"],
        status=checkup["status"],
        next_steps=_next_steps(checkup, spread["industry"], shown.reached),
        sections=sections,
        results=results,
        version=__version__,
    )


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
    hidden = grown["hidden_members"]  # as of the review's day, as the other figures
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
            f"in contact within {plural(months, 'month')}" if dated else "no dates in this export",
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
            fmt(effective, 1),
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
        intro="How your network does on the practices career advice recommends: quality "
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


def _growth(grown: dict, as_of: dt.date) -> Section:
    hidden = grown["hidden_members"]
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
    dated = ties.dropna(subset=["last_contact"])
    if len(dated):
        median = int(dated["days_since"].median())
        figures.append(
            Figure("Median quiet time", duration(median), median, "since the last contact")
        )
    section = Section(
        "relationships",
        "Which ties have gone quiet",
        intro="A tie is active with contact (a message either way, an endorsement or a "
        f"recommendation) in the last {plural(months, 'month')}, fading within three years, "
        "dormant after that — ties are commonly called dormant after three years without "
        "contact. Accepting a connection is not contact: connections never in touch are new "
        f"within {plural(months, 'month')} of connecting, never after that. Dormant ties are "
        "worth reviving: they remember you, and they know what you do not.",
        figures=figures,
        charts=[
            Chart(
                "tiers",
                "tiers",
                "Ties by staleness",
                "Bars: how many ties are active, fading or dormant by their last contact, and how "
                "many were never in contact (new or older) or have no date.",
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
    redacted: bool,
    source: str,
) -> None:
    """The re-engage list, or why there is none, added to the relationships section."""
    tiers = {tier: int((ties["tier"] == tier).sum()) for tier in TIERS}
    people = len(ties)
    contacts = ranked["contacts"]
    if contacts:
        detail = "Seniority" if redacted else "Position"
        more = ranked["candidates"] - len(contacts)
        section.tables.append(
            Table(
                "reengage",
                f"Whom to write to first ({len(contacts)} of {ranked['candidates']:,} "
                "fading, dormant or never in touch)",
                ["#", "Name", "Company", detail, "Last contact", "Why"],
                [
                    [
                        rank,
                        clip(c["name"]),
                        clip(c["company"]),
                        clip(c["seniority"] if redacted else c["position"]),
                        c["last_contact"] or "never",
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
    elif tiers["fading"] + tiers["dormant"] + tiers["never"] == 0:
        section.findings.append(
            "No fading or dormant ties: every contact is active."
            if tiers["active"] == people
            else "No fading or dormant ties, and no one left untouched since connecting more "
            f"than {plural(months, 'month')} ago."
            if tiers["unknown"] == 0
            else "No fading or dormant ties among the contacts with a date; "
            f"{plural(tiers['unknown'], 'contact')} without any date cannot be placed."
            if tiers["unknown"] < people
            else "No contact has a date (no connection dates, no messages): staleness "
            "cannot be told."
        )


def _timeline(section: Section, dated: pd.DataFrame) -> None:
    """The year of each tie's last contact, by tier: chart and table."""
    by_year = (
        dated.assign(year=dated["last_contact"].dt.year)
        .groupby(["year", "tier"], observed=True)
        .size()
        .unstack("tier", fill_value=0)
        .reindex(columns=list(TOUCHED), fill_value=0)
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
            "Last contact, by year",
            "Stacked bars: for each year, how many ties had their last contact then, "
            "coloured by tier.",
            {"by_year": timeline},
        )
    )
    section.tables.append(
        Table(
            "timeline",
            "Last contact, by year",
            ["Year", *[t.capitalize() for t in TOUCHED]],
            [[str(row["year"]), *[row[t] for t in TOUCHED]] for row in timeline],
            numeric=[False, True, True, True],
            collapsed=len(timeline) > 12,
        )
    )


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


def _changes(source: str) -> Section:
    return Section(
        "changes",
        "What changed",
        intro="Download your export again in a few months and compare: netlens diff "
        f"{source} NEWER-EXPORT.zip lists who joined, who left, and who changed jobs — "
        "a job change is a natural moment to get in touch.",
    )
