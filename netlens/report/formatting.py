"""How the review's sections write numbers, durations and long names in their cells."""

from __future__ import annotations

__all__ = ["clip", "duration", "fmt"]


def fmt(value: float | None, digits: int = 2) -> str:
    """``1,234.57``; ``–`` for a figure that could not be measured."""
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def duration(days: int) -> str:
    """``20 months``, ``3.5 years``: months up to two years, then years."""
    months = days / 30.44
    return f"{months:.0f} months" if months < 24 else f"{days / 365.25:.1f} years"


def clip(text: str | None, limit: int = 60) -> str:
    """A cell cut to ``limit`` characters: a name of hundreds of letters would squeeze
    every other column of its table."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
