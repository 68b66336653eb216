"""The service's own track-order page (`/u/<uId>/playlist/<plId>/edit`): reorder by keyboard or
by dragging, Save, and the playlist keeps the new order."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import watch
from tests.e2e.openwhyd_steps import screenshot, service_json
from tests.e2e.steps import sign_in

ADMIN = "000000000000000000000001"


def names(live_server: str) -> list[str]:
    return [post["name"] for post in service_json(live_server, f"/u/{ADMIN}/playlist/0?format=json")]


def test_reorder_with_buttons_and_dragging_then_save(app_page: Page, live_server: str) -> None:
    sign_in(app_page)
    before = names(live_server)
    assert len(before) >= 3
    page = watch(app_page.context.new_page(), live_server)
    page.goto(f"{live_server}/openwhyd/u/{ADMIN}/playlist/0/edit")
    titles = page.get_by_role("heading", level=2)
    expect(titles).to_have_text(before)
    screenshot(page, "track-order")

    page.get_by_role("button", name=f"Move {before[1]} up").focus()
    page.keyboard.press("Enter")
    expect(titles).to_have_text([before[1], before[0], *before[2:]])
    expect(page.get_by_role("status")).to_have_text(f"{before[1]}: position 1 of {len(before)}")
    expect(page.get_by_role("button", name=f"Move {before[1]} up")).to_be_focused()

    page.locator(".post", has_text=before[2]).drag_to(
        page.locator(".post", has_text=before[1]), target_position={"x": 10, "y": 5}
    )
    expected = [before[2], before[1], before[0], *before[3:]]
    expect(titles).to_have_text(expected)

    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/openwhyd/admin/playlist/0$"))
    assert names(live_server) == expected
    page.close()


def test_another_users_page_is_refused(app_page: Page, live_server: str) -> None:
    sign_in(app_page, "dummy")
    page = watch(app_page.context.new_page(), live_server)
    page.goto(f"{live_server}/openwhyd/u/{ADMIN}/playlist/0/edit")
    expect(page.get_by_text("what the hell are you doing here, mate?")).to_be_visible()
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    page.close()
