"""The app on PostgreSQL, as a person meets it: the e2e suite runs on SQLite (the service suites
run on both engines); this boots, signs in and plays a track on PostgreSQL, the play counted."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import service_json
from tests.e2e.steps import open_location, sign_in, track_rows


def plays(live_server: str, post: str | None) -> int:
    return service_json(live_server, f"/c/{post}?format=json")["data"].get("nbP", 0)  # type: ignore[index]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_sign_in_and_play_on_postgresql(fresh_app: Callable[..., Page], live_server: str) -> None:
    page = fresh_app()
    sign_in(page, "dummy")
    open_location(page, "#/hot")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    row = track_rows(page).nth(0)
    post = row.get_attribute("data-track-id")
    before = plays(live_server, post)

    row.get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = page.get_by_role("contentinfo", name="Player")
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()
    expect(bar.locator("#player-elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)
    for _ in range(50):  # the play is logged in the background: ten seconds at most
        if plays(live_server, post) > before:
            break
        page.wait_for_timeout(200)
    assert plays(live_server, post) == before + 1
