"""Sharing the read-only store between requests without shutting out ``eventcoder ingest``.

Opening a DuckDB file costs tens of milliseconds, about ten times a typical query, so
concurrent requests share one read-only Store (each through its own cursor), and it stays open
for ``linger`` seconds after the last request so that a client paging through results does not
reopen it every time. While it is open, another process cannot write (DuckDB locks the file per
process; see eventcoder.store). So a store held for ``max_hold`` seconds takes no new requests:
once the running ones finish it is closed, and it is reopened only after ``gap`` seconds, in
which an ingest waiting for the lock (it retries every 50 ms) gets its turn.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventcoder.store import Store


class ReaderPool:
    """One read-only Store lent to concurrent requests; see the module docstring."""

    def __init__(
        self, path: Path, *, wait: float, linger: float, max_hold: float, gap: float
    ) -> None:
        self.path = path
        self.wait = wait
        self.linger = linger
        self.max_hold = max_hold
        self.gap = gap
        self._condition = threading.Condition()
        self._store: Store | None = None
        self._opened = 0.0
        self._released = 0.0
        self._reopen_after = 0.0
        self._users = 0
        self._timer_pending = False

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        """A Store of its own for this thread, on the shared open database."""
        with self._condition:
            self._acquire()
            self._users += 1
            try:
                reader = self._store.reader()
            except BaseException:
                self._release()
                raise
        try:
            yield reader
        finally:
            reader.close()
            with self._condition:
                self._release()

    def close(self) -> None:
        """Close the shared store once no request uses it (before this process writes)."""
        with self._condition:
            self._condition.wait_for(lambda: self._users == 0)
            self._close()

    def _acquire(self) -> None:
        while True:
            now = time.monotonic()
            if self._store is not None and now - self._opened > self.max_hold:
                if self._users:
                    self._condition.wait()
                    continue
                self._close()
                self._reopen_after = now + self.gap
            if self._store is None:
                if now < self._reopen_after:
                    self._condition.wait(self._reopen_after - now)
                    continue
                # Opened while holding the condition: the others would wait for it anyway.
                self._store = Store.open(self.path, read_only=True, wait=self.wait)
                self._opened = time.monotonic()
            return

    def _release(self) -> None:
        self._users -= 1
        self._released = time.monotonic()
        self._condition.notify_all()
        if self._users:
            return
        if self.linger <= 0:
            self._close()
            return
        if not self._timer_pending:
            self._start_timer(self.linger)

    def _start_timer(self, delay: float) -> None:
        # Not a daemon: at exit Python waits for it, so the store is closed before DuckDB
        # is torn down (a daemon thread closing it then aborts the process).
        self._timer_pending = True
        threading.Timer(delay, self._close_if_idle).start()

    def _close_if_idle(self) -> None:
        with self._condition:
            self._timer_pending = False
            if self._users or self._store is None:
                return  # the next release starts the timer again
            idle = time.monotonic() - self._released
            if idle >= self.linger:
                self._close()
            else:
                self._start_timer(self.linger - idle)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._condition.notify_all()
