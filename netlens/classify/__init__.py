"""Who is in the network: industry, job function and seniority, inferred from the export.

The export has only a company name and a free-text position per person. Industry is
inferred in layers, the first that knows deciding (SPEC §3):

1. ``user map`` — the user's own ``company,industry`` file (``--industry-map``);
2. ``known company`` — a built-in table of well-known organisations and their name variants
   (``data/classify/companies.csv``), matched on the whole normalised name (and, after the
   company-name keywords, on its leading words: ``Deloitte Tax Wien`` is Deloitte);
3. ``company name`` — telling keywords in the company name (``Bank``, ``Klinikum``,
   ``Logistics``…);
4. ``position`` — keywords in the position (``Nurse``, ``Attorney``…);
5. ``colleagues`` — in :func:`classify_people` only: what the positions of the other people
   at the same company revealed (the two Software Engineers of ``Ledgerly`` say what its Head
   of Growth works in);
6. ``vague company word`` — words that only hint (``Solutions``, ``Institute``, ``Capital``,
   ``Digital``): a clear title says more than they do, so they come after it;
7. else ``Unknown``.

Job function (LinkedIn's 26) and seniority (LinkedIn's 10) come from keywords in the
position, in several languages; a position with no seniority word is ``Entry``. Every table
is a data file in ``netlens/data/classify``; nothing here is a list of names.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from netlens.classify.text import KeywordTable, company_key, fold, name_key, read_data
from netlens.errors import NetlensError
from netlens.folding import fold_all
from netlens.text import one_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    import pandas as pd

__all__ = [
    "UNKNOWN",
    "Classification",
    "categories",
    "classify_company",
    "classify_people",
    "classify_position",
    "company_key",
    "industries_of",
    "industry_by_company",
    "is_placeholder",
    "is_self_employed",
    "read_industry_map",
    "read_tables",
]

UNKNOWN = "Unknown"
INDUSTRY_LAYERS = (
    "user map", "known company", "company name", "position", "colleagues",
    "vague company word", "unknown",
)  # fmt: skip


@dataclass(frozen=True)
class Classification:
    """A label and the layer that decided it (one of ``INDUSTRY_LAYERS`` for industry)."""

    label: str
    source: str


@cache
def categories(dimension: str) -> tuple[str, ...]:
    """LinkedIn's labels for ``industry`` (20 groups), ``function`` (26) or ``seniority`` (10)."""
    labels = tuple(
        row["label"] for row in read_data("taxonomy.csv") if row["dimension"] == dimension
    )
    if not labels:
        raise ValueError(f"unknown dimension {dimension!r}")
    return labels


@cache
def _placeholders() -> dict[str, bool]:
    """Folded placeholder → whether it means the person works for themselves."""
    return {
        fold(row["placeholder"]): row["self_employed"] == "yes"
        for row in read_data("placeholders.csv")
    }


# Words that join placeholders: ``Freelance / Self-employed``, ``Student and Freelancer``.
_JOINERS = frozenset(
    {"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "ve", "veya", "i", "lub"}
)
_LONGEST_PLACEHOLDER = 6  # words


@cache
def _placeholder_kind(folded: str) -> bool | None:
    """None if ``folded`` names an employer; else whether it means self-employment.

    A placeholder is a row of ``placeholders.csv``, or several joined (``Self-employed |
    Freelance``, ``Freelancer & Student``); one word that is no placeholder makes it a
    company (``Freelance Hub``, ``Independent Bank``)."""
    if folded == "":
        return False
    table = _placeholders()
    if folded in table:
        return table[folded]
    if folded.partition(" ")[0] not in _placeholder_words():
        return None  # the common case, found at once: a first word no placeholder has
    words = folded.split()
    if not _placeholder_words().issuperset(words):
        return None
    if all(word in _JOINERS for word in words):
        return None  # "And", "Y": a name
    # found[i]: whether words[:i] is all placeholders and joiners, and if any is self-employed
    found: list[bool | None] = [False] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - _LONGEST_PLACEHOLDER), end):
            if found[start] is None:
                continue
            phrase = " ".join(words[start:end])
            if phrase in table or (end - start == 1 and phrase in _JOINERS):
                own = table.get(phrase, False)
                found[end] = bool(found[end]) or found[start] or own
    return found[-1]


@cache
def _placeholder_words() -> frozenset[str]:
    return frozenset(word for phrase in _placeholders() for word in phrase.split()) | _JOINERS


def is_self_employed(company: str | None) -> bool:
    """``Self-employed``, ``Freelance``, ``Selbstständig``, ``Autónomo``, ``عمل مستقل``…"""
    return bool(_placeholder_kind(fold(company)))


@cache
def is_placeholder(company: str | None) -> bool:
    """``Self-employed``, ``Freelance``, ``Confidential``, ``Stealth``, ``Retired``,
    ``Student``, ``Open to work``, ``N/A``, ``-`` and the like, in the main languages of
    LinkedIn's members: a company field that names no employer."""
    return _placeholder_kind(fold(company)) is not None


@cache
def _known_companies() -> dict[str, str]:
    known: dict[str, str] = {}
    rows = [
        (row["industry"], [row["company"], *row.get("aliases", "").split("|")])
        for row in read_data("companies.csv")
    ]
    fold_all([name for _, names in rows for name in names])  # folded together, found below
    # Each name under its own key first, so ``Apple Retail`` stays in retail when aliases
    # count it as Apple; then under its employer's key.
    for key_of in (name_key, company_key):
        for industry, names in rows:
            for name in names:
                key = key_of(name)
                if key:
                    known.setdefault(key, industry)
    return known


MIN_PREFIX_CHARS = 4


def _known_prefix(key: str) -> str | None:
    """The industry of the longest known company whose name starts ``key`` word by word:
    ``Deloitte Tax & Legal Wien`` → ``Deloitte``. Only after the company-name keywords,
    which know ``Apple Valley School District`` is a school, and only for names of
    ``MIN_PREFIX_CHARS`` or more, so ``GE`` starts nothing."""
    words = key.split()
    known = _known_companies()
    for size in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:size])
        if len(prefix) >= MIN_PREFIX_CHARS and prefix in known:
            return known[prefix]
    return None


@cache
def _tables() -> dict[str, KeywordTable]:
    return {
        "company": KeywordTable.from_data("company_keywords.csv", "industry"),
        "company_vague": KeywordTable.from_data("company_keywords_vague.csv", "industry"),
        "position_industry": KeywordTable.from_data("position_industry_keywords.csv", "industry"),
        "function": KeywordTable.from_data("function_keywords.csv", "function"),
        "seniority": KeywordTable.from_data("seniority_keywords.csv", "seniority"),
    }


def read_tables() -> None:
    """Read the classification tables now, where there is time to spare (each is read once
    per process, on first use, otherwise)."""
    _tables()
    _known_companies()  # and through company_key, the aliases
    _placeholders()
    for dimension in ("industry", "function", "seniority"):
        categories(dimension)


@cache
def _industry_names() -> dict[str, str]:
    """Any spelling of an industry a user may write (a group or one of LinkedIn's detailed
    industries, any case) → its top-level group."""
    names = {_industry_key(group): group for group in categories("industry")}
    for row in read_data("linkedin_industries.csv"):
        names.setdefault(_industry_key(row["industry"]), row["group"])
    return names


def _industry_key(name: str | None) -> str:
    """Folded, with ``&`` and ``and`` alike: ``Hospital & Health Care`` = ``hospital and
    health care``."""
    return " ".join(word for word in fold(name).split() if word != "and")


def industry_group(name: str | None) -> str | None:
    """LinkedIn's top-level group for an industry name (``Software Development`` →
    ``Technology, Information and Media``), or None if it is none of LinkedIn's."""
    return _industry_names().get(_industry_key(name))


def classify_company(
    company: str | None,
    position: str | None = "",
    *,
    industry_map: dict[str, str] | None = None,
) -> Classification:
    """The industry of someone working at ``company`` as ``position``, and the deciding layer.

    >>> classify_company("Raiffeisenbank Oberland eG")
    Classification(label='Financial Services', source='company name')
    """
    mapped = _user_map(company_key(company), industry_map)
    return mapped or _classify_company(company, position)


# Reach classifies every distinct (company, position) of a team's graph, and most companies
# and positions recur: each is looked up once.
@lru_cache(maxsize=1 << 17)
def _classify_company(company: str | None, position: str | None) -> Classification:
    placeholder = is_placeholder(company)
    by_company = None if placeholder else _by_company(company)
    if by_company:
        return by_company
    by_position = _by_position(position)
    if by_position:
        return by_position
    if not placeholder:
        vague = _tables()["company_vague"].match(fold(company))
        if vague:
            return Classification(vague, "vague company word")
    return Classification(UNKNOWN, "unknown")


def industry_by_company(company: str | None) -> Classification | None:
    """What :func:`classify_company` says when the company alone decides (whatever the
    position), or None when the position is looked at."""
    return None if is_placeholder(company) else _by_company(company)


def industries_of(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The industry of each (company, position), as :func:`classify_company` labels it:
    by the company when it decides (asked once per company: most decide whatever the
    position, and a team's second degree holds tens of thousands of pairs), else by company
    and position."""
    by_company: dict[str, str | None] = {}
    found = []
    for company, position in pairs:
        if company not in by_company:
            decided = industry_by_company(company)
            by_company[company] = decided.label if decided else None
        found.append(by_company[company] or classify_company(company, position).label)
    return found


@lru_cache(maxsize=1 << 17)
def _by_company(company: str | None) -> Classification | None:
    key = company_key(company)
    known = _known_companies().get(name_key(company)) or _known_companies().get(key)
    if known:
        return Classification(known, "known company")
    by_name = _tables()["company"].match(fold(company))
    if by_name:
        return Classification(by_name, "company name")
    known = _known_prefix(key)
    if known:
        return Classification(known, "known company")
    return None


@lru_cache(maxsize=1 << 17)
def _by_position(position: str | None) -> Classification | None:
    by_position = _tables()["position_industry"].match(fold(position))
    return Classification(by_position, "position") if by_position else None


def classify_position(position: str | None, company: str | None = None) -> tuple[str, str]:
    """(job function, seniority) for a position. A position with no seniority word is
    ``Owner`` for the self-employed (``company`` is ``Self-employed``, ``Freelance``…) and
    ``Entry`` otherwise; an empty position is ``Unknown`` on both.

    >>> classify_position("Senior Software Engineer")
    ('Engineering', 'Senior')
    >>> classify_position("Steuerberater", company="Selbstständig")[1]
    'Owner'
    """
    function, seniority = _roles(position)
    if function is None:
        return UNKNOWN, UNKNOWN
    if seniority is None:
        seniority = "Owner" if is_self_employed(company) else "Entry"
    return function, seniority


@lru_cache(maxsize=1 << 17)
def _roles(position: str | None) -> tuple[str | None, str | None]:
    """(function, seniority or None) of a position; (None, None) when it is empty."""
    folded = fold(position)
    if not folded:
        return None, None
    tables = _tables()
    return tables["function"].match(folded) or UNKNOWN, tables["seniority"].match(folded)


def read_industry_map(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read the user's ``company,industry`` CSV into {company key → industry group}.

    Industries may be written as any of LinkedIn's 20 groups or its detailed industries
    (``Software Development``), in any case; an industry with commas may be left unquoted
    when the company column comes first. Rows with an empty industry are skipped (a
    half-filled file from ``--unknown-out`` is fine). A row may name a placeholder
    (``Self-employed``, ``Freelance``, ``Confidential``): it classifies the people who wrote
    it. Files saved by a spreadsheet are read too: UTF-8 with or without BOM, else cp1252;
    commas, semicolons or tabs.
    """
    import csv
    import io

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError as exc:
        raise NetlensError(
            f"{path}: no such file — pass a CSV with the columns company,industry"
        ) from exc
    except OSError as exc:
        raise NetlensError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    try:
        rows = list(
            csv.reader(io.StringIO(text, newline=""), delimiter=max(",;\t", key=first.count))
        )
    except csv.Error as exc:
        raise NetlensError(f"{path}: cannot be read as CSV ({exc})") from exc
    if not rows:
        raise NetlensError(f"{path}: the file is empty — it needs the columns company,industry")
    header = [fold(cell) for cell in rows[0]]
    if "company" not in header or "industry" not in header:
        binary = any(ord(ch) < 32 and ch not in "\t\r" for ch in first) or "\ufffd" in first
        if binary or data.startswith(b"PK\x03\x04"):
            found = "not text: a zip, a spreadsheet or another binary file"
        else:
            found = one_line(", ".join(rows[0]), limit=80) or "nothing"
        raise NetlensError(
            f"{path}: line 1 must name the columns company and industry (found: {found}) — "
            "save the map as CSV"
        )
    company_at, industry_at = header.index("company"), header.index("industry")
    mapping: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) <= max(company_at, industry_at):
            continue
        company, industry = row[company_at].strip(), row[industry_at].strip()
        extra = len(row) - len(header)
        if extra > 0 and company_at < industry_at:
            # "Technology, Information and Media" typed without quotes: the industry ran
            # over into the next fields.
            industry = ",".join(row[industry_at : industry_at + extra + 1]).strip()
        if not company or not industry:
            continue
        group = industry_group(industry)
        if group is None:
            raise NetlensError(
                f"{path}, line {line}: {industry!r} is not one of LinkedIn's industries — "
                f"use one of: {'; '.join(categories('industry'))}"
            )
        key = company_key(company)
        if key in mapping and mapping[key] != group:
            raise NetlensError(
                f"{path}, line {line}: {company!r} is mapped twice, to {mapping[key]} and to "
                f"{group} — keep one"
            )
        mapping[key] = group
    return mapping


def classify_people(
    people: pd.DataFrame, *, industry_map: dict[str, str] | None = None, roles: bool = True
) -> pd.DataFrame:
    """Add ``company_key``, ``company_name`` (the most common spelling of that company in the
    network, in a tie its own name rather than another of its names; empty for
    placeholders), ``industry``, ``industry_source``, ``function`` and
    ``seniority`` columns to a people table (the last two only with ``roles``: what needs
    industries and companies alone is spared reading every position for them).

    The same as :func:`classify_company` and :func:`classify_position` row by row, worked out
    once per distinct company and per distinct position: each layer of the industry depends
    on one of them alone, and the rows take the first layer that decides. One layer only a
    whole network has: ``colleagues``, for a row that only a vague word or nothing would
    decide, the industry the other people of its company got from their own positions.
    """
    import numpy as np
    import pandas as pd

    out = people.copy()
    company_of, companies = pd.factorize(out["company"].fillna(""))
    position_of, positions = pd.factorize(out["position"].fillna(""))
    companies, positions = companies.tolist(), positions.tolist()
    fold_all(companies)  # folded together, then found folded one by one
    placeholder = np.array([is_placeholder(c) for c in companies], dtype=bool)
    keys = np.array(
        ["" if p else company_key(c) for c, p in zip(companies, placeholder, strict=True)],
        dtype=object,
    )
    out["company_key"] = keys[company_of]
    # The most common spelling; in a tie, the employer's own name (``Deloitte`` over
    # ``Deloitte Consulting LLP``), else the first written.
    people_per_spelling = np.bincount(company_of, minlength=len(companies)).tolist()
    spelling: dict[str, str] = {}
    rank: dict[str, int] = {}  # 2 × people, + 1 for the employer's own name
    for company, key, n in zip(companies, keys.tolist(), people_per_spelling, strict=True):
        if key:
            this = 2 * n + (name_key(company) == key)
            if this > rank.get(key, -1):
                rank[key], spelling[key] = this, company
    out["company_name"] = np.array([spelling.get(key, "") for key in keys], dtype=object)[
        company_of
    ]

    # Industry: the user's map, else the company, else the position, else the colleagues'
    # positions, else a vague word in the company (as _classify_company decides, but for
    # the colleagues, whom one row alone does not know).
    by_company = np.array(
        [None if p else _by_company(c) for c, p in zip(companies, placeholder, strict=True)],
        dtype=object,
    )
    if industry_map:
        for code, company in enumerate(companies):
            by_company[code] = _user_map(company_key(company), industry_map) or by_company[code]
    found = by_company[company_of]
    open_rows = np.flatnonzero(pd.isna(found))
    # Only the positions of people their company leaves open are read for an industry.
    wanted = np.unique(position_of[open_rows])
    fold_all([positions[code] for code in wanted.tolist()])
    by_position = np.full(len(positions), None, dtype=object)
    by_position[wanted] = [_by_position(positions[code]) for code in wanted.tolist()]
    found[open_rows] = by_position[position_of[open_rows]]
    by_own_position = open_rows[~pd.isna(found[open_rows])]
    open_rows = open_rows[pd.isna(found[open_rows])]
    found[open_rows] = _by_colleagues(keys[company_of], found, by_own_position, open_rows)
    open_rows = open_rows[pd.isna(found[open_rows])]
    vague = {
        code: _by_vague_word(companies[code], placeholder[code])
        for code in np.unique(company_of[open_rows]).tolist()
    }
    found[open_rows] = [vague[code] for code in company_of[open_rows].tolist()]
    out["industry"] = np.array([c.label for c in found], dtype=object)
    out["industry_source"] = np.array([c.source for c in found], dtype=object)

    if not roles:
        return out
    # Function and seniority (as classify_position decides).
    fold_all(positions)
    found_roles = [_roles(p) for p in positions]
    function = np.array([f for f, _ in found_roles], dtype=object)[position_of]
    seniority = np.array([s for _, s in found_roles], dtype=object)[position_of]
    self_employed = np.array([is_self_employed(c) for c in companies], dtype=bool)[company_of]
    no_role = pd.isna(function)
    no_seniority = pd.isna(seniority) & ~no_role
    seniority[no_seniority] = np.where(self_employed[no_seniority], "Owner", "Entry")
    function[no_role] = UNKNOWN
    seniority[no_role] = UNKNOWN
    out["function"] = function
    out["seniority"] = seniority
    return out


def _by_colleagues(
    row_keys: np.ndarray, found: np.ndarray, decided: np.ndarray, open_rows: np.ndarray
) -> np.ndarray:
    """For the rows of ``open_rows`` (nothing decided yet), the industry the positions of
    their colleagues revealed — the people of the same company (``row_keys``) whose own
    position decided theirs (the rows ``decided``); the most common, in a tie the first in
    the alphabet — or None. ``Ledgerly`` says nothing, but its two Software Engineers say
    what its Head of Growth works in."""
    import numpy as np

    result = np.full(len(open_rows), None, dtype=object)
    open_keys = row_keys[open_rows].tolist()
    wanted = set(open_keys) - {""}
    votes: dict[str, Counter[str]] = {}
    for key, row in zip(row_keys[decided].tolist(), decided.tolist(), strict=True):
        if key in wanted:
            if key not in votes:
                votes[key] = Counter()
            votes[key][found[row].label] += 1
    labels: dict[str, Classification] = {}
    winner = {}
    for key, count in votes.items():
        label = min(count, key=lambda label: (-count[label], label))
        winner[key] = labels.setdefault(label, Classification(label, "colleagues"))
    for at, key in enumerate(open_keys):
        result[at] = winner.get(key)
    return result


def _user_map(key: str, industry_map: dict[str, str] | None) -> Classification | None:
    """The user's own industry for a company key, if mapped: placeholders too (a row for
    ``Self-employed`` classifies the self-employed)."""
    if industry_map and key and key in industry_map:
        return Classification(industry_map[key], "user map")
    return None


def _by_vague_word(company: str, placeholder: bool) -> Classification:
    """The last layer of :func:`_classify_company`: a vague word in the company, else none."""
    vague = None if placeholder else _tables()["company_vague"].match(fold(company))
    return (
        Classification(vague, "vague company word") if vague else Classification(UNKNOWN, "unknown")
    )
