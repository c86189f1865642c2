"""Finding what a person typed: a name or a company, folded (case, accents, punctuation),
whole or in part. One rule for every command that takes a person or a company.

    >>> lookup("zanele", ["Zanele Dlamini", "Zane Lee", "Thandi Zanele"])
    ['Zanele Dlamini']
    >>> lookup("delta", ["Delta Air Lines", "Alpha Delta Partners", "Deltek"])
    ['Delta Air Lines']
    >>> suggest("delat air", ["Delta Air Lines", "Air France"])
    ['Delta Air Lines']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from netlens.folding import fold

__all__ = ["lookup", "suggest"]


def lookup(query: str, names: Iterable[str]) -> list[str]:
    """The ``names`` that ``query`` means, in their order, by the first rule that finds any:
    the same folded text; a prefix of it (``zanele`` → Zanele Dlamini); a prefix of one of
    its later words (``dlamini`` → Zanele Dlamini); a part of it (``lami``), for four
    letters or more (``inc`` is in too many names to mean one)."""
    wanted = fold(query)
    if not wanted:
        return []
    folded = [(name, fold(name)) for name in dict.fromkeys(names) if name]
    rules = (
        lambda text: text == wanted,
        lambda text: text.startswith(wanted),
        lambda text: f" {wanted}" in f" {text}",
        lambda text: len(wanted) >= 4 and wanted in text,
    )
    for rule in rules:
        found = [name for name, text in folded if rule(text)]
        if found:
            return found
    return []


def suggest(query: str, names: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``names`` close to ``query`` — a typo, a letter left out or swapped —
    the closest first: what to say after "did you mean". A name scores the best of: the
    start of each of its words as long as what was typed (``detla`` → "Delta Air Lines",
    ``Zanle`` → "Zanele Ndlovu"), and each typed word against its closest word (``Kin
    Kong`` → "Kim King")."""
    wanted = fold(query)
    if not wanted:
        return []

    def ratio(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    typed = wanted.split()
    scored: dict[str, float] = {}
    for name in dict.fromkeys(names):
        words = fold(name).split()
        if not words:
            continue
        starts = [" ".join(words[i:]) for i in range(len(words))]
        by_start = max(ratio(wanted, part[: len(wanted)]) for part in starts)
        by_word = sum(max(ratio(t, w) for w in words) for t in typed) / len(typed)
        # a tie-break: the first word itself, whole ("delta", not "dental")
        score = max(by_start, by_word) + 0.05 * ratio(typed[0], words[0])
        if score >= 0.75:
            scored[name] = score
    return sorted(scored, key=lambda name: (-scored[name], name))[:n]
