"""Renderers of the report model: ``render(report) -> str``, picked from :data:`RENDERERS`.

- ``text``: the whole review for a terminal (ANSI styles, which ``click.echo`` strips when
  the output is not a terminal); :func:`render_terminal_summary` is its short form;
- ``md``: Markdown, charts as images beside it (``charts/<key>.png``), tables in full;
- ``html``: one self-contained page (:mod:`netlens.render.html`);
- ``json``: the analyzers' figures and the sections, as plain data.

Renderers compute nothing: every figure comes from the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netlens.report.model import Report, Section, Table
from netlens.text import inert, json_text, markdown_safe
from netlens.wording import fit, width

__all__ = [
    "RENDERERS",
    "render",
    "render_json",
    "render_markdown",
    "render_terminal_summary",
    "render_text",
]

STATUS_STYLE = {"good": "green", "fair": "yellow", "poor": "red"}
TEXT_WIDTH = 92  # prose is wrapped to this many columns


def render_json(report: Report) -> str:
    return json_text(report.to_dict())


# --- Markdown -------------------------------------------------------------------------------

_MD_ESCAPES = str.maketrans(
    {
        "\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
        "<": "&lt;", ">": "&gt;", "#": "\\#", "\n": " ", "\r": " ",
    }
)  # fmt: skip


def md(value: Any) -> str:
    """A value as inert Markdown text: nothing in a name can become a link, markup or HTML."""
    return markdown_safe(inert(str(value)).translate(_MD_ESCAPES))


def _md_table(table: Table) -> list[str]:
    lines = [f"**{md(table.title)}**", ""]
    lines.append("| " + " | ".join(md(c) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if n else "---" for n in table.numeric) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(md(_cell(v)) for v in row) + " |")
    if table.note:
        lines += ["", f"_{md(table.note)}_"]
    return [*lines, ""]


def _cell(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return "" if value is None else str(value)


def _md_section(section: Section) -> list[str]:
    lines = [f"## {md(section.title)}", ""]
    if section.intro:
        lines += [md(section.intro), ""]
    if section.figures:
        lines += ["| Figure | Value | |", "|---|---:|---|"]
        lines += [f"| {md(f.label)} | {md(f.value)} | {md(f.note)} |" for f in section.figures]
        lines.append("")
    for chart in section.charts:
        lines += [f"![{md(chart.alt)}]({chart.file})", ""]
    for finding in section.findings:
        lines.append(f"- {md(finding)}")
    if section.findings:
        lines.append("")
    for table in section.tables:
        lines += _md_table(table)
    for note in section.notes:
        lines += [f"> {md(note)}", ""]
    return lines


def render_markdown(report: Report) -> str:
    """The review as Markdown, for reading in an editor or a repository; chart images are
    referenced at ``charts/<key>.png`` beside the file."""
    score = f"{report.score}/100 ({report.status})" if report.score is not None else "not scored"
    lines = [
        f"# {md(report.title)}",
        "",
        f"From {md(report.source)}, as of {report.as_of} ({report.as_of_source}). "
        f"Health score: **{score}**."
        + (" Names of third parties are redacted to initials." if report.redacted else ""),
        "",
    ]
    if report.next_steps:
        lines += ["**Next steps**", ""]
        lines += [f"{i}. {md(step)}" for i, step in enumerate(report.next_steps, 1)]
        lines.append("")
    for section in report.sections:
        lines += _md_section(section)
    lines.append(f"_Made by netlens {report.version} on your computer; nothing was sent anywhere._")
    return "\n".join(lines) + "\n"


# --- Terminal -------------------------------------------------------------------------------


def _style(text: str, **styles: Any) -> str:
    import click

    return click.style(text, **styles)


def _score_line(report: Report) -> str:
    if report.score is None:
        return "Health score: not enough data for an overall score"
    colour = STATUS_STYLE.get(report.status)
    return "Health score: " + _style(f"{report.score}/100 ({report.status})", fg=colour, bold=True)


def _text_table(table: Table) -> list[str]:
    """Every row, one line each, columns aligned (numbers to the right)."""
    rows = [[_cell(v) for v in row] for row in table.rows]
    # Columns are cut at 44 terminal columns, but the last: free text (reasons, next steps)
    # runs on, and the terminal wraps it.
    widths = [max([width(c)] + [width(r[i]) for r in rows]) for i, c in enumerate(table.columns)]
    widths = [w if i == len(widths) - 1 else min(w, 44) for i, w in enumerate(widths)]
    lines = [_style(table.title, bold=True)]
    header = "  ".join(fit(c, w) for c, w in zip(table.columns, widths, strict=True))
    lines.append("  " + _style(header.rstrip(), dim=True))
    for row in rows:
        cells = [
            fit(v, w) if not numeric else " " * max(w - width(v), 0) + v
            for v, w, numeric in zip(row, widths, table.numeric, strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return [*lines, ""]


def _figure_lines(figures: list) -> list[str]:
    """Label, value (aligned on the right) and note, one figure per line."""
    label_width = max(width(f.label) for f in figures)
    value_width = max(width(f.value) for f in figures)
    lines = []
    for figure in figures:
        value = " " * (value_width - width(figure.value)) + figure.value
        if figure.status in STATUS_STYLE:
            value = _style(value, fg=STATUS_STYLE[figure.status])
        note = _style(f"  {figure.note}", dim=True) if figure.note else ""
        lines.append(f"  {fit(figure.label, label_width)}  {value}{note}")
    return lines


def render_terminal_summary(report: Report) -> str:
    """A few lines for the terminal: score, headline figures, the three next steps."""
    overview = report.sections[0]
    lines = [
        _style(report.title, bold=True),
        _style(f"As of {report.as_of} ({report.as_of_source}).", dim=True),
        _score_line(report),
        "",
    ]
    lines += _figure_lines(overview.figures[1:])  # the first is the score, shown above
    if report.next_steps:
        lines += ["", _style("Next steps", bold=True)]
        lines += [f"  {i}. {step}" for i, step in enumerate(report.next_steps, 1)]
    return "\n".join(lines) + "\n"


def _wrap(text: str, first: str = "  ", rest: str = "  ") -> list[str]:
    import textwrap

    return textwrap.wrap(text, TEXT_WIDTH, initial_indent=first, subsequent_indent=rest)


def render_text(report: Report) -> str:
    """The whole review for a terminal: every section and every table row (pipe it to
    ``less -R`` to page through); prose wrapped, table rows one line each."""
    lines = [render_terminal_summary(report)]
    for index, section in enumerate(report.sections):
        lines += ["", _style(section.title.upper(), bold=True, fg="cyan")]
        if section.intro:
            lines += [*(_style(line, dim=True) for line in _wrap(section.intro)), ""]
        if section.figures and index:  # the overview's figures open the text already
            lines += [*_figure_lines(section.figures), ""]
        for finding in section.findings:
            lines += _wrap(finding, "  • ", "    ")
        if section.findings:
            lines.append("")
        for table in section.tables:
            lines += _text_table(table)
            if table.note:
                lines += [*(_style(line, dim=True) for line in _wrap(table.note)), ""]
        for note in section.notes:
            lines += [_style(line, dim=True) for line in _wrap(note)]
    lines += ["", f"Made by netlens {report.version} on your computer; nothing was sent anywhere."]
    return "\n".join(lines).rstrip() + "\n"


def _render_html(report: Report) -> str:
    from netlens.render.html import render_html

    return render_html(report)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "md": render_markdown,
    "html": _render_html,
    "json": render_json,
}


def render(report: Report, fmt: str) -> str:
    """``report`` in the format ``fmt`` (a key of :data:`RENDERERS`)."""
    return RENDERERS[fmt](report)
