"""The ``netlens`` command line: parse options, make one library call, render the result.

Only this module turns a :class:`~netlens.errors.NetlensError` into ``Error: …`` and exit 1;
click's own usage errors exit 2. Heavy libraries are imported inside the commands so that
``netlens --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from netlens import __version__
from netlens.errors import NetlensError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class NetlensGroup(click.Group):
    """A group whose commands report NetlensError as ``Error: …`` (exit 1), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NetlensError as exc:
            if ctx.meta.get("netlens.debug"):
                raise
            raise click.ClickException(str(exc)) from exc
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.meta.get("netlens.debug"):
                raise
            raise click.ClickException(
                f"netlens hit an unexpected problem ({type(exc).__name__}: {exc}) — "
                "run the same command with --debug and report what it prints"
            ) from exc


@click.group(cls=NetlensGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="netlens")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Review your professional network from your own LinkedIn data export.

    EXPORT is the zip LinkedIn sends you (any name, .zip.zip too), its extracted folder, or
    Connections.csv alone. Everything runs on this machine; nothing is sent anywhere.

    \b
    Examples:
      netlens summary Basic_LinkedInDataExport_11-21-2026.zip
      netlens summary Connections.csv --format json
      netlens sample demo/ --connections 800
    """
    ctx.meta["netlens.debug"] = debug


# Shared options -------------------------------------------------------------------------


def as_of_option(func: Callable) -> Callable:
    """``--as-of YYYY-MM-DD``: the date results are computed for (default today)."""

    @click.option(
        "--as-of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Compute as of this date (YYYY-MM-DD), for reproducible results. Default: today.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, as_of: dt.datetime | None, **kwargs: Any) -> Any:
        return func(*args, as_of=as_of.date() if as_of else dt.date.today(), **kwargs)

    return wrapper


def format_option(*choices: str) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def owner_options(func: Callable) -> Callable:
    """``--owner-url`` / ``--owner-name``: say whose export it is when netlens cannot tell."""
    func = click.option(
        "--owner-name", default=None, help="The export owner's name, if netlens gets it wrong."
    )(func)
    return click.option(
        "--owner-url",
        default=None,
        help="The export owner's profile URL, if netlens gets it wrong.",
    )(func)


export_argument = click.argument("export", type=click.Path(path_type=str))


def emit(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


# Commands -------------------------------------------------------------------------------


@cli.command()
@export_argument
@format_option("text", "json")
@as_of_option
@owner_options
def summary(
    export: str, fmt: str, as_of: dt.date, owner_url: str | None, owner_name: str | None
) -> None:
    """What was loaded: files, counts, date range, warnings.

    \b
    Example:
      netlens summary Basic_LinkedInDataExport_11-21-2026.zip --format json
    """
    import netlens
    from netlens.report.summary import render_summary

    network = netlens.load(export, owner_url=owner_url, owner_name=owner_name)
    emit(render_summary(network.summary(), fmt=fmt, as_of=as_of))


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
@as_of_option
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
    from netlens.sample import write_samples

    paths = write_samples(
        directory, connections=connections, messages=messages, team=team, seed=seed, as_of=as_of
    )
    for path in paths:
        click.echo(str(path))


def main() -> None:
    cli(prog_name="netlens")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
