-- Openwhyd's schema. Tables mirror the Mongo collections of the real server (reference §4).
-- Fields the API filters or sorts on are columns; the rest of a document lives in the JSON column
-- `doc`, so documents loaded from a seed come back with every field they had.
--
-- SQLite's: `pl_id` has no declared type, so an int playlist id and a legacy string id stay
-- distinct, as they do in Mongo; `REAL` times; `INTEGER PRIMARY KEY` row ids; FTS5 tables kept
-- in step with their tables by triggers, which `SqliteEngine.matching` searches.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE users (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    handle TEXT UNIQUE,
    email TEXT,
    pwd TEXT,
    doc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX users_email ON users (email);

CREATE TABLE playlists (
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pl_id,
    name TEXT,
    img TEXT
);
CREATE INDEX playlists_user ON playlists (uid, seq);

CREATE TABLE posts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uid TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    unm TEXT,
    text TEXT,
    name TEXT,
    eid TEXT,
    img TEXT,
    ctx TEXT,
    src TEXT,
    pl_id,
    pl_name TEXT,
    repost_pid TEXT,
    repost_uid TEXT,
    repost_unm TEXT,
    nb_p INTEGER,
    nb_r INTEGER,
    ord INTEGER,
    doc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX posts_user ON posts (uid, id);
CREATE INDEX posts_playlist ON posts (uid, pl_id, ord, id DESC);
CREATE INDEX posts_reposts ON posts (repost_pid, id);

CREATE TABLE loves (
    seq INTEGER PRIMARY KEY,
    pid TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    UNIQUE (pid, uid)
);
CREATE INDEX loves_user ON loves (uid, pid);

CREATE TABLE comments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    pid TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    unm TEXT,
    text TEXT,
    created REAL NOT NULL
);
CREATE INDEX comments_post ON comments (pid, seq);
CREATE INDEX comments_user ON comments (uid, pid, created);

CREATE TABLE follows (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uid TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    unm TEXT,
    tid TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tnm TEXT,
    ctx TEXT,
    UNIQUE (uid, tid)
);
CREATE INDEX follows_target ON follows (tid, id);
CREATE INDEX follows_user ON follows (uid, id);

CREATE TABLE sessions (
    sid TEXT PRIMARY KEY,
    uid TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires REAL NOT NULL
);
CREATE INDEX sessions_user ON sessions (uid);

CREATE VIRTUAL TABLE posts_fts USING fts5 (
    name, content='posts', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, name) VALUES (new.seq, new.name);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, name) VALUES ('delete', old.seq, old.name);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF name ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, name) VALUES ('delete', old.seq, old.name);
    INSERT INTO posts_fts (rowid, name) VALUES (new.seq, new.name);
END;

CREATE VIRTUAL TABLE users_fts USING fts5 (
    name, handle, content='users', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_fts (rowid, name, handle) VALUES (new.seq, new.name, new.handle);
END;
CREATE TRIGGER users_fts_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, name, handle)
    VALUES ('delete', old.seq, old.name, old.handle);
END;
CREATE TRIGGER users_fts_update AFTER UPDATE OF name, handle ON users BEGIN
    INSERT INTO users_fts (users_fts, rowid, name, handle)
    VALUES ('delete', old.seq, old.name, old.handle);
    INSERT INTO users_fts (rowid, name, handle) VALUES (new.seq, new.name, new.handle);
END;

CREATE VIRTUAL TABLE playlists_fts USING fts5 (
    name, content='playlists', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER playlists_fts_insert AFTER INSERT ON playlists BEGIN
    INSERT INTO playlists_fts (rowid, name) VALUES (new.seq, new.name);
END;
CREATE TRIGGER playlists_fts_delete AFTER DELETE ON playlists BEGIN
    INSERT INTO playlists_fts (playlists_fts, rowid, name) VALUES ('delete', old.seq, old.name);
END;
CREATE TRIGGER playlists_fts_update AFTER UPDATE OF name ON playlists BEGIN
    INSERT INTO playlists_fts (playlists_fts, rowid, name) VALUES ('delete', old.seq, old.name);
    INSERT INTO playlists_fts (rowid, name) VALUES (new.seq, new.name);
END;
