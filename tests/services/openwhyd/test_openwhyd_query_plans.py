"""Lists that must walk the right index on a large world, read from their query plans: the
planner picks them from the statistics the store gathers on opening (`Store.analyze`)."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from server.database import Connection, Cursor, SqliteEngine
from server.openwhyd.ids import new_id
from server.openwhyd.store import Store, posts, users
from server.openwhyd.store.posts import Page

NOW = 1_800_000_000.0
BIG = {"id": 0, "name": "big"}


class Planned:
    """A connection that notes the plan of each query it runs."""

    def __init__(self, db: Connection) -> None:
        self.db, self.steps = db, list[str]()

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        plan = self.db.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)
        self.steps.extend(row["detail"] for row in plan)
        return self.db.execute(sql, parameters)


def test_a_page_of_a_big_playlist_reads_the_playlist_not_every_post_of_its_owner(tmp_path: Path) -> None:
    """The older half of the playlist has an `order`, and the page starts ten tracks before the
    end of the newer half: both parts of the playlist are read."""
    store = Store(SqliteEngine(tmp_path / "openwhyd.sqlite3", busy_timeout=5), NOW)
    with store.write() as db:
        people = [users.insert(db, {"name": f"user {n}", "pl": [BIG]}, None, NOW) for n in range(20)]
        listed = []
        for n in range(2000):
            owner, pl = (people[0], BIG) if n < 1000 else (people[n % 20], None)
            doc = {"_id": new_id(NOW - n), "uId": owner, "eId": f"/yt/{n}", "pl": pl}
            listed.append(posts.insert(db, doc, NOW))
        posts.set_order(db, people[0], listed[500:1000])
    store.analyze()
    planned = Planned(store.db())
    page = posts.in_playlist(planned, people[0], 0, Page(21, after=listed[489]))
    assert [post["_id"] for post in page] == listed[490:511]
    searches = [step for step in planned.steps if step.startswith("SEARCH p ")]
    assert len(searches) == 2 and all("USING INDEX posts_playlist" in step for step in searches)
