-- Targets being built, each by the one process that claimed it, under a lease it renews: the
-- processes of every app machine sharing the database build a target once, not once each.
CREATE TABLE target_builds (
    job_id BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    holder TEXT NOT NULL,
    lease_until DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (job_id, path)
);
