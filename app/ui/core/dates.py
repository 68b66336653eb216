"""Dates as people read them: "3 days ago" beside a post or a comment, the full date when pointed at.
"Now" is always the injected clock's, never the machine's, so the words follow the page's time."""

from dataclasses import dataclass
from datetime import UTC, datetime

from markupsafe import Markup

from app.ui.core.wording import counted

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
UNITS = (
    (365 * 86400, "year"),
    (30 * 86400, "month"),
    (7 * 86400, "week"),
    (86400, "day"),
    (3600, "hour"),
    (60, "minute"),
)
"""The largest unit that fits says how long ago; a month is 30 days, as people round it."""


@dataclass(frozen=True)
class Stamp:
    """What a `<time>` element shows: `relative` as its text, `full` as its title, `iso` as its
    `datetime`."""

    iso: str
    full: str
    relative: str

    def __html__(self) -> str:
        """What a template prints for it: `{{ stamp }}` is the whole element. Its words are made
        here of digits and English, nothing to escape (a row of a long list prints one)."""
        return Markup(f'<time datetime="{self.iso}" title="{self.full}">{self.relative}</time>')


def ago(then: datetime, now: datetime) -> str:
    """How long before `now` `then` was; "just now" under a minute, or for a clock a little behind."""
    seconds = (now - then).total_seconds()
    for size, unit in UNITS:
        if seconds >= size:
            return f"{counted(int(seconds // size), unit)} ago"
    return "just now"


def full_date(when: datetime) -> str:
    """`when` is in UTC."""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, {when.hour:02}:{when.minute:02} UTC"


def stamp(then: datetime | None, now: datetime) -> Stamp | None:
    """The stamp of something made at `then` (None when it has no date: a legacy id)."""
    if then is None:
        return None
    then = then.astimezone(UTC)
    iso = f"{then.year:04}-{then.month:02}-{then.day:02}T{then.hour:02}:{then.minute:02}:{then.second:02}Z"
    return Stamp(iso, full_date(then), ago(then, now))
