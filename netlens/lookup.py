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
    its later words (``dlamini`` → Zanele Dlamini); a part of it (``lami``)."""
    wanted = fold(query)
    if not wanted:
        return []
    folded = [(name, fold(name)) for name in dict.fromkeys(names) if name]
    rules = (
        lambda text: text == wanted,
        lambda text: text.startswith(wanted),
        lambda text: f" {wanted}" in f" {text}",
        lambda text: wanted in text,
    )
    for rule in rules:
        found = [name for name, text in folded if rule(text)]
        if found:
            return found
    return []


def suggest(query: str, names: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``names`` close to ``query`` (a typo, a letter left out): what to say
    after "did you mean"."""
    by_fold: dict[str, str] = {}
    for name in names:
        if name:
            by_fold.setdefault(fold(name), name)
    close = difflib.get_close_matches(fold(query), list(by_fold), n=n, cutoff=0.6)
    if not close:  # a word of a longer name: compare with each word's run to the end
        words = {
            " ".join(text.split()[i:]): text for text in by_fold for i in range(len(text.split()))
        }
        close = [words[w] for w in difflib.get_close_matches(fold(query), list(words), n=n)]
    return [by_fold[text] for text in dict.fromkeys(close)]
