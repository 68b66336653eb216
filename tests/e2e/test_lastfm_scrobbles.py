"""Last.fm in the app against a fake Last.fm on loopback: connecting from the settings through
Last.fm's auth page and back, then the player scrobbling a track that ends by itself and not one
skipped."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from buildkit.serving import serving
from server.lastfm.settings import KEY_VARIABLE, SECRET_VARIABLE
from tests.e2e.steps import SCREENSHOTS, open_location, sign_in, signed_in, track_rows
from tests.services.openwhyd.fake_lastfm import KEY, SECRET, FakeLastFm, fake_lastfm
from tests.waiting import until


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLastFm]:
    with fake_lastfm() as running:
        yield running


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory, fake: FakeLastFm) -> Iterator[str]:
    """`serve` with Last.fm set up on the fake: this module's own, in place of the session's."""
    data = tmp_path_factory.mktemp("lastfm-data")
    lastfm = ("--lastfm-api", fake.url, "--lastfm-auth", fake.auth_url)
    with pytest.MonkeyPatch.context() as env:
        env.setenv(KEY_VARIABLE, KEY)
        env.setenv(SECRET_VARIABLE, SECRET)
        with serving(data, "--test-mode", "--no-rate-limits", *lastfm, log=data / "serve.log") as base:
            yield base


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.locator("#lastfm-title").scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 800})


def test_connecting_last_fm_from_the_settings(app_page: Page) -> None:
    sign_in(app_page)
    open_location(app_page, "#/settings")
    panel = app_page.get_by_role("region", name="Last.fm")
    expect(panel).to_contain_text("Last.fm is not connected.")
    shot(app_page, "lastfm-settings-disconnected")
    with app_page.expect_popup() as opened:
        panel.get_by_role("link", name="Connect Last.fm").click()
    popup = opened.value
    expect(popup.locator("body")).to_have_text("Your last.fm account rj is now connected to openwhyd.")
    expect(panel).to_contain_text("Connected to Last.fm as rj")
    shot(app_page, "lastfm-settings-connected")
    popup.close()


def test_a_track_ending_by_itself_is_scrobbled_and_a_skipped_one_is_not(
    app_page: Page, fake: FakeLastFm
) -> None:
    signed_in(app_page)
    open_location(app_page, "#/u/admin")
    rows = track_rows(app_page)
    expect(rows.first).to_be_visible()
    names = [rows.nth(n).locator(".track-name").inner_text() for n in range(2)]
    before = len(fake.scrobbles())
    rows.nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar).to_contain_text(names[0])
    bar.get_by_role("button", name="Next track").click()
    expect(bar).to_contain_text(names[1])
    expect(rows.nth(2)).to_have_attribute("aria-current", "true", timeout=20_000)
    bar.get_by_role("button", name="Pause").click()

    def scrobbled() -> list[str]:
        return [f"{sent['artist']} - {sent['track']}" for sent in fake.scrobbles()[before:]]

    assert until(lambda: names[1] in scrobbled(), 10), scrobbled()
    assert names[0] not in scrobbled() and scrobbled().count(names[1]) == 1
    assert fake.scrobbles()[-1]["chosenByUser"] == "true"
