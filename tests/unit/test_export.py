"""Export formats: Openwhyd's JSON and links, M3U, XSPF (escaped) and CSV (inert)."""

import csv
import io
import json
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from app.openwhyd.export import (
    CSV_COLUMNS,
    FORMATS,
    XSPF_NAMESPACE,
    ListInfo,
    to_csv,
    to_json,
    to_links,
    to_m3u,
    to_xspf,
    track_location,
)
from app.openwhyd.models import PlaylistRef, Track

untimed = settings(deadline=None)
"""For property tests: shared CI cores make per-example timings noisy."""

TRACKS = [
    Track(
        id="6106450aa1de931f401c43be",
        eid="/yt/jI3YrVfOksE",
        name="BOYLE - Roppongi Hills",
        user_id="u1",
        user_name="Adrien",
        text="epic <3 & more",
        image="https://i.ytimg.com/vi/jI3YrVfOksE/default.jpg",
        playlist=PlaylistRef(53, "coding"),
        lovers=("u1",),
    ),
    Track(id="60e82f5ea9727659af9d195e", eid="/dz/3135556", name='=HYPERLINK("x")'),
    Track(id="60e82f5ea9727659af9d195f", eid="/xx/unknown", name="nowhere"),
]

NS = {"x": XSPF_NAMESPACE}


def test_json_is_openwhyds_compact_post_array() -> None:
    exported = json.loads(to_json(TRACKS))
    assert exported[0]["pl"] == {"id": 53, "name": "coding"}
    assert [post["_id"] for post in exported] == [track.id for track in TRACKS]
    assert "\n" not in to_json(TRACKS)


def test_links_are_openwhyds_with_its_quirks_and_no_final_newline() -> None:
    """An eId the server makes no link of is written as it is, a post without one as an empty line."""
    assert to_links(TRACKS) == "//youtube.com/watch?v=jI3YrVfOksE\n//www.deezer.com/3135556\n/xx/unknown"
    assert to_links([Track(id="p", eid=""), Track(id="q", eid="/fi//a/b.mp3")]) == "\n/a/b.mp3"


SERVICE = ListInfo("Offline tones", "http://127.0.0.1:8000/openwhyd/")


def test_every_kind_has_the_absolute_url_a_media_player_opens() -> None:
    """Each eId kind's page (or file) as app/openwhyd/eid.py knows it; Deezer with `track/`."""
    expected = {
        "/yt/jI3YrVfOksE": "https://www.youtube.com/watch?v=jI3YrVfOksE",
        "/sc/artist/song#https://api.soundcloud.com/tracks/1": "https://soundcloud.com/artist/song",
        "/sc/tracks/123": "https://api.soundcloud.com/tracks/123",
        "/vi/123456": "https://vimeo.com/123456",
        "/dm/x7abc": "https://www.dailymotion.com/video/x7abc",
        "/dz/3135556": "https://www.deezer.com/track/3135556",
        "/bc/artist/song#https://t4.bcbits.com/stream/x": "https://artist.bandcamp.com/track/song",
        "/ja/12345": "https://www.jamendo.com/track/12345",
        "/sp/4uLU6hMCjMI75M1A2tKUQC": "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
        "/fi/https://host/a.mp3": "https://host/a.mp3",
        "/fi//openwhyd/audio/a.wav": "http://127.0.0.1:8000/openwhyd/audio/a.wav",
    }
    assert {eid: track_location(eid, SERVICE.service_url) for eid in expected} == expected
    assert track_location("/xx/unknown", SERVICE.service_url) is None


def test_audio_files_are_absolute_in_m3u_xspf_and_csv() -> None:
    tones = [Track(id="p", eid="/fi//openwhyd/audio/a.wav", name="A")]
    absolute = "http://127.0.0.1:8000/openwhyd/audio/a.wav"
    assert to_m3u(tones, SERVICE).splitlines()[-1] == absolute
    assert ET.fromstring(to_xspf(tones, SERVICE)).find("x:trackList/x:track/x:location", NS).text == absolute
    assert next(csv.DictReader(io.StringIO(to_csv(tones, SERVICE))))["url"] == absolute


def test_m3u_lists_playable_tracks_with_their_names() -> None:
    assert to_m3u(TRACKS, ListInfo("Mix\nof the week")) == (
        "#EXTM3U\n"
        "#PLAYLIST:Mix of the week\n"
        "#EXTINF:-1,BOYLE - Roppongi Hills\n"
        "https://www.youtube.com/watch?v=jI3YrVfOksE\n"
        '#EXTINF:-1,=HYPERLINK("x")\n'
        "https://www.deezer.com/track/3135556\n"
    )
    assert to_m3u([Track(id="p", eid="/yt/x", name="two\nlines")]).splitlines()[1] == ("#EXTINF:-1,two lines")


def test_xspf_is_valid_xml_with_each_track() -> None:
    root = ET.fromstring(to_xspf(TRACKS, ListInfo("Mine & yours")))
    assert root.find("x:title", NS).text == "Mine & yours"
    tracks = root.findall("x:trackList/x:track", NS)
    assert len(tracks) == 2
    assert tracks[0].find("x:annotation", NS).text == "epic <3 & more"
    assert tracks[0].find("x:image", NS).text == TRACKS[0].image
    assert tracks[1].find("x:location", NS).text == "https://www.deezer.com/track/3135556"


def xml_chars(text: str) -> str:
    """What survives in XML 1.0: its Char production, and line ends read back as `\\n`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c
        for c in text
        if c in "\t\n" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
    )


@untimed
@given(st.text(), st.text())
def test_xspf_escapes_any_name_and_text(name: str, text: str) -> None:
    track = ET.fromstring(to_xspf([Track(id="p", eid="/yt/x", name=name, text=text)])).find(
        "x:trackList/x:track", NS
    )
    for tag, value in (("title", name), ("annotation", text)):
        element = track.find(f"x:{tag}", NS)
        assert (element.text or "" if element is not None else "") == xml_chars(value)


def test_csv_reads_back_and_formulas_are_inert() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(TRACKS))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["url"] == "https://www.youtube.com/watch?v=jI3YrVfOksE"
    assert rows[0]["posted_at"] == "2021-08-01T06:54:02+00:00"
    assert rows[0]["playlist"] == "coding"
    assert rows[1]["name"] == '\'=HYPERLINK("x")'
    assert rows[2]["url"] == ""


def test_every_format_renders_an_empty_list() -> None:
    for export in FORMATS.values():
        assert isinstance(export.render([], ListInfo()), str)
        assert export.extension.startswith(".")
