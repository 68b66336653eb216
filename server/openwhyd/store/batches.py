"""Queries over long id lists, cut to stay under SQLite's limit on bound parameters."""

from collections.abc import Iterator, Sequence
from typing import Any

from server.database import Connection, Row

BATCH = 500


def rows_for(db: Connection, sql: str, ids: list[str], first: Sequence[Any] = ()) -> Iterator[Row]:
    """The rows of `sql`, whose `{marks}` stands for a list of ids, for every id of `ids`;
    `first` are the values of the parameters before `{marks}`.

    Each batch is one query, so an ORDER BY holds among the rows of the same id.
    """
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        yield from db.execute(sql.format(marks=",".join("?" * len(batch))), [*first, *batch])
