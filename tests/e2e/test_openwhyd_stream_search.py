"""The stream of the signed-in user (also their home screen), and search from the header."""

import re

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.steps import open_location, sign_out, track_rows


def search(page: Page, query: str) -> None:
    box = page.get_by_role("searchbox", name="Search tracks, people and playlists")
    box.fill(query)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"#/search\?q="))


def test_the_stream_asks_to_sign_in_then_shows_what_was_posted(app_page: Page) -> None:
    open_location(app_page, "#/stream")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Your stream")
    app_page.get_by_role("main").get_by_role("link", name="Sign in").click()
    app_page.get_by_label("Email or handle").fill("admin")
    app_page.get_by_label("Password").fill("admin")
    app_page.get_by_role("button", name="Sign in").click()
    expect(app_page).to_have_url(re.compile(r"#/stream$"))
    row = track_rows(app_page).filter(has_text="Tonearm Tones - C major chord")
    expect(row).to_contain_text("1 like · 1 comment")

    app_page.get_by_role("link", name="Home", exact=True).click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Your stream")
    expect(track_rows(app_page).first).to_be_visible()
    sign_out(app_page)
    expect(app_page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")


def test_search_finds_tracks_people_and_playlists(app_page: Page) -> None:
    search(app_page, "arpeggio")
    tracks = app_page.get_by_role("region", name=re.compile("^Tracks"))
    expect(tracks.get_by_role("link", name="Tonearm Tones - G major arpeggio")).to_be_visible()
    expect(tracks.get_by_role("link", name="Tonearm Tones - F major arpeggio")).to_be_visible()

    search(app_page, "dummy")
    people = app_page.get_by_role("region", name=re.compile("^People"))
    people.get_by_role("link", name="dummy").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("dummy")

    search(app_page, "offline")
    playlists = app_page.get_by_role("region", name=re.compile("^Playlists"))
    playlists.get_by_role("link", name=re.compile("Offline tones")).click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Offline tones")


def test_a_search_without_results_says_so(app_page: Page) -> None:
    search(app_page, "zzzqqq")
    expect(app_page.get_by_text("Nothing matches “zzzqqq”.")).to_be_visible()


@pytest.mark.expect_page_errors  # the browser logs the failed request
def test_a_search_shows_it_is_loading_and_offers_a_retry_when_it_fails(app_page: Page) -> None:
    held: list[Route] = []
    app_page.route("**/openwhyd/search?*", lambda route: held.append(route))
    search(app_page, "chord")
    expect(app_page.get_by_role("main")).to_have_attribute("aria-busy", "true")
    for _ in range(100):  # the screen shows it is busy before its request reaches the route
        if held:
            break
        app_page.wait_for_timeout(50)  # lets Playwright deliver the held request
    held.pop().fulfill(status=500, json={"error": "The index is rebuilding."})
    expect(app_page.get_by_role("alert")).to_contain_text("The index is rebuilding.")
    expect(app_page.get_by_role("main")).not_to_have_attribute("aria-busy", "true")

    app_page.unroute("**/openwhyd/search?*")
    app_page.get_by_role("button", name="Try again").click()
    expect(app_page.get_by_role("link", name="Tonearm Tones - C major chord")).to_be_visible()
