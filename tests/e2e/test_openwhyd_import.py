"""Importing a playlist: a file exported in each format comes back as a new playlist with the same
tracks in the same order; pasted links are previewed with what cannot be played, and a list past
the bound is refused before anything is sent. Done as dummy, in playlists made for the test."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_tracks, screenshot, service_json
from tests.e2e.steps import open_location, sign_in, signed_in
from tests.e2e.test_openwhyd_export import export

SOURCE = "Every source"
TRACKS = [
    ("/yt/XdJVWSqb4Ck", "Some Artist - A video"),
    ("/dz/3135556", "Deezer Artist - A track"),
    ("/vi/123456", "Vimeo clip"),
    ("/sc/artist/a-song", "SoundCloud song"),
    ("/bc/artist/song", "Bandcamp song"),
    (f"/fi/{DEMO_AUDIO}c-major-chord.wav", "Tonearm Tones - C major chord"),
]


def playlist_tracks(live_server: str, name: str) -> list[tuple[str, str]]:
    """dummy's playlist called `name`, as the service lists it: (eId, name) in order."""
    playlists = service_json(live_server, "/dummy/playlists?format=json")
    number = next(playlist["id"] for playlist in playlists if playlist["name"] == name)
    posts = service_json(live_server, f"/dummy/playlist/{number}?format=json&limit=100")
    return [(post["eId"], post["name"]) for post in posts]


@pytest.fixture(scope="module")
def source(app_page: Page, live_server: str) -> list[tuple[str, str]]:
    post_tracks(live_server, SOURCE, TRACKS, user="dummy")
    sign_in(app_page, "dummy")
    return playlist_tracks(live_server, SOURCE)


def import_file(page: Page, path: Path, playlist: str, expected: int) -> None:
    """Pick `path` on the import screen, preview it into a new playlist and post it."""
    open_location(page, "#/import")
    expect(page.get_by_role("heading", name="Import a playlist")).to_be_visible()
    page.get_by_label("A playlist file").set_input_files(path)
    page.get_by_label("Name of the new playlist").fill(playlist)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text(f"{expected} tracks to post")).to_be_visible()
    page.get_by_role("button", name=f"Post {expected} tracks").click()
    expect(page.get_by_text(f"{expected} of {expected} tracks posted")).to_be_visible()
    expect(page.locator(".import-counts")).to_contain_text(f"Added{expected}")
    start_over(page)


def start_over(page: Page) -> None:
    """Leave an import's summary for a new import."""
    page.get_by_role("button", name="Import another list").click()
    expect(page.get_by_label("A playlist file")).to_be_visible()


@pytest.mark.parametrize("format_name", ["JSON", "Links", "M3U", "XSPF", "CSV"])
def test_an_export_imports_back_as_the_same_tracks_in_order(
    app_page: Page, live_server: str, source: list[tuple[str, str]], format_name: str, tmp_path: Path
) -> None:
    page = signed_in(app_page, "dummy")
    playlists = service_json(live_server, "/dummy/playlists?format=json")
    number = next(playlist["id"] for playlist in playlists if playlist["name"] == SOURCE)
    open_location(page, f"#/u/dummy/playlists/{number}")
    expect(page.get_by_role("heading", level=1)).to_have_text(SOURCE)
    name, text = export(page, format_name)
    file = tmp_path / name
    file.write_text(text)

    import_file(page, file, f"{SOURCE} {format_name}", len(TRACKS))
    imported = playlist_tracks(live_server, f"{SOURCE} {format_name}")
    assert [eid for eid, _ in imported] == [eid for eid, _ in source]
    if format_name != "Links":  # Openwhyd's links carry no names: they are made from the URLs
        assert imported == source


def test_pasted_links_are_previewed_with_what_cannot_be_played(app_page: Page, live_server: str) -> None:
    page = signed_in(app_page, "dummy")
    open_location(page, "#/import")
    links = "\n".join(
        [
            "https://www.youtube.com/watch?v=jI3YrVfOksE",
            "C:\\Music\\song.mp3",
            "",
            "https://example.com/not-a-track",
            f"{live_server}{DEMO_AUDIO}a-minor-chord.wav",
        ]
    )
    page.get_by_label("Or links, one per line").fill(links)
    page.get_by_label("Name of the new playlist").fill("Pasted")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("2 tracks to post from this links list")).to_be_visible()
    problems = page.get_by_role("list").filter(has_text="Line 2")
    expect(problems).to_contain_text("Line 2, C:\\Music\\song.mp3: a file on a computer")
    expect(problems).to_contain_text("Line 4, https://example.com/not-a-track: no track Tonearm can play")
    screenshot(page, "import-preview")
    page.get_by_role("button", name="Post 2 tracks").click()
    expect(page.get_by_text("2 of 2 tracks posted into")).to_be_visible()
    expect(page.locator(".import-counts")).to_contain_text("Skipped2")
    screenshot(page, "import-summary")
    start_over(page)
    assert [eid for eid, _ in playlist_tracks(live_server, "Pasted")] == [
        "/yt/jI3YrVfOksE",
        f"/fi/{DEMO_AUDIO}a-minor-chord.wav",
    ]


def test_a_list_past_the_bound_is_refused_and_nothing_is_sent(
    app_page: Page, live_server: str, tmp_path: Path
) -> None:
    page = signed_in(app_page, "dummy")
    open_location(page, "#/import")
    expect(page.get_by_label("A playlist file")).to_be_visible()
    screenshot(page, "import-choose")
    links = tmp_path / "many.txt"
    links.write_text("\n".join(f"https://vimeo.com/{n}" for n in range(1, 5002)))
    page.get_by_label("A playlist file").set_input_files(links)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("alert")).to_contain_text("This list has 5001 tracks: Tonearm imports up to 5000")
    expect(page.get_by_role("button", name="Post 5001 tracks")).to_have_count(0)
    page.get_by_role("button", name="Choose another list").click()
    expect(page.get_by_label("A playlist file")).to_be_visible()
    names = [playlist["name"] for playlist in service_json(live_server, "/dummy/playlists?format=json")]
    assert "many" not in names
