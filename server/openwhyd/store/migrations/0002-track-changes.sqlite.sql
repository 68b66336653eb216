-- What `/hot` needs to keep its ranking up to date without aggregating the week again per write
-- (store/ranking.py): every write that can change a track's group logs the track's eId, in the
-- same transaction; the ranking reads the log past the last entry it applied and recomputes only
-- those tracks, each through `posts_track`. The log keeps its last 1000 entries: a ranking that
-- finds entries missing rebuilds itself.
--
-- SQLite's: AUTOINCREMENT so a number is never used twice, even once the log was emptied; cascades
-- (a post's likes, a deleted user's posts) fire these triggers too.
CREATE INDEX posts_track ON posts (eid, id);

CREATE TABLE track_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, eid TEXT NOT NULL);

CREATE TRIGGER track_changes_kept AFTER INSERT ON track_changes BEGIN
    DELETE FROM track_changes WHERE seq <= new.seq - 1000;
END;

CREATE TRIGGER posts_track_insert AFTER INSERT ON posts WHEN new.eid IS NOT NULL BEGIN
    INSERT INTO track_changes (eid) VALUES (new.eid);
END;
CREATE TRIGGER posts_track_delete AFTER DELETE ON posts WHEN old.eid IS NOT NULL BEGIN
    INSERT INTO track_changes (eid) VALUES (old.eid);
END;
CREATE TRIGGER posts_track_update AFTER UPDATE OF id, eid, nb_r ON posts BEGIN
    INSERT INTO track_changes (eid) SELECT old.eid WHERE old.eid IS NOT NULL;
    INSERT INTO track_changes (eid) SELECT new.eid WHERE new.eid IS NOT old.eid AND new.eid IS NOT NULL;
END;

CREATE TRIGGER loves_track_insert AFTER INSERT ON loves BEGIN
    INSERT INTO track_changes (eid) SELECT eid FROM posts WHERE id = new.pid AND eid IS NOT NULL;
END;
CREATE TRIGGER loves_track_delete AFTER DELETE ON loves BEGIN
    INSERT INTO track_changes (eid) SELECT eid FROM posts WHERE id = old.pid AND eid IS NOT NULL;
END;
