"""The social loop through notifications: admin sends dummy a track, dummy finds it in the header's
panel and in Sent to you and plays it; admin likes dummy's track and dummy's count rises; dummy
deletes one notification, then all. In order, on one page."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import Locator, Page, expect

from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient
from tests.e2e.openwhyd_steps import post_id, screenshot
from tests.e2e.steps import open_location, sign_in, sign_out, track_rows

SENT = "Tonearm Tones - C major chord"


def badge(page: Page) -> Locator:
    return page.get_by_role("list", name="Accounts").get_by_role("button", name=re.compile("notifications$"))


def panel(page: Page) -> Locator:
    return page.get_by_role("region", name="Your notifications")


def like_as_admin(live_server: str, post: str) -> None:
    """Admin likes `post` from another device, through the app's own client."""

    async def like() -> None:
        client = OpenwhydClient(f"{live_server}/openwhyd", CpythonTransport(timeout=10), page_delay=0)
        await client.login("admin", "admin")
        await client.toggle_love(post)

    with ThreadPoolExecutor(1) as thread:  # Playwright's loop runs in this one
        thread.submit(asyncio.run, like()).result()


def test_a_track_sent_waits_for_its_recipient_who_plays_it(app_page: Page, live_server: str) -> None:
    track = post_id(live_server, "admin", SENT)
    sign_in(app_page)
    open_location(app_page, "#/u/dummy")
    app_page.get_by_role("button", name="Follow", exact=True).click()
    expect(app_page.get_by_role("button", name="Following")).to_be_visible()
    open_location(app_page, f"#/t/{track}")
    app_page.get_by_role("button", name="Share").click()
    app_page.get_by_role("checkbox", name="dummy").check()
    app_page.get_by_role("button", name="Send", exact=True).click()
    expect(app_page.locator("#share-panel").get_by_text(f"Sent {SENT} to dummy.")).to_be_visible()
    sign_out(app_page)

    sign_in(app_page, "dummy")
    expect(badge(app_page)).to_have_accessible_name("2 notifications")  # the follow, the track
    badge(app_page).click()
    expect(badge(app_page)).to_have_attribute("aria-expanded", "true")
    items = panel(app_page).get_by_role("listitem")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("admin sent you a track")
    expect(items.nth(1)).to_contain_text("admin subscribed to your stream!")
    screenshot(app_page, "notifications")
    panel(app_page).get_by_role("link", name="admin sent you a track").click()
    expect(app_page).to_have_url(re.compile(f"#/t/{track}$"))
    expect(app_page.get_by_role("heading", level=1)).to_have_text(SENT)
    expect(panel(app_page)).to_have_count(0)

    badge(app_page).click()
    panel(app_page).get_by_role("link", name="Sent to you").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Sent to you")
    expect(track_rows(app_page)).to_have_count(1)
    expect(track_rows(app_page).nth(0)).to_contain_text("from admin")
    app_page.get_by_role("button", name="Play all").click()
    expect(track_rows(app_page).nth(0)).to_have_attribute("aria-current", "true")
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar).to_contain_text(SENT)
    bar.get_by_role("button", name="Pause").click()
    screenshot(app_page, "sent-to-you")


def test_a_like_raises_the_count_and_notifications_can_be_deleted(app_page: Page, live_server: str) -> None:
    liked = post_id(live_server, "dummy", "Tonearm Tones - F major arpeggio")
    like_as_admin(live_server, liked)
    open_location(app_page, "#/stream")  # any navigation fetches the list again
    expect(badge(app_page)).to_have_accessible_name("3 notifications")
    badge(app_page).click()
    items = panel(app_page).get_by_role("listitem")
    expect(items.nth(0)).to_contain_text("admin loved your track Tonearm Tones - F major arpeggio")
    items.nth(0).get_by_role("button", name=re.compile("^Delete")).click()
    expect(items).to_have_count(2)
    expect(badge(app_page)).to_have_accessible_name("2 notifications")
    panel(app_page).get_by_role("button", name="Clear all").click()
    expect(panel(app_page)).to_contain_text("Nothing new.")
    expect(badge(app_page)).to_have_accessible_name("0 notifications")
