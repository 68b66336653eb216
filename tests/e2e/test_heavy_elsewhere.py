"""The app on a plain static host of its own: with heavy on another origin (the live server, which
answers CORS for bearer requests) the studio works; with no services beside it, every screen says
which service does not answer instead of showing an empty list or "not found"."""

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from buildkit.dist import build_dist
from buildkit.vendor import ensure_vendored
from tests.e2e.conftest import WATCHES, wait_for_boot, watch
from tests.e2e.heavy_steps import heavy_sign_in, issue_token, open_fresh, own_patch
from tests.e2e.static_files import MISSING_RESOURCE, serving_files

ALONE = "alone/"
"""The app with its default config, and nothing at ./openwhyd or ./heavy."""
CROSS = "cross/"
"""The app configured with the live server's heavy, another origin."""


@pytest.fixture(scope="module")
def static_host(tmp_path_factory: pytest.TempPathFactory, live_server: str) -> Iterator[str]:
    ensure_vendored()
    root = tmp_path_factory.mktemp("elsewhere")
    build_dist(root / "dist")
    shutil.copytree(root / "dist", root / ALONE)
    shutil.copytree(root / "dist", root / CROSS)
    config = root / CROSS / "pyscript.toml"
    config.write_text(config.read_text().replace('heavy = "./heavy"', f'heavy = "{live_server}/heavy"'))
    with serving_files(root) as origin:
        yield origin


def hosted(browser: Browser, static_host: str, path: str, *others: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = watch(context.new_page(), static_host, *others)
    page.goto(f"{static_host}/{path}")
    wait_for_boot(page)
    return page


@pytest.mark.expect_page_errors  # no Openwhyd beside it: the app's asking for the session is a 404
def test_the_studio_works_with_heavy_on_another_origin(
    browser: Browser, static_host: str, live_server: str
) -> None:
    page = hosted(browser, static_host, CROSS, live_server)
    token = issue_token(live_server, "otto")
    own_patch(live_server, token, "e2e-elsewhere")
    changes: list[str] = []  # a PATCH with a token needs the preflight's leave (Chromium hides preflights)
    page.on("request", lambda request: request.method == "PATCH" and changes.append(request.url))
    heavy_sign_in(page, token, "otto")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your patches")
    expect(page.get_by_role("link", name="e2e-elsewhere")).to_be_visible()
    open_fresh(page, "#/heavy/p/otto/e2e-elsewhere")
    settings = page.get_by_role("region", name="Settings")
    settings.get_by_label("Description").fill("Saved across origins")
    settings.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("paragraph").filter(has_text="Saved across origins")).to_be_visible()
    assert changes == [f"{live_server}/heavy/a/patches/otto/e2e-elsewhere/"]
    page.context.close()


@pytest.mark.parametrize(
    ("location", "heading", "service"),
    [
        ("#/heavy", None, "heavy"),
        ("#/heavy/u/demo", "demo's patches could not be loaded", "heavy"),
        ("#/heavy/p/demo/sine", "This patch could not be loaded", "heavy"),
        ("#/heavy/p/demo/sine/1", "This version could not be loaded", "heavy"),
        ("#/u/admin", None, "Openwhyd"),
    ],
)
def test_each_screen_says_which_service_does_not_answer(
    browser: Browser, static_host: str, location: str, heading: str | None, service: str
) -> None:
    page = hosted(browser, static_host, ALONE + location)
    words = f"The {service} service at ./{service.lower()} does not answer."
    expect(page.get_by_role("main")).to_contain_text(words)
    if heading:
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("main")).not_to_contain_text("No public patches here yet")
    expect(page.get_by_role("main")).not_to_contain_text("Page not found")
    for found in WATCHES:
        if found.page is page:
            found.errors[:] = [error for error in found.errors if not error.startswith(MISSING_RESOURCE)]
    page.context.close()
