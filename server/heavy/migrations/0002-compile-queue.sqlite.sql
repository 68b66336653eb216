-- Compiles wait here for a worker: queued, then running under a worker's lease, then done (its job
-- recorded) or failed. The job's number is taken at submit and kept through every attempt.
CREATE TABLE compile_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patch_id INTEGER NOT NULL REFERENCES patches(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    release TEXT NOT NULL,
    submitted_by INTEGER NOT NULL REFERENCES users(id),
    submitted_at TEXT NOT NULL,
    upload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    worker TEXT,
    lease_until REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
    failure TEXT,
    UNIQUE (patch_id, idx)
);
CREATE INDEX compile_jobs_waiting ON compile_jobs (state, id);
