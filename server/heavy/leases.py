"""A lease renewed while its work runs: a compile worker's claim on a job, a process's claim on a
target it builds. Renewed every `every` seconds until the work ends or a renewal finds it lost."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def renewed(renew: Callable[[], bool], every: float) -> Iterator[None]:
    """Runs `renew` every `every` seconds while the block runs; it answers False once the lease
    is lost, which ends the renewing."""
    stop = threading.Event()

    def renewing() -> None:
        while not stop.wait(every) and renew():
            pass

    thread = threading.Thread(target=renewing, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
