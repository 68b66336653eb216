"""Sending a track or a playlist to people one follows, from its page; in order, as admin."""

import json

from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import post_id
from tests.e2e.steps import open_location, sign_in, signed_in

ADMIN = "000000000000000000000001"
DUMMY = "000000000000000000000002"


def test_a_track_goes_to_the_people_you_pick(app_page: Page, live_server: str) -> None:
    track = post_id(live_server, "admin", "Tonearm Tones - C major chord")
    sign_in(app_page)
    open_location(app_page, f"#/t/{track}")
    app_page.get_by_role("button", name="Share").click()
    form = app_page.get_by_role("region", name="Send “Tonearm Tones - C major chord”")
    expect(form).to_contain_text("You follow nobody yet")
    form.get_by_role("button", name="Cancel").click()
    expect(app_page.get_by_role("button", name="Share")).to_be_focused()

    open_location(app_page, "#/u/dummy")
    app_page.get_by_role("button", name="Follow").click()
    expect(app_page.get_by_role("button", name="Following")).to_be_visible()
    open_location(app_page, f"#/t/{track}")
    app_page.get_by_role("button", name="Share").click()
    form.get_by_role("button", name="Send").click()
    expect(form.get_by_role("alert")).to_have_text("Choose at least one person to send it to.")
    form.get_by_role("checkbox", name="dummy").check()
    with app_page.expect_request(lambda request: request.url.endswith("/api/post")) as sent:
        form.get_by_role("button", name="Send").click()
    body = json.loads(sent.value.post_data)
    assert (body["action"], body["pId"], body["uidList"]) == ("sendToUsers", track, [DUMMY])
    expect(app_page.locator("#announcer")).to_have_text("Sent Tonearm Tones - C major chord to dummy.")
    expect(form).to_have_count(0)
    expect(
        app_page.locator("#share-panel").get_by_text("Sent Tonearm Tones - C major chord to dummy.")
    ).to_be_visible()
    expect(app_page.get_by_role("button", name="Share")).to_be_focused()


def following_dummy(page: Page) -> None:
    """Following dummy, as the test before leaves admin when the module runs in order."""
    signed_in(page)
    open_location(page, "#/u/dummy")
    follow, following = (
        page.get_by_role("button", name=name, exact=True) for name in ("Follow", "Following")
    )
    expect(follow.or_(following)).to_be_visible()
    if follow.count():
        follow.click()
    expect(following).to_be_visible()


def test_your_playlist_goes_to_the_people_you_pick(app_page: Page) -> None:
    following_dummy(app_page)
    open_location(app_page, "#/u/admin/playlists/0")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    app_page.get_by_role("button", name="Share").click()
    form = app_page.get_by_role("region", name="Send “Offline tones”")
    form.get_by_role("checkbox", name="dummy").check()
    with app_page.expect_request(lambda request: request.url.endswith("/api/playlist")) as sent:
        form.get_by_role("button", name="Send").click()
    body = json.loads(sent.value.post_data)
    assert (body["action"], body["plId"], body["uidList"]) == ("sendToUsers", f"{ADMIN}_0", [DUMMY])
    expect(app_page.locator("#announcer")).to_have_text("Sent Offline tones to dummy.")
