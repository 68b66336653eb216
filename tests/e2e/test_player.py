"""Playing a list: the bar follows the track, time moves, the list marks it, the queue advances."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from app.ui.components.media_session import artist_and_title
from tests.e2e.steps import SHOWN_WHOLE, open_location, sign_in, track_rows


def play_count(live_server: str, post_id: str) -> int:
    with urllib.request.urlopen(f"{live_server}/openwhyd/c/{post_id}?format=json") as response:
        return json.load(response)["data"].get("nbP", 0)


def test_playing_hot_tracks_one_after_another(app_page: Page, live_server: str) -> None:
    sign_in(app_page)
    app_page.get_by_role("link", name="Hot tracks").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    rows = track_rows(app_page)
    first_name = rows.nth(0).locator(".track-name").inner_text()
    post_id = rows.nth(0).get_attribute("data-track-id")
    before = play_count(live_server, post_id)

    rows.nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar).to_contain_text(first_name)
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()
    expect(bar.locator("#player-elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    second_name = rows.nth(1).locator(".track-name").inner_text()
    expect(bar).to_contain_text(second_name, timeout=20_000)
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
    expect(rows.nth(0)).not_to_have_attribute("aria-current", "true")
    assert play_count(live_server, post_id) == before + 1


def test_pause_resume_next_and_previous(app_page: Page) -> None:
    open_location(app_page, "#/hot")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    rows = track_rows(app_page)
    name = rows.nth(0).locator(".track-name").inner_text()
    poster = rows.nth(0).get_by_role("link").nth(1).inner_text()
    artist, title = artist_and_title(name, poster)
    rows.nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    media_session = "state => navigator.mediaSession.playbackState === state"
    # the track the test before left playing holds the session until this one starts
    app_page.wait_for_function("title => navigator.mediaSession.metadata?.title === title", arg=title)
    app_page.wait_for_function(media_session, arg="playing")
    shown = app_page.evaluate(
        "() => { const m = navigator.mediaSession.metadata; return [m.artist, m.artwork.length]; }"
    )
    assert shown == [artist, 1], "the artist (from the name, else the poster) and a picture"
    bar.get_by_role("button", name="Pause").click()
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_visible()
    app_page.wait_for_function(media_session, arg="paused")
    paused_at = bar.locator("#player-elapsed").inner_text()
    app_page.wait_for_timeout(1500)
    expect(bar.locator("#player-elapsed")).to_have_text(paused_at)
    bar.get_by_role("button", name="Play", exact=True).click()
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()

    bar.get_by_role("button", name="Next track").click()
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
    bar.get_by_role("button", name="Previous track").click()
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    bar.get_by_role("button", name="Repeat: off").click()
    expect(bar.get_by_role("button", name="Repeat: all")).to_have_attribute("aria-pressed", "true")
    bar.get_by_role("button", name="Shuffle").click()
    expect(bar.get_by_role("button", name="Shuffle")).to_have_attribute("aria-pressed", "true")
    bar.get_by_role("button", name="Pause").click()


def test_keyboard_shortcuts_and_their_help(app_page: Page) -> None:
    open_location(app_page, "#/hot")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    rows = track_rows(app_page)
    rows.nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()
    if bar.get_by_role("button", name="Shuffle").get_attribute("aria-pressed") == "true":
        bar.get_by_role("button", name="Shuffle").click()
    app_page.locator("main").focus()

    app_page.keyboard.press("Space")
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_visible()
    app_page.keyboard.press("n")
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")
    for key, button in (("s", "Shuffle"), ("m", "Mute")):
        toggle = bar.get_by_role("button", name=button)
        flipped = {"true": "false", "false": "true"}[toggle.get_attribute("aria-pressed")]
        app_page.keyboard.press(key)
        expect(toggle).to_have_attribute("aria-pressed", flipped)

    app_page.get_by_role("searchbox").first.fill("n")
    expect(rows.nth(1)).to_have_attribute("aria-current", "true")

    app_page.locator("main").focus()
    app_page.keyboard.press("?")
    dialog = app_page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Next track")
    app_page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    bar.get_by_role("button", name="Keyboard shortcuts").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def test_the_keyboard_keeps_its_place_in_the_player_bar_drawn_again(app_page: Page) -> None:
    open_location(app_page, "#/hot")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    track_rows(app_page).nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    # as a person pauses what they hear: once it plays, not in the instant it starts loading
    expect(bar.locator("#player-elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)
    bar.get_by_role("button", name="Pause").focus()
    app_page.keyboard.press("Enter")
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_focused()
    app_page.keyboard.press("Enter")
    expect(bar.get_by_role("button", name="Pause")).to_be_focused()
    app_page.keyboard.press("Enter")
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_focused()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_the_bar_shows_the_whole_name_and_every_control(app_page: Page, width: int, height: int) -> None:
    """Signed in, playing another's track: the name gets up to two lines, not an ellipsis after six
    letters on a phone (beside the Like, Repost and transport buttons) or twenty on a desktop; the
    bar keeps to a fifth of the screen. (The bar is drawn again as it plays: the page checks the
    name.)"""
    open_location(app_page, "#/hot")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    app_page.set_viewport_size({"width": width, "height": height})
    try:
        theirs = track_rows(app_page).filter(has=app_page.get_by_role("link", name="dummy", exact=True)).first
        theirs.get_by_role("button", name=re.compile(r"^Play ")).click()
        bar = app_page.get_by_role("contentinfo", name="Player")
        title = bar.locator(".player-title")
        expect(title).to_have_text(theirs.locator(".track-name").inner_text())
        app_page.wait_for_function(f"({SHOWN_WHOLE})(document.querySelector('#player .player-title'))")
        names = ["Like", "Repost", "Shuffle", "Previous track", "Pause", "Next track", "Repeat", "Queue"]
        for name in names:
            button = bar.get_by_role("button", name=re.compile(f"^{name}"))
            expect(button).to_be_in_viewport(ratio=1)
        expect(bar.get_by_role("slider", name="Seek")).to_be_in_viewport(ratio=1)
        assert bar.bounding_box()["height"] <= height / 5
        bar.get_by_role("button", name="Pause").click()
    finally:
        app_page.set_viewport_size({"width": 1280, "height": 800})
