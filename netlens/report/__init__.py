"""The report: the whole review of a loaded export, as plain data.

:func:`review` turns a loaded export into a :class:`~netlens.report.model.Report`, which
:mod:`netlens.render` renders. Three passes, a module each: :mod:`~netlens.report.describe`
runs every analyzer once, :mod:`~netlens.report.redact` decides what of third parties may
be shown, and :mod:`~netlens.report.sections` (with
:mod:`~netlens.report.network_sections`) shapes the results into the report's sections.

    >>> import netlens
    >>> report = netlens.review(netlens.load("export.zip"), redact=True)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from netlens.report import contacts
from netlens.report.describe import describe
from netlens.report.redact import initials, redacted
from netlens.report.sections import CHART_KEYS, report

if TYPE_CHECKING:
    from netlens.model import Network
    from netlens.report.model import Report

__all__ = ["CHART_KEYS", "initials", "review"]

TOP_REENGAGE = 15


def review(
    network: Network,
    *,
    teammates: Sequence[Network] = (),
    edges: Iterable[tuple[str, str]] = (),
    as_of: dt.date | None = None,
    months: int = 12,
    industry_map: dict[str, str] | None = None,
    redact: bool = False,
    top: int = TOP_REENGAGE,
    tz: str | None = None,
) -> Report:
    """The full review of ``network`` (:func:`netlens.load`) as it stood on ``as_of``
    (the export's own date, :meth:`~netlens.model.Network.default_as_of`, when None).

    ``teammates`` are teammates' loaded exports and ``edges`` known ties, pairs of profile
    URLs or names (:func:`netlens.graph.read_edges`): given either, they are merged with
    the owner's export (:func:`netlens.merge`) for reach beyond the first degree.
    ``months`` is how recent an interaction keeps a tie active; ``industry_map`` places
    companies in industries; ``top`` is the length of the re-engage list. With ``redact``,
    third parties appear by their initials only (:mod:`netlens.report.redact`). ``tz``
    is the IANA time zone in which the message habits show when you write (default: the
    export's own clock)."""
    if as_of is None:
        as_of = network.default_as_of()
    team = None
    edges = list(edges)
    if teammates or edges:
        from netlens.graph import merge

        team = merge(network, teammates, edges=edges, as_of=as_of)
    described = describe(
        network,
        as_of=as_of,
        months=months,
        industry_map=industry_map,
        team=team,
        exports=1 + len(teammates),
        top=top,
        tz=tz,
    )
    built = report(redacted(described, redact=redact), redacted=redact)
    built.contacts = contacts.columns(described, team, redact=redact)
    return built
