"""eIds ⇄ URLs: real URLs of every source, round trips, and robustness on any text."""

import ast
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.openwhyd import eid
from app.openwhyd.eid import eid_from_url, openwhyd_link, source_kind, split_eid, url_from_eid

untimed = settings(deadline=None)
"""For property tests: shared CI cores make per-example timings noisy."""

PASTED_URLS = [
    ("https://www.youtube.com/watch?v=XdJVWSqb4Ck", "/yt/XdJVWSqb4Ck"),
    ("http://youtube.com/watch?feature=share&v=XdJVWSqb4Ck", "/yt/XdJVWSqb4Ck"),
    ("https://m.youtube.com/watch?v=XdJVWSqb4Ck&t=1m30s", "/yt/XdJVWSqb4Ck"),
    ("https://www.youtube.com/watch?v=XdJVWSqb4Ck#t=90", "/yt/XdJVWSqb4Ck"),
    ("https://youtu.be/XdJVWSqb4Ck?t=42", "/yt/XdJVWSqb4Ck"),
    ("youtu.be/XdJVWSqb4Ck", "/yt/XdJVWSqb4Ck"),
    ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "/yt/aqz-KE-bpKQ"),
    ("https://www.youtube.com/live/aqz-KE-bpKQ?si=abc", "/yt/aqz-KE-bpKQ"),
    ("https://www.youtube.com/embed/XdJVWSqb4Ck?start=30&autoplay=1", "/yt/XdJVWSqb4Ck"),
    ("https://www.youtube-nocookie.com/embed/XdJVWSqb4Ck", "/yt/XdJVWSqb4Ck"),
    ("//youtube.com/v/XdJVWSqb4Ck", "/yt/XdJVWSqb4Ck"),
    (
        "https://music.youtube.com/watch?v=E6SAirZ1FD4&list=PLmzn1C-VN6G7DKpdkWXUGzF_PduNWcdkZ",
        "/yt/E6SAirZ1FD4",
    ),
    ("  https://www.youtube.com/watch?v=jI3YrVfOksE \n", "/yt/jI3YrVfOksE"),
    ("https://soundcloud.com/bonobo/kerala", "/sc/bonobo/kerala"),
    ("https://m.soundcloud.com/bonobo/kerala?in=x/sets/y", "/sc/bonobo/kerala"),
    ("https://soundcloud.com/artist/private-track/s-AbCdE", "/sc/artist/private-track/s-AbCdE"),
    ("https://api.soundcloud.com/tracks/123456/stream", "/sc/tracks/123456"),
    (
        "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/123&auto_play=1",
        "/sc/tracks/123",
    ),
    (
        "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fbonobo%2Fkerala",
        "/sc/bonobo/kerala",
    ),
    ("https://vimeo.com/76979871", "/vi/76979871"),
    ("https://vimeo.com/76979871/8272103f6e", "/vi/76979871"),
    ("https://vimeo.com/channels/staffpicks/76979871", "/vi/76979871"),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e", "/vi/76979871"),
    ("https://www.dailymotion.com/video/x7tgad0", "/dm/x7tgad0"),
    ("http://www.dailymotion.com/video/xb2kqa_daft-punk-around-the-world_music", "/dm/xb2kqa"),
    ("https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1", "/dm/x7tgad0"),
    ("https://dai.ly/x7tgad0", "/dm/x7tgad0"),
    ("https://geo.dailymotion.com/player.html?video=x7tgad0", "/dm/x7tgad0"),
    ("https://www.deezer.com/track/3135556", "/dz/3135556"),
    ("https://www.deezer.com/fr/track/3135556?utm=x", "/dz/3135556"),
    ("https://widget.deezer.com/widget/dark/track/3135556", "/dz/3135556"),
    ("//www.deezer.com/3135556", "/dz/3135556"),
    ("https://ninjatune.bandcamp.com/track/kerala", "/bc/ninjatune/kerala"),
    ("https://www.jamendo.com/track/1532765/in-the-woods", "/ja/1532765"),
    ("https://www.jamendo.com/en/track/1532765", "/ja/1532765"),
    ("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "/sp/4uLU6hMCjMI75M1A2tKUQC"),
    ("https://open.spotify.com/intl-fr/track/4uLU6hMCjMI75M1A2tKUQC?si=1", "/sp/4uLU6hMCjMI75M1A2tKUQC"),
    ("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "/sp/4uLU6hMCjMI75M1A2tKUQC"),
    ("https://example.org/music/song.mp3", "/fi/https://example.org/music/song.mp3"),
    ("http://example.org/a.OGG?download=1", "/fi/http://example.org/a.OGG?download=1"),
    ("/openwhyd/audio/demo.ogg", "/fi//openwhyd/audio/demo.ogg"),
]

NOT_TRACKS = [
    "",
    "hello",
    "https://www.youtube.com/",
    "https://www.youtube.com/watch?v=",
    "https://www.youtube.com/channel/UC123",
    "https://soundcloud.com/bonobo",
    "https://soundcloud.com/bonobo/sets/migration",
    "https://soundcloud.com/bonobo/likes",
    "https://on.soundcloud.com/AbCdEf",
    "https://api.soundcloud.com/users/5",
    "https://vimeo.com/user123",
    "https://www.dailymotion.com/playlist/x6hynp",
    "https://www.deezer.com/album/302127",
    "https://ninjatune.bandcamp.com/album/migration",
    "https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3",
    "https://example.org/page.html",
    "example.org/song.mp3",
    "https://example.org/my song.mp3",
    "ftp://example.org/song.mp3",
]


@pytest.mark.parametrize(("url", "expected"), PASTED_URLS)
def test_pasted_urls_give_their_eid(url: str, expected: str) -> None:
    assert eid_from_url(url) == expected


@pytest.mark.parametrize("text", NOT_TRACKS)
def test_urls_of_no_single_track_give_none(text: str) -> None:
    assert eid_from_url(text) is None


@pytest.mark.parametrize(
    ("track_eid", "url"),
    [
        ("/yt/XdJVWSqb4Ck", "https://www.youtube.com/watch?v=XdJVWSqb4Ck"),
        ("/sc/bonobo/kerala#https://api.soundcloud.com/tracks/1", "https://soundcloud.com/bonobo/kerala"),
        ("/sc/tracks/123", "https://api.soundcloud.com/tracks/123"),
        ("/vi/76979871", "https://vimeo.com/76979871"),
        ("/dm/x7tgad0", "https://www.dailymotion.com/video/x7tgad0"),
        ("/dz/3135556", "https://www.deezer.com/track/3135556"),
        (
            "/bc/ninjatune/kerala#https://t4.bcbits.com/stream/x",
            "https://ninjatune.bandcamp.com/track/kerala",
        ),
        ("/ja/1532765", "https://www.jamendo.com/track/1532765"),
        ("/sp/4uLU6hMCjMI75M1A2tKUQC", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"),
        ("/fi/https://example.org/a.mp3", "https://example.org/a.mp3"),
    ],
)
def test_eids_give_the_url_of_their_track(track_eid: str, url: str) -> None:
    assert url_from_eid(track_eid) == url


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "/yt/",
        "/yt",
        "yt/abc",
        "/xx/abc",
        "/sc/undefined",
        "/vi/abc",
        "/fi/ftp://x/a.mp3",
        "/yt/a b",
        "/bc/www/x",
    ],
)
def test_malformed_eids_have_no_url_and_no_player(bad: str) -> None:
    assert url_from_eid(bad) is None
    assert source_kind(bad) is None


def test_source_kind_and_split_leave_metadata_out() -> None:
    assert source_kind("/sc/a/b#https://api.soundcloud.com/tracks/1") == eid.SOUNDCLOUD
    assert split_eid("/bc/artist/song#https://x/stream") == (eid.BANDCAMP, "artist/song")
    assert split_eid("/fi/https://h/a.mp3#t=3") == (eid.AUDIO_FILE, "https://h/a.mp3#t=3")


@pytest.mark.parametrize(
    ("track_eid", "link"),
    [
        ("/yt/59MdiE1IsBY", "//youtube.com/watch?v=59MdiE1IsBY"),
        (
            "/sc/artist/track#https://api.soundcloud.com/tracks/123",
            "//soundcloud.com/artist/track#https://api.soundcloud.com/tracks/123",
        ),
        ("/dm/x7abc", "//dailymotion.com/video/x7abc"),
        ("/vi/123456", "//vimeo.com/123456"),
        ("/dz/3135556", "//www.deezer.com/3135556"),
        ("/bc/artist/track#https://t4.bcbits.com/stream/x", "//artist.bandcamp.com/track/track"),
        ("/fi/https://host/a.mp3", "https://host/a.mp3"),
        ("/ja/12345", "//jamendo.com/track/12345"),
        ("/sp/abc", "//open.spotify.com/track/abc"),
        ("/sc/undefined", "//soundcloud.com/undefined"),
        ("/fi//openwhyd/audio/a.wav", "/openwhyd/audio/a.wav"),
        ("/xx/whatever", "/xx/whatever"),
        ("/bc/nothing", "/bc/nothing"),
        ("/yt", "/yt"),
        ("/fi/", "/fi/"),
        ("/toString/fi/x", "/toStringx"),
        ("/__proto__/x", "/__proto__/x"),
        ("yt/abc", "yt/abc"),
        ("", ""),
    ],
)
def test_openwhyd_links_keep_the_servers_quirks(track_eid: str, link: str) -> None:
    """As `config.translateEidToUrl` of openwhyd/openwhyd (app/models/config.js) answers."""
    assert openwhyd_link(track_eid) == link


SLUG = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits


def words(alphabet: str, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=max_size)


def soundcloud_refs() -> st.SearchStrategy[str]:
    permalink = (
        st.tuples(words(SLUG), words(SLUG))
        .filter(lambda parts: parts[0] != "tracks" and parts[1] not in eid._SOUNDCLOUD_PAGES)
        .map("/".join)
    )
    secret = st.tuples(permalink, words(SLUG)).map(lambda parts: parts[0] + "/s-" + parts[1])
    return st.one_of(permalink, secret, words(string.digits).map("tracks/".__add__))


def file_refs() -> st.SearchStrategy[str]:
    return st.builds(
        lambda scheme, host, path, extension: scheme + host + "/" + path + extension,
        st.sampled_from(["http://", "https://"]),
        words(string.ascii_lowercase + "-."),
        st.text(alphabet=SLUG + "/", max_size=20),
        st.sampled_from(eid.AUDIO_EXTENSIONS),
    )


VALID_EIDS = st.one_of(
    words(SLUG).map("/yt/".__add__),
    soundcloud_refs().map("/sc/".__add__),
    words(string.digits).map("/vi/".__add__),
    words(ALNUM).map("/dm/".__add__),
    words(string.digits).map("/dz/".__add__),
    st.tuples(words(string.ascii_lowercase + string.digits + "-"), words(SLUG))
    .filter(lambda parts: parts[0] not in ("www", "m"))
    .map(lambda parts: "/bc/" + "/".join(parts)),
    words(string.digits).map("/ja/".__add__),
    words(ALNUM).map("/sp/".__add__),
    file_refs().map("/fi/".__add__),
)


@untimed
@given(VALID_EIDS)
def test_every_valid_eid_survives_eid_url_eid(track_eid: str) -> None:
    url = url_from_eid(track_eid)
    assert url is not None
    assert eid_from_url(url) == track_eid


@untimed
@given(VALID_EIDS, st.sampled_from(["", "#https://api.soundcloud.com/tracks/9"]))
def test_metadata_after_a_hash_does_not_change_the_url(track_eid: str, metadata: str) -> None:
    if source_kind(track_eid) in (eid.SOUNDCLOUD, eid.BANDCAMP):
        assert url_from_eid(track_eid + metadata) == url_from_eid(track_eid)


URL_PIECES = [
    "https://",
    "http://",
    "//",
    "www.",
    "m.",
    "youtube.com",
    "youtu.be",
    "soundcloud.com",
    "w.soundcloud.com",
    "api.soundcloud.com",
    "vimeo.com",
    "player.vimeo.com",
    "dai.ly",
    "dailymotion.com",
    "deezer.com",
    "x.bandcamp.com",
    "jamendo.com",
    "open.spotify.com",
    "spotify:track:",
    "/",
    "/watch",
    "?v=",
    "&",
    "=",
    "#",
    "%2F",
    "%",
    "/track/",
    "/video/",
    "/embed/",
    "/tracks/",
    "/shorts/",
    "url=",
    ".mp3",
    ".ogg",
    "s-",
    "_",
    "-",
    "12",
    "ab",
    " ",
    "é",
    "\n",
]
URLISH = st.lists(st.sampled_from(URL_PIECES), max_size=12).map("".join)


@untimed
@given(st.one_of(st.text(), URLISH))
def test_any_text_parses_without_raising_and_results_round_trip(text: str) -> None:
    track_eid = eid_from_url(text)
    if track_eid is not None:
        assert split_eid(track_eid) is not None
        url = url_from_eid(track_eid)
        assert url is not None
        assert eid_from_url(url) == track_eid


@untimed
@given(st.one_of(st.text(), URLISH))
def test_any_text_as_an_eid_never_raises(text: str) -> None:
    url_from_eid(text)
    openwhyd_link(text)
    source_kind(text)


# What the embeddable widget's MicroPython lacks, so app/openwhyd/eid.py must not use.
MISSING_IN_MICROPYTHON = {
    "partition",
    "rpartition",
    "isalnum",
    "casefold",
    "removeprefix",
    "removesuffix",
    "format_map",
    "fullmatch",
    "expandtabs",
}


def test_eid_module_stays_within_micropython() -> None:
    tree = ast.parse(Path(eid.__file__).read_text())
    for node in ast.walk(tree):
        assert not isinstance(node, ast.Import | ast.ImportFrom), "no imports at all"
        assert not isinstance(node, ast.NamedExpr | ast.AnnAssign | ast.Match)
        assert not isinstance(node, ast.JoinedStr), "no f-strings"
        if isinstance(node, ast.Attribute):
            assert node.attr not in MISSING_IN_MICROPYTHON
