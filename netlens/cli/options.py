"""Options shared by several commands, as decorators."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import click

__all__ = [
    "as_of_option",
    "emit",
    "format_option",
    "industry_map_option",
    "months_option",
    "network_argument",
]


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


def months_option(func: Callable) -> Callable:
    return click.option(
        "--months",
        type=click.IntRange(min=1),
        default=12,
        show_default=True,
        help="A tie is active when the last interaction is at most this many months old.",
    )(func)


def network_argument(func: Callable) -> Callable:
    """The EXPORT argument and ``--owner-url`` / ``--owner-name``; the command receives the
    loaded ``network`` and ``export`` (the path as given)."""

    @click.argument("export", type=click.Path(path_type=str))
    @click.option(
        "--owner-url",
        default=None,
        help="The export owner's profile URL, if netlens gets it wrong.",
    )
    @click.option(
        "--owner-name", default=None, help="The export owner's name, if netlens gets it wrong."
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any, export: str, owner_url: str | None, owner_name: str | None, **kwargs: Any
    ) -> Any:
        import netlens

        network = netlens.load(export, owner_url=owner_url, owner_name=owner_name)
        return func(*args, export=export, network=network, **kwargs)

    return wrapper


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
