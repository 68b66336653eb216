"""Long lists: a 10,000-track playlist keeps only the rows near the screen in the page, loads its
pages as it is scrolled down to its last track, plays from a row far down, and lets the keyboard
reach every row; a profile loads its next page on scroll, and a failed page offers a retry.

The module runs on its own server, seeded with the long world (`long_list_steps.py`)."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from tests.e2e.long_list_steps import long_world, title
from tests.e2e.steps import open_location

MOST_NODES = 300
"""The budget of elements inside a list, whatever its length."""
LIST = "[data-long-list]"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with long_world(tmp_path_factory.mktemp("long-world")) as base:
        yield base


@pytest.fixture(scope="module", autouse=True)
def demo_world() -> None:
    """The long world is new for this module, and nothing here changes it: no reset needed."""


def nodes_in_list(page: Page) -> int:
    return page.evaluate(f"document.querySelector('{LIST}').getElementsByTagName('*').length")


def last_row(page: Page) -> int:
    """The place in the whole list (from 1) of the last row in the page."""
    return int(page.locator(f"{LIST} > li").last.get_attribute("aria-posinset"))


def next_frames(page: Page) -> None:
    """Until the page has drawn twice: a scroll's or a focus's window is in place after that."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def scroll_to_bottom(page: Page) -> None:
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    next_frames(page)


def scroll_to_row(page: Page, index: int) -> None:
    """Bring row `index` (from 0) to the top of the screen, from the list's own measure."""
    page.evaluate(f"""() => {{
        const rows = document.querySelector('{LIST}'), first = rows.firstElementChild;
        const pitch = first.nextElementSibling.offsetTop - first.offsetTop;
        scrollTo(0, scrollY + rows.getBoundingClientRect().top + {index} * pitch - 100);
    }}""")
    next_frames(page)


def open_list(page: Page, location: str) -> None:
    """At the top of the page: a screen keeps the scroll position of the one before."""
    open_location(page, location)
    page.evaluate("scrollTo(0, 0)")


def track_link(page: Page, position: int) -> Locator:
    return page.get_by_role("link", name=title(position), exact=True)


@pytest.mark.expect_page_errors  # the browser logs the failed page's 500
def test_a_profile_loads_its_next_page_on_scroll_and_retries_a_failed_one(app_page: Page) -> None:
    next_page = re.compile(r"/openwhyd/u/[0-9a-f]{24}\?.*after=")  # a page of the profile's tracks
    pages_asked: list[str] = []
    app_page.on("request", lambda request: next_page.search(request.url) and pages_asked.append(request.url))
    failed_once = []

    def fail_once(route: Route) -> None:
        failed_once.append(route.request.url)
        route.fulfill(status=500, json={"error": "The service is resting."})

    app_page.route(lambda url: next_page.search(url) is not None, fail_once, times=1)
    open_list(app_page, "#/u/long")
    expect(track_link(app_page, 1)).to_be_in_viewport()
    next_frames(app_page)
    assert pages_asked == [], "the next page is asked for only when the end of the list comes near"

    scroll_to_bottom(app_page)
    alert = app_page.get_by_role("alert")
    expect(alert).to_contain_text("More tracks could not be loaded: The service is resting.")
    assert len(failed_once) == 1 and len(pages_asked) == 1
    expect(track_link(app_page, 51)).to_have_count(0)

    alert.get_by_role("button", name="Try again").click()
    expect(app_page.get_by_role("alert")).to_have_count(0)
    scroll_to_row(app_page, 50)
    expect(track_link(app_page, 51)).to_be_in_viewport()
    assert len(pages_asked) == 2
    scroll_to_bottom(app_page)
    expect(track_link(app_page, 101)).to_be_attached()  # the third page, asked for as the end came near
    assert len(pages_asked) == 3
    assert nodes_in_list(app_page) <= MOST_NODES


def test_ten_thousand_tracks_scroll_to_the_end_with_few_nodes_and_play_far_down(app_page: Page) -> None:
    open_list(app_page, "#/u/long/playlists/0")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Ten thousand tones")
    expect(track_link(app_page, 1)).to_be_in_viewport()
    rows = app_page.locator(f"{LIST} > li")
    expect(rows.first).to_have_attribute("aria-setsize", "10000")
    most = nodes_in_list(app_page)

    for _ in range(100):  # down to the end, a page at a time: each arrives as the end comes near
        before = last_row(app_page)
        scroll_to_bottom(app_page)
        most = max(most, nodes_in_list(app_page))
        if before == 10_000:
            break
        app_page.wait_for_function(f"""() => {{
            const rows = document.querySelector('{LIST}');
            return Number(rows.lastElementChild.getAttribute('aria-posinset')) > {before};
        }}""")
    expect(track_link(app_page, 10_000)).to_be_in_viewport()
    expect(app_page.locator(".list-status")).to_be_empty()  # nothing more to load, nothing loading
    assert most <= MOST_NODES, f"{most} elements in the list"

    scroll_to_row(app_page, 5_000)
    expect(track_link(app_page, 5_001)).to_be_in_viewport()
    assert nodes_in_list(app_page) <= MOST_NODES
    assert rows.count() < 40

    app_page.get_by_role("button", name=f"Play {title(5_001)}", exact=True).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar).to_contain_text(title(5_001))
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()
    expect(rows.filter(has_text=title(5_001))).to_have_attribute("aria-current", "true")
    bar.get_by_role("button", name="Next track").click()
    expect(bar).to_contain_text(title(5_002))
    expect(rows.filter(has_text=title(5_002))).to_have_attribute("aria-current", "true")
    bar.get_by_role("button", name="Pause").click()

    scroll_to_row(app_page, 9_000)
    scroll_to_row(app_page, 4_995)  # rows drawn again show the track playing
    expect(rows.filter(has_text=title(5_002))).to_have_attribute("aria-current", "true")
    expect(rows.filter(has_text=title(5_001))).not_to_have_attribute("aria-current", "true")


def test_the_keyboard_reaches_rows_past_those_first_drawn(app_page: Page) -> None:
    open_list(app_page, "#/u/long/playlists/0")
    first = app_page.get_by_role("button", name=f"Play {title(1)}", exact=True)
    expect(first).to_be_visible()
    drawn = last_row(app_page)
    stops = app_page.locator(f"{LIST} > li").first.evaluate(
        "row => [...row.querySelectorAll('a[href], button')].filter(stop => stop.tabIndex >= 0).length"
    )  # Play, the track's link, its poster's link, Like, Repost
    first.focus()
    for _ in range(30):
        for _ in range(stops):
            app_page.keyboard.press("Tab")
        next_frames(app_page)
    assert drawn < 31
    expect(app_page.get_by_role("button", name=f"Play {title(31)}", exact=True)).to_be_focused()
    expect(app_page.locator(f"{LIST} > li:focus-within")).to_have_attribute("aria-posinset", "31")
    expect(track_link(app_page, 31)).to_be_in_viewport()
    assert nodes_in_list(app_page) <= MOST_NODES
