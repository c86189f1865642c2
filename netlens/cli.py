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


def industry_map_option(func: Callable) -> Callable:
    """``--industry-map CSV``: the user's own ``company,industry`` file, read into a dict."""

    @click.option(
        "--industry-map",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        help="Your own company,industry CSV; it beats netlens' guesses.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, industry_map: str | None, **kwargs: Any) -> Any:
        from netlens.classify import read_industry_map

        mapping = read_industry_map(industry_map) if industry_map else None
        return func(*args, industry_map=mapping, **kwargs)

    return wrapper


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
@export_argument
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
@as_of_option
@owner_options
def diversity(
    export: str,
    by: str,
    fmt: str,
    industry_map: dict[str, str] | None,
    unknown_out: str | None,
    as_of: dt.date,
    owner_url: str | None,
    owner_name: str | None,
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
    from netlens.analyze.diversity import diversity as measure
    from netlens.classify import classify_people
    from netlens.output import write_atomic
    from netlens.report.diversity import render_diversity, render_unknown_companies

    network = netlens.load(export, owner_url=owner_url, owner_name=owner_name)
    people = classify_people(network.people, industry_map=industry_map)
    emit(render_diversity(measure(people, by=by), fmt=fmt, as_of=as_of, source=export))
    if unknown_out:
        write_atomic(unknown_out, render_unknown_companies(people))
        click.echo(f"Wrote the companies without an industry to {unknown_out}", err=True)


@cli.command(name="export")
@export_argument
@format_option("csv")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), required=True,
    help="The file to write.",
)  # fmt: skip
@industry_map_option
@owner_options
def export_command(
    export: str,
    fmt: str,
    output: str,
    industry_map: dict[str, str] | None,
    owner_url: str | None,
    owner_name: str | None,
) -> None:
    """Write the people of the network, classified, to a file.

    CSV: one row per person with name, url, company, position, connected_on, industry,
    function and seniority; cells a spreadsheet would run as formulas are neutralised.

    \b
    Example:
      netlens export export.zip --format csv -o people.csv
    """
    import netlens
    from netlens.classify import classify_people
    from netlens.output import write_atomic
    from netlens.report.people import render_people_csv

    network = netlens.load(export, owner_url=owner_url, owner_name=owner_name)
    people = classify_people(network.people, industry_map=industry_map)
    write_atomic(output, render_people_csv(people))
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
