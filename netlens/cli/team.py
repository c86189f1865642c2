"""Commands that merge several exports: ``reach`` and ``intros``, with the teammates'
exports given one by one (``--with``) or as a team workspace (``--team``, see
:mod:`netlens.cli.workspace`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from netlens.cli import cli
from netlens.cli.options import (
    as_of_option,
    emit,
    format_option,
    network_argument,
    remember_input,
    sharing_options,
    shown,
    status,
)

if TYPE_CHECKING:
    from netlens.model import Network


def _remember_all(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    for path in value if isinstance(value, tuple) else [value] if value else []:
        remember_input(path)
    return value


def with_option(func: Callable) -> Callable:
    return click.option(
        "--with",
        "others",
        multiple=True,
        type=click.Path(path_type=str),
        callback=_remember_all,
        help="A teammate's export to merge (repeat for several).",
    )(func)


def edges_option(func: Callable) -> Callable:
    return click.option(
        "--edges",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        callback=_remember_all,
        help="A CSV of known ties: two profile URLs or names per row.",
    )(func)


def team_option(func: Callable) -> Callable:
    return click.option(
        "--team",
        "workspace",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        callback=_remember_all,
        help="A team workspace (netlens team add) to merge, in place of --with.",
    )(func)


def load_teammates(
    others: tuple[str, ...], quiet: bool = False, parts: str = "all"
) -> list[Network]:
    """The teammates' exports given with --with, each read by :func:`netlens.load` (only
    the ``parts`` the command needs: the connections alone are read in one batch)."""
    import netlens

    if parts == "connections":
        return netlens.load_each(
            others, reading=lambda path: status(f"Reading {path}…", quiet=quiet)
        )
    teammates = []
    for path in others:
        with status(f"Reading {path}…", quiet=quiet):
            teammates.append(netlens.load(path, parts=parts))
    return teammates


def first_hop_teammates(
    network: Network, others: tuple[str, ...], quiet: bool = False
) -> list[Network]:
    """The teammates for ``intros``: their connections, and their messages only where they
    weigh a first hop (a tie between the teammate and the owner of ``network``, whose
    strength orders the paths)."""
    import netlens
    from netlens.identity import owner_node

    me, contacts = owner_node(network), set(network.people["person_id"])
    teammates = load_teammates(others, quiet, parts="connections")
    for i, (path, teammate) in enumerate(zip(others, teammates, strict=True)):
        if owner_node(teammate) in contacts or (teammate.people["person_id"] == me).any():
            with status(f"Reading {path}…", quiet=quiet):
                teammates[i] = netlens.load(path)
    return teammates


def _one_source(others: tuple[str, ...], edges: str | None, workspace: str | None) -> None:
    if workspace and (others or edges):
        raise click.UsageError(
            "--team takes the place of --with and --edges: give one or the other"
        )


def read_edges(edges: str | None) -> list[tuple[str, str]]:
    import netlens

    return netlens.read_edges(edges) if edges else []


@cli.command()
@network_argument
@with_option
@edges_option
@team_option
@format_option("text", "json")
@sharing_options
@as_of_option
def reach(
    export: str, network: Network, others: tuple[str, ...], edges: str | None,
    workspace: str | None, fmt: str, redact: bool, quiet: bool, as_of: dt.date,
) -> None:  # fmt: skip
    """How far the network reaches: 1st, 2nd and 3rd degree, bridges, redundancy.

    One export shows only your own connections; merge teammates' exports (--with), a team
    workspace (--team) or known ties (--edges) to see the second and third degree.

    \b
    Examples:
      netlens reach me.zip --with maya.zip --with ravi.zip
      netlens reach me.zip --team team.duckdb
      netlens reach me.zip --edges ties.csv --format json
    """
    import netlens
    from netlens.render.team import render_reach

    _one_source(others, edges, workspace)
    if workspace:
        from netlens.workspace import reach as workspace_reach

        result = workspace_reach(workspace, network.until(as_of), as_of=as_of)
    elif others and not edges:
        from netlens.workspace import reach_exports

        teammates = load_teammates(others, quiet, parts="connections")
        with status(f"Merging {len(teammates) + 1} exports…", quiet=quiet):
            result = reach_exports(network, teammates, as_of=as_of)
    else:
        teammates = load_teammates(others, quiet, parts="connections")
        result = netlens.reach(
            netlens.merge(network, teammates, edges=read_edges(edges), as_of=as_of)
        )
    result, source = shown(result, export, redact)
    emit(render_reach(result, fmt, as_of, source))


@cli.command()
@network_argument
@with_option
@edges_option
@team_option
@click.option("--to", "person", default=None, help="The person to reach: a name or profile URL.")
@click.option("--company", default=None, help="Anyone at this company.")
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Paths to show."
)
@format_option("text", "json")
@sharing_options
@as_of_option
def intros(
    export: str, network: Network, others: tuple[str, ...], edges: str | None,
    workspace: str | None, person: str | None, company: str | None, top: int, fmt: str,
    redact: bool, quiet: bool,
    as_of: dt.date,
) -> None:  # fmt: skip
    """Who can introduce you to a person, or to anyone at a company.

    Shortest paths through the merged exports, shorter first, then the stronger first hop.

    \b
    Examples:
      netlens intros me.zip --with maya.zip --company "Acme Freight"
      netlens intros me.zip --with maya.zip --to "Ravi Shah"
      netlens intros me.zip --team team.duckdb --company "Acme Freight"
    """
    import netlens
    from netlens.errors import NetlensError, NoMatchError
    from netlens.render.team import render_intros

    if (person is None) == (company is None):
        raise click.UsageError("say whom to reach: --to PERSON or --company NAME (one of them)")
    _one_source(others, edges, workspace)
    if workspace:
        from netlens.workspace import teammates as workspace_teammates

        teammates = workspace_teammates(workspace, network, interactions="first hop")
    else:
        teammates = first_hop_teammates(network, others, quiet)
    team = netlens.merge(network, teammates, edges=read_edges(edges), as_of=as_of)
    try:
        result = netlens.intros(team, to=person, company=company, top=top)
    except NoMatchError as exc:
        if redact:  # its suggestions name people
            raise NetlensError(exc.redacted) from None
        raise
    emit(render_intros(shown(result, export, redact)[0], fmt, as_of))
