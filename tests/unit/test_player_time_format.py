"""Elapsed and total times as the player bar shows them."""

import math

import pytest

from app.player.time_format import UNKNOWN, clock


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0:00"),
        (7.9, "0:07"),
        (60, "1:00"),
        (187, "3:07"),
        (3599.9, "59:59"),
        (3600, "1:00:00"),
        (3729, "1:02:09"),
        (36000, "10:00:00"),
        (-2, "0:00"),
    ],
)
def test_times_show_as_minutes_and_seconds_or_hours_from_an_hour_on(seconds: float, shown: str) -> None:
    assert clock(seconds) == shown


def test_elapsed_time_takes_the_shape_of_an_hour_long_total() -> None:
    assert clock(303, total=3720) == "0:05:03"
    assert clock(303, total=3599) == "5:03"


@pytest.mark.parametrize("seconds", [None, math.nan, math.inf])
def test_unknown_and_endless_times_show_as_dashes(seconds: float | None) -> None:
    assert clock(seconds) == UNKNOWN
    assert clock(30, total=seconds) == "0:30"
