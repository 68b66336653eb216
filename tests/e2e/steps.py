"""What many tests do on the way to what they check, written once."""

import re

from playwright.sync_api import Locator, Page, expect

from buildkit.paths import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"
"""Where the e2e tests leave screenshots for a person to look at (git-ignored)."""
SHOWN_WHOLE = "e => e?.clientWidth > 0 && e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"
"""A JavaScript test of an element: laid out, and its text neither cut by an ellipsis nor clamped."""


def open_location(page: Page, location: str) -> None:
    """Go to an app location (`#/…`) in the page's app."""
    page.goto(page.url.split("#")[0] + location)


def sign_in(page: Page, login: str = "admin", password: str = "admin", then: str = "") -> None:
    open_location(page, "#/login" + (f"?next={then.replace('#', '%23')}" if then else ""))
    page.get_by_label("Email or handle").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("list", name="Accounts")).to_contain_text(login)


def signed_in(page: Page, login: str = "admin") -> Page:
    """Signed in as `login`: by an earlier test of the module when it runs in order, here when a test
    runs alone."""
    if page.get_by_role("list", name="Accounts").get_by_role("link", name="Sign in").count():
        sign_in(page, login)
    return page


def sign_out(page: Page) -> None:
    page.get_by_role("list", name="Accounts").get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("list", name="Accounts").get_by_role("link", name="Sign in")).to_be_visible()


def track_rows(page: Page) -> Locator:
    """The rows of the track list on screen, each with its play button."""
    return page.get_by_role("listitem").filter(has=page.get_by_role("button", name=re.compile("^Play ")))
