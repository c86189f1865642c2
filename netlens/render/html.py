"""The report as one self-contained HTML page.

Everything is inline — the stylesheet, the charts (base64 PNG) — and nothing is fetched: a
Content-Security-Policy forbids any script, font, frame or remote image, and allows only
this page's own stylesheet (by its hash) and ``data:`` images. Every string is escaped by
jinja2's autoescaping, so a name like ``<script>`` stays text.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

from netlens.report.model import Report
from netlens.text import inert

__all__ = ["render_html"]


@cache
def _template():
    return _environment().get_template("report.html.j2")


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("netlens.render", "templates"),
        autoescape=True,  # every value is escaped unless marked safe; none is
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=inert,  # no name reorders the text around it
    )
    env.filters["number"] = lambda v: (
        f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else ("" if v is None else v)
    )
    env.filters["base64"] = _base64
    return env


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def render_html(report: Report) -> str:
    """The page for ``report``; charts are embedded when drawn
    (:func:`netlens.charts.draw_charts`), else their tables stand alone."""
    css = resources.files("netlens.render").joinpath("templates/report.css").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; img-src data:; "
        f"style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return _template().render(report=report, css=css, policy=policy)
