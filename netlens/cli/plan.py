"""Commands that turn the review into action: ``plan`` (whom to write to, week by week,
as a calendar and a contacts file) and ``person`` (one contact's whole story)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from netlens.cli import cli
from netlens.cli.options import (
    as_of_option,
    check_output,
    emit,
    format_option,
    industry_map_option,
    months_option,
    network_argument,
    remember_input,
    sharing_options,
    status,
)
from netlens.errors import NetlensError, NoMatchError

if TYPE_CHECKING:
    from netlens.model import Network


def _snapshot(path: str | None, quiet: bool) -> Network | None:
    if path is None:
        return None
    import netlens

    remember_input(path)
    with status(f"Reading {path}…", quiet=quiet):
        return netlens.load(path)


snapshot_option = click.option(
    "--with-snapshot", "snapshot", default=None, metavar="OLD",
    type=click.Path(path_type=str),
    help="An older export of yours: contacts who changed jobs since then say so.",
)  # fmt: skip


@cli.command()
@network_argument
@click.option(
    "--weeks", type=click.IntRange(min=1, max=104), default=8, show_default=True,
    help="How many weeks the re-engage list is spread over.",
)  # fmt: skip
@click.option(
    "--per-week", type=click.IntRange(min=1, max=100), default=5, show_default=True,
    help="How many people to re-engage each week.",
)  # fmt: skip
@click.option(
    "--ics", default=None, metavar="FILE", type=click.Path(dir_okay=False, path_type=str),
    help="Write the plan as a calendar (.ics) for Google Calendar, Apple Calendar or Outlook.",
)  # fmt: skip
@click.option(
    "--csv", "csv_file", default=None, metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the plan's people as a contacts file (.csv) to import.",
)  # fmt: skip
@click.option(
    "--csv-style", type=click.Choice(["google", "hubspot"]), default="google",
    show_default=True, help="Whose import headers the --csv file uses.",
)  # fmt: skip
@snapshot_option
@months_option
@industry_map_option
@format_option("text", "json")
@sharing_options
@as_of_option
def plan(
    export: str, network: Network, weeks: int, per_week: int, ics: str | None,
    csv_file: str | None, csv_style: str, snapshot: str | None, months: int,
    industry_map: dict[str, str] | None, fmt: str, redact: bool, quiet: bool, as_of: dt.date,
) -> None:  # fmt: skip
    """A keep-in-touch plan: whom to write to each week and why, with an opening line;
    and your strongest ties on a rhythm (the top 5 every 3 months, the next 10 every 6).

    --ics writes it as a calendar to import (re-importing a newer plan updates the entries
    it shares with the last one); --csv writes its people as contacts to import into
    Google Contacts (or HubSpot, with --csv-style hubspot), labelled "netlens plan".

    \b
    Examples:
      netlens plan export.zip
      netlens plan export.zip --weeks 4 --per-week 3 --ics plan.ics --csv plan.csv
      netlens plan export.zip --with-snapshot last-year.zip --format json
    """
    from netlens.analyze.plan import plan as make_plan
    from netlens.analyze.plan import redact as redacted
    from netlens.output import write_atomic
    from netlens.render.calendar import render_ics
    from netlens.render.contacts import render_contacts
    from netlens.render.plan import render_plan

    for path in (ics, csv_file):
        if path:
            check_output(path)
    old = _snapshot(snapshot, quiet)
    result = make_plan(
        network, as_of=as_of, weeks=weeks, per_week=per_week, months=months,
        industry_map=industry_map, snapshot=old,
    )  # fmt: skip
    if redact:
        result = redacted(result)
    if ics:
        write_atomic(ics, render_ics(result, as_of=as_of))
    if csv_file:
        write_atomic(csv_file, render_contacts(result, style=csv_style))
    emit(render_plan(result, fmt, as_of, Path(export).name if redact else export))
    for path, what in ((ics, "calendar"), (csv_file, f"contacts ({csv_style})")):
        if path and not quiet:
            click.echo(f"Wrote the {what} to {path}", err=True)


@cli.command()
@network_argument
@click.argument("query")
@snapshot_option
@click.option(
    "--show-text", is_flag=True,
    help="Also print the text of your messages with them (read from messages.csv).",
)  # fmt: skip
@months_option
@industry_map_option
@format_option("text", "json")
@sharing_options
@as_of_option
def person(
    export: str, network: Network, query: str, snapshot: str | None, show_text: bool,
    months: int, industry_map: dict[str, str] | None, fmt: str, redact: bool, quiet: bool,
    as_of: dt.date,
) -> None:  # fmt: skip
    """One contact's whole story: how you connected, every message date and direction
    (counts per month), endorsements and recommendations both ways, job changes since an
    older export, the tie's tier and strength, and why to re-engage them.

    QUERY is a name, a profile URL, or the start of a name (case and accents ignored).
    Message text is shown only with --show-text.

    \b
    Examples:
      netlens person export.zip "Maya Cohen"
      netlens person export.zip linkedin.com/in/maya-cohen --format json
      netlens person export.zip maya --with-snapshot last-year.zip --show-text
    """
    from netlens.analyze.person import AmbiguousQuery
    from netlens.analyze.person import person as story
    from netlens.analyze.person import redact as redacted
    from netlens.render.plan import render_person

    if show_text and redact:
        raise click.UsageError("--show-text and --redact exclude each other")
    old = _snapshot(snapshot, quiet)
    try:
        result = story(
            network, query, as_of=as_of, months=months, snapshot=old, show_text=show_text,
            industry_map=industry_map,
        )  # fmt: skip
    except NoMatchError as exc:
        if redact:  # it names the contacts close to the query
            raise NetlensError(exc.redacted) from None
        raise
    except AmbiguousQuery as exc:
        if not redact:
            raise
        from netlens.wording import initials

        listed = "; ".join(initials(c["name"]) for c in exc.candidates)
        raise NetlensError(
            f"{query!r} matches several contacts ({listed}) — give more of the name, or the "
            "profile URL"
        ) from None
    if redact:
        result = redacted(result)
    emit(render_person(result, fmt, as_of))
