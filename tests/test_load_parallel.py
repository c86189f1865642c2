"""messages.csv read by a forked helper gives the very network it gives read in-process.

The helper (netlens/loader/background.py) only runs on Linux with two cores or more and for
files of MIN_BYTES or more; these tests lower MIN_BYTES so the small fixtures take that path.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
import types

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netlens
import netlens.loader
from netlens import processes
from netlens.folding import fold, fold_all
from netlens.loader import background, messages
from netlens.loader.dates import parse_dates, utc_seconds
from netlens.loader.identity import normalize_url, normalize_urls
from netlens.loader.messages import message_parts

from conftest import (
    EXPORTS,
    MESSAGES_HEADER,
    connections_csv,
    helpers_started,
    write_folder,
    zip_folder,
)

WITH_MESSAGES = ["era2016", "era2018", "era2020", "era2022", "era2023", "era2025"]
SAMPLE = EXPORTS.parent.parent.parent / "sample_exports" / "thomas-johnson.zip"

forking = pytest.mark.skipif(not processes.can_fork(), reason="the helper needs Linux, 2 cores")


def _same(a: netlens.Network, b: netlens.Network) -> None:
    pd.testing.assert_frame_equal(a.people, b.people, check_exact=True)
    pd.testing.assert_frame_equal(a.interactions, b.interactions, check_exact=True)
    assert a.owner == b.owner
    assert dataclasses.asdict(a.report) == dataclasses.asdict(b.report)


def _in_process(monkeypatch, path) -> netlens.Network:
    with monkeypatch.context() as patch:
        patch.setattr(processes, "can_fork", lambda: False)
        return netlens.load(path)


@forking
@pytest.mark.parametrize("name", [*WITH_MESSAGES, "sample"])
def test_helper_reads_what_this_process_reads(name, monkeypatch, tmp_path):
    path = SAMPLE if name == "sample" else zip_folder(EXPORTS / name, tmp_path / "export.zip")
    alone = _in_process(monkeypatch, path)
    helpers = helpers_started(monkeypatch)
    helped = netlens.load(path)
    assert helpers and helpers[0] is not None and alone.report.messages > 0
    _same(alone, helped)


@forking
@pytest.mark.parametrize("room", ["some", "none", "no memory"])
def test_parts_too_large_for_the_shared_memory_come_by_the_pipe(room, monkeypatch, tmp_path):
    """Parts go through memory shared with the helper when they fit (``some``: the first
    part does and the rest does not), else through the pipe, as when the system gives no
    shared memory at all."""
    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    alone = _in_process(monkeypatch, path)
    if room == "no memory":

        def refused(*args):
            raise OSError("Cannot allocate memory")

        monkeypatch.setattr(background, "mmap", types.SimpleNamespace(mmap=refused))
    else:
        first = len(_pickled_parts(path)[0])
        monkeypatch.setattr(background, "SHARED_BYTES", first if room == "some" else 16)
    sent = tmp_path / "sent"  # written by the helper, which inherits the spy

    def send(self, message):
        with open(sent, "a") as log:
            print(message[0], file=log)
        return real_send(self, message)

    real_send = background.Connection.send
    monkeypatch.setattr(background.Connection, "send", send)
    helpers = helpers_started(monkeypatch)
    helped = netlens.load(path)
    assert helpers and helpers[0] is not None
    _same(alone, helped)
    ways = sent.read_text().split()
    assert len(ways) == 4  # three parts and the end
    if room == "some":
        assert ways[0] == "shared" and "pipe" in ways[1:]
    else:
        assert ways == ["pipe"] * 4


def _pickled_parts(path) -> list[bytes]:
    from multiprocessing.reduction import ForkingPickler

    with netlens.loader.archive.open_export(path) as export:
        warnings: list[str] = []
        return [
            bytes(ForkingPickler.dumps(("part", part, [])))
            for part in message_parts(export.files["messages"], warnings)
        ]


@forking
def test_no_helper_is_forked_from_a_process_with_threads(monkeypatch, tmp_path):
    """A notebook, say: a fork would copy locks its other threads may hold."""
    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    alone = _in_process(monkeypatch, path)
    monkeypatch.setattr(background, "MIN_BYTES", 0)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not processes.can_fork()
        _same(alone, netlens.load(path))
    finally:
        release.set()
        other.join()
    assert processes.can_fork()


def _in_the_helper(monkeypatch, before_part) -> int:
    """Make messages.csv go through the helper, which calls ``before_part(number)`` before
    each part it makes (in the helper only; this process makes parts untouched)."""
    parent = os.getpid()

    def parts(member, warnings):
        for number, part in enumerate(message_parts(member, warnings)):
            if os.getpid() != parent:
                before_part(number)
            yield part

    monkeypatch.setattr(background, "MIN_BYTES", 0)
    monkeypatch.setattr(netlens.loader, "message_parts", parts)
    return parent


@forking
@pytest.mark.parametrize("dies_before", [0, 1, 2])  # senders, recipients, dates
def test_a_helper_that_dies_leaves_the_rest_to_this_process(dies_before, monkeypatch, tmp_path):
    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    alone = _in_process(monkeypatch, path)
    _in_the_helper(monkeypatch, lambda number: number == dies_before and os._exit(3))
    _same(alone, netlens.load(path))


@forking
def test_idle_work_runs_once_while_the_helper_reads(monkeypatch, tmp_path):
    path = zip_folder(EXPORTS / "era2025", tmp_path / "export.zip")
    alone = _in_process(monkeypatch, path)
    # A slow helper: this process gets to wait.
    parent = _in_the_helper(monkeypatch, lambda number: time.sleep(0.3))
    calls = []
    _same(alone, netlens.load(path, idle=lambda: calls.append(os.getpid())))
    assert calls == [parent]


@forking
def test_an_unreadable_messages_file_is_skipped_alike(monkeypatch, tmp_path):
    row = "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 2023"
    folder = write_folder(
        tmp_path / "export",
        {
            "Connections.csv": connections_csv(row),
            "messages.csv": "SOMETHING,ELSE\n1,2\n",
            "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,"
            "inviteeProfileUrl\nRavi Shah,Maya Cohen,2025-02-26 08:14:37,,INCOMING,"
            "https://www.linkedin.com/in/ravi-shah,https://www.linkedin.com/in/maya\n",
        },
    )
    alone = _in_process(monkeypatch, folder)
    monkeypatch.setattr(background, "MIN_BYTES", 0)
    helped = netlens.load(folder)
    assert any("messages.csv" in w and "(skipped)" in w for w in helped.report.warnings)
    assert helped.report.warnings == alone.report.warnings
    _same(alone, helped)


@pytest.mark.parametrize("helper", [False, pytest.param(True, marks=forking)])
def test_messages_with_odd_dates_and_rows_warn_as_before(helper, monkeypatch, tmp_path):
    """Dates not in the usual shape go back to the general parser, with its warning; the
    warnings come in the same order from the helper as from this process."""
    row = "Ravi,Shah,https://www.linkedin.com/in/ravi-shah,,Acme,Engineer,04 Jul 2023"
    message = (
        "2-x,,Ravi Shah,https://www.linkedin.com/in/ravi-shah,Maya Cohen,"
        "https://www.linkedin.com/in/maya,{date},,Hi,INBOX,,No,No"
    )
    dates = ["2024-05-01 10:00:00 UTC", "2024-02-30 10:00:00 UTC", " 2024-05-02 11:00:00 UTC "]
    folder = write_folder(
        tmp_path / "export",
        {
            "Connections.csv": connections_csv(row),
            "messages.csv": "\n".join(
                [MESSAGES_HEADER, *(message.format(date=d) for d in dates), "2-y,,Ravi Shah"]
            ),
        },
    )
    if helper:
        monkeypatch.setattr(background, "MIN_BYTES", 0)
        network = netlens.load(folder)
    else:
        network = _in_process(monkeypatch, folder)
    assert network.report.messages == 4
    assert network.report.warnings == [
        "messages.csv: 1 row with too few fields; the missing fields were left empty",
        "messages.csv: unreadable DATE date in 1 row (e.g. '2024-02-30 10:00:00 UTC'); kept "
        "without a date",
    ]
    seen = network.interactions.query("kind == 'message'")["date"].dropna()
    assert sorted(seen.dt.strftime("%Y-%m-%d %H:%M").tolist()) == [
        "2024-05-01 10:00",
        "2024-05-02 11:00",
    ]


def test_utc_seconds_takes_only_the_exact_shape():
    good = np.array(["2026-11-21 22:22:43 UTC", "2024-02-29 00:00:00 UTC"], dtype=object)
    expected = pd.to_datetime(pd.Series(good).str.removesuffix(" UTC")).astype("datetime64[ns]")
    assert (utc_seconds(good) == expected.to_numpy()).all()
    for odd in (
        "2026-11-21 22:22:43 UTC ",  # surrounding space
        "2026-11-21T22:22:43 UTC",
        "2026-11-21 22:22:43",
        "2025-02-29 00:00:00 UTC",  # no such day
        "2025-02-28 23:59:60 UTC",  # pandas takes leap seconds, numpy does not: pandas decides
        "２026-11-21 22:22:43 UTC",
        "1000-01-01 00:00:00 UTC",  # beyond nanoseconds: numpy would wrap it round to 2169
        "",
    ):
        cells = np.array([good[0], odd], dtype=object)
        assert utc_seconds(cells) is None, odd
        dates, _ = parse_dates(pd.Series(cells))
        assert dates.iloc[0] == pd.Timestamp("2026-11-21 22:22:43")
    assert utc_seconds(np.array([None], dtype=object)) is None
    dates, unreadable = parse_dates(pd.Series(["1000-01-01 00:00:00 UTC"]))
    assert dates.isna().all() and unreadable == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=14), st.none(), st.sampled_from(["", " ", "_-", "a-\n-b"])))
)
def test_fold_all_is_fold_of_each(texts):
    assert fold_all(texts) == [fold(text) for text in texts]


URL_PARTS = st.sampled_from(
    ["https://www.linkedin.com/in/", "HTTPS://WWW.LINKEDIN.COM/in/", "http://uk.linkedin.com/in/",
     "www.linkedin.com/in/", "urn:li:member:", " ", "", "%C3%A9", "?trk=x", "#a", "/", "é", "ab"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.lists(URL_PARTS, max_size=4).map("".join), st.text(max_size=8))))
def test_normalize_urls_is_normalize_url_of_each(urls):
    expected = [normalize_url(url) for url in urls]
    assert normalize_urls(urls) == expected
    assert normalize_urls(urls) == expected  # now every spelling remembered


CELLS = st.sampled_from(["", "Ravi Shah", "https://www.linkedin.com/in/ravi", "INBOX", "No"])


def _copied(text: str) -> str:
    """An equal string that is another object (bar the empty one, of which there is one)."""
    return text[:1] + text[1:]


# "crude": rows mixed into the identity of their last cell alone, so that rows which share
# it and differ elsewhere fail the check, and every row is grouped by value instead.
@pytest.mark.parametrize("mix", ["as is", "crude"])
@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(st.tuples(CELLS, st.booleans()), min_size=3, max_size=3)))
def test_kinds_are_the_distinct_rows_in_order_of_first_use(mix, rows):
    """Kinds are told apart by the identity of cells first: equal values in other objects
    (as the parser makes in another block of rows) are still one kind."""
    cells = [[_copied(text) if copy else text for text, copy in row] for row in rows]
    frame = pd.DataFrame(cells, columns=["a", "b", "c"], dtype=object)
    first_row: dict[tuple, int] = {}
    for number, row in enumerate(map(tuple, cells)):
        first_row.setdefault(row, number)
    expected_kind = [list(first_row).index(tuple(row)) for row in cells]
    with pytest.MonkeyPatch.context() as patch:
        if mix == "crude":
            patch.setattr(messages, "_MIX", np.uintp(0))
        kind, first = messages._kinds(frame, ["a", "b", "c"])
    assert kind.tolist() == expected_kind
    assert first.tolist() == list(first_row.values())
