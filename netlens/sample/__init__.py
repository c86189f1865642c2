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

Modules, each one job:

- :mod:`~netlens.sample.tables`: the data tables of ``netlens/data/sample`` (names by
  culture, industries, companies, functions, titles, skills, texts), read once.
- :mod:`~netlens.sample.people`: invented people: names, unique URL slugs, jobs, companies.
- :mod:`~netlens.sample.world`: the owners and their careers, the contacts teammates share,
  and what happens between owners (connection days, conversations, invitations).
- :mod:`~netlens.sample.export`: one owner's archive: their contacts, invitations,
  endorsements, recommendations, profile and positions, and the list of its files.
- :mod:`~netlens.sample.messages`: one owner's conversations and the rows of
  ``messages.csv``.
- :mod:`~netlens.sample.writer`: LinkedIn's file formats: headers, each file's date format,
  the CSV quirks and the zip.

>>> write_samples("sample_exports", connections=500, team=3, seed=1)  # doctest: +SKIP
[PosixPath('sample_exports/ahmed-mansour.zip'), PosixPath('sample_exports/kamau-nkosi.zip'),
 PosixPath('sample_exports/fernanda-silva.zip')]
"""

from __future__ import annotations

import datetime
import os
import random
from pathlib import Path

from netlens.sample.export import Export
from netlens.sample.tables import load_tables
from netlens.sample.world import World
from netlens.sample.writer import write_zip

__all__ = ["write_samples"]


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
    world = World(load_tables(), random.Random(seed), as_of, connections, messages, team)
    stamp = (min(max(as_of.year, 1980), 2107), as_of.month, as_of.day, 0, 0, 0)
    paths = []
    for owner in world.owners:
        export = Export(world, owner)
        path = out / f"{owner.person.slug}.zip"
        write_zip(path, export.members(), stamp)
        paths.append(path)
    return paths
