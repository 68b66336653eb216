"""The play queue: order, navigation, shuffle, repeat and editing."""

from collections.abc import Callable
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from app.heavy.models import Patch
from app.openwhyd.models import Track
from app.player.queue import Queue, Repeat

untimed = settings(deadline=None)
"""For property tests: shared CI cores make per-example timings noisy."""


def tracks(count: int) -> list[Track]:
    return [Track(id=f"p{n}", eid=f"/fi/{n}.mp3", name=f"track {n}") for n in range(count)]


def ids(entries: tuple) -> list[str]:
    return [entry.item.id for entry in entries]


def current_id(queue: Queue) -> str | None:
    return None if queue.current is None else queue.current.item.id


def walk(queue: Queue, steps: int) -> Queue:
    for _ in range(steps):
        queue = queue.next()
    return queue


FIVE = tracks(5)
FIVE_IDS = ["p0", "p1", "p2", "p3", "p4"]


def test_playing_a_list_from_any_track_queues_the_whole_list() -> None:
    queue = Queue().play(FIVE, start=2)
    assert ids(queue.entries) == FIVE_IDS
    assert current_id(queue) == "p2"
    assert ids(queue.upcoming) == ["p3", "p4"]


def test_playing_another_list_replaces_the_queue() -> None:
    queue = Queue().play(FIVE, start=4).play(tracks(2))
    assert ids(queue.entries) == ["p0", "p1"]
    assert current_id(queue) == "p0"


def test_an_empty_list_leaves_nothing_to_play() -> None:
    queue = Queue().play([])
    assert queue.current is None
    assert (queue.has_next, queue.has_previous, queue.upcoming) == (False, False, ())
    assert queue.ended() is None


def test_next_and_previous_stop_at_the_ends_without_repeat() -> None:
    first = Queue().play(FIVE)
    last = walk(first, 4)
    assert current_id(last) == "p4"
    assert (first.has_previous, first.has_next) == (False, True)
    assert (last.has_previous, last.has_next) == (True, False)
    assert last.next() == last


def test_previous_goes_back_only_in_the_first_seconds() -> None:
    queue = Queue().play(FIVE, start=2)
    assert current_id(queue.previous(elapsed=2.5)) == "p1"
    assert queue.previous(elapsed=3.5) == queue


def test_previous_on_the_first_track_restarts_it() -> None:
    queue = Queue().play(FIVE)
    assert queue.previous(elapsed=0) == queue


def test_the_end_of_a_track_plays_the_next_and_the_end_of_the_queue_stops() -> None:
    queue = Queue().play(FIVE, start=3)
    assert current_id(queue.ended()) == "p4"
    assert queue.ended().ended() is None


def test_repeat_all_wraps_around_both_ways() -> None:
    queue = Queue().play(FIVE, start=4).with_repeat(Repeat.ALL)
    assert current_id(queue.ended()) == "p0"
    assert current_id(queue.next().previous(elapsed=0)) == "p4"


def test_repeat_one_plays_the_track_again_but_next_moves_on() -> None:
    queue = Queue().play(FIVE, start=4).with_repeat(Repeat.ONE)
    assert queue.ended() == queue
    assert current_id(queue.next()) == "p0"


def test_a_failed_track_is_skipped_even_on_repeat_one() -> None:
    queue = Queue().play(FIVE, start=1).with_repeat(Repeat.ONE)
    assert current_id(queue.skip()) == "p2"


@pytest.mark.parametrize("repeat", list(Repeat))
def test_a_failed_track_alone_in_the_queue_is_not_played_again(repeat: Repeat) -> None:
    assert Queue().play(tracks(1)).with_repeat(repeat).skip() is None


def test_a_failed_last_track_ends_the_queue_without_repeat() -> None:
    assert Queue().play(FIVE, start=4).skip() is None


def test_the_repeat_button_cycles_off_all_one() -> None:
    assert [mode.following for mode in Repeat] == [Repeat.ALL, Repeat.ONE, Repeat.OFF]


def test_shuffle_keeps_the_current_track_and_puts_the_rest_after_it() -> None:
    queue = Queue().play(FIVE, start=2).with_shuffle(True, Random(1))
    assert current_id(queue) == "p2"
    assert queue.position == 0
    assert sorted(ids(queue.upcoming)) == ["p0", "p1", "p3", "p4"]


def test_shuffle_off_returns_to_list_order_at_the_current_track() -> None:
    shuffled = walk(Queue().play(FIVE).with_shuffle(True, Random(7)), 2)
    unshuffled = shuffled.with_shuffle(False)
    assert ids(unshuffled.entries) == FIVE_IDS
    assert current_id(unshuffled) == current_id(shuffled)


def test_a_list_played_while_shuffling_starts_with_the_chosen_track() -> None:
    queue = Queue().with_shuffle(True).play(FIVE, start=3, rng=Random(2))
    assert queue.shuffle
    assert ids(queue.entries)[0] == "p3"
    assert sorted(ids(queue.entries)) == FIVE_IDS


def test_removing_the_current_track_plays_the_next() -> None:
    queue = Queue().play(FIVE, start=1)
    after = queue.remove(queue.current.key)
    assert ids(after.entries) == ["p0", "p2", "p3", "p4"]
    assert current_id(after) == "p2"


def test_removing_the_current_last_track_leaves_nothing_current_unless_repeating() -> None:
    queue = Queue().play(FIVE, start=4)
    assert queue.remove(queue.current.key).current is None
    repeating = queue.with_repeat(Repeat.ALL)
    assert current_id(repeating.remove(repeating.current.key)) == "p0"


def test_removing_another_track_keeps_the_current_one() -> None:
    queue = Queue().play(FIVE, start=3)
    after = queue.remove(queue.entries[0].key)
    assert current_id(after) == "p3"
    assert after.position == 2


def test_moving_a_track_up_by_one_reorders_the_list() -> None:
    queue = Queue().play(FIVE)
    moved = queue.move(queue.entries[3].key, 2)
    assert ids(moved.entries) == ["p0", "p1", "p3", "p2", "p4"]
    assert moved.with_shuffle(False).entries == moved.entries


def test_moving_while_shuffled_keeps_the_list_order_to_return_to() -> None:
    queue = Queue().play(FIVE).with_shuffle(True, Random(3))
    moved = queue.move(queue.entries[4].key, 1)
    assert moved.entries[1] == queue.entries[4]
    assert moved.with_shuffle(False).entries == queue.with_shuffle(False).entries


def test_moves_and_removals_refuse_what_is_not_in_the_queue() -> None:
    queue = Queue().play(FIVE)
    with pytest.raises(IndexError):
        queue.move(queue.entries[0].key, 5)
    with pytest.raises(KeyError):
        queue.move(99, 0)
    with pytest.raises(KeyError):
        queue.remove(99)
    with pytest.raises(KeyError):
        queue.jump_to(99)


def test_jumping_to_an_entry_makes_it_current() -> None:
    queue = Queue().play(FIVE)
    assert current_id(queue.jump_to(queue.entries[3].key)) == "p3"


def test_play_next_inserts_after_the_current_track() -> None:
    extra = Track(id="x", eid="/fi/x.mp3")
    queue = Queue().play(FIVE, start=1).play_next([extra])
    assert ids(queue.entries) == ["p0", "p1", "x", "p2", "p3", "p4"]
    assert current_id(queue.next()) == "x"


def test_play_next_while_shuffled_still_follows_the_current_track_after_unshuffling() -> None:
    extra = Track(id="x", eid="/fi/x.mp3")
    queue = Queue().play(FIVE, start=2).with_shuffle(True, Random(4)).play_next([extra])
    assert current_id(queue.next()) == "x"
    assert current_id(queue.with_shuffle(False).next()) == "x"


def test_enqueue_adds_at_the_end() -> None:
    extra = tracks(7)[5:]
    queue = Queue().play(FIVE, start=1).enqueue(extra)
    assert ids(queue.entries)[-2:] == ["p5", "p6"]
    assert current_id(queue) == "p1"


@pytest.mark.parametrize("add", [Queue.enqueue, Queue.play_next])
def test_adding_to_an_idle_queue_makes_the_first_added_current(add: Callable[..., Queue]) -> None:
    ended = Queue().play(tracks(1))
    idle = ended.remove(ended.current.key)
    assert current_id(add(idle, FIVE[2:4])) == "p2"
    assert current_id(add(Queue(), FIVE[2:4])) == "p2"


def test_the_same_track_queued_twice_is_two_entries() -> None:
    track = FIVE[0]
    queue = Queue().play([track]).enqueue([track])
    assert ids(queue.entries) == ["p0", "p0"]
    assert queue.entries[0].key != queue.entries[1].key
    assert current_id(queue.remove(queue.entries[0].key)) == "p0"


def test_any_list_can_tell_the_playing_track_by_id() -> None:
    queue = Queue().play(FIVE, start=2)
    same_post_elsewhere = Track(id="p2", eid="/fi/2.mp3", name="as another list loaded it")
    assert queue.is_current(same_post_elsewhere)
    assert not queue.is_current(FIVE[1])
    assert not Queue().is_current(FIVE[1])


def test_the_queue_holds_anything_with_an_id() -> None:
    patches = [Patch(id=f"ada/{name}", name=name, owner="ada") for name in ("drone", "bells")]
    assert current_id(Queue().play(patches).next()) == "ada/bells"


# Properties

playlists = st.lists(st.sampled_from(FIVE), min_size=1, max_size=12)
"""Lists that may hold the same track more than once, as a queue can."""


@st.composite
def played(draw: st.DrawFn, shuffled: bool | None = None) -> Queue:
    """A queue playing a drawn list from a drawn track, shuffled or not."""
    items = draw(playlists)
    queue = Queue().play(items, start=draw(st.integers(0, len(items) - 1)))
    if shuffled is None:
        shuffled = draw(st.booleans())
    return queue.with_shuffle(True, Random(draw(st.integers()))) if shuffled else queue


def keys(entries: tuple) -> list[int]:
    return [entry.key for entry in entries]


def keys_but(entries: tuple, left_out: int) -> list[int]:
    return [key for key in keys(entries) if key != left_out]


@untimed
@given(played(shuffled=False), st.integers())
def test_shuffle_is_a_permutation_that_keeps_the_current_entry(queue: Queue, seed: int) -> None:
    shuffled = queue.with_shuffle(True, Random(seed))
    assert sorted(keys(shuffled.entries)) == keys(queue.entries)
    assert shuffled.current == queue.current
    assert shuffled.position == 0
    assert shuffled.listed == queue.listed


@untimed
@given(played(shuffled=False), st.integers())
def test_shuffle_is_reproducible_from_its_seed(queue: Queue, seed: int) -> None:
    assert queue.with_shuffle(True, Random(seed)) == queue.with_shuffle(True, Random(seed))


@untimed
@given(played(shuffled=False), st.integers(), st.integers(0, 20))
def test_shuffle_off_returns_to_list_order_wherever_it_got_to(queue: Queue, seed: int, steps: int) -> None:
    wandered = walk(queue.with_shuffle(True, Random(seed)), steps)
    back = wandered.with_shuffle(False)
    assert back.entries == queue.entries
    assert back.current == wandered.current


@untimed
@given(played(), st.data())
def test_a_move_keeps_every_other_entry_once_and_in_order(queue: Queue, data: st.DataObject) -> None:
    moved_key = data.draw(st.sampled_from(keys(queue.entries)))
    to = data.draw(st.integers(0, len(queue.entries) - 1))
    moved = queue.move(moved_key, to)
    assert moved.entries[to].key == moved_key
    assert keys_but(moved.entries, moved_key) == keys_but(queue.entries, moved_key)
    assert moved.current == queue.current


@untimed
@given(played(), st.data())
def test_a_removal_keeps_every_other_entry_once_and_in_order(queue: Queue, data: st.DataObject) -> None:
    removed_key = data.draw(st.sampled_from(keys(queue.entries)))
    removed = queue.remove(removed_key)
    assert keys(removed.entries) == keys_but(queue.entries, removed_key)
    assert keys(removed.listed) == keys_but(queue.listed, removed_key)
    if removed_key != queue.current_key:
        assert removed.current == queue.current


@untimed
@given(played(), st.integers(0, 30))
def test_next_n_times_then_previous_n_times_comes_back_on_repeat_all(queue: Queue, steps: int) -> None:
    queue = queue.with_repeat(Repeat.ALL)
    there = walk(queue, steps)
    for _ in range(steps):
        there = there.previous(elapsed=0)
    assert there == queue


@untimed
@given(played())
def test_without_repeat_a_queue_plays_every_entry_once_then_ends(queue: Queue) -> None:
    playing: Queue | None = queue.jump_to(queue.entries[0].key)
    heard = []
    while playing is not None:
        heard.append(playing.current_key)
        playing = playing.ended()
    assert heard == keys(queue.entries)


class QueueEditing(RuleBasedStateMachine):
    """Any sequence of user actions keeps the queue whole: each entry once in the play order and
    once in the list order, the two the same unless shuffled, and the current entry among them."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: Queue = Queue()
        self.rng = Random(0)

    @rule(items=playlists, data=st.data())
    def play(self, items: list[Track], data: st.DataObject) -> None:
        self.queue = self.queue.play(items, data.draw(st.integers(0, len(items) - 1)), self.rng)

    @rule(on=st.booleans())
    def shuffle(self, on: bool) -> None:
        self.queue = self.queue.with_shuffle(on, self.rng)

    @rule(repeat=st.sampled_from(Repeat))
    def repeat(self, repeat: Repeat) -> None:
        self.queue = self.queue.with_repeat(repeat)

    @rule()
    def next(self) -> None:
        self.queue = self.queue.next()

    @rule(elapsed=st.floats(0, 10))
    def previous(self, elapsed: float) -> None:
        self.queue = self.queue.previous(elapsed)

    @rule()
    def end_or_fail(self) -> None:
        self.queue = self.queue.ended() or self.queue.skip() or self.queue

    @precondition(lambda self: self.queue.entries)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        self.queue = self.queue.remove(data.draw(st.sampled_from(keys(self.queue.entries))))

    @precondition(lambda self: self.queue.entries)
    @rule(data=st.data())
    def move(self, data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(keys(self.queue.entries)))
        self.queue = self.queue.move(key, data.draw(st.integers(0, len(self.queue.entries) - 1)))

    @rule(items=st.lists(st.sampled_from(FIVE), max_size=3), next_up=st.booleans())
    def add(self, items: list[Track], next_up: bool) -> None:
        self.queue = self.queue.play_next(items) if next_up else self.queue.enqueue(items)

    @invariant()
    def entries_are_whole(self) -> None:
        queue = self.queue
        assert len(set(keys(queue.entries))) == len(queue.entries)
        assert sorted(keys(queue.entries)) == sorted(keys(queue.listed))
        assert all(key < queue.next_key for key in keys(queue.entries))
        if not queue.shuffle:
            assert queue.entries == queue.listed
        if queue.current_key is not None:
            assert queue.current_key in keys(queue.entries)


TestQueueEditing = QueueEditing.TestCase
TestQueueEditing.settings = settings(deadline=None, max_examples=60, stateful_step_count=25)
