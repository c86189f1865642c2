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

from netlens.folding import fold, fold_all

__all__ = ["KeywordTable", "company_key", "fold", "name_key", "read_data"]


@cache
def company_key(name: str | None) -> str:
    """The key a company is counted under: folded, without a leading "The" and without its
    legal form, so ``Contoso, Inc.``, ``CONTOSO LTD`` and ``The Contoso Company`` are one;
    and one key for the names of a large employer (``company_aliases.csv``: ``Meta
    Platforms, Inc.`` and ``Facebook`` are ``meta``; ``Deloitte Consulting LLP`` and
    ``Deloitte India`` are ``deloitte``).

    >>> company_key("Contoso, Inc.")
    'contoso'
    >>> company_key("Müller Präzisionstechnik GmbH & Co. KG")
    'muller prazisionstechnik'
    >>> company_key("International Business Machines Corporation")
    'ibm'
    """
    key = name_key(name)
    aliases = _aliases()
    found = aliases.get(key)
    if found is not None:
        return found
    # A large employer's country or region arm: ``KPMG India``, ``Siemens Deutschland``.
    head, _, last = key.rpartition(" ")
    if head and last in _places():
        found = aliases.get(head)
        if found is not None:
            return found
    head, _, before_last = head.rpartition(" ")
    if head and f"{before_last} {last}" in _places():
        found = aliases.get(head)
        if found is not None:
            return found
    return key


@cache
def name_key(name: str | None) -> str:
    """The key of this very name, before aliases join it to its employer's: folded,
    without a leading "The" and the legal forms that end it (``Deloitte Consulting LLP`` →
    ``deloitte consulting``)."""
    return _without_legal_form(name)


def _without_legal_form(name: str | None) -> str:
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        # The longest legal form that ends the name goes first (``gmbh co kg`` before
        # ``kg``): one set lookup per length of legal form, not a scan of them all.
        for n, suffixes in _legal_suffixes_by_length():
            if len(words) > n and tuple(words[-n:]) in suffixes:
                words = words[:-n]
                stripped = True
                break
    return " ".join(words)


@cache
def _aliases() -> dict[str, str]:
    """Every name of an employer of ``company_aliases.csv`` (its own included), without
    legal form → the key of its first name."""
    rows = [
        [row["company"], *row["aliases"].split("|")] for row in read_data("company_aliases.csv")
    ]
    fold_all([name for names in rows for name in names])  # folded together, found below
    aliases: dict[str, str] = {}
    for names in rows:
        canonical = _without_legal_form(names[0])
        for name in names:
            key = _without_legal_form(name)
            if key:
                aliases.setdefault(key, canonical)
    return aliases


@cache
def _places() -> frozenset[str]:
    """Countries, regions and words like ``global`` that follow an employer's name for its
    arm there (``places.csv``)."""
    return frozenset(fold(row["place"]) for row in read_data("places.csv"))


@cache
def _legal_suffixes() -> list[tuple[str, ...]]:
    """Legal forms as folded word sequences, longest first (``gmbh co kg`` before ``kg``)."""
    suffixes = {tuple(fold(row["suffix"]).split()) for row in read_data("legal_suffixes.csv")}
    return sorted((s for s in suffixes if s), key=lambda s: (-len(s), s))


@cache
def _legal_suffixes_by_length() -> list[tuple[int, frozenset[tuple[str, ...]]]]:
    """:func:`_legal_suffixes` grouped by their number of words, most words first."""
    lengths = sorted({len(s) for s in _legal_suffixes()}, reverse=True)
    return [(n, frozenset(s for s in _legal_suffixes() if len(s) == n)) for n in lengths]


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
        fold_all([keyword.strip().strip("*") for keyword, _ in rows])  # together, found below
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
        self._word_hits: dict[str, tuple[tuple[int, str], ...]] = {}
        # Word sequences that begin a keyword of more words: a longer n-gram is looked up
        # only when its first words are one of them.
        self.heads = {
            words[:size] for words in (*self.exact, *self.prefix) for size in range(1, len(words))
        }
        # Only the lengths keywords have are worth looking up, shortest first.
        self.prefix_lengths = sorted({len(words[-1]) for words in self.prefix})
        self.suffix_lengths = sorted({len(word) for word in self.suffix}, reverse=True)

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
            word = words[start]
            hits = self._word_hits.get(word)
            if hits is None:  # words recur across names far more than whole names do
                hits = self._word_hits[word] = tuple(self._hits((word,)))
            for hit in hits:
                if best is None or hit[0] < best[0]:
                    best = hit
            for size in range(2, min(self.longest, len(words) - start) + 1):
                if tuple(words[start : start + size - 1]) not in self.heads:
                    break  # no keyword starts so, nor with more words
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
            for end in self.prefix_lengths:
                if end > len(last):
                    break
                hit = self.prefix.get((*head, last[:end]))
                if hit:
                    yield hit
        if self.suffix and not head:
            for size in self.suffix_lengths:  # longest first, as ``last[start:]`` was
                if 3 <= size <= len(last):
                    hit = self.suffix.get(last[len(last) - size :])
                    if hit:
                        yield hit
