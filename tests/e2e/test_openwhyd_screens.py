"""Each Openwhyd screen at desktop and phone size: saved for a person to look at, and none of them
scrolls sideways. Read-only: the screens are only looked at."""

from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_id, screenshot
from tests.e2e.steps import open_location, sign_in


def test_the_openwhyd_screens_fit_a_desktop_and_a_phone(app_page: Page, live_server: str) -> None:
    sign_in(app_page)
    heading = app_page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Your stream")
    screenshot(app_page, "stream")

    open_location(app_page, f"#/t/{post_id(live_server, 'admin', 'Tonearm Tones - C major chord')}")
    expect(heading).to_have_text("Tonearm Tones - C major chord")
    screenshot(app_page, "track")

    open_location(app_page, "#/u/admin/playlists/0")
    expect(heading).to_have_text("Offline tones")
    app_page.get_by_text("Export", exact=True).click()
    screenshot(app_page, "playlist")

    open_location(app_page, "#/u/admin/playlists/0/arrange")
    expect(app_page.get_by_text("Rearranging the playlist")).to_be_visible()
    screenshot(app_page, "arrange")

    open_location(app_page, f"#/add?url={DEMO_AUDIO}c-major-chord.wav&pl=0")
    expect(app_page.get_by_label("Title")).to_be_focused()
    screenshot(app_page, "add")

    open_location(app_page, "#/search?q=tones")
    expect(heading).to_have_text("Results for “tones”")
    screenshot(app_page, "search")

    open_location(app_page, "#/u/admin/playlists")
    expect(app_page.get_by_label("New playlist")).to_be_visible()
    screenshot(app_page, "profile-playlists")
