"""A queue made from a list that arrives page by page: it grows with the list, and only while it
is still that list."""

from random import Random

from app.openwhyd.models import Track
from app.player.queue import Queue


def tracks(first: int, count: int) -> tuple[Track, ...]:
    numbers = range(first, first + count)
    return tuple(Track(id=f"p{n}", eid=f"/fi/{n}.mp3", name=f"track {n}") for n in numbers)


def ids(entries: tuple) -> list[str]:
    return [entry.item.id for entry in entries]


PAGE, MORE = tracks(0, 4), tracks(4, 3)


def test_the_rest_of_a_list_goes_at_the_end_and_the_current_track_stays() -> None:
    queue = Queue().play(PAGE, 2).extend(MORE)
    assert ids(queue.entries) == ids(queue.listed) == [f"p{n}" for n in range(7)]
    assert queue.current.item.id == "p2"
    assert len({entry.key for entry in queue.entries}) == 7
    assert ids(queue.next().next().next().next().entries[-1:]) == ["p6"]


def test_shuffled_the_rest_goes_among_what_is_still_to_come() -> None:
    playing = Queue().with_shuffle(True).play(PAGE, 1, Random(3)).next()
    played = playing.entries[: playing.position + 1]
    queue = playing.extend(MORE, Random(5))
    assert queue.entries[: len(played)] == played
    every = [track.id for track in PAGE + MORE]
    assert sorted(ids(queue.entries)) == sorted(every) and ids(queue.listed) == every
    assert queue.current == playing.current
    orders = {tuple(ids(playing.extend(MORE, Random(seed)).entries)) for seed in range(20)}
    assert len(orders) > 1  # the new tracks land at random places, not always at the end


def test_extending_a_queue_with_nothing_current_starts_nothing() -> None:
    queue = Queue().extend(MORE)
    assert queue.current is None and ids(queue.listed) == ["p4", "p5", "p6"]


def test_a_queue_holds_the_list_it_was_made_from_until_it_changes() -> None:
    queue = Queue().play(PAGE, 0)
    assert queue.holds(PAGE)
    assert not queue.holds(PAGE + MORE)
    assert not queue.holds(tracks(0, 4))  # equal tracks of another list are not the same list
    assert not queue.enqueue(MORE[:1]).holds(PAGE)
    assert not queue.remove(queue.entries[1].key).holds(PAGE)
    assert queue.extend(MORE).holds(PAGE + MORE)
