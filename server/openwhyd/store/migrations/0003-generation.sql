-- How many writes the database has seen, for processes that share it (store/generations.py): each
-- write transaction moves it on, so a process knows its cached answers are stale when another
-- process wrote. One row, made by the first write that counts.
CREATE TABLE generation (id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
