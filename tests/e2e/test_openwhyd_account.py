"""Openwhyd accounts as a person uses them: signing up, a forgotten password, the settings.

The tests share one page and run in order, as one visit: the sign-up ones signed out, then the
settings ones as dummy, who changes the password last.
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.openwhyd_steps import png, screenshot
from tests.e2e.steps import open_location, sign_out, signed_in

PICTURE_WIDTH = 64
"""The uploaded picture's width: the blank avatar is 100 wide, so this one shows it is the new one."""


def accounts(page: Page) -> Locator:
    return page.get_by_role("list", name="Accounts")


def sign_in_with(page: Page, login: str, password: str) -> None:
    """On the sign-in form on screen."""
    page.get_by_label("Email or handle").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def as_dummy(app_page: Page) -> Page:
    return signed_in(app_page, "dummy")


@pytest.fixture
def settings(as_dummy: Page) -> Page:
    """A freshly drawn settings screen (even after one the test before left typed in)."""
    open_location(as_dummy, "#/about")
    open_location(as_dummy, "#/settings")
    expect(as_dummy.get_by_role("heading", name="Profile")).to_be_visible()
    return as_dummy


def test_signing_up_lands_signed_in(app_page: Page) -> None:
    open_location(app_page, "#/login")
    app_page.get_by_role("link", name="Create an account").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Create an Openwhyd account")
    expect(app_page.get_by_label("Name")).to_be_focused()
    app_page.get_by_label("Name").fill("Nova Tester")
    app_page.get_by_label("Email").fill("nova@example.org")
    app_page.get_by_label("Password").fill("nova-pass")
    app_page.get_by_role("button", name="Create the account").click()
    expect(accounts(app_page)).to_contain_text("Nova Tester")
    expect(app_page).to_have_url(re.compile(r"#/$"))
    sign_out(app_page)


def test_an_email_already_registered_shows_the_servers_message(app_page: Page) -> None:
    open_location(app_page, "#/signup")
    app_page.get_by_label("Name").fill("Second Admin")
    app_page.get_by_label("Email").fill("test@openwhyd.org")
    app_page.get_by_label("Password").fill("secret-pass")
    app_page.get_by_role("button", name="Create the account").click()
    expect(app_page.get_by_role("alert")).to_have_text("This email address is already registered on whyd")
    expect(app_page.get_by_label("Email")).to_be_focused()
    expect(app_page.get_by_label("Name")).to_have_value("Second Admin")
    expect(app_page.get_by_label("Password")).to_have_value("secret-pass")
    expect(accounts(app_page).get_by_role("link", name="Sign in")).to_be_visible()
    screenshot(app_page, "signup-refused")


def test_a_forgotten_password_gets_the_servers_answer(app_page: Page) -> None:
    open_location(app_page, "#/login")
    app_page.get_by_role("link", name="Forgot password?").click()
    email = app_page.get_by_label("Email")
    expect(email).to_be_focused()
    email.fill("nobody@example.org")
    app_page.get_by_role("button", name="Send the reset email").click()
    expect(app_page.get_by_role("alert")).to_have_text("Are you sure? We don't recognize your email address!")
    email.fill("test@openwhyd.org")
    app_page.keyboard.press("Enter")
    answer = app_page.get_by_text("We just sent you an email to reset your password, wait for it!")
    expect(answer).to_be_focused()
    expect(app_page.get_by_role("alert")).to_have_count(0)
    screenshot(app_page, "forgot-sent")


def test_settings_ask_to_sign_in_first_and_come_back(app_page: Page) -> None:
    open_location(app_page, "#/settings")
    main = app_page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Settings")
    main.get_by_role("link", name="Sign in").click()
    sign_in_with(app_page, "dummy", "admin")
    expect(app_page).to_have_url(re.compile(r"#/settings$"))
    expect(app_page.get_by_label("Name")).to_have_value("dummy")
    expect(accounts(app_page).get_by_role("link", name="Settings")).to_be_visible()


def test_profile_changes_show_on_the_profile(as_dummy: Page) -> None:
    app_page = as_dummy
    open_location(app_page, "#/u/dummy")
    app_page.get_by_role("link", name="Edit profile").click()
    app_page.get_by_label("Name").fill("Dummy Deluxe")
    app_page.get_by_label("Bio").fill("Noise & tones <b>loud</b>")
    app_page.get_by_label("Location").fill("Lyon")
    app_page.get_by_label("Website").fill("example.org/dummy")
    app_page.get_by_role("button", name="Save the profile", exact=True).click()
    expect(app_page.get_by_text("Your profile is saved.")).to_be_focused()
    expect(accounts(app_page)).to_contain_text("Dummy Deluxe")
    expect(app_page.get_by_label("Website")).to_have_value("https://example.org/dummy")
    screenshot(app_page, "settings")

    app_page.get_by_role("link", name="your profile").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Dummy Deluxe")
    expect(app_page.get_by_text("Noise & tones <b>loud</b>")).to_be_visible()
    expect(app_page.get_by_text("Lyon")).to_be_visible()
    link = app_page.get_by_role("list", name="Links").get_by_role("link", name="example.org", exact=True)
    expect(link).to_have_attribute("href", "https://example.org/dummy")


def test_a_link_that_is_no_web_link_is_refused_before_sending(settings: Page) -> None:
    settings.get_by_label("Facebook").fill("javascript:alert(1)")
    settings.get_by_role("button", name="Save the profile", exact=True).click()
    expect(settings.get_by_role("alert")).to_contain_text("The Facebook link is not a web link")
    expect(settings.get_by_label("Facebook")).to_be_focused()


def test_a_refused_profile_change_is_rolled_back_with_the_servers_message(settings: Page) -> None:
    settings.get_by_label("Name").fill("Someone Else")
    settings.get_by_label("Handle").fill("adrien")
    settings.get_by_role("button", name="Save the profile", exact=True).click()
    expect(settings.get_by_role("alert")).to_have_text("This username is already taken")
    expect(settings.get_by_label("Handle")).to_be_focused()
    expect(accounts(settings)).to_contain_text("Dummy Deluxe")
    expect(accounts(settings)).not_to_contain_text("Someone Else")
    expect(settings.get_by_label("Name")).to_have_value("Someone Else")


def test_an_uploaded_avatar_shows_on_the_profile_and_in_the_header(settings: Page) -> None:
    settings.get_by_label("Profile picture").set_input_files(
        {"name": "square.png", "mimeType": "image/png", "buffer": png(PICTURE_WIDTH, 48)}
    )
    preview = settings.get_by_role("img", name="The profile picture you picked")
    expect(preview).to_have_js_property("naturalWidth", PICTURE_WIDTH)
    screenshot(settings, "settings-picture-picked")
    settings.get_by_role("button", name="Save the profile picture").click()
    expect(settings.get_by_text("Your profile picture is saved.")).to_be_focused()
    expect(settings.get_by_role("img", name="Your profile picture now")).to_have_js_property(
        "naturalWidth", PICTURE_WIDTH
    )
    expect(accounts(settings).locator("img")).to_have_js_property("naturalWidth", PICTURE_WIDTH)

    open_location(settings, "#/u/dummy")
    expect(settings.get_by_role("heading", level=1)).to_have_text("Dummy Deluxe")
    expect(settings.locator(".profile-head img")).to_have_js_property("naturalWidth", PICTURE_WIDTH)


def test_an_uploaded_cover_shows_on_the_profile(settings: Page) -> None:
    settings.get_by_label("Cover picture").set_input_files(
        {"name": "wide.png", "mimeType": "image/png", "buffer": png(480, 120)}
    )
    settings.get_by_role("button", name="Save the cover").click()
    expect(settings.get_by_role("img", name="Your cover now")).to_have_js_property("naturalWidth", 480)
    open_location(settings, "#/u/dummy")
    expect(settings.get_by_role("heading", level=1)).to_have_text("Dummy Deluxe")
    expect(settings.locator(".profile-cover")).to_have_js_property("naturalWidth", 480)


def test_a_wrong_current_password_is_refused_and_the_form_kept(settings: Page) -> None:
    settings.get_by_label("Current password").fill("not-it")
    settings.get_by_label("New password", exact=True).fill("fresh-pass")
    settings.get_by_label("New password again").fill("fresh-pass")
    settings.get_by_role("button", name="Change the password").click()
    expect(settings.get_by_role("alert")).to_have_text("Your current password is incorrect")
    expect(settings.get_by_label("Current password")).to_be_focused()
    expect(settings.get_by_label("Current password")).to_have_value("not-it")
    expect(settings.get_by_label("New password", exact=True)).to_have_value("fresh-pass")


def test_a_changed_password_is_the_one_to_sign_in_with(settings: Page) -> None:
    settings.get_by_label("Current password").fill("admin")
    settings.get_by_label("New password", exact=True).fill("fresh-pass")
    settings.get_by_label("New password again").fill("fresh-pass")
    settings.get_by_role("button", name="Change the password").click()
    expect(settings.get_by_text("Your password is changed.")).to_be_focused()
    sign_out(settings)
    open_location(settings, "#/login")
    sign_in_with(settings, "dummy", "admin")
    expect(settings.get_by_role("alert")).to_have_text("Your password seems wrong... Try again!")
    sign_in_with(settings, "dummy", "fresh-pass")
    expect(accounts(settings).get_by_role("link", name="Settings")).to_be_visible()
    expect(accounts(settings)).to_contain_text(re.compile("dummy", re.IGNORECASE))  # renamed or not
