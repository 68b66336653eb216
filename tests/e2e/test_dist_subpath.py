"""`build.py build` from a sub-path of a plain static file server, with no services beside it: the
app boots, navigates by hash, and says plainly that Openwhyd cannot be loaded there; the widget
runs its compiled bundle there and plays a list from an Openwhyd elsewhere."""

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from buildkit.dist import build_dist
from buildkit.vendor import ensure_vendored
from buildkit.widget_bundle import BUNDLE
from tests.e2e.conftest import BOOT_TIMEOUT_MS, WATCHES, wait_for_boot, watch
from tests.e2e.static_files import MISSING_RESOURCE, serving_files

SUB_PATH = "some/sub/path/"


@pytest.fixture(scope="module")
def static_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The origin of a plain file server whose `/some/sub/path/` is a fresh dist/."""
    ensure_vendored()
    root = tmp_path_factory.mktemp("static-host")
    build_dist(root / "dist")
    shutil.copytree(root / "dist", root / SUB_PATH)
    with serving_files(root) as origin:
        yield origin


@pytest.fixture(scope="module")
def not_found() -> list[str]:
    """Every URL the host answered 404, from the boot on."""
    return []


@pytest.fixture(scope="module")
def hosted_app(browser: Browser, static_host: str, not_found: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = watch(context.new_page(), static_host)
    page.on("response", lambda response: response.status == 404 and not_found.append(response.url))
    page.goto(f"{static_host}/{SUB_PATH}")
    wait_for_boot(page)
    yield page
    page.context.close()


def missing_app_files(not_found: list[str], static_host: str) -> list[str]:
    """What was not found besides the services, which this host lacks: a URL of dist/ that
    breaks under a sub-path (an absolute one, say) shows here."""
    services = (f"{static_host}/{SUB_PATH}openwhyd/", f"{static_host}/{SUB_PATH}heavy/")
    return [url for url in not_found if not url.startswith(services)]


def forgive_missing_services(page: Page, not_found: list[str], static_host: str) -> None:
    """Chromium logs each 404 as a console error; on this host the services' are expected, so
    they are forgiven once no app file was missing."""
    assert missing_app_files(not_found, static_host) == []
    for found in WATCHES:
        if found.page is page:
            found.errors[:] = [error for error in found.errors if not error.startswith(MISSING_RESOURCE)]


def test_boots_from_a_sub_path_and_navigates_by_hash(
    hosted_app: Page, static_host: str, not_found: list[str]
) -> None:
    page = hosted_app
    expect(page).to_have_url(f"{static_host}/{SUB_PATH}")
    expect(page.get_by_role("link", name="Tonearm home")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    expect(page.get_by_role("contentinfo", name="Player")).to_contain_text("Nothing playing")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Music from Openwhyd, patches from heavy, in one page"
    )

    nav.get_by_role("link", name="About").click()
    expect(page).to_have_url(f"{static_host}/{SUB_PATH}#/about")
    expect(page.get_by_role("heading", level=1)).to_have_text("About Tonearm")
    expect(page.get_by_role("main").locator("dl")).to_contain_text("./openwhyd")
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(f"{static_host}/{SUB_PATH}") + "#?/?$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
    assert missing_app_files(not_found, static_host) == []


def test_hot_tracks_say_openwhyd_is_not_there_and_offer_a_retry(
    hosted_app: Page, static_host: str, not_found: list[str]
) -> None:
    page = hosted_app
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Hot tracks").click()
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading", level=1)).to_have_text("Hot tracks could not be loaded")
    expect(alert).to_contain_text("The server answered HTTP 404 with a web page instead of Openwhyd's data.")
    expect(alert).not_to_contain_text("<")
    expect(alert).not_to_contain_text("Traceback")

    with page.expect_response(re.compile(re.escape(f"{static_host}/{SUB_PATH}openwhyd/"))):
        alert.get_by_role("button", name="Try again").click()
    expect(alert.get_by_role("heading", level=1)).to_have_text("Hot tracks could not be loaded")
    forgive_missing_services(page, not_found, static_host)


def test_the_built_widget_runs_its_compiled_bundle_and_plays(
    browser: Browser, static_host: str, live_server: str
) -> None:
    """Its Python comes as one file of MicroPython bytecode: the page fetches no .py."""
    context = browser.new_context(viewport={"width": 800, "height": 600})
    page = watch(context.new_page(), static_host, live_server)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    dist = f"{static_host}/{SUB_PATH}"
    widget = f"embed.html?u=admin&pl=0&api={live_server}/openwhyd"
    page.goto(dist + widget)
    expect(page.locator("html")).to_have_attribute("data-ready", "true", timeout=BOOT_TIMEOUT_MS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    player = page.get_by_role("region", name="Player")
    player.get_by_role("button", name="Play", exact=True).click()
    expect(player.get_by_role("button", name="Pause")).to_be_visible()
    expect(player.locator("#elapsed")).to_have_text(re.compile(r"0:0[1-9]"), timeout=10_000)

    from_dist = [url.removeprefix(dist) for url in fetched if url.startswith(dist)]
    assert [name for name in from_dist if not name.startswith("static/")] == [widget, BUNDLE]
    assert not [url for url in fetched if url.split("?")[0].endswith(".py")]
    context.close()
