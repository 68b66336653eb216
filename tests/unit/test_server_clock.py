"""The clock both services read, and the moves the test-mode routes make with it."""

from datetime import UTC, date, datetime, timedelta

import pytest

from server.clock import Clock
from server.clock_moves import BadMove, move

SLACK = 30
"""Seconds a test may take between two readings of a running clock."""


def test_advance_moves_wall_and_monotonic_time_together() -> None:
    clock = Clock()
    wall, steady = clock.now(), clock.monotonic()
    clock.advance(3600)
    assert 3600 <= clock.now() - wall < 3600 + SLACK
    assert 3600 <= clock.monotonic() - steady < 3600 + SLACK
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_set_puts_every_reading_at_the_date_and_time_runs_on_from_there() -> None:
    clock = Clock()
    clock.set(datetime(2031, 3, 1, 12, 0))
    assert timedelta(0) <= clock.utcnow() - datetime(2031, 3, 1, 12, 0) < timedelta(seconds=SLACK)
    assert clock.utcnow().tzinfo is None and clock.today() == date(2031, 3, 1)
    assert 0 <= clock.now() - datetime(2031, 3, 1, 12, tzinfo=UTC).timestamp() < SLACK
    clock.set(datetime(2031, 3, 1, 14, 0, tzinfo=UTC).astimezone())
    assert clock.utcnow().hour == 14


def test_monotonic_time_never_goes_back_even_when_the_date_does() -> None:
    clock = Clock()
    clock.set(datetime(2040, 1, 1))
    steady = clock.monotonic()
    clock.set(datetime(2000, 1, 1))
    assert 0 <= clock.monotonic() - steady < SLACK
    assert clock.today() == date(2000, 1, 1)


def test_reset_is_the_machines_time_again() -> None:
    clock = Clock()
    clock.set(datetime(2040, 1, 1))
    clock.reset()
    assert abs(clock.now() - Clock().now()) < SLACK


@pytest.mark.parametrize(
    ("fields", "to"),
    [
        ({"at": "2031-03-01T12:00:00Z"}, datetime(2031, 3, 1, 12)),
        ({"at": "2031-03-01T14:00:00+02:00"}, datetime(2031, 3, 1, 12)),
        ({"at": "2031-03-01"}, datetime(2031, 3, 1)),
        ({"at": "2031-03-01T12:00:00Z", "advance": None}, datetime(2031, 3, 1, 12)),
    ],
)
def test_at_is_utc_whatever_the_form(fields: dict, to: datetime) -> None:
    clock = Clock()
    move(clock, fields)
    assert timedelta(0) <= clock.utcnow() - to < timedelta(seconds=SLACK)


def test_advance_and_real() -> None:
    clock = Clock()
    move(clock, {"at": "2031-03-01T12:00:00Z"})
    move(clock, {"advance": "90.5"})
    moved = clock.utcnow() - datetime(2031, 3, 1, 12)
    assert timedelta(seconds=90.5) <= moved < timedelta(seconds=90.5 + SLACK)
    move(clock, {"real": "1"})
    assert abs(clock.now() - Clock().now()) < SLACK


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"advance": None, "at": None},
        {"other": "1"},
        {"advance": "1", "at": "2031-03-01"},
        {"advance": "-0.5"},
        {"advance": "nan"},
        {"advance": "inf"},
        {"advance": "1e12"},
        {"advance": "soon"},
        {"at": "1969-12-31T23:59:59Z"},
        {"at": "2106-02-08T00:00:00Z"},
        {"at": "tomorrow"},
        {"real": "0"},
    ],
)
def test_bad_moves_are_refused_and_leave_the_clock_alone(fields: dict) -> None:
    clock = Clock()
    clock.set(datetime(2031, 3, 1))
    with pytest.raises(BadMove):
        move(clock, fields)
    assert clock.today() == date(2031, 3, 1)
