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
    from netlens.charts import Drawing
    from netlens.model import Network
    from netlens.report.model import Report

FILES = {"html": "index.html", "md": "report.md", "json": "report.json"}  # written by default
CHARTED = ("html", "md")  # the formats that show the charts


def _formats(fmt: str | None) -> list[str]:
    """The formats to render for ``--format`` (all the files when it is left out)."""
    return list(FILES) if fmt is None else [fmt]


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


def _drawing(params: dict) -> contextlib.AbstractContextManager:
    """The charts' drawing, started before the export is read (its server imports the
    chart library meanwhile, on a core this process leaves idle), when charts are wanted."""
    if not any(f in CHARTED for f in _formats(params["fmt"])):
        return contextlib.nullcontext()
    from netlens.charts import Drawing

    return Drawing()


def _ready_the_review() -> None:
    """While messages.csv is still being read: the review's modules imported and the
    classification tables read (0.2-0.3 s at LinkedIn's cap, otherwise spent waiting)."""
    from netlens import classify
    from netlens.report import build  # noqa: F401

    classify.read_tables()


@cli.command()
@network_argument(idle=_ready_the_review, started={"drawing": _drawing})
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
    redact: bool, open_: bool, quiet: bool, as_of: dt.date, drawing: Drawing | None,
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
    from netlens.report.build import CHART_KEYS, STEPS, build_report
    from netlens.report.renderers import render, render_terminal_summary

    to_stdout = directory == "-"
    if to_stdout and fmt not in ("html", "json"):
        raise click.UsageError("-o - prints one file: add --format html or --format json")
    if open_ and (to_stdout or fmt in ("md", "json", "text")):
        raise click.UsageError("--open opens index.html: leave out --format, or use html")
    formats = _formats(fmt)
    folder = Path(directory)
    targets = [] if to_stdout or fmt == "text" else [folder / FILES[f] for f in formats]
    if targets:
        _prepare(folder, targets)

    team = merge(network, others, edges, as_of) if others or edges else None
    steps = len(STEPS) + (len(CHART_KEYS) if drawing else 0) + len(formats)
    with progress(steps, quiet) as advance:
        # Each chart goes to the drawing as soon as its section is built.
        review = build_report(
            network, as_of=as_of, months=months, industry_map=industry_map, team=team,
            exports=1 + len(others), redact=redact, top=top, progress=advance,
            on_chart=drawing.submit if drawing else None,
        )  # fmt: skip
        early: dict[str, str] = {}
        if drawing:
            # While the workers draw the last charts: what needs no chart image, and the
            # HTML page but for its images.
            for f in formats:
                if f in ("md", "json"):
                    advance(f"render: {f}")
                    early[f] = render(review, f)
            if "html" in formats:
                from netlens.report.html import render_html_ahead

                advance("render: html")
                with_images = render_html_ahead(review)
            drawing.finish(review, progress=lambda key: advance(f"chart: {key}"))
            if "html" in formats:
                early["html"] = with_images()
        rendered = {}
        for f in formats:
            if f not in early:
                advance(f"render: {f}")
            rendered[f] = early[f] if f in early else render(review, f)
    if fmt == "text" or to_stdout:
        emit(rendered[fmt])
        return
    removed = _write(folder, rendered, review)
    if not quiet:
        emit(render_terminal_summary(review))
        for target in targets:
            click.echo(f"Wrote {target}", err=True)
        for path in removed:
            click.echo(f"Removed {path} (left by an earlier report, now out of date)", err=True)
    if open_:
        page = folder / FILES["html"]
        # Waiting for the opener (xdg-open, open, start), which returns once the browser
        # is launched, is the only way to learn that there was none.
        if click.launch(str(page), wait=True) != 0:
            click.echo(f"Could not open a browser: open {page} yourself.", err=True)


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


def _write(folder: Path, rendered: dict[str, str], review: Report) -> list[Path]:
    """Write the report files, each complete or untouched — the chart images first, so that
    report.md never points at a missing one — then remove what an earlier report left in
    the folder that this one did not replace (an unredacted index.html beside a redacted
    report.md would leak what --redact hides). Only netlens' own files are removed."""
    from netlens.errors import NetlensError
    from netlens.output import write_atomic
    from netlens.report.build import CHART_KEYS

    charts = [folder / chart.file for chart in review.charts if chart.image and "md" in rendered]
    if charts:
        try:
            (folder / "charts").mkdir(exist_ok=True)
        except OSError as exc:
            raise NetlensError(f"{folder / 'charts'}: cannot be created ({exc.strerror})") from exc
    for path in charts:
        check_output(str(path))
    for chart in review.charts:
        if folder / chart.file in charts:
            write_atomic(folder / chart.file, chart.image)
    written = [write_atomic(folder / FILES[fmt], text) for fmt, text in rendered.items()]
    written += charts
    earlier = [folder / name for name in FILES.values()]
    earlier += [folder / "charts" / f"{key}.png" for key in CHART_KEYS]
    removed = [p for p in earlier if p not in written and p.is_file() and _made_by_netlens(p)]
    for path in removed:
        path.unlink()
    with contextlib.suppress(OSError):
        (folder / "charts").rmdir()  # only when left empty
    return removed


def _made_by_netlens(path: Path) -> bool:
    """Whether ``path`` is a report file netlens wrote (so it may be replaced or removed)."""
    if path.parent.name == "charts" and path.suffix == ".png":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
            fh.seek(max(0, path.stat().st_size - 4096))
            tail = fh.read()
    except OSError:
        return False
    if path.name == FILES["html"]:
        return b'<meta name="generator" content="netlens' in head
    if path.name == FILES["json"]:
        return head.startswith(b"{") and b'"netlens_version"' in head
    return head.startswith(b"# ") and b"_Made by netlens" in tail
