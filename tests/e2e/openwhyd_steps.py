"""Steps of the Openwhyd screens' tests, written once: playlists, posting by link, the service's view."""

import asyncio
import io
import json
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from PIL import Image
from playwright.sync_api import Page, expect

from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import Track
from tests.e2e.steps import SCREENSHOTS, open_location

DEMO_AUDIO = "/openwhyd/audio/"
"""Where the demo world's synthesised tones are: links to them make tracks that play offline."""

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def service_json(live_server: str, path: str) -> object:
    """What the Openwhyd service itself answers, to check what a screen saved."""
    with urllib.request.urlopen(f"{live_server}/openwhyd{path}") as response:
        return json.load(response)


def post_id(live_server: str, user: str, name: str) -> str:
    """The id of `user`'s latest track called `name`."""
    posts = service_json(live_server, f"/{user}?format=json")
    return next(post["_id"] for post in posts if post["name"] == name)


def create_playlist(page: Page, user: str, name: str) -> None:
    """From the profile's playlists tab; ends on the new, empty playlist."""
    open_location(page, f"#/u/{user}/playlists")
    page.get_by_label("New playlist").fill(name)
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_text("This playlist is empty.")).to_be_visible()


def playlist_menu(page: Page, item: str) -> None:
    """Pick `item` (Rearrange, Embed, Image, Rename, Delete) in the "More" menu of the playlist on
    screen, opening the menu first as a person would; its owner's actions live there."""
    more = page.locator(".playlist-head details.more")
    expect(more).to_be_visible()
    if not more.evaluate("menu => menu.open"):
        more.get_by_text("More", exact=True).click()
    more.locator(".menu-items").get_by_text(item, exact=True).click()


def delete_playlist(page: Page, user: str) -> None:
    """Delete the playlist on screen through its menu's confirmation; ends on `user`'s playlists."""
    playlist_menu(page, "Delete")
    page.get_by_role("button", name="Delete the playlist").click()
    expect(page).to_have_url(re.compile(rf"#/u/{user}/playlists$"))


def add_track_by_link(page: Page, link: str, title: str) -> None:
    """On the add screen, in whatever playlist it preselects; ends where the new track shows."""
    page.get_by_label("Link to the track").fill(link)
    page.get_by_role("button", name="Check the link").click()
    expect(page.get_by_label("Title")).to_be_focused()
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Add the track").click()
    expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()


def delete_track(page: Page, post: str) -> None:
    """Delete one's own track from its page, through the in-page confirmation."""
    open_location(page, f"#/t/{post}")
    confirm = page.locator(f'[data-action="delete-track"][data-post="{post}"]')
    expect(confirm).to_be_attached()  # this track's page, not the one before it
    page.get_by_text("Delete", exact=True).click()
    confirm.click()
    expect(page).to_have_url(re.compile(r"#/u/[^/]+$"))


def row_names(page: Page) -> list[str]:
    return page.locator(".tracks .track-name").all_inner_texts()


def screenshot(page: Page, name: str) -> None:
    """`SCREENSHOTS/openwhyd-<name>-<viewport>.png` at both sizes, each checked for sideways scrolling."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.wait_for_timeout(100)
        page.screenshot(path=SCREENSHOTS / f"openwhyd-{name}-{size}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {size} size"
    page.set_viewport_size(VIEWPORTS["desktop"])


def png(width: int, height: int) -> bytes:
    """A small picture to upload, of a size no placeholder has, so showing it proves it loaded."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


def post_tracks(
    live_server: str, playlist: str, tracks: list[tuple[str, str]], user: str = "admin"
) -> list[Track]:
    """Post `(eId, title)` tracks, in this order, into a new playlist of `user` (password `admin`)
    through the app's own client, when a test needs tracks no screen makes quickly (any source)."""

    async def post() -> list[Track]:
        client = OpenwhydClient(f"{live_server}/openwhyd", CpythonTransport(timeout=10), page_delay=0)
        await client.login(user, "admin")
        first = await client.add_track(tracks[0][0], tracks[0][1], new_playlist=playlist)
        rest = [await client.add_track(eid, name, playlist=first.playlist) for eid, name in tracks[1:]]
        return [first, *rest]

    with ThreadPoolExecutor(1) as thread:  # Playwright's loop runs in this one
        return thread.submit(asyncio.run, post()).result()
