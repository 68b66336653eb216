"""Walking a whole track list page by page, politely."""

from collections.abc import AsyncIterator, Awaitable, Callable

from app.openwhyd.models import Track, TrackPage

PageFetcher = Callable[[str | None], Awaitable[TrackPage]]
"""Fetches the page that comes after a cursor (None: the first page)."""

Sleep = Callable[[float], Awaitable[None]]


async def walk_pages(
    fetch_page: PageFetcher, cursor_of: Callable[[Track], str], delay: float, sleep: Sleep
) -> AsyncIterator[Track]:
    """Every track of a list, in order: fetch a page, yield its tracks, wait `delay` seconds,
    then fetch what comes after the last one, for as long as the server says there is more.

    Stops too when a cursor does not move, so a server that ignores `after` cannot loop it.
    """
    after = None
    while True:
        page = await fetch_page(after)
        for track in page.tracks:
            yield track
        if not page.has_more or not page.tracks:
            return
        cursor = cursor_of(page.tracks[-1])
        if cursor == after:
            return
        after = cursor
        await sleep(delay)
