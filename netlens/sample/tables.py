"""The data tables of ``netlens/data/sample``, read once, and weighted random choice.

Names by culture (with their script and name order), industries and their weights, real and
invented companies, job functions, roles, seniorities and title patterns, skills, message
texts and locations: everything the generator draws from.
"""

from __future__ import annotations

import bisect
import csv
import io
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Generic, TypeVar

__all__ = ["Company", "Culture", "Name", "Tables", "Weighted", "load_tables"]

T = TypeVar("T")


class Weighted(Generic[T]):
    """Weighted random choice by bisection over cumulative weights."""

    __slots__ = ("cumulative", "items", "total")

    def __init__(self, pairs: Iterable[tuple[T, float]]):
        self.items: list[T] = []
        self.cumulative: list[float] = []
        total = 0.0
        for item, weight in pairs:
            if weight > 0:
                total += weight
                self.items.append(item)
                self.cumulative.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    latin: str  # romanisation of a non-Latin name, else the name itself
    gender: str


@dataclass(slots=True)
class Culture:
    code: str
    latin_script: bool
    family_first: bool
    weight: float
    first: list[Name] = field(default_factory=list)
    last: list[Name] = field(default_factory=list)
    last_by_gender: dict[str, list[Name]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    industry: str
    variants: tuple[str, ...]
    real: bool


@dataclass(frozen=True, slots=True)
class _Function:
    name: str
    chief_titles: tuple[str, ...]
    seniority: Weighted[str] | None  # restricted seniorities (Entrepreneurship)


@dataclass(slots=True)
class Tables:
    cultures: list[Culture]
    latin_cultures: Weighted[Culture]
    industries: list[str]
    profile_industry: dict[str, str]
    industry_weight: Weighted[str]
    industry_weights: dict[str, float]
    companies: dict[str, list[Company]]
    keywords: dict[str, list[str]]
    stems: list[str]
    suffixes: Weighted[str]
    placeholders: Weighted[str]
    functions: dict[str, _Function]
    function_by_industry: dict[str, Weighted[str]]
    roles: dict[str, list[tuple[str, str]]]
    seniority: Weighted[str]
    patterns: dict[str, Weighted[str]]
    special_titles: dict[str, Weighted[tuple[str, str]]]
    generic_titles: Weighted[str]
    skills: dict[str, list[str]]
    texts: dict[str, list[str]]
    locations: list[str]


def _read(name: str) -> list[dict[str, str]]:
    resource = resources.files("netlens").joinpath("data").joinpath("sample").joinpath(name)
    return list(csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8"))))


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    cultures: dict[str, Culture] = {}
    for row in _read("cultures.csv"):
        cultures[row["culture"]] = Culture(
            code=row["culture"],
            latin_script=row["script"] == "Latin",
            family_first=row["family_first"] == "yes",
            weight=float(row["weight"]),
        )
    for row in _read("first_names.csv"):
        name = Name(row["name"], row["latin"] or row["name"], row["gender"])
        cultures[row["culture"]].first.append(name)
    for row in _read("last_names.csv"):
        name = Name(row["name"], row["latin"] or row["name"], row["gender"])
        cultures[row["culture"]].last.append(name)
    for culture in cultures.values():
        for gender in ("", "m", "f"):
            fitting = [n for n in culture.last if not n.gender or not gender or n.gender == gender]
            culture.last_by_gender[gender] = fitting or culture.last

    industries = _read("industries.csv")
    companies: dict[str, list[Company]] = {row["industry"]: [] for row in industries}
    for row in _read("companies.csv"):
        variants = tuple(v for v in row["variants"].split("|") if v)
        company = Company(row["company"], row["industry"], variants, row["kind"] == "real")
        companies[row["industry"]].append(company)
    keywords: dict[str, list[str]] = {row["industry"]: [] for row in industries}
    for row in _read("company_keywords.csv"):
        keywords[row["industry"]].append(row["keyword"])

    base = [(row["function"], float(row["weight"])) for row in _read("functions.csv")]
    functions = {}
    for row in _read("functions.csv"):
        allowed = [s for s in row["seniorities"].split("|") if s]
        functions[row["function"]] = _Function(
            row["function"],
            tuple(row["chief_titles"].split("|")),
            Weighted((s, 1.0) for s in allowed) if allowed else None,
        )
    boosts: dict[str, dict[str, float]] = {row["industry"]: {} for row in industries}
    for row in _read("industry_functions.csv"):
        boosts[row["industry"]][row["function"]] = float(row["weight"])
    function_by_industry = {
        industry: Weighted((name, weight + extra.get(name, 0.0)) for name, weight in base)
        for industry, extra in boosts.items()
    }
    function_by_industry[""] = Weighted(base)

    roles: dict[str, list[tuple[str, str]]] = {}
    for row in _read("roles.csv"):
        roles.setdefault(row["function"], []).append((row["area"], row["role"]))
    patterns: dict[str, list[tuple[str, float]]] = {}
    for row in _read("title_patterns.csv"):
        patterns.setdefault(row["seniority"], []).append((row["pattern"], float(row["weight"])))
    special: dict[str, list[tuple[tuple[str, str], float]]] = {}
    for row in _read("titles_special.csv"):
        item = ((row["title"], row["seniority"]), float(row["weight"]))
        special.setdefault(row["function"], []).append(item)
    skills: dict[str, list[str]] = {}
    for row in _read("skills.csv"):
        skills.setdefault(row["function"], []).append(row["skill"])
    texts: dict[str, list[str]] = {}
    for row in _read("texts.csv"):
        texts.setdefault(row["kind"], []).append(row["text"].replace("\\n", "\n"))

    latin = [c for c in cultures.values() if c.latin_script]
    return Tables(
        cultures=list(cultures.values()),
        latin_cultures=Weighted((c, c.weight) for c in latin),
        industries=[row["industry"] for row in industries],
        profile_industry={row["industry"]: row["profile_industry"] for row in industries},
        industry_weight=Weighted((row["industry"], float(row["weight"])) for row in industries),
        industry_weights={row["industry"]: float(row["weight"]) for row in industries},
        companies=companies,
        keywords=keywords,
        stems=_read_lines("company_stems.txt"),
        suffixes=Weighted((r["suffix"], float(r["weight"])) for r in _read("company_suffixes.csv")),
        placeholders=Weighted(
            (r["company"], float(r["weight"])) for r in _read("placeholder_companies.csv")
        ),
        functions=functions,
        function_by_industry=function_by_industry,
        roles=roles,
        seniority=Weighted((r["seniority"], float(r["weight"])) for r in _read("seniorities.csv")),
        patterns={seniority: Weighted(pairs) for seniority, pairs in patterns.items()},
        special_titles={function: Weighted(pairs) for function, pairs in special.items()},
        generic_titles=Weighted(
            (r["title"], float(r["weight"])) for r in _read("titles_generic.csv")
        ),
        skills=skills,
        texts=texts,
        locations=[f"{r['city']}, {r['country']}" for r in _read("locations.csv")],
    )


def _read_lines(name: str) -> list[str]:
    resource = resources.files("netlens").joinpath("data").joinpath("sample").joinpath(name)
    return [line.strip() for line in resource.read_text(encoding="utf-8").splitlines() if line]
