"""Imported by every Python process of CI's year-ahead run (`PYTHONPATH`, see .ci/run), which keeps
the monotonic clock real (`FAKETIME_DONT_FAKE_MONOTONIC=1`) so timed waits end when they should.

libfaketime 0.9.10 (Debian 12's) still shifts an absolute `CLOCK_MONOTONIC` deadline as if that
clock were faked, so `time.sleep`, which sleeps to one (`clock_nanosleep`, Python 3.11+), fails
with EINVAL (fixed in libfaketime 0.9.11). `select`'s relative timeout it passes on untouched: where
`time.sleep` fails, it sleeps with that instead.
"""

import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


try:
    time.sleep(1e-6)
except OSError:
    time.sleep = _sleep
