"""The database layer both services stand on: the statement splitter, write transactions, and
migrations applied once each, per engine, recorded with the given time."""

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from buildkit.paths import ROOT
from server.database import Database, SqliteEngine, engine_for, migrate, read_folder
from server.database.postgresql import PostgresEngine, placeholders
from server.database.sqlite import statements
from tests.waiting import until

TRIGGER = """
CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);  -- a comment; with a semicolon
CREATE TABLE log (text TEXT); INSERT INTO notes (text) VALUES ('a; b'), ('it''s; fine');
/* a block comment; still one */
CREATE TRIGGER noted AFTER INSERT ON notes BEGIN
    INSERT INTO log VALUES ('noted; ' || new.text);
    INSERT INTO log VALUES (CASE WHEN new.text = ';' THEN 'semicolon' ELSE 'text' END);
END;
-- the end; nothing after it
"""


def database(tmp_path: Path) -> Database:
    return Database(SqliteEngine(tmp_path / "test.sqlite3", busy_timeout=5))


def write_scripts(folder: Path, scripts: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, sql in scripts.items():
        (folder / name).write_text(sql)
    return folder


def test_statements_end_where_sqlite_says_one_is_complete() -> None:
    assert statements(TRIGGER) == [
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);",
        "-- a comment; with a semicolon\nCREATE TABLE log (text TEXT);",
        "INSERT INTO notes (text) VALUES ('a; b'), ('it''s; fine');",
        "/* a block comment; still one */\nCREATE TRIGGER noted AFTER INSERT ON notes BEGIN\n"
        "    INSERT INTO log VALUES ('noted; ' || new.text);\n"
        "    INSERT INTO log VALUES (CASE WHEN new.text = ';' THEN 'semicolon' ELSE 'text' END);\nEND;",
        "-- the end; nothing after it",
    ]


def test_a_script_runs_inside_the_open_transaction(tmp_path: Path) -> None:
    db = database(tmp_path)
    with db.write() as conn:
        db.engine.run_script(conn, TRIGGER)
        conn.execute("INSERT INTO notes (text) VALUES (';')")
    texts = [row[0] for row in db.connection().execute("SELECT text FROM notes ORDER BY id")]
    assert texts == ["a; b", "it's; fine", ";"]
    assert [row[0] for row in db.connection().execute("SELECT text FROM log")] == ["noted; ;", "semicolon"]
    with pytest.raises(ZeroDivisionError), db.write() as conn:
        db.engine.run_script(conn, "CREATE TABLE gone (x); INSERT INTO notes (text) VALUES ('gone');")
        raise ZeroDivisionError
    tables = {row[0] for row in db.connection().execute("SELECT name FROM sqlite_master")}
    assert "gone" not in tables
    assert db.connection().execute("SELECT count(*) FROM notes").fetchone()[0] == 3


def test_each_thread_has_its_own_connection(tmp_path: Path) -> None:
    db = database(tmp_path)
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(db.connection()))
    thread.start()
    thread.join()
    assert db.connection() is db.connection() and seen[0] is not db.connection()


def test_migrations_apply_once_each_and_are_recorded_at_the_given_time(tmp_path: Path) -> None:
    folder = write_scripts(
        tmp_path / "migrations",
        {
            "0001-notes.sqlite.sql": TRIGGER,
            "0001-notes.postgresql.sql": "this is not SQLite;",
            "0002-more.sql": "ALTER TABLE notes ADD COLUMN more TEXT;",
        },
    )
    db = database(tmp_path)
    assert migrate(db, read_folder(folder), now=1000.0) == [1, 2]
    assert migrate(db, read_folder(folder), now=2000.0) == []
    recorded = db.connection().execute("SELECT version, applied FROM migrations ORDER BY version")
    assert [tuple(row) for row in recorded] == [(1, 1000.0), (2, 1000.0)]
    write_scripts(folder, {"0003-later.sql": "CREATE INDEX notes_text ON notes (text);"})
    assert migrate(db, read_folder(folder), now=3000.0) == [3]
    assert db.connection().execute("SELECT count(*) FROM notes").fetchone()[0] == 2


def test_a_failing_migration_leaves_nothing_of_itself(tmp_path: Path) -> None:
    folder = write_scripts(
        tmp_path / "migrations",
        {"0001-a.sql": "CREATE TABLE a (x);", "0002-b.sql": "CREATE TABLE b (x); CREATE TABLE a (x);"},
    )
    db = database(tmp_path)
    with pytest.raises(Exception, match="already exists"):
        migrate(db, read_folder(folder), now=1.0)
    tables = {row[0] for row in db.connection().execute("SELECT name FROM sqlite_master")}
    assert "a" in tables and "b" not in tables
    assert [row[0] for row in db.connection().execute("SELECT version FROM migrations")] == [1]


def test_versions_counted_before_the_table_are_recorded_not_run(tmp_path: Path) -> None:
    folder = write_scripts(tmp_path / "migrations", {"0001-a.sql": "CREATE TABLE a (x);"})
    db = database(tmp_path)
    db.connection().execute("CREATE TABLE a (x)")
    assert migrate(db, read_folder(folder), now=5.0, applied_before=lambda conn: 1) == []
    assert [tuple(row) for row in db.connection().execute("SELECT * FROM migrations")] == [(1, 5.0)]


def test_a_migration_folder_is_numbered_from_one_without_gaps(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not numbered"):
        read_folder(write_scripts(tmp_path / "gap", {"0001-a.sql": "", "0003-c.sql": ""}))
    with pytest.raises(ValueError, match="not named like"):
        read_folder(write_scripts(tmp_path / "odd", {"1-a.sql": ""}))
    only_other = read_folder(write_scripts(tmp_path / "other", {"0001-a.postgresql.sql": ""}))
    with pytest.raises(LookupError, match="no script for sqlite"):
        migrate(database(tmp_path), only_other, now=0.0)


def test_the_services_migrations_have_a_script_for_each_engine() -> None:
    from server.heavy.store import MIGRATIONS as HEAVY
    from server.openwhyd.store import MIGRATIONS as OPENWHYD

    for migrations in (HEAVY, OPENWHYD):
        for engine in ("sqlite", "postgresql"):
            assert migrations and all(migration.script(engine) for migration in migrations)


def test_question_marks_become_psycopgs_placeholders_outside_quotes_and_comments() -> None:
    statement = "SELECT '?', \"a?\", ? -- why?\nFROM t WHERE x LIKE '%a' AND y % 2 = ?"
    translated = "SELECT '?', \"a?\", %s -- why?\nFROM t WHERE x LIKE '%%a' AND y %% 2 = %s"
    assert placeholders(statement) == translated
    assert placeholders("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"


def test_a_url_names_the_engine_and_where_each_services_data_goes(tmp_path: Path) -> None:
    sqlite = engine_for(f"sqlite:///{tmp_path}", "heavy", busy_timeout=5)
    assert isinstance(sqlite, SqliteEngine) and sqlite.path == tmp_path / "heavy" / "heavy.sqlite3"
    assert (tmp_path / "heavy").stat().st_mode & 0o777 == 0o700
    postgres = engine_for("postgresql://me@db.example/music", "openwhyd", busy_timeout=5)
    assert isinstance(postgres, PostgresEngine) and postgres.schema == "openwhyd"
    assert postgres.write_lock != PostgresEngine(postgres.url, "heavy", 5).write_lock
    with pytest.raises(ValueError):
        engine_for("mysql://db.example/music", "heavy", busy_timeout=5)


OPEN_FRESH_DATABASES = """
# Says it is ready, then spins until told to go, so that the processes start as close together
# as they can, and opens a hundred fresh databases one after the other.
import sys
from pathlib import Path
from server.database import SqliteEngine
folder = Path(sys.argv[1])
(folder / f"ready-{sys.argv[2]}").touch()
while not (folder / "go").exists():
    pass
for number in range(100):
    engine = SqliteEngine(folder / f"{number}.sqlite3", busy_timeout=5)
    engine.prepare()
    engine.connect().execute("SELECT 1")
"""


def test_processes_opening_fresh_databases_at_once_all_open_them(tmp_path: Path) -> None:
    """Their switches to WAL collide, and SQLite does not wait out that lock by itself (before the
    retry, most runs of this test failed)."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_FRESH_DATABASES, str(tmp_path), str(number)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
        )
        for number in range(6)
    ]
    until(lambda: len(list(tmp_path.glob("ready-*"))) == len(processes), 60.0)
    (tmp_path / "go").touch()
    failed = [proc.stderr.read().decode() for proc in processes if proc.wait() != 0 and proc.stderr]
    assert failed == []
