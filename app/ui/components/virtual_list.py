"""Long lists, the arithmetic: which rows of a list to have in the page for what is on screen, and
when to ask the service for the next page. Pure, so it is tested under CPython.

A long list shows only a window of its rows, with empty space above and below standing for the
rows that are not in the page; rows all have one height, so a row's place follows from its index.
"""

from dataclasses import dataclass, replace
from math import ceil, floor

OVERSCAN = 4
"""Rows kept past each edge of the screen: a fast scroll or a Tab shows rows already there."""
AHEAD = 24
"""When the window's end comes within this many rows (two screens or so) of the end of the rows
known, the next page is asked for, so that it is usually there before anyone scrolls to it."""


@dataclass(frozen=True)
class Window:
    """Rows `start` to `end` (exclusive) are in the page; `before` and `after` are the heights, in
    pixels, of the rows left out above and below."""

    start: int
    end: int
    before: float
    after: float


@dataclass(frozen=True)
class Geometry:
    """A list on screen as the page measured it, in pixels: from the top of the screen to the
    list's first row (in the page or not), the screen's height, from one row to the next; and
    which rows (start, end) are in the page."""

    top: float
    viewport: float
    row: float
    shown: tuple[int, int]


def window(row: float, viewport: float, scrolled: float, count: int, overscan: int = OVERSCAN) -> Window:
    """The window of a list of `count` rows `row` pixels apart, `scrolled` pixels of which are above
    the top of a `viewport` pixels high (negative while the list starts lower down the screen).
    A list wholly off screen keeps `overscan` rows at the edge nearest the screen."""
    if count <= 0 or row <= 0:
        return Window(0, 0, 0.0, 0.0)
    first = min(max(floor(scrolled / row), 0), count)
    last = min(max(ceil((scrolled + viewport) / row), 0), count)
    start = max(min(first, count - 1) - overscan, 0)
    end = min(max(last, start + 1) + overscan, count)
    return Window(start, end, start * row, (count - end) * row)


def first_window(count: int, rows: int) -> Window:
    """What a list shows before the page has measured it: its first `rows` rows."""
    return Window(0, min(count, rows), 0.0, 0.0)


def additions(shown: tuple[int, int], wanted: Window) -> tuple[range, range]:
    """The rows to add above and below the rows `shown` (start, end) to make the `wanted` window,
    once the rows outside it are taken out; all of it, below, when the two do not overlap."""
    start, end = shown
    if end <= wanted.start or wanted.end <= start or start >= end:
        return range(0), range(wanted.start, wanted.end)
    return range(wanted.start, min(start, wanted.end)), range(max(end, wanted.start), wanted.end)


def page_size(loaded: int, first: int, largest: int) -> int:
    """How many tracks to ask for next: as many as are loaded, between the first page's size and
    `largest`; a long list fills in a few requests while the first page stays quick."""
    return min(largest, max(first, loaded))


@dataclass(frozen=True)
class Paging:
    """Where a list's next page starts (`cursor`: an `after` post id or order, or a `skip`; None
    when the list is complete), and whether a request for it is out or failed. One request at a
    time: none is asked for while one is out or after one failed, until a retry."""

    cursor: str | None
    loading: bool = False
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.cursor is None

    def wants_more(self, end: int, count: int, ahead: int = AHEAD) -> bool:
        """Whether a window ending at row `end` of the `count` rows known needs the next page now."""
        return not (self.complete or self.loading or self.error) and count - end <= ahead

    def started(self) -> "Paging":
        return replace(self, loading=True, error=None)

    def loaded(self, cursor: str | None) -> "Paging":
        """After a page: the list goes on from `cursor`, unless a cursor that did not move says a
        service ignored it, which would load the same page for ever."""
        return Paging(None if cursor == self.cursor else cursor)

    def failed(self, message: str) -> "Paging":
        return replace(self, loading=False, error=message)
