"""The pages old heavy links and the uploader point to, a patch's settings, a private patch seen
signed out, and the widget's parameter controls."""

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import open_app
from tests.e2e.heavy_steps import heavy_sign_in, issue_token, open_fresh, own_patch
from tests.e2e.steps import open_location


def test_the_job_url_the_uploader_prints_opens_the_studio_there(browser: Browser, live_server: str) -> None:
    page = open_app(browser, live_server, "h/demo/sine/1")
    expect(page).to_have_url(f"{live_server}/#/heavy/p/demo/sine/1")
    expect(page.get_by_role("heading", level=1)).to_have_text("sine, version 1")
    page.goto(f"{live_server}/heavy/h/demo")
    expect(page.get_by_role("heading", level=1)).to_have_text("demo\u2019s patches", timeout=60_000)
    page.context.close()


def test_the_owner_changes_visibility_and_description_and_a_visitor_is_told_to_sign_in(
    fresh_app, live_server: str
) -> None:
    page: Page = fresh_app("#/heavy")
    token = issue_token(live_server, "lin")
    own_patch(live_server, token, "e2e-settings")
    heavy_sign_in(page, token, "lin")
    open_fresh(page, "#/heavy/p/lin/e2e-settings")
    settings = page.get_by_role("region", name="Settings")
    expect(settings.get_by_label("Anyone")).to_be_checked()
    settings.get_by_label("Only you").check()
    settings.get_by_label("Description").fill("Kept to myself for now")
    settings.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("e2e-settings private")
    expect(page.get_by_role("paragraph").filter(has_text="Kept to myself for now")).to_be_visible()
    expect(
        page.get_by_role("status").filter(has_text="The settings of e2e-settings were saved.")
    ).to_be_attached()
    expect(page.get_by_role("region", name="Settings").get_by_label("Only you")).to_be_checked()

    page.get_by_role("button", name="Sign out of heavy").click()
    open_fresh(page, "#/heavy/p/lin/e2e-settings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to see the patch lin/e2e-settings")
    page.get_by_role("link", name="Sign in to heavy").click()
    page.get_by_label("Your heavy token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("e2e-settings private")


def test_the_widget_has_the_patchs_parameter_controls(browser: Browser, live_server: str) -> None:
    context = browser.new_context(viewport={"width": 600, "height": 400})
    from tests.e2e.conftest import watch

    page = watch(context.new_page(), live_server)
    page.goto(f"{live_server}/embed.html?patch=demo/sine")
    expect(page.locator("html")).to_have_attribute("data-ready", "true", timeout=60_000)
    freq = page.get_by_role("slider", name="freq")
    expect(freq).to_have_value("440")
    expect(freq).to_have_attribute("min", "20")
    expect(freq).to_have_attribute("max", "2000")
    freq.fill("880")
    expect(page.locator("#param-freq-value")).to_have_text("880")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Stop")).to_be_visible(timeout=15_000)
    page.wait_for_function("document.getElementById('level').value > 0.05")
    freq.press("End")
    expect(page.locator("#param-freq-value")).to_have_text("2000")
    page.get_by_role("button", name="Stop").click()
    context.close()


def test_a_missing_patch_signed_in_is_not_found(fresh_app, live_server: str) -> None:
    page: Page = fresh_app("#/heavy")
    heavy_sign_in(page, issue_token(live_server, "lin"), "lin")
    open_location(page, "#/heavy/p/lin/nothing-here")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("[Nn]ot found"))
