"""Matplotlib figures from the report's chart data, nothing else.

Each drawing function takes a :class:`~netlens.report.model.Chart` and returns a matplotlib
``Figure``; :func:`draw_charts` draws every chart of a report once, as PNG bytes that the
HTML (inline) and Markdown (files beside it) renderers share. Figures are made without
pyplot (no global state, no display needed) and rendered by the Agg backend.

One style throughout: the Okabe–Ito palette (distinguishable with the common forms of
colour blindness), grey for "other" and "unknown", no chart junk, and labels large enough
to read on a phone.
"""

from __future__ import annotations

import functools
import math
import threading
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from netlens import pngfile

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from netlens.report.model import Chart, Report

__all__ = ["DRAWERS", "chart_png", "draw", "draw_charts", "png"]

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour blindness types.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
# Groups (industries, communities), the same in the charts and the report's map: Okabe &
# Ito's first six, then Tol's wine (their yellow, #F0E442, is faint on white as dots).
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255")
OTHER = "#A0A0A0"
UNKNOWN = "#CBCBCB"
INK = "#222222"
MUTED = "#666666"
TIER_COLOURS = {
    "active": "#009E73", "fading": "#E69F00", "dormant": "#D55E00",
    "new": "#56B4E9", "never": "#CC79A7", "unknown": OTHER,
}  # fmt: skip
STATUS_COLOURS = {"good": "#009E73", "fair": "#E69F00", "poor": "#D55E00"}
DPI = 144
LABEL_BOX = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
MAX_DOTS = 4000  # dots in the radial drawing; beyond that they blur into each other
DRAWN_GROUPS = len(GROUP_COLOURS)  # groups coloured (netlens.report.describe): the rest, grey

STYLE = {
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "text.color": INK,
    "figure.facecolor": "white",
    "svg.fonttype": "none",
}


def _counts(axis: Any) -> None:
    """An axis of counts: ticks at whole numbers only, with thousands separators."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator("auto", steps=[1, 2, 2.5, 5, 10], integer=True))
    axis.set_major_formatter(lambda value, position: f"{value:,.0f}")


def _figure(width: float, height: float, *, legend_outside: bool = False) -> Figure:
    """A figure laid out by matplotlib's tight layout, which measures each axes' labels once
    (a third of the drawing time that the constrained layout's two passes took); the
    constrained layout where a figure legend goes beside the plot, which only it makes
    room for."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import TightLayoutEngine

    layout = "constrained" if legend_outside else TightLayoutEngine(pad=0.3)
    return Figure(figsize=(width, height), dpi=DPI, layout=layout)


def _titled(chart: Chart, width: float, height: float, **layout: bool) -> tuple[Figure, Any]:
    """A figure of one axes titled with the chart's title."""
    fig = _figure(width, height, **layout)
    ax = fig.subplots()
    ax.set_title(chart.title)
    return fig, ax


def _shorten(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _bar_colours(names: Iterable[str]) -> list[str]:
    colours = []
    for name in names:
        if name == "Unknown":
            colours.append(UNKNOWN)
        elif name.endswith(" more") or name.startswith("Other"):
            colours.append(OTHER)
        else:
            colours.append(PALETTE[0])
    return colours


def _hbars(ax: Any, bars: list[dict], *, colours: list[str] | None = None) -> None:
    """Horizontal bars, the largest on top, each labelled with its count."""
    # Long enough for LinkedIn's longest industry group name.
    names = [_shorten(b["name"], 52) for b in bars]
    counts = [b["count"] for b in bars]
    positions = list(range(len(bars)))[::-1]
    _bars(ax, positions, counts, colours=colours or _bar_colours(b["name"] for b in bars),
          horizontal=True)  # fmt: skip
    _row_labels(ax, positions, names)
    top = max(counts, default=0) or 1
    for y, n in zip(positions, counts, strict=True):
        ax.text(n + top * 0.01, y, f"{n:,}", va="center", fontsize=9, color=MUTED)
    ax.set_xlim(0, top * 1.15)
    ax.set_ylim(-0.6, len(bars) - 0.4)  # rows from just under the title
    ax.spines["bottom"].set_visible(False)
    ax.xaxis.set_visible(False)


def _row_labels(ax: Any, positions: list[int], names: list[str]) -> None:
    """Each bar's name left of the plot, where a tick label would be: as plain texts,
    cheaper than ticks to make, lay out and draw (an axis has a tick object per label,
    each with its lines and two texts)."""
    from matplotlib.transforms import offset_copy

    beside = offset_copy(ax.get_yaxis_transform(), fig=ax.figure, x=-3.5, units="points")
    for y, name in zip(positions, names, strict=True):
        ax.text(0, y, name, transform=beside, ha="right", va="center_baseline", color=INK)
    ax.yaxis.set_visible(False)
    ax.spines["left"].set_visible(False)


def _bars(
    ax: Any,
    at: Iterable[float],
    lengths: Iterable[float],
    *,
    colours: str | list[str] | list[tuple],
    base: Iterable[float] | None = None,
    width: float = 0.8,
    horizontal: bool = False,
    label: str | None = None,
) -> Any:
    """Bars from ``base`` (default 0) to ``base + length``, centred on ``at``, as one
    collection: what ``ax.bar``/``ax.barh`` draw, without an artist per bar (a millisecond
    each to add and to draw: a tenth of a second for the growth chart's 150 months)."""
    import numpy as np
    from matplotlib.collections import PolyCollection

    at = np.asarray(list(at), dtype=float)
    ends = np.asarray(list(lengths), dtype=float)
    starts = np.zeros_like(ends) if base is None else np.asarray(list(base), dtype=float)
    ends = starts + ends
    low, high = at - width / 2, at + width / 2
    corners = np.stack(
        [np.c_[low, starts], np.c_[low, ends], np.c_[high, ends], np.c_[high, starts]], axis=1
    )
    if horizontal:
        corners = corners[..., ::-1]
    bars = PolyCollection(corners, facecolors=colours, edgecolors="none", linewidths=0)
    if label is not None:
        bars.set_label(label)
    # The value axis starts at the bars' base with no margin below it, as ax.bar's does.
    (bars.sticky_edges.x if horizontal else bars.sticky_edges.y).append(0)
    ax.add_collection(bars)
    ax.autoscale_view()  # matplotlib before 3.11 does not on adding a collection
    return bars


def bars(chart: Chart) -> Figure:
    """Horizontal bars of ``data["bars"]`` [{name, count}]."""
    rows = chart.data["bars"]
    fig = _figure(8, 1.2 + 0.32 * max(len(rows), 1))
    ax = fig.subplots()
    ax.set_title(chart.title)
    if rows:
        _hbars(ax, rows)
    else:
        _empty(ax)
    return fig


def growth(chart: Chart) -> Figure:
    """Monthly bars of connections added, with the running total as a line."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Patch

    months = chart.data["by_month"]
    fig, ax = _titled(chart, 8, 3.6)
    if not months:
        _empty(ax)
        return fig
    # Months as plain numbers (faster than dates), ticks at each January.
    first_year, first_month = (int(part) for part in months[0]["month"].split("-"))
    when = list(range(len(months)))
    colours = [to_rgba(PALETTE[0])] * len(months)
    if chart.data.get("partial_last_month"):
        colours[-1] = to_rgba(PALETTE[0], 0.4)  # this month so far: not a drop
    _bars(ax, when, [m["added"] for m in months], width=0.85, colours=colours)
    years = [i for i in when if (first_month - 1 + i) % 12 == 0] or [0]
    step = max(1, math.ceil(len(years) / 12))
    labels = [str(first_year + (first_month - 1 + i) // 12) for i in years[::step]]
    ax.set_xticks(years[::step], labels)
    ax.set_xlim(-1, len(months))
    ax.set_ylabel("added per month")
    total = ax.twinx()
    total.plot(when, [m["total"] for m in months], color=PALETTE[1], linewidth=2, label="total")
    total.set_ylabel("total", color=PALETTE[1])
    total.tick_params(axis="y", colors=PALETTE[1])
    total.spines["right"].set_visible(True)
    total.set_ylim(0, max(m["total"] for m in months) * 1.08 or 1)
    for axis in (ax.yaxis, total.yaxis):
        _counts(axis)
    # The bars' swatch in their full colour, even when the one month is this one so far.
    added = Patch(facecolor=PALETTE[0], label="added per month")
    lines, labels = total.get_legend_handles_labels()
    _legend_above(ax, [added, *lines], [added.get_label(), *labels])
    return fig


def function_seniority(chart: Chart) -> Figure:
    """Two panels: contacts by job function, and by seniority level in its natural order."""
    functions, levels = chart.data["function"], chart.data["seniority"]
    shown = [rows for rows in (functions, levels) if any(row["count"] for row in rows)]
    rows_most = max((len(rows) for rows in shown), default=1)
    fig = _figure(9, 1.4 + 0.3 * rows_most)
    left, right = fig.subplots(1, 2)
    left.set_title("Job function")
    right.set_title("Seniority")
    for ax, rows in ((left, functions), (right, levels)):
        if any(row["count"] for row in rows):
            _hbars(ax, rows)
            # Rows as tall in both panels, from the top: the shorter list leaves room below.
            ax.set_ylim(len(rows) - rows_most - 0.6, len(rows) - 0.4)
        else:
            _empty(ax)
    return fig


def tiers(chart: Chart) -> Figure:
    """One bar per staleness tier, in the tier colours."""
    counts = chart.data["tiers"]
    rows = [{"name": tier, "count": n} for tier, n in counts.items()]
    fig, ax = _titled(chart, 8, 2.4)
    _hbars(ax, rows, colours=[TIER_COLOURS[tier] for tier in counts])
    return fig


def timeline(chart: Chart) -> Figure:
    """Stacked bars: ties by the year of their last contact, coloured by tier."""
    years = chart.data["by_year"]
    fig, ax = _titled(chart, 8, 3.4)
    if not years:
        _empty(ax)
        return fig
    xs = [row["year"] for row in years]
    bottom = [0] * len(years)
    for tier in ("dormant", "fading", "active"):
        heights = [row.get(tier, 0) for row in years]
        _bars(ax, xs, heights, base=bottom, colours=TIER_COLOURS[tier], label=tier)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("people")
    _counts(ax.yaxis)
    step = max(1, math.ceil(len(xs) / 12))
    ax.set_xticks(xs[::step], [str(x) for x in xs[::step]])
    _legend_above(ax, *ax.get_legend_handles_labels())
    return fig


def heatmap(chart: Chart) -> Figure:
    """A grid of counts (rows × columns, e.g. weekday × hour), darker for more, one hue."""
    from matplotlib.colors import LinearSegmentedColormap

    rows, columns, counts = chart.data["rows"], chart.data["columns"], chart.data["counts"]
    fig, ax = _titled(chart, 8, 0.9 + 0.3 * len(rows))
    if not any(any(row) for row in counts):
        _empty(ax)
        return fig
    shades = LinearSegmentedColormap.from_list("netlens", ["#F2F2F2", PALETTE[0]])
    ax.imshow(counts, cmap=shades, aspect="auto", interpolation="nearest", vmin=0)
    # Labels as plain texts, as in _row_labels: an axis of ticks costs more than the grid.
    _row_labels(ax, list(range(len(rows))), rows)
    step = max(1, math.ceil(len(columns) / 8))
    below = ax.get_xaxis_transform()
    for x in range(0, len(columns), step):
        ax.text(x, -0.03, str(columns[x]), transform=below, ha="center", va="top", color=MUTED)
    ax.xaxis.set_visible(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def _legend_above(ax: Any, handles: list, labels: list[str]) -> None:
    """A legend in one row above the plot, across from the title: no bar or line can run
    into it (the layout makes room for it)."""
    ax.legend(handles, labels, loc="lower right", bbox_to_anchor=(1, 1), ncols=len(labels),
              frameon=False, borderaxespad=0.2)  # fmt: skip


def health(chart: Chart) -> Figure:
    """Score bars from 0 to 100, one per practice, coloured by status."""
    sections = chart.data["sections"]
    fig = _figure(8, 1.0 + 0.34 * len(sections))
    ax = fig.subplots()
    ax.set_title(chart.title)
    positions = list(range(len(sections)))[::-1]
    _bars(ax, positions, [100] * len(sections), colours="#F2F2F2", width=0.7, horizontal=True)
    scored = [(y, s) for y, s in zip(positions, sections, strict=True) if s["score"] is not None]
    _bars(ax, [y for y, _ in scored], [max(s["score"], 1) for _, s in scored], width=0.7,
          colours=[STATUS_COLOURS[s["status"]] for _, s in scored], horizontal=True)  # fmt: skip
    for y, section in zip(positions, sections, strict=True):
        score = section["score"]
        if score is None:
            ax.text(2, y, "no data", va="center", fontsize=9, color=MUTED)
        else:
            ax.text(min(score, 88) + 2, y, f"{score}", va="center", fontsize=9, color=INK)
    _row_labels(ax, positions, [_shorten(s["title"], 40) for s in sections])
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 40, 70, 100], ["0", "40 fair", "70 good", "100"])
    return fig


def network_graph(chart: Chart) -> Figure:
    """Contacts as dots and the ties among them as lines, coloured by community; laid out
    by force (Fruchterman–Reingold, fixed seed)."""
    import networkx as nx
    from matplotlib.collections import LineCollection

    groups, edges = chart.points["group"], chart.points["edges"]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(groups)))
    graph.add_edges_from(edges)
    layout = nx.spring_layout(graph, seed=42, iterations=60)
    fig, ax = _titled(chart, 10, 6.2, legend_outside=True)
    segments = [(layout[a], layout[b]) for a, b in edges]
    ax.add_collection(LineCollection(segments, colors="#999999", linewidths=0.4, alpha=0.35))
    xs = [layout[i][0] for i in range(len(groups))]
    ys = [layout[i][1] for i in range(len(groups))]
    colours = [_group_colour(g, len(chart.data["groups"])) for g in groups]
    ax.scatter(xs, ys, s=14, c=colours, edgecolors="white", linewidths=0.3, zorder=2)
    for index, name in chart.points.get("labels", []):
        ax.scatter([xs[index]], [ys[index]], s=90, facecolors="none", edgecolors=INK,
                   linewidths=1.2, zorder=3)  # fmt: skip
        ax.annotate(
            _shorten(name, 30), (xs[index], ys[index]), xytext=(7, 7), textcoords="offset points",
            fontsize=9, color=INK, zorder=4, bbox=LABEL_BOX,
        )  # fmt: skip
    _legend(ax, chart.data["groups"])
    _bare(ax)
    return fig


def network_radial(chart: Chart) -> Figure:
    """Contacts around the owner: an angular sector per industry (its size the share of
    contacts), the distance from the centre growing with the time since the last
    interaction (rings at one and three years); contacts without a date on the rim.
    Beyond :data:`MAX_DOTS` contacts an even sample of each group is drawn (the legend
    keeps the true counts): more dots only blur into each other."""
    import numpy as np

    named = chart.data["groups"]
    group = np.asarray(chart.points["group"], dtype=int)
    days = np.asarray(
        [-1 if d is None else d for d in chart.points["days_since"]], dtype=float
    ).reshape(-1)
    fig, ax = _titled(chart, 10, 6.2, legend_outside=True)
    total = max(len(group), 1)
    # Rank of each contact within its group, and where each group's sector starts.
    order = np.argsort(group, kind="stable")
    counts = np.bincount(group, minlength=len(named)) if len(group) else np.zeros(len(named))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int)
    rank = np.empty(len(group), dtype=int)
    rank[order] = np.arange(len(group)) - np.repeat(first, counts.astype(int))
    keep = rank % math.ceil(total / MAX_DOTS) == 0
    sector = counts / total * 2 * math.pi
    start = np.concatenate([[0.0], np.cumsum(sector)[:-1]])
    # Scattered through the sector by a seeded generator: an ordered spread (contacts come
    # in date order, so angle would follow time) draws spirals that mean nothing.
    within = np.random.default_rng(42).random(len(group)) * 0.92 + 0.04
    angle = start[group] + within * sector[group]
    radius = np.where(days < 0, 1.08, 0.12 + 0.88 * np.sqrt(np.clip(days, 0, 3650) / 3650))
    palette = np.array([_group_colour(i, len(named), named) for i in range(len(named))])
    shown = int(keep.sum())
    ax.scatter(
        (radius * np.cos(angle))[keep], (radius * np.sin(angle))[keep],
        s=max(2.0, min(18.0, 6000 / max(shown, 1))), c=palette[group[keep]] if shown else [],
        linewidths=0, alpha=0.85,
    )  # fmt: skip
    for days_mark, label in ((365, "1 year"), (3 * 365, "3 years")):
        r = 0.12 + 0.88 * _radius(days_mark)
        ax.add_patch(_circle(r))
        ax.text(0, r + 0.015, label, ha="center", fontsize=8, color=MUTED, zorder=4, bbox=LABEL_BOX)
    ax.scatter([0], [0], s=60, c=INK, zorder=3)
    ax.text(0, -0.08, "you", ha="center", fontsize=9, color=INK, zorder=4, bbox=LABEL_BOX)
    if shown < len(group):
        ax.text(0, -1.14, f"one dot per {math.ceil(total / MAX_DOTS)} contacts", ha="center",
                fontsize=8, color=MUTED)  # fmt: skip
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.15)
    ax.set_aspect("equal")
    _legend(ax, named)
    _bare(ax)
    return fig


def _radius(days: int) -> float:
    """0 for today, 1 for ten years or more; a square root spreads the recent years."""
    return math.sqrt(min(max(days, 0), 3650) / 3650)


def _circle(radius: float) -> Any:
    from matplotlib.patches import Circle

    return Circle((0, 0), radius, fill=False, linestyle="--", linewidth=0.8, color="#AAAAAA")


def _group_colour(index: int, groups: int, named: list[dict] | None = None) -> str:
    if named is not None and named[index]["name"] == "Unknown":
        return UNKNOWN
    # The drawings name the largest groups (DRAWN_GROUPS) and put the rest together, grey.
    return GROUP_COLOURS[index] if index < len(GROUP_COLOURS) else OTHER


def _legend(ax: Any, groups: list[dict]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=7,
               color=_group_colour(i, len(groups), groups),
               label=f"{_shorten(g['name'], 40)} ({g['count']:,})")
        for i, g in enumerate(groups)
    ]  # fmt: skip
    # An "outside" figure legend: the constrained layout makes room for it.
    ax.figure.legend(handles=handles, loc="outside right upper", frameon=False)


def _bare(ax: Any) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _empty(ax: Any) -> None:
    ax.text(0.5, 0.5, "no data", ha="center", va="center", color=MUTED, transform=ax.transAxes)
    _bare(ax)


DRAWERS: dict[str, Callable[[Chart], Figure]] = {
    "bars": bars,
    "growth": growth,
    "function_seniority": function_seniority,
    "tiers": tiers,
    "timeline": timeline,
    "heatmap": heatmap,
    "health": health,
    "network_graph": network_graph,
    "network_radial": network_radial,
}


# Fonts tried in turn for each character, so that names in other scripts do not show as
# boxes: DejaVu Sans (bundled with matplotlib) first, then whichever of these is installed.
FALLBACK_FONTS = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "Source Han Sans",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "PingFang SC",
    "Hiragino Sans", "Apple SD Gothic Neo", "Noto Sans Arabic", "Noto Sans Hebrew",
    "Noto Sans Devanagari", "Noto Sans Thai", "Arial Unicode MS",
)  # fmt: skip


@functools.cache
def _font_families() -> list[str]:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(name for name in FALLBACK_FONTS if name in installed)]


def draw(chart: Chart) -> Figure:
    """The figure for ``chart``, in the netlens style."""
    from matplotlib import rc_context

    with rc_context({**STYLE, "font.family": _font_families()}):
        return DRAWERS[chart.kind](chart)


def png(figure: Figure) -> bytes:
    """``figure`` rendered by Agg at :data:`DPI`, as a PNG file (:mod:`netlens.pngfile`:
    the pixels ``savefig`` gives, encoded several times quicker than by Pillow)."""
    import numpy as np
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.set_dpi(DPI)
    canvas = FigureCanvasAgg(figure)
    with rc_context({**STYLE, "font.family": _font_families()}), warnings.catch_warnings():
        # A name in a script the font lacks shows as boxes; not worth a warning per glyph.
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        canvas.draw()  # the layout first, then the drawing
    return pngfile.encode(np.asarray(canvas.buffer_rgba()), DPI)


def chart_png(chart: Chart) -> bytes:
    """``chart`` drawn and encoded: what :func:`draw_charts` runs for each chart. One chart
    at a time in a process: the style is set through matplotlib's global settings, which
    two threads drawing at once would mix up."""
    with _ONE_AT_A_TIME:
        return png(draw(chart))


_ONE_AT_A_TIME = threading.Lock()


def draw_charts(report: Report) -> None:
    """Draw every chart of ``report`` once, as PNG bytes in ``chart.image``."""
    for chart in report.charts:
        chart.image = chart_png(chart)
