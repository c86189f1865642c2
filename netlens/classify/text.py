"""Text folding, company-name keys and the keyword tables the classifiers use.

A keyword table is a data file of ``keyword,label`` rows in priority order: the first row
whose keyword occurs in a text decides. Keywords match whole words of the folded text
(lower case, accents removed, punctuation as spaces); several words match in sequence; a
trailing ``*`` matches any word starting so (``pharma*`` matches ``pharmaceuticals``), and a
leading ``*`` any word ending so — the way German, Dutch and Nordic compounds name things
(``*spital`` matches ``kantonsspital``, ``*handel`` matches ``baustoffhandel``).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from netlens.folding import fold

__all__ = ["KeywordTable", "company_key", "fold", "read_data"]


@cache
def company_key(name: str | None) -> str:
    """The key a company is counted under: folded, without a leading "The" and without its
    legal form, so ``Contoso, Inc.``, ``CONTOSO LTD`` and ``The Contoso Company`` are one.

    >>> company_key("Contoso, Inc.")
    'contoso'
    >>> company_key("Müller Präzisionstechnik GmbH & Co. KG")
    'muller prazisionstechnik'
    """
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for suffix in _legal_suffixes():
            n = len(suffix)
            if len(words) > n and tuple(words[-n:]) == suffix:
                words = words[:-n]
                stripped = True
                break
    return " ".join(words)


@cache
def _legal_suffixes() -> list[tuple[str, ...]]:
    """Legal forms as folded word sequences, longest first (``gmbh co kg`` before ``kg``)."""
    suffixes = {tuple(fold(row["suffix"]).split()) for row in read_data("legal_suffixes.csv")}
    return sorted((s for s in suffixes if s), key=lambda s: (-len(s), s))


@cache
def read_data(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file shipped in ``netlens/data/classify``."""
    path = resources.files("netlens").joinpath("data", "classify", name)
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


class KeywordTable:
    """First-match-wins keyword lookup over folded text (see the module docstring)."""

    def __init__(self, rows: list[tuple[str, str]]):
        self.exact: dict[tuple[str, ...], tuple[int, str]] = {}
        self.prefix: dict[tuple[str, ...], tuple[int, str]] = {}
        self.suffix: dict[str, tuple[int, str]] = {}
        self.longest = 1
        for priority, (keyword, label) in enumerate(rows):
            keyword = keyword.strip()
            words = tuple(fold(keyword.strip("*")).split())
            if not words:
                continue
            if keyword.startswith("*"):
                self.suffix.setdefault(words[-1], (priority, label))
                continue
            table = self.prefix if keyword.endswith("*") else self.exact
            table.setdefault(words, (priority, label))
            self.longest = max(self.longest, len(words))
        self._cache: dict[str, str | None] = {}

    @classmethod
    def from_data(cls, name: str, label_column: str) -> KeywordTable:
        return cls([(row["keyword"], row[label_column]) for row in read_data(name)])

    def match(self, folded: str) -> str | None:
        """The label of the highest-priority keyword in ``folded`` text, or None."""
        if folded in self._cache:
            return self._cache[folded]
        words = folded.split()
        best: tuple[int, str] | None = None
        for start in range(len(words)):
            for size in range(1, min(self.longest, len(words) - start) + 1):
                gram = tuple(words[start : start + size])
                for hit in self._hits(gram):
                    if best is None or hit[0] < best[0]:
                        best = hit
        label = best[1] if best else None
        self._cache[folded] = label
        return label

    def _hits(self, gram: tuple[str, ...]):
        hit = self.exact.get(gram)
        if hit:
            yield hit
        head, last = gram[:-1], gram[-1]
        if self.prefix:
            for end in range(1, len(last) + 1):
                hit = self.prefix.get((*head, last[:end]))
                if hit:
                    yield hit
        if self.suffix and not head:
            for start in range(len(last) - 2):
                hit = self.suffix.get(last[start:])
                if hit:
                    yield hit
