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
from collections.abc import Callable, Iterable

from netlens.folding import fold, fold_all

__all__ = ["lookup", "suggest"]

THRESHOLD = 0.75  # of suggest's score: what is close enough to say "did you mean"


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
    # quick_ratio is at least ratio, and the same either way round: one matcher per text
    # typed, which counts that text's letters once.
    matchers = {text: difflib.SequenceMatcher(None, "", text) for text in (wanted, *typed)}

    def bound(a: str, b: str) -> float:
        matcher = matchers[a]
        matcher.set_seq1(b)
        return matcher.quick_ratio()

    names = list(dict.fromkeys(names))
    fold_all(names)  # folded together, found below
    scored: dict[str, float] = {}
    for name in names:
        words = fold(name).split()
        if not words:
            continue
        starts = [" ".join(words[i:])[: len(wanted)] for i in range(len(words))]
        # Most names are nowhere near: ruled out by upper bounds of the same score (each
        # ratio by its quick_ratio) before any ratio is worked out.
        if _score(wanted, typed, words, starts, bound) + 0.05 < THRESHOLD:
            continue
        score = _score(wanted, typed, words, starts, ratio) + 0.05 * ratio(typed[0], words[0])
        if score >= THRESHOLD:
            scored[name] = score
    return sorted(scored, key=lambda name: (-scored[name], name))[:n]


def _score(
    wanted: str, typed: list[str], words: list[str], starts: list[str], ratio: Callable
) -> float:
    """The best of: ``wanted`` against the start of each word onwards (``starts``), and
    each typed word against its closest word, on average."""
    by_start = max(ratio(wanted, part) for part in starts)
    by_word = sum(max(ratio(t, w) for w in words) for t in typed) / len(typed)
    return max(by_start, by_word)
