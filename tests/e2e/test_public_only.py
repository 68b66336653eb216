"""The app hosted away from its Openwhyd (`openwhyd_access = "public"`): public profiles,
playlists and likes read through JSONP, as from openwhyd.org, which sends no CORS headers.
The page comes from 127.0.0.1 and the service answers as localhost: two origins."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from buildkit.paths import ROOT
from tests.e2e.conftest import wait_for_boot, watch
from tests.e2e.policy_steps import configured, serve_as_configured
from tests.e2e.steps import track_rows


@pytest.fixture(scope="module")
def service_origin(live_server: str) -> str:
    return live_server.replace("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def requests_to_service() -> list[Request]:
    return []


@pytest.fixture(scope="module")
def public_app(
    browser: Browser, live_server: str, service_origin: str, requests_to_service: list[Request]
) -> Iterator[Page]:
    config = (
        (ROOT / "pyscript.toml")
        .read_text()
        .replace(
            'openwhyd = "./openwhyd"', f'openwhyd = "{service_origin}/openwhyd"\nopenwhyd_access = "public"'
        )
    )
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = watch(context.new_page(), live_server, service_origin)
    page.route("**/pyscript.toml", lambda route: route.fulfill(body=config, content_type="application/toml"))
    serve_as_configured(page, f"{live_server}/", configured(config))
    page.on(
        "request",
        lambda request: request.url.startswith(service_origin) and requests_to_service.append(request),
    )
    page.goto(f"{live_server}/#/")
    wait_for_boot(page)
    yield page
    context.close()


def test_a_public_profile_and_playlist_play_from_another_origin(
    public_app: Page, requests_to_service: list[Request]
) -> None:
    page = public_app
    expect(page.get_by_role("list", name="Accounts")).to_contain_text("public pages, read-only")
    page.get_by_label("Open a profile (handle or id)").fill("admin")
    page.get_by_role("button", name="Open", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("admin")
    expect(page.get_by_role("button", name="Play Tonearm Tones - C major chord")).to_be_visible()
    expect(page.get_by_role("list", name="Counts", exact=True)).to_have_count(0)  # not public over JSONP

    page.get_by_role("navigation", name="Profile sections").get_by_role("link", name="Playlists").click()
    page.get_by_role("link", name=re.compile("Offline tones")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    page.get_by_role("button", name="Play all").click()
    expect(track_rows(page).nth(0)).to_have_attribute("aria-current", "true")
    bar = page.get_by_role("contentinfo", name="Player")
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()
    bar.get_by_role("button", name="Pause").click()

    scripts = [request.url for request in requests_to_service if request.resource_type == "script"]
    assert scripts and all("callback=" in url for url in scripts)
    assert not any(request.resource_type in {"fetch", "xhr"} for request in requests_to_service)
    assert not any("/api/user" in url for url in scripts)


def test_what_needs_the_services_own_origin_says_so(public_app: Page) -> None:
    page = public_app
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="About")).to_be_visible()
    expect(nav.get_by_role("link", name="Hot tracks")).to_have_count(0)
    expect(page.get_by_role("search")).to_have_count(0)
    for location in ("#/hot", "#/login", "#/stream"):
        page.evaluate("location => { window.location.hash = location; }", location)
        expect(page.get_by_role("heading", level=1)).to_have_text("Not available here")
        expect(page.get_by_role("main")).to_contain_text("public profiles, playlists and likes only")
    page.get_by_role("link", name="Go to the home page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
