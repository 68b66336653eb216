"""Every read and write of the service's records."""

import json
from collections.abc import Callable
from pathlib import Path

from server.clock import Clock
from server.database import Connection, Database, Engine, Row, migrate, read_folder
from server.heavy.records import Job, Patch, RemovedPatch, Target, Token, User
from server.heavy.timestamps import iso

MIGRATIONS = read_folder(Path(__file__).parent / "migrations")

PATCH_COLUMNS = """
    p.id, o.name AS owner, c.name AS creator, p.name, p.description, p.tags, p.public, p.created_at
"""
PATCH_FROM = "patches p JOIN users o ON o.id = p.owner_id JOIN users c ON c.id = p.creator_id"
JOB_COLUMNS = """
    j.id, j.idx, j.release, u.name AS submitted_by, j.submitted_at, j.compile_time,
    j.warnings, j.errors
"""
JOB_FROM = "jobs j JOIN users u ON u.id = j.submitted_by"


class Store:
    """On `engine`, migrated on opening; rows are stamped with `clock`'s time."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.database, self.clock = Database(engine), clock
        legacy = _user_version if engine.name == "sqlite" else None
        migrate(self.database, MIGRATIONS, clock.now(), applied_before=legacy)

    def _now(self) -> str:
        return iso(self.clock.utcnow())

    def _read(self) -> Connection:
        return self.database.connection()

    def ping(self) -> None:
        self._read().execute("SELECT 1").fetchone()

    def secret(self, name: str, offered: str) -> str:
        """The secret kept as `name`, which is `offered` if none was: processes starting together
        all get the one the first of them stored."""
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                (name, offered),
            )
            return conn.execute("SELECT value FROM secrets WHERE name = ?", (name,)).fetchone()["value"]

    def user(self, name: str) -> User | None:
        row = self._read().execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return row and User(row["id"], row["name"], row["created_at"])

    def ensure_user(self, name: str) -> User:
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO users (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                (name, self._now()),
            )
        user = self.user(name)
        assert user is not None
        return user

    def add_token(self, user: User, label: str, start_date: str) -> Token:
        with self.database.write() as conn:
            row = conn.execute(
                "INSERT INTO tokens (user_id, label, start_date, created_at) VALUES (?, ?, ?, ?) RETURNING *",
                (user.id, label, start_date, self._now()),
            ).fetchone()
        return _token(row, user)

    def tokens(self, user: User) -> list[Token]:
        rows = self._read().execute("SELECT * FROM tokens WHERE user_id = ? ORDER BY id", (user.id,))
        return [_token(row, user) for row in rows]

    def active_token(self, user_name: str, start_date: str) -> Token | None:
        user = self.user(user_name)
        if user is None:
            return None
        row = (
            self._read()
            .execute(
                "SELECT * FROM tokens WHERE user_id = ? AND start_date = ? AND revoked_at IS NULL",
                (user.id, start_date),
            )
            .fetchone()
        )
        return row and _token(row, user)

    def revoke_token(self, user: User, token_id: int) -> bool:
        with self.database.write() as conn:
            cursor = conn.execute(
                "UPDATE tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                (self._now(), token_id, user.id),
            )
        return cursor.rowcount == 1

    def patch(self, owner: str, name: str) -> Patch | None:
        row = (
            self._read()
            .execute(
                f"SELECT {PATCH_COLUMNS} FROM {PATCH_FROM} WHERE o.name = ? AND p.name = ?", (owner, name)
            )
            .fetchone()
        )
        return row and _patch(row)

    def patches_of(self, owner: User) -> list[Patch]:
        rows = self._read().execute(
            f"SELECT {PATCH_COLUMNS} FROM {PATCH_FROM} WHERE p.owner_id = ? ORDER BY p.id", (owner.id,)
        )
        return [_patch(row) for row in rows]

    def create_patch(
        self,
        owner: User,
        creator: User,
        name: str,
        *,
        description: str,
        tags: list[str],
        public: bool,
    ) -> Patch | None:
        """None when the owner already has a patch of that name."""
        with self.database.write() as conn:
            created = conn.execute(
                "INSERT INTO patches (owner_id, creator_id, name, description, tags, public,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id, name) DO NOTHING"
                " RETURNING id",
                (owner.id, creator.id, name, description, json.dumps(tags), public, self._now()),
            ).fetchone()
        return None if created is None else self.patch(owner.name, name)

    def update_patch(self, patch: Patch, *, description: str, tags: list[str], public: bool) -> Patch:
        """The patch with its settings changed; the name, owner and jobs stay."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE patches SET description = ?, tags = ?, public = ? WHERE id = ?",
                (description, json.dumps(tags), public, patch.id),
            )
        updated = self.patch(patch.owner, patch.name)
        assert updated is not None
        return updated

    def delete_patch(self, patch: Patch) -> RemovedPatch:
        """Removes the patch with its jobs, targets and queued compiles; says whose files go too."""
        with self.database.write() as conn:
            job_ids = [row[0] for row in conn.execute("SELECT id FROM jobs WHERE patch_id = ?", (patch.id,))]
            uploads = [
                row[0]
                for row in conn.execute(
                    "SELECT upload FROM compile_jobs WHERE patch_id = ? AND state <> 'done'", (patch.id,)
                )
            ]
            conn.execute("DELETE FROM patches WHERE id = ?", (patch.id,))
        return RemovedPatch(job_ids, uploads)

    def add_job(
        self,
        patch: Patch,
        submitter: User,
        *,
        release: str,
        submitted_at: str,
        compile_time: float,
        warnings: list[dict],
        errors: list[dict],
        place_files: Callable[[int], object],
    ) -> Job:
        """Numbers the job and lets `place_files` move its files under the job id, atomically."""
        with self.database.write() as conn:
            index = self.next_index(conn, patch.id)
            job_id = insert_job(
                conn,
                patch.id,
                index,
                release=release,
                submitter_id=submitter.id,
                submitted_at=submitted_at,
                compile_time=compile_time,
                warnings=warnings,
                errors=errors,
            )
            place_files(job_id)
        job = self.job(patch, index)
        assert job is not None
        return job

    def next_index(self, conn: Connection, patch_id: int) -> int:
        """The next job number of the patch, past its jobs and the compiles it has waiting."""
        return conn.execute(
            "SELECT COALESCE(MAX(idx), 0) + 1 FROM (SELECT idx FROM jobs WHERE patch_id = ?"
            " UNION ALL SELECT idx FROM compile_jobs WHERE patch_id = ?) AS taken",
            (patch_id, patch_id),
        ).fetchone()[0]

    def jobs(self, patch: Patch) -> list[Job]:
        rows = self._read().execute(
            f"SELECT {JOB_COLUMNS} FROM {JOB_FROM} WHERE j.patch_id = ? ORDER BY j.idx", (patch.id,)
        )
        return [_job(row, patch) for row in rows]

    def job(self, patch: Patch, index: int | None) -> Job | None:
        """The job numbered `index`, or the newest one when `index` is None."""
        row = (
            self._read()
            .execute(
                f"SELECT {JOB_COLUMNS} FROM {JOB_FROM} WHERE j.patch_id = ?"
                " AND (? IS NULL OR j.idx = ?) ORDER BY j.idx DESC LIMIT 1",
                (patch.id, index, index),
            )
            .fetchone()
        )
        return row and _job(row, patch)

    def targets(self, job: Job) -> dict[str, Target]:
        rows = self._read().execute("SELECT * FROM targets WHERE job_id = ?", (job.id,))
        return {row["path"]: _target(row) for row in rows}

    def add_target(self, job: Job, path: str, *, size: int, compile_time: float) -> Target:
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO targets (job_id, path, size, compile_time, built_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id, path) DO UPDATE SET"
                " size = excluded.size, compile_time = excluded.compile_time,"
                " built_at = excluded.built_at",
                (job.id, path, size, compile_time, self._now()),
            )
        return self.targets(job)[path]


def insert_job(
    conn: Connection,
    patch_id: int,
    index: int,
    *,
    release: str,
    submitter_id: int,
    submitted_at: str,
    compile_time: float,
    warnings: list[dict],
    errors: list[dict],
) -> int:
    """The new job's id, inside the write transaction `conn` has open."""
    return conn.execute(
        "INSERT INTO jobs (patch_id, idx, release, submitted_by, submitted_at,"
        " compile_time, warnings, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            patch_id,
            index,
            release,
            submitter_id,
            submitted_at,
            compile_time,
            json.dumps(warnings),
            json.dumps(errors),
        ),
    ).fetchone()[0]


def _user_version(conn: Connection) -> int:
    """How many migrations heavy applied to a SQLite file before the migrations table: it counted
    them in `user_version` (0 on a new file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _token(row: Row, user: User) -> Token:
    return Token(row["id"], user, row["label"], row["start_date"], row["created_at"], row["revoked_at"])


def _patch(row: Row) -> Patch:
    return Patch(
        row["id"],
        row["owner"],
        row["creator"],
        row["name"],
        row["description"],
        tuple(json.loads(row["tags"])),
        bool(row["public"]),
        row["created_at"],
    )


def _job(row: Row, patch: Patch) -> Job:
    return Job(
        row["id"],
        patch,
        row["idx"],
        row["release"],
        row["submitted_by"],
        row["submitted_at"],
        row["compile_time"],
        tuple(json.loads(row["warnings"])),
        tuple(json.loads(row["errors"])),
    )


def _target(row: Row) -> Target:
    return Target(row["path"], row["size"], row["compile_time"], row["built_at"])
