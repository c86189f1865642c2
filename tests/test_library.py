"""The library works wherever a notebook or a service may call it: in a thread, in a daemon
``multiprocessing.Pool`` worker (which may not start processes of its own), under the
``fork`` and ``spawn`` start methods; and it raises :class:`netlens.NetlensError`, nothing
else, on input it cannot use. The export has a messages.csv over 4 MB, the size at which
an earlier netlens handed the file to a process of its own and failed in a worker."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import netlens

AS_OF = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def big_export(tmp_path_factory) -> str:
    from netlens.sample import write_samples

    (path,) = write_samples(
        tmp_path_factory.mktemp("big"), connections=300, messages=17_000, seed=2, as_of=AS_OF
    )
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("messages.csv").file_size > 4 * 1024**2
    return str(path)


def load_and_review(path: str) -> dict:
    """In the worker: the export read and reviewed."""
    network = netlens.load(path)
    return as_data(network, netlens.review(network, as_of=AS_OF))


def as_data(network, report) -> dict:
    return {"people": len(network.people), "messages": network.report.messages,
            "report": report.to_dict()}  # fmt: skip


def review_and_write(path: str, folder: str) -> list[str]:
    """In the worker: the whole flow, charts drawn and written."""
    netlens.write_report(netlens.review(netlens.load(path), as_of=AS_OF), folder)
    return sorted(p.name for p in Path(folder).iterdir())


def error_of(path: str) -> str:
    """In the worker: which exception loading ``path`` raises."""
    try:
        netlens.load(path)
    except Exception as exc:  # the point: which one it is
        mark = " (a NetlensError)" if isinstance(exc, netlens.NetlensError) else ""
        return type(exc).__name__ + mark
    return "nothing"


@pytest.fixture(scope="module")
def reviewed(big_export):
    """In this process: the export read and reviewed, (network, report)."""
    network = netlens.load(big_export)
    return network, netlens.review(network, as_of=AS_OF)


@pytest.fixture(scope="module")
def expected(reviewed) -> dict:
    return json.loads(json.dumps(as_data(*reviewed), default=str))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_load_and_review_in_a_daemon_pool_worker(method, big_export, expected, tmp_path):
    with multiprocessing.get_context(method).Pool(1) as pool:
        found = pool.apply(load_and_review, (big_export,))
        error = pool.apply(error_of, (str(tmp_path / "missing.zip"),))
    assert json.loads(json.dumps(found, default=str)) == expected
    assert found["messages"] == 17_000
    assert error.endswith("(a NetlensError)")


def test_charts_are_drawn_and_written_in_a_daemon_pool_worker(big_export, tmp_path):
    with multiprocessing.get_context("fork").Pool(1) as pool:
        files = pool.apply(review_and_write, (big_export, str(tmp_path / "report")))
    assert {"index.html", "report.md", "report.json", "charts"} <= set(files)
    assert len(list((tmp_path / "report" / "charts").glob("*.png"))) >= 6


def test_load_and_review_in_threads(big_export, expected, tmp_path):
    with ThreadPoolExecutor(2) as threads:
        found = list(threads.map(load_and_review, [big_export] * 2))
        errors = list(threads.map(error_of, [str(tmp_path / "missing.zip"), str(tmp_path)]))
    assert [json.loads(json.dumps(f, default=str)) for f in found] == [expected, expected]
    assert all(error.endswith("(a NetlensError)") for error in errors)


def test_report_json_is_the_report_as_data(reviewed, tmp_path):
    _, report = reviewed
    netlens.write_report(report, tmp_path / "out", formats=["json"])
    written = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(report.to_dict(), default=str))


def test_the_public_names_are_importable():
    for name in netlens.__all__:
        assert getattr(netlens, name) is not None, name
    with pytest.raises(AttributeError):
        netlens.no_such_thing  # noqa: B018


def test_the_analyzers_default_to_the_exports_own_date():
    import datetime as dt

    from conftest import EXPORTS

    network = netlens.load(EXPORTS / "era2025")
    day = network.default_as_of()
    assert (day, day.why) == (dt.date(2025, 3, 12), "the newest record in the export")
    assert netlens.stale(network) == netlens.stale(network, as_of=day)
    assert netlens.growth(network) == netlens.growth(network, as_of=day)
    assert netlens.reengage(network) == netlens.reengage(network, as_of=day)
    assert netlens.health(network)["score"] == netlens.health(network, as_of=day)["score"]
