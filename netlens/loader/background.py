"""Reading an export's largest file in a second process while the rest is read.

``messages.csv`` is most of an export (80 MB at LinkedIn's cap, against 3 MB of
connections), and parsing it needs nothing from the other files. On a machine with two
cores or more, a forked helper process parses it while this one reads the connections and
the smaller files. The helper runs a generator (:func:`~netlens.loader.messages.message_parts`)
and sends each part it yields as soon as it is ready (the kinds of message and their
senders, which this process works on while the helper goes on; then the dates and the
recipients): numpy arrays and small frames, quick to pickle.

Where forking is not safe or not worth it (not Linux, one core, a small file) the generator
runs here instead, with the same parts. If the helper fails in any way but a
:class:`~netlens.errors.NetlensError`, the parts it did not send are made here.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from netlens import processes
from netlens.errors import NetlensError
from netlens.loader.archive import Export, Member, open_export

__all__ = ["MIN_BYTES", "Helper", "start"]

# Below this, forking and handing over cost about what parsing in parallel saves.
MIN_BYTES = 4 * 1024**2
Produce = Callable[[Member, list[str]], Iterator]


class Helper:
    """A file being read by a forked process."""

    def __init__(self, process, receiver: Connection, member: Member, produce: Produce):
        self._process = process
        self._receiver = receiver
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
                outcome, value, found = self._receiver.recv()
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

    def stop(self) -> None:
        """End the helper (at once if it is still working: its parts are not needed)."""
        self._receiver.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def start(export: Export, kind: str, produce: Produce) -> Helper | None:
    """Start making the parts of the ``kind`` file of ``export`` in a forked process, or
    None when it is better done here."""
    member = export.files.get(kind)
    if member is None or member.size < MIN_BYTES or not processes.can_fork():
        return None
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_send_parts, args=(sender, export.source, kind, produce), daemon=True
    )
    process.start()
    sender.close()
    return Helper(process, receiver, member, produce)


def _send_parts(sender: Connection, source: Path, kind: str, produce: Produce) -> None:
    """In the helper: open the export afresh (an open zip's file offset is shared with the
    parent after a fork) and send (outcome, part, warnings since the last part). Parts are
    pickled here and written by a thread, so that making the next one does not wait for
    the parent to read (a thread that wrote and pickled would hold Python's lock against
    the work on the next part)."""
    outbox: queue.SimpleQueue = queue.SimpleQueue()
    postman = threading.Thread(target=_post, args=(sender, outbox))
    postman.start()
    warnings: list[str] = []
    try:
        with open_export(source) as export:
            try:
                for part in produce(export.files[kind], warnings):
                    outbox.put(_pickled("part", part, warnings[:]))
                    warnings.clear()
                outbox.put(_pickled("done", None, warnings))
            except NetlensError as exc:
                outbox.put(_pickled("error", exc, warnings))
    except BaseException:  # the pipe closes; the parent makes the rest of the parts itself
        pass
    finally:
        outbox.put(None)
        postman.join()
        sender.close()


def _pickled(*message) -> bytes:
    return bytes(ForkingPickler.dumps(message))


def _post(sender: Connection, outbox: queue.SimpleQueue) -> None:
    while (message := outbox.get()) is not None:
        try:
            sender.send_bytes(message)
        except OSError:  # the parent has gone: send no more
            return
