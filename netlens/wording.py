"""Small helpers for readable English in messages and reports."""

from __future__ import annotations

import datetime as dt

__all__ = ["fit", "initials", "iso_date", "percent", "plural", "width"]

_IRREGULAR = {
    "spam": "spam",
    "sponsored": "sponsored",
    "person": "people",
    "more person": "more people",
    "company": "companies",
}


def plural(n: int, word: str) -> str:
    """``plural(1, "row")`` → ``"1 row"``; ``plural(1200, "row")`` → ``"1,200 rows"``."""
    return f"{n:,} {word if n == 1 else _IRREGULAR.get(word, word + 's')}"


def percent(share: float | None, digits: int = 0) -> str:
    """``percent(0.0949)`` → ``"9%"``, ``percent(0.0949, 1)`` → ``"9.5%"``; ``"–"`` for None
    (a share that could not be measured). A share that rounds to 0 or 100 but is not says
    so: 4 people of 980 are ``"<1%"``, not none of them."""
    if share is None:
        return "–"
    smallest = 0.5 * 10**-digits / 100  # what rounds to zero at this precision
    if 0 < share < smallest:
        return f"<{10**-digits:g}%"
    if 1 - smallest <= share < 1:
        return f">{100 - 10**-digits:g}%"
    return f"{share:.{digits}%}"


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide characters take two."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def fit(text: str, columns: int) -> str:
    """``text`` cut or padded to exactly ``columns`` terminal columns, so that tables with
    names in any script stay aligned; a cut text ends in "…"."""
    if width(text) > columns:
        out, used = [], 0
        for ch in text:
            used += width(ch)
            if used > columns - 1:
                break
            out.append(ch)
        text = "".join(out).rstrip() + "…"
    return text + " " * max(0, columns - width(text))


def iso_date(value) -> str | None:
    """``2026-11-21`` from a timestamp or date; None when missing (None, NaT or NaN)."""
    if value is None or value != value:  # NaT and NaN are not equal to themselves
        return None
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def as_of_reason(as_of: dt.date) -> str:
    """Where a review date came from: its ``why`` (:class:`netlens.model.AsOf`), or "given"
    for a plain date."""
    return getattr(as_of, "why", "given")


def stated(as_of: dt.date) -> str:
    """``2026-11-21, the date in the export's name``: the date and where it came from."""
    return f"{as_of.isoformat()}, {as_of_reason(as_of)}"


def initials(name: str | None) -> str:
    """``"Maya Cohen"`` → ``"M. C."``: what ``--redact`` shows instead of a name."""
    parts = [part for part in str(name or "").replace("-", " ").split() if part[:1].isalnum()]
    return " ".join(f"{part[0].upper()}." for part in parts) or "?"
