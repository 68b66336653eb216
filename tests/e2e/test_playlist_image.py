"""A playlist's picture: its initial until one is uploaded, then the picture, for everyone."""

from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import playlist_menu, png
from tests.e2e.steps import open_location, sign_in, sign_out


def test_an_uploaded_picture_illustrates_the_playlist(app_page: Page) -> None:
    sign_in(app_page)
    open_location(app_page, "#/u/admin/playlists/0")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    art = app_page.locator(".playlist-head .playlist-art")
    expect(art.locator("img")).to_be_hidden()  # no picture yet: the server's 404 leaves the initial
    expect(art).to_have_text("O")

    playlist_menu(app_page, "Image")
    picker = app_page.get_by_label("A picture for the playlist")
    picker.set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a picture"})
    uploads: list[str] = []
    app_page.on("request", lambda request: request.url.endswith("/upload") and uploads.append(request.url))
    app_page.get_by_role("button", name="Save the image").click()
    expect(app_page.get_by_role("alert")).to_contain_text("This file is no picture")
    assert uploads == [], "a file that is no picture is refused before any request"

    app_page.get_by_label("A picture for the playlist").set_input_files(
        {"name": "cover.png", "mimeType": "image/png", "buffer": png(90, 90)}
    )
    app_page.get_by_role("button", name="Save the image").click()
    expect(app_page.locator("#announcer")).to_have_text("The playlist's image is saved.")
    expect(art.locator("img")).to_have_js_property("naturalWidth", 90)

    sign_out(app_page)
    open_location(app_page, "#/u/admin/playlists/0")
    expect(app_page.locator(".playlist-head .playlist-art img")).to_have_js_property("naturalWidth", 90)
