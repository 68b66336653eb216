"""The bookmarklet: its link, dragged to the bookmarks bar in life, is run here on a fake YouTube
video page served from our own origin (the harness forbids others); its script, from our origin too,
opens the add-track form in a popup, prefilled, and the post stores `ctx=bk` and the page as `src`."""

from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import wait_for_boot, watch
from tests.e2e.openwhyd_steps import service_json
from tests.e2e.steps import open_location, sign_in

VIDEO = "XdJVWSqb4Ck"
PAGE_TITLE = "(3) Lullaby & Goodnight - YouTube"
FAKE_PAGE = f"""<!doctype html><html><head><title>{PAGE_TITLE}</title>
<link rel="canonical" href="https://www.youtube.com/watch?v={VIDEO}"></head>
<body><h1>Lullaby &amp; Goodnight</h1></body></html>"""


def test_the_bookmarklet_posts_the_video_of_the_page_it_runs_on(app_page: Page, live_server: str) -> None:
    sign_in(app_page, "dummy")
    open_location(app_page, "#/add")
    app_page.get_by_role("link", name="The bookmarklet").click()
    link = app_page.get_by_role("link", name="Add to Tonearm")
    code = link.get_attribute("href") or ""
    assert code.startswith("javascript:") and f"{live_server}/static/js/bookmarklet.js?" in code

    video_page = watch(app_page.context.new_page(), live_server)
    fake_url = f"{live_server}/fake-youtube/watch?v={VIDEO}"
    video_page.route(fake_url, lambda route: Route.fulfill(route, body=FAKE_PAGE, content_type="text/html"))
    video_page.goto(fake_url)
    with app_page.context.expect_page() as opened:
        video_page.evaluate(code.removeprefix("javascript:"))
    popup = watch(opened.value, live_server)
    wait_for_boot(popup)
    expect(popup.get_by_role("heading", level=1)).to_have_text("Add a track")
    expect(popup.get_by_label("Title")).to_have_value("Lullaby & Goodnight")
    expect(popup.get_by_role("link", name=f"https://www.youtube.com/watch?v={VIDEO}")).to_be_visible()
    popup.get_by_role("button", name="Add the track").click()
    expect(popup.get_by_role("heading", level=1)).to_have_text("Lullaby & Goodnight")

    post = next(p for p in service_json(live_server, "/dummy?format=json") if p["eId"] == f"/yt/{VIDEO}")
    assert post["ctx"] == "bk"
    assert post["src"] == {"id": fake_url, "name": PAGE_TITLE}
    video_page.close()
    popup.close()
