-- heavy's schema: users, their tokens, patches, the jobs that compiled them and their targets.
--
-- SQLite's: `INTEGER PRIMARY KEY` row ids (AUTOINCREMENT for jobs, whose ids name folders and so
-- are never reused), `REAL` durations, `public` an integer.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    start_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    UNIQUE (user_id, start_date)
);
CREATE TABLE patches (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    creator_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    public INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (owner_id, name)
);
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patch_id INTEGER NOT NULL REFERENCES patches(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    release TEXT NOT NULL,
    submitted_by INTEGER NOT NULL REFERENCES users(id),
    submitted_at TEXT NOT NULL,
    compile_time REAL NOT NULL,
    warnings TEXT NOT NULL,
    errors TEXT NOT NULL,
    UNIQUE (patch_id, idx)
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    compile_time REAL NOT NULL,
    built_at TEXT NOT NULL,
    UNIQUE (job_id, path)
);
