"""A submit waiting for its job hears an ending rung between its look at the queue and its wait."""

import threading
import time

from server.heavy.rings import Rings


def test_a_ring_between_the_look_and_the_wait_is_not_slept_through() -> None:
    rings = Rings()
    seen = rings.count()
    rings.ring()  # the job ended after the submit read the queue, before it began to wait
    started = time.monotonic()
    rings.wait_past(seen, timeout=30)
    assert time.monotonic() - started < 10, "it did not wait for the timeout"


def test_a_ring_while_waiting_wakes_the_waiter_and_nothing_else_does() -> None:
    rings = Rings()
    seen = rings.count()
    woke = threading.Event()

    def waiter() -> None:
        rings.wait_past(seen, timeout=30)
        woke.set()

    thread = threading.Thread(target=waiter)
    thread.start()
    assert not woke.wait(0.2)
    rings.ring()
    assert woke.wait(10)
    thread.join()
    assert rings.count() == seen + 1
