"""The service worker: after one visit the app starts again with its server gone, from the startup
snapshot, which a first visit on a slow link leaves for the worker to fetch once the app is ready."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from buildkit.bench_links import link_names
from buildkit.serving import serving
from tests.e2e.conftest import wait_for_boot


@pytest.fixture
def worker_context(browser: Browser) -> Iterator[BrowserContext]:
    """A context the app's service worker runs in: not a `watch`ed page, since with Playwright
    routing on Chromium bypasses service workers."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="allow")
    yield context
    context.close()


def test_after_one_visit_the_app_starts_offline(worker_context: BrowserContext, tmp_path: Path) -> None:
    """The page's requests are checked here, and its errors are the gone server's refusals."""
    requested: list[str] = []
    worker_context.on("request", lambda request: requested.append(request.url))
    codings: dict[str, str | None] = {}
    worker_context.on(
        "response",
        lambda response: codings.setdefault(response.url, response.headers.get("content-encoding")),
    )
    with serving(tmp_path / "data", "--test-mode", "--no-rate-limits") as base:
        page = worker_context.new_page()
        page.goto(f"{base}/#/")
        wait_for_boot(page)
        expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=60_000)
        kept_or_restored = page.locator("html[data-snapshot]")
        expect(kept_or_restored).to_have_count(1, timeout=60_000)
    came_compressed = {url.rsplit("/", 1)[-1] for url, coding in codings.items() if coding == "br"}
    assert {"app.snapshot", "pyodide.asm.wasm", "pyodide.asm.mjs"} <= came_compressed, (
        "what the worker keeps came as brotli"
    )

    page.reload()
    wait_for_boot(page)
    expect(page.locator("html")).to_have_attribute("data-snapshot", "restored")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
    page.get_by_role("link", name="About").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About Tonearm")
    page.get_by_role("link", name="Hot tracks").click()
    expect(page.get_by_role("alert")).to_contain_text("Could not reach the server: you may be offline")
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
    assert all(url.startswith((base, "blob:", "data:")) for url in requested)


FETCHES = """
window.__fetched = [];
const fetchAsPageDid = window.fetch;
window.fetch = (resource, ...rest) => {
  const url = resource instanceof Request ? resource.url : String(resource);
  window.__fetched.push({ url, ready: document.documentElement.dataset.ready ?? null });
  return fetchAsPageDid(resource, ...rest);
};
"""
"""Records each fetch of the page with whether the app was ready when it was made."""


def test_a_first_visit_on_a_slow_link_leaves_the_snapshot_for_the_next(
    worker_context: BrowserContext, tmp_path: Path
) -> None:
    """On a 20 Mbit/s link the first start does not wait for the 5 MB snapshot: the worker keeps
    it once the app is ready, and the next start restores it from there."""
    (link,) = link_names("20mbit")
    worker_context.add_init_script(FETCHES)
    with serving(tmp_path / "data", "--test-mode", "--no-rate-limits") as base:
        page = worker_context.new_page()
        worker_context.new_cdp_session(page).send("Network.emulateNetworkConditions", link.conditions())
        page.goto(f"{base}/#/")
        wait_for_boot(page)
        expect(page.locator("html")).not_to_have_attribute("data-snapshot", "restored")
        first = page.evaluate("window.__fetched")
        assert not [fetch for fetch in first if fetch["url"].endswith("/app.snapshot")], first
        assert any(fetch["url"].endswith("/app.zip") for fetch in first), "the loader did run"
        expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=60_000)
        expect(page.locator("html")).to_have_attribute("data-snapshot", "kept", timeout=60_000)
        kept = "caches.open('tonearm').then((cache) => cache.match('app.snapshot')).then(Boolean)"
        assert page.evaluate(kept), "the worker kept the snapshot"

        page.reload()
        wait_for_boot(page)
        expect(page.locator("html")).to_have_attribute("data-snapshot", "restored")
        second = page.evaluate("window.__fetched")
        assert not [fetch for fetch in second if fetch["url"].endswith("/app.snapshot")], (
            "read from the cache"
        )
        expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")


KEEP_A_BAD_SNAPSHOT = """async () => {
  const snapshot = new Uint8Array(await (await fetch('app.snapshot')).arrayBuffer());
  snapshot.fill(0, 64);
  await (await caches.open('tonearm')).put('app.snapshot', new Response(snapshot));
}"""
"""Keeps a copy with this app.zip's digest and its memory zeroed: a copy gone bad on disk."""


def test_a_kept_snapshot_gone_bad_is_replaced(worker_context: BrowserContext, tmp_path: Path) -> None:
    warnings: list[str] = []
    worker_context.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    with serving(tmp_path / "data", "--test-mode", "--no-rate-limits") as base:
        page = worker_context.new_page()
        page.goto(f"{base}/#/")
        wait_for_boot(page)
        expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=60_000)
        page.evaluate(KEEP_A_BAD_SNAPSHOT)

        page.reload()
        wait_for_boot(page)
        expect(page.locator("html")).to_have_attribute("data-snapshot", "kept", timeout=60_000)
        assert any("startup snapshot does not fit" in text for text in warnings)

        page.reload()
        wait_for_boot(page)
        expect(page.locator("html")).to_have_attribute("data-snapshot", "restored")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Music from Openwhyd")
