"""A track that fails, or does not start in time, is reported once and skipped."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.player.events import Ended, Failure, PlayerEvent, Playing, Progress, Tick
from app.player.failures import START_TIMEOUT, TIMED_OUT, StartWatch, keeps_skipping

EMBED_FORBIDDEN = Failure(code=150, source="yt")


def reports(watch: StartWatch, *events: PlayerEvent) -> list[Failure]:
    found = []
    for event in events:
        watch, failure = watch.feed(event)
        if failure is not None:
            found.append(failure)
    return found


def test_a_track_that_does_not_start_in_time_times_out() -> None:
    watch = StartWatch(requested_at=100.0)
    assert watch.deadline == 100.0 + START_TIMEOUT
    assert reports(watch, Tick(100.0 + START_TIMEOUT - 0.1)) == []
    assert reports(watch, Tick(100.0 + START_TIMEOUT)) == [TIMED_OUT]


def test_the_timeout_can_be_chosen() -> None:
    assert reports(StartWatch(requested_at=0, timeout=2), Tick(2)) == [TIMED_OUT]


def test_a_track_that_starts_in_time_never_times_out() -> None:
    watch, _ = StartWatch(requested_at=0).feed(Playing(at=3))
    assert watch.deadline is None
    assert reports(watch, Progress(at=4, position=1), Tick(3600)) == []


def test_progress_alone_does_not_count_as_a_start() -> None:
    assert reports(StartWatch(requested_at=0), Progress(at=1, position=0), Tick(START_TIMEOUT)) == [TIMED_OUT]


def test_an_adapter_error_is_reported_before_or_after_the_start() -> None:
    assert reports(StartWatch(requested_at=0), EMBED_FORBIDDEN) == [EMBED_FORBIDDEN]
    assert reports(StartWatch(requested_at=0), Playing(at=1), EMBED_FORBIDDEN) == [EMBED_FORBIDDEN]


def test_only_the_first_failure_is_reported() -> None:
    watch = StartWatch(requested_at=0)
    assert reports(watch, Tick(START_TIMEOUT), EMBED_FORBIDDEN, Tick(START_TIMEOUT * 2)) == [TIMED_OUT]
    assert reports(watch, EMBED_FORBIDDEN, Failure(code=100, source="yt")) == [EMBED_FORBIDDEN]


def test_after_the_end_nothing_is_reported() -> None:
    watch, _ = StartWatch(requested_at=0).feed(Ended(at=1))
    assert watch.deadline is None
    assert reports(watch, Tick(START_TIMEOUT), EMBED_FORBIDDEN) == []


def test_failures_are_logged_like_openwhyds_player_logs_them() -> None:
    assert EMBED_FORBIDDEN.to_log() == {"code": 150, "source": "yt"}
    assert TIMED_OUT.to_log() == {"code": "timeout", "source": "tonearm"}
    bad_key = Failure(code="bad_stream", source="bc", message="bad key")
    assert bad_key.to_log() == {"code": "bad_stream", "source": "bc", "message": "bad key"}


def test_skipping_stops_once_every_track_of_the_queue_failed_in_a_row() -> None:
    assert keeps_skipping(failures_in_a_row=2, queue_length=3)
    assert not keeps_skipping(failures_in_a_row=3, queue_length=3)
    assert not keeps_skipping(failures_in_a_row=1, queue_length=1)


events = st.one_of(
    st.builds(Playing, at=st.floats(0, 100)),
    st.builds(Progress, at=st.floats(0, 100), position=st.floats(0, 100)),
    st.builds(Ended, at=st.floats(0, 100)),
    st.builds(Tick, at=st.floats(0, 100)),
    st.builds(Failure, code=st.sampled_from([5, 100, 150]), source=st.just("yt")),
)


@settings(deadline=None)
@given(st.lists(events))
def test_a_load_is_reported_at_most_once(heard: list[PlayerEvent]) -> None:
    assert len(reports(StartWatch(requested_at=0), *heard)) <= 1
