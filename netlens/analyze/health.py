"""Network health: one section per practice the career advice recommends.

Each section is a measured figure, a 0–100 score, a status and one concrete next step. A
section whose data is absent (no messages, no sent invitations…) says so and is left out
of the overall score, which is the mean of the scored sections — given only when at least
four sections could be scored.

Scores are linear between a floor (0) and a target (100), the targets of
:data:`TARGETS` — the one place they are set. They are judgement calls, stated openly:

===============  =======================================================  ======  ======
section          figure                                                   0 at    100 at
===============  =======================================================  ======  ======
engagement       share of connections ever messaged                       0 %     50 %
freshness        share of engaged ties active (within ``months``)         0 %     60 %
follow-up        share of connections of the last 24 months messaged      0 %     50 %
                 within 30 days of connecting
personalisation  share of sent invitations with a personal note           0 %     80 %
diversity        industry IQV over LinkedIn's 20 groups                   0       0.8
concentration    share of contacts at the most common company             50 %    10 %
pace             share of connections added on burst days                 30 %    0 %
profile          share of contacts with both company and position         50 %    95 %
===============  =======================================================  ======  ======

Status: ``good`` from 70, ``fair`` from 40, else ``poor``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from netlens.analyze.diversity import diversity
from netlens.analyze.growth import growth
from netlens.analyze.staleness import relationships
from netlens.classify import classify_people
from netlens.model import Network

__all__ = ["TARGETS", "health"]

# section → (figure at score 0, figure at score 100)
TARGETS = {
    "engagement": (0.0, 0.5),
    "freshness": (0.0, 0.6),
    "follow_up": (0.0, 0.5),
    "personalisation": (0.0, 0.8),
    "diversity": (0.0, 0.8),
    "concentration": (0.5, 0.1),
    "pace": (0.3, 0.0),
    "profile": (0.5, 0.95),
}
FOLLOW_UP_DAYS = 30
FOLLOW_UP_WINDOW_MONTHS = 24
MIN_CLASSIFIED = 10  # fewer classified contacts say nothing about diversity
MIN_SECTIONS = 4  # an overall score from fewer sections would flatter a thin export


def _score(section: str, figure: float) -> int:
    zero, full = TARGETS[section]
    fraction = (figure - zero) / (full - zero)
    return round(100 * min(1.0, max(0.0, fraction)))


def _status(score: int) -> str:
    return "good" if score >= 70 else "fair" if score >= 40 else "poor"


# What each figure measures, in a few words (shown next to it).
MEASURES = {
    "engagement": "of connections ever messaged",
    "freshness": "of people you talked with are active",
    "follow_up": "of new connections messaged within 30 days",
    "personalisation": "of sent invitations had a note",
    "diversity": "industry spread (1 = even over all 20)",
    "concentration": "of contacts at your top company",
    "pace": "of connections added on burst days",
    "profile": "of contacts show company and position",
}


def _section(key: str, title: str, figure: float, shown: str, detail: str, step: str) -> dict:
    score = _score(key, figure)
    return {
        "key": key,
        "title": title,
        "available": True,
        "figure": round(figure, 4),
        "shown": shown,
        "measure": MEASURES[key],
        "detail": detail,
        "score": score,
        "status": _status(score),
        "next_step": step,
    }


def _absent(key: str, title: str, why: str) -> dict:
    return {
        "key": key, "title": title, "available": False, "figure": None, "shown": "–",
        "measure": MEASURES[key], "detail": why, "score": None, "status": "no data",
        "next_step": None,
    }  # fmt: skip


def health(
    network: Network,
    *,
    as_of: dt.date | None = None,
    months: int = 12,
    industry_map: dict[str, str] | None = None,
    people: pd.DataFrame | None = None,
    ties: pd.DataFrame | None = None,
    spread: dict[str, dict[str, Any]] | None = None,
    grown: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every section of the module docstring and the overall score. What a report has
    already computed may be passed in: ``people`` (classified), ``ties`` (from
    :func:`~netlens.analyze.staleness.relationships`), ``spread`` (``{dimension:}``
    :func:`~netlens.analyze.diversity.diversity` of ``people``) and ``grown``
    (:func:`~netlens.analyze.growth.growth` of ``network`` as of ``as_of``). ``as_of``
    defaults to the export's own date (:meth:`~netlens.model.Network.default_as_of`)."""
    as_of = as_of or network.default_as_of()
    network = network.until(as_of)  # no one connected later
    if ties is None:
        ties = relationships(network, as_of=as_of, months=months)
    if people is None:
        people = classify_people(network.people, industry_map=industry_map, roles=False)
    spread = spread or {}
    for by in ("industry", "company"):
        if by not in spread:
            spread = {**spread, by: diversity(people, by=by)}
    has_messages = network.report.messages > 0
    sections = [
        _engagement(ties, has_messages),
        _freshness(ties, has_messages, months),
        _follow_up(network, ties, as_of, has_messages),
        _personalisation(network, as_of),
        _diversity(spread["industry"]),
        _concentration(spread["company"]),
        _pace(grown if grown is not None else growth(network, as_of=as_of)),
        _profile(people),
    ]
    scored = [s["score"] for s in sections if s["available"]]
    overall = round(sum(scored) / len(scored)) if len(scored) >= MIN_SECTIONS else None
    return {
        "score": overall,
        "status": _status(overall) if overall is not None else "no data",
        "sections_scored": len(scored),
        "sections": sections,
    }


def _engagement(ties: pd.DataFrame, has_messages: bool) -> dict:
    title = "Engagement: quality over quantity"
    if not has_messages or ties.empty:
        return _absent("engagement", title, "no messages in this export")
    share = float(ties["engaged"].mean())
    never = int((~ties["engaged"]).sum())
    return _section(
        "engagement", title, share, f"{share:.0%}",
        f"{int(ties['engaged'].sum()):,} of {len(ties):,} connections have ever exchanged a "
        "message with you.",
        f"Write to five of the {never:,} connections you have never messaged — start with "
        "the re-engage list.",
    )  # fmt: skip


def _freshness(ties: pd.DataFrame, has_messages: bool, months: int) -> dict:
    title = "Freshness: keep real ties alive"
    engaged = ties[ties["engaged"]]
    if not has_messages:
        return _absent("freshness", title, "no messages in this export")
    if engaged.empty:
        return _absent("freshness", title, "no one has been messaged yet")
    active = engaged["tier"] == "active"
    share = float(active.mean())
    return _section(
        "freshness", title, share, f"{share:.0%}",
        f"{int(active.sum()):,} of the {len(engaged):,} people you have talked with were in "
        f"touch within the last {months} months.",
        "Pick three dormant conversations from the re-engage list and send a short note "
        "this week.",
    )  # fmt: skip


def _follow_up(network: Network, ties: pd.DataFrame, as_of: dt.date, has_messages: bool) -> dict:
    title = "Follow-up after connecting"
    if not has_messages:
        return _absent("follow_up", title, "no messages in this export")
    as_of_ts = pd.Timestamp(as_of)
    since = as_of_ts - pd.DateOffset(months=FOLLOW_UP_WINDOW_MONTHS)
    # Only connections old enough for the 30 days to have passed are judged.
    ready = as_of_ts - pd.Timedelta(days=FOLLOW_UP_DAYS)
    people = network.people
    recent = people[(people["connected_on"] >= since) & (people["connected_on"] <= ready)]
    if recent.empty:
        return _absent("follow_up", title, "no connections made in the last 24 months")
    inter = network.interactions
    messages = inter[(inter["kind"] == "message") & inter["person"].isin(recent["person_id"])]
    connected = recent.set_index("person_id")["connected_on"]
    delay = messages["date"] - messages["person"].map(connected)
    followed = messages.loc[
        (delay >= pd.Timedelta(days=-1)) & (delay <= pd.Timedelta(days=FOLLOW_UP_DAYS)), "person"
    ].unique()
    share = len(followed) / len(recent)
    return _section(
        "follow_up", title, share, f"{share:.0%}",
        f"{len(followed):,} of the {len(recent):,} people you connected with in the last "
        f"{FOLLOW_UP_WINDOW_MONTHS} months got a message within {FOLLOW_UP_DAYS} days.",
        "When you accept or send an invitation, follow up within a week: a line on where you "
        "met and one question.",
    )  # fmt: skip


def _personalisation(network: Network, as_of: dt.date) -> dict:
    title = "Personalised invitations"
    inter = network.interactions
    sent = inter[(inter["kind"] == "invitation") & (inter["direction"] == "out")]
    unmatched = network.report.unmatched.get("invitation", 0)
    if sent.empty:
        return _absent(
            "personalisation", title,
            "no sent invitations in this export (LinkedIn keeps only recent ones)"
            + (f"; {unmatched} invitations are with people not among your connections"
               if unmatched else ""),
        )  # fmt: skip
    share = float(sent["note"].mean())
    return _section(
        "personalisation", title, share, f"{share:.0%}",
        f"{int(sent['note'].sum()):,} of {len(sent):,} invitations you sent to people now "
        "in your network carried a personal note.",
        "Add a note to every invitation: where you met, or why you want to connect.",
    )  # fmt: skip


def _diversity(result: dict[str, Any]) -> dict:
    title = "Diverse perspectives"
    if result["known"] < MIN_CLASSIFIED or result["iqv"] is None:
        return _absent("diversity", title, "too few contacts with a known industry")
    top = result["categories"][0]
    return _section(
        "diversity", title, result["iqv"], f"{result['iqv']:.2f}",
        f"Your classified contacts behave like an even spread over "
        f"{result['effective_number']:.1f} industries; {top['share']:.0%} are in "
        f"{top['name']} ({result['unknown_share']:.0%} could not be classified).",
        "Meet people outside your top industry: an event, a community or an alumni group "
        "of another field.",
    )  # fmt: skip


def _concentration(result: dict[str, Any]) -> dict:
    title = "Concentration"
    if result["known"] < MIN_CLASSIFIED:
        return _absent("concentration", title, "too few contacts with a company")
    top = result["categories"][0]
    share = top["count"] / result["total"]
    return _section(
        "concentration", title, share, f"{share:.1%}",
        f"{top['count']:,} of your {result['total']:,} contacts work at {top['name']}, the "
        "most common company in your network.",
        f"Grow ties beyond {top['name']}: former colleagues who left, partners, customers.",
    )  # fmt: skip


def _pace(result: dict[str, Any]) -> dict:
    title = "Steady pace"
    if not result["dated"]:
        return _absent("pace", title, "no connection dates")
    share = result["burst_share"]
    bursts = len(result["bursts"])
    return _section(
        "pace", title, share, f"{share:.0%}",
        f"{share:.0%} of your connections were added on {bursts} burst "
        f"day{'s' if bursts != 1 else ''} (at least {result['burst_threshold']} in a day).",
        "Connect as you meet people, a few a week, and follow each one up.",
    )  # fmt: skip


def _profile(people: pd.DataFrame) -> dict:
    title = "Profile completeness"
    if people.empty:
        return _absent("profile", title, "no contacts")
    complete = (people["company"] != "") & (people["position"] != "")
    share = float(complete.mean())
    return _section(
        "profile", title, share, f"{share:.0%}",
        f"{int(complete.sum()):,} of {len(people):,} contacts show both a company and a "
        "position; the rest are hard to place or to introduce.",
        "For contacts without a company, look them up before your next review and add an "
        "--industry-map entry for the ones you know.",
    )  # fmt: skip
