"""Writing a report's files into a folder: all of them or none, and nothing but netlens' own.

The files (``index.html``, ``report.md`` with ``charts/*.png``, ``report.json``) are first
written into a temporary folder beside the target; only once every one is complete are they
moved into place, each by an atomic rename. A run that fails (a full disk, a chart that
cannot be drawn) leaves the previous report as it was.

netlens replaces or removes only files it wrote: each report folder holds a manifest
(:data:`MANIFEST`) listing them. A file of the same name that the manifest does not list
(the user's own ``index.html``, say) is never touched: the write is refused with an error
that says what to do. Reports written before the manifest existed are recognised by their
content.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from netlens import __version__
from netlens.errors import NetlensError
from netlens.output import check_not_input
from netlens.report.model import Report

__all__ = ["CHARTED", "FILES", "MANIFEST", "Written", "write_report"]

FILES = {"html": "index.html", "md": "report.md", "json": "report.json"}
CHARTED = ("html", "md")  # the formats that show the charts
MANIFEST = ".netlens-manifest.json"
CHARTS = "charts"


def write_report(
    report: Report,
    folder: str | os.PathLike[str],
    formats: Sequence[str] = tuple(FILES),
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Written:
    """Write ``report`` into ``folder`` (created if missing; its parent must exist) in
    ``formats`` (``html``, ``md``, ``json``), drawing its charts first where a format shows
    them. Files an earlier report left there that this one does not replace are removed
    (an unredacted index.html beside a redacted report.md would leak what ``--redact``
    hides). Returns the paths written and those removed.

    Raises :class:`~netlens.errors.NetlensError` if a file to write is one of ``inputs``
    (or inside an input folder), if the folder holds a file of the same name that netlens
    did not write, or if writing fails; nothing in ``folder`` has changed then.
    """
    from netlens.charts import draw_charts
    from netlens.render.renderers import render

    unknown = [f for f in formats if f not in FILES]
    if unknown:
        raise ValueError(f"unknown report formats: {unknown}")
    target = Path(folder).expanduser()
    if not target.parent.is_dir():
        raise NetlensError(f"{target}: the folder {target.parent} does not exist — create it first")
    if target.exists() and not target.is_dir():
        raise NetlensError(f"{target}: not a folder — pass a folder for the report (-o DIR)")
    names = [FILES[f] for f in formats]
    if "md" in formats:  # report.md points at its images; the page has them inline
        names += [chart.file for chart in report.charts]
    for name in names:  # refused before any work is done
        check_not_input(target / name, inputs)
    ours = _written_by_netlens(target)
    _refuse_others(target, names, ours)
    if any(f in CHARTED for f in formats) and any(c.image is None for c in report.charts):
        draw_charts(report)
    files = {FILES[f]: render(report, f).encode("utf-8") for f in formats}
    if "md" in formats:
        files.update({chart.file: chart.image for chart in report.charts})
    _write_all(target, files)
    removed = []
    for name in sorted(ours - set(files)):
        path = target / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    if not any(name.startswith(f"{CHARTS}/") for name in files):
        _remove_if_empty(target / CHARTS)
    return Written([target / name for name in files], removed)


class Written(NamedTuple):
    """What :func:`write_report` did: the files written, and those of an earlier report
    that it removed."""

    files: list[Path]
    removed: list[Path]


def _written_by_netlens(folder: Path) -> set[str]:
    """The files in ``folder`` that netlens wrote: those its manifest lists, or for a
    report written before the manifest, the report files recognised by their content."""
    try:
        listed = json.loads((folder / MANIFEST).read_text("utf-8"))["files"]
        return {name for name in listed if isinstance(name, str) and _plain_name(name)}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    found = {name for name in FILES.values() if _looks_like_ours(folder / name)}
    if found:  # an older report: its charts are ours too, by the names netlens gives them
        from netlens.report import CHART_KEYS

        found |= {f"{CHARTS}/{key}.png" for key in CHART_KEYS}
    return found


def _plain_name(name: str) -> bool:
    """A name the manifest may list: a file in the folder or in its charts folder."""
    parts = Path(name).parts
    return (len(parts) == 1 or (len(parts) == 2 and parts[0] == CHARTS)) and ".." not in parts


def _looks_like_ours(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
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


def _refuse_others(folder: Path, files: list[str], ours: set[str]) -> None:
    charts = folder / CHARTS
    if any(name.startswith(f"{CHARTS}/") for name in files) and (
        charts.is_symlink() or (charts.exists() and not charts.is_dir())
    ):
        raise NetlensError(
            f"{charts}: not a folder netlens made — move it away, or write the report into "
            "another folder (-o DIR)"
        )
    for name in files:
        path = folder / name
        if (path.exists() or path.is_symlink()) and (name not in ours or path.is_symlink()):
            raise NetlensError(
                f"{path}: already there and not written by netlens, which never replaces "
                "your files — move it away, or write the report into another folder (-o DIR)"
            )


def _write_all(folder: Path, files: dict[str, bytes]) -> None:
    """Every file written into a temporary folder beside ``folder``, then moved into place
    (``folder`` itself is created by that move when it is new)."""
    staging = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.tmp"
    try:
        staging.mkdir()  # with the usual rights, as the folder it may become
    except OSError as exc:
        raise NetlensError(f"{folder.parent}: cannot write there ({exc.strerror})") from exc
    try:
        manifest = {"netlens_version": __version__, "files": sorted(files)}
        contents = {**files, MANIFEST: json.dumps(manifest, indent=1).encode() + b"\n"}
        for name, data in contents.items():
            path = staging / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        if not folder.exists():
            staging.rename(folder)
            return
        if (staging / CHARTS).is_dir():
            (folder / CHARTS).mkdir(exist_ok=True)
        for name in contents:  # renames within one file system: no space needed, no failure
            os.replace(staging / name, folder / name)
    except OSError as exc:
        raise NetlensError(f"{folder}: the report cannot be written ({exc.strerror})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        with contextlib.suppress(OSError):  # not empty: the user's own files are there
            folder.rmdir()
