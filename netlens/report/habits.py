"""The report's "Message habits" section, from :func:`netlens.analyze.habits.habits`.

Figures only, no names: who answers how fast, who starts, what was left unanswered, and a
weekday × hour heatmap of when you write (its numbers also in a table).
"""

from __future__ import annotations

from typing import Any

from netlens.report.model import Chart, Figure, Section, Table
from netlens.wording import plural

__all__ = ["habits_section", "hours"]


def hours(value: float | None) -> str:
    """A response time: ``45 min``, ``5.2 h``, ``3.1 days``; ``–`` when not measured."""
    if value is None:
        return "–"
    if value < 1:
        return f"{value * 60:.0f} min"
    if value < 48:
        return f"{value:.1f} h"
    return f"{value / 24:.1f} days"


def _replies(n: int) -> str:
    return f"{n:,} repl{'y' if n == 1 else 'ies'}"


def habits_section(habits: dict[str, Any]) -> Section:
    """Response times both ways, who starts, unanswered threads, and the heatmap."""
    you, they = habits["you_reply"], habits["they_reply"]
    started = habits["started_by_you"] + habits["started_by_them"]
    clock = habits["time_zone"] or "the export's own clock"
    section = Section(
        "message_habits",
        "Message habits",
        intro="How quickly conversations move, who opens them and when you write — from the "
        "dates of your messages, never their text. One-to-one conversations only: a group "
        f"chat does not say who wrote what. A message after "
        f"{habits['new_conversation_days']} days of silence opens a new conversation.",
    )
    if not habits["messages"]:
        section.findings.append("No messages with your contacts in this export.")
        return section
    section.figures = [
        Figure("You answer in", hours(you["median_hours"]), you["median_hours"],
               f"median of {_replies(you['replies'])}; 90% within "
               f"{hours(you['p90_hours'])}"),
        Figure("They answer you in", hours(they["median_hours"]), they["median_hours"],
               f"median of {_replies(they['replies'])}; 90% within "
               f"{hours(they['p90_hours'])}"),
        Figure("You start", f"{habits['started_by_you']:,} of {started:,}",
               habits["started_by_you"], "conversations opened by you"),
        Figure("Left unanswered", f"{habits['unanswered_by_you']:,} by you",
               habits["unanswered_by_you"],
               f"{habits['unanswered_by_them']:,} of yours got no answer"),
    ]  # fmt: skip
    if habits["unanswered_by_you"]:
        section.findings.append(
            f"{plural(habits['unanswered_by_you'], 'conversation')} opened by a contact never "
            "got your answer: netlens reengage and netlens plan list who is waiting."
        )
    if habits["waiting"]:
        section.findings.append(
            f"{plural(habits['waiting'], 'conversation')} of the last "
            f"{habits['new_conversation_days']} days still wait for an answer either way."
        )
    heatmap = habits["heatmap"]
    section.charts.append(
        Chart(
            "message_habits",
            "heatmap",
            f"When you write ({clock})",
            f"A grid of weekdays by hour of the day ({clock}): the darker a cell, the more "
            f"of your {habits['sent']:,} messages you sent then.",
            {"rows": habits["weekdays"], "columns": list(range(24)), "counts": heatmap},
        )
    )
    days = habits["weekdays"]
    section.tables.append(
        Table(
            "message_habits",
            f"Messages you sent, by hour and weekday ({clock})",
            ["Hour", *days, "Total"],
            [
                [f"{hour:02d}:00", *(row[hour] for row in heatmap), sum(r[hour] for r in heatmap)]
                for hour in range(24)
            ],
            numeric=[False, *[True] * (len(days) + 1)],
            collapsed=True,
        )
    )
    return section
