"""The report model: plain data that every renderer (text, Markdown, HTML, JSON) reads.

A :class:`Report` is a list of :class:`Section`; each section holds headline
:class:`Figure` values, :class:`Chart` references, :class:`Table` rows and plain-language
findings (next steps). Building it (:func:`netlens.review`) does all the analysis;
rendering it does none. Charts carry the data they draw; their images are drawn once by
:func:`netlens.charts.draw_charts` and shared by the HTML and Markdown renderers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Chart", "Figure", "Report", "Section", "Table"]


@dataclass
class Figure:
    """One headline number: ``value`` as shown (``"42 %"``), ``raw`` for machines."""

    label: str
    value: str
    raw: float | int | str | None = None
    note: str = ""
    status: str = ""  # good | fair | poor | "" (no judgement)


@dataclass
class Table:
    """Rows of cells; ``numeric`` marks the columns to right-align. A ``collapsed`` table is
    shown folded away in HTML (long detail behind a summary line)."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    numeric: list[bool] = field(default_factory=list)
    collapsed: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        if not self.numeric:
            self.numeric = [False] * len(self.columns)


@dataclass
class Chart:
    """A chart to draw: ``kind`` names the drawing function in :mod:`netlens.charts`,
    ``data`` is what it draws (plain values, also shown in the section's tables), ``alt``
    says in words what it shows. ``image`` (PNG bytes) is filled in by
    :func:`netlens.charts.draw_charts`."""

    key: str
    kind: str
    title: str
    alt: str
    data: dict[str, Any]
    # What a drawing needs beyond its table (one entry per dot), left out of JSON.
    points: dict[str, Any] = field(default_factory=dict, repr=False)
    image: bytes | None = field(default=None, repr=False)

    @property
    def file(self) -> str:
        """Where the Markdown report finds the image, relative to it."""
        return f"charts/{self.key}.png"


@dataclass
class Section:
    key: str
    title: str
    intro: str = ""
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The whole review. ``results`` keeps the analyzers' machine-readable figures for
    ``report.json``; ``sections`` is what people read."""

    title: str
    source: str
    as_of: str
    owner: dict[str, str | None]
    redacted: bool
    score: int | None
    status: str
    next_steps: list[str]
    sections: list[Section]
    results: dict[str, Any]
    version: str
    as_of_source: str = "given"  # where as_of came from (netlens.model.AsOf)
    # Everyone, one column a field (netlens.report.contacts.columns): the HTML page's map and
    # contacts table. Too long for the other formats, which leave it out.
    contacts: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the analyzers' figures, then the sections as shown, charts
        by file name (no image bytes)."""

        def plain(value: Any) -> Any:
            if isinstance(value, Chart):
                return {
                    "key": value.key, "title": value.title, "alt": value.alt,
                    "file": value.file, "data": value.data,
                }  # fmt: skip
            if dataclasses.is_dataclass(value):
                return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
            if isinstance(value, list):
                return [plain(item) for item in value]
            if isinstance(value, dict):
                return {key: plain(item) for key, item in value.items()}
            return value

        return {
            "netlens_version": self.version,
            "as_of": self.as_of,
            "as_of_source": self.as_of_source,
            "title": self.title,
            "source": self.source,
            "owner": self.owner,
            "redacted": self.redacted,
            "score": self.score,
            "status": self.status,
            "next_steps": self.next_steps,
            **plain(self.results),
            "sections": plain(self.sections),
        }
