"""Bandcamp tracks: Openwhyd's service finds the stream, the audio-file adapter plays it, and what
goes wrong is the Bandcamp track's failure."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from canned import only, scripted
from player_harness import FakeAdapter

from app.api.errors import BadRequest
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import Track
from app.player.adapters.bandcamp import BandcampAdapter, Stream
from app.player.events import Failure, Playing

STREAM = "https://t4.bcbits.com/stream/abc/mp3-128/1?p=0&ts=1&t=x&token=y"
SONG = Track(id="p1", eid="/bc/artist/song#https://t4.bcbits.com/stream/expired", name="Song")
REFUSED = "Bandcamp streams cannot be looked up from this server"


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_the_stream_openwhyd_finds_plays_as_an_audio_file_and_reports_as_bandcamp() -> None:
    async def scenario() -> None:
        asked, heard, audio = [], [], FakeAdapter()

        async def find(eid: str) -> str:
            asked.append(eid)
            return STREAM

        BandcampAdapter(find, audio).load(SONG, heard.append)
        await settle()
        assert asked == ["/bc/artist/song"]
        assert audio.loaded == [Stream(f"/fi/{STREAM}", "Song")]
        audio.listener(Playing(1.0, 90.0))
        audio.listener(Failure(2, "fi", "MEDIA_ERR_NETWORK"))
        assert heard == [Playing(1.0, 90.0), Failure(2, "bc", "MEDIA_ERR_NETWORK")]

    run(scenario)


@pytest.mark.parametrize(
    ("found", "failure"),
    [
        (BadRequest(REFUSED), Failure("no-stream", "bc", REFUSED)),
        ("javascript:alert(1)", Failure("no-stream", "bc", "the stream's address is not a web address")),
    ],
)
def test_a_track_without_a_usable_stream_fails(found: Any, failure: Failure) -> None:
    async def scenario() -> None:
        heard, audio = [], FakeAdapter()

        async def find(eid: str) -> str:
            if isinstance(found, Exception):
                raise found
            return found

        BandcampAdapter(find, audio).load(SONG, heard.append)
        await settle()
        assert heard == [failure] and audio.loaded == []

    run(scenario)


def test_a_lookup_answered_after_the_player_moved_on_plays_nothing() -> None:
    async def scenario() -> None:
        answer, heard, audio = asyncio.Event(), [], FakeAdapter()

        async def find(eid: str) -> str:
            await answer.wait()
            return STREAM

        adapter = BandcampAdapter(find, audio)
        adapter.load(SONG, heard.append)
        await settle()
        adapter.stop()
        answer.set()
        await settle()
        assert audio.loaded == [] and heard == []

    run(scenario)


def test_the_controls_go_to_the_audio_player() -> None:
    async def scenario() -> None:
        audio = FakeAdapter()
        adapter = BandcampAdapter(lambda eid: asyncio.sleep(0, STREAM), audio)
        adapter.set_volume(0.5, True)
        adapter.play()
        adapter.seek(12.0)
        adapter.pause()
        adapter.stop()
        assert audio.commands == [("volume", 0.5, True), ("play",), ("seek", 12.0), ("pause",), ("stop",)]

    run(scenario)


def test_the_client_asks_openwhyds_bandcamp_route_for_the_stream() -> None:
    transport, sent = scripted({"eId": "/bc/artist/song", "streamURL": STREAM})
    client = OpenwhydClient("http://h/openwhyd", transport)
    assert asyncio.run(client.bandcamp_stream("/bc/artist/song")) == STREAM
    request = only(sent)
    assert (request.method, request.url) == ("GET", "http://h/openwhyd/api/bandcampExtractor")
    assert dict(request.params) == {"eId": "/bc/artist/song"}


@pytest.mark.parametrize(
    ("reply", "message"), [({"error": REFUSED}, REFUSED), ({"eId": "/bc/a/b"}, "Openwhyd found no stream")]
)
def test_the_client_raises_when_openwhyd_finds_no_stream(reply: dict, message: str) -> None:
    client = OpenwhydClient("http://h/openwhyd", scripted(reply)[0])
    with pytest.raises(BadRequest, match=message):
        asyncio.run(client.bandcamp_stream("/bc/a/b"))
