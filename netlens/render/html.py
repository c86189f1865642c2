"""The report as one self-contained HTML page.

Everything is inline — the stylesheet, the charts (base64 PNG), the network map's scripts
(sigma.js and graphology, vendored in ``vendor/``, and the page's own ``report.js``) and its
data — and nothing is fetched: a Content-Security-Policy (``default-src 'none'``) allows
only this page's own stylesheet and scripts, each by its hash, and ``data:`` images. Every
string is escaped by jinja2's autoescaping, so a name like ``<script>`` stays text; the
map's data is JSON in a ``<script type="application/json">`` block, with ``<``, ``>`` and
``&`` written as ``\\u`` escapes so that no text can end the block; the page's script puts
texts on the page as text nodes only. Without JavaScript, the page shows the map as a
picture and every table in full.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from markupsafe import Markup

from netlens.report.model import Report
from netlens.text import inert

__all__ = ["SORTABLE_TABLES", "render_html"]

SORTABLE_TABLES = ("reengage", "tiers")  # the report's tables of people, beside the contacts
VENDORED = ("vendor/graphology.umd.min.js", "vendor/sigma.min.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


@cache
def _template():
    return _environment().get_template("report.html.j2")


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("netlens.render", "templates"),
        autoescape=True,  # every value is escaped unless marked safe; none from an export is
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_inert,  # no name reorders the text around it
    )
    env.filters["number"] = lambda v: (
        f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else ("" if v is None else v)
    )
    env.filters["base64"] = _base64
    return env


class Trusted(Markup):
    """Markup that netlens wrote and made inert itself (the contacts table, the map's data,
    the scripts): the template shows it as it is, without searching its megabytes again."""


def _inert(value: Any) -> Any:
    return value if isinstance(value, Trusted) else inert(value)


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _hash(text: str) -> str:
    return "'sha256-" + _base64(hashlib.sha256(text.encode("utf-8")).digest()) + "'"


@cache
def _file(name: str) -> str:
    return resources.files("netlens.render").joinpath(name).read_text("utf-8")


def render_html(report: Report) -> str:
    """The page for ``report``; charts are embedded when drawn
    (:func:`netlens.charts.draw_charts`), else their tables stand alone. With the report's
    contacts (:attr:`Report.contacts`), the page has the network map and the contacts
    table."""
    people = _people(report) if report.contacts and report.contacts["name"] else None
    css = _file("templates/report.css")
    scripts = []
    if people:
        css += "\n" + people.pop("css")
        scripts = [_file(name) for name in VENDORED] + [_file("templates/report.js")]
    script_src = " ".join(_hash(script) for script in scripts) or "'none'"
    policy = (
        f"default-src 'none'; img-src data:; style-src {_hash(css)}; script-src {script_src}; "
        "base-uri 'none'; form-action 'none'"
    )
    return _template().render(
        report=report,
        css=css,
        policy=policy,
        people=people,
        scripts=[Trusted(script) for script in scripts],
        sortable_tables=SORTABLE_TABLES,
    )


def _people(report: Report) -> dict[str, Any]:
    """What the page's map and contacts table need (see the template)."""
    from netlens.render.map import layout, map_data, map_png

    contacts = report.contacts
    assert contacts is not None
    data = map_data(contacts, layout(contacts))
    count = data["n"]
    communities = bool(contacts["communities"])
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _JSON_ESCAPES.items():
        text = text.replace(character, escaped)
    css = "\n".join(
        [f".industry-{i} {{ background: {c}; }}" for i, c in enumerate(data["industry_colours"])]
        + [f".tier-{i} {{ background: {c}; }}" for i, c in enumerate(data["tier_colours"])]
    )
    grouping = (
        "clustered by community (who knows whom, from the ties netlens was given), the rest "
        "by industry"
        if communities
        else "clustered by industry, and by company inside each industry"
    )
    return {
        "count": count,
        "css": css,
        "data": Trusted(inert(text)),
        "png": map_png(data),
        "intro": f"Every contact is a dot, {grouping}; the larger the dot, the stronger the tie "
        "(recent messages, endorsements and recommendations). You are the black dot"
        + (", and so are your teammates" if data["teammates"] else "")
        + ". Hover over a dot for the name, click it for the card, or find someone by name "
        "or company; drag to move, scroll or pinch to zoom.",
        "alt": f"A map of {count:,} contacts as dots, {grouping}, coloured by industry.",
        "note": "The layout is computed by netlens, the same for the same export; the map is "
        "drawn inside this page, and nothing is fetched.",
        "industries": [
            {"name": name, "count": n}
            for name, n in zip(data["industries"], data["industry_count"], strict=True)
        ],
        "tiers": [
            {"name": name, "count": n}
            for name, n in zip(data["tiers"], data["tier_count"], strict=True)
        ],
        "teammates": bool(data["teammates"]),
        "table": Trusted(_contacts_table(contacts, redacted=report.redacted)),
        "reengage": contacts["reengage"],
        "links": contacts["link"],
    }


def _contacts_table(contacts: dict[str, Any], *, redacted: bool) -> str:
    """The contacts table, one row a contact in the map's order, written directly (jinja2
    takes a second for 30,000 rows). Cells are escaped as the template escapes them."""
    columns = [
        ("name", "Name"),
        ("company", "Company"),
        *([] if redacted else [("position", "Position")]),
        ("tier", "Tier"),
        ("connected_on", "Connected on"),
        ("last_contact", "Last contact"),
    ]
    tier_column = [key for key, _ in columns].index("tier")
    head = "".join(f'<th scope="col" data-key="{_KEYS[k]}">{title}</th>' for k, title in columns)
    lines = [
        f'<div class="table-wrap"><table class="people" id="contacts-table" data-sortable '
        f'data-tier-column="{tier_column}">',
        f"<thead><tr>{head}</tr></thead><tbody>",
    ]
    names, *cells = (_cells(contacts[key]) for key, _ in columns)
    if not redacted:  # profile links are made of URL-safe characters only (profile_link)
        names = [
            f'<a href="{link}">{name}</a>' if link else name
            for name, link in zip(names, contacts["link"], strict=True)
        ]
    lines.extend(map("<tr><td>".__add__, map("<td>".join, zip(names, *cells, strict=True))))
    lines.append("</tbody></table></div>")
    return "\n".join(lines)


_KEYS = {
    "name": "name",
    "company": "company",
    "position": "position",
    "tier": "tier",
    "connected_on": "connected",
    "last_contact": "last",
}


def _cells(values: list[Any]) -> list[str]:
    """Each value as the text of a cell (None empty), escaped and made inert: the column
    at once when no value holds a line break (they separate the values here)."""
    texts = [value or "" for value in values]  # texts already, or None
    joined = "\n".join(texts)
    if joined.count("\n") == len(texts) - 1:
        cells = escape(inert(joined), quote=False).split("\n")
        if len(cells) == len(texts):
            return cells
    return [escape(inert(text), quote=False) for text in texts]
