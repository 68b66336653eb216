"""Copying a service's rows from its SQLite database into its PostgreSQL schema, both migrated to
the same version: every table they share, parents before the tables that refer to them, in one
transaction, checked by counts.

Tables an engine keeps for itself are not copied: `migrations` (the target recorded its own), the
FTS5 tables on SQLite and the `*_words` tables on PostgreSQL, which the target's triggers fill.
Nor are change logs the target's triggers fill as the rows go in (Openwhyd's `track_changes`):
copied too, they would hold each change twice, under numbers the target's sequence gives again.
"""

import sqlite3
from collections.abc import Callable
from graphlib import TopologicalSorter
from typing import Any, cast

from server.database.database import Database
from server.database.engine import Connection
from server.database.variant import Variant

BATCH = 1000
KEPT_BY_THE_ENGINE = {"migrations"}
FILLED_BY_TRIGGERS = {"track_changes"}


class NotEmpty(Exception):
    """The target already holds rows: a copy would mix two worlds."""


def tables(source: sqlite3.Connection, target: Connection) -> list[str]:
    """The tables to copy, each after those its foreign keys name."""
    mine = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    theirs = {
        row[0]
        for row in target.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    }
    shared = (mine & theirs) - KEPT_BY_THE_ENGINE - FILLED_BY_TRIGGERS
    parents = {
        table: {row["table"] for row in source.execute(f'PRAGMA foreign_key_list("{table}")')} & shared
        for table in shared
    }
    return list(TopologicalSorter(parents).static_order())


def counts(db: Connection | sqlite3.Connection, names: list[str]) -> dict[str, int]:
    return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in names}


def refuse_filled(source: Database, target: Database) -> None:
    """`NotEmpty` when the target has a row in a table the copy would fill."""
    names = tables(cast(sqlite3.Connection, source.connection()), target.connection())
    filled = {table: n for table, n in counts(target.connection(), names).items() if n}
    if filled:
        raise NotEmpty(f"the target already has rows: {filled}")


def copy_rows(source: Database, target: Database) -> dict[str, int]:
    """Rows per table, copied; refuses (`NotEmpty`) a target with a row in any of them, and fails
    (`RuntimeError`) when the target does not count what the source does."""
    refuse_filled(source, target)
    reads = cast(sqlite3.Connection, source.connection())
    names = tables(reads, target.connection())
    with target.write() as db:
        for table in names:
            _copy_table(reads, db, table)
    copied, found = counts(reads, names), counts(target.connection(), names)
    if copied != found:
        raise RuntimeError(f"counts differ after the copy: {copied} in the source, {found} in the target")
    return copied


def _copy_table(source: sqlite3.Connection, target: Connection, table: str) -> None:
    """In row id order, so the target's rows keep their ids (`seq`, a job's number), and its
    identity sequences go on after the highest."""
    types = dict(
        target.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        ).fetchall()
    )
    rows = source.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    columns = [column[0] for column in rows.description]
    convert = [_converter(types[column]) for column in columns]
    names = ", ".join(f'"{column}"' for column in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    while batch := rows.fetchmany(BATCH):
        values = [[to(value) for to, value in zip(convert, row, strict=True)] for row in batch]
        target.executemany(insert, values)
    identities = target.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'",
        (table,),
    )
    for (column,) in identities.fetchall():
        target.execute(
            f'SELECT setval(pg_get_serial_sequence(?, ?), max("{column}")) FROM "{table}"'
            " HAVING count(*) > 0",
            (table, column),
        )


def _converter(target_type: str) -> Callable[[Any], Any]:
    """SQLite's value as the target column takes it: a typed value into `jsonb`, 0/1 into a boolean."""
    if target_type == "jsonb":
        return lambda value: None if value is None else Variant(value)
    if target_type == "boolean":
        return lambda value: None if value is None else bool(value)
    return lambda value: value
