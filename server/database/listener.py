"""PostgreSQL's notifications, heard by a thread of the process on a connection of its own.

The thread sleeps in `select` on its connection's socket and on a pipe `stop` writes to, so it
costs nothing while nothing happens and stops at once; psycopg's `notifies()` then reads what
arrived. A lost connection is opened again after a pause that doubles up to `LAST_PAUSE`: what
was sent meanwhile is lost, so each (re)connection calls `heard` once for every channel. Whoever
listens must then still look for themselves now and then: notifications only make them look
sooner.
"""

import logging
import os
import select
import threading
from collections.abc import Callable, Sequence

import psycopg
from psycopg import sql

FIRST_PAUSE = 0.1
"""Seconds before the first try to connect again."""
LAST_PAUSE = 10.0
"""The longest pause between two tries."""
STOPS_WITHIN = 5.0
"""Seconds `stop` waits for the thread (longer only while it waits on a connect)."""

log = logging.getLogger(__name__)


class Listener:
    """Connects with `connect` (autocommit) and `LISTEN`s on `channels`."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection],
        channels: Sequence[str],
        heard: Callable[[str], None],
    ) -> None:
        self._connect, self._channels, self._heard = connect, tuple(channels), heard
        self._stopping = threading.Event()
        self._wake_read, self._wake_write = os.pipe()
        self._thread = threading.Thread(target=self._run, name="database-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        os.write(self._wake_write, b"\0")
        if self._thread.ident is not None:
            self._thread.join(STOPS_WITHIN)
        if not self._thread.is_alive():
            os.close(self._wake_read)
            os.close(self._wake_write)

    def _run(self) -> None:
        pause, lost = FIRST_PAUSE, False
        while not self._stopping.is_set():
            try:
                with self._connect() as conn:
                    for channel in self._channels:
                        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
                    if lost:
                        log.warning("listening to the database again")
                    pause, lost = FIRST_PAUSE, False
                    self._ring_all()
                    self._hear(conn)
            except Exception as error:
                if self._stopping.is_set():
                    return
                if not lost:
                    log.warning("lost the connection it listens on (%s); trying again", _named(error))
                lost = True
                if self._wait(pause):
                    return
                pause = min(pause * 2, LAST_PAUSE)

    def _hear(self, conn: psycopg.Connection) -> None:
        while not self._wait(None, conn.fileno()):
            for notification in conn.notifies(timeout=0):
                self._heard(notification.channel)

    def _ring_all(self) -> None:
        for channel in self._channels:
            self._heard(channel)

    def _wait(self, timeout: float | None, *also: int) -> bool:
        """Waits until `also` can be read or `timeout` passes; True when stopping instead."""
        ready, _, _ = select.select([self._wake_read, *also], [], [], timeout)
        return self._wake_read in ready


def _named(error: Exception) -> str:
    """The error's class and SQLSTATE: never its message, which may quote the connection's URL."""
    state = getattr(error, "sqlstate", None)
    return f"{type(error).__name__} {state}" if state else type(error).__name__
