"""netlens: a local, private review of your professional network from your LinkedIn export.

The flow reads left to right, each step a plain function::

    network = netlens.load("Basic_LinkedInDataExport_11-21-2026.zip")   # the export, read
    report = netlens.review(network, as_of=datetime.date(2026, 11, 21))  # every figure
    netlens.write_report(report, "netlens-report")                      # HTML, Markdown, JSON

The analyzers behind the review are here too, each taking its inputs first and returning
plain data: :func:`stale`, :func:`reengage`, :func:`growth`, :func:`diversity`,
:func:`health`, :func:`classify_people`, :func:`diff`, and for several exports merged by
:func:`merge`, :func:`reach` and :func:`intros`. Everything raises :class:`NetlensError`, and
nothing else, on input it cannot use. See ``docs/api.md``.

Heavy libraries (pandas, networkx, matplotlib) are imported only when first used, so that
``import netlens`` and ``netlens --help`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from netlens.errors import NetlensError

__version__ = "0.1.0"

# Public name → the module that defines it, imported on first use.
_PUBLIC = {
    "load": "netlens.loader",
    "load_each": "netlens.loader",
    "review": "netlens.report",
    "write_report": "netlens.render.files",
    "merge": "netlens.graph",
    "read_edges": "netlens.graph",
    "classify_people": "netlens.classify",
    "read_industry_map": "netlens.classify",
    "diversity": "netlens.analyze.diversity",
    "growth": "netlens.analyze.growth",
    "health": "netlens.analyze.health",
    "stale": "netlens.analyze.staleness",
    "relationships": "netlens.analyze.staleness",
    "reengage": "netlens.analyze.reengage",
    "reach": "netlens.analyze.reach",
    "intros": "netlens.analyze.intros",
    "diff": "netlens.analyze.diff",
    "plan": "netlens.analyze.plan",
    "person": "netlens.analyze.person",
    "habits": "netlens.analyze.habits",
    "Network": "netlens.model",
    "Report": "netlens.report.model",
}

__all__ = ["NetlensError", "__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'netlens' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
