"""Managing one's playlists: create, fill from links, rearrange, rename, delete; edit and delete posts.

Everything here is done as dummy, in playlists made for the test and deleted after, with tracks
that play offline, so the demo world the other tests read stays as it was."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import (
    DEMO_AUDIO,
    add_track_by_link,
    create_playlist,
    delete_playlist,
    delete_track,
    playlist_menu,
    post_id,
    row_names,
    service_json,
)
from tests.e2e.steps import open_location, sign_in, track_rows

TONES = {
    "Low chord": "a-minor-chord.wav",
    "Bright chord": "c-major-chord.wav",
    "Rising notes": "g-major-arpeggio.wav",
}


def fill_playlist(page: Page) -> None:
    """The three tones, added from the playlist's own "Add a track", so they land in it, in this order."""
    for title, filename in TONES.items():
        page.get_by_role("link", name="Add a track").first.click()
        add_track_by_link(page, DEMO_AUDIO + filename, title)


def test_a_playlist_from_creation_to_deletion(app_page: Page, live_server: str) -> None:
    sign_in(app_page, "dummy")
    create_playlist(app_page, "dummy", "Road trip")
    fill_playlist(app_page)
    expect(track_rows(app_page)).to_have_count(3)
    assert row_names(app_page) == ["Rising notes", "Bright chord", "Low chord"]  # newest first until arranged

    playlist_menu(app_page, "Rearrange")
    down = app_page.get_by_role("button", name="Move Rising notes down")
    down.focus()
    app_page.keyboard.press("Enter")
    expect(app_page.get_by_role("status").filter(has_text="position")).to_have_text(
        "Rising notes is now at position 2 of 3."
    )
    expect(app_page.get_by_role("button", name="Move Rising notes down")).to_be_focused()
    app_page.keyboard.press("Enter")
    expect(app_page.get_by_role("button", name="Move Rising notes up")).to_be_focused()
    assert row_names(app_page) == ["Bright chord", "Low chord", "Rising notes"]

    app_page.reload()
    expect(app_page.locator("html")).to_have_attribute("data-ready", "true", timeout=90_000)
    assert row_names(app_page) == ["Bright chord", "Low chord", "Rising notes"]
    app_page.get_by_role("link", name="Done").click()
    expect(track_rows(app_page).first).to_contain_text("Bright chord")

    playlist_menu(app_page, "Rename")
    app_page.get_by_label("New name").fill("Night drive")
    app_page.get_by_role("button", name="Save").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Night drive")
    expect(app_page.get_by_role("heading", level=1)).to_be_focused()

    posts = [post_id(live_server, "dummy", title) for title in TONES]
    delete_playlist(app_page, "dummy")
    expect(app_page.get_by_role("link", name=re.compile("Night drive"))).to_have_count(0)
    for post in posts:
        delete_track(app_page, post)
    assert not [p for p in service_json(live_server, "/dummy?format=json") if p["name"] in TONES]


def test_dragging_a_track_onto_another_moves_it_there(app_page: Page, live_server: str) -> None:
    create_playlist(app_page, "dummy", "Dragged")
    fill_playlist(app_page)
    playlist_menu(app_page, "Rearrange")
    handles = app_page.locator("[data-drag]")
    handles.nth(2).drag_to(track_rows(app_page).nth(0))
    expect(app_page.get_by_role("button", name="Move Low chord down")).to_be_focused()
    assert row_names(app_page) == ["Low chord", "Rising notes", "Bright chord"]

    app_page.get_by_role("link", name="Done").click()
    posts = [post_id(live_server, "dummy", title) for title in TONES]
    delete_playlist(app_page, "dummy")
    for post in posts:
        delete_track(app_page, post)


def test_a_link_tonearm_cannot_play_says_so(app_page: Page) -> None:
    open_location(app_page, "#/add")
    app_page.get_by_label("Link to the track").fill("https://example.com/some/page")
    app_page.get_by_role("button", name="Check the link").click()
    expect(app_page.get_by_role("alert")).to_contain_text("Tonearm cannot play what this link points to")
    expect(app_page.get_by_label("Link to the track")).to_have_attribute("aria-invalid", "true")
    expect(app_page.get_by_label("Title")).to_have_count(0)


def test_a_track_goes_into_a_new_playlist_then_moves_and_is_edited(app_page: Page, live_server: str) -> None:
    open_location(app_page, "#/add")
    app_page.get_by_label("Link to the track").fill(DEMO_AUDIO + "f-major-arpeggio.wav")
    app_page.get_by_role("button", name="Check the link").click()
    expect(app_page.get_by_label("Title")).to_have_value("F major arpeggio")
    app_page.get_by_label("Playlist", exact=True).select_option(label="A new playlist…")
    app_page.get_by_role("button", name="Add the track").click()
    expect(app_page.get_by_role("alert")).to_have_text("Name the new playlist.")
    app_page.get_by_label("Name of the new playlist").fill("Scratch")
    app_page.get_by_role("button", name="Add the track").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Scratch")
    post = post_id(live_server, "dummy", "F major arpeggio")

    app_page.get_by_role("link", name="F major arpeggio").click()
    app_page.get_by_role("link", name="Edit").click()
    app_page.get_by_label("Title").fill("F major, slowly")
    app_page.get_by_label("Text", exact=True).fill("For @admin")
    app_page.get_by_label("Playlist", exact=True).select_option(label="A new playlist…")
    app_page.get_by_label("Name of the new playlist").fill("Moved here")
    app_page.get_by_role("button", name="Save").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("F major, slowly")
    expect(app_page.locator(".posted-by")).to_contain_text("in Moved here")
    expect(app_page.get_by_role("link", name="@admin")).to_have_attribute("href", "#/u/admin")

    delete_track(app_page, post)
    for name in ("Scratch", "Moved here"):
        open_location(app_page, "#/u/dummy/playlists")
        app_page.get_by_role("link", name=re.compile(name)).click()
        expect(app_page.get_by_role("heading", level=1)).to_have_text(name)
        delete_playlist(app_page, "dummy")
