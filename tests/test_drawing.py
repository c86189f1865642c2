"""The chart server (netlens.charts.Drawing): charts drawn by its workers are the bytes drawn
here; whatever goes wrong there, the charts are drawn here instead; it never outlives
the drawing."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os

import pytest

import netlens
from netlens import charts, processes
from netlens.report.build import build_report

from conftest import EXPORTS

forking = pytest.mark.skipif(not processes.can_fork(), reason="the server needs Linux, 2 cores")


@pytest.fixture(scope="module")
def report():
    return build_report(netlens.load(EXPORTS / "era2025"), as_of=dt.date(2025, 6, 1))


@pytest.fixture(scope="module")
def serial(report):
    charts.draw_charts(report, workers=1)
    return {chart.key: chart.image for chart in report.charts}


def _images(report) -> dict[str, bytes]:
    return {chart.key: chart.image for chart in report.charts}


@forking
def test_the_server_draws_every_chart_as_here_and_ends_with_the_drawing(report, serial):
    with charts.Drawing(workers=2) as drawing:
        server = drawing._server
        assert server is not None and server.is_alive()
        for chart in report.charts:
            drawing.submit(chart)
        drawing.finish(report)
    assert _images(report) == serial
    assert not server.is_alive()
    assert multiprocessing.active_children() == []


@forking
def test_a_chart_that_fails_in_a_worker_is_drawn_here(report, serial, monkeypatch):
    here = os.getpid()
    drawn_here = []

    def watched(draw):
        def drawer(chart):
            if os.getpid() == here:
                drawn_here.append(chart.key)
            elif chart.key == "growth":
                raise RuntimeError("a worker's failure")
            return draw(chart)

        return drawer

    # The server and its workers, forked, inherit the patched table.
    for kind, draw in charts.DRAWERS.items():
        monkeypatch.setitem(charts.DRAWERS, kind, watched(draw))
    with charts.Drawing(workers=2) as drawing:
        for chart in report.charts:
            drawing.submit(chart)
        drawing.finish(report)
    assert drawn_here == ["growth"]
    assert _images(report) == serial


@forking
def test_when_the_server_dies_the_charts_are_drawn_here(report, serial):
    with charts.Drawing(workers=2) as drawing:
        drawing.submit(report.charts[0])
        drawing._server.kill()
        drawing._server.join()
        for chart in report.charts[1:]:
            drawing.submit(chart)
        drawing.finish(report)
    assert _images(report) == serial


@forking
def test_the_server_ends_when_this_process_goes(report):
    """Its parent gone (killed before it could say so), the server reads the end of its
    pipe and stops, with its workers."""
    drawing = charts.Drawing(workers=2)
    server = drawing._server
    drawing._connection.close()  # as a killed process's end closes
    server.join(timeout=30)
    assert not server.is_alive()
    drawing.close()


@forking
def test_a_drawing_left_early_leaves_no_process(report):
    with pytest.raises(RuntimeError), charts.Drawing(workers=2) as drawing:
        drawing.submit(report.charts[0])
        raise RuntimeError("the export could not be read")
    assert multiprocessing.active_children() == []


def test_without_forking_the_charts_are_drawn_here(report, serial, monkeypatch):
    monkeypatch.setattr(processes, "can_fork", lambda: False)
    with charts.Drawing() as drawing:
        assert drawing._server is None
        for chart in report.charts:
            drawing.submit(chart)
        drawing.finish(report)
    assert _images(report) == serial


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_report_without_charts_starts_no_drawing(runner, tmp_path, monkeypatch, fmt):
    from netlens.cli import cli

    def refused(self, workers=None):
        raise AssertionError("a drawing was started")

    monkeypatch.setattr(charts.Drawing, "__init__", refused)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["report", str(EXPORTS / "era2025"), "-o", str(out), "-q",
                                 "--format", fmt, "--as-of", "2025-06-01"])  # fmt: skip
    assert result.exit_code == 0, result.output


@forking
def test_the_drawing_ends_when_the_export_cannot_be_read(runner, tmp_path):
    from netlens.cli import cli

    started = []
    original = charts.Drawing.__init__

    def recorded(self, workers=None):
        original(self, workers)
        started.append(self._server)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts.Drawing, "__init__", recorded)
        result = runner.invoke(cli, ["report", str(tmp_path / "missing.zip"), "-o",
                                     str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 1 and "Error:" in result.output
    assert started and started[0] is not None and not started[0].is_alive()
    assert multiprocessing.active_children() == []


@forking
def test_a_drawing_closed_with_its_images_unread_ends_at_once(report):
    """The server's images fill the pipe when this process stops reading them (a report
    that failed half way): closing the drawing must not wait on them."""
    import time

    drawing = charts.Drawing(workers=2)
    for chart in report.charts:
        drawing.submit(chart)
    time.sleep(3)  # drawn meanwhile, more than the pipe holds
    start = time.monotonic()
    drawing.close()
    assert time.monotonic() - start < 20
    assert multiprocessing.active_children() == []


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(child) for child in fh.read().split()]


@forking
def test_ctrl_c_is_left_to_this_process(report, serial):
    """Ctrl-C reaches every process of the terminal's group; the server and its workers
    leave it to this one (which closes the drawing), so they print no traceback of their
    own and keep serving until then."""
    import signal
    import time

    with charts.Drawing(workers=2) as drawing:
        server = drawing._server
        deadline = time.monotonic() + 60
        while len(_children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # matplotlib imported, the workers forked
        workers = _children(server.pid)
        assert len(workers) == 2
        for pid in (server.pid, *workers):
            os.kill(pid, signal.SIGINT)
        time.sleep(0.5)
        assert server.is_alive() and _children(server.pid) == workers
        for chart in report.charts:
            drawing.submit(chart)
        drawing.finish(report)
    assert _images(report) == serial


@forking
def test_the_loader_can_still_fork_its_helper_once_the_server_runs():
    """The server is a process, not a thread here: the loader's helper, forked next for
    messages.csv, is only forked from a process with one thread."""
    with charts.Drawing(workers=2) as drawing:
        assert drawing._server is not None
        assert processes.can_fork()
