"""The test-mode clock route: it moves the time of the whole run, or says why it cannot."""

from datetime import timedelta

import pytest
from heavy_http import call


def test_the_clock_route_answers_the_new_time(heavy, service_clock):
    assert service_clock(at="2030-06-15T08:30:00Z").isoformat().startswith("2030-06-15T08:30:0")
    assert service_clock(advance="86400").isoformat().startswith("2030-06-16T08:30:0")


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"advance": "-1"},
        {"advance": "nan"},
        {"at": "next week"},
        {"at": "1969-12-31T23:59:59Z"},
        {"advance": "1", "real": "1"},
        {"real": "yes"},
    ],
)
def test_the_clock_route_refuses_what_it_cannot_do(heavy, service_clock, form):
    before = service_clock(at="2030-06-15T08:30:00Z")
    (error,) = call("POST", f"{heavy}/test/clock", form=form).json()["errors"]
    assert error["status"] == "400"
    assert service_clock(advance="0") - before < timedelta(seconds=30)
