-- The change log of 0002 is trimmed once every 1000 entries instead of at each one: it keeps at
-- least its last 1000 (up to 1999), which is all the ranking asks of it. Per entry, a seed or
-- import that writes many posts in one transaction paid for every entry trimmed before it on
-- PostgreSQL (see the PostgreSQL script); both engines trim alike.
DROP TRIGGER track_changes_kept;

CREATE TRIGGER track_changes_kept AFTER INSERT ON track_changes WHEN new.seq % 1000 = 0 BEGIN
    DELETE FROM track_changes WHERE seq <= new.seq - 1000;
END;
