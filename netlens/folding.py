"""Folding text for matching: one rule for names, companies and titles alike."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_all"]

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
# exports of a team: each distinct text is folded once, by fold or fold_all.
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


# fold_all: the same patterns over many texts joined by line breaks. _SPACE without the
# line break, so that a run of punctuation never joins two texts.
_SPACE_IN_LINE = re.compile(r"(?:[^\w\n]|_)+")
_LINE_ENDS = re.compile(r" ?\n ?")


def fold_all(texts: list) -> list[str]:
    """``[fold(text) for text in texts]``, the plain ASCII texts (most names and companies)
    not folded before folded together, in one pass of each pattern over them all."""
    folded = [""] * len(texts)
    plain = []
    for position, text in enumerate(texts):
        known = _FOLDED.get(text) if isinstance(text, str) else None
        if known is not None:
            folded[position] = known
        elif isinstance(text, str) and text.isascii() and "\n" not in text:
            plain.append(position)
        else:
            folded[position] = fold(text)
    if plain:
        joined = "\n".join([texts[position] for position in plain]).lower()
        joined = _LINE_ENDS.sub("\n", _SPACE_IN_LINE.sub(" ", _DROP.sub("", joined))).strip(" ")
        for position, text in zip(plain, joined.split("\n"), strict=True):
            folded[position] = _remember(texts[position], text) if texts[position] else ""
    return folded
