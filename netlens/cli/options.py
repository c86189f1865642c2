"""Options shared by several commands, as decorators."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

__all__ = [
    "as_of_option",
    "check_output",
    "emit",
    "format_option",
    "industry_map_option",
    "inputs",
    "months_option",
    "network_argument",
    "quiet_option",
    "remember_input",
    "sharing_options",
    "shown",
    "status",
    "tz_option",
]


EARLIEST = dt.date(2003, 5, 5)  # LinkedIn's launch: nothing in an export is older
LATEST = dt.date(2100, 12, 31)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-21 (YYYY-MM-DD)") from None
    if not EARLIEST <= day <= LATEST:
        raise click.BadParameter(f"{value} is outside {EARLIEST} … {LATEST}")
    return day


AS_OF_HELP = (
    "Compute as of this date, for reproducible results. Default: the export's own date (in "
    "its file name, else its newest record)."
)


def as_of_option(func: Callable | None = None, *, help: str = AS_OF_HELP) -> Callable:
    """``--as-of YYYY-MM-DD``: the date results are computed for. Default: the export's own
    date (:meth:`netlens.model.Network.default_as_of`) when the command has read one (put
    this option under :func:`network_argument`), else today. A date long after the
    export's newest record gets a warning. ``@as_of_option(help=…)`` words it for a command
    that reads no export."""
    if func is None:
        return functools.partial(as_of_option, help=help)

    @click.option(
        "--as-of",
        metavar="YYYY-MM-DD",
        callback=_parse_date,
        default=None,
        help=help,
    )
    @functools.wraps(func)
    def wrapper(*args: Any, as_of: dt.date | None, **kwargs: Any) -> Any:
        from netlens.model import AsOf

        network = kwargs.get("network")
        if as_of is not None:
            as_of = AsOf.of(as_of, "given with --as-of")
        elif network is not None:
            as_of = network.default_as_of()
        else:
            as_of = AsOf.of(dt.date.today(), "today")
        warning = network.as_of_warning(as_of) if network is not None else None
        if warning and not kwargs.get("quiet"):
            click.echo(f"Warning: {warning}", err=True)
        return func(*args, as_of=as_of, **kwargs)

    return wrapper


def quiet_option(func: Callable) -> Callable:
    """``-q/--quiet``: no status line and no warnings."""
    return click.option(
        "-q", "--quiet", is_flag=True,
        help="No status line and no warnings: the result and errors only.",
    )(func)  # fmt: skip


def sharing_options(func: Callable) -> Callable:
    """``--redact`` and ``-q/--quiet``, for a command that prints people."""
    func = quiet_option(func)
    return click.option(
        "--redact", is_flag=True,
        help="Third parties by their initials only (no names, profile URLs or positions), "
        "and exports by file name: safe to share.",
    )(func)  # fmt: skip


def shown(result: Any, source: str, redact: bool) -> tuple[Any, str]:
    """A command's result and the export's name as ``--redact`` lets them be printed."""
    if not redact:
        return result, source
    from pathlib import Path

    from netlens.report.redact import redact_result

    return redact_result(result), Path(source).name


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
        type=click.IntRange(min=1, max=35),
        default=12,
        show_default=True,
        help="A tie is active when the last contact is at most this many months old "
        "(under 36: older than that, a tie is dormant).",
    )(func)


def _owner_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A profile URL in any spelling, or just its slug (``maya-cohen``)."""
    if value is None:
        return None
    from netlens.identity import normalize_url

    url = normalize_url(value if "/" in value else f"linkedin.com/in/{value}")
    if not url or not url.startswith("linkedin.com/in/") or url == "linkedin.com/in":
        raise click.BadParameter(
            f"{value!r} is not a LinkedIn profile URL like https://www.linkedin.com/in/your-name"
        )
    return url


def remember_input(path: str) -> None:
    """Inputs a command must never overwrite (see :func:`inputs`)."""
    click.get_current_context().meta.setdefault("netlens.inputs", []).append(path)


def inputs() -> list[str]:
    """The inputs of the running command: EXPORT, --with, --edges, --industry-map."""
    return list(click.get_current_context().meta.get("netlens.inputs", []))


def check_output(path: str) -> None:
    """Refuse to write over one of the command's own inputs, or into a missing folder —
    before anything is written or printed."""
    from pathlib import Path

    from netlens.errors import NetlensError
    from netlens.output import check_not_input

    check_not_input(path, inputs())
    folder = Path(path).expanduser().parent
    if not folder.is_dir():
        raise NetlensError(f"{path}: the folder {folder} does not exist — create it first")


def network_argument(func: Callable) -> Callable:
    """The EXPORT argument and ``--owner-url`` / ``--owner-name``; the command receives the
    loaded ``network`` and ``export`` (the path as given)."""

    @click.argument("export", type=click.Path(path_type=str))
    @click.option(
        "--owner-url",
        default=None,
        callback=_owner_url,
        help="The export owner's profile URL (or its slug), if netlens gets it wrong.",
    )
    @click.option(
        "--owner-name", default=None, help="The export owner's name, if netlens gets it wrong."
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any, export: str, owner_url: str | None, owner_name: str | None, **kwargs: Any
    ) -> Any:
        import netlens

        remember_input(export)
        quiet = kwargs.get("quiet", False)
        with status(f"Reading {export}…", quiet=quiet):
            network = netlens.load(export, owner_url=owner_url, owner_name=owner_name)
        if not quiet and click.get_current_context().info_name != "summary":  # it lists them
            for warning in network.report.missing:
                click.echo(f"Warning: {warning}", err=True)
        return func(*args, export=export, network=network, **kwargs)

    return wrapper


@contextlib.contextmanager
def status(text: str, quiet: bool = False) -> Iterator[None]:
    """``text`` on standard error while the block runs, when it is a terminal (work that
    takes seconds), wiped after; nothing when piped or quiet."""
    shown = sys.stderr.isatty() and not quiet
    if shown:
        click.echo(text, err=True, nl=False)
    try:
        yield
    finally:
        if shown:
            click.echo("\r\033[K", err=True, nl=False)


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

        mapping = None
        if industry_map:
            remember_input(industry_map)
            mapping = read_industry_map(industry_map)
        return func(*args, industry_map=mapping, **kwargs)

    return wrapper


def emit(text: str) -> None:
    """A command's output on standard output, export text shown safely on a terminal (see
    :func:`netlens.text.terminal`)."""
    from netlens.text import terminal

    click.echo(terminal(text), nl=not text.endswith("\n"))


def _time_zone(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from netlens.analyze.habits import time_zone
    from netlens.errors import NetlensError

    try:
        time_zone(value)
    except NetlensError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def tz_option(func: Callable) -> Callable:
    """``--tz ZONE``: the IANA time zone message times are shown in (default: as written)."""
    return click.option(
        "--tz",
        metavar="ZONE",
        callback=_time_zone,
        default=None,
        help="Your time zone (IANA, e.g. Europe/Berlin) for when you write; export times "
        "are UTC. Default: the export's own clock.",
    )(func)
