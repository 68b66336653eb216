"""Signing in to Openwhyd and out again, as a person does it."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.steps import open_location, sign_out


def test_a_wrong_password_shows_the_servers_message(app_page: Page) -> None:
    app_page.get_by_role("link", name="Sign in").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Sign in to Openwhyd")
    app_page.get_by_label("Email or handle").fill("admin")
    app_page.get_by_label("Password").fill("not the password")
    app_page.get_by_role("button", name="Sign in").click()
    expect(app_page.get_by_role("alert")).to_have_text("Your password seems wrong... Try again!")
    expect(app_page.get_by_label("Email or handle")).to_have_value("admin")
    expect(app_page.get_by_label("Password")).to_be_focused()


def test_an_unknown_account_shows_the_servers_message(app_page: Page) -> None:
    open_location(app_page, "#/login")
    app_page.get_by_label("Email or handle").fill("nobody-here@example.com")
    app_page.get_by_label("Password").fill("whatever")
    app_page.keyboard.press("Enter")
    expect(app_page.get_by_role("alert")).to_contain_text("email")


def test_sign_in_shows_the_user_and_sign_out_forgets_them(app_page: Page) -> None:
    open_location(app_page, "#/login?next=%23/hot")
    app_page.get_by_label("Email or handle").fill("admin")
    app_page.get_by_label("Password").fill("admin")
    app_page.get_by_role("button", name="Sign in").click()
    accounts = app_page.get_by_role("list", name="Accounts")
    expect(accounts).to_contain_text("admin")
    expect(app_page).to_have_url(re.compile(r"#/hot$"))
    app_page.reload()
    expect(app_page.locator("html")).to_have_attribute("data-ready", "true", timeout=90_000)
    expect(accounts).to_contain_text("admin")

    sign_out(app_page)
    expect(app_page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
