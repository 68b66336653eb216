"""Exporting whole lists from the Export menu: the file is built in the browser and downloaded."""

import csv
import io
import json
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.steps import open_location


def export(page: Page, format_name: str) -> tuple[str, str]:
    """Choose `format_name` in the Export menu; the downloaded file's name and text."""
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name=format_name).click()
    expect(page.get_by_role("status").filter(has_text="Exported")).to_contain_text(f"as {format_name}.")
    return download.value.suggested_filename, Path(download.value.path()).read_text()


def test_a_playlist_exports_as_m3u_with_absolute_file_urls(app_page: Page, live_server: str) -> None:
    """A media player opens the file from anywhere: the demo tones' root-relative URLs are made
    absolute against the service's address."""
    open_location(app_page, "#/u/admin/playlists/0")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Offline tones")
    name, text = export(app_page, "M3U")
    assert name == "Offline tones.m3u8"
    lines = text.splitlines()
    assert lines[:2] == ["#EXTM3U", "#PLAYLIST:Offline tones"]
    assert lines[2:] == [
        "#EXTINF:-1,Tonearm Tones - G major arpeggio",
        f"{live_server}/openwhyd/audio/g-major-arpeggio.wav",
        "#EXTINF:-1,Tonearm Tones - A minor chord",
        f"{live_server}/openwhyd/audio/a-minor-chord.wav",
        "#EXTINF:-1,Tonearm Tones - C major chord",
        f"{live_server}/openwhyd/audio/c-major-chord.wav",
    ]


def test_likes_export_as_openwhyd_json_and_a_profile_as_csv(app_page: Page) -> None:
    open_location(app_page, "#/u/dummy/likes")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("dummy")
    name, text = export(app_page, "JSON")
    assert name == "dummy likes.json"
    assert [post["name"] for post in json.loads(text)] == ["Tonearm Tones - C major chord"]

    open_location(app_page, "#/u/admin")
    expect(app_page.get_by_role("heading", level=1)).to_have_text("admin")
    name, text = export(app_page, "CSV")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert name == "admin tracks.csv"
    assert {"Tonearm Tones - C major chord", "Tonearm Tones - A minor chord"} <= {row["name"] for row in rows}
    assert all(row["posted_by"] == "admin" for row in rows)
