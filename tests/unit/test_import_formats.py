"""Reading the lists people import: each format, malformed files, and what our export writes."""

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.openwhyd.export import FORMATS, ListInfo
from app.openwhyd.import_formats import (
    CSV,
    JSON,
    LINKS,
    M3U,
    XSPF,
    Entry,
    UnreadableList,
    decode,
    file_format,
    read_list,
)
from app.openwhyd.models import Track


def read(text: str, name: str = "") -> tuple[str, list[Entry], str]:
    listing = read_list(name, text.encode())
    return listing.format, list(listing.entries), listing.title


def test_formats_by_extension_else_by_content() -> None:
    assert file_format("a.M3U8", "") == M3U
    assert file_format("dir.v2/list.xspf", "") == XSPF
    assert file_format("x.csv", "") == CSV
    assert file_format("x.json", "") == JSON
    assert file_format("notes.txt", "#EXTM3U\n") == M3U
    assert file_format("", '  [{"eId": "/yt/x"}]') == JSON
    assert file_format("", "<?xml version='1.0'?><playlist/>") == XSPF
    assert file_format("", "https://youtu.be/x") == LINKS


def test_text_is_utf8_else_windows_1252() -> None:
    assert decode("\ufeffBjörk".encode()) == "Björk"
    assert decode("Björk \u2013 live".encode("cp1252")) == "Björk \u2013 live"


def test_links_one_per_line_with_their_line_numbers() -> None:
    kind, entries, _ = read("//youtube.com/watch?v=a\n\n  https://vimeo.com/1  \r\nnot a link")
    assert kind == LINKS
    assert entries == [
        Entry("line 1", "//youtube.com/watch?v=a"),
        Entry("line 3", "https://vimeo.com/1"),
        Entry("line 4", "not a link"),
    ]


def test_m3u_titles_come_from_extinf_and_the_playlist_from_its_directive() -> None:
    text = (
        "#EXTM3U\n#PLAYLIST:Road trip\n"
        '#EXTINF:123 tvg-name="a, b" group-title="x",Artist - Song, with comma\n'
        "https://example.com/song.mp3\n"
        "# a comment\n"
        "https://youtu.be/abc\n"
        "#EXTINF:-1\n"
        "relative/path.mp3\n"
    )
    kind, entries, title = read(text, "list.m3u")
    assert (kind, title) == (M3U, "Road trip")
    assert entries == [
        Entry("line 4", "https://example.com/song.mp3", "Artist - Song, with comma"),
        Entry("line 6", "https://youtu.be/abc"),
        Entry("line 8", "relative/path.mp3"),
    ]


XSPF_TEXT = """<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>Mine &amp; yours</title>
  <trackList>
    <track>
      <location>https://www.youtube.com/watch?v=a</location>
      <location>https://elsewhere/ignored</location>
      <title>Song</title>
      <creator>Artist</creator>
    </track>
    <track><title>no location</title></track>
    <track>
      <location>https://vimeo.com/1</location>
    </track>
  </trackList>
</playlist>
"""


def test_xspf_tracks_with_their_lines_and_the_playlist_title() -> None:
    kind, entries, title = read(XSPF_TEXT, "x.xspf")
    assert (kind, title) == (XSPF, "Mine & yours")
    assert entries == [
        Entry("line 5", "https://www.youtube.com/watch?v=a", "Artist - Song"),
        Entry("line 11", "", "no location"),
        Entry("line 12", "https://vimeo.com/1"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<playlist><trackList><track></playlist>", "Line 1: this XSPF file is not well-formed"),
        ("<html><body/></html>", "no XSPF playlist"),
        ("<?xml version='1.0'?>\n<!DOCTYPE p [<!ENTITY a 'a'>]>\n<playlist/>", "Line 2: .* no DOCTYPE"),
        ("<playlist>\n<title>x</title>\n<", "Line 3"),
    ],
)
def test_malformed_xspf_is_refused_with_where(text: str, message: str) -> None:
    with pytest.raises(UnreadableList, match=message):
        read(text, "bad.xspf")


def test_csv_columns_by_their_header_in_any_order_and_separator() -> None:
    text = 'Artist;Title;URL\r\nA;"Song; live";https://youtu.be/a\r\n;;\r\nB;"two\nlines";https://vimeo.com/1\r\n'
    kind, entries, _ = read(text, "t.csv")
    assert kind == CSV
    assert entries == [
        Entry("line 2", "https://youtu.be/a", "A - Song; live"),
        Entry("line 4", "https://vimeo.com/1", "B - two lines"),
    ]


def test_csv_without_a_column_of_links_is_refused() -> None:
    with pytest.raises(UnreadableList, match="names no column of links"):
        read("https://youtu.be/a,Song\r\n", "t.csv")
    with pytest.raises(UnreadableList, match="Line 2: this CSV file is malformed"):
        read('url,name\n"https://youtu.be/a"x,y\n', "t.csv")


def test_json_posts_and_hot_tracks_and_what_is_no_post() -> None:
    posts = [{"eId": "/yt/a", "name": "A"}, 3, {"name": "no eid", "src": {"id": "https://vimeo.com/1"}}]
    kind, entries, _ = read(json.dumps(posts), "p.json")
    assert kind == JSON
    assert entries == [
        Entry("track 1", "", "A", "/yt/a"),
        Entry("track 2", problem="not a track: Openwhyd writes each track as an object"),
        Entry("track 3", "https://vimeo.com/1", "no eid"),
    ]
    hot = {"hasMore": False, "tracks": [{"eId": "/yt/b", "name": "B", "trackUrl": "//youtube.com/watch?v=b"}]}
    assert read(json.dumps(hot), "hot.json")[1] == [Entry("track 1", "//youtube.com/watch?v=b", "B", "/yt/b")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("meh... this playlist does not exist!", "Line 1: this is not JSON"),
        ('[{"eId": "/yt/a"},\n', "Line 2: this is not JSON"),
        ('{"error": "nope"}', "holds no list of tracks"),
    ],
)
def test_malformed_json_is_refused_with_where(text: str, message: str) -> None:
    with pytest.raises(UnreadableList, match=message):
        read(text, "p.json")


TRACKS = [
    Track(id="1", eid="/yt/jI3YrVfOksE", name='=cmd, "quoted"; and more'),
    Track(id="2", eid="/fi/https://host/a%20b.mp3", name="Ünïcode \u2013 name"),
    Track(id="3", eid="/dz/3135556", name="-leading dash"),
]


@pytest.mark.parametrize("format_name", ["JSON", "M3U", "XSPF", "CSV"])
def test_our_exports_read_back_with_their_names(format_name: str) -> None:
    export = FORMATS[format_name]
    text = export.render(TRACKS, ListInfo("My list"))
    listing = read_list(f"My list{export.extension}", text.encode())
    assert [entry.title for entry in listing.entries] == [track.name for track in TRACKS]
    assert listing.title == ("" if format_name in ("JSON", "CSV") else "My list")


@settings(deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["x.m3u", "x.xspf", "x.csv", "x.json", ""]))
def test_any_bytes_read_or_are_refused_never_anything_else(content: bytes, name: str) -> None:
    with contextlib.suppress(UnreadableList):
        read_list(name, content)


def test_a_malformed_header_row_is_refused_too() -> None:
    with pytest.raises(UnreadableList, match="Line 1: this CSV file is malformed"):
        read('"url"x,name\n', "t.csv")
