"""The app shell in Chromium: boots offline, navigates by hash, shows not-found and errors."""

import hashlib
import io
import re
import zipfile

import pytest
from playwright.sync_api import Page, Route, expect


def test_boots_with_frame_and_no_outside_requests(app_page: Page) -> None:
    expect(app_page.locator("#app")).not_to_have_attribute("aria-busy", "true")
    expect(app_page.get_by_role("link", name="Tonearm home")).to_be_visible()
    expect(app_page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(app_page.get_by_role("contentinfo", name="Player")).to_contain_text("Nothing playing")
    expect(app_page.get_by_role("heading", level=1)).to_have_text(
        "Music from Openwhyd, patches from heavy, in one page"
    )
    expect(app_page).to_have_title("Tonearm")


def test_boots_from_the_startup_snapshot(app_page: Page) -> None:
    expect(app_page.locator("html")).to_have_attribute("data-snapshot", "restored")


def test_a_snapshot_the_runtime_refuses_means_a_plain_start(fresh_app, live_server: str) -> None:
    page = fresh_app("#/", wait_ready=False)
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    made_for = hashlib.sha256(page.request.get(f"{live_server}/app.zip").body()).hexdigest().encode()
    not_a_snapshot = made_for + b"\0" * 4096
    page.route("**/app.snapshot", lambda route: route.fulfill(body=not_a_snapshot))
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-ready", "true", timeout=90_000)
    expect(page.locator("html")).not_to_have_attribute("data-snapshot", "restored")
    assert any("startup snapshot does not fit" in text for text in warnings)
    page.get_by_role("link", name="About").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About Tonearm")


def test_navigation_and_history(app_page: Page) -> None:
    nav = app_page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="About").click()
    expect(app_page).to_have_url(re.compile(r"#/about$"))
    expect(app_page.get_by_role("heading", level=1)).to_have_text("About Tonearm")
    expect(nav.get_by_role("link", name="About")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Home", exact=True)).not_to_have_attribute("aria-current", "page")
    expect(app_page).to_have_title("About · Tonearm")
    expect(app_page.locator("main")).to_be_focused()

    app_page.go_back()
    expect(app_page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
    expect(nav.get_by_role("link", name="Home", exact=True)).to_have_attribute("aria-current", "page")
    app_page.go_forward()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("About Tonearm")


def test_about_reports_the_runtime(app_page: Page) -> None:
    app_page.goto(app_page.url.split("#")[0] + "#/about")
    facts = app_page.get_by_role("main").locator("dl")
    expect(facts).to_contain_text("Pyodide")
    expect(facts).to_contain_text("314.0.2")
    expect(facts).to_contain_text("./openwhyd")


def test_unknown_route_shows_not_found(app_page: Page) -> None:
    app_page.goto(app_page.url.split("#")[0] + "#/no/such/<page>")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(app_page.locator("main code")).to_have_text("/no/such/<page>")
    expect(app_page).to_have_title("Not found · Tonearm")
    app_page.get_by_role("link", name="Go to the home page").click()
    expect(app_page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_content(fresh_app) -> None:
    page = fresh_app("#/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#/$"))


def serve_patched_app(page: Page, replacements: dict[str, str]) -> None:
    """Serve the real app.zip with some modules replaced, to break the app on purpose. The startup
    snapshot, made for the real app.zip, names its hash, so the app starts without it."""

    def patched_app_zip(route: Route) -> None:
        original = zipfile.ZipFile(io.BytesIO(route.fetch().body()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as patched:
            for name in original.namelist():
                patched.writestr(name, replacements.get(name, original.read(name)))
        route.fulfill(body=buffer.getvalue(), content_type="application/zip")

    page.route("**/app.zip", patched_app_zip)


@pytest.mark.expect_page_errors
def test_python_error_in_a_view_is_shown_as_a_message(fresh_app) -> None:
    broken = "async def show(match, state):\n    raise RuntimeError('the about screen broke')\n"
    page = fresh_app("#/", wait_ready=False)
    serve_patched_app(page, {"app/ui/screens/about.py": broken})
    page.reload()
    page.wait_for_selector("html[data-ready='true']", timeout=90_000)
    expect(page.locator("html")).not_to_have_attribute("data-snapshot", "restored")
    page.get_by_role("link", name="About").click()
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("Something went wrong")
    expect(alert).to_contain_text("RuntimeError: the about screen broke")
    page.get_by_role("link", name="Home", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")


@pytest.mark.expect_page_errors
def test_python_error_at_boot_is_shown_as_a_message(fresh_app) -> None:
    page = fresh_app("#/", wait_ready=False)
    broken = {"app/ui/core/app.py": "raise ImportError('the controller is missing')\n"}
    serve_patched_app(page, broken)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-ready", "failed", timeout=90_000)
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("Tonearm could not start")
    expect(alert).to_contain_text("ImportError: the controller is missing")


def test_loading_indicator_shows_real_progress(fresh_app) -> None:
    page = fresh_app("#/", wait_ready=False)
    passed: list[Route] = []
    held: list[Route] = []

    def hold_the_unpacking(route: Route) -> None:
        """The snapshot loader fetches app.zip first, to check the snapshot against it; the next
        fetch, PyScript's for unpacking, is held."""
        if passed:
            held.append(route)
        else:
            passed.append(route)
            route.fallback()

    page.route("**/app.zip", hold_the_unpacking)
    page.reload()
    status = page.get_by_role("status")
    expect(status).to_have_text("Loading Tonearm…", timeout=90_000)
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "85")
    held[0].fallback()
    expect(page.locator("html")).to_have_attribute("data-ready", "true", timeout=90_000)
