"""The embeddable widget (`embed.html`, MicroPython). Pasted as the app's Embed menu gives it into a
page of another origin, it boots, reads the list by JSONP, plays, seeks, moves on, reflows when the
iframe narrows, and leaves the host page alone. It reads a service on another site that sends no
CORS headers, skips tracks only the full app plays, takes a theme, autoplays, is keyboard-usable,
plays a heavy patch's web build, and says when a list does not exist or has nothing to play here."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Frame, FrameLocator, Page, expect

from app.config import AppConfig
from tests.e2e.axe import blocking_violations, describe
from tests.e2e.conftest import BOOT_TIMEOUT_MS, watch
from tests.e2e.host_site import HostSite
from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_tracks
from tests.e2e.policy_steps import serve_as_configured

TONES = ["Tonearm Tones - G major arpeggio", "Tonearm Tones - A minor chord", "Tonearm Tones - C major chord"]
"""The demo playlist `admin`/0 ("Offline tones"), newest first as Openwhyd lists it."""
ADRIEN = "4d94501d1f78ac091dbc9b4d"
"""A user of the shared Openwhyd fixtures, whose tracks are all on YouTube."""

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A music blog</title>
<style>body {{ font-family: serif; }}</style></head>
<body><h1>A music blog</h1><p>Today's tones, played right here:</p>
{snippet}
<p>Thanks for reading.</p></body></html>
"""
"""A page of another site, with the snippet the app's Embed menu gave pasted in."""


@pytest.fixture
def new_page(browser: Browser, live_server: str, host_site: HostSite) -> Iterator:
    """A watched page in a new context; the host site's origin counts as ours."""
    contexts = []

    def opener(width: int = 1280, height: int = 800) -> Page:
        contexts.append(browser.new_context(viewport={"width": width, "height": height}))
        return watch(contexts[-1].new_page(), live_server, host_site.origin)

    yield opener
    for context in contexts:
        context.close()


def ready(widget: Page | FrameLocator, state: str = "true") -> None:
    expect(widget.locator("html")).to_have_attribute("data-ready", state, timeout=BOOT_TIMEOUT_MS)


def audio_time(frame: Page | Frame) -> float:
    return frame.evaluate("document.getElementById('audio').currentTime")


def audio_source(frame: Page | Frame) -> str:
    return frame.evaluate("document.getElementById('audio').src")


def embed_snippet(fresh_app, location: str) -> str:
    """What the app's Embed menu of a list gives to copy."""
    app = fresh_app(location)
    app.get_by_text("Embed", exact=True).click()
    return app.get_by_label("Paste this into a web page to play the list there").input_value()


def test_a_playlist_embedded_on_another_site(
    new_page, fresh_app, live_server: str, host_site: HostSite
) -> None:
    snippet = embed_snippet(fresh_app, "#/u/admin/playlists/0")
    assert f'src="{live_server}/embed.html?u=admin&amp;pl=0"' in snippet
    page = new_page()
    page.goto(host_site.page("/blog.html", HOST_PAGE.format(snippet=snippet)))
    host_before = page.locator("body").inner_html()
    widget = page.frame_locator("iframe[title='Offline tones on Tonearm']")
    ready(widget)
    frame = next(frame for frame in page.frames if "/embed.html" in frame.url)

    expect(widget.get_by_role("heading", level=1)).to_have_text("Offline tones")
    expect(widget.get_by_text("by admin", exact=True).first).to_be_visible()
    rows = widget.get_by_role("list", name="Tracks of Offline tones").get_by_role("listitem")
    expect(rows).to_contain_text(TONES)
    expect(widget.get_by_role("link", name="Open in Tonearm")).to_have_attribute(
        "href", "./#/u/admin/playlists/0"
    )

    widget.get_by_role("button", name=f"Play {TONES[1]}").click()
    player = widget.get_by_role("region", name="Player")
    expect(player.get_by_role("button", name="Pause")).to_be_visible()
    expect(player).to_contain_text(TONES[1])
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
    expect(player.locator("#elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)
    assert frame.evaluate("!document.getElementById('audio').paused")

    player.get_by_role("button", name="Pause").click()
    expect(player.get_by_role("button", name="Play", exact=True)).to_be_visible()
    player.get_by_role("slider", name="Seek").fill("3")
    expect(player.locator("#elapsed")).to_have_text("0:03")
    assert 3 <= audio_time(frame) < 3.5

    player.get_by_role("button", name="Next track").click()
    expect(rows.nth(2)).to_have_attribute("aria-current", "true")
    expect(player.get_by_role("button", name="Next track")).to_be_disabled()
    player.get_by_role("button", name="Previous track").click()
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
    player.get_by_role("slider", name="Seek").fill("4.5")
    expect(rows.nth(2)).to_have_attribute("aria-current", "true", timeout=10_000)  # on by itself
    expect(player).to_contain_text(TONES[2])

    expect(page).to_have_title("A music blog")
    assert page.locator("body").inner_html() == host_before
    assert page.evaluate("document.styleSheets.length") == 1
    host_text = page.locator("body").inner_text()

    art = widget.locator(".track .art").first
    expect(art).to_be_visible()
    page.locator("iframe").evaluate("iframe => { iframe.style.width = '340px'; }")
    expect(art).to_be_hidden()
    expect(widget.locator("#cover")).to_be_hidden()
    assert frame.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.locator("iframe").evaluate("iframe => { iframe.style.width = ''; }")
    expect(art).to_be_visible()
    assert page.locator("body").inner_text() == host_text


def test_a_service_on_another_site_theme_and_autoplay(
    new_page, live_server: str, host_site: HostSite
) -> None:
    """The list comes by JSONP from the host site's relay, which sends no CORS headers, and its
    audio files from there too; tracks of other sources only link to the full app. The widget is
    served as a deployment whose app reads that Openwhyd serves it: its policy lets that JSONP run."""
    video, _, sound_cloud, _ = post_tracks(
        live_server,
        "Mixed",
        [
            ("/yt/XdJVWSqb4Ck", "A video"),
            (f"/fi/{DEMO_AUDIO}c-major-chord.wav", "First tone"),
            ("/sc/bonobo/kerala", "A SoundCloud track"),
            (f"/fi/{DEMO_AUDIO}a-minor-chord.wav", "Second tone"),
        ],
    )
    page = new_page(390, 844)
    api = f"{host_site.origin}/openwhyd"
    deployment = AppConfig(openwhyd_base=api, openwhyd_access="public")
    serve_as_configured(page, f"{live_server}/embed.html", deployment)
    page.goto(f"{live_server}/embed.html?u=admin&pl={video.playlist.id}&theme=dark&autoplay&api={api}")
    ready(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mixed")
    assert any(
        path.startswith(f"/openwhyd/admin/playlist/{video.playlist.id}?") and "callback=" in path
        for path in host_site.relayed
    )
    rows = page.get_by_role("listitem")
    expect(rows).to_contain_text(["Second tone", "A SoundCloud track", "First tone", "A video"])

    player = page.get_by_role("region", name="Player")
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    expect(player.get_by_role("button", name="Pause")).to_be_visible()
    expect(player.locator("#elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)
    assert audio_source(page) == f"{api}/audio/a-minor-chord.wav"
    player.get_by_role("button", name="Next track").click()
    expect(rows.nth(2)).to_have_attribute("aria-current", "true")
    expect(player.get_by_role("button", name="Next track")).to_be_disabled()
    link = page.get_by_role("link", name="Open in Tonearm: A SoundCloud track")
    expect(link).to_have_attribute("href", f"./#/t/{sound_cloud.id}")
    expect(rows.nth(1).get_by_role("button")).to_have_count(0)

    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 17, 32)"
    player.get_by_role("button", name="Pause").click()
    player.get_by_role("button", name="Previous track").focus()
    page.keyboard.press("Enter")
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    expect(player.get_by_role("button", name="Previous track")).to_be_disabled()
    player.get_by_role("button", name="Pause").focus()
    page.keyboard.press("Space")
    expect(player.get_by_role("button", name="Play", exact=True)).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    violations = blocking_violations(page)
    assert not violations, describe(violations)


def test_a_heavy_patch_starts_and_stops(new_page, live_server: str) -> None:
    page = new_page(600, 300)
    page.goto(f"{live_server}/embed.html?patch=demo/sine")
    ready(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("sine")
    expect(page.get_by_text("by demo")).to_be_visible()
    open_app = page.get_by_role("link", name="Open in Tonearm")
    expect(open_app).to_have_attribute("href", "./#/heavy/p/demo/sine")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Stop")).to_be_visible(timeout=15_000)
    page.wait_for_function("document.getElementById('level').value > 0.05")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.get_by_role("meter", name="Output level")).to_have_attribute("value", "0")


def test_a_playlist_that_does_not_exist(new_page, live_server: str) -> None:
    page = new_page(600, 300)
    page.goto(f"{live_server}/embed.html?u=admin&pl=9")
    ready(page, "failed")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nothing to play")
    expect(page.get_by_role("status")).to_have_text("This playlist does not exist.")
    expect(page.get_by_role("region", name="Player")).to_be_hidden()


def test_a_list_with_nothing_to_play_here(new_page, live_server: str) -> None:
    page = new_page(1280, 800)
    page.goto(f"{live_server}/embed.html?u={ADRIEN}&theme=light")
    ready(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Adrien Joly")
    expect(page.get_by_role("status")).to_have_text("None of these tracks plays here: open them in Tonearm.")
    expect(page.get_by_role("button", name="Play", exact=True)).to_be_disabled()
    expect(page.get_by_role("link", name=re.compile("^Open in Tonearm: ")).first).to_be_visible()
    violations = blocking_violations(page)
    assert not violations, describe(violations)
