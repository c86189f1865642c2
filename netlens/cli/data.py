"""Commands about the export itself: ``summary``, ``export``, ``sample``."""

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
    remember_input,
    sharing_options,
)
from netlens.cli.team import load_teammates, team_option, with_option

if TYPE_CHECKING:
    from netlens.model import Network


@cli.command()
@network_argument
@format_option("text", "json")
@quiet_option
@as_of_option
def summary(export: str, network: Network, fmt: str, quiet: bool, as_of: dt.date) -> None:
    """What was loaded: files, counts, date range, warnings, and a health check.

    \b
    Example:
      netlens summary Basic_LinkedInDataExport_11-21-2026.zip --format json
    """
    from netlens.analyze.health import health
    from netlens.render.summary import render_summary

    then = network.until(as_of)
    review = health(then, as_of=as_of)
    loaded = {**network.summary(), "connected_after_as_of": len(network.people) - len(then.people)}
    emit(render_summary(loaded, fmt=fmt, as_of=as_of, health=review))


@cli.command(name="export")
@network_argument
@format_option("csv", "gexf", "graphml", "json")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), required=True,
    help="The file to write, or - for standard output.",
)  # fmt: skip
@with_option
@team_option
@industry_map_option
@months_option
@sharing_options
@as_of_option
def export_command(
    export: str,
    network: Network,
    fmt: str,
    output: str,
    others: tuple[str, ...],
    workspace: str | None,
    industry_map: dict[str, str] | None,
    months: int,
    redact: bool,
    quiet: bool,
    as_of: dt.date,
) -> None:
    """Write the people of the network, or the merged graph, to a file.

    CSV: one row per person with name, url, company, position, connected_on, industry,
    function, seniority, tier, last_interaction, last_contact, days_since, messages and
    strength; cells a spreadsheet would run as formulas are neutralised. GEXF (Gephi),
    GraphML (Cytoscape, yEd) and JSON (networkx node-link): the graph of your export merged
    with --with exports (or a --team workspace), labelled with names, the same figures and a
    community as node attributes. --redact writes initials, and no profile URL or position.

    \b
    Examples:
      netlens export export.zip --format csv -o people.csv
      netlens export me.zip --with maya.zip --format gexf -o team.gexf
    """
    import netlens
    from netlens.output import BOM, write_atomic
    from netlens.render.people import render_people_csv

    if workspace:  # the members' exports are this command's inputs too
        from netlens.workspace import members

        for member in members(workspace)["members"]:
            remember_input(member["source"])
    if output != "-":
        check_output(output)
    if (others or workspace) and fmt == "csv":
        raise click.UsageError(
            "--with and --team merge exports into a graph: use --format gexf, graphml or json"
        )
    if others and workspace:
        raise click.UsageError("--team takes the place of --with: give one or the other")
    network = network.until(as_of)
    if fmt != "csv":
        from netlens.export import write_graph

        if workspace:
            from netlens.workspace import teammates

            team = netlens.merge(network, teammates(workspace, network), as_of=as_of)
        else:
            team = netlens.merge(network, load_teammates(others, quiet), as_of=as_of)
        data = write_graph(team, fmt, network=network, as_of=as_of, months=months,
                           industry_map=industry_map, redact=redact)  # fmt: skip
        if output == "-":
            click.echo(data.decode("utf-8"), nl=False)
        else:
            write_atomic(output, data)
            if not quiet:
                click.echo(
                    f"Wrote {team.graph.number_of_nodes():,} people and "
                    f"{team.graph.number_of_edges():,} ties to {output}",
                    err=True,
                )
        return
    people = netlens.classify_people(network.people, industry_map=industry_map)
    ties = netlens.relationships(network, as_of=as_of, months=months)
    text = render_people_csv(people, ties, redact=redact)
    if output == "-":
        emit(text)
        return
    write_atomic(output, BOM + text)  # the BOM tells Excel the file is UTF-8
    if not quiet:
        click.echo(f"Wrote {len(people):,} people to {output}", err=True)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@click.option(
    "--connections", type=click.IntRange(min=1), default=1000, show_default=True,
    help="Connections per export.",
)  # fmt: skip
@click.option(
    "--messages", type=click.IntRange(min=0), default=None,
    help="Messages per export.  [default: 10 × connections]",
)  # fmt: skip
@click.option(
    "--team", type=click.IntRange(min=1), default=1, show_default=True,
    help="Write this many exports of people who know each other.",
)  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@as_of_option(
    help="The day the exports end on (their newest records, and their files' dates in the "
    "zip). Default: today; give a date for the same bytes on any day."
)
def sample(
    directory: str, connections: int, messages: int | None, team: int, seed: int, as_of: dt.date
) -> None:
    """Write realistic synthetic LinkedIn exports (invented people) into DIRECTORY.

    Each export is a zip in today's LinkedIn format, deterministic for a given seed and
    --as-of date. Use them to try netlens, or to benchmark it.

    \b
    Examples:
      netlens sample demo/
      netlens sample team/ --team 4 --connections 1500 --seed 7
    """
    from netlens.errors import NetlensError
    from netlens.sample import write_samples

    try:
        paths = write_samples(
            directory, connections=connections, messages=messages, team=team, seed=seed,
            as_of=as_of,
        )  # fmt: skip
    except (ValueError, OSError) as exc:
        raise NetlensError(f"{directory}: cannot write samples ({exc})") from exc
    for path in paths:
        click.echo(str(path))
