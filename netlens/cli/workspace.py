"""``netlens team``: a team workspace, many members' exports in one DuckDB file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from netlens.cli import cli
from netlens.cli.options import emit, format_option, remember_input, sharing_options


@cli.group()
def team() -> None:
    """A team workspace: many members' exports in one file, merged in seconds.

    Add each member's export once (a newer export of the same person replaces the older);
    then reach, intros and export take --team WORKSPACE in place of --with. The workspace
    keeps people, connections and interactions, never message text.

    \b
    Examples:
      netlens team add team.duckdb maya.zip ravi.zip
      netlens team list team.duckdb
      netlens reach me.zip --team team.duckdb
    """


@team.command()
@click.argument("workspace", type=click.Path(dir_okay=False, path_type=str))
@click.argument("exports", nargs=-1, required=True, type=click.Path(path_type=str))
@format_option("text", "json")
@sharing_options
def add(workspace: str, exports: tuple[str, ...], fmt: str, redact: bool, quiet: bool) -> None:
    """Add members' exports to WORKSPACE (made when missing).

    One member per export owner: a newer export of someone already in the workspace
    replaces theirs (and the connections that came and went are shown); an older one is
    skipped.

    \b
    Examples:
      netlens team add team.duckdb maya.zip ravi.zip
      netlens team add team.duckdb exports/*.zip --format json
      netlens team add team.duckdb maya-december.zip --redact
    """
    from netlens.cli.options import status
    from netlens.workspace import add as add_exports
    from netlens.workspace.ingest import adding, count_members
    from netlens.workspace.render import (
        redact_added,
        redact_one_added,
        render_added,
        render_count,
        render_one_added,
    )  # fmt: skip

    for path in exports:
        remember_input(path)
    if workspace in exports:
        raise click.UsageError(f"{workspace} is given both as the workspace and as an export")

    def reading(path: str) -> Any:
        return status(f"Reading {path}…", quiet=quiet)

    if fmt == "json":  # one document, at the end
        result = add_exports(workspace, exports, reading=reading)
        emit(render_added(redact_added(result) if redact else result, fmt))
        return
    # A line for each export as soon as it is in: a long run stopped half way has said
    # which ones are.
    for done in adding(workspace, exports, reading=reading):
        emit(render_one_added(redact_one_added(done) if redact else done))
    shown = Path(workspace).name if redact else workspace
    emit(render_count(shown, count_members(workspace)))


@team.command(name="list")
@click.argument("workspace", type=click.Path(dir_okay=False, path_type=str))
@format_option("text", "json")
@sharing_options
def list_command(workspace: str, fmt: str, redact: bool, quiet: bool) -> None:
    """Who is in WORKSPACE: each member, the date of their export, their connections.

    \b
    Examples:
      netlens team list team.duckdb
      netlens team list team.duckdb --redact
    """
    from netlens.workspace import members
    from netlens.workspace.render import redact_members, render_members

    result = members(workspace)
    emit(render_members(redact_members(result) if redact else result, fmt))


@team.command(name="export-parquet")
@click.argument("workspace", type=click.Path(dir_okay=False, path_type=str))
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@format_option("text", "json")
def export_parquet(workspace: str, directory: str, fmt: str) -> None:
    """Write WORKSPACE's tables to DIRECTORY as Parquet files (exports, connections,
    interactions, people): the same tables for Spark SQL or another engine (docs/scale.md).

    \b
    Example:
      netlens team export-parquet team.duckdb team-parquet/
    """
    from netlens.workspace import export_parquet as write_parquet
    from netlens.workspace.render import render_parquet

    emit(render_parquet(write_parquet(workspace, directory), fmt))
