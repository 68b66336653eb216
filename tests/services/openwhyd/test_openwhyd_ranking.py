"""`/hot`'s ranking as the store keeps it (store/ranking.py): after writes of every kind, as the
week moves on and back, and past what the change log keeps, it is the ranking computed afresh.
On each engine, as each has triggers of its own that fill the log."""

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from server.database import Connection, engine_for, sqlite_url
from server.openwhyd.ids import id_at, new_id
from server.openwhyd.store import Store, posts, users
from server.openwhyd.store.ranking import Group, Ranking

DAY = 24 * 3600
NOW = 1_800_000_000.0
EIDS = [f"/yt/track{n}" for n in range(12)] + ["/sc/undefined"]
EVERY = 10**6


def afresh(db: Connection, since: str) -> tuple[list[Group], int]:
    return Ranking().page(db, since, 0, EVERY)


@pytest.fixture
def store_with_people(new_database: Callable[[], str | None], tmp_path: Path) -> tuple[Store, list[str]]:
    store = Store(engine_for(new_database() or sqlite_url(tmp_path), "openwhyd", busy_timeout=5), NOW)
    with store.write() as db:
        people = [users.insert(db, {"name": f"user {n}"}, None, NOW) for n in range(5)]
    return store, people


def some_write(db: Connection, rng: random.Random, people: list[str]) -> None:
    """A post, a repost, a like or unlike, an edit of the track, or a deletion."""
    existing = [row["id"] for row in db.execute("SELECT id FROM posts")]
    kind = rng.choice(["post", "post", "repost", "like", "like", "edit", "delete"]) if existing else "post"
    pid = rng.choice(existing) if existing else ""
    if kind == "post":
        at = NOW - rng.uniform(0, 10 * DAY)
        posts.insert(db, {"_id": new_id(at), "uId": rng.choice(people), "eId": rng.choice(EIDS)}, at)
    elif kind == "repost":
        posts.add_reposts(db, pid, 1)
    elif kind == "like":
        posts.toggle_love(db, pid, rng.choice(people))
    elif kind == "edit":
        post = posts.get(db, pid)
        assert post
        posts.replace(db, pid, {**post, "eId": rng.choice(EIDS)})
    else:
        posts.delete(db, pid)


def test_the_kept_ranking_follows_every_write_and_the_moving_week(
    store_with_people: tuple[Store, list[str]],
) -> None:
    store, people = store_with_people
    rng = random.Random(13)
    since = NOW - 7 * DAY
    for step in range(400):
        with store.write() as db:
            some_write(db, rng, people)
        if step % 7 == 0:
            since += rng.choice([60, 60, 3600, DAY, -2 * DAY])
        db = store.db()
        limit = rng.choice([1, 3, EVERY])
        skip = rng.choice([0, 2])
        ranked, total = afresh(db, id_at(since))
        assert store.week_ranking.page(db, id_at(since), skip, limit) == (ranked[skip : skip + limit], total)
    assert total > 5


def test_a_ranking_that_missed_part_of_the_log_is_still_right(
    store_with_people: tuple[Store, list[str]],
) -> None:
    store, people = store_with_people
    since = id_at(NOW - 7 * DAY)
    with store.write() as db:
        liked = posts.insert(db, {"uId": people[0], "eId": "/yt/liked"}, NOW - 1)
        busy = posts.insert(db, {"uId": people[0], "eId": "/yt/busy"}, NOW)
    assert store.week_ranking.page(store.db(), since, 0, EVERY)[0] == [Group(busy, 1, 0), Group(liked, 1, 0)]
    with store.write() as db:
        posts.toggle_love(db, liked, people[1])
    for n in range(2000):
        with store.write() as db:
            posts.toggle_love(db, busy, people[n % 2])
    kept, oldest = store.db().execute("SELECT count(*), min(seq) FROM track_changes").fetchone()
    assert 1000 <= kept < 2000, "trimmed once every 1000 entries, keeping the last 1000 at least"
    assert oldest > 3, "the entries the ranking read last are gone"
    assert store.week_ranking.page(store.db(), since, 0, EVERY)[0] == [Group(liked, 1, 1), Group(busy, 1, 0)]
