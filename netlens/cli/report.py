"""The ``report`` command: the whole review, in the terminal and as files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from netlens.cli import cli
from netlens.cli.options import (
    as_of_option,
    emit,
    industry_map_option,
    inputs,
    months_option,
    network_argument,
    status,
    tz_option,
)
from netlens.cli.team import edges_option, load_teammates, read_edges, with_option

if TYPE_CHECKING:
    from netlens.model import Network


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
@tz_option
@click.option("--open", "open_", is_flag=True, help="Open index.html in your browser.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@as_of_option
def report(
    export: str, network: Network, directory: str, fmt: str | None, others: tuple[str, ...],
    edges: str | None, industry_map: dict[str, str] | None, months: int, top: int,
    redact: bool, tz: str | None, open_: bool, quiet: bool, as_of: dt.date,
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
    import netlens
    from netlens.render.files import FILES
    from netlens.render.renderers import render, render_terminal_summary

    to_stdout = directory == "-"
    if to_stdout and fmt not in ("html", "json"):
        raise click.UsageError("-o - prints one file: add --format html or --format json")
    if open_ and (to_stdout or fmt in ("md", "json", "text")):
        raise click.UsageError("--open opens index.html: leave out --format, or use html")
    teammates = load_teammates(others, quiet)
    printed = fmt == "text" or to_stdout
    with status("Reviewing…", quiet=quiet):
        review = netlens.review(
            network, teammates=teammates, edges=read_edges(edges), as_of=as_of, months=months,
            industry_map=industry_map, redact=redact, top=top, tz=tz,
        )  # fmt: skip
        if printed and fmt == "html":
            from netlens.charts import draw_charts

            draw_charts(review)
        if not printed:
            written = netlens.write_report(
                review, directory, list(FILES) if fmt is None else [fmt], inputs=inputs()
            )
    if printed:  # once the status line is gone
        emit(render(review, fmt))
        return
    if not quiet:
        emit(render_terminal_summary(review))
        for path in written.files:
            if path.name in FILES.values():
                click.echo(f"Wrote {path}", err=True)
        for path in written.removed:
            click.echo(f"Removed {path} (left by an earlier report, now out of date)", err=True)
    if open_:
        page = Path(directory) / FILES["html"]
        # Waiting for the opener (xdg-open, open, start), which returns once the browser
        # is launched, is the only way to learn that there was none.
        if click.launch(str(page), wait=True) != 0:
            click.echo(f"Could not open a browser: open {page} yourself.", err=True)
