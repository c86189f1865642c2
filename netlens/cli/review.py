"""Commands that review the network: ``diversity``, ``stale``, ``reengage``, ``growth``,
``diff``."""

from __future__ import annotations

import datetime as dt
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
    quiet_option,
    sharing_options,
    shown,
    status,
)
from netlens.wording import as_of_reason

if TYPE_CHECKING:
    from netlens.model import Network


@cli.command()
@network_argument
@click.option(
    "--by",
    type=click.Choice(["industry", "company", "function", "seniority"]),
    default="industry",
    show_default=True,
    help="What to measure diversity over.",
)
@format_option("text", "json", "csv")
@industry_map_option
@click.option(
    "--unknown-out",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the companies left without an industry to this CSV, to fill in and pass "
    "back with --industry-map.",
)
@quiet_option
@as_of_option
def diversity(
    export: str,
    network: Network,
    by: str,
    fmt: str,
    industry_map: dict[str, str] | None,
    unknown_out: str | None,
    quiet: bool,
    as_of: dt.date,
) -> None:
    """How diverse the network is: categories, shares and diversity indices.

    Industry, job function and seniority are inferred from company and position (your own
    --industry-map first); indices are computed over the known categories, and the share
    left unknown is reported.

    \b
    Examples:
      netlens diversity export.zip
      netlens diversity export.zip --by seniority --format json
      netlens diversity export.zip --unknown-out unknown.csv
      netlens diversity export.zip --industry-map unknown.csv
    """
    import netlens
    from netlens.output import BOM, write_atomic
    from netlens.render.diversity import render_diversity, render_unknown_companies

    if unknown_out:
        check_output(unknown_out)
    people = netlens.classify_people(network.until(as_of).people, industry_map=industry_map)
    result = netlens.diversity(people, by=by)
    emit(render_diversity(result, fmt=fmt, as_of=as_of, source=export, hint=not unknown_out))
    if unknown_out:
        text, note = render_unknown_companies(people)
        write_atomic(unknown_out, BOM + text)  # the BOM tells Excel the file is UTF-8
        written, _, aside = note.partition("; ")
        if not quiet:
            click.echo(
                f"Wrote {written} to {unknown_out}" + (f"; {aside}" if aside else ""), err=True
            )


@cli.command()
@network_argument
@months_option
@format_option("text", "json", "csv")
@sharing_options
@as_of_option
def stale(
    export: str,
    network: Network,
    months: int,
    fmt: str,
    redact: bool,
    quiet: bool,
    as_of: dt.date,
) -> None:
    """Which ties have gone stale: every contact's last contact, tier and tie strength.

    Tiers, by the last contact (a message either way, an endorsement or a recommendation):
    active (within --months months), fading (within 3 years), dormant (older). Never in
    contact: new (connected within --months months), never (earlier), unknown (no date).

    \b
    Examples:
      netlens stale export.zip
      netlens stale export.zip --months 6 --format csv > ties.csv
      netlens stale export.zip --redact > to-share.txt
    """
    from netlens.analyze.staleness import stale as measure
    from netlens.render.relationships import render_stale

    result, source = shown(measure(network, as_of=as_of, months=months), export, redact)
    emit(render_stale(result, fmt, as_of, source))


@cli.command()
@network_argument
@click.option(
    "--top", type=click.IntRange(min=1), default=25, show_default=True,
    help="How many contacts to list.",
)  # fmt: skip
@months_option
@industry_map_option
@format_option("text", "json", "csv")
@sharing_options
@as_of_option
def reengage(
    export: str,
    network: Network,
    top: int,
    months: int,
    industry_map: dict[str, str] | None,
    fmt: str,
    redact: bool,
    quiet: bool,
    as_of: dt.date,
) -> None:
    """Whom to write to first: fading, dormant and never-contacted ties ranked by value ×
    staleness, with the reasons in plain words.

    \b
    Examples:
      netlens reengage export.zip --top 10
      netlens reengage export.zip --format csv > to-contact.csv
    """
    from netlens.analyze.reengage import reengage as rank
    from netlens.render.relationships import render_reengage

    result = rank(network, as_of=as_of, top=top, months=months, industry_map=industry_map)
    result, source = shown(result, export, redact)
    emit(render_reengage(result, fmt, as_of, source))


@cli.command()
@network_argument
@format_option("text", "json", "csv")
@quiet_option
@as_of_option
def growth(export: str, network: Network, fmt: str, quiet: bool, as_of: dt.date) -> None:
    """How the network grew: per month and year, pace, burst days, headroom to the cap.

    \b
    Examples:
      netlens growth export.zip
      netlens growth export.zip --format csv > growth.csv
    """
    from netlens.analyze.growth import growth as measure
    from netlens.render.relationships import render_growth

    emit(render_growth(measure(network, as_of=as_of), fmt, as_of, export))


@cli.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@format_option("text", "json")
@sharing_options
@as_of_option
def diff(old: str, new: str, fmt: str, redact: bool, quiet: bool, as_of: dt.date) -> None:
    """What changed between two exports of yours: who is new, who left, who changed jobs.

    \b
    Example:
      netlens diff Basic_LinkedInDataExport_01-05-2026.zip Basic_LinkedInDataExport_11-21-2026.zip
    """
    import netlens
    from netlens.analyze.diff import diff as compare
    from netlens.render.relationships import render_diff

    with status(f"Reading {old} and {new}…", quiet=quiet):
        before, after = netlens.load(old), netlens.load(new)
    if as_of_reason(as_of) == "today":  # no --as-of: the day of the newer export
        as_of = after.default_as_of()
    emit(render_diff(shown(compare(before, after), old, redact)[0], fmt, as_of))
