"""Long lists on a fake page: the first rows drawn, the window following the scroll, pages asked for
near the end one at a time, a failed page retried, and the queue growing with the list it plays."""

import asyncio
import re

from fake_page import FakePage
from fake_ports import fake_ports
from player_harness import Harness
from ui_state import app_state

from app.api.errors import ServerError
from app.openwhyd.models import HotTrack, HotTracks, Track
from app.ui.components import long_list
from app.ui.components.paged_list import Chunk
from app.ui.components.player_bar import PLAYER_ACTIONS, player_changed
from app.ui.components.virtual_list import Geometry, Window
from app.ui.core.app import App
from app.ui.core.router import match
from app.ui.screens.openwhyd import hot

KEY = "playlist:u:0"
ROW = 70.0
ALL = tuple(Track(id=f"p{n}", eid=f"/fi//audio/{n}.wav", name=f"Tone {n}", user_id="u") for n in range(1000))


class ListPage(FakePage):
    """A page whose list is `viewport` high and scrolled `scrolled` pixels into the list."""

    def __init__(self) -> None:
        super().__init__()
        self.scrolled = 0.0
        self.shown = (0, 0)
        self.on_screen = True
        self.patches: list[tuple[Window, str, str]] = []
        self.statuses: list[str] = []

    def list_geometry(self, element_id: str) -> Geometry | None:
        return Geometry(-self.scrolled, 800, ROW, self.shown) if self.on_screen else None

    def patch_list(self, element_id: str, wanted: Window, above: str, below: str) -> None:
        self.patches.append((wanted, above, below))
        self.shown = (wanted.start, wanted.end)

    def set_list_status(self, element_id: str, markup: str) -> None:
        self.statuses.append(markup)


class Pages:
    """The service's side: pages of `ALL` by `skip` cursor; it can fail, or hold a page back."""

    def __init__(self) -> None:
        self.asked: list[tuple[str | None, int]] = []
        self.failing = False
        self.held: asyncio.Event | None = None

    async def fetch(self, cursor: str | None, size: int) -> Chunk:
        self.asked.append((cursor, size))
        if self.held:
            await self.held.wait()
        if self.failing:
            raise ServerError("The service is resting.")
        start = int(cursor or 0)
        end = min(start + size, len(ALL))
        return Chunk(ALL[start:end], str(end) if end < len(ALL) else None)


def list_app() -> tuple[App, ListPage, Pages]:
    page, pages = ListPage(), Pages()
    state = app_state(player=Harness(on_change=lambda change: player_changed(app, change)).player)
    app = App(fake_ports(page), state, {**PLAYER_ACTIONS, **long_list.ACTIONS})
    app.mount()
    return app, page, pages


def started(app: App, pages: Pages) -> str:
    first = Chunk(ALL[:100], "100")
    return long_list.start(app.state, KEY, "Tracks", first, pages.fetch, 100, total=len(ALL))


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def positions(markup: str) -> list[int]:
    return [int(n) for n in re.findall(r'aria-posinset="(\d+)"', markup)]


def test_a_long_list_starts_with_its_first_rows_and_knows_its_length() -> None:
    app, _, pages = list_app()
    markup = started(app, pages)
    assert positions(markup) == list(range(1, long_list.FIRST_ROWS + 1))
    assert 'aria-setsize="1000"' in markup and f'data-long-list="{KEY}"' in markup
    assert 'data-action="list-more"' in markup  # more to come, for whoever wants it now
    assert app.state.lists[KEY] == ALL[:100]
    assert pages.asked == []


def test_the_window_follows_the_scroll_and_draws_only_the_rows_it_adds() -> None:
    app, page, pages = list_app()
    started(app, pages)
    page.shown = (0, long_list.FIRST_ROWS)
    page.scrolled = 30 * ROW
    long_list.show_window(app, KEY)
    wanted, above, below = page.patches[-1]
    assert (wanted.start, wanted.end) == (26, 46) and wanted.before == 26 * ROW
    assert wanted.after == (100 - 46) * ROW  # what is loaded: the list grows as pages arrive
    assert above == "" and positions(below) == list(range(27, 47))
    assert 'data-index="26"' in below  # playing from a row plays that track of the whole list

    long_list.show_window(app, KEY)  # nothing moved: nothing to do
    assert len(page.patches) == 1
    assert pages.asked == []


def test_near_the_end_the_next_page_comes_once_and_the_list_grows() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        pages.held = asyncio.Event()
        page.scrolled = 80 * ROW
        long_list.show_window(app, KEY)
        long_list.show_window(app, KEY)
        await settle()
        assert pages.asked == [("100", 100)]  # one request at a time
        assert "Loading more tracks" in page.statuses[-1]
        pages.held.set()
        await settle()
        assert app.state.lists[KEY] == ALL[:200]
        assert page.statuses[-1].strip() != "" and "Loading" not in page.statuses[-1]
        assert page.patches[-1][0].after == (200 - page.patches[-1][0].end) * ROW

    asyncio.run(scenario())


def test_a_failed_page_is_reported_and_tried_again_on_request() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        pages.failing = True
        page.scrolled = 90 * ROW
        long_list.show_window(app, KEY)
        await settle()
        assert "More tracks could not be loaded: The service is resting." in page.statuses[-1]
        assert 'role="alert"' in page.statuses[-1] and "Try again" in page.statuses[-1]
        long_list.show_window(app, KEY)
        page.scrolled += ROW
        long_list.show_window(app, KEY)
        await settle()
        assert len(pages.asked) == 1  # no retry behind the user's back

        pages.failing = False
        await app.act("list-more", {"list": KEY})
        assert app.state.lists[KEY] == ALL[:200] and len(pages.asked) == 2
        assert "could not" not in page.statuses[-1] and not page.errors

    asyncio.run(scenario())


def test_the_list_ends_when_the_service_says_so() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        page.scrolled = 2000 * ROW
        for _ in range(10):
            long_list.show_window(app, KEY)
            await settle()
        assert len(app.state.lists[KEY]) == 1000
        assert [size for _, size in pages.asked] == [100, 200, 400, long_list.LARGEST_PAGE]
        assert page.statuses[-1].strip() == ""
        wanted, _, below = page.patches[-1]
        assert (wanted.end, wanted.after) == (1000, 0)
        assert positions(below) == list(range(996, 1001)) and 'aria-setsize="1000"' in below

    asyncio.run(scenario())


def test_the_queue_playing_the_list_grows_with_it_and_another_queue_does_not() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        await app.act("play-list", {"list": KEY, "index": "98"})
        page.scrolled = 90 * ROW
        long_list.show_window(app, KEY)
        await settle()
        queue = app.state.player.queue  # its next pages come as it nears their end, and as it scrolls
        assert [entry.item for entry in queue.listed] == list(app.state.lists[KEY]) == list(ALL[:400])
        assert queue.current.item is ALL[98] and queue.has_next

        app.state.player.play_list(ALL[500:502])
        page.scrolled = 190 * ROW
        long_list.show_window(app, KEY)
        await settle()
        assert len(app.state.lists[KEY]) == 400
        assert [entry.item for entry in app.state.player.queue.listed] == list(ALL[500:502])

    asyncio.run(scenario())


def test_rows_drawn_later_mark_the_track_playing() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        await app.act("play-list", {"list": KEY, "index": "40"})
        page.shown, page.scrolled = (0, 18), 35 * ROW
        long_list.show_window(app, KEY)
        rows = page.patches[-1][2].split("</li>")
        current = [row for row in rows if 'aria-current="true"' in row]
        assert len(current) == 1 and 'data-track-id="p40"' in current[0]

    asyncio.run(scenario())


def test_a_page_arriving_after_the_screen_changed_touches_nothing() -> None:
    async def scenario() -> None:
        app, page, pages = list_app()
        started(app, pages)
        pages.held = asyncio.Event()
        page.scrolled = 90 * ROW
        long_list.show_window(app, KEY)
        await settle()
        patches = len(page.patches)
        started(app, Pages())  # the same list drawn again, as a refresh does
        pages.held.set()
        await settle()
        assert app.state.lists[KEY] == ALL[:100] and len(page.patches) == patches

    asyncio.run(scenario())


def test_hot_tracks_go_on_by_skip_with_their_scores() -> None:
    class Hot:
        def __init__(self) -> None:
            self.asked: list[tuple[int, int]] = []

        async def hot_tracks(self, *, skip: int, limit: int) -> HotTracks:
            self.asked.append((skip, limit))
            tracks = ALL[skip : min(skip + limit, 120)]
            items = tuple(HotTrack(track, score=3, post_count=2, love_count=1) for track in tracks)
            return HotTracks(items, skip + limit if skip + limit < 120 else None)

    async def scenario() -> None:
        app, _, _ = list_app()
        client = Hot()
        app.state.services.openwhyd = client
        markup = (await hot.show(match("#/hot"), app.state)).html
        assert "1 like · 2 posts" in markup and 'href="#/t/p0?ctx=hot"' in markup
        lst = app.state.long_lists[hot.LIST_KEY]
        await long_list.load_more(app, lst)
        await long_list.load_more(app, lst)
        assert client.asked == [(0, 50), (50, 50), (100, 100)]
        assert len(lst.tracks) == 120 and lst.paging.complete and len(lst.extras) == 120

    asyncio.run(scenario())


def test_playing_near_the_end_of_the_pages_loaded_fetches_the_next_one_on_screen_or_not() -> None:
    async def scenario() -> None:
        app, _, pages = list_app()
        started(app, pages)
        await app.act("play-list", {"list": KEY, "index": "90"})
        await settle()
        assert pages.asked == [], "ten tracks to go: nothing to fetch yet"
        for _ in range(5):
            app.state.player.next()
        await settle()
        assert pages.asked == [("100", 100)]
        queue = app.state.player.queue
        assert [entry.item for entry in queue.listed] == list(ALL[:200]) and len(queue.upcoming) == 104

        started(app, Pages())  # the person went on to another screen, and the list plays on
        app.state.long_lists.clear()
        for _ in range(100):
            app.state.player.next()
        await settle()
        assert pages.asked[-1][0] == "200"
        listed = [entry.item for entry in app.state.player.queue.listed]
        assert len(listed) > 200 and listed == list(ALL[: len(listed)])

    asyncio.run(scenario())
