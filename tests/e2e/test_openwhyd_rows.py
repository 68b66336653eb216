"""Like and Repost from any list's rows and from the player bar, dates and play counts on rows,
the title the add-track form suggests, and the small fixes: "1 track", the profile's website by its
host, the Export menu closing after a pick, the playlist owner's buttons on one row. As dummy on
admin's tones, undoing what the demo world's other readers would notice."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.openwhyd_steps import playlist_menu, post_id, post_tracks, screenshot, service_json
from tests.e2e.steps import SHOWN_WHOLE, open_location, sign_in, track_rows
from tests.e2e.vendor_fakes import FAKE_TITLE

CHORD = "Tonearm Tones - A minor chord"


def chord_row(page: Page):
    return track_rows(page).filter(has_text=CHORD)


def test_signed_out_a_rows_like_asks_to_sign_in_and_comes_back(app_page: Page) -> None:
    open_location(app_page, "#/u/admin")
    row = chord_row(app_page)
    iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    expect(row.locator("time")).to_have_attribute("datetime", iso)
    expect(row.locator("time")).to_have_attribute("title", re.compile(r"^\d+ \w+ \d{4}, \d\d:\d\d UTC$"))
    expect(row.locator("time")).to_have_text(re.compile(r"^(just now|\d+ \w+ ago)$"))
    row.get_by_role("button", name=f"Like {CHORD}").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Sign in to Openwhyd")
    app_page.get_by_label("Email or handle").fill("dummy")
    app_page.get_by_label("Password").fill("admin")
    app_page.get_by_role("button", name="Sign in").click()
    expect(app_page).to_have_url(re.compile(r"#/u/admin$"))


def test_like_and_repost_from_a_row_change_in_place(app_page: Page, live_server: str) -> None:
    open_location(app_page, "#/u/admin")
    row = chord_row(app_page)
    like = row.get_by_role("button", name=f"Like {CHORD}")
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like).to_have_text("1")
    expect(like).to_be_focused()
    expect(app_page.locator("#announcer")).to_have_text(f"You like {CHORD}.")
    posts = service_json(live_server, "/admin?format=json")
    assert [len(post["lov"]) for post in posts if post["name"] == CHORD] == [1]  # type: ignore[index, union-attr]
    like.click()
    expect(like).to_have_attribute("aria-pressed", "false")

    row.get_by_role("button", name=f"Repost {CHORD}").click()
    reposted = row.get_by_role("button", name=f"Reposted {CHORD}")
    expect(reposted).to_be_focused()
    expect(reposted).to_have_attribute("aria-disabled", "true")
    open_location(app_page, "#/u/dummy")
    expect(track_rows(app_page).filter(has_text=CHORD)).to_have_count(1)
    open_location(app_page, f"#/t/{post_id(live_server, 'dummy', CHORD)}")
    app_page.get_by_text("Delete", exact=True).click()
    app_page.get_by_role("button", name="Delete the track").click()
    expect(app_page).to_have_url(re.compile(r"#/u/dummy$"))


def test_the_player_bar_likes_the_track_playing(app_page: Page) -> None:
    open_location(app_page, "#/u/admin")
    row = chord_row(app_page)
    row.get_by_role("button", name=f"Play {CHORD}").click()
    player = app_page.get_by_role("contentinfo", name="Player")
    like = player.get_by_role("button", name=f"Like {CHORD}")
    like.click()
    expect(player.get_by_role("button", name=f"Like {CHORD}")).to_have_attribute("aria-pressed", "true")
    expect(player.get_by_role("button", name=f"Like {CHORD}")).to_be_focused()
    expect(row.get_by_role("button", name=f"Like {CHORD}")).to_have_attribute("aria-pressed", "true")
    player.get_by_role("button", name=f"Like {CHORD}").click()
    expect(row.get_by_role("button", name=f"Like {CHORD}")).to_have_attribute("aria-pressed", "false")
    player.get_by_role("button", name="Pause").click()


def test_adding_by_link_suggests_the_sites_title_and_says_a_missing_one_at_the_field(app_page: Page) -> None:
    open_location(app_page, "#/add?url=https://www.youtube.com/watch?v=XdJVWSqb4Ck")
    title = app_page.get_by_label("Title")
    expect(title).to_have_value(FAKE_TITLE)
    open_location(app_page, "#/add?url=https://soundcloud.com/some-artist/a-fine_song")
    expect(title).to_have_value("some artist - a fine song")
    title.fill("")
    app_page.get_by_role("button", name="Add the track").click()
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_accessible_description("Give the track a title.")
    expect(app_page.locator("#add-name-error")).to_be_focused()


def test_one_track_is_one_and_the_export_menu_closes_after_a_pick(app_page: Page, live_server: str) -> None:
    [track] = post_tracks(live_server, "Just one", [("/yt/XdJVWSqb4Ck", "Lullaby")], user="dummy")
    assert track.playlist is not None
    open_location(app_page, "#/u/dummy/playlists")
    expect(app_page.locator(".playlist-card").filter(has_text="Just one")).to_contain_text("1 track")
    open_location(app_page, f"#/u/dummy/playlists/{track.playlist.id}")
    expect(app_page.locator(".playlist-head .lede")).to_have_text("by dummy · 1 track")
    menu = app_page.locator("details.menu").filter(has=app_page.get_by_text("Export", exact=True))
    menu.get_by_text("Export", exact=True).click()
    with app_page.expect_download():
        menu.get_by_role("button", name=re.compile("^JSON")).click()
    expect(menu).not_to_have_attribute("open", "")
    expect(app_page.locator("#export-status")).to_have_text("Exported 1 track as JSON.")


def test_a_profiles_website_shows_its_host(app_page: Page) -> None:
    open_location(app_page, "#/settings")
    app_page.get_by_label("Website").fill("https://www.example.com/about/me")
    app_page.get_by_role("button", name="Save the profile", exact=True).click()
    expect(app_page.locator("#profile-saved")).to_be_visible()
    open_location(app_page, "#/u/dummy")
    links = app_page.get_by_role("list", name="Links")
    expect(links.get_by_role("link", name="example.com", exact=True)).to_have_attribute(
        "href", "https://www.example.com/about/me"
    )


def test_the_playlist_owners_buttons_fit_one_row(fresh_app: Callable[..., Page]) -> None:
    app_page = fresh_app()
    sign_in(app_page, "admin", then="#/u/admin/playlists/0")
    tools = app_page.locator(".playlist-head .list-tools")
    expect(tools.get_by_text("More", exact=True)).to_be_visible()
    tops = tools.locator(":scope > .button, :scope > details > summary").evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().top)"
    )
    assert len(tops) >= 5 and len(set(tops)) == 1, tops
    screenshot(app_page, "playlist-owner-tools")
    playlist_menu(app_page, "Rename")
    expect(app_page.get_by_label("New name")).to_be_visible()
    screenshot(app_page, "playlist-owner-more")
    open_location(app_page, "#/u/admin")
    screenshot(app_page, "rows-profile")


def test_on_a_phone_a_long_lists_rows_show_whole_names(app_page: Page) -> None:
    """The rows of a long list are all one height; at 390 by 844 that height has room for a name
    on two lines: "Tonearm Tones - G major arpeggio", not "Tonearm Tones - G maj…", the row
    playing included."""
    app_page.set_viewport_size({"width": 390, "height": 844})
    try:
        open_location(app_page, "#/hot")
        playing = track_rows(app_page).filter(has_text="Tonearm Tones - F major arpeggio")
        playing.get_by_role("button", name=re.compile(r"^Play ")).click()
        expect(playing).to_have_attribute("aria-current", "true")
        names = "[...document.querySelectorAll('[data-long-list] .track-name')]"
        cut = f"{names}.filter(e => !({SHOWN_WHOLE})(e)).map(e => e.textContent)"
        try:
            app_page.wait_for_function(f"{names}.length > 0 && {cut}.length === 0", timeout=5_000)
        except PlaywrightTimeoutError:
            sizes = "e => [e.textContent, e.clientWidth, e.scrollWidth, e.clientHeight, e.scrollHeight]"
            raise AssertionError(app_page.evaluate(f"{names}.map({sizes})")) from None
        app_page.get_by_role("contentinfo", name="Player").get_by_role("button", name="Pause").click()
    finally:
        app_page.set_viewport_size({"width": 1280, "height": 800})
