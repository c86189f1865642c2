"""The ``netlens`` command line: parse options, make one library call, render the result.

Only this package turns a :class:`~netlens.errors.NetlensError` into ``Error: …`` and exit
1; click's own usage errors exit 2. Heavy libraries are imported inside the commands so
that ``netlens --help`` stays fast. One module per command group:

- :mod:`netlens.cli.data` — ``summary``, ``export``, ``sample``: what is in the export;
- :mod:`netlens.cli.review` — ``diversity``, ``stale``, ``reengage``, ``growth``,
  ``diff``: the review of the network, question by question;
- :mod:`netlens.cli.report` — ``report``: the whole review, with charts;
- :mod:`netlens.cli.team` — ``reach``, ``intros``: several exports merged;
- :mod:`netlens.cli.plan` — ``plan``, ``person``: from the review to action;
- :mod:`netlens.cli.workspace` — ``team add|list|export-parquet``: a team workspace.
"""

from __future__ import annotations

import gc
from typing import Any

import click

from netlens import __version__
from netlens.errors import NetlensError
from netlens.text import one_line

__all__ = ["cli", "main"]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class NetlensGroup(click.Group):
    """A group whose commands report NetlensError as ``Error: …`` (exit 1), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NetlensError as exc:
            if ctx.meta.get("netlens.debug"):
                raise
            raise click.ClickException(one_line(str(exc))) from exc
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.meta.get("netlens.debug"):
                raise
            raise click.ClickException(
                one_line(
                    f"netlens hit an unexpected problem ({type(exc).__name__}: {exc}) — "
                    "run the same command with --debug and report what it prints"
                )
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
      netlens report Basic_LinkedInDataExport_11-21-2026.zip --open
      netlens summary Basic_LinkedInDataExport_11-21-2026.zip
      netlens reengage export.zip --top 10
      netlens diversity export.zip --by seniority
      netlens sample demo/ --connections 800
    """
    ctx.meta["netlens.debug"] = debug


def main() -> None:
    try:
        cli(prog_name="netlens")
    finally:
        # Everything left is freed as the interpreter exits, and the collector would walk
        # it several times on the way out: 0.2-0.3 s after a large export. Frozen objects
        # are not walked.
        gc.freeze()


# Register the commands (import for their side effect on `cli`).
from netlens.cli import data, plan, report, review, team, workspace  # noqa: E402, F401
