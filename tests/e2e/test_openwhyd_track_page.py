"""One track's page: likes, comments with @mentions, reposts from hot tracks; as dummy, on admin's tones,
undoing each change so the demo world the other tests read stays as it was."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import delete_track, post_id, service_json
from tests.e2e.steps import open_location, sign_in, sign_out, signed_in

CHORD = "Tonearm Tones - A minor chord"


def test_signed_out_the_page_shows_the_track_and_invites_to_sign_in(app_page: Page, live_server: str) -> None:
    open_location(app_page, f"#/t/{post_id(live_server, 'admin', 'Tonearm Tones - C major chord')}")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Tonearm Tones - C major chord")
    expect(app_page.locator(".posted-by")).to_have_text("by admin in Offline tones")
    expect(app_page.get_by_role("region", name="Comments")).to_contain_text("so pure!")
    expect(app_page.get_by_role("region", name="Likes")).to_contain_text("1")
    expect(app_page.get_by_role("button", name="Like")).to_have_count(0)
    app_page.get_by_role("link", name="Sign in", exact=True).last.click()
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Sign in to Openwhyd")


def test_liking_and_unliking(app_page: Page, live_server: str) -> None:
    sign_in(app_page, "dummy", then=f"#/t/{post_id(live_server, 'admin', CHORD)}")
    like = app_page.get_by_role("button", name="Like")
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like).to_be_focused()
    likes = app_page.get_by_role("region", name="Likes")
    expect(likes.get_by_role("link", name="dummy")).to_be_visible()
    expect(app_page.locator("#announcer")).to_have_text("You like this track.")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(likes).to_contain_text("No likes yet.")


@pytest.fixture
def on_the_chord(app_page: Page, live_server: str) -> Page:
    """dummy on the chord's page, where the like test leaves the module's page."""
    signed_in(app_page, "dummy")
    open_location(app_page, f"#/t/{post_id(live_server, 'admin', CHORD)}")
    expect(app_page.get_by_role("heading", level=1)).to_have_text(CHORD)
    return app_page


def test_a_comment_links_its_mentions_escapes_the_rest_and_can_be_deleted(on_the_chord: Page) -> None:
    app_page = on_the_chord
    comments = app_page.get_by_role("region", name="Comments")
    app_page.get_by_label("Add a comment").fill("Lovely, @admin! <b>not bold</b>")
    app_page.get_by_role("button", name="Post the comment").click()
    comment = comments.get_by_role("listitem").filter(has_text="Lovely")
    expect(comment).to_be_focused()
    expect(comment.get_by_role("link", name="@admin")).to_have_attribute("href", "#/u/admin")
    expect(comment).to_contain_text("<b>not bold</b>")
    expect(comment.locator("b")).to_have_count(0)
    expect(app_page.get_by_label("Add a comment")).to_have_value("")

    comment.get_by_role("button", name="Delete comment").click()
    expect(comment).to_have_count(0)
    expect(app_page.get_by_role("heading", name=re.compile("^Comments"))).to_be_focused()


def test_an_empty_comment_is_refused_beside_the_box(on_the_chord: Page) -> None:
    app_page = on_the_chord
    app_page.get_by_role("button", name="Post the comment").click()
    expect(app_page.get_by_role("alert")).to_have_text("Write something first.")
    expect(app_page.get_by_role("alert")).to_be_focused()


def test_a_repost_from_hot_tracks_says_where_it_came_from(app_page: Page, live_server: str) -> None:
    signed_in(app_page, "dummy")
    open_location(app_page, "#/hot")
    app_page.get_by_role("link", name=CHORD).click()
    expect(app_page).to_have_url(re.compile(r"ctx=hot"))
    reposts = app_page.get_by_role("region", name="Reposts")
    reposts.get_by_role("button", name="Repost").click()
    expect(reposts.get_by_role("link", name="dummy")).to_be_visible()
    expect(app_page.get_by_role("heading", name=re.compile("^Reposts"))).to_be_focused()

    copy = next(post for post in service_json(live_server, "/dummy?format=json") if post["name"] == CHORD)
    assert copy["ctx"] == "hot"
    assert copy["repost"]["pId"] == post_id(live_server, "admin", CHORD)
    delete_track(app_page, copy["_id"])
    sign_out(app_page)
