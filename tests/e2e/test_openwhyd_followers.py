"""A profile's subscribers and subscriptions: from the count to the list, following from it."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import screenshot
from tests.e2e.steps import open_location, sign_in, sign_out


def test_the_counts_list_who_and_following_from_the_list_changes_them(app_page: Page) -> None:
    sign_in(app_page, then="#/u/dummy")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("dummy")
    counts = app_page.get_by_role("list", name="Counts", exact=True)
    expect(counts.get_by_role("link", name="0 subscribers")).to_be_visible()
    counts.get_by_role("link", name="1 subscription").click()
    expect(app_page).to_have_url(re.compile(r"#/u/dummy/subscriptions$"))
    tabs = app_page.get_by_role("navigation", name="Subscribers and subscriptions")
    expect(tabs.get_by_role("link", name="1 subscription")).to_have_attribute("aria-current", "page")
    main = app_page.get_by_role("main")
    expect(main.get_by_role("link", name="Adrien Joly")).to_be_visible()

    main.get_by_role("button", name="Follow Adrien Joly").click()
    following = main.get_by_role("button", name="Following Adrien Joly")
    expect(following).to_have_attribute("aria-pressed", "true")
    expect(following).to_be_focused()

    main.get_by_role("button", name="Follow dummy").click()
    expect(main.get_by_role("button", name="Following dummy")).to_be_focused()
    tabs.get_by_role("link", name="1 subscriber").click()
    expect(app_page).to_have_url(re.compile(r"#/u/dummy/subscribers$"))
    expect(main.get_by_role("listitem").filter(has_text="admin")).to_contain_text("This is you")
    main.get_by_role("button", name="Following dummy").click()
    expect(tabs.get_by_role("link", name="0 subscribers")).to_be_visible()
    expect(main.get_by_text("Nobody follows dummy yet.")).to_be_visible()

    open_location(app_page, "#/u/adrien/subscribers")
    expect(tabs.get_by_role("link", name="2 subscribers")).to_be_visible()
    people = main.get_by_role("list", name="Subscribers of Adrien Joly").get_by_role("listitem")
    expect(people).to_have_count(2)
    expect(people.filter(has_text="admin")).to_contain_text("This is you")
    screenshot(app_page, "followers")
    main.get_by_role("button", name="Following Adrien Joly").click()
    expect(tabs.get_by_role("link", name="1 subscriber")).to_be_visible()
    expect(main.get_by_text("This is you")).to_have_count(0)
    sign_out(app_page)


def test_signed_out_the_lists_show_people_without_buttons(app_page: Page) -> None:
    open_location(app_page, "#/u/dummy")
    app_page.get_by_role("list", name="Counts", exact=True).get_by_role("link", name="1 subscription").click()
    expect(app_page).to_have_url(re.compile(r"#/u/dummy/subscriptions$"))
    main = app_page.get_by_role("main")
    expect(main.get_by_role("link", name="Adrien Joly")).to_be_visible()
    expect(main.get_by_role("button")).to_have_count(0)
