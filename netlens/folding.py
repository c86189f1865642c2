"""Folding text for matching: one rule for names, companies and titles alike."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

_DROP = re.compile(r"['’`´.]")
_SPACE = re.compile(r"[\W_]+")
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
    if folded is None:
        folded = _remember(text, _fold(text))
    return folded


# The same names, companies and titles recur across the files of an export and across the
# exports of a team: each distinct text is folded once.
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 1 << 18


def _remember(text: str, folded: str) -> str:
    if len(_FOLDED) >= _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED[text] = folded
    return folded


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose: casefold is lower, no letters to translate
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
        text = text.translate(_LETTERS)
    return " ".join(_SPACE.sub(" ", _DROP.sub("", text)).split())
