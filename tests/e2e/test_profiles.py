"""Browsing people and their playlists: tabs, playlist pages, following, and playing from them."""

import re

from playwright.sync_api import Page, expect

from app.ui.core.wording import counted
from tests.e2e.steps import open_location, sign_in, sign_out, track_rows


def test_a_profile_shows_who_it_is_and_its_tabs(app_page: Page) -> None:
    open_location(app_page, "#/u/admin")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("admin")
    counts = app_page.get_by_role("list", name="Counts", exact=True)
    expect(counts).to_contain_text(re.compile(r"\d+ subscribers?\b"))
    tabs = app_page.get_by_role("navigation", name="Profile sections")
    expect(tabs.get_by_role("link", name="Tracks")).to_have_attribute("aria-current", "page")
    expect(app_page.get_by_role("button", name="Play Tonearm Tones - C major chord")).to_be_visible()

    tabs.get_by_role("link", name="Playlists").click()
    expect(app_page).to_have_url(re.compile(r"#/u/admin/playlists$"))
    app_page.get_by_role("link", name=re.compile("Offline tones")).click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    expect(app_page.get_by_text("3 tracks")).to_be_visible()

    app_page.get_by_role("button", name="Play all").click()
    rows = track_rows(app_page)
    expect(rows.nth(0)).to_have_attribute("aria-current", "true")
    bar = app_page.get_by_role("contentinfo", name="Player")
    bar.get_by_role("button", name="Pause").click()

    app_page.go_back()
    expect(app_page).to_have_url(re.compile(r"#/u/admin/playlists$"))


def test_unknown_people_and_playlists_are_not_found(app_page: Page) -> None:
    open_location(app_page, "#/u/nobody-at-all")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Page not found")
    open_location(app_page, "#/u/admin/playlists/99")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_following_and_unfollowing_someone(app_page: Page) -> None:
    sign_in(app_page, then="#/u/dummy")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("dummy")
    counts = app_page.get_by_role("list", name="Counts", exact=True)
    before = int(re.search(r"(\d+) subscribers?\b", counts.inner_text())[1])
    app_page.get_by_role("button", name="Follow").click()
    expect(app_page.get_by_role("button", name="Following")).to_have_attribute("aria-pressed", "true")
    expect(counts).to_contain_text(counted(before + 1, "subscriber"))
    app_page.get_by_role("button", name="Following").click()
    expect(app_page.get_by_role("button", name="Follow")).to_be_visible()
    expect(counts).to_contain_text(counted(before, "subscriber"))
    sign_out(app_page)
