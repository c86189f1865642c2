"""Invented people: names from many cultures, unique URL slugs, jobs and companies.

A :class:`Factory` makes every person of a run, so that no two share a slug and namesakes
stay as rare as in real networks.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from netlens.sample.tables import Company, Culture, Name, Tables, Weighted

__all__ = ["EMAIL_DOMAINS", "NAME_DRAWS", "Factory", "Person", "display", "fold"]

_URL = "https://www.linkedin.com/in/"
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")


@dataclass(slots=True)
class Person:
    first: str
    last: str
    slug: str
    company: str = ""
    position: str = ""
    email: str = ""
    function: str = ""
    name: str = field(init=False)  # as it appears in FROM and TO
    url: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = f"{self.first} {self.last}"
        self.url = _URL + self.slug

    @property
    def given(self) -> str:
        """The first name as a message would address them."""
        return self.first.strip()


_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "ı": "i",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)


def fold(text: str) -> str:
    """ASCII slug part: ``Łukasz`` → ``lukasz``, ``de la Cruz`` → ``de-la-cruz``."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in " -"))
    return "-".join(text.lower().replace("-", " ").split())


def _percent(text: str) -> str:
    """Percent-encode what is not ASCII, the way LinkedIn writes such slugs."""
    return "".join(
        ch if ch.isascii() else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in text
    )


_SLUG_FORMS = Weighted(
    [
        ("plain", 25),
        ("hex8", 35),
        ("hex", 10),
        ("digits", 10),
        ("initial", 7),
        ("middle", 5),
        ("joined", 5),
        ("joined2", 3),
    ]
)


NAME_DRAWS = 3  # about one pair of namesakes per thousand, as in real networks


class Factory:
    """Makes people with names, unique slugs and jobs; every slug is used only once."""

    def __init__(self, tables: Tables):
        self.tables = tables
        self.taken: set[str] = set()
        self.named: set[tuple[str, str]] = set()

    # names and slugs -------------------------------------------------------------------

    def name(self, rng: random.Random, cultures: Weighted[Culture]) -> tuple[Name, Name, Culture]:
        """A name, redrawn a few times if already taken: namesakes exist in real networks,
        but they are rare (and matching by name depends on them being rare)."""
        for _ in range(NAME_DRAWS):
            culture = cultures.pick(rng)
            first = rng.choice(culture.first)
            family = culture
            if culture.latin_script and rng.random() < 0.15:
                family = self.tables.latin_cultures.pick(rng)
            last = rng.choice(family.last_by_gender[first.gender])
            if (first.text, last.text) not in self.named:
                break
        self.named.add((first.text, last.text))
        return first, last, culture

    def slug(self, rng: random.Random, first: Name, last: Name, culture: Culture) -> str:
        if not culture.latin_script and rng.random() < 0.5:
            native = last.text + first.text if culture.family_first else f"{first.text}-{last.text}"
            base = _percent(native.replace(" ", "-").lower())
            return self._unique(rng, base, "hex8")
        f, l = fold(first.latin), fold(last.latin)  # noqa: E741
        accented = not (first.text + last.text).isascii()
        if accented and culture.latin_script and rng.random() < 0.1:
            native = f"{first.text}-{last.text}".lower().replace(" ", "-")
            return self._unique(rng, _percent(native), "hex8")
        form = _SLUG_FORMS.pick(rng)
        if form == "initial":
            return self._unique(rng, f[:1] + l.replace("-", ""), "digits", fallback=f"{f}-{l}")
        if form == "middle":
            middle = "abcdefghijklmnoprstw"[rng.randrange(20)]
            return self._unique(rng, f"{f}-{middle}-{l}", "plain", fallback=f"{f}-{l}")
        if form in ("joined", "joined2"):
            base = (f + l).replace("-", "")
            return self._unique(rng, base, "digits" if form == "joined2" else "plain")
        return self._unique(rng, f"{f}-{l}", form)

    def _unique(self, rng: random.Random, base: str, form: str, fallback: str = "") -> str:
        base = base or "member"
        if form == "plain":
            candidate = base
        elif form == "digits" and len(base) < 20 and "-" not in base:
            candidate = f"{base}{rng.randrange(1, 100)}"
        elif form == "digits":
            candidate = f"{base}-{rng.randrange(10**4, 10**9)}"
        elif form == "hex":
            candidate = f"{base}-{rng.getrandbits(36):09x}"[: len(base) + 1 + rng.randint(6, 9)]
        else:
            candidate = f"{base}-{rng.getrandbits(32):08x}"
        base = fallback or base
        while candidate in self.taken:
            candidate = f"{base}-{rng.getrandbits(32):08x}"
        self.taken.add(candidate)
        return candidate

    def owner_slug(self, first: str, last: str) -> str:
        base = f"{fold(first)}-{fold(last)}"
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    # jobs ------------------------------------------------------------------------------

    def job(self, rng: random.Random, industry: str) -> tuple[str, str, str]:
        """(position, function, seniority) of someone working in ``industry``."""
        tables = self.tables
        roll = rng.random()
        if roll < 0.008:
            return tables.generic_titles.pick(rng), "", ""
        function = tables.function_by_industry[industry].pick(rng)
        if roll < 0.04 and function in tables.special_titles:
            title, seniority = tables.special_titles[function].pick(rng)
            return title, function, seniority
        info = tables.functions[function]
        seniority = (info.seniority or tables.seniority).pick(rng)
        return self.title(rng, function, seniority), function, seniority

    def title(
        self, rng: random.Random, function: str, seniority: str, role: tuple[str, str] | None = None
    ) -> str:
        area, name = role or rng.choice(self.tables.roles[function])
        pattern = self.tables.patterns[seniority].pick(rng)
        chief = rng.choice(self.tables.functions[function].chief_titles)
        return pattern.format(role=name, area=area, ROLE=name.upper(), chief=chief)

    def tail_company(self, rng: random.Random, industry: str) -> str:
        """An invented company whose name carries its industry: ``Harbor Freight, Inc.``."""
        name = f"{rng.choice(self.tables.stems)} {rng.choice(self.tables.keywords[industry])}"
        suffix = self.tables.suffixes.pick(rng)
        if not suffix:
            return name
        return name + suffix if suffix.startswith(",") else f"{name} {suffix}"

    def company(self, rng: random.Random, industry: str) -> tuple[str, bool]:
        """A company name in ``industry`` and whether it is a large, real employer."""
        if rng.random() < 0.45:
            return self.tail_company(rng, industry), False
        company = rng.choice(self.tables.companies[industry])
        return display(rng, company), company.real

    # people ----------------------------------------------------------------------------

    def person(
        self,
        rng: random.Random,
        cultures: Weighted[Culture],
        industry: str,
        company: str,
        real_company: bool = False,
        function: str | None = None,
    ) -> Person:
        first, last, culture = self.name(rng, cultures)
        slug = self.slug(rng, first, last, culture)
        if function:
            position, seniority = self.title(rng, function, "Entry"), "Entry"
            if rng.random() < 0.5:
                seniority = "Senior"
                position = self.title(rng, function, seniority)
        else:
            position, function, seniority = self.job(rng, industry)
        if seniority == "Owner" and real_company:
            # Founders and owners run their own business, not a bank or a ministry.
            company = self.tail_company(rng, industry) if industry else "Self-employed"
        first_text, last_text = first.text, last.text
        quirk = rng.random()
        if quirk < 0.002:
            first_text = " " + first_text
        elif quirk < 0.004:
            last_text += " "
        elif quirk < 0.005:
            first_text += "\t"
        email = ""
        if rng.random() < 0.02:
            user = f"{fold(first.latin)}.{fold(last.latin)}".replace("-", "")
            email = f"{user}@{rng.choice(EMAIL_DOMAINS)}"
        return Person(first_text, last_text, slug, company, position, email, function)


def display(rng: random.Random, company: Company) -> str:
    """A company as one member writes it: mostly its common name, sometimes a variant."""
    if company.variants and rng.random() < 0.18:
        return rng.choice(company.variants)
    return company.name
