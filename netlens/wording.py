"""Small helpers for readable English in messages and reports."""

from __future__ import annotations

__all__ = ["plural"]

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
