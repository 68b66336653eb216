"""The queue, seen and edited from the player bar: play, move, remove, play next, add to queue."""

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.steps import open_location, track_rows


def queue_titles(queue: Locator) -> list[str]:
    return queue.locator(".queue-title").all_inner_texts()


def test_the_queue_shows_what_plays_and_takes_edits(app_page: Page) -> None:
    open_location(app_page, "#/hot")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Hot tracks")
    rows = track_rows(app_page)
    names = rows.locator(".track-name").all_inner_texts()[:4]
    rows.nth(0).get_by_role("button").first.click()
    bar = app_page.get_by_role("contentinfo", name="Player")
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()

    bar.get_by_role("button", name="Queue").click()
    expect(bar.get_by_role("button", name="Queue")).to_have_attribute("aria-expanded", "true")
    queue = app_page.get_by_role("region", name=re.compile("^Queue"))
    expect(queue.get_by_role("heading", name=re.compile("^Queue"))).to_be_focused()
    entries = queue.get_by_role("listitem")
    expect(entries.nth(0)).to_have_attribute("aria-current", "true")
    assert queue_titles(queue)[:4] == names

    move_up = queue.get_by_role("button", name=f"Move {names[2]} up")
    move_up.click()
    expect(entries.nth(1)).to_contain_text(names[2])
    expect(queue.get_by_role("button", name=f"Move {names[2]} up")).to_be_focused()
    queue.get_by_role("button", name=f"Remove {names[1]} from the queue").click()
    expect(queue.get_by_text(names[1], exact=True)).to_have_count(0)
    assert queue_titles(queue)[:3] == [names[0], names[2], names[3]]

    entries.nth(2).get_by_role("button", name=re.compile("^" + re.escape(names[3]))).click()
    expect(bar.locator(".player-title")).to_have_text(names[3])
    expect(entries.nth(2)).to_have_attribute("aria-current", "true")

    rows.nth(0).locator(".track-name a").click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text(names[0])
    app_page.get_by_role("button", name="Play next").click()
    expect(entries.nth(3)).to_contain_text(names[0])
    app_page.get_by_role("button", name="Add to queue").click()
    expect(entries.last).to_contain_text(names[0])
    expect(bar.locator(".player-title")).to_have_text(names[3])  # adding never interrupts

    queue.get_by_role("button", name="Close the queue").click()
    expect(queue).to_have_count(0)
    expect(bar.get_by_role("button", name="Queue")).to_be_focused()
    bar.get_by_role("button", name="Pause").click()
