"""The owners and what they share: careers, a common pool of contacts, team ties.

A :class:`World` holds the owners (each with a home industry, a job history, employers and
skills), the contacts several owners know, and, for a team, the day every two owners
connected, their conversations and invitations. Times are seconds since day 0 of the
proleptic Gregorian calendar (``day * DAY + seconds``).
"""

from __future__ import annotations

import base64
import datetime
import math
import random
from dataclasses import dataclass

from netlens.sample.people import EMAIL_DOMAINS, Factory, Person, display, fold
from netlens.sample.tables import Company, Culture, Tables, Weighted

__all__ = [
    "DAY",
    "Conversation",
    "Invitation",
    "Job",
    "Message",
    "Owner",
    "World",
    "conversation_id",
    "fill",
    "growth",
    "message_times",
]

DAY = 86400


@dataclass(slots=True)
class Job:
    company: str
    title: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    location: str
    description: str


@dataclass(slots=True)
class Owner:
    index: int
    seed: int
    person: Person
    culture: Culture
    home: str
    start: int  # ordinal day of the first connection
    function: str
    jobs: list[Job]
    employers: list[tuple[Company, float]]
    location: str
    skills: list[str]
    birth: datetime.date


@dataclass(slots=True)
class Message:
    time: int  # seconds since day 0 of the proleptic Gregorian calendar
    sender: int  # index into the conversation's participants
    content: str
    attachment: str = ""
    sent_folder: str = "SENT"


@dataclass(slots=True)
class Conversation:
    id: str
    kind: str  # chat, group, team, sponsored, spam, recruiter, draft
    others: list[Person]  # participants besides the owner
    times: list[int]
    owner_share: float = 0.5
    title: str = ""
    subject: str = ""
    last_is_draft: bool = False
    messages: list[Message] | None = None  # pre-made (team conversations)
    owners: tuple[int, int] = (-1, -1)  # team conversations: the two owner indices


@dataclass(slots=True)
class Invitation:
    time: int
    inviter: Person
    invitee: Person
    note: str


class World:
    """The owners, their shared pool of contacts, and what happens between owners."""

    def __init__(
        self,
        tables: Tables,
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
        self.factory = Factory(tables)
        self.base_cultures = Weighted((c, c.weight) for c in tables.cultures)
        self.owners: list[Owner] = []
        for index in range(team):
            self.owners.append(self._owner(index))
        self.pair_day: dict[tuple[int, int], int] = {}
        self.pair_conversations: dict[int, list[Conversation]] = {i: [] for i in range(team)}
        self.pair_invitations: dict[int, list[Invitation]] = {i: [] for i in range(team)}
        self._team_ties()
        self.shared = self._shared_pool()

    # owners ----------------------------------------------------------------------------

    def _owner(self, index: int) -> Owner:
        rng, tables, factory = self.rng, self.tables, self.factory
        seed = rng.getrandbits(64)
        while True:
            culture = tables.latin_cultures.pick(rng)
            first = rng.choice(culture.first)
            last = rng.choice(culture.last_by_gender[first.gender])
            if fold(first.text) and fold(last.text):
                break
        slug = factory.owner_slug(first.text, last.text)
        # Each owner a home industry of their own while there are industries left.
        used = {o.home for o in self.owners}
        homes = [i for i in tables.industries if i != "Holding Companies"]
        fresh = [i for i in homes if i not in used] or homes
        home = Weighted((i, tables.industry_weights[i]) for i in fresh).pick(rng)
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
                Job(
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
        person = Person(
            first.text, last.text, slug, jobs[0].company, jobs[0].title, function=function
        )
        if rng.random() < 0.02:
            person.email = f"{slug.replace('-', '.')}@{rng.choice(EMAIL_DOMAINS)}"
        age = 22 + int(years) + rng.randint(0, 15)
        birth = datetime.date(self.as_of.year - age, rng.randint(1, 12), rng.randint(1, 28))
        return Owner(
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
                day = first + min(self.today - first, int(growth(rng) * (self.today - first + 1)))
                self.pair_day[i, j] = day
                count = min(rng.randint(2, 14), cap)
                if count > 0:
                    times = message_times(rng, count, day, self.today, welcome=True)
                    pair = [a.person, b.person]
                    senders = [rng.randrange(2) for _ in times]
                    if count > 1 and len(set(senders)) == 1:
                        senders[-1] = 1 - senders[-1]  # a reply
                    made = []
                    for t, sender in zip(times, senders, strict=True):
                        text = fill(rng.choice(self.tables.texts["chat"]), pair[1 - sender])
                        folder = "SENT" if rng.random() < 0.5 else "INBOX"
                        made.append(Message(t, sender, text, "", folder))
                    conversation = Conversation(
                        conversation_id(rng), "team", [], times, messages=made, owners=(i, j)
                    )
                    self.pair_conversations[i].append(conversation)
                    self.pair_conversations[j].append(conversation)
                if day >= window and rng.random() < 0.7:
                    inviter, invitee = (a, b) if rng.random() < 0.5 else (b, a)
                    sent = max(window, day - (0 if rng.random() < 0.6 else rng.randint(1, 10)))
                    note = ""
                    if rng.random() < 0.25:
                        note = fill(
                            rng.choice(self.tables.texts["invitation_note"]), invitee.person
                        )
                    invitation = Invitation(
                        sent * DAY + rng.randint(25200, 82800),
                        inviter.person,
                        invitee.person,
                        note,
                    )
                    self.pair_invitations[i].append(invitation)
                    self.pair_invitations[j].append(invitation)

    def _shared_pool(self) -> list[Person]:
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
                name, industry, real = display(rng, company), company.industry, company.real
            else:
                industry = owner.home if roll < 0.6 else self.tables.industry_weight.pick(rng)
                name, real = factory.company(rng, industry)
            pool.append(factory.person(rng, self.base_cultures, industry, name, real))
        return pool


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def growth(rng: random.Random) -> float:
    """Where in a career a connection falls, 0..1: a slow start, busier mid-career on."""
    return rng.random() if rng.random() < 0.15 else rng.betavariate(2.0, 1.2)


def conversation_id(rng: random.Random) -> str:
    """Like ``2-ZGI4MmRh…XzAxMA==``: base64 of a UUID and a suffix."""
    h = f"{rng.getrandbits(128):032x}"
    uuid = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"
    suffix = rng.choice(("_010", "_000", "_100"))
    return "2-" + base64.b64encode((uuid + suffix).encode("ascii")).decode("ascii")


def fill(text: str, person: Person | None, company: str = "") -> str:
    """Fill the ``{name}`` and ``{company}`` placeholders of a text template."""
    if "{" not in text:
        return text
    name = person.given if person else "there"
    company = company or (person.company if person and person.company.strip(" .-") else "")
    return text.replace("{name}", name).replace("{company}", company or "your company")


def message_times(
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
        anchors.append(day * DAY + rng.randint(25200, 79200))
    end = last_day * DAY + DAY - 1
    uniform, gap = rng.random, rng.expovariate
    times = [min(end, anchors[int(uniform() * sessions)] + int(gap(1 / 900))) for _ in range(count)]
    times.sort()
    return times
