"""Folding text for matching: one rule for names, companies and titles alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["fold", "fold_all"]

_DROP = re.compile(r"['’`´.]")
# Letters that NFKD does not decompose, folded by hand (Høyskole = hoyskole).
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "þ": "th", "œ": "oe", "ı": "i"})


def fold(text: str | None) -> str:
    """Lower case, accents removed, punctuation as spaces: ``"Geschäftsführer, R&D"`` →
    ``"geschaftsfuhrer r d"``. Apostrophes and dots vanish (``St. Mary's`` → ``st marys``,
    ``O'Brien`` → ``obrien``); scripts without case or accents are kept as they are.

    >>> fold("  José  Müller-Smith ")
    'jose muller smith'
    """
    if not text:
        return ""
    text = str(text)
    folded = _FOLDED.get(text)
    return fold_all([text])[0] if folded is None else folded


def fold_all(texts: Iterable) -> list[str]:
    """``[fold(text) for text in texts]``: the one way texts are folded. Those not folded
    before are decomposed one by one (where they are not plain ASCII), then joined by line
    breaks and every pattern is run once over them all: names, companies and titles come
    by the tens of thousands, and a pattern run per text costs more than the folding.

    >>> fold_all(["St. Mary's", "", "Høyskole"])
    ['st marys', '', 'hoyskole']
    """
    texts = [str(text) if text else "" for text in texts]
    folded = [""] * len(texts)
    todo: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        known = _FOLDED.get(text) if text else ""
        if known is None:
            todo.setdefault(text, []).append(position)
        else:
            folded[position] = known
    if not todo:
        return folded
    distinct = list(todo)
    joined = _DROP.sub("", "\n".join(map(_decomposed, distinct)))
    joined = _LINE_ENDS.sub("\n", _SPACE_IN_LINE.sub(" ", joined)).strip(" ")
    for text, result in zip(distinct, joined.split("\n"), strict=True):
        _remember(text, result)
        for position in todo[text]:
            folded[position] = result
    return folded


# The same names, companies and titles recur across the files of an export and across the
# exports of a team: each distinct text is folded once.
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 1 << 18


def _remember(text: str, folded: str) -> None:
    if len(_FOLDED) >= _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED[text] = folded


def _decomposed(text: str) -> str:
    """Lower case without accents, on one line (a line break is a space once folded)."""
    if text.isascii():  # nothing to decompose: casefold is lower, no letters to translate
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
        text = text.translate(_LETTERS)
    return text.replace("\n", " ") if "\n" in text else text


# Spaces for runs of anything but letters and digits (and dropped characters), within a
# line: a run of punctuation never joins two texts; then the spaces at line ends go.
_SPACE_IN_LINE = re.compile(r"(?:[^\w\n]|_)+")
_LINE_ENDS = re.compile(r" ?\n ?")
