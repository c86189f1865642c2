"""Synthetic LinkedIn data exports, for ``netlens sample``, benchmarks, demos and tests.

Every person is invented: first and last names from many cultures are combined at random,
and no real person's data is used. Organisations are a mix of real employers and invented
ones whose names carry industry keywords (``Northwind Logistics``, ``Harbor Realty``). The
files follow today's export format (SPEC §2, latest variants) with the quirks of real
exports: the ``Notes:`` preamble of ``Connections.csv`` and no newline after its last row,
hidden members, emails on a few rows, URL slugs with numeric or hex suffixes and
percent-encoded non-Latin ones, commas, quotes and emoji in fields, stray spaces around
names, placeholder and legal-suffix variants of company names, group chats, sponsored and
spam messages, drafts, and a few files netlens does not read.

With ``team=K`` the K owners are all connected to each other, message each other, and draw
part of their contacts from a shared pool, so that their networks overlap.

The output is a pure function of the arguments: the same (arguments, seed, as_of) give the
same bytes. Only ``random.Random(seed)`` is used, no clock, and nothing depends on the
iteration order of a set. The data tables live in ``netlens/data/sample``.

>>> write_samples("sample_exports", connections=500, team=3, seed=1)  # doctest: +SKIP
[PosixPath('sample_exports/ahmed-mansour.zip'), PosixPath('sample_exports/kamau-nkosi.zip'),
 PosixPath('sample_exports/fernanda-silva.zip')]
"""

from __future__ import annotations

import base64
import bisect
import csv
import datetime
import io
import math
import os
import random
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Generic, TextIO, TypeVar

__all__ = ["write_samples"]

T = TypeVar("T")

_URL = "https://www.linkedin.com/in/"
_BARE_URL = "www.linkedin.com/in/"
_SPONSOR = "LinkedIn Member"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_NOTE = (
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: "
    'https://www.linkedin.com/help/linkedin/answer/261"'
)
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")
_DAY = 86400

CONNECTIONS_HEADER = (
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
)  # fmt: skip
MESSAGES_HEADER = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
)  # fmt: skip
INVITATIONS_HEADER = (
    "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
)  # fmt: skip
RECOMMENDATIONS_HEADER = (
    "First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status",
)  # fmt: skip
PROFILE_HEADER = (
    "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
    "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
)  # fmt: skip
POSITIONS_HEADER = (
    "Company Name", "Title", "Description", "Location", "Started On", "Finished On",
)  # fmt: skip

AD_TARGETING_HEADER = (
    "Member Age", "Company Names", "Degrees", "Job Functions", "Job Titles", "Member Interests",
    "Interface Locales", "Profile Locations", "Member Skills", "Years of Experience",
)  # fmt: skip
LEARNING_HEADER = (
    "Content Title", "Content Description", "Content Type",
    "Content Last Watched Date (if viewed)", "Content Completed At (if completed)",
    "Content Saved", "Notes taken on videos (if taken)",
)  # fmt: skip
JOB_APPLICATIONS_HEADER = (
    "Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
    "Job Url", "Resume Name", "Question And Answers",
)  # fmt: skip


def _endorsement_header(role: str) -> tuple[str, ...]:
    return (
        "Endorsement Date",
        "Skill Name",
        f"{role} First Name",
        f"{role} Last Name",
        f"{role} Public Url",
        "Endorsement Status",
    )


# --------------------------------------------------------------------------------------
# Public API


def write_samples(
    out_dir: str | os.PathLike[str],
    *,
    connections: int = 1000,
    messages: int | None = None,
    team: int = 1,
    seed: int = 0,
    as_of: datetime.date | None = None,
) -> list[Path]:
    """Write ``team`` synthetic LinkedIn export zips into ``out_dir``; return their paths.

    Each export is ``out_dir/<owner-slug>.zip`` with ``connections`` rows in
    ``Connections.csv`` (hidden members included) and exactly ``messages`` rows in
    ``messages.csv`` (default ten per connection). ``as_of`` (default today) is the export
    date: no date in any file is after it. With ``team`` > 1 the owners are connected to
    each other, message each other, and share roughly 10–40 % of their contacts (the same
    person, name and URL, in every export); ``connections`` is then the size of each
    export. The same arguments give the same bytes.

    Raises ValueError for connections < 1, messages < 0, team < 1, or fewer connections
    than teammates.
    """
    if connections < 1:
        raise ValueError(f"connections must be at least 1, got {connections}")
    if messages is None:
        messages = 10 * connections
    if messages < 0:
        raise ValueError(f"messages must be 0 or more, got {messages}")
    if team < 1:
        raise ValueError(f"team must be at least 1, got {team}")
    if connections < team - 1:
        raise ValueError(
            f"connections must be at least team - 1 = {team - 1} (every owner is connected "
            f"to every other), got {connections}"
        )
    if as_of is None:
        as_of = datetime.date.today()
    elif isinstance(as_of, datetime.datetime):
        as_of = as_of.date()

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    world = _World(_tables(), random.Random(seed), as_of, connections, messages, team)
    stamp = (min(max(as_of.year, 1980), 2107), as_of.month, as_of.day, 0, 0, 0)
    paths = []
    for owner in world.owners:
        export = world.export(owner)
        path = out / f"{owner.person.slug}.zip"
        _write_zip(path, export.members(), stamp)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------------------
# Data tables


class _Weighted(Generic[T]):
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
class _Name:
    text: str
    latin: str  # romanisation of a non-Latin name, else the name itself
    gender: str


@dataclass(slots=True)
class _Culture:
    code: str
    latin_script: bool
    family_first: bool
    weight: float
    first: list[_Name] = field(default_factory=list)
    last: list[_Name] = field(default_factory=list)
    last_by_gender: dict[str, list[_Name]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Company:
    name: str
    industry: str
    variants: tuple[str, ...]
    real: bool


@dataclass(frozen=True, slots=True)
class _Function:
    name: str
    chief_titles: tuple[str, ...]
    seniority: _Weighted[str] | None  # restricted seniorities (Entrepreneurship)


@dataclass(slots=True)
class _Tables:
    cultures: list[_Culture]
    latin_cultures: _Weighted[_Culture]
    industries: list[str]
    profile_industry: dict[str, str]
    industry_weight: _Weighted[str]
    industry_weights: dict[str, float]
    companies: dict[str, list[_Company]]
    keywords: dict[str, list[str]]
    stems: list[str]
    suffixes: _Weighted[str]
    placeholders: _Weighted[str]
    functions: dict[str, _Function]
    function_by_industry: dict[str, _Weighted[str]]
    roles: dict[str, list[tuple[str, str]]]
    seniority: _Weighted[str]
    patterns: dict[str, _Weighted[str]]
    special_titles: dict[str, _Weighted[tuple[str, str]]]
    generic_titles: _Weighted[str]
    skills: dict[str, list[str]]
    texts: dict[str, list[str]]
    locations: list[str]


def _read(name: str) -> list[dict[str, str]]:
    resource = resources.files("netlens").joinpath("data").joinpath("sample").joinpath(name)
    return list(csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8"))))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    cultures: dict[str, _Culture] = {}
    for row in _read("cultures.csv"):
        cultures[row["culture"]] = _Culture(
            code=row["culture"],
            latin_script=row["script"] == "Latin",
            family_first=row["family_first"] == "yes",
            weight=float(row["weight"]),
        )
    for row in _read("first_names.csv"):
        name = _Name(row["name"], row["latin"] or row["name"], row["gender"])
        cultures[row["culture"]].first.append(name)
    for row in _read("last_names.csv"):
        name = _Name(row["name"], row["latin"] or row["name"], row["gender"])
        cultures[row["culture"]].last.append(name)
    for culture in cultures.values():
        for gender in ("", "m", "f"):
            fitting = [n for n in culture.last if not n.gender or not gender or n.gender == gender]
            culture.last_by_gender[gender] = fitting or culture.last

    industries = _read("industries.csv")
    companies: dict[str, list[_Company]] = {row["industry"]: [] for row in industries}
    for row in _read("companies.csv"):
        variants = tuple(v for v in row["variants"].split("|") if v)
        company = _Company(row["company"], row["industry"], variants, row["kind"] == "real")
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
            _Weighted((s, 1.0) for s in allowed) if allowed else None,
        )
    boosts: dict[str, dict[str, float]] = {row["industry"]: {} for row in industries}
    for row in _read("industry_functions.csv"):
        boosts[row["industry"]][row["function"]] = float(row["weight"])
    function_by_industry = {
        industry: _Weighted((name, weight + extra.get(name, 0.0)) for name, weight in base)
        for industry, extra in boosts.items()
    }
    function_by_industry[""] = _Weighted(base)

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
    return _Tables(
        cultures=list(cultures.values()),
        latin_cultures=_Weighted((c, c.weight) for c in latin),
        industries=[row["industry"] for row in industries],
        profile_industry={row["industry"]: row["profile_industry"] for row in industries},
        industry_weight=_Weighted((row["industry"], float(row["weight"])) for row in industries),
        industry_weights={row["industry"]: float(row["weight"]) for row in industries},
        companies=companies,
        keywords=keywords,
        stems=_read_lines("company_stems.txt"),
        suffixes=_Weighted(
            (r["suffix"], float(r["weight"])) for r in _read("company_suffixes.csv")
        ),
        placeholders=_Weighted(
            (r["company"], float(r["weight"])) for r in _read("placeholder_companies.csv")
        ),
        functions=functions,
        function_by_industry=function_by_industry,
        roles=roles,
        seniority=_Weighted((r["seniority"], float(r["weight"])) for r in _read("seniorities.csv")),
        patterns={seniority: _Weighted(pairs) for seniority, pairs in patterns.items()},
        special_titles={function: _Weighted(pairs) for function, pairs in special.items()},
        generic_titles=_Weighted(
            (r["title"], float(r["weight"])) for r in _read("titles_generic.csv")
        ),
        skills=skills,
        texts=texts,
        locations=[f"{r['city']}, {r['country']}" for r in _read("locations.csv")],
    )


def _read_lines(name: str) -> list[str]:
    resource = resources.files("netlens").joinpath("data").joinpath("sample").joinpath(name)
    return [line.strip() for line in resource.read_text(encoding="utf-8").splitlines() if line]


# --------------------------------------------------------------------------------------
# People


@dataclass(slots=True)
class _Person:
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


def _fold(text: str) -> str:
    """ASCII slug part: ``Łukasz`` → ``lukasz``, ``de la Cruz`` → ``de-la-cruz``."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in " -"))
    return "-".join(text.lower().replace("-", " ").split())


def _percent(text: str) -> str:
    """Percent-encode what is not ASCII, the way LinkedIn writes such slugs."""
    return "".join(
        ch if ch.isascii() else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in text
    )


_SLUG_FORMS = _Weighted(
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


class _Factory:
    """Makes people with names, unique slugs and jobs; every slug is used only once."""

    def __init__(self, tables: _Tables):
        self.tables = tables
        self.taken: set[str] = set()
        self.named: set[tuple[str, str]] = set()

    # names and slugs -------------------------------------------------------------------

    def name(
        self, rng: random.Random, cultures: _Weighted[_Culture]
    ) -> tuple[_Name, _Name, _Culture]:
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

    def slug(self, rng: random.Random, first: _Name, last: _Name, culture: _Culture) -> str:
        if not culture.latin_script and rng.random() < 0.5:
            native = last.text + first.text if culture.family_first else f"{first.text}-{last.text}"
            base = _percent(native.replace(" ", "-").lower())
            return self._unique(rng, base, "hex8")
        f, l = _fold(first.latin), _fold(last.latin)  # noqa: E741
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
        base = f"{_fold(first)}-{_fold(last)}"
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
        return _display(rng, company), company.real

    # people ----------------------------------------------------------------------------

    def person(
        self,
        rng: random.Random,
        cultures: _Weighted[_Culture],
        industry: str,
        company: str,
        real_company: bool = False,
        function: str | None = None,
    ) -> _Person:
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
            user = f"{_fold(first.latin)}.{_fold(last.latin)}".replace("-", "")
            email = f"{user}@{rng.choice(_EMAIL_DOMAINS)}"
        return _Person(first_text, last_text, slug, company, position, email, function)


def _display(rng: random.Random, company: _Company) -> str:
    """A company as one member writes it: mostly its common name, sometimes a variant."""
    if company.variants and rng.random() < 0.18:
        return rng.choice(company.variants)
    return company.name


# --------------------------------------------------------------------------------------
# Owners and the team


@dataclass(slots=True)
class _Job:
    company: str
    title: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    location: str
    description: str


@dataclass(slots=True)
class _Owner:
    index: int
    seed: int
    person: _Person
    culture: _Culture
    home: str
    start: int  # ordinal day of the first connection
    function: str
    jobs: list[_Job]
    employers: list[tuple[_Company, float]]
    location: str
    skills: list[str]
    birth: datetime.date


@dataclass(slots=True)
class _Message:
    time: int  # seconds since day 0 of the proleptic Gregorian calendar
    sender: int  # index into the conversation's participants
    content: str
    attachment: str = ""
    sent_folder: str = "SENT"


@dataclass(slots=True)
class _Conversation:
    id: str
    kind: str  # chat, group, team, sponsored, spam, recruiter, draft
    others: list[_Person]  # participants besides the owner
    times: list[int]
    owner_share: float = 0.5
    title: str = ""
    subject: str = ""
    last_is_draft: bool = False
    messages: list[_Message] | None = None  # pre-made (team conversations)
    owners: tuple[int, int] = (-1, -1)  # team conversations: the two owner indices


@dataclass(slots=True)
class _Invitation:
    time: int
    inviter: _Person
    invitee: _Person
    note: str


class _World:
    """The owners, their shared pool of contacts, and what happens between owners."""

    def __init__(
        self,
        tables: _Tables,
        rng: random.Random,
        as_of: datetime.date,
        connections: int,
        messages: int,
        team: int,
    ):
        self.tables = tables
        self.rng = rng
        self.as_of = as_of
        self.today = as_of.toordinal()
        self.connections = connections
        self.messages = messages
        self.team = team
        self.factory = _Factory(tables)
        self.base_cultures = _Weighted((c, c.weight) for c in tables.cultures)
        self.owners: list[_Owner] = []
        for index in range(team):
            self.owners.append(self._owner(index))
        self.pair_day: dict[tuple[int, int], int] = {}
        self.pair_conversations: dict[int, list[_Conversation]] = {i: [] for i in range(team)}
        self.pair_invitations: dict[int, list[_Invitation]] = {i: [] for i in range(team)}
        self._team_ties()
        self.shared = self._shared_pool()

    # owners ----------------------------------------------------------------------------

    def _owner(self, index: int) -> _Owner:
        rng, tables, factory = self.rng, self.tables, self.factory
        seed = rng.getrandbits(64)
        while True:
            culture = tables.latin_cultures.pick(rng)
            first = rng.choice(culture.first)
            last = rng.choice(culture.last_by_gender[first.gender])
            if _fold(first.text) and _fold(last.text):
                break
        slug = factory.owner_slug(first.text, last.text)
        # Each owner a home industry of their own while there are industries left.
        used = {o.home for o in self.owners}
        homes = [i for i in tables.industries if i != "Holding Companies"]
        fresh = [i for i in homes if i not in used] or homes
        home = _Weighted((i, tables.industry_weights[i]) for i in fresh).pick(rng)
        years = rng.uniform(3, 15)
        start = self.today - int(years * 365.25)
        function = "Entrepreneurship"
        while function == "Entrepreneurship":
            function = tables.function_by_industry[home].pick(rng)
        role = rng.choice(tables.roles[function])
        location = rng.choice(tables.locations)

        n_jobs = min(rng.randint(2, 5), 1 + int(years // 2))
        first_month = _month_index(datetime.date.fromordinal(start)) - rng.randint(0, 24)
        last_month = _month_index(self.as_of)
        lengths = [rng.uniform(0.5, 1.5) for _ in range(n_jobs)]
        scale = (last_month - first_month) / sum(lengths)
        starts = [first_month + int(scale * sum(lengths[:k])) for k in range(n_jobs)]
        companies = rng.sample(tables.companies[home], n_jobs)
        ladder = ("Training", "Entry", "Senior", "Manager", "Director", "VP", "CXO")
        step = 0 if rng.random() < 0.3 else 1
        descriptions = tables.texts["position_description"]
        jobs = []
        for k in range(n_jobs):
            if k:
                step = min(len(ladder) - 1, step + rng.choice((0, 1, 1)))
            end = starts[k + 1] if k + 1 < n_jobs else None
            jobs.append(
                _Job(
                    company=companies[k].name,
                    title=factory.title(rng, function, ladder[step], role),
                    start=divmod(starts[k], 12),
                    end=divmod(end, 12) if end is not None else None,
                    location=location if rng.random() < 0.7 else rng.choice(tables.locations),
                    description=rng.choice(descriptions),
                )
            )
        jobs.reverse()  # newest first, as in Positions.csv
        others = [c for c in tables.companies[home] if c not in companies]
        extra = rng.sample(others, min(len(others), rng.randint(1, 2)))
        employers = [(companies[-1], rng.uniform(0.05, 0.10))]
        employers += [(c, rng.uniform(0.015, 0.04)) for c in companies[:-1]]
        employers += [(c, rng.uniform(0.01, 0.025)) for c in extra]
        skills = rng.sample(tables.skills[function], min(4, len(tables.skills[function])))
        skills += rng.sample(tables.skills[""], 3)
        person = _Person(
            first.text, last.text, slug, jobs[0].company, jobs[0].title, function=function
        )
        if rng.random() < 0.02:
            person.email = f"{slug.replace('-', '.')}@{rng.choice(_EMAIL_DOMAINS)}"
        age = 22 + int(years) + rng.randint(0, 15)
        birth = datetime.date(self.as_of.year - age, rng.randint(1, 12), rng.randint(1, 28))
        return _Owner(
            index,
            seed,
            person,
            culture,
            home,
            start,
            function,
            jobs,
            employers,
            location,
            skills,
            birth,
        )

    def _team_ties(self) -> None:
        """Connection days, conversations and invitations between every two owners."""
        rng, team = self.rng, self.team
        if team < 2:
            return
        cap = (self.messages // 10) // (team - 1)
        window = self.today - 730
        for i in range(team):
            for j in range(i + 1, team):
                a, b = self.owners[i], self.owners[j]
                first = max(a.start, b.start)
                day = first + min(self.today - first, int(_growth(rng) * (self.today - first + 1)))
                self.pair_day[i, j] = day
                count = min(rng.randint(2, 14), cap)
                if count > 0:
                    times = _message_times(rng, count, day, self.today, welcome=True)
                    pair = [a.person, b.person]
                    senders = [rng.randrange(2) for _ in times]
                    if count > 1 and len(set(senders)) == 1:
                        senders[-1] = 1 - senders[-1]  # a reply
                    made = []
                    for t, sender in zip(times, senders, strict=True):
                        text = _fill(rng.choice(self.tables.texts["chat"]), pair[1 - sender])
                        folder = "SENT" if rng.random() < 0.5 else "INBOX"
                        made.append(_Message(t, sender, text, "", folder))
                    conversation = _Conversation(
                        _conversation_id(rng), "team", [], times, messages=made, owners=(i, j)
                    )
                    self.pair_conversations[i].append(conversation)
                    self.pair_conversations[j].append(conversation)
                if day >= window and rng.random() < 0.7:
                    inviter, invitee = (a, b) if rng.random() < 0.5 else (b, a)
                    sent = max(window, day - (0 if rng.random() < 0.6 else rng.randint(1, 10)))
                    note = ""
                    if rng.random() < 0.25:
                        note = _fill(
                            rng.choice(self.tables.texts["invitation_note"]), invitee.person
                        )
                    invitation = _Invitation(
                        sent * _DAY + rng.randint(25200, 82800),
                        inviter.person,
                        invitee.person,
                        note,
                    )
                    self.pair_invitations[i].append(invitation)
                    self.pair_invitations[j].append(invitation)

    def _shared_pool(self) -> list[_Person]:
        """Contacts that several owners know: a third of each network, overlapping."""
        if self.team < 2:
            return []
        rng, factory = self.rng, self.factory
        contacts = self.connections - round(0.02 * self.connections) - (self.team - 1)
        size = round(0.7 * max(0, contacts))
        pool = []
        for _ in range(size):
            owner = self.owners[rng.randrange(self.team)]
            roll = rng.random()
            if roll < 0.15:
                company = owner.employers[rng.randrange(len(owner.employers))][0]
                name, industry, real = _display(rng, company), company.industry, company.real
            else:
                industry = owner.home if roll < 0.6 else self.tables.industry_weight.pick(rng)
                name, real = factory.company(rng, industry)
            pool.append(factory.person(rng, self.base_cultures, industry, name, real))
        return pool

    def export(self, owner: _Owner) -> _Export:
        return _Export(self, owner)


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _growth(rng: random.Random) -> float:
    """Where in a career a connection falls, 0..1: a slow start, busier mid-career on."""
    return rng.random() if rng.random() < 0.15 else rng.betavariate(2.0, 1.2)


def _conversation_id(rng: random.Random) -> str:
    """Like ``2-ZGI4MmRh…XzAxMA==``: base64 of a UUID and a suffix."""
    h = f"{rng.getrandbits(128):032x}"
    uuid = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"
    suffix = rng.choice(("_010", "_000", "_100"))
    return "2-" + base64.b64encode((uuid + suffix).encode("ascii")).decode("ascii")


def _fill(text: str, person: _Person | None, company: str = "") -> str:
    """Fill the ``{name}`` and ``{company}`` placeholders of a text template."""
    if "{" not in text:
        return text
    name = person.given if person else "there"
    company = company or (person.company if person and person.company.strip(" .-") else "")
    return text.replace("{name}", name).replace("{company}", company or "your company")


def _message_times(
    rng: random.Random, count: int, first_day: int, last_day: int, welcome: bool
) -> list[int]:
    """``count`` message times between two days, in sessions, denser towards the end.

    With ``welcome`` the first session follows the first day closely (a note after
    connecting).
    """
    span = max(0, last_day - first_day)
    sessions = min(400, 1 + count // 5)
    anchors = []
    for k in range(sessions):
        if k == 0 and welcome:
            day = first_day + min(span, int(rng.expovariate(0.25)))
        else:
            day = first_day + min(span, int((span + 1) * math.sqrt(rng.random())))
        anchors.append(day * _DAY + rng.randint(25200, 79200))
    end = last_day * _DAY + _DAY - 1
    uniform, gap = rng.random, rng.expovariate
    times = [min(end, anchors[int(uniform() * sessions)] + int(gap(1 / 900))) for _ in range(count)]
    times.sort()
    return times


# --------------------------------------------------------------------------------------
# One owner's export


class _Export:
    """Everything in one owner's archive, generated from the owner's own random stream."""

    def __init__(self, world: _World, owner: _Owner):
        self.world = world
        self.tables = world.tables
        self.owner = owner
        self.me = owner.person
        self.today = world.today
        self.rng = random.Random(owner.seed)
        boost = 0.25 * world.base_cultures.total
        self.cultures = _Weighted(
            (c, c.weight + (boost if c is owner.culture else 0.0)) for c in world.tables.cultures
        )
        self.employers = _Weighted(owner.employers)
        self._connections()
        self.conversations = self._conversations()

    # connections -------------------------------------------------------------------------

    def _connections(self) -> None:
        world, rng, owner = self.world, self.rng, self.owner
        rows = world.connections
        teammates = world.team - 1
        hidden = min(round(rows * rng.uniform(0.012, 0.028)), rows - teammates)
        contacts = rows - hidden - teammates
        shared: list[_Person] = []
        if world.shared:
            take = min(len(world.shared), contacts, round(contacts * rng.uniform(0.25, 0.45)))
            shared = [world.shared[i] for i in sorted(rng.sample(range(len(world.shared)), take))]
        people = shared + [self._private_contact() for _ in range(contacts - len(shared))]

        days = _connection_days(rng, hidden + contacts, owner.start, self.today)
        table: list[tuple[int, _Person | None]] = [(day, None) for day in days[:hidden]]
        table += zip(days[hidden:], people, strict=True)
        # Contacts other than teammates, with their connection day.
        self.contacts: list[tuple[_Person, int]] = [(p, d) for d, p in table if p is not None]
        for other in world.owners:
            if other is not owner:
                key = (min(owner.index, other.index), max(owner.index, other.index))
                table.append((world.pair_day[key], other.person))
        table.sort(key=lambda row: row[0], reverse=True)  # stable: newest first
        self.table = table
        self.hidden = hidden

    def _private_contact(self) -> _Person:
        rng, owner, factory, tables = self.rng, self.owner, self.world.factory, self.tables
        roll = rng.random()
        concentrated = sum(share for _, share in owner.employers)
        if roll < concentrated:
            company = self.employers.pick(rng)
            return factory.person(
                rng, self.cultures, company.industry, _display(rng, company), company.real
            )
        roll -= concentrated
        if roll < 0.40:
            industry = owner.home
        elif roll < 0.445:
            person = factory.person(rng, self.cultures, "", tables.placeholders.pick(rng))
            return person
        elif roll < 0.455:
            person = factory.person(rng, self.cultures, "", "")
            if rng.random() < 0.5:
                person.position = ""
            return person
        else:
            industry = tables.industry_weight.pick(rng)
        name, real = factory.company(rng, industry)
        person = factory.person(rng, self.cultures, industry, name, real)
        if rng.random() < 0.005:
            person.position = ""
        return person

    def _stranger(self, function: str | None = None) -> _Person:
        """Someone who is not a connection: a recruiter, a spammer, a pending invitation."""
        industry = self.tables.industry_weight.pick(self.rng)
        name, real = self.world.factory.company(self.rng, industry)
        return self.world.factory.person(
            self.rng, self.cultures, industry, name, real, function=function
        )

    # messages ----------------------------------------------------------------------------

    def _conversations(self) -> list[_Conversation]:
        rng, world, tables = self.rng, self.world, self.tables
        conversations = list(world.pair_conversations[self.owner.index])
        budget = world.messages - sum(len(c.times) for c in conversations)
        earliest = max(self.owner.start, self.today - 4 * 365)

        def take(share: float) -> int:
            nonlocal budget
            n = min(budget, round(world.messages * share))
            budget -= n
            return n

        sponsored, spam, recruiter, drafts = take(0.003), take(0.002), take(0.01), take(0.0005)
        pool = self.contacts  # teammates excepted: they have their own conversations
        if not pool:  # nobody but teammates: the rest goes to recruiters
            recruiter, drafts, budget = recruiter + drafts + budget, 0, 0

        for _ in range(sponsored):
            times = _message_times(rng, 1, earliest, self.today, welcome=False)
            conversations.append(
                _Conversation(
                    _conversation_id(rng),
                    "sponsored",
                    [],
                    times,
                    subject=_fill(rng.choice(tables.texts["sponsored_subject"]), self.me),
                )
            )
        while spam > 0:
            n = min(spam, rng.randint(1, 2))
            spam -= n
            times = _message_times(rng, n, earliest, self.today, welcome=False)
            conversations.append(
                _Conversation(_conversation_id(rng), "spam", [self._stranger()], times)
            )
        while recruiter > 0:
            n = min(recruiter, rng.choice((1, 1, 1, 2, 2, 3)))
            recruiter -= n
            times = _message_times(rng, n, earliest, self.today, welcome=False)
            person = self._stranger("Human Resources")
            subject = _fill(rng.choice(tables.texts["recruiter_subject"]), self.me, person.company)
            conversations.append(
                _Conversation(_conversation_id(rng), "recruiter", [person], times, subject=subject)
            )
        for _ in range(drafts):
            person, day = pool[rng.randrange(len(pool))]
            times = _message_times(rng, 1, day, self.today, welcome=False)
            conversations.append(_Conversation(_conversation_id(rng), "draft", [person], times))

        if budget > 0:
            conversations += self._chats(pool, budget)
        conversations.sort(key=lambda c: c.times[-1], reverse=True)
        return conversations

    def _chats(self, pool: list[tuple[_Person, int]], budget: int) -> list[_Conversation]:
        """1:1 and group conversations with contacts, heavy-tailed in length."""
        rng, tables = self.rng, self.tables
        engaged = min(len(pool), budget, max(1, round(len(pool) * rng.uniform(0.3, 0.45))))
        groups = min(round(engaged * 0.03), budget - engaged) if len(pool) >= 3 else 0
        chosen = sorted(rng.sample(range(len(pool)), engaged))
        colleague = self.me.company
        plans: list[tuple[list[_Person], int, float]] = []
        for i in chosen:
            person, day = pool[i]
            age = self.today - day
            weight = min(math.exp(rng.gauss(0.0, 2.0)), 150.0) * min(1.0, (age + 30) / 365)
            if person.company == colleague:
                weight *= 2
            plans.append(([person], day, weight))
        for _ in range(groups):
            members = [pool[i] for i in rng.sample(range(len(pool)), rng.randint(2, 4))]
            day = max(d for _, d in members)
            plans.append(([p for p, _ in members], day, math.exp(rng.gauss(0.0, 1.5))))

        counts = [1] * len(plans)
        extra = budget - len(plans)
        if extra > 0:
            cumulative = []
            total = 0.0
            for _, _, weight in plans:
                total += weight
                cumulative.append(total)
            for index in rng.choices(range(len(plans)), cum_weights=cumulative, k=extra):
                counts[index] += 1

        titles = tables.texts["group_title"]
        conversations = []
        for (people, day, _), count in zip(plans, counts, strict=True):
            times = _message_times(rng, count, day, self.today, welcome=rng.random() < 0.5)
            if len(people) == 1:
                conversations.append(
                    _Conversation(
                        _conversation_id(rng),
                        "chat",
                        people,
                        times,
                        owner_share=rng.uniform(0.35, 0.65),
                        last_is_draft=rng.random() < 0.01,
                    )
                )
            else:
                conversations.append(
                    _Conversation(
                        _conversation_id(rng),
                        "group",
                        people,
                        times,
                        owner_share=rng.uniform(0.2, 0.4),
                        title=rng.choice(titles) if rng.random() < 0.5 else "",
                    )
                )
        return conversations

    def _message_rows(self) -> Iterator[list[str]]:
        """Conversations, latest activity first; each conversation's messages newest first."""
        stamp = _Stamps()
        for conv in self.conversations:
            rows = self._team_rows if conv.kind == "team" else self._conversation_rows
            yield from rows(conv, stamp)

    def _conversation_rows(self, conv: _Conversation, stamp: _Stamps) -> Iterator[list[str]]:
        rng, texts, me = self.rng, self.tables.texts, self.me
        newest = len(conv.times) - 1
        conversation_draft = "Yes" if conv.kind == "draft" else "No"
        for n in range(newest, -1, -1):
            subject, attachment, draft = "", "", False
            sender: _Person | None
            if conv.kind == "sponsored":
                sender, recipients, folder = None, [me], "INBOX"
                subject, content = conv.subject, _fill(rng.choice(texts["sponsored"]), me)
            elif conv.kind == "spam":
                sender, recipients, folder = conv.others[0], [me], "SPAM"
                content = rng.choice(texts["spam"])
            elif conv.kind == "recruiter":
                recruiter = conv.others[0]
                if n == 0 or rng.random() < 0.5:
                    sender, recipients, folder = recruiter, [me], "INBOX"
                    content = _fill(rng.choice(texts["recruiter"]), me, recruiter.company)
                    subject = conv.subject if n == 0 else ""
                else:
                    sender, recipients, folder = me, [recruiter], _sent(rng)
                    content = rng.choice(texts["recruiter_reply"])
            else:  # chat, group, draft
                others = conv.others
                draft = conv.kind == "draft" or (conv.last_is_draft and n == newest)
                if draft or rng.random() < conv.owner_share:
                    sender, recipients, folder = me, others, _sent(rng)
                elif len(others) == 1:
                    sender, recipients, folder = others[0], [me], "INBOX"
                else:
                    k = rng.randrange(len(others))
                    sender, folder = others[k], "INBOX"
                    recipients = [me, *others[:k], *others[k + 1 :]]
                if conv.kind == "group":
                    content = _pick(rng, texts["group"])
                else:
                    content = _fill(_pick(rng, texts["chat"]), recipients[0])
                if rng.random() < 0.008:
                    attachment = _attachment(rng)
            if len(recipients) == 1:
                to, to_urls = recipients[0].name, recipients[0].url
            else:
                to = ", ".join(p.name for p in recipients)
                to_urls = ",".join(p.url for p in recipients)
            name, url = (sender.name, sender.url) if sender else (_SPONSOR, "")
            date = stamp.message(conv.times[n])
            yield [conv.id, conv.title, name, url, to, to_urls, date, subject, content, folder,
                   attachment, "Yes" if draft else "No", conversation_draft]  # fmt: skip

    def _team_rows(self, conv: _Conversation, stamp: _Stamps) -> Iterator[list[str]]:
        """A conversation between two owners, the same in both exports but for the folder."""
        pair = [self.world.owners[i].person for i in conv.owners]
        mine = conv.owners.index(self.owner.index)
        for message in reversed(conv.messages or []):
            sender, recipient = pair[message.sender], pair[1 - message.sender]
            folder = message.sent_folder if message.sender == mine else "INBOX"
            yield [conv.id, "", sender.name, sender.url, recipient.name, recipient.url,
                   stamp.message(message.time), "", message.content, folder, message.attachment,
                   "No", "No"]  # fmt: skip

    # invitations, endorsements, recommendations -------------------------------------------

    def _invitation_rows(self) -> list[list[str]]:
        """Recent invitations (LinkedIn keeps about two years): most recent connections, a
        few still pending."""
        rng, me, texts = self.rng, self.me, self.tables.texts["invitation_note"]
        window = self.today - 730
        invitations = list(self.world.pair_invitations[self.owner.index])
        for person, day in self.contacts:
            if day < window or rng.random() >= 0.7:
                continue
            outgoing = rng.random() < 0.45
            sent = day - (0 if rng.random() < 0.6 else rng.randint(1, 14))
            if sent < window:
                continue
            inviter, invitee = (me, person) if outgoing else (person, me)
            note = ""
            if rng.random() < (0.2 if outgoing else 0.12):
                note = _fill(rng.choice(texts), invitee)
            time = sent * _DAY + rng.randint(25200, 82800)
            invitations.append(_Invitation(time, inviter, invitee, note))
        for _ in range(min(12, 2 + self.world.connections // 500)):
            stranger = self._stranger()
            if rng.random() < 0.5:
                sent, inviter, invitee = self.today - rng.randint(0, 90), me, stranger
            else:
                sent, inviter, invitee = self.today - rng.randint(0, 30), stranger, me
            note = _fill(rng.choice(texts), invitee) if rng.random() < 0.3 else ""
            time = sent * _DAY + rng.randint(25200, 82800)
            invitations.append(_Invitation(time, inviter, invitee, note))
        invitations.sort(key=lambda inv: inv.time, reverse=True)
        return [
            [inv.inviter.name, inv.invitee.name, _invitation_date(inv.time), inv.note,
             "OUTGOING" if inv.inviter is me else "INCOMING", inv.inviter.url, inv.invitee.url]
            for inv in invitations
        ]  # fmt: skip

    def _endorsement_rows(self, received: bool) -> list[list[str]]:
        """Endorsements of the owner's skills (received) or of contacts' skills (given); one
        endorser often endorses two or three skills at once."""
        rng, skills_by_function = self.rng, self.tables.skills
        if not self.contacts:
            return []
        share = rng.uniform(0.03, 0.08) if received else rng.uniform(0.015, 0.05)
        target = min(500, max(1, round(len(self.contacts) * share)))
        rows: list[tuple[int, list[str]]] = []
        while len(rows) < target:
            person, day = self.contacts[rng.randrange(len(self.contacts))]
            if received:
                skills = rng.sample(self.owner.skills, 3)
            else:
                skills = list(skills_by_function.get(person.function) or skills_by_function[""])
                rng.shuffle(skills)
            at = rng.randint(day, self.today) * _DAY + rng.randint(0, _DAY - 61)
            url = _BARE_URL + person.slug
            for k in range(min(rng.choice((1, 1, 2, 3)), len(skills), target - len(rows))):
                time = at + k * rng.randint(1, 20)
                status = "REJECTED" if rng.random() < 0.04 else "ACCEPTED"
                row = [_endorsement_date(time), skills[k], person.first, person.last, url, status]
                rows.append((time, row))
        rows.sort(key=lambda row: row[0], reverse=True)
        return [row for _, row in rows]

    def _recommendation_rows(self, received: bool) -> list[list[str]]:
        """A handful of recommendations, from (received) or for (given) contacts."""
        rng, texts = self.rng, self.tables.texts["recommendation"]
        count = min(len(self.contacts), rng.randint(2, 7) if received else rng.randint(1, 5))
        rows = []
        for i in sorted(rng.sample(range(len(self.contacts)), count)):
            person, day = self.contacts[i]
            text = _fill(
                rng.choice(texts),
                self.me if received else person,
                rng.choice(self.owner.jobs).company,
            )
            time = rng.randint(day, self.today) * _DAY + rng.randint(0, _DAY - 1)
            status = "HIDDEN" if rng.random() < 0.2 else "VISIBLE"
            row = [person.first, person.last, person.company, person.position, text,
                   _recommendation_date(time), status]  # fmt: skip
            rows.append((time, row))
        rows.sort(key=lambda row: row[0], reverse=True)
        return [row for _, row in rows]

    # the archive -------------------------------------------------------------------------

    def members(self) -> list[tuple[str, Callable[[TextIO], None]]]:
        """(name in the zip, writer) for every file, in archive order."""

        def table(header: Iterable[str], rows: Callable[[], Iterable[list[str]]]):
            return lambda out: _write_csv(out, header, rows())

        return [
            ("Connections.csv", self._write_connections),
            ("messages.csv", table(MESSAGES_HEADER, self._message_rows)),
            ("Invitations.csv", table(INVITATIONS_HEADER, self._invitation_rows)),
            ("Endorsement_Received_Info.csv",
             table(_endorsement_header("Endorser"), lambda: self._endorsement_rows(True))),
            ("Endorsement_Given_Info.csv",
             table(_endorsement_header("Endorsee"), lambda: self._endorsement_rows(False))),
            ("Recommendations_Received.csv",
             table(RECOMMENDATIONS_HEADER, lambda: self._recommendation_rows(True))),
            ("Recommendations_Given.csv",
             table(RECOMMENDATIONS_HEADER, lambda: self._recommendation_rows(False))),
            ("Profile.csv", table(PROFILE_HEADER, lambda: [self._profile_row()])),
            ("Positions.csv", table(POSITIONS_HEADER, self._position_rows)),
            # Files netlens does not read, listed as ignored; Rich_Media.csv is not CSV at all.
            ("Ad_Targeting.csv", table(AD_TARGETING_HEADER, self._ad_targeting_rows)),
            ("Learning.csv", table(LEARNING_HEADER, self._learning_rows)),
            ("Rich_Media.csv", self._write_rich_media),
            ("Jobs/Job Applications.csv",
             table(JOB_APPLICATIONS_HEADER, self._job_application_rows)),
        ]  # fmt: skip

    def _write_connections(self, out: TextIO) -> None:
        out.write(f"Notes:\n{_NOTE}\n\n")
        stamp = _Stamps()
        rows = (
            [p.first, p.last, p.url, p.email, p.company, p.position, stamp.connected(day)]
            if p is not None
            else ["", "", "", "", "", "", stamp.connected(day)]
            for day, p in self.table
        )
        _write_csv(out, CONNECTIONS_HEADER, rows)

    def _profile_row(self) -> list[str]:
        rng, owner, me = self.rng, self.owner, self.me
        headline = f"{me.position} at {me.company}"
        if rng.random() < 0.4:
            headline += " | " + " · ".join(owner.skills[:2])
        birth = f"{_MONTHS[owner.birth.month - 1]} {owner.birth.day}, {owner.birth.year}"
        summary = rng.choice(self.tables.texts["summary"])
        industry = self.tables.profile_industry[owner.home]
        zip_code = f"{rng.randint(10000, 99999)}" if rng.random() < 0.5 else ""
        twitter = f"[{me.slug.replace('-', '_')}]" if rng.random() < 0.3 else ""
        website = f"[PERSONAL:https://{me.slug}.example.com]" if rng.random() < 0.3 else ""
        return [me.first, me.last, "", "", birth, headline, summary, industry, zip_code,
                owner.location, twitter, website, ""]  # fmt: skip

    def _position_rows(self) -> list[list[str]]:
        return [
            [job.company, job.title, job.description, job.location, _month_year(job.start),
             _month_year(job.end) if job.end else ""]
            for job in self.owner.jobs
        ]  # fmt: skip

    def _ad_targeting_rows(self) -> list[list[str]]:
        owner = self.owner
        years = (self.today - owner.start) // 365
        return [[
            "25 to 34" if years < 8 else "35 to 54",
            "; ".join(job.company for job in owner.jobs),
            "Bachelor's Degree",
            owner.function,
            "; ".join(job.title for job in owner.jobs),
            "Technology; Business; Careers",
            "en_US",
            owner.location,
            "; ".join(owner.skills),
            f"{years} to {years + 2} years",
        ]]  # fmt: skip

    def _learning_rows(self) -> list[list[str]]:
        rng = self.rng
        courses = self.tables.texts["course"]
        rows = []
        for title in rng.sample(courses, rng.randint(2, min(6, len(courses)))):
            watched = (self.today - rng.randint(0, 900)) * _DAY + rng.randint(0, _DAY - 1)
            done = _learning_date(watched) if rng.random() < 0.6 else "N/A"
            saved = "true" if rng.random() < 0.3 else "false"
            rows.append([title, "", "COURSE", _learning_date(watched), done, saved, ""])
        return rows

    def _write_rich_media(self, out: TextIO) -> None:
        rng = self.rng
        lines = []
        for what in ("profile photo", "background photo", "profile photo"):
            when = (self.today - rng.randint(0, 2500)) * _DAY + rng.randint(0, _DAY - 1)
            day, hour, minute, _ = _split(when)
            lines.append(
                f"You uploaded a {what} on {_MONTH_NAMES[day.month - 1]} {day.day}, {day.year} "
                f"at {_clock(hour, minute)} (GMT)"
            )
        out.write("\n".join(lines))

    def _job_application_rows(self) -> list[list[str]]:
        rng, factory = self.rng, self.world.factory
        rows = []
        for _ in range(rng.randint(1, 4)):
            when = (self.today - rng.randint(0, 700)) * _DAY + rng.randint(25200, 82800)
            company, _ = factory.company(rng, self.owner.home)
            title = factory.title(rng, self.owner.function, "Senior")
            url = f"https://www.linkedin.com/jobs/view/{rng.randint(10**9, 10**10)}"
            rows.append((when, [_invitation_date(when), "", "", company, title, url,
                                "resume.pdf", ""]))  # fmt: skip
        rows.sort(key=lambda row: row[0], reverse=True)
        return [row for _, row in rows]


def _connection_days(rng: random.Random, count: int, first_day: int, last_day: int) -> list[int]:
    """``count`` connection days: a growth curve plus a few burst days (a conference)."""
    span = max(0, last_day - first_day)
    days: list[int] = []
    if count >= 200 and span > 60:
        for _ in range(min(10, rng.randint(1, 3) + count // 4000)):
            size = rng.randint(20, 40)
            if len(days) + size > count * 0.15:
                break
            day = first_day + int(span * rng.uniform(0.2, 0.98))
            days.extend([day] * size)
    while len(days) < count:
        days.append(first_day + min(span, int(_growth(rng) * (span + 1))))
    rng.shuffle(days)
    return days


def _pick(rng: random.Random, items: list[T]) -> T:
    """``rng.choice`` for the hot loops, several times faster."""
    return items[int(rng.random() * len(items))]


def _sent(rng: random.Random) -> str:
    return "SENT" if rng.random() < 0.5 else "INBOX"


def _attachment(rng: random.Random) -> str:
    token = base64.urlsafe_b64encode(rng.getrandbits(120).to_bytes(15, "big")).decode("ascii")
    return f"https://www.linkedin.com/dms/prv/attachment/D4E{token}"


# --------------------------------------------------------------------------------------
# Dates, each file its own format


class _Stamps:
    """Date formatting with a per-day cache: the exports have few distinct days."""

    def __init__(self) -> None:
        self.days: dict[int, str] = {}
        self.long: dict[int, str] = {}

    def message(self, time: int) -> str:
        """``2024-06-17 06:01:43 UTC``"""
        day, rest = divmod(time, _DAY)
        text = self.days.get(day)
        if text is None:
            text = self.days[day] = datetime.date.fromordinal(day).isoformat()
        hour, rest = divmod(rest, 3600)
        return f"{text} {hour:02d}:{rest // 60:02d}:{rest % 60:02d} UTC"

    def connected(self, day: int) -> str:
        """``04 Jul 2023``"""
        text = self.long.get(day)
        if text is None:
            d = datetime.date.fromordinal(day)
            text = self.long[day] = f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}"
        return text


def _split(time: int) -> tuple[datetime.date, int, int, int]:
    day, rest = divmod(time, _DAY)
    hour, rest = divmod(rest, 3600)
    return datetime.date.fromordinal(day), hour, rest // 60, rest % 60


def _clock(hour: int, minute: int, pad: bool = False) -> str:
    """``8:12 AM`` (``08:12 AM`` with ``pad``)."""
    twelve = (hour + 11) % 12 + 1
    return f"{twelve:0{2 if pad else 1}d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def _invitation_date(time: int) -> str:
    """``10/29/24, 8:12 AM``"""
    d, hour, minute, _ = _split(time)
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {_clock(hour, minute)}"


def _recommendation_date(time: int) -> str:
    """``09/21/16, 03:29 AM``"""
    d, hour, minute, _ = _split(time)
    return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}, {_clock(hour, minute, pad=True)}"


def _endorsement_date(time: int) -> str:
    """``2023/07/10 15:47:10 UTC``"""
    d, hour, minute, second = _split(time)
    return f"{d.year:04d}/{d.month:02d}/{d.day:02d} {hour:02d}:{minute:02d}:{second:02d} UTC"


def _learning_date(time: int) -> str:
    """``2023-05-04 13:22 UTC``"""
    d, hour, minute, _ = _split(time)
    return f"{d.isoformat()} {hour:02d}:{minute:02d} UTC"


def _month_year(month: tuple[int, int]) -> str:
    """``Jan 2019``"""
    year, index = month
    return f"{_MONTHS[index]} {year}"


# --------------------------------------------------------------------------------------
# Writing


def _write_csv(out: TextIO, header: Iterable[str], rows: Iterable[list[str]]) -> None:
    """Header and rows, LF line ends, and no newline after the last row (as LinkedIn)."""
    writer = csv.writer(out, lineterminator="\n")
    pending: Iterable[str] = header
    for row in rows:
        writer.writerow(pending)
        pending = row
    last = io.StringIO()
    csv.writer(last, lineterminator="\n").writerow(pending)
    out.write(last.getvalue()[:-1])


def _write_zip(
    path: Path,
    members: list[tuple[str, Callable[[TextIO], None]]],
    stamp: tuple[int, int, int, int, int, int],
) -> None:
    """Stream every member into a zip beside ``path``, then move it into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, write in members:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # the same bytes on every platform
                info.external_attr = 0o644 << 16
                with io.TextIOWrapper(
                    archive.open(info, "w"), encoding="utf-8", newline=""
                ) as text:
                    write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
