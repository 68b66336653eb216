"""The service worker: after one visit the app starts again with its server gone."""

from pathlib import Path

from playwright.sync_api import Browser, expect

from buildkit.serving import serving
from tests.e2e.conftest import wait_for_boot


def test_after_one_visit_the_app_starts_offline(browser: Browser, tmp_path: Path) -> None:
    """Not a `watch`ed page: with Playwright routing on, Chromium bypasses service workers. The
    page's requests are checked here instead, and its errors are the gone server's refusals."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="allow")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    codings: dict[str, str | None] = {}
    context.on(
        "response",
        lambda response: codings.setdefault(response.url, response.headers.get("content-encoding")),
    )
    try:
        with serving(tmp_path / "data", "--test-mode", "--no-rate-limits") as base:
            page = context.new_page()
            page.goto(f"{base}/#/")
            wait_for_boot(page)
            expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=60_000)
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
    finally:
        context.close()
