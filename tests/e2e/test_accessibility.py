"""Every view, signed out and signed in, at phone and desktop size: no serious or critical axe-core
finding, no sideways scrolling, and a full-page screenshot in build/screenshots/ for a person to look
at; the same for the open help dialog and an open confirmation; and the keyboard alone reaches the
navigation, each view's controls and the player bar, with a focus ring that shows and is not hidden.
Read-only: the views are only looked at."""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from app.ui.core.router import ROUTES, match
from buildkit.dist import STATIC_SKIP
from buildkit.paths import TEST_VENDOR, VENDOR
from tests.e2e.axe import axe_script, blocking_violations, describe
from tests.e2e.conftest import open_app
from tests.e2e.heavy_steps import heavy_sign_in, issue_token
from tests.e2e.openwhyd_steps import VIEWPORTS, playlist_menu, post_id
from tests.e2e.steps import SCREENSHOTS, open_location, sign_in

TRACK = "Tonearm Tones - C major chord"
"""A demo track of `admin`, the demo Openwhyd user the signed-in visitor is."""


@dataclass(frozen=True)
class View:
    route: str
    location: str  # `{track}` stands for the demo track's id
    heading: str
    signed_in_heading: str = ""  # when signed in the view says something else

    def heading_for(self, signed_in: bool) -> str:
        return (signed_in and self.signed_in_heading) or self.heading


VIEWS = (
    View("home", "#/", "Music from Openwhyd, patches from heavy, in one page", "Your stream"),
    View("about", "#/about", "About Tonearm"),
    View("login", "#/login", "Sign in to Openwhyd"),
    View("password-reset", "#/login/forgot", "Forgot your password?"),
    View("signup", "#/signup", "Create an Openwhyd account"),
    View("settings", "#/settings", "Settings"),
    View("hot", "#/hot", "Hot tracks"),
    View("profile", "#/u/admin", "admin"),
    View("profile-playlists", "#/u/admin/playlists", "admin"),
    View("profile-likes", "#/u/admin/likes", "admin"),
    View("profile-subscribers", "#/u/admin/subscribers", "admin"),
    View("profile-subscriptions", "#/u/admin/subscriptions", "admin"),
    View("playlist", "#/u/admin/playlists/0", "Offline tones"),
    View("playlist-arrange", "#/u/admin/playlists/0/arrange", "Offline tones"),
    View("track", "#/t/{track}", TRACK),
    View("track-edit", "#/t/{track}/edit", TRACK),
    View("add-track", "#/add", "Add a track"),
    View("bookmarklet", "#/bookmarklet", "Add tracks from any page"),
    View("import", "#/import", "Import a playlist"),
    View("stream", "#/stream", "Your stream"),
    View("search", "#/search?q=tones", "Results for “tones”"),
    View("sent", "#/sent", "Sent to you"),
    View("heavy", "#/heavy", "Compile Pure Data patches", "Your patches"),
    View("heavy-tokens", "#/heavy/tokens", "Sign in to heavy first", "Your tokens"),
    View("heavy-user", "#/heavy/u/demo", "demo\u2019s patches", "Your patches"),
    View("heavy-patch", "#/heavy/p/demo/sine", "sine"),
    View("heavy-version", "#/heavy/p/demo/sine/1", "sine, version 1"),
    View("not-found", "#/no/such/page", "Page not found"),
)
BY_ROUTE = {view.route: view for view in VIEWS}
KEYBOARD_VIEWS = ("hot", "playlist", "track", "heavy-user", "heavy-version")
"""Views whose controls between them cover links, buttons, disclosures, fields, menus and tables."""


@dataclass(frozen=True)
class Visitor:
    page: Page
    signed_in: bool
    track: str

    def show(self, view: View) -> None:
        """Go to `view` and wait for its own heading, not the one of the view before."""
        location = view.location.format(track=self.track)
        if not self.page.url.endswith(location):
            self.page.evaluate("document.querySelector('main h1')?.setAttribute('data-left', '')")
            open_location(self.page, location)
        expect(self.page.locator("main h1:not([data-left])")).to_have_text(view.heading_for(self.signed_in))


@pytest.fixture(scope="module", params=["signed-out", "signed-in"])
def visitor(request: pytest.FixtureRequest, browser: Browser, live_server: str) -> Iterator[Visitor]:
    """One page per sign-in state; signed in means Openwhyd's `admin` and heavy's `demo`."""
    page = open_app(browser, live_server)
    signed_in = request.param == "signed-in"
    if signed_in:
        sign_in(page)
        heavy_sign_in(page, issue_token(live_server, "demo", label="accessibility"), "demo")
    yield Visitor(page, signed_in, post_id(live_server, "admin", TRACK))
    page.context.close()


def audit(visitor: Visitor, name: str) -> list[str]:
    """axe at each size (and contrast in the dark scheme too), a screenshot at each, and whether the
    page scrolls sideways: what is wrong."""
    page = visitor.page
    state = "signed-in" if visitor.signed_in else "signed-out"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        violations = blocking_violations(page)
        if size == "desktop":
            page.emulate_media(color_scheme="dark")
            violations += blocking_violations(page, ["color-contrast"])
            page.emulate_media(color_scheme="light")
        if violations:
            problems.append(f"{name} at {size} size, {state}:\n{describe(violations)}")
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            problems.append(f"{name} scrolls sideways by {overflow}px at {size} size, {state}")
        whole_page_screenshot(page, SCREENSHOTS / f"{state}-{name}-{size}.png")
    page.set_viewport_size(VIEWPORTS["desktop"])
    return problems


def whole_page_screenshot(page: Page, path: Path) -> None:
    """The whole page in a window as tall as it, so the fixed player bar sits at the end of it
    instead of across the middle, as in a full-page capture."""
    viewport = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({**viewport, "height": max(height, viewport["height"])})
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def test_axe_comes_pinned_from_the_vendor_step_and_stays_out_of_dist() -> None:
    assert axe_script().is_file()
    assert axe_script().is_relative_to(TEST_VENDOR)
    assert TEST_VENDOR.name in STATIC_SKIP(str(VENDOR), os.listdir(VENDOR))


def test_every_route_has_a_view_here() -> None:
    """A new route fails here until it gets its line in VIEWS."""
    assert {route.name for route in ROUTES} <= set(BY_ROUTE)
    for view in VIEWS:
        assert match(view.location.format(track="some-id")).name == view.route, view


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.route)
def test_view_passes_axe_at_both_sizes(visitor: Visitor, view: View) -> None:
    visitor.show(view)
    problems = audit(visitor, view.route)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visitor", ["signed-in"], indirect=True)
def test_open_help_dialog_passes_axe(visitor: Visitor) -> None:
    page = visitor.page
    visitor.show(BY_ROUTE["hot"])
    page.get_by_role("contentinfo", name="Player").get_by_role("button", name="Keyboard shortcuts").click()
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    problems = audit(visitor, "help-dialog")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visitor", ["signed-in"], indirect=True)
def test_open_confirmation_passes_axe(visitor: Visitor) -> None:
    page = visitor.page
    visitor.show(BY_ROUTE["playlist"])
    playlist_menu(page, "Delete")
    expect(page.get_by_role("button", name="Delete the playlist")).to_be_visible()
    problems = audit(visitor, "playlist-confirm-delete")
    playlist_menu(page, "Delete")
    expect(page.get_by_role("button", name="Delete the playlist")).to_be_hidden()
    assert not problems, "\n".join(problems)


FOCUS_STOP = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    region: element.closest("#nav") ? "nav" : element.closest("main") ? "main"
      : element.closest("#player") ? "player" : element === document.body ? "body" : "other",
    html: element.outerHTML.slice(0, 120),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
    seen: box.width > 0 && box.height > 0 && !!middle
      && (element.contains(middle) || middle.contains(element)),
  };
}"""

FIRST_CONTROL = """() => [...document.querySelectorAll(
    "main a[href], main button, main input, main select, main textarea, main summary, main [tabindex]")]
  .find(element => element.tabIndex >= 0 && !element.disabled && element.getClientRects().length)
  .outerHTML.slice(0, 120)"""


def tab_through(page: Page) -> list[dict]:
    """Every focus stop from the top of the document to the end of the player bar."""
    page.evaluate("""() => {
      document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute("tabindex");
    }""")  # the starting point of a freshly loaded page
    stops: list[dict] = []
    while len(stops) < 300:
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_STOP))
        if stops[-1]["region"] == "body" or (len(stops) > 1 and stops[-1]["html"] == stops[0]["html"]):
            return stops[:-1]
    raise AssertionError("Tab never got back to the top of the page")


@pytest.mark.parametrize("visitor", ["signed-in"], indirect=True)
@pytest.mark.parametrize("route", KEYBOARD_VIEWS)
def test_the_keyboard_reaches_nav_view_and_player_with_a_visible_ring(visitor: Visitor, route: str) -> None:
    page = visitor.page
    visitor.show(BY_ROUTE[route])
    stops = tab_through(page)
    regions = [stop["region"] for stop in stops]
    assert "Skip to content" in stops[0]["html"]
    assert regions.count("nav") == page.get_by_role("navigation", name="Main").get_by_role("link").count()
    first_in_main = next(stop for stop in stops if stop["region"] == "main")
    assert first_in_main["html"] == page.evaluate(FIRST_CONTROL)
    assert "player" in regions
    no_ring = [stop["html"] for stop in stops if not stop["ring"]]
    covered = [stop["html"] for stop in stops if not stop["seen"]]
    assert no_ring == [], "no visible focus ring on:\n" + "\n".join(no_ring)
    assert covered == [], "focused but out of sight or covered:\n" + "\n".join(covered)
