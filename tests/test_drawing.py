"""The chart server (netlens.charts.Drawing): charts drawn by its workers are the bytes drawn
here; whatever goes wrong there, the charts are drawn here instead; it never outlives
the drawing."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time

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


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(child) for child in fh.read().split()]
    except FileNotFoundError:  # gone meanwhile
        return []


def _descendants(pid: int) -> list[int]:
    return [child for direct in _children(pid) for child in (direct, *_descendants(direct))]


def _none_left(timeout: float = 10) -> bool:
    """Whether this process has no child, grandchild…, left (waiting a little for processes
    just killed to go)."""
    deadline = time.monotonic() + timeout
    while _descendants(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _descendants(os.getpid())


def _workers(drawing, count: int = 2) -> list[int]:
    """The server's workers, once it has imported matplotlib and forked them."""
    deadline = time.monotonic() + 60
    while len(_children(drawing._server.pid)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return _children(drawing._server.pid)


@pytest.fixture
def within_a_minute():
    """A hang fails the test instead of stopping the run."""

    def late(signum, frame):
        raise TimeoutError("still waiting after a minute")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


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
    assert _none_left()


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
@pytest.mark.parametrize("when", ["starting", "serving"])
def test_when_the_server_dies_the_charts_are_drawn_here_and_its_workers_go(
    report, serial, within_a_minute, when
):
    with charts.Drawing(workers=2) as drawing:
        drawing.submit(report.charts[0])
        if when == "serving":
            assert len(_workers(drawing)) == 2
        os.kill(drawing._server.pid, signal.SIGKILL)
        for chart in report.charts[1:]:
            drawing.submit(chart)
        drawing.finish(report)
    assert _images(report) == serial
    assert _none_left()


@forking
def test_the_server_ends_when_this_process_goes(report, within_a_minute):
    """Its parent gone (killed before it could say so), the server reads the end of its
    pipe and stops, with its workers."""
    drawing = charts.Drawing(workers=2)
    server = drawing._server
    assert len(_workers(drawing)) == 2
    drawing._connection.close()  # as a killed process's end closes
    server.join(timeout=30)
    assert not server.is_alive()
    drawing.close()
    assert _none_left()


@forking
def test_a_drawing_left_by_an_error_ends_at_once(report, within_a_minute):
    start = time.monotonic()
    with pytest.raises(RuntimeError), charts.Drawing(workers=2) as drawing:
        drawing.submit(report.charts[0])
        raise RuntimeError("the export could not be read")
    assert time.monotonic() - start < 2  # matplotlib's import not waited for
    assert _none_left()


@forking
def test_a_drawing_never_closed_does_not_hold_up_the_interpreter_at_exit():
    code = "from netlens import charts; drawing = charts.Drawing(workers=2)"
    done = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True)
    assert done.returncode == 0 and done.stderr == b""


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
    assert _none_left()


@forking
def test_a_drawing_closed_with_its_images_unread_ends_at_once(report, within_a_minute):
    """The server's images fill the pipe when this process stops reading them (a report
    that failed half way): closing the drawing must not wait on them."""
    drawing = charts.Drawing(workers=2)
    for chart in report.charts:
        drawing.submit(chart)
    time.sleep(3)  # drawn meanwhile, more than the pipe holds
    start = time.monotonic()
    drawing.close()
    assert time.monotonic() - start < 20
    assert _none_left()


@forking
@pytest.mark.parametrize("when", ["starting", "serving"])
def test_ctrl_c_is_left_to_this_process(report, serial, within_a_minute, when):
    """Ctrl-C reaches every process of the terminal's group; the server and its workers
    leave it to this one (which closes the drawing), so they print no traceback of their
    own, even while the server imports matplotlib, and keep serving until then."""
    with charts.Drawing(workers=2) as drawing:
        server = drawing._server
        if when == "starting":
            os.kill(server.pid, signal.SIGINT)
        workers = _workers(drawing)
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
def test_the_loader_forks_its_helper_while_the_server_runs(monkeypatch, tmp_path):
    """The server is a process, not a thread here: the loader's helper, forked next for
    messages.csv, is only forked from a process with one thread."""
    from conftest import helpers_started, zip_folder

    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    helpers = helpers_started(monkeypatch)
    with charts.Drawing(workers=2) as drawing:
        assert drawing._server is not None
        network = netlens.load(path)
    assert helpers and helpers[0] is not None
    assert network.report.messages > 0
