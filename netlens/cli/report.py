"""The ``report`` command: the whole review, in the terminal and as files."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from netlens.cli import cli
from netlens.cli.options import (
    as_of_option,
    check_output,
    emit,
    industry_map_option,
    months_option,
    network_argument,
)
from netlens.cli.team import edges_option, merge, with_option

if TYPE_CHECKING:
    from netlens.model import Network

FILES = {"html": "index.html", "md": "report.md", "json": "report.json"}


@contextlib.contextmanager
def progress(total: int, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A progress bar on standard error when it is a terminal; nothing when piped or
    quiet. Yields ``advance(step_name)``."""
    if quiet or not sys.stderr.isatty():
        yield lambda name: None
        return
    with click.progressbar(
        length=total, label="Reviewing", file=sys.stderr, item_show_func=lambda name: name,
        show_eta=False,
    ) as bar:  # fmt: skip
        yield lambda name: bar.update(1, name)


@cli.command()
@network_argument
@click.option(
    "-o", "--output", "directory", default="netlens-report", show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The folder to write the report into (created if missing), or - for standard "
    "output with --format html|json.",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["html", "md", "json", "text"]), default=None,
    help="Write only this format (text: print the whole review here).  "
    "[default: index.html, report.md with charts/, report.json]",
)  # fmt: skip
@with_option
@edges_option
@industry_map_option
@months_option
@click.option(
    "--top", type=click.IntRange(min=1), default=15, show_default=True,
    help="How many contacts the re-engage list shows.",
)  # fmt: skip
@click.option(
    "--redact", is_flag=True,
    help="For sharing: third parties by their initials, without profile URLs, e-mail "
    "addresses or positions.",
)  # fmt: skip
@click.option("--open", "open_", is_flag=True, help="Open index.html in your browser.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@as_of_option
def report(
    export: str, network: Network, directory: str, fmt: str | None, others: tuple[str, ...],
    edges: str | None, industry_map: dict[str, str] | None, months: int, top: int,
    redact: bool, open_: bool, quiet: bool, as_of: dt.date,
) -> None:  # fmt: skip
    """The full review of your network: a health score, growth, reach, diversity, stale
    ties and whom to re-engage, with charts.

    Prints a short summary and writes DIR/index.html (one self-contained page: open it in
    any browser, offline), DIR/report.md with its charts in DIR/charts/, and
    DIR/report.json. Merge teammates' exports with --with to see whom they can introduce
    you to.

    \b
    Examples:
      netlens report Basic_LinkedInDataExport_11-21-2026.zip --open
      netlens report me.zip --with maya.zip --with ravi.zip -o team-review
      netlens report me.zip --redact -o to-share
      netlens report me.zip --format text | less -R
    """
    from netlens.report.build import STEPS, build_report
    from netlens.report.renderers import render, render_terminal_summary

    to_stdout = directory == "-"
    if to_stdout and fmt not in ("html", "json"):
        raise click.UsageError("-o - prints one file: add --format html or --format json")
    if open_ and (to_stdout or fmt in ("md", "json", "text")):
        raise click.UsageError("--open opens index.html: leave out --format, or use html")
    formats = ["html", "md", "json"] if fmt is None else [fmt]
    folder = Path(directory)
    targets = [] if to_stdout or fmt == "text" else [folder / FILES[f] for f in formats]
    if targets:
        _prepare(folder, targets)

    team = merge(network, others, edges, as_of) if others or edges else None
    charted = any(f in ("html", "md") for f in formats)
    with progress(len(STEPS) + (8 if charted else 0) + len(formats), quiet) as advance:
        review = build_report(
            network, as_of=as_of, months=months, industry_map=industry_map, team=team,
            exports=1 + len(others), redact=redact, top=top, progress=advance,
        )  # fmt: skip
        if charted:
            from netlens.charts import draw_charts

            draw_charts(review, progress=lambda key: advance(f"chart: {key}"))
        rendered = {}
        for f in formats:
            advance(f"render: {f}")
            rendered[f] = render(review, f)
    if fmt == "text" or to_stdout:
        emit(rendered[fmt])
        return
    _write(folder, rendered, review)
    if not quiet:
        emit(render_terminal_summary(review))
        for target in targets:
            click.echo(f"Wrote {target}", err=True)
    if open_:
        click.launch(str(folder / FILES["html"]))


def _prepare(folder: Path, targets: list[Path]) -> None:
    """Create the output folder (its parent must exist) and refuse to overwrite an input."""
    from netlens.errors import NetlensError

    if not folder.parent.is_dir():
        raise NetlensError(f"{folder}: the folder {folder.parent} does not exist — create it first")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise NetlensError(f"{folder}: cannot create the report folder ({exc.strerror})") from exc
    for target in targets:
        check_output(str(target))


def _write(folder: Path, rendered: dict[str, str], review) -> None:
    """Each file complete or untouched; the chart images first, so that report.md never
    points at a missing one."""
    from netlens.output import write_atomic

    if "md" in rendered:
        charts = folder / "charts"
        charts.mkdir(exist_ok=True)
        for chart in review.charts:
            if chart.image:
                write_atomic(folder / chart.file, chart.image)
    for fmt, text in rendered.items():
        write_atomic(folder / FILES[fmt], text)
