"""Work on the validated atlas done in a forked process while the parent renders the pages.

After validation the build renders the pages and makes the files of ``open-data/`` (the JSON document, the
spreadsheets, feeds and calendars: about 6 s of processor time at 20,000 entries). Neither reads what the other
makes, so the open data is made in a child process, on whichever core is free. The child is forked, so it
shares the parent's atlas without copying or pickling it; it hands back only its files (bytes), through a pipe.

Forking a process that runs other threads can leave a lock held in the child forever, so with more than
one thread (a server such as ``atlas serve``) nothing is forked: ``result`` then does the work
itself, in the parent, as before. Either way the result is the same bytes.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from ..errors import BuildError

T = TypeVar("T")


def can_fork() -> bool:
    """Forking is safe here: the platform has it and this process runs no other thread."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class Alongside(Generic[T]):
    """The result of ``work``, made in a forked child (or, where that cannot be, in the parent on demand)."""

    def __init__(self, work: Callable[[], T], fork: bool, what: str = "het werk naast het renderen") -> None:
        self._work, self._what = work, what  # ``what``: the child, named in the error when it dies
        self._process: Any = None  # a multiprocessing Process of the fork context (not exposed by typeshed)
        self._connection: Connection | None = None
        if fork:
            receiving, sending = multiprocessing.Pipe(duplex=False)
            process = multiprocessing.get_context("fork").Process(
                target=_run_and_send, args=(work, sending), name="atlas-alongside", daemon=True
            )
            gc.freeze()  # the child's collector then leaves the shared atlas (and its memory pages) alone
            try:
                process.start()
            finally:
                gc.unfreeze()
            sending.close()  # the child holds the sending end: the parent sees end-of-file when it dies
            self._process, self._connection = process, receiving

    @property
    def forked(self) -> bool:
        return self._process is not None

    def result(self) -> T:
        """Wait for the child's result and return it, or raise the error it raised; in the parent: do the work."""
        if self._connection is None:
            return self._work()
        try:
            ok, value = self._connection.recv()
        except EOFError:
            self._process.join()
            code = self._process.exitcode
            raise BuildError(f"{self._what} stopte zonder resultaat (code {code})") from None
        finally:
            self._connection.close()
            self._connection = None
        self._process.join()
        if not ok:
            raise value
        result: T = value
        return result

    def stop(self) -> None:
        """End the child if it still runs (the parent failed before it asked for the result)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        if self._connection is not None:
            self._connection.close()
            self._connection = None


@contextmanager
def alongside(work: Callable[[], T], fork: bool | None = None) -> Iterator[Alongside[T]]:
    """``work`` started in a forked child (when ``can_fork``, or as ``fork`` says); the child is ended on leaving."""
    job = Alongside(work, can_fork() if fork is None else fork)
    try:
        yield job
    finally:
        job.stop()


def _run_and_send(work: Callable[[], Any], connection: Connection) -> None:
    """In the child: the result, or the error, goes to the parent (an error that cannot be pickled as text)."""
    try:
        connection.send((True, work()))
    except Exception as error:  # handed to the parent, which raises it
        try:
            connection.send((False, error))
        except Exception:  # the error itself could not be pickled: its text still tells what failed
            connection.send((False, BuildError(f"{type(error).__name__}: {error}")))
    finally:
        connection.close()
