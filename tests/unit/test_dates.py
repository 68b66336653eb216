"""Dates as the app shows them: how long ago, from the clock it is given, and the full date."""

from datetime import UTC, datetime, timedelta

import pytest

from app.ui.core.dates import ago, stamp

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("before", "words"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(seconds=-30), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=59), "59 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(days=3, hours=5), "3 days ago"),
        (timedelta(days=13), "1 week ago"),
        (timedelta(days=45), "1 month ago"),
        (timedelta(days=800), "2 years ago"),
    ],
)
def test_how_long_ago_in_the_largest_unit_that_fits(before: timedelta, words: str) -> None:
    assert ago(NOW - before, NOW) == words


def test_a_stamp_prints_as_a_time_element_with_the_full_date_as_its_title() -> None:
    made = datetime(2026, 5, 29, 9, 7, 3, tzinfo=UTC)
    printed = str(stamp(made, NOW).__html__())
    assert printed == '<time datetime="2026-05-29T09:07:03Z" title="29 May 2026, 09:07 UTC">3 days ago</time>'
    assert stamp(None, NOW) is None
