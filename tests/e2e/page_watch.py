"""Which pages a test watches, and what each did that should fail it: outside requests, policy
violations, console and page errors. A module of its own, not conftest.py's: pytest imports the
conftest as `conftest`, and a test's `from tests.e2e.conftest import …` would load a second copy,
with watches the checks after each test never see."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Route

from tests.e2e.vendor_fakes import serve_fakes

NO_PICTURE = re.compile(r"/img/playlist/[^/?]+(\?(v=\d+|remoteOnly=1|localOnly=1))?$")

VIOLATIONS = """
addEventListener("securitypolicyviolation", (event) => window.tonearmPolicyViolation({
  directive: event.effectiveDirective, blocked: event.blockedURI, page: event.documentURI,
  source: event.sourceFile, line: event.lineNumber, sample: event.sample,
}));
"""
"""Reports every Content-Security-Policy violation of every frame of a page to the test."""
POLICY_MESSAGE = "Content Security Policy"
"""In the console message with which Chromium reports a violation, as an error."""


class PageWatch:
    """Everything a page did that should fail a test: outside requests, policy violations, console
    and page errors."""

    def __init__(self, page: Page, own_origins: set[str]) -> None:
        self.page = page
        self.own_origins = own_origins
        self.outside_requests: list[str] = []
        self.violations: list[dict] = []
        self.policy_messages: list[str] = []
        self.errors: list[str] = []
        page.context.route("**/*", self._guard)
        serve_fakes(page)
        page.expose_function("tonearmPolicyViolation", lambda violation: self.violations.append(violation))
        page.add_init_script(VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        """Console errors count, but for the 404 with which Openwhyd answers a playlist that has no
        picture: the app shows the playlist's initial instead (`data-fallback` images), the
        service's own pages ask as the real ones do (`?remoteOnly`, `?localOnly`). Chromium's
        reports of policy violations count as violations."""
        missing_picture = message.text.startswith("Failed to load resource") and bool(
            NO_PICTURE.search(message.location.get("url", ""))
        )
        if POLICY_MESSAGE in message.text:
            self.policy_messages.append(message.text)
        elif message.type == "error" and not missing_picture:
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def _guard(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob"} or f"{parts.scheme}://{parts.netloc}" in self.own_origins:
            route.fallback()
        else:
            self.outside_requests.append(url)
            route.abort()

    def taken_violations(self) -> tuple[list[dict], list[str]]:
        """The violations so far, as events and as console reports, no longer counted: for a test
        that provokes them."""
        taken = (list(self.violations), list(self.policy_messages))
        self.violations.clear()
        self.policy_messages.clear()
        return taken

    def problems(self, *, page_errors: bool = True) -> list[str]:
        """Outside requests and policy violations always count; page errors unless the test
        provokes them on purpose."""
        found = [f"outside request: {url}" for url in self.outside_requests]
        found += [f"policy violation: {violation}" for violation in self.violations]
        found += [f"policy violation reported: {message}" for message in self.policy_messages]
        if page_errors:
            banners = [] if self.page.is_closed() else self.page.locator(".py-error").all_inner_texts()
            found += [*self.errors, *(f"py-error banner: {text}" for text in banners)]
        return found

    def clear(self) -> None:
        self.outside_requests.clear()
        self.violations.clear()
        self.policy_messages.clear()
        self.errors.clear()


WATCHES: list[PageWatch] = []


def watch(page: Page, base_url: str, *other_origins: str) -> Page:
    """Put `page` under the checks `fail_on_page_errors` makes after each test; `other_origins`
    are our own too (a host page on a second loopback port that embeds the widget)."""
    WATCHES.append(PageWatch(page, {base_url, *other_origins}))
    return page


def watch_of(page: Page) -> PageWatch:
    return next(watch for watch in WATCHES if watch.page is page)
