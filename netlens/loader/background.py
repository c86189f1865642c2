"""Reading an export's largest file in a second process while the rest is read.

``messages.csv`` is most of an export (80 MB at LinkedIn's cap, against 3 MB of
connections), and parsing it needs nothing from the other files. On a machine with two
cores or more, a forked helper process parses it while this one reads the connections and
the smaller files. The helper runs a generator (:func:`~netlens.loader.messages.message_parts`)
and sends each part it yields as soon as it is ready (the kinds of message and their
senders; then the recipients; then the dates), so that this process works on each while
the helper makes the next: numpy arrays and small frames, quick to pickle. A part goes
through memory shared with the helper, and the pipe only says where it is: through a pipe,
64 kB at a time, a part of a few megabytes takes tens of milliseconds, which the whole load waits.

Where forking is not safe or not worth it (not Linux, one core, a small file) the generator
runs here instead, with the same parts. If the helper fails in any way but a
:class:`~netlens.errors.NetlensError`, the parts it did not send are made here.
"""

from __future__ import annotations

import mmap
import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from netlens import processes
from netlens.errors import NetlensError
from netlens.loader.archive import Export, Member, open_export

__all__ = ["MIN_BYTES", "SHARED_BYTES", "Helper", "start"]

# Below this, forking and handing over cost about what parsing in parallel saves.
MIN_BYTES = 4 * 1024**2
# At most this much room for the parts (at the cap, 300,000 messages make 7 MB of parts
# from 80 MB of file), and never more than the file's size. Reserved, not taken: only the
# pages written take memory. A part that does not fit goes by the pipe.
SHARED_BYTES = 256 * 1024**2
Produce = Callable[[Member, list[str]], Iterator]


class Helper:
    """A file being read by a forked process."""

    def __init__(
        self,
        process,
        receiver: Connection,
        shared: mmap.mmap | None,
        member: Member,
        produce: Produce,
    ):
        self._process = process
        self._receiver = receiver
        self._shared = shared
        self._member = member
        self._produce = produce

    def parts(self, warnings: list[str], idle: Callable[[], object] | None = None) -> Iterator:
        """What ``produce(member, warnings)`` yields (or raises), with its warnings appended
        to ``warnings`` as they come. ``idle`` is called the first time the next part is
        not there yet: something to do instead of waiting."""
        delivered = 0
        while True:
            if idle is not None and not self._receiver.poll():
                idle, work = None, idle
                work()
            try:
                outcome, value, found = self._receive()
            except (EOFError, OSError):  # the helper died: make the rest here
                break
            warnings.extend(found)
            if outcome == "error":
                self.stop()
                raise value
            if outcome == "done":
                self.stop()
                return
            delivered += 1
            yield value
        self.stop()
        found = []
        for index, value in enumerate(self._produce(self._member, found)):
            if index >= delivered:
                warnings.extend(found)
                yield value
            found.clear()
        warnings.extend(found)

    def _receive(self) -> tuple:
        where, message = self._receiver.recv()
        if where == "shared":
            start, size = message
            with memoryview(self._shared)[start : start + size] as pickled:
                return pickle.loads(pickled)
        return pickle.loads(message)

    def stop(self) -> None:
        """End the helper (at once if it is still working: its parts are not needed)."""
        self._receiver.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        if self._shared is not None:
            self._shared.close()


def start(export: Export, kind: str, produce: Produce) -> Helper | None:
    """Start making the parts of the ``kind`` file of ``export`` in a forked process, or
    None when it is better done here."""
    member = export.files.get(kind)
    if member is None or member.size < MIN_BYTES or not processes.can_fork():
        return None
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    try:
        # Anonymous, so shared with the fork; parts are a tenth of the file's size or less.
        shared = mmap.mmap(-1, min(SHARED_BYTES, member.size))
    except OSError:  # the system would not reserve it: every part by the pipe
        shared = None
    process = context.Process(
        target=_send_parts, args=(sender, shared, export.source, kind, produce), daemon=True
    )
    process.start()
    sender.close()
    return Helper(process, receiver, shared, member, produce)


def _send_parts(
    sender: Connection, shared: mmap.mmap | None, source: Path, kind: str, produce: Produce
) -> None:
    """In the helper: open the export afresh (an open zip's file offset is shared with the
    parent after a fork) and send (outcome, part, warnings since the last part), each
    part after the one before in the shared memory. What the pipe carries is a few bytes
    that never wait for the parent to read, so making the next part never does either."""
    free = 0

    def send(*message) -> None:
        nonlocal free
        pickled = ForkingPickler.dumps(message)
        end = free + len(pickled)
        if shared is not None and end <= len(shared):
            shared[free:end] = pickled
            sender.send(("shared", (free, len(pickled))))
            free = end
        else:
            sender.send(("pipe", bytes(pickled)))

    warnings: list[str] = []
    try:
        with open_export(source) as export:
            try:
                for part in produce(export.files[kind], warnings):
                    send("part", part, warnings[:])
                    warnings.clear()
                send("done", None, warnings)
            except NetlensError as exc:
                send("error", exc, warnings)
    except BaseException:  # the pipe closes; the parent makes the rest of the parts itself
        pass
    finally:
        sender.close()
