"""What the third-party players' ids, states and codes mean, and where their scripts are."""

from urllib.parse import parse_qs, urlsplit

import pytest

from app.openwhyd.eid import DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE
from app.player.events import Ended, Paused, Playing
from app.player.vendors import (
    SCRIPTS,
    dailymotion_failure,
    deezer_seek,
    known_duration,
    percent,
    reference,
    script_failure,
    soundcloud_widget_url,
    vimeo_failure,
    youtube_event,
    youtube_failure,
)


def test_every_embedded_source_has_one_https_script_defining_its_global() -> None:
    assert set(SCRIPTS) == {YOUTUBE, SOUNDCLOUD, VIMEO, DAILYMOTION, DEEZER}
    assert len({script.url for script in SCRIPTS.values()}) == len(SCRIPTS)
    for kind, script in SCRIPTS.items():
        assert script.kind == kind and script.url.startswith("https://") and script.ready_global
    assert SCRIPTS[YOUTUBE].ready_hook == ("onYouTubeIframeAPIReady",)
    assert SCRIPTS[DAILYMOTION].ready_hook == ("dailymotion", "onScriptLoaded")


@pytest.mark.parametrize(
    ("eid", "ref"),
    [
        ("/yt/XdJVWSqb4Ck", "XdJVWSqb4Ck"),
        ("/vi/76979871", "76979871"),
        ("/dm/x7abc", "x7abc"),
        ("/dz/3135556", "3135556"),
        ("/sc/artist/track#https://api.soundcloud.com/tracks/123", "artist/track"),
    ],
)
def test_the_players_know_media_by_the_eids_reference(eid: str, ref: str) -> None:
    assert reference(eid) == ref


def test_a_broken_eid_has_no_reference() -> None:
    with pytest.raises(ValueError):
        reference("/yt/")


@pytest.mark.parametrize(
    ("eid", "url"),
    [
        ("/sc/artist/track#https://api.soundcloud.com/tracks/1", "https://soundcloud.com/artist/track"),
        ("/sc/artist/track/s-secret", "https://soundcloud.com/artist/track/s-secret"),
        ("/sc/tracks/123", "https://api.soundcloud.com/tracks/123"),
    ],
)
def test_the_soundcloud_widget_is_given_the_tracks_url_and_waits_to_be_started(eid: str, url: str) -> None:
    address = urlsplit(soundcloud_widget_url(eid))
    assert (address.scheme, address.netloc, address.path) == ("https", "w.soundcloud.com", "/player/")
    query = parse_qs(address.query)
    assert query["url"] == [url] and query["auto_play"] == ["false"]


def test_youtube_states_become_player_events() -> None:
    assert youtube_event(1, 10.0, 200.0) == Playing(10.0, 200.0)
    assert youtube_event(2, 11.0, 200.0) == Paused(11.0)
    assert youtube_event(0, 12.0, 200.0) == Ended(12.0)
    for quiet in (-1, 3, 5):  # unstarted, buffering, cued
        assert youtube_event(quiet, 13.0, None) is None


def test_an_unknown_duration_is_none() -> None:
    assert known_duration(0.0) is None and known_duration(None) is None and known_duration(3.5) == 3.5


@pytest.mark.parametrize("code", [101, 150])
def test_youtube_embedding_refusals_say_so(code: int) -> None:
    failure = youtube_failure(code)
    assert (failure.code, failure.source) == (code, "yt")
    assert failure.message == "the video's owner does not allow it to play outside YouTube"
    assert failure.to_log() == {"code": code, "source": "yt", "message": failure.message}


def test_every_documented_youtube_code_has_its_own_words_and_others_name_the_code() -> None:
    messages = {code: youtube_failure(code).message for code in (2, 5, 100, 150)}
    assert len(set(messages.values())) == 4
    assert youtube_failure(100).message == "the video was removed or made private"
    assert youtube_failure(999).message == "YouTube reported error 999"


def test_vimeo_and_dailymotion_errors_fall_back_on_the_vendors_words() -> None:
    privacy = "the video's privacy settings do not allow it to play here"
    assert vimeo_failure("PrivacyError", "their words").message == privacy
    assert vimeo_failure("SomethingNew", "Their words").message == "Their words"
    assert dailymotion_failure("DM007").message == "the video is not available in this country"
    assert dailymotion_failure("DM999", "").message == "Dailymotion could not play the video"
    assert (dailymotion_failure("DM002").code, dailymotion_failure("DM002").source) == ("DM002", "dm")


def test_a_script_that_cannot_load_is_a_failure_of_its_source() -> None:
    failure = script_failure(SCRIPTS[VIMEO], "blocked")
    assert (failure.code, failure.source) == ("script", "vi")
    assert failure.message == "the Vimeo player could not be loaded (blocked)"


def test_volumes_as_percentages() -> None:
    assert percent(0.5) == 50 and percent(1.2) == 100 and percent(-1) == 0 and percent(0.8, muted=True) == 0


def test_deezer_seeks_to_a_share_of_a_known_duration() -> None:
    assert deezer_seek(30, 120) == 25.0
    assert deezer_seek(500, 120) == 100.0
    assert deezer_seek(30, None) is None
