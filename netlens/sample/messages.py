"""One owner's conversations and the rows of their ``messages.csv``.

Sponsored messages, spam, recruiters, drafts, and chats and group chats with contacts,
heavy-tailed in length, within the owner's message budget; conversations between owners
come from the :class:`~netlens.sample.world.World`.
"""

from __future__ import annotations

import base64
import math
import random
from collections.abc import Callable, Iterator
from typing import TypeVar

from netlens.sample.people import Person
from netlens.sample.tables import Tables
from netlens.sample.world import (
    Conversation,
    Owner,
    World,
    conversation_id,
    fill,
    message_times,
)
from netlens.sample.writer import Stamps

__all__ = ["Messages"]

T = TypeVar("T")

_SPONSOR = "LinkedIn Member"


class Messages:
    """The messages part of :class:`~netlens.sample.export.Export`, which sets these
    attributes and calls ``_conversations`` from the owner's own random stream."""

    world: World
    tables: Tables
    owner: Owner
    me: Person
    today: int
    rng: random.Random
    contacts: list[tuple[Person, int]]
    conversations: list[Conversation]
    _stranger: Callable[..., Person]

    def _conversations(self) -> list[Conversation]:
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
            times = message_times(rng, 1, earliest, self.today, welcome=False)
            conversations.append(
                Conversation(
                    conversation_id(rng),
                    "sponsored",
                    [],
                    times,
                    subject=fill(rng.choice(tables.texts["sponsored_subject"]), self.me),
                )
            )
        while spam > 0:
            n = min(spam, rng.randint(1, 2))
            spam -= n
            times = message_times(rng, n, earliest, self.today, welcome=False)
            conversations.append(
                Conversation(conversation_id(rng), "spam", [self._stranger()], times)
            )
        while recruiter > 0:
            n = min(recruiter, rng.choice((1, 1, 1, 2, 2, 3)))
            recruiter -= n
            times = message_times(rng, n, earliest, self.today, welcome=False)
            person = self._stranger("Human Resources")
            subject = fill(rng.choice(tables.texts["recruiter_subject"]), self.me, person.company)
            conversations.append(
                Conversation(conversation_id(rng), "recruiter", [person], times, subject=subject)
            )
        for _ in range(drafts):
            person, day = pool[rng.randrange(len(pool))]
            times = message_times(rng, 1, day, self.today, welcome=False)
            conversations.append(Conversation(conversation_id(rng), "draft", [person], times))

        if budget > 0:
            conversations += self._chats(pool, budget)
        conversations.sort(key=lambda c: c.times[-1], reverse=True)
        return conversations

    def _chats(self, pool: list[tuple[Person, int]], budget: int) -> list[Conversation]:
        """1:1 and group conversations with contacts, heavy-tailed in length."""
        rng, tables = self.rng, self.tables
        engaged = min(len(pool), budget, max(1, round(len(pool) * rng.uniform(0.3, 0.45))))
        groups = min(round(engaged * 0.03), budget - engaged) if len(pool) >= 3 else 0
        chosen = sorted(rng.sample(range(len(pool)), engaged))
        colleague = self.me.company
        plans: list[tuple[list[Person], int, float]] = []
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
            times = message_times(rng, count, day, self.today, welcome=rng.random() < 0.5)
            if len(people) == 1:
                conversations.append(
                    Conversation(
                        conversation_id(rng),
                        "chat",
                        people,
                        times,
                        owner_share=rng.uniform(0.35, 0.65),
                        last_is_draft=rng.random() < 0.01,
                    )
                )
            else:
                conversations.append(
                    Conversation(
                        conversation_id(rng),
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
        stamp = Stamps()
        for conv in self.conversations:
            rows = self._team_rows if conv.kind == "team" else self._conversation_rows
            yield from rows(conv, stamp)

    def _conversation_rows(self, conv: Conversation, stamp: Stamps) -> Iterator[list[str]]:
        rng, texts, me = self.rng, self.tables.texts, self.me
        newest = len(conv.times) - 1
        conversation_draft = "Yes" if conv.kind == "draft" else "No"
        for n in range(newest, -1, -1):
            subject, attachment, draft = "", "", False
            sender: Person | None
            if conv.kind == "sponsored":
                sender, recipients, folder = None, [me], "INBOX"
                subject, content = conv.subject, fill(rng.choice(texts["sponsored"]), me)
            elif conv.kind == "spam":
                sender, recipients, folder = conv.others[0], [me], "SPAM"
                content = rng.choice(texts["spam"])
            elif conv.kind == "recruiter":
                recruiter = conv.others[0]
                if n == 0 or rng.random() < 0.5:
                    sender, recipients, folder = recruiter, [me], "INBOX"
                    content = fill(rng.choice(texts["recruiter"]), me, recruiter.company)
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
                    content = fill(_pick(rng, texts["chat"]), recipients[0])
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

    def _team_rows(self, conv: Conversation, stamp: Stamps) -> Iterator[list[str]]:
        """A conversation between two owners, the same in both exports but for the folder."""
        pair = [self.world.owners[i].person for i in conv.owners]
        mine = conv.owners.index(self.owner.index)
        for message in reversed(conv.messages or []):
            sender, recipient = pair[message.sender], pair[1 - message.sender]
            folder = message.sent_folder if message.sender == mine else "INBOX"
            yield [conv.id, "", sender.name, sender.url, recipient.name, recipient.url,
                   stamp.message(message.time), "", message.content, folder, message.attachment,
                   "No", "No"]  # fmt: skip


def _pick(rng: random.Random, items: list[T]) -> T:
    """``rng.choice`` for the hot loops, several times faster."""
    return items[int(rng.random() * len(items))]


def _sent(rng: random.Random) -> str:
    return "SENT" if rng.random() < 0.5 else "INBOX"


def _attachment(rng: random.Random) -> str:
    token = base64.urlsafe_b64encode(rng.getrandbits(120).to_bytes(15, "big")).decode("ascii")
    return f"https://www.linkedin.com/dms/prv/attachment/D4E{token}"
