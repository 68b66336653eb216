"""Playwright fixtures: our Chromium, pages that fail on outside requests, policy violations and
page errors (page_watch.py), and third-party players answered by local fakes."""

import re
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page

from buildkit.browser import launch_options
from buildkit.paths import ROOT
from tests.e2e.host_site import HostSite
from tests.e2e.page_watch import WATCHES, watch

BOOT_TIMEOUT_MS = 90_000


LOOPBACK_ONLY = "--disable-features=LocalNetworkAccessChecks"
"""Every site of the tests is on loopback, and a page a test answers itself (as another
deployment would serve it: policy_steps.py) has no address, which Chromium takes for a public
page's and then refuses it loopback; the tests keep every request on loopback themselves."""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    options = launch_options()
    return {**browser_type_launch_args, **options, "args": [*options["args"], LOOPBACK_ONLY]}


def open_app(
    browser: Browser,
    base_url: str,
    location: str = "#/",
    *,
    wait_ready: bool = True,
    at: datetime | None = None,
) -> Page:
    """A new context (cold cache) on the app, watched, booted to its ready marker. No service
    worker: the routes tests hold, patch and guard with never see the requests one makes.
    `at` fixes the page's clock (its `Date`, which the app's clock reads); its timers still run."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = watch(context.new_page(), base_url)
    if at is not None:
        page.clock.set_fixed_time(at)
    page.goto(f"{base_url}/{location}")
    if wait_ready:
        wait_for_boot(page)
    return page


def wait_for_boot(page: Page) -> None:
    page.wait_for_selector("html[data-ready]", timeout=BOOT_TIMEOUT_MS)
    state = page.evaluate("document.documentElement.dataset.ready")
    assert state == "true", f"the app failed to boot: {page.locator('#app').inner_text()}"


def parametrized_names(names: str | Sequence[str]) -> list[str]:
    return [name.strip() for name in names.split(",")] if isinstance(names, str) else list(names)


@pytest.hookimpl(tryfirst=True)  # before the parametrize marks, and the `engine` fixture's params, apply
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The e2e suite runs on SQLite; a test that must run on another engine parametrizes `engine`
    itself (`indirect=True`). One `engine` fixture for every suite, so a session running services
    and e2e tests together starts a new `live_server` whenever the engine changes."""
    marks = metafunc.definition.iter_markers("parametrize")
    chosen = any("engine" in parametrized_names(mark.args[0]) for mark in marks)
    if "engine" in metafunc.fixturenames and not chosen:
        metafunc.definition.add_marker(pytest.mark.parametrize("engine", ["sqlite"], indirect=True))


@pytest.fixture(scope="module", autouse=True)
def demo_world(live_server: str) -> None:
    """Each module starts from the Openwhyd demo world, whatever the suites before it changed."""
    request = urllib.request.Request(f"{live_server}/openwhyd/testing/reset", method="POST")
    with urllib.request.urlopen(request) as reply:
        assert reply.status == 200


RUNTIME = re.compile(r'<link rel="preload" href="\./([^"]+)"')


@pytest.fixture(scope="module", autouse=True)
def compressed_runtime(live_server: str) -> None:
    """The server has made the compressed copies of the runtime, as a deployed one has them from
    the build: the working tree's are made on the first request (a second each), which would make
    loopback look like a slow link to the snapshot loader of the first page."""
    for path in RUNTIME.findall((ROOT / "index.html").read_text()):
        request = urllib.request.Request(f"{live_server}/{path}", headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request) as reply:
            assert reply.headers["Content-Encoding"] == "br"


@pytest.fixture(scope="module")
def host_site(live_server: str) -> Iterator[HostSite]:
    """Another site on loopback, with the pages a test gives it and a relay of our Openwhyd."""
    site = HostSite(live_server)
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def app_page(browser: Browser, live_server: str) -> Iterator[Page]:
    """One booted app per test module: tests that can share a page save a 5 s boot each."""
    page = open_app(browser, live_server)
    yield page
    page.context.close()


@pytest.fixture
def fresh_app(browser: Browser, live_server: str) -> Iterator:
    """Open a new, separately booted app page: `fresh_app(location, wait_ready=..., at=...)`."""
    pages: list[Page] = []

    def opener(location: str = "#/", *, wait_ready: bool = True, at: datetime | None = None) -> Page:
        pages.append(open_app(browser, live_server, location, wait_ready=wait_ready, at=at))
        return pages[-1]

    yield opener
    for page in pages:
        page.context.close()


@pytest.fixture(autouse=True)
def fail_on_page_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, every watched page must be clean (unless the test expects errors)."""
    for watched in WATCHES:
        watched.clear()
    yield
    page_errors = request.node.get_closest_marker("expect_page_errors") is None
    problems = [found for watched in WATCHES for found in watched.problems(page_errors=page_errors)]
    WATCHES[:] = [watched for watched in WATCHES if not watched.page.is_closed()]
    assert not problems, "\n".join(problems)
