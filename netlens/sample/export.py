"""One owner's archive: contacts, invitations, endorsements, recommendations, profile.

An :class:`Export` draws everything in one owner's zip from the owner's own random stream
(messages come from :class:`~netlens.sample.messages.Messages`) and lists the archive's
files with the function that writes each.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import TextIO

from netlens.sample.messages import Messages
from netlens.sample.people import Person, display
from netlens.sample.tables import Weighted
from netlens.sample.world import DAY, Invitation, Owner, World, fill, growth
from netlens.sample.writer import (
    AD_TARGETING_HEADER,
    CONNECTIONS_HEADER,
    INVITATIONS_HEADER,
    JOB_APPLICATIONS_HEADER,
    LEARNING_HEADER,
    MESSAGES_HEADER,
    MONTH_NAMES,
    MONTHS,
    NOTE,
    POSITIONS_HEADER,
    PROFILE_HEADER,
    RECOMMENDATIONS_HEADER,
    Stamps,
    clock,
    endorsement_date,
    endorsement_header,
    invitation_date,
    learning_date,
    month_year,
    recommendation_date,
    split,
    write_csv,
)

__all__ = ["Export"]

_BARE_URL = "www.linkedin.com/in/"


class Export(Messages):
    """Everything in one owner's archive, generated from the owner's own random stream."""

    def __init__(self, world: World, owner: Owner):
        self.world = world
        self.tables = world.tables
        self.owner = owner
        self.me = owner.person
        self.today = world.today
        self.rng = random.Random(owner.seed)
        boost = 0.25 * world.base_cultures.total
        self.cultures = Weighted(
            (c, c.weight + (boost if c is owner.culture else 0.0)) for c in world.tables.cultures
        )
        self.employers = Weighted(owner.employers)
        self._connections()
        self.conversations = self._conversations()

    # connections -------------------------------------------------------------------------

    def _connections(self) -> None:
        world, rng, owner = self.world, self.rng, self.owner
        rows = world.connections
        teammates = world.team - 1
        hidden = min(round(rows * rng.uniform(0.012, 0.028)), rows - teammates)
        contacts = rows - hidden - teammates
        shared: list[Person] = []
        if world.shared:
            take = min(len(world.shared), contacts, round(contacts * rng.uniform(0.25, 0.45)))
            shared = [world.shared[i] for i in sorted(rng.sample(range(len(world.shared)), take))]
        people = shared + [self._private_contact() for _ in range(contacts - len(shared))]

        days = _connection_days(rng, hidden + contacts, owner.start, self.today)
        table: list[tuple[int, Person | None]] = [(day, None) for day in days[:hidden]]
        table += zip(days[hidden:], people, strict=True)
        # Contacts other than teammates, with their connection day.
        self.contacts: list[tuple[Person, int]] = [(p, d) for d, p in table if p is not None]
        for other in world.owners:
            if other is not owner:
                key = (min(owner.index, other.index), max(owner.index, other.index))
                table.append((world.pair_day[key], other.person))
        table.sort(key=lambda row: row[0], reverse=True)  # stable: newest first
        self.table = table
        self.hidden = hidden

    def _private_contact(self) -> Person:
        rng, owner, factory, tables = self.rng, self.owner, self.world.factory, self.tables
        roll = rng.random()
        concentrated = sum(share for _, share in owner.employers)
        if roll < concentrated:
            company = self.employers.pick(rng)
            return factory.person(
                rng, self.cultures, company.industry, display(rng, company), company.real
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

    def _stranger(self, function: str | None = None) -> Person:
        """Someone who is not a connection: a recruiter, a spammer, a pending invitation."""
        industry = self.tables.industry_weight.pick(self.rng)
        name, real = self.world.factory.company(self.rng, industry)
        return self.world.factory.person(
            self.rng, self.cultures, industry, name, real, function=function
        )

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
                note = fill(rng.choice(texts), invitee)
            time = sent * DAY + rng.randint(25200, 82800)
            invitations.append(Invitation(time, inviter, invitee, note))
        for _ in range(min(12, 2 + self.world.connections // 500)):
            stranger = self._stranger()
            if rng.random() < 0.5:
                sent, inviter, invitee = self.today - rng.randint(0, 90), me, stranger
            else:
                sent, inviter, invitee = self.today - rng.randint(0, 30), stranger, me
            note = fill(rng.choice(texts), invitee) if rng.random() < 0.3 else ""
            time = sent * DAY + rng.randint(25200, 82800)
            invitations.append(Invitation(time, inviter, invitee, note))
        invitations.sort(key=lambda inv: inv.time, reverse=True)
        return [
            [inv.inviter.name, inv.invitee.name, invitation_date(inv.time), inv.note,
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
            at = rng.randint(day, self.today) * DAY + rng.randint(0, DAY - 61)
            url = _BARE_URL + person.slug
            for k in range(min(rng.choice((1, 1, 2, 3)), len(skills), target - len(rows))):
                time = at + k * rng.randint(1, 20)
                status = "REJECTED" if rng.random() < 0.04 else "ACCEPTED"
                row = [endorsement_date(time), skills[k], person.first, person.last, url, status]
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
            text = fill(
                rng.choice(texts),
                self.me if received else person,
                rng.choice(self.owner.jobs).company,
            )
            time = rng.randint(day, self.today) * DAY + rng.randint(0, DAY - 1)
            status = "HIDDEN" if rng.random() < 0.2 else "VISIBLE"
            row = [person.first, person.last, person.company, person.position, text,
                   recommendation_date(time), status]  # fmt: skip
            rows.append((time, row))
        rows.sort(key=lambda row: row[0], reverse=True)
        return [row for _, row in rows]

    # the archive -------------------------------------------------------------------------

    def members(self) -> list[tuple[str, Callable[[TextIO], None]]]:
        """(name in the zip, writer) for every file, in archive order."""

        def table(header: Iterable[str], rows: Callable[[], Iterable[list[str]]]):
            return lambda out: write_csv(out, header, rows())

        return [
            ("Connections.csv", self._write_connections),
            ("messages.csv", table(MESSAGES_HEADER, self._message_rows)),
            ("Invitations.csv", table(INVITATIONS_HEADER, self._invitation_rows)),
            ("Endorsement_Received_Info.csv",
             table(endorsement_header("Endorser"), lambda: self._endorsement_rows(True))),
            ("Endorsement_Given_Info.csv",
             table(endorsement_header("Endorsee"), lambda: self._endorsement_rows(False))),
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
        out.write(f"Notes:\n{NOTE}\n\n")
        stamp = Stamps()
        rows = (
            [p.first, p.last, p.url, p.email, p.company, p.position, stamp.connected(day)]
            if p is not None
            else ["", "", "", "", "", "", stamp.connected(day)]
            for day, p in self.table
        )
        write_csv(out, CONNECTIONS_HEADER, rows)

    def _profile_row(self) -> list[str]:
        rng, owner, me = self.rng, self.owner, self.me
        headline = f"{me.position} at {me.company}"
        if rng.random() < 0.4:
            headline += " | " + " · ".join(owner.skills[:2])
        birth = f"{MONTHS[owner.birth.month - 1]} {owner.birth.day}, {owner.birth.year}"
        summary = rng.choice(self.tables.texts["summary"])
        industry = self.tables.profile_industry[owner.home]
        zip_code = f"{rng.randint(10000, 99999)}" if rng.random() < 0.5 else ""
        twitter = f"[{me.slug.replace('-', '_')}]" if rng.random() < 0.3 else ""
        website = f"[PERSONAL:https://{me.slug}.example.com]" if rng.random() < 0.3 else ""
        return [me.first, me.last, "", "", birth, headline, summary, industry, zip_code,
                owner.location, twitter, website, ""]  # fmt: skip

    def _position_rows(self) -> list[list[str]]:
        return [
            [job.company, job.title, job.description, job.location, month_year(job.start),
             month_year(job.end) if job.end else ""]
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
            watched = (self.today - rng.randint(0, 900)) * DAY + rng.randint(0, DAY - 1)
            done = learning_date(watched) if rng.random() < 0.6 else "N/A"
            saved = "true" if rng.random() < 0.3 else "false"
            rows.append([title, "", "COURSE", learning_date(watched), done, saved, ""])
        return rows

    def _write_rich_media(self, out: TextIO) -> None:
        rng = self.rng
        lines = []
        for what in ("profile photo", "background photo", "profile photo"):
            when = (self.today - rng.randint(0, 2500)) * DAY + rng.randint(0, DAY - 1)
            day, hour, minute, _ = split(when)
            lines.append(
                f"You uploaded a {what} on {MONTH_NAMES[day.month - 1]} {day.day}, {day.year} "
                f"at {clock(hour, minute)} (GMT)"
            )
        out.write("\n".join(lines))

    def _job_application_rows(self) -> list[list[str]]:
        rng, factory = self.rng, self.world.factory
        rows = []
        for _ in range(rng.randint(1, 4)):
            when = (self.today - rng.randint(0, 700)) * DAY + rng.randint(25200, 82800)
            company, _ = factory.company(rng, self.owner.home)
            title = factory.title(rng, self.owner.function, "Senior")
            url = f"https://www.linkedin.com/jobs/view/{rng.randint(10**9, 10**10)}"
            rows.append((when, [invitation_date(when), "", "", company, title, url,
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
        days.append(first_day + min(span, int(growth(rng) * (span + 1))))
    rng.shuffle(days)
    return days
