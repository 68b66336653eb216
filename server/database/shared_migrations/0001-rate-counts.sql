-- Rate-limit counts that every process of every service sees (server/shared_counts.py): one fixed
-- window per service (`scope`) and key, on the wall clock, which processes share.
CREATE TABLE rate_counts (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    start DOUBLE PRECISION NOT NULL,
    ends DOUBLE PRECISION NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE INDEX rate_counts_ends ON rate_counts (ends);
