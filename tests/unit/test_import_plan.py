"""What an import will post: eIds and names from each entry, the reasons for what is left out, and
every eId kind surviving an export and an import in each format."""

import pytest

from app.openwhyd.export import FORMATS, ListInfo
from app.openwhyd.import_formats import CSV, LINKS, M3U, Entry, Listing, read_list
from app.openwhyd.import_plan import (
    LOCAL_FILE,
    NOT_A_LINK,
    NOT_PLAYABLE,
    PlannedTrack,
    Skipped,
    name_from_link,
    plan_import,
    title_from_file_name,
)
from app.openwhyd.models import Track

SERVICE = "http://127.0.0.1:8000/openwhyd/"


def plan(entries: list[Entry], listing_format: str = M3U, title: str = ""):
    return plan_import(Listing(listing_format, tuple(entries), title), SERVICE, "from the file")


def test_entries_become_eids_with_the_files_title_else_one_from_the_link() -> None:
    planned = plan(
        [
            Entry("line 2", "https://youtu.be/XdJVWSqb4Ck", "Artist - Song"),
            Entry("line 3", "https://soundcloud.com/bonobo/kerala-live"),
            Entry("line 4", "https://host/music/My_great-song.mp3"),
            Entry("line 5", "https://www.deezer.com/en/track/3135556"),
        ]
    )
    assert planned.tracks == (
        PlannedTrack("line 2", "/yt/XdJVWSqb4Ck", "Artist - Song"),
        PlannedTrack("line 3", "/sc/bonobo/kerala-live", "bonobo - kerala live"),
        PlannedTrack("line 4", "/fi/https://host/music/My_great-song.mp3", "My great song"),
        PlannedTrack("line 5", "/dz/3135556", "www.deezer.com/en/track/3135556"),
    )
    assert planned.skipped == ()
    assert planned.title == "from the file"


def test_what_cannot_be_played_is_set_aside_with_its_place_and_reason() -> None:
    planned = plan(
        [
            Entry("line 1", "C:\\Music\\song.mp3"),
            Entry("line 2", "file:///home/me/song.mp3"),
            Entry("line 3", "/home/me/song.mp3"),
            Entry("line 4", "hello there"),
            Entry("line 5", "https://www.youtube.com/channel/UC123"),
            Entry("line 6", ""),
            Entry("track 7", "", "x", "/xx/nothing"),
            Entry("track 8", problem="not a track"),
        ]
    )
    assert planned.tracks == ()
    assert planned.skipped == (
        Skipped("line 1", "C:\\Music\\song.mp3", LOCAL_FILE),
        Skipped("line 2", "file:///home/me/song.mp3", LOCAL_FILE),
        Skipped("line 3", "/home/me/song.mp3", LOCAL_FILE),
        Skipped("line 4", "hello there", NOT_A_LINK),
        Skipped("line 5", "https://www.youtube.com/channel/UC123", NOT_PLAYABLE),
        Skipped("line 6", "", "no link"),
        Skipped("track 7", "/xx/nothing", "an eId of no source Tonearm plays"),
        Skipped("track 8", "", "not a track"),
    )


def test_openwhyds_own_links_come_back_as_its_eids() -> None:
    """`format=links`: root-relative files are the service's own; Deezer without `track/`; the
    SoundCloud API URL after `#` kept, as the eId had it."""
    text = (
        "/openwhyd/audio/a.wav\n"
        "//www.deezer.com/3135556\n"
        "//soundcloud.com/a/b#https://api.soundcloud.com/tracks/12\n"
        "//artist.bandcamp.com/track/song"
    )
    planned = plan_import(read_list("", text.encode()), SERVICE)
    assert [track.eid for track in planned.tracks] == [
        "/fi//openwhyd/audio/a.wav",
        "/dz/3135556",
        "/sc/a/b#https://api.soundcloud.com/tracks/12",
        "/bc/artist/song",
    ]
    assert planned.format == LINKS


def test_files_on_the_services_own_origin_come_back_relative_to_its_root() -> None:
    planned = plan([Entry("line 1", "http://127.0.0.1:8000/openwhyd/audio/a.wav", "A")])
    assert planned.tracks == (PlannedTrack("line 1", "/fi//openwhyd/audio/a.wav", "A"),)
    elsewhere = plan([Entry("line 1", "http://127.0.0.1:9000/a.wav", "A")])
    assert elsewhere.tracks[0].eid == "/fi/http://127.0.0.1:9000/a.wav"


def test_an_eid_the_file_states_wins_over_its_link() -> None:
    planned = plan(
        [Entry("line 2", "https://soundcloud.com/a/b", "B", "/sc/a/b#https://api.soundcloud.com/tracks/1")],
        CSV,
    )
    assert planned.tracks[0].eid == "/sc/a/b#https://api.soundcloud.com/tracks/1"


def test_the_playlist_is_named_by_the_file_else_by_its_name() -> None:
    assert plan([], title="Road trip").title == "Road trip"
    assert title_from_file_name("C:\\lists\\Night  drive.v2.m3u8") == "Night drive.v2"
    assert plan_import(Listing(LINKS, ()), SERVICE).title == "Imported tracks"


def test_more_than_the_bound_is_too_many() -> None:
    entries = [Entry(f"line {n}", f"https://vimeo.com/{n}") for n in range(1, 5002)]
    assert plan(entries[:5000]).too_many is False
    assert plan(entries).too_many is True


EVERY_KIND = [
    Track(id="1", eid="/yt/XdJVWSqb4Ck", name="YouTube"),
    Track(id="2", eid="/sc/artist/song", name="SoundCloud"),
    Track(id="3", eid="/sc/tracks/123", name="SoundCloud by id"),
    Track(id="4", eid="/vi/123456", name="Vimeo"),
    Track(id="5", eid="/dm/x7abc", name="Dailymotion"),
    Track(id="6", eid="/dz/3135556", name="Deezer"),
    Track(id="7", eid="/bc/artist/song", name="Bandcamp"),
    Track(id="8", eid="/ja/12345", name="Jamendo"),
    Track(id="9", eid="/sp/4uLU6hMCjMI75M1A2tKUQC", name="Spotify"),
    Track(id="10", eid="/fi/https://host/a.mp3", name="A file"),
    Track(id="11", eid="/fi//openwhyd/audio/a.wav", name="Our file"),
]


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_every_kind_survives_an_export_and_an_import(format_name: str) -> None:
    export = FORMATS[format_name]
    text = export.render(EVERY_KIND, ListInfo("Every kind", SERVICE))
    planned = plan_import(read_list(f"x{export.extension}", text.encode()), SERVICE)
    assert [track.eid for track in planned.tracks] == [track.eid for track in EVERY_KIND]
    assert planned.skipped == ()
    if format_name != "Links":
        assert [track.name for track in planned.tracks] == [track.name for track in EVERY_KIND]


def test_names_from_links() -> None:
    assert name_from_link("/bc/some-artist/a_song", "x") == "some artist - a song"
    assert name_from_link("/fi/https://h/dir/Caf%C3%A9-au-lait.ogg?x=1", "x") == "Café au lait"
    assert name_from_link("/yt/abc", "https://youtu.be/abc") == "youtu.be/abc"
