"""`build.py bench --links`: the profiles it knows, and what it sets on the browser for each."""

import argparse

import pytest

from buildkit.bench_links import LOOPBACK, link_names


def test_links_are_picked_by_name_in_the_order_given() -> None:
    chosen = link_names("5mbit, loopback")
    assert [link.name for link in chosen] == ["5mbit", "loopback"]
    slow = chosen[0]
    assert slow.conditions() == {
        "offline": False,
        "latency": 150,
        "downloadThroughput": 625_000,
        "uploadThroughput": 125_000,
    }
    assert LOOPBACK.conditions() is None, "loopback is not emulated"


def test_slow_links_take_a_share_of_the_runs_but_at_least_one() -> None:
    loopback, twenty, five = link_names("loopback,20mbit,5mbit")
    assert (loopback.runs(9), twenty.runs(9), five.runs(9)) == (9, 3, 2)
    assert five.runs(1) == 1


@pytest.mark.parametrize("value", ["", "dialup", "loopback,dialup"])
def test_unknown_links_are_refused_naming_the_known_ones(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="loopback, 20mbit, 5mbit"):
        link_names(value)
