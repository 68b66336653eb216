"""Player events become Openwhyd's calls: a play when a track starts, a failure with its error,
and a scrobble when Last.fm's rule is met."""

import asyncio
import math

import pytest
from canned import scripted
from hypothesis import given, settings
from hypothesis import strategies as st

from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import Track
from app.player.events import Ended, Failure, PlayerEvent, Playing, Progress, Tick
from app.player.failures import TIMED_OUT
from app.player.playlog import CountPlay, Listen, PlayLogCall, Scrobble, earns_scrobble

TRACK = Track(id="p1", eid="/yt/x")
START = 1_700_000_000.0


def calls(listen: Listen, *events: PlayerEvent) -> list[PlayLogCall]:
    made: list[PlayLogCall] = []
    for event in events:
        listen, new = listen.feed(event)
        made.extend(new)
    return made


def played(duration: float, seconds: int, every: float = 1.0) -> list[PlayerEvent]:
    """Playing from the start, and a report every `every` seconds for `seconds` seconds."""
    moments = [n * every for n in range(1, int(seconds / every) + 1)]
    return [
        Playing(at=START, duration=duration),
        *(Progress(at=START + moment, position=moment, duration=duration) for moment in moments),
    ]


def scrobbles(made: list[PlayLogCall]) -> list[Scrobble]:
    return [call for call in made if isinstance(call, Scrobble)]


def test_a_play_is_counted_when_the_track_first_starts() -> None:
    assert calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=200.5)) == [
        CountPlay("p1", "/yt/x", duration=200.5)
    ]


def test_resuming_after_a_pause_is_not_another_play() -> None:
    made = calls(
        Listen(TRACK, scrobbling=False),
        Playing(at=START),
        Progress(at=START + 1, position=1),
        Playing(at=START + 60),
    )
    assert made == [CountPlay("p1", "/yt/x")]


@pytest.mark.parametrize("unknown", [0.0, math.nan, math.inf])
def test_durations_players_do_not_know_are_not_sent(unknown: float) -> None:
    assert calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=unknown)) == [
        CountPlay("p1", "/yt/x", duration=None)
    ]


def test_a_failure_is_logged_once_with_its_error() -> None:
    made = calls(
        Listen(TRACK, scrobbling=True),
        TIMED_OUT,
        Failure(code=150, source="yt"),
        Playing(at=START),
        Ended(at=START + 1),
    )
    assert made == [CountPlay("p1", "/yt/x", failure=TIMED_OUT)]


def test_a_failure_after_the_start_is_logged_besides_the_play() -> None:
    broken = Failure(code=5, source="yt")
    made = calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=90), broken)
    assert made == [CountPlay("p1", "/yt/x", 90), CountPlay("p1", "/yt/x", 90, broken)]


def test_the_clock_alone_logs_nothing() -> None:
    assert calls(Listen(TRACK, scrobbling=True), Tick(START)) == []


@pytest.mark.parametrize(
    ("duration", "listened", "earned"),
    [
        (31, 15.5, True),
        (31, 15, False),
        (30, 30, False),
        (200, 100, True),
        (600, 240, True),
        (600, 239.9, False),
    ],
)
def test_last_fm_wants_half_the_track_or_four_minutes_of_a_track_over_30_s(
    duration: float, listened: float, earned: bool
) -> None:
    assert earns_scrobble(duration, listened) is earned


def test_a_track_listened_to_long_enough_is_scrobbled_once_from_its_start_time() -> None:
    made = calls(Listen(TRACK, scrobbling=True), *played(duration=200.0, seconds=150))
    assert scrobbles(made) == [Scrobble("p1", timestamp=int(START), duration=200.0)]


def test_the_scrobble_comes_as_soon_as_it_is_earned() -> None:
    just_before = calls(Listen(TRACK, scrobbling=True), *played(duration=600.0, seconds=239))
    assert scrobbles(just_before) == []
    assert len(scrobbles(calls(Listen(TRACK, scrobbling=True), *played(duration=600.0, seconds=240)))) == 1


def test_without_last_fm_nothing_is_scrobbled() -> None:
    assert scrobbles(calls(Listen(TRACK, scrobbling=False), *played(duration=200.0, seconds=200))) == []


def test_seeking_ahead_is_not_listening() -> None:
    skimmed = [
        *played(duration=200.0, seconds=10),
        Progress(at=START + 11, position=190.0),
        Ended(at=START + 21),
    ]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *skimmed)) == []


def test_seeking_back_and_listening_again_counts() -> None:
    again = [
        *played(duration=100.0, seconds=30),
        Progress(at=START + 31, position=0.0),
        *(Progress(at=START + 31 + n, position=float(n), duration=100.0) for n in range(1, 21)),
    ]
    assert len(scrobbles(calls(Listen(TRACK, scrobbling=True), *again))) == 1


def test_the_end_counts_the_stretch_since_the_last_report() -> None:
    sparse = [Playing(at=START, duration=60.0), Progress(at=START + 10, position=10.0), Ended(at=START + 60)]
    assert len(scrobbles(calls(Listen(TRACK, scrobbling=True), *sparse))) == 1


def test_a_pause_does_not_turn_a_seek_into_listening() -> None:
    paused_then_seeked = [
        *played(duration=200.0, seconds=10),
        Playing(at=START + 600),
        Progress(at=START + 601, position=150.0, duration=200.0),
    ]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *paused_then_seeked)) == []


def test_listening_goes_on_where_it_paused() -> None:
    resumed_at = START + 600
    twenty_then_ten = [
        *played(duration=60.0, seconds=20),
        Playing(at=resumed_at),
        *(Progress(at=resumed_at + n, position=20.0 + n) for n in range(1, 11)),
    ]
    assert len(scrobbles(calls(Listen(TRACK, scrobbling=True), *twenty_then_ten))) == 1


def test_the_duration_can_come_with_the_progress_reports() -> None:
    late = [Playing(at=START), *played(duration=100.0, seconds=60)[1:]]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *late)) == [Scrobble("p1", int(START), 100.0)]


def test_an_endless_stream_is_never_scrobbled() -> None:
    stream = played(duration=math.inf, seconds=300, every=5)
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *stream)) == []


@settings(deadline=None)
@given(st.floats(31, 900), st.floats(0.5, 10))
def test_listening_to_a_whole_track_scrobbles_it_once_however_often_it_reports(
    duration: float, every: float
) -> None:
    whole = [*played(duration, seconds=int(duration), every=every), Ended(at=START + duration)]
    assert len(scrobbles(calls(Listen(TRACK, scrobbling=True), *whole))) == 1


def test_the_calls_go_out_through_the_openwhyd_client_as_the_web_ui_sends_them() -> None:
    transport, sent = scripted(*[{"result": {}}] * 3)
    client = OpenwhydClient("http://h/openwhyd", transport)

    async def send_all() -> None:
        await CountPlay("p1", "/yt/x", 212.0).send(client)
        await CountPlay("p1", "/yt/x", failure=Failure(code=150, source="yt")).send(client)
        await Scrobble("p1", timestamp=1_700_000_000, duration=212.0).send(client)

    asyncio.run(send_all())
    assert [request.json for request in sent] == [
        {"action": "incrPlayCounter", "pId": "p1", "eId": "/yt/x", "duration": 212.0},
        {
            "action": "incrPlayCounter",
            "pId": "p1",
            "eId": "/yt/x",
            "logData": {"err": {"code": 150, "source": "yt"}},
        },
        {"action": "scrobble", "pId": "p1", "timestamp": 1_700_000_000, "trackDuration": 212.0},
    ]
